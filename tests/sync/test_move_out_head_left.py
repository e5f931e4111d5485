"""A 户主 moved out to a relocation site (`persons.move_out`) left the household behind still
naming them its head: the forms printed a 户主 who no longer lives there. `move_person` cleared
it and warned; `move_out` now takes the same step (`households.left_household`), and the hub
takes the cleared head as the device wrote it."""

from __future__ import annotations

from fieldapp.domain.models import Household
from fieldapp.domain.sentences import said
from fieldapp.services import households, persons
from fieldapp.services.writer import actor_of, writing
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family


def _headed(village, seqs: list[str]) -> tuple[str, list[str]]:
    family, people = add_family(village, VILLAGE, seqs)
    with writing(village, actor_of(village)) as writer:
        writer.update(Household, family, {"head_person_id": people[0]})
    return family, people


def test_a_head_moved_out_leaves_no_head_behind_and_is_warned(tmp_path, hub, make_device):
    village = make_device("红星村", VILLAGE)
    family, (head, child) = _headed(village, ["101", "102"])
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    moved = persons.move_out(
        village, actor_of(village), [head], Household(area_code=SITE, address="5栋")
    )
    assert village.get("households", family)["head_person_id"] is None
    assert list(moved.warnings) == [said(households.HEAD_LEFT, "张0")]
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("households", family)["head_person_id"] is None
    assert hub.ledger.get("persons", child)["household_id"] == family


def test_a_whole_family_moved_out_is_not_warned(tmp_path, hub, make_device):
    """Nobody is left to choose a head from: no warning (as `move_person`)."""
    village = make_device("红星村", VILLAGE)
    family, people = _headed(village, ["101", "102"])
    moved = persons.move_out(
        village, actor_of(village), people, Household(area_code=SITE, address="5栋")
    )
    assert village.get("households", family)["head_person_id"] is None
    assert list(moved.warnings) == []
    assert village.get("households", moved.id)["head_person_id"] == people[0]
