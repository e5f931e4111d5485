"""A pack dropped into the hub's data folder (`<data>/policies/`, the folder `policy install`
fills on a county-less computer): the hub judged every device's claims by the packs in force on
its own ledger, and the hub's role let packs installed by hand in (only village and township
devices were kept to the county's). Whoever could write a file into the data folder of the
account `hub serve` runs under — no signature, no publication, nothing recorded, nothing sent to
the devices — set the figure the hub measures claims against: a village's claim for December at
twice the standard (虚报) landed as if honest. The hub now judges by the built-in packs and the
packs it published (signed, recorded, sent to every device) only, and says which files in its
data folder it does not use."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.paths import data_dir
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy, policy_in_force
from tests.paperwork.packs import RAISED
from tests.sync import raised_figure
from tests.sync.hostile import forge
from tests.sync.raised_figure import NUMBER

pytestmark = pytest.mark.today("2027-03-01")

village = raised_figure.village

#: The county's pack as published, a later edition of it with the post subsidy at 1200 元/月
#: for every month (twice December's 600), never published: a file written by hand.
DOUBLED = (
    RAISED.replace('version = "2026.1"', 'version = "2026.9"')
    .replace("figure = 700\n", "figure = 1200\n")
    .replace("figure_before = 600\n", "figure_before = 1200\n")
)


def test_a_pack_dropped_into_the_hubs_data_folder_sets_no_figure_claims_are_judged_by(village, hub):
    assert "figure = 1200" in DOUBLED and "figure_before = 1200" in DOUBLED
    service = ClaimService(village, policy_in_force(village))
    december = service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    assert december.amount == 600
    # On the hub computer, the data folder of the account that runs the hub (the test process
    # shares one data folder between hub and device: the device never uses it).
    (data_dir() / "policies").mkdir(parents=True, exist_ok=True)
    (data_dir() / "policies" / "county.toml").write_text(DOUBLED, encoding="utf-8")
    raised = forge(village, "claims", december.id, {"amount": 1200.0})
    village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    assert raised.id in held, "the hub took December's claim at twice its figure"
    assert held[raised.id].rule == "claim_amount"
    assert "600 元/月" in held[raised.id].reason
    assert hub.ledger.get("claims", december.id)["amount"] == 600
    # The hub's policy is its published pack's, and it says the dropped file is not used.
    state = load_policy(hub.ledger)
    assert (state.policy.pack.source, state.policy.pack.version) == ("hub", "2026.1")
    said = "\n".join(str(s) for s in state.said)
    assert "county.toml" in said and "不使用" in said, said


def test_the_hub_installs_no_pack_by_hand(hub, tmp_path):
    """`policy install` on the hub's ledger put a pack into that same folder: refused, the
    county publishes instead, and nothing is copied in."""
    from fieldapp.services.policy_admin import PolicyRefused, install_local

    dropped = tmp_path / "county.toml"
    dropped.write_text(DOUBLED.replace('version = "2026.9"', 'version = "2026.1"'), "utf-8")
    with pytest.raises(PolicyRefused) as refused:
        install_local(hub.ledger, dropped)
    assert "签发" in str(refused.value) and "不能在中心安装政策包" in str(refused.value)
    assert not list((data_dir() / "policies").glob("*.toml"))
