"""A county's training day: `hub init --training`, then a laptop for each village and one for
the township (and the county's own). A village laptop's demo ledger holds its village's made-up
people; a township or county device has none of its own — it reviews what the villages send —
yet its new ledger was refused (这个登记文件来自培训用的汇总中心，只能用于演示台账) unless demo
people were first generated into it, which then reached the hub as another village's. A new,
empty ledger enrolled as a township or county device of a training hub now becomes a demo ledger
(marked on screen and paper; a real hub refuses what it writes). A village device's still needs
its demo first, and a ledger holding real work is never made a demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.credentials import Credentials
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.store.ledger_kind import is_demo
from fieldapp.sync import enrolment
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE, keep_code_said
from tests.policy.helpers import populate
from tests.records import Records

TOWNSHIP = "520502010"
VILLAGE = "520502010003"


def test_a_township_laptop_enrols_on_a_training_hub_from_a_new_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = tmp_path / "培训中心"
    assert cli(["hub", "init", "--dir", str(hub), "--training"]) == 0
    enrol = tmp_path / "鸭溪镇.enrol"
    made = ["hub", "enroll", "--dir", str(hub), "--device", "鸭溪镇", "--area", TOWNSHIP]
    assert cli([*made, "--role", "township", "--out", str(enrol)]) == 0
    keep_code_said(capsys.readouterr().out)
    monkeypatch.setenv("FIELDAPP_USER", "乡镇学员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "培训用的口令1")
    db = tmp_path / "鸭溪镇.db"
    code = cli(["--db", str(db), "enrol", str(enrol)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "演示台账" in out, out
    ledger = Ledger.open(db, credentials=Credentials("乡镇学员", "培训用的口令1"))
    try:
        assert is_demo(ledger) and ledger.device_id.startswith("demo-")
    finally:
        ledger.close()


def test_only_a_new_township_or_county_ledger_is_made_a_demo(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "training", "培训中心", training=True)
    files = {}
    for name, area, role in (
        ("县人社局", "520502", "county"),
        ("鸭溪镇", TOWNSHIP, "township"),
        ("红星村", VILLAGE, "coordinator"),
    ):
        files[name] = tmp_path / f"{name}.json"
        hub.enroll(name, area, files[name], code=ENROL_CODE, by="县里的科员", role=role)
    county = Ledger.open(tmp_path / "county.db")
    assert enrolment.enrol(county, files["县人社局"], code=ENROL_CODE).hub == "培训中心"
    assert is_demo(county)
    village = Ledger.open(tmp_path / "village.db")  # a village's demo has its people first
    with pytest.raises(SyncError, match="培训用"):
        enrolment.enrol(village, files["红星村"], code=ENROL_CODE)
    real = Ledger.open(tmp_path / "real.db")  # a township's ledger holding real work
    populate(Records(real))
    with pytest.raises(SyncError, match="培训用"):
        enrolment.enrol(real, files["鸭溪镇"], code=ENROL_CODE)
    assert not is_demo(real) and not is_demo(village)
    for led in (county, village, real):
        led.close()
    hub.close()
