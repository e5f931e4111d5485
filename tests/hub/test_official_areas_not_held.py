"""A coordinator's ledger holds the county's and the township's rows above its village: the
wizard makes them (its 县、乡镇 chosen from the division table), as an import of a 台账 naming
them does, before the laptop is enrolled or after. A village device may not write county-kept
areas, but the hub takes those two rows on its first upload, as the division table writes them
(`trust._official_ancestor`): nothing is held for the county to dismiss. Only they: the same
county written otherwise (no parent, as no program path writes it), another township of the
county, are held, and take nothing with them (the device's scope is its enrolment's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import Area
from fieldapp.hub.folder import Hub
from fieldapp.services import areas
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.areas import all_areas
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle
from fieldapp.tabular.areas import AreaResolver, PlaceRef
from fieldapp.ui.wizard import place_area
from tests.codes import ENROL_CODE
from tests.records import Records

VILLAGE = "520502001001"
OFFICIAL = {  # as the division table writes them
    "520502": ("七星关区", AreaKind.COUNTY.value, "520500"),
    "520502001": ("市西街道", AreaKind.TOWNSHIP.value, "520502"),
}


def _ledger(tmp_path: Path, hub: Hub) -> Ledger:
    hub.enroll("大坝村专员", VILLAGE, tmp_path / "v.enrol", code=ENROL_CODE, by="县里的科员")
    return Ledger.open(tmp_path / "village.db", author="大坝村专员")


def _upload(ledger: Ledger, hub: Hub, tmp_path: Path) -> list[tuple[str, str]]:
    """The first upload; the areas held, by code and rule."""
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    return sorted((str(h.change.data.get("code")), h.rule) for h in hub.rejected())


def _hub_areas(hub: Hub) -> dict[str, tuple[str, str, str | None]]:
    return {a.code: (a.name, a.kind, a.parent_code) for a in all_areas(hub.ledger)}


@pytest.mark.parametrize("enrolled_first", [False, True], ids=["filled-first", "enrolled-first"])
def test_the_wizards_county_and_township_are_taken(tmp_path, hub, enrolled_first) -> None:
    ledger = _ledger(tmp_path, hub)
    if enrolled_first:
        enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
    choices = {"county": "520502", "township": "520502001", "place": "大坝村", "site": False}
    assert place_area(ledger, actor_of(ledger), choices) == VILLAGE  # type: ignore[arg-type]
    if not enrolled_first:
        enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
    try:
        assert _upload(ledger, hub, tmp_path) == []
    finally:
        ledger.close()
    assert _hub_areas(hub) == {**OFFICIAL, VILLAGE: ("大坝村", "村", "520502001")}


def test_an_imports_places_by_name_are_taken(tmp_path, hub) -> None:
    """A 台账 naming 七星关区 市西街道 大坝村 and its groups, imported before enrolment."""
    ledger = _ledger(tmp_path, hub)
    resolver = AreaResolver(all_areas(ledger), own=None)
    for group in ("一组", "三组"):
        ref = PlaceRef(county="七星关区", township="市西街道", village="大坝村", group=group)
        assert resolver.resolve(ref).startswith(VILLAGE)
    areas.add_created(ledger, actor_of(ledger), resolver.created)
    enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
    try:
        assert _upload(ledger, hub, tmp_path) == []
    finally:
        ledger.close()
    made = _hub_areas(hub)
    assert {c: made[c] for c in OFFICIAL} == OFFICIAL and len(made) == 5


def test_only_the_official_rows_above_it_and_nothing_more(tmp_path, hub) -> None:
    ledger = _ledger(tmp_path, hub)
    repo = Records(ledger)
    with ledger.transaction():  # written straight in, not by any of the program's paths
        repo.ensure_area(Area(code="520502", name="七星关区", kind=AreaKind.COUNTY))
        repo.ensure_area(
            Area(code="520502001", name="市西街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
        repo.ensure_area(  # another township of the county, as the table writes it
            Area(code="520502002", name="市东街道", kind=AreaKind.TOWNSHIP, parent_code="520502")
        )
        repo.ensure_area(
            Area(code=VILLAGE, name="大坝村", kind=AreaKind.VILLAGE, parent_code="520502001")
        )
    enrol(ledger, tmp_path / "v.enrol", code=ENROL_CODE)
    try:
        held = _upload(ledger, hub, tmp_path)
    finally:
        ledger.close()
    assert held == [("520502", "county_table"), ("520502002", "county_table")]
    made = _hub_areas(hub)
    assert "520502" not in made and "520502002" not in made
    assert made["520502001"] == OFFICIAL["520502001"] and VILLAGE in made
    assert hub.device("大坝村专员").area_code == VILLAGE  # its scope stays its enrolment's
