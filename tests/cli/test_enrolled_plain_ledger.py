"""A ledger an older program enrolled without a password kept the device's private sync keys
(and every ID number and account) in clear, and this version still opened it from the command
line without one — searched, exported, synced — leaving the keys in the file for good: only the
desktop's login encrypted it. Such a ledger is now refused without a password, nothing in it
changed, the refusal saying how to set one; run with a user and password it is encrypted in
place (the county's slot added, so the county can reset the password) and the command runs.
A real plain ledger enrolled the old way (the command line of before, which enrolled a plain
ledger: `FIELDAPP_TEST_PLAIN_ENROL` lets it do so again), a real hub folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store import keyfile
from fieldapp.store.connection import is_plain_sqlite
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import read_enrolment, unb64
from tests.codes import plain_hub
from tests.sync.helpers import VILLAGE, add_family


def _enrolled_the_old_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, bytes]:
    """A village ledger without a password, with people, enrolled as an older program did;
    with the device's private signing key. The suite's own plain ledgers' leave to open
    without a password (FIELDAPP_TEST_PLAIN_LEDGERS) is taken away: this one is a village's."""
    monkeypatch.delenv("FIELDAPP_TEST_PLAIN_LEDGERS")
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    enrolment = tmp_path / "红星村.enrol"
    enroll = ["hub", "enroll", "--dir", str(hub), "--device", "红星村", "--area", VILLAGE]
    assert main([*enroll, "--out", str(enrolment), "--json"]) == 0
    code = str(json.loads(capsys.readouterr().out)["code"])
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", code)
    secret = unb64(read_enrolment(enrolment, code)["device"]["sign_secret"])
    db = tmp_path / "村" / "ledger.db"
    db.parent.mkdir()
    plain = Ledger.open(db)
    add_family(plain, VILLAGE, ["101", "103"])
    plain.close()
    with monkeypatch.context() as older:  # the older program enrolled a plain ledger
        older.setenv("FIELDAPP_TEST_PLAIN_ENROL", "1")
        assert main(["--db", str(db), "enrol", str(enrolment)]) == 0
    capsys.readouterr()
    assert is_plain_sqlite(db) and secret in db.read_bytes()
    return db, secret


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_an_enrolled_plain_ledger_opens_only_to_be_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, secret = _enrolled_the_old_way(tmp_path, capsys, monkeypatch)
    before = _files(db.parent)
    for command in (["search", "张"], ["export", str(tmp_path / "台账.xlsx")],
                    ["sync", "status", "--json"]):  # fmt: skip
        assert main(["--db", str(db), *command]) != 0, command
        out, err = capsys.readouterr()
        assert "Traceback" not in err and "张0" not in out, out + err
        assert "已登记到县里，但没有设置口令" in err and "--user" in err, err
        assert "台账没有改动" in err
        assert _files(db.parent) == before, command  # not a byte changed
    assert not (tmp_path / "台账.xlsx").exists()

    # As it says: with a user and password, encrypted in place, and the search runs.
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(["--db", str(db), "--user", "李芳", "search", "张"]) == 0
    out, err = capsys.readouterr()
    assert "张0" in out and "已加密" in err, out + err
    assert not is_plain_sqlite(db) and secret not in db.read_bytes()
    assert keyfile.load(db).county is not None  # the county can reset the password
    assert main(["--db", str(db), "--user", "李芳", "sync", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["enrolled"] is True


def test_the_tests_plain_ledgers_still_open_without_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The escape hatch of the older tests' throw-away ledgers (`plain_enrol`) still holds."""
    db, _ = _enrolled_the_old_way(tmp_path, capsys, monkeypatch)
    monkeypatch.setenv("FIELDAPP_TEST_PLAIN_ENROL", "1")
    assert main(["--db", str(db), "search", "张"]) == 0
    assert "张0" in capsys.readouterr().out
    assert is_plain_sqlite(db)


def test_a_plain_ledger_never_enrolled_still_opens_without_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Old scripts on a ledger that holds no key of a device: as before."""
    db = tmp_path / "ledger.db"
    plain = Ledger.open(db)
    add_family(plain, VILLAGE, ["101"])
    plain.close()
    assert main(["--db", str(db), "search", "张"]) == 0
    assert "张0" in capsys.readouterr().out


def test_a_demo_ledger_enrolled_with_a_training_hub_still_opens_without_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fictitious people and a training hub's keys: a training day's scripts run as before."""
    from fieldapp.hub.folder import Hub
    from fieldapp.sync import enrolment
    from tests.codes import ENROL_CODE
    from tests.sync.test_demo_ledgers import AREA, demo_ledger

    monkeypatch.delenv("FIELDAPP_TEST_PLAIN_LEDGERS")
    training = Hub.init(tmp_path / "培训", "培训中心", training=True)
    training.enroll(
        "演示笔记本", AREA, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员"
    )
    training.close()
    db = tmp_path / "demo.db"
    demo = demo_ledger(db, persons=5)
    enrolment.enrol(demo, tmp_path / "training.json", code=ENROL_CODE)
    demo.close()
    assert main(["--db", str(db), "sync", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["enrolled"] is True
    assert is_plain_sqlite(db)
