"""The repeat check is no look-up of other villages' people (the county's named risk: "any
enrolled laptop can read every village's ID numbers"). A tampered (or curious) 新寨村 laptop
enters 赵六 under his ID number — a person of 红星村 — claims his December and takes it to
村审核: the hub holds the step as a repeat (the fraud check works across villages), and its
reason, sent back to 新寨村 in the hub's answer, says only that the same ID number is claimed
for in another village — not which village, not the first claim's state, who entered it
(user@device) or when. The county sees both claims whole (`hub violations`), and a device
whose area holds the first claim is told it whole, as before."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.roles import Role
from fieldapp.policy.guard import ClaimRow
from fieldapp.services.trust import Actor
from fieldapp.services.trust_check import repeat_place
from fieldapp.store.held import RejectedReports
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync import raised_figure
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR, _copy
from tests.sync.test_hostile_same_id_two_villages import _december, _namesake

pytestmark = pytest.mark.today("2027-03-01")

village = raised_figure.village

#: What the first claim's entry says (`guard.ENTERED_AT`): a time, user@device.
_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def test_a_repeat_of_another_villages_claim_is_told_only_as_elsewhere(
    village, hub, make_device, tmp_path
):
    first = _december(village)
    village.exchange()
    other = make_device("新寨村", NEIGHBOUR)
    hub.import_file(export_bundle(other, tmp_path / "o0.fs").path)
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od0.fs").path)
    _namesake(other, NEIGHBOUR)
    second = _december(other)
    hub.import_file(export_bundle(other, tmp_path / "o1.fs").path)
    (held,) = [h for h in hub.rejected() if h.change.row_id == second.id]
    assert held.rule == "claim_repeat"
    # Still the fraud check: the person, the subsidy's month, that it is claimed elsewhere.
    assert "赵六" in held.reason and "2026年12月" in held.reason, held.reason
    assert "同一身份证号码在别的村已申领" in held.reason, held.reason
    # … and nothing of the first claim: its village, state, who entered it, when.
    author = str(village.get("claims", first.id)["created_by"])
    for unsaid in ("红星村", author, ClaimState.VILLAGE_REVIEWED.value, "录入"):
        assert unsaid not in held.reason, (unsaid, held.reason)
    assert not _TIME.search(held.reason), held.reason
    # What 新寨村's laptop is told in the hub's answer is that reason, no more.
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od1.fs").path)
    told = [r for r in RejectedReports(other.db).list() if r["rule"] == "claim_repeat"]
    assert [r["reason"] for r in told] == [held.reason]
    # Nor does its own repeat check learn more: the hub sends it no claim of 红星村's.
    assert other.get("claims", first.id) is None
    # The county sees the whole: the ID number entered in both villages, by whom (`hub
    # violations`), and the held step itself, whose claim it holds.
    (problem,) = hub.violations()
    assert problem["kind"] == "duplicate_id", problem
    assert "红星村" in problem["message"] and "新寨村" in problem["message"], problem
    assert author.partition("@")[2] in problem["message"], problem


def test_a_repeat_of_the_senders_own_claim_is_told_whole(village, hub):
    """红星村 passes on a copy of its own December claim (a tampered program): the first is
    its own, in its area — the reason says it whole, its state and who entered it when."""
    first = _december(village)
    village.exchange()
    row_id = natural_id("claims", "forged", "dec2")
    forge(village, "claims", row_id,
          _copy(village, first.id) | {"state": ClaimState.SUBMITTED.value})  # fmt: skip
    village.exchange()
    forge(village, "claims", row_id, {"state": ClaimState.VILLAGE_REVIEWED.value})
    village.exchange()
    (held,) = [h for h in hub.rejected() if h.change.row_id == row_id]
    assert held.rule == "claim_repeat"
    author = str(village.get("claims", first.id)["created_by"])
    assert author in held.reason and ClaimState.VILLAGE_REVIEWED.value in held.reason, held.reason
    assert "别的村" not in held.reason, held.reason


def _claim(person: str, state: str = "村审核") -> ClaimRow:
    return ClaimRow.of(
        "c1",
        {"limit_key": f"post|{person}|month:2026-12", "state": state, "person_id": person,
         "created_by": "张三@红星村", "created_at": "2026-12-31T09:00:00+08:00"},
    )  # fmt: skip


_ROWS = {
    ("persons", "p1"): {"household_id": "h1"},
    ("households", "h1"): {"area_code": "520502001001001"},
    ("claims", "c1"): {"area_code": "520502001001001"},
}


def _lookup(table: str, row_id: str):
    return _ROWS.get((table, row_id))


@pytest.mark.parametrize(
    ("actor", "said"),
    [
        (Actor(Role.COUNTY, "520502"), None),
        (Actor(Role.TOWNSHIP, "520502001"), None),  # its own area: told whole
        (Actor(Role.COORDINATOR, "520502001001"), None),
        (Actor(Role.COORDINATOR, "520502001002"), "同一身份证号码在别的村已申领"),
        (Actor(Role.COORDINATOR, "520502002001"), "同一身份证号码在别的村已申领"),
        (Actor(Role.TOWNSHIP, "520502002"), "同一身份证号码在别的乡镇已申领"),
        (Actor(Role.COORDINATOR, "520502001001002"), "同一身份证号码在本机区域以外已申领"),
    ],
)
def test_the_first_claim_is_said_as_far_as_the_sender_may_know(actor, said):
    where = repeat_place(actor, _claim("p1"), _lookup)
    assert (None if where is None else str(where)) == said


def test_a_first_claim_of_a_person_moved_in_is_told_whole():
    """A person who moved into 新寨村 since a claim was made for them in 红星村: the hub sends
    新寨村 their claims (they hang off the person), so the repeat says the first whole."""
    rows = {**_ROWS, ("households", "h1"): {"area_code": "520502001002"}}
    assert (
        repeat_place(
            Actor(Role.COORDINATOR, "520502001002"), _claim("p1"), lambda t, i: rows.get((t, i))
        )
        is None
    )
