"""A training: the clerk makes a training hub and enrols a laptop for 红星村; the coordinator had
made a demo ledger on the command line before it was enrolled. Spread over the county, some 85 %
of it reached the hub as other villages' households — each held, with its members and records
(1,010 held lines for a 200-person demo) — and nothing said why at the enrolment. Now the
enrolment says how many people of the demo lie outside the device's area and how to make one in
the village (the first-run wizard makes its demo in the chosen village already)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.sheets import count_persons

HONGXING = "520502101001"


def _training_hub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path, str]:
    """A training hub with 红星村 enrolled: (the hub folder, the enrolment file, its code)."""
    hub = tmp_path / "培训"
    Hub.init(hub, "培训中心", training=True).close()
    out = tmp_path / "红星村.enrol"
    capsys.readouterr()
    assert main(["hub", "enroll", "--dir", str(hub), "--device", "红星村", "--area", HONGXING,
                 "--out", str(out)]) == 0  # fmt: skip
    (said,) = [x for x in capsys.readouterr().out.splitlines() if x.startswith("登记码：")]
    return hub, out, re.sub(r"\D", "", said)


def test_enrolling_a_demo_spread_over_the_county_says_what_the_hub_will_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _hub, enrol_file, code = _training_hub(tmp_path, capsys)
    db = tmp_path / "演示.db"
    assert main(["--db", str(db), "demo", "--persons", "60", "--seed", "3"]) == 0
    ledger = Ledger.open(db)
    everyone, inside = count_persons(ledger), count_persons(ledger, HONGXING)
    ledger.close()
    assert everyone == 60 and inside < everyone  # the demo spreads over the county
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", code)
    capsys.readouterr()

    assert main(["--db", str(db), "enrol", str(enrol_file)]) == 0

    out, err = capsys.readouterr()
    assert "已登记为设备 红星村" in out, out
    assert f"这份演示台账里有 {everyone - inside} 人不在本机登记的区域" in err, err
    assert "列为待审核" in err, err
    assert f"demo --persons 人数 --area {HONGXING}" in err, err  # the command that makes one
    ledger = Ledger.open(db)
    assert count_persons(ledger) == 60  # said, nothing changed
    ledger.close()
