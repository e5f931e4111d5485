"""Demo data never reaches a county: demo ledgers are marked, enrol only with a training hub,
and a real hub refuses any bundle carrying demo changes (whatever the device claims)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from fieldapp.cli.main import main as cli
from fieldapp.demo import generator
from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import ValidationFailed
from fieldapp.hub.folder import Hub
from fieldapp.paperwork import jobs
from fieldapp.store.ledger import Ledger
from fieldapp.sync import enrolment
from fieldapp.sync.errors import BundleRefused, SyncError
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE

AREA = "520502010003"


def demo_ledger(path: Path, persons: int = 30) -> Ledger:
    ledger = Ledger.open(path, author="王芳")
    build_demo(ledger, persons, seed=4, area=AREA)
    return ledger


def test_a_demo_is_marked_and_written_as_demo(tmp_path):
    ledger = demo_ledger(tmp_path / "demo.db")
    assert ledger.get_meta("ledger_kind") == "demo"
    assert ledger.device_id.startswith("demo-")
    authors = {r[0] for r in ledger.db.execute("SELECT DISTINCT author FROM changes")}
    origins = {r[0] for r in ledger.db.execute("SELECT DISTINCT device_id FROM changes")}
    assert authors == {"演示数据"} and origins == {ledger.device_id}
    assert ledger.author == "王芳"  # the user's own later edits are theirs
    ledger.close()


def test_a_real_ledger_refuses_demo_people(tmp_path):
    from tests.ui.conftest import UI_USER, fill_ledger

    path = tmp_path / "real.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationFailed, match="正式台账"):
        build_demo(ledger, 10)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert ledger.get_meta("ledger_kind") is None and not ledger.device_id.startswith("demo-")
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 3
    ledger.close()


def test_enrolment_keeps_demo_and_real_apart(tmp_path):
    real_hub = Hub.init(tmp_path / "county", "七星关区汇总中心")
    training_hub = Hub.init(tmp_path / "training", "培训中心", training=True)
    assert training_hub.training and not real_hub.training
    real_hub.enroll("演示笔记本", AREA, tmp_path / "real.json", code=ENROL_CODE, by="县里的科员")
    training_hub.enroll(
        "演示笔记本", AREA, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员"
    )
    demo = demo_ledger(tmp_path / "demo.db")
    with pytest.raises(SyncError, match="演示台账"):
        enrolment.enrol(demo, tmp_path / "real.json", code=ENROL_CODE)
    assert enrolment.enrol(demo, tmp_path / "training.json", code=ENROL_CODE).hub == "培训中心"
    real = Ledger.open(tmp_path / "village.db")
    with pytest.raises(SyncError, match="培训用"):
        enrolment.enrol(real, tmp_path / "training.json", code=ENROL_CODE)
    for led in (demo, real):
        led.close()
    real_hub.close()
    training_hub.close()


def test_a_real_hub_refuses_a_bundle_with_demo_changes(tmp_path, monkeypatch):
    real_hub = Hub.init(tmp_path / "county", "七星关区汇总中心")
    real_hub.enroll("演示笔记本", AREA, tmp_path / "real.json", code=ENROL_CODE, by="县里的科员")
    demo = demo_ledger(tmp_path / "demo.db")
    # A device that got past its own check (an old or altered program) …
    monkeypatch.setattr(enrolment, "check_training", lambda *_a: None)
    enrolment.enrol(demo, tmp_path / "real.json", code=ENROL_CODE)
    bundle = export_bundle(demo, tmp_path / "demo.fieldsync").path
    before = real_hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    # … still meets the hub, which reads the origin of every change.
    with pytest.raises(BundleRefused) as refused:
        real_hub.import_file(bundle)
    assert refused.value.code == "demo" and "演示" in str(refused.value)
    assert real_hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert refused.value.quarantined and Path(refused.value.quarantined).exists()
    demo.close()
    real_hub.close()


def test_a_training_hub_takes_the_demo(tmp_path):
    hub = Hub.init(tmp_path / "training", "培训中心", training=True)
    hub.enroll("演示笔记本", AREA, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员")
    demo = demo_ledger(tmp_path / "demo.db")
    enrolment.enrol(demo, tmp_path / "training.json", code=ENROL_CODE)
    exported = export_bundle(demo, tmp_path / "demo.fieldsync")
    outcome = hub.import_file(exported.path)
    assert outcome.changes == exported.changes > 0
    persons = hub.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    assert persons == 30
    demo.close()
    hub.close()


def test_every_printed_page_of_a_demo_says_so(tmp_path):
    demo = demo_ledger(tmp_path / "demo.db", persons=120)
    job = jobs.visits_job(demo, AREA, "2026-11")
    reader = pypdf.PdfReader(io.BytesIO(job.render()))
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert "演示台账" in page.extract_text()
    demo.close()


def test_more_demo_on_an_enrolled_demo_ledger_stays_in_its_area(tmp_path, monkeypatch):
    # A training laptop enrolled for one village asks for more demo, as the CLI and the wizard
    # do (no area named): the new households go into its village, heads and all, written in
    # chunks (here of 20 persons) through the device's own trust check, and the hub takes them.
    # Before, every household was refused (its head, written after it, "在中心不存在").
    monkeypatch.setattr(generator, "FLUSH_PERSONS", 20)
    hub = Hub.init(tmp_path / "training", "培训中心", training=True)
    hub.enroll("演示笔记本", AREA, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员")
    demo = demo_ledger(tmp_path / "demo.db")
    enrolment.enrol(demo, tmp_path / "training.json", code=ENROL_CODE)
    demo.close()
    assert cli(["--db", str(tmp_path / "demo.db"), "demo", "--persons", "60", "--seed", "9"]) == 0
    demo = Ledger.open(tmp_path / "demo.db", author="王芳")
    q = demo.db.execute
    assert q("SELECT count(*) FROM persons").fetchone()[0] == 90
    places = {r[0] for r in q("SELECT area_code FROM households").fetchall()}
    assert all(code.startswith(AREA) for code in places), places
    heads = q(
        "SELECT count(*) FROM households h JOIN persons p ON p.id = h.head_person_id "
        "AND p.household_id = h.id"
    ).fetchone()[0]
    assert heads == q("SELECT count(*) FROM households").fetchone()[0]
    exported = export_bundle(demo, tmp_path / "more.fieldsync")
    assert hub.import_file(exported.path).changes == exported.changes
    assert hub.rejected() == []
    assert hub.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 90
    demo.close()
    hub.close()


def test_more_demo_outside_the_enrolled_area_is_refused_in_plain_words(tmp_path):
    hub = Hub.init(tmp_path / "training", "培训中心", training=True)
    hub.enroll("演示笔记本", AREA, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员")
    demo = demo_ledger(tmp_path / "demo.db")
    enrolment.enrol(demo, tmp_path / "training.json", code=ENROL_CODE)
    before = demo.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        build_demo(demo, 20, seed=9, area="520502010001")
    said = str(refused.value)
    village = demo.db.execute("SELECT name FROM areas WHERE code = ?", [AREA]).fetchone()[0]
    assert said.startswith(f"这台电脑登记负责{village}，演示数据只能加在{village}以内"), said
    assert "七星关区碧阳街道的一个村不在其中" in said, said
    assert not any(ch.isdigit() for ch in said), said
    assert demo.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    demo.close()
    hub.close()


def test_a_restored_demo_keeps_writing_as_demo_and_a_real_hub_still_refuses_it(
    tmp_path, monkeypatch
):
    """A demo ledger restored from its backup (or told `fieldapp sync restored`) writes under
    a fresh change-log id: it took a plain random one, and the changes the hub never had moved
    to it — so every change of a demo never synced came under an id no hub reads as a demo's,
    and a real hub's own check (the origin of every change, whatever the program says) let
    its 30 fictitious people in. The fresh id of a demo is a demo's id too."""
    from fieldapp.services.incarnation import start_new_incarnation

    real_hub = Hub.init(tmp_path / "county", "七星关区汇总中心")
    real_hub.enroll("演示笔记本", AREA, tmp_path / "real.json", code=ENROL_CODE, by="县里的科员")
    demo = demo_ledger(tmp_path / "demo.db")
    monkeypatch.setattr(enrolment, "check_training", lambda *_a: None)  # an old program
    enrolment.enrol(demo, tmp_path / "real.json", code=ENROL_CODE)
    fresh = start_new_incarnation(demo)
    assert fresh.startswith("demo-") and demo.device_id == fresh
    origins = {r[0] for r in demo.db.execute("SELECT DISTINCT device_id FROM changes")}
    assert all(o.startswith("demo-") for o in origins), origins
    bundle = export_bundle(demo, tmp_path / "demo.fieldsync").path
    with pytest.raises(BundleRefused) as refused:
        real_hub.import_file(bundle)
    assert refused.value.code == "demo"
    assert real_hub.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    demo.close()
    real_hub.close()
