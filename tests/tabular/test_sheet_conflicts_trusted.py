"""A kept spreadsheet conflict decided for the sheet's value is written through the one write
door and its trust check, as any edit on this device is — not trusted because the list kept
it: the list is a local table (an import names only people's cells in it, but it is read back
as written). One naming a cell this village device may not change (a county's 区域, its name)
is refused when decided, alone or among many; it stays open and nothing is written."""

from __future__ import annotations

import pytest

from fieldapp.services.sheet_conflicts import (
    SheetSide,
    Undecided,
    decide,
    decide_many,
    keep,
    list_open,
)
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from tests.sync.conftest import hub, make_device  # noqa: F401 - the enrolled device's fixtures

VILLAGE = "520502101001"


def test_a_kept_conflict_on_a_county_cell_is_refused_and_stays_open(make_device):  # noqa: F811
    device = make_device("甲村", VILLAGE)
    # A county area the device holds (as an exchange brings one: written below the door).
    name = "红星村"
    with device.transaction():
        area_id = device.insert(
            "areas", {"code": VILLAGE, "name": name, "kind": "village", "parent_code": VILLAGE[:9]}
        )
    (stamp,) = device.db.execute(
        "SELECT max(hlc) FROM changes WHERE tbl = 'areas' AND row_id = ?", [area_id]
    ).fetchone()
    with writing(device, actor_of(device)) as writer:
        keep(writer, "村里.xlsx", [Undecided(
            "人员", 2, "张三", "", "areas", area_id, "name", "改掉的名字", name, stamp, "x",
        )])  # fmt: skip
    [kept] = list_open(device)
    with pytest.raises(TrustRefused) as refused:
        decide(device, kept, SheetSide.SHEET)
    assert "由县里统一维护" in str(refused.value)
    assert device.get("areas", area_id)["name"] == name
    assert list_open(device) == [kept]  # still open, to be decided for the ledger's value
    with pytest.raises(TrustRefused):
        decide_many(device, [kept], SheetSide.SHEET)
    assert device.get("areas", area_id)["name"] == name and list_open(device) == [kept]
