"""The account an approved claim is paid to, kept by the county's approving step, is checked
at the hub: an approving change (to 县审批) whose kept bank and account are not the person's
at that time is held (`claim_account`), whichever device sends it — the county's own too, whose
change of a person's account is not held (`paid_account` is a village's or township's)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.account import card_number
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Person
from fieldapp.services import persons
from fieldapp.services.actor import actor_of
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.event_village import _county_device, _edit, village  # noqa: F401

OLD = card_number("622848001234567")  # 王五's card
THEIRS = card_number("622700098765432")  # someone else's


def test_an_approval_keeping_an_account_not_the_persons_is_held(village, hub, tmp_path):  # noqa: F811
    """王五's 跨县交通补贴 reaches 乡镇审核 with his card OLD on the ledger. A tampered county
    program approves it keeping another account (the roster would pay the approved money to
    it), or keeping none (the roster would pay whatever his row says on the day it is printed):
    both held, saying whose claim and both accounts' first and last digits. The honest
    approval, keeping OLD, lands with it."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    worker = Person.model_validate(village.get("persons", made.person_id))
    card = {"account_bank": "中国农业银行", "account_number": OLD}
    persons.save(village, actor_of(village), worker.model_copy(update=card), loaded=worker)
    service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    hub.ledger.update("claims", made.id, {"state": "乡镇审核"})
    county = _county_device(tmp_path, hub)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(county, tmp_path / f"cu{next(counter)}.fs").path)
        import_bundle(county, hub.export_for("县人社局", tmp_path / f"cd{next(counter)}.fs").path)

    exchange()
    assert county.get("claims", made.id)["state"] == "乡镇审核"
    other = _edit(
        county,
        "claims",
        made.id,
        {"state": "县审批", "approved_bank": "中国建设银行", "approved_account": THEIRS},
    )
    exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[other.id].rule == "claim_account", held[other.id].reason
    reason = held[other.id].reason
    assert "王五" in reason and f"{THEIRS[:4]}…{THEIRS[-4:]}" in reason, reason
    assert f"{OLD[:4]}…{OLD[-4:]}" in reason and "中国农业银行" in reason, reason
    assert hub.ledger.get("claims", made.id)["state"] == "乡镇审核"
    # Kept none: the roster would print whatever his row says then.
    none = _edit(county, "claims", made.id, {"state": "县审批", "approved_account": ""})
    exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert held[none.id].rule == "claim_account", held[none.id].reason
    assert hub.ledger.get("claims", made.id)["state"] == "乡镇审核"


def test_the_countys_honest_approval_keeps_the_account_and_lands(village, hub, tmp_path):  # noqa: F811
    """The county desktop approves 王五's claim through its program: the step keeps his
    account as it is, passes the county's own write door and lands at the hub unheld."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    village.exchange()
    hub.ledger.update("claims", made.id, {"state": "乡镇审核"})
    county = _county_device(tmp_path, hub)
    hub.import_file(export_bundle(county, tmp_path / "cu0.fs").path)
    import_bundle(county, hub.export_for("县人社局", tmp_path / "cd0.fs").path)
    ClaimService(county, policy_in_force(county)).advance(made.id, ClaimState.COUNTY_APPROVED)
    hub.import_file(export_bundle(county, tmp_path / "cu1.fs").path)
    assert [h.reason for h in hub.rejected() if h.device == "县人社局"] == []
    stored = hub.ledger.get("claims", made.id)
    person = hub.ledger.get("persons", made.person_id)
    assert stored["state"] == "县审批"
    assert stored["approved_account"] == (person["account_number"] or "")
