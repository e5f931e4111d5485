"""A village moved a person with a draft claim (草稿, never submitted) to a relocation site:
the draft, recorded in the village, then lay where the person does (the site), and the village
could no longer delete it (its write door refused the 删除草稿 note: 申领审核记录的所属申领指向
…的一个村) — nor could anyone pass it on (`claim_area`). The move now deletes such drafts first,
in the same writing, and says so (`households.DRAFTS_DROPPED`); the hub takes the deletion as
the device wrote it. A move within the village keeps them (they are still passed on there)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.domain.sentences import said
from fieldapp.services import households, persons
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.writer import actor_of
from tests.policy.helpers import HOME
from tests.sync import raised_figure as figures
from tests.sync.raised_figure import NUMBER

pytestmark = pytest.mark.today("2027-03-01")

village = figures.village
SITE = "520502001901"  # a relocation site of 红星村's township


def _draft(village):
    service = ClaimService(village, policy_in_force(village))
    return service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))


def test_moving_a_person_out_to_a_site_deletes_the_villages_draft(village, hub):
    draft = _draft(village)
    moved = persons.move_out(village, actor_of(village), [draft.person_id],
                             Household(area_code=SITE, address="5栋"))  # fmt: skip
    assert village.get("claims", draft.id)["deleted"]
    assert said(households.DRAFTS_DROPPED, "赵六", "乡村公益性岗位补贴") in moved.warnings
    village.exchange()
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("claims", draft.id)["deleted"]
    assert hub.ledger.get("persons", draft.person_id)["household_id"] == moved.id


def test_moving_a_person_to_a_new_home_at_a_site_deletes_it_too(village, hub):
    """The desktop's 迁户 (新建一户 at the site): `move_person` takes the same step."""
    draft = _draft(village)
    moved = households.move_person(
        village, actor_of(village), draft.person_id, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋"),
    )  # fmt: skip
    assert said(households.DRAFTS_DROPPED, "赵六", "乡村公益性岗位补贴") in moved.warnings
    village.exchange()
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("claims", draft.id)["deleted"]


def test_a_move_within_the_village_keeps_the_draft(village, hub):
    """分户 into a new household of a 村民组 of the same village: still passed on there."""
    draft = _draft(village)
    moved = households.move_person(
        village, actor_of(village), draft.person_id, "分户", Relation.HEAD,
        new_household=Household(area_code=HOME, address="二组"),
    )  # fmt: skip
    assert not village.get("claims", draft.id)["deleted"]
    assert not [w for w in moved.warnings if w.template == households.DRAFTS_DROPPED.template]
