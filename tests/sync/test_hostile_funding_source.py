"""The fund a claim is paid from (`funding_source`: 衔接推进乡村振兴补助资金 for a 脱贫人口,
就业补助资金 for the others, by the rule's `funding_by_category`) is written by the making
laptop; the county batches and pays claims by it (`batch create --funding`, rosters split by
source), and its application form prints it. A tampered program writing another fund onto a
claim moved its money into another budget (挤占挪用衔接资金) unseen: the hub judged the claim's
amount, month, job, categories and payee, not its fund. A claim made, or its fund changed, with
a fund other than its rule gives for the categories it holds is held (`claim_funding`)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import CategoryMembership
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force, publish
from fieldapp.store.held import HeldChanges
from fieldapp.store.ids import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_family, add_job
from tests.sync.hostile import forge
from tests.sync.raised_figure import _copy

pytestmark = pytest.mark.today("2026-07-10")

LINKED = "衔接推进乡村振兴补助资金"


def test_a_claim_moved_to_another_fund_is_held(tmp_path, hub, make_device):
    """王0 is a 农村低保对象, no 脱贫人口: his 一次性交通补助 is paid from 就业补助资金. The
    tampered laptop rewrites his draft's fund to 衔接资金, and makes a second claim (for 王1 of
    his household, of the same kind) with 衔接资金 from the start: both held, saying whose claim, which fund it
    wrote and which one the policy gives; the draft keeps its fund at the hub."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    device = make_device("红星村", VILLAGE)
    _, (pid, other) = add_family(device, VILLAGE, ["101", "102"], surname="王")
    for person in (pid, other):
        add_job(device, person)
        with device.transaction():
            Records(device).save(
                CategoryMembership(
                    person_id=person, category="农村低保对象", start_date=dt.date(2016, 1, 1)
                )
            )
    import_bundle(device, hub.export_for("红星村", tmp_path / "dn0.fs").path)
    service = ClaimService(device, policy_in_force(device))
    made = service.create(make_id(seq="101"), "transport_cross_county", on=dt.date(2026, 7, 1))
    assert made.funding_source == "就业补助资金"
    hub.import_file(export_bundle(device, tmp_path / "up0.fs").path)
    assert HeldChanges(hub.ledger.db).list() == []
    moved = forge(device, "claims", made.id, {"funding_source": LINKED})
    theirs = service.create(make_id(seq="102"), "transport_cross_county", on=dt.date(2026, 7, 1))
    row = _copy(device, theirs.id) | {"funding_source": LINKED}
    forge(device, "claims", theirs.id, {"deleted": 1})  # (its honest self never sent)
    new = forge(device, "claims", natural_id("claims", "forged", "fund"), row)
    hub.import_file(export_bundle(device, tmp_path / "up1.fs").path)
    held = {h.change_id: h for h in HeldChanges(hub.ledger.db).list()}
    assert {held[moved.id].rule, held[new.id].rule} == {"claim_funding"}, [
        (h.rule, h.reason) for h in held.values()
    ]
    why = held[moved.id].reason
    assert "王0" in why and LINKED in why and "就业补助资金" in why, why
    assert hub.ledger.get("claims", made.id)["funding_source"] == "就业补助资金"
    assert hub.ledger.get("claims", new.row_id) is None
    # The honest step on the honest draft still lands.
    forge(device, "claims", made.id, {"funding_source": "就业补助资金"})
    service.advance(made.id, ClaimState.SUBMITTED, "材料后补")
    hub.import_file(export_bundle(device, tmp_path / "up2.fs").path)
    assert hub.ledger.get("claims", made.id)["state"] == ClaimState.SUBMITTED.value
