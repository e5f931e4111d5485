"""The account a claim is paid to, between the township's review (and its 公示表, which shows
the account's tail) and the county's approval: the approval keeps the person's account as the
ledger then holds it (`approved_account`), and the hub held a change of it only once the claim
was approved (`paid_account`). A village changing a claimant's account after the township had
reviewed and posted the claim — with the honest program, an ordinary edit — had the county
approve and pay the new account, one no review or notice had shown. Such a change is now held
for the county to check too (`paid_account`), and the approval keeps the account reviewed."""

from __future__ import annotations

import datetime as dt

from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.services.writer import writing
from tests.sync import event_village
from tests.sync.event_village import SON
from tests.sync.test_hostile_events import _person

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
village = event_village.village

ANOTHER = "6228480012345678927"


def _account(device, person_id: str, number: str) -> None:
    """The village's own program changing a person's account (the write door allows it)."""
    with writing(device, actor_of(device)) as writer:
        writer.update_row("persons", person_id, {"account_number": number})


def test_an_account_changed_after_the_townships_review_is_held_for_the_county(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    hub.ledger.update("claims", made.id, {"state": "乡镇审核"})  # reviewed and posted
    village.exchange()
    worker, son = made.person_id, _person(village, SON)
    before = hub.ledger.get("persons", worker)["account_number"]
    _account(village, worker, ANOTHER)
    _account(village, son, "6228480012345678919")
    village.exchange()
    held = {h.change.row_id: h for h in hub.rejected() if h.change.tbl == "persons"}
    assert worker in held and son not in held
    why = held[worker].reason
    assert held[worker].rule == "paid_account", why
    assert "王五" in why and "乡镇审核" in why and "公示" in why, why
    assert hub.ledger.get("persons", worker)["account_number"] == before
    assert hub.ledger.get("persons", son)["account_number"] == "6228480012345678919"


def test_an_account_changed_before_the_townships_review_lands(village, hub):
    """Before the township has reviewed it, the township reviews the account as changed."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    village.exchange()
    hub.ledger.update("claims", made.id, {"state": "村审核"})
    village.exchange()
    _account(village, made.person_id, ANOTHER)
    village.exchange()
    assert made.person_id not in {h.change.row_id for h in hub.rejected()}
    assert hub.ledger.get("persons", made.person_id)["account_number"] == ANOTHER
