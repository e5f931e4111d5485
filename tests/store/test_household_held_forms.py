"""The persons a ledger lists as its own (`HOUSEHOLD_HELD`): of no household, or of one it holds.

The 台账 list over 全部区域 and the count of an export ask it without joining households, once
for the whole statement (`HOUSEHOLD_HELD_ALONE`: the households persons name that the ledger
does not hold, found by one merge of two indexes), a first page person by person, an area's
list by its households. Every form lists the persons the definition does — the household
joined and looked at (`HOUSEHOLD_HELD`) — whether the ledger holds every person's household or
not: another village's person offered in (`moving_to`), one kept once the offer ended (no
`moving_to`), deleted or not, beside persons of no household (NULL or '')."""

from __future__ import annotations

import pytest

from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.persons import HOUSEHOLD_HELD, LedgerFilter, person_rowids
from fieldapp.store.queries.sheets import count_persons
from tests.conftest import make_id

VILLAGE = "520502001001"
OTHER = "520502001002"


def _defined(ledger: Ledger, area: str = "") -> list[int]:
    """The live persons `HOUSEHOLD_HELD` lists (of `area`'s live households), by rowid."""
    inside = " AND h.deleted = 0 AND h.area_code LIKE ?" if area else ""
    rows = ledger.db.execute(
        "SELECT p.rowid FROM persons p LEFT JOIN households h ON h.id = p.household_id"
        f" WHERE p.deleted = 0 AND {HOUSEHOLD_HELD}{inside} ORDER BY p.rowid",
        [f"{area}%"] if area else [],
    )
    return [r[0] for r in rows]


def _names(ledger: Ledger, rowids: list[int]) -> list[str]:
    marks = ", ".join("?" for _ in rowids)
    rows = ledger.db.execute(
        f"SELECT name FROM persons WHERE rowid IN ({marks}) ORDER BY rowid", rowids
    )
    return [r[0] for r in rows]


def _person(ledger: Ledger, row_id: str, name: str, household: str | None, **more: str) -> None:
    seq = f"{len(ledger.db.execute('SELECT id FROM persons').fetchall()) + 1:03d}"
    fields = {"name": name, "id_number": make_id(seq=seq), "household_id": household}
    ledger.insert("persons", fields | more, row_id)


def _ledger_of(ledger: Ledger, strangers: str) -> None:
    """Two households of the ledger's own, two persons of no household; and `strangers`:
    'none', or another village's persons in households it does not hold ('offered' one
    offered in, 'kept' one whose offer ended, 'both' and a deleted one besides)."""
    with ledger.transaction():
        ledger.insert("households", {"area_code": VILLAGE, "household_no": "1"}, "h1")
        ledger.insert("households", {"area_code": OTHER, "household_no": "2"}, "h2")
        _person(ledger, "p1", "张一", "h1")
        if strangers in ("offered", "both"):
            _person(ledger, "s1", "外村甲", "their-home", moving_to="h1")
        _person(ledger, "p2", "张二", "h1")
        _person(ledger, "p3", "无户甲", None)
        if strangers in ("kept", "both"):
            _person(ledger, "s2", "外村乙", "their-other-home")
        _person(ledger, "p4", "李三", "h2")
        _person(ledger, "p5", "无户乙", "")
        if strangers == "both":
            _person(ledger, "s3", "外村丙", "their-home")
            ledger.delete("persons", "s3")
            _person(ledger, "s4", "外村丁", "their-home")
        _person(ledger, "p6", "李四", "h2")
        ledger.delete("persons", "p6")


OWN = ["张一", "张二", "无户甲", "李三", "无户乙"]


@pytest.mark.parametrize("strangers", ["none", "offered", "kept", "both"])
def test_every_form_lists_whom_the_definition_lists(ledger: Ledger, strangers: str) -> None:
    _ledger_of(ledger, strangers)
    defined = _defined(ledger)
    assert _names(ledger, defined) == OWN  # no stranger, held or deleted, is the ledger's own
    assert list(person_rowids(ledger, LedgerFilter())) == defined
    for page in (1, 3, 10):  # a first page: its persons' households looked up one by one
        assert list(person_rowids(ledger, LedgerFilter(), limit=page)) == defined[:page]
    assert count_persons(ledger) == len(defined) == len(OWN)
    for area in (VILLAGE, OTHER, VILLAGE[:9]):
        by_area = _defined(ledger, area)
        assert by_area and list(person_rowids(ledger, LedgerFilter(area_prefix=area))) == by_area
        assert count_persons(ledger, area) == len(by_area)
    assert _names(ledger, _defined(ledger, VILLAGE)) == ["张一", "张二"]
