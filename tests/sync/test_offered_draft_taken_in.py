"""红星村 offered 王1 to a household of the relocation site and, while the offer stood, made a
draft claim for him (草稿, recorded in 红星村). When the site took him in, the draft stayed: on
the site's 申领 list, where 提交 was refused (申领只能记在申领人所在的村（安置点）…), and beyond
红星村's reach (its 删除草稿 refused: the claim lies where its person does) — a draft nobody
could pass on, left for the site's clerk to find and puzzle over. Taking him in now deletes
such drafts in the same writing, as a move to another village does (`drafts_left`), and says
so to the site (`households.DRAFTS_DROPPED_IN`); the hub takes it, and 红星村 hears of it."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.sentences import said
from fieldapp.services import households
from fieldapp.services.claims import ClaimService, listed_claims
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.writer import actor_of
from tests.sync.test_move_in_offered import _offered, _trip

RULE = "transport_other_rural_cross_province"  # his job in 深圳 (`helpers.add_job`)
TITLE = "一次性交通补助（其他农村劳动力新跨省务工）"


def test_taking_in_an_offered_person_deletes_the_offering_villages_draft_and_says_so(
    tmp_path, hub, make_device
) -> None:
    village, site, _home, second, _there = _offered(tmp_path, hub, make_device, job=True)
    service = ClaimService(village, policy_in_force(village), actor_of(village))
    number = village.get("persons", second)["id_number"]
    draft = service.create(number, RULE, on=dt.date(2026, 7, 1))  # while he is offered
    assert draft.rule_title == TITLE
    _trip(hub, village, "红星村", tmp_path, 4)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert site.get("claims", draft.id) is not None  # his claims come with him

    taken = households.accept_move(site, actor_of(site), second)
    assert list(taken.warnings) == [said(households.DRAFTS_DROPPED_IN, "王1", TITLE)]
    assert site.get("claims", draft.id)["deleted"]
    assert draft.id not in [c.id for c in listed_claims(site, actor_of(site))]
    _trip(hub, site, "幸福安置点", tmp_path, 5)
    _trip(hub, village, "红星村", tmp_path, 5)
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("persons", second)["household_id"] == _there
    for ledger in (hub.ledger, village):
        assert ledger.get("claims", draft.id)["deleted"], ledger


def test_taking_in_someone_with_no_draft_says_nothing_more(tmp_path, hub, make_device) -> None:
    _village, site, _home, second, _there = _offered(tmp_path, hub, make_device)
    assert list(households.accept_move(site, actor_of(site), second).warnings) == []
