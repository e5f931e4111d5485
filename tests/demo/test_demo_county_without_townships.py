"""A county the division table lists without townships got a made-up `{county}100` 城关镇 from
the demo: a name no table gives, and on a village device under it the hub held the township's
row as outside the device's area. The demo now fills the townships the ledger lists under the
county, and with none refuses the county in Chinese before anything is written.

The bundled table lists townships for all 88 counties, so these tests read a table like it
whose 七星关区 has none (as a newer table naming a new county may)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.demo import areas as demo_areas
from fieldapp.demo.generator import build_demo
from fieldapp.domain.divisions import DivisionTable
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Area
from fieldapp.reference import divisions
from fieldapp.services.areas import ensure
from fieldapp.services.ledgers import make_demo
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger

TODAY = dt.date(2026, 3, 10)
COUNTY = "520502"


@pytest.fixture
def no_townships(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's area plan reads a table without 七星关区's townships."""
    real = divisions()
    assert real.children(COUNTY)  # the bundled table lists them
    table = DivisionTable(
        rows=[row for row in real.rows if row[1] != COUNTY],
        retired=real.retired,
        national=real.national,
    )
    assert table.get(COUNTY) is not None and table.children(COUNTY) == []
    monkeypatch.setattr(demo_areas, "divisions", lambda: table)


def test_a_county_without_townships_is_refused_before_anything_is_written(
    tmp_path: Path, no_townships: None
) -> None:
    ledger = Ledger.open(tmp_path / "d.db")
    try:
        with pytest.raises(ValidationFailed) as refused:
            build_demo(ledger, 30, seed=1, today=TODAY, area=COUNTY)
        said = str(refused.value)
        assert "七星关区" in said and "乡镇" in said and "请选另一个县" in said, said
        assert COUNTY not in said, said  # the county by its name, not its code
        q = ledger.db.execute
        assert q("SELECT count(*) FROM persons").fetchone()[0] == 0
        assert q("SELECT count(*) FROM areas").fetchone()[0] == 0
    finally:
        ledger.close()


def test_the_townships_the_ledger_lists_are_filled_and_none_is_made_up(
    tmp_path: Path, no_townships: None
) -> None:
    ledger = Ledger.open(tmp_path / "d.db")
    try:
        make_demo(ledger)  # a demo ledger, whose county has a township of its own
        ensure(
            ledger,
            actor_of(ledger),
            [
                Area(code=COUNTY, name="七星关区", kind=AreaKind.COUNTY, parent_code="520500"),
                Area(code="520502990", name="新区镇", kind=AreaKind.TOWNSHIP, parent_code=COUNTY),
            ],
        )
        build_demo(ledger, 60, seed=1, today=TODAY, area=COUNTY)
        q = ledger.db.execute
        townships = q("SELECT code, name FROM areas WHERE length(code) = 9").fetchall()
        assert [tuple(t) for t in townships] == [("520502990", "新区镇")], townships
        assert q("SELECT count(*) FROM areas WHERE name = '城关镇'").fetchone()[0] == 0
        places = {r[0] for r in q("SELECT DISTINCT area_code FROM households").fetchall()}
        assert places and all(p.startswith("520502990") for p in places), places
    finally:
        ledger.close()
