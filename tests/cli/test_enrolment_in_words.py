"""Enrolling a laptop told the coordinator its area by code: 已登记为设备 红星村（村/安置点专员，
区域 520502101001）, `sync status`'s 设备 红星村（…，区域 520502101001）, and the wrong file off the county's stick refused
with 本台账已登记为设备 红星村（区域 520502101001），这个登记文件是给设备 大坝村（区域
520502101002）的 — twelve digits where the coordinator and clerk know villages by name. Each now
says the place in words: as the ledger names it (梨树镇 红星村), else from the division table
(七星关区梨树镇的一个村)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.store.ledger import Ledger
from tests.codes import plain_hub
from tests.records import Records

HONGXING = "520502101001"
DABA = "520502101002"
CODES = re.compile(r"\d{6,}")


def _enrol_file(
    hub: Path, device: str, area: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str, str]:
    """The county enrols `device`: (its file, its code, what the clerk was shown)."""
    out = tmp_path / f"{device}.enrol"
    args = ["hub", "enroll", "--dir", str(hub), "--device", device, "--area", area]
    capsys.readouterr()
    assert main([*args, "--out", str(out)]) == 0
    shown = capsys.readouterr().out
    (said,) = [x for x in shown.splitlines() if x.startswith("登记码：")]
    return out, re.sub(r"\D", "", said), shown


def test_enrolment_says_each_devices_village_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    hongxing, code, shown = _enrol_file(hub, "红星村", HONGXING, tmp_path, capsys)
    # The clerk typed the code: `hub enroll` says it with its words beside it, to check by eye
    # (tests/hub/test_enroll_area_words.py).
    assert (
        "已登记设备 红星村（村/安置点专员，区域 520502101001 贵州省毕节市七星关区梨树镇下的村）"
        in shown
    )
    daba, daba_code, _ = _enrol_file(hub, "大坝村", DABA, tmp_path, capsys)

    db = tmp_path / "村" / "ledger.db"
    db.parent.mkdir()
    ledger = Ledger.open(db, author="李芳")
    with ledger.transaction():
        repo = Records(ledger)
        repo.ensure_area(Area(code=HONGXING[:9], name="梨树镇", kind=AreaKind.TOWNSHIP))
        repo.ensure_area(
            Area(code=HONGXING, name="红星村", kind=AreaKind.VILLAGE, parent_code=HONGXING[:9])
        )
    ledger.close()
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", code)
    base = ["--db", str(db), "--user", "李芳"]
    capsys.readouterr()
    assert main([*base, "enrol", str(hongxing)]) == 0
    said = capsys.readouterr().out
    assert "已登记为设备 红星村（村/安置点专员，区域 梨树镇 红星村）" in said, said
    assert not CODES.search(said), said

    assert main([*base, "sync", "status"]) == 0
    said = capsys.readouterr().out
    (line,) = [x for x in said.splitlines() if x.startswith("设备 红星村")]
    assert "区域 梨树镇 红星村" in line and HONGXING not in line, line
    # The device as enrolled, not the ledger's id (a UUID the clerk has no use for: the
    # county's staff read it from --json).
    assert main([*base, "sync", "status", "--json"]) == 0
    device_id = json.loads(capsys.readouterr().out)["device_id"]
    assert device_id and device_id not in said and "台账标识" not in said, said

    # The other village's file, picked up by mistake: refused, each device's place in words.
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", daba_code)
    assert main([*base, "enrol", str(daba)]) != 0
    out, err = capsys.readouterr()
    assert "本台账已登记为设备 红星村（区域 梨树镇 红星村）" in err, out + err
    assert "给设备 大坝村（区域 七星关区梨树镇的一个村）" in err, err
    assert not CODES.search(err), err
