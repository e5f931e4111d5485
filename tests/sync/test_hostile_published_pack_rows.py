"""The county's published packs (`policy_packs`: signed by the hub, carried to every device) were
a county table any county-level device could write: a county laptop (stolen, or a clerk's
program tampered with) could not forge a pack — every device checks the hub's signature — but it
could delete the newest signed edition, or alter it so its signature no longer verified. Every
device that had not yet taken that edition in (one enrolled since, one not synced since) then
never had it: a figure the county lowered (岗位补贴 600 → 500 元/月) stayed at the higher one
there, its claims made at it (the hub, keeping its own copy of the edition, held them), and the
hub's own list of editions lost it. Only the hub writes the packs it signs: any device's change
of them is held."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.services.policy_admin import adopt_hub_packs, policy_in_force, publish
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.policy.helpers import COUNTY_PACK
from tests.sync.hostile import forge

#: The county's second edition, lowering the post subsidy to 500 元/月.
LOWERED = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
    "figure = 600", "figure = 500"
)


def _post_figure(ledger: Ledger) -> float:
    return policy_in_force(ledger).rule("welfare_post_subsidy").amount.value


@pytest.mark.parametrize(
    "forged",
    [{"deleted": 1}, {"text": LOWERED.replace("figure = 500", "figure = 600")}],
    ids=["deleted", "altered"],
)
def test_a_county_device_cannot_take_back_the_hubs_newest_edition(
    hub, make_device, tmp_path: Path, forged: dict[str, object]
) -> None:
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    newest = publish(hub.ledger, LOWERED, "county.toml")
    assert _post_figure(hub.ledger) == 500
    hub.enroll(
        "县人社局", "520502", tmp_path / "county.enrol", role=Role.COUNTY, code=ENROL_CODE,
        by="县里的科员",
    )  # fmt: skip
    county = Ledger.open(tmp_path / "county.db", author="县人社局员")
    try:
        enrol(county, tmp_path / "county.enrol", code=ENROL_CODE)
        import_bundle(county, hub.export_for("县人社局", tmp_path / "c0.fs").path)
        row_id = policy_packs.row_id(newest.pack_id, newest.version)
        assert county.get(policy_packs.TABLE, row_id) is not None
        change = forge(county, policy_packs.TABLE, row_id, forged)
        hub.import_file(export_bundle(county, tmp_path / "c1.fs").path)
        held = {h.change_id: h for h in hub.rejected()}
        assert change.id in held, "the hub took a device's change of its signed pack"
        assert held[change.id].rule == "county_table"
        assert "汇总中心" in held[change.id].reason
        assert [p.version for p in policy_packs_live(hub.ledger)] == ["2026.2", "2026.1"]
        assert _post_figure(hub.ledger) == 500
        # A village laptop enrolled since takes the county's newest edition in.
        village = make_device("红星村", "520502101001")
        import_bundle(village, hub.export_for("红星村", tmp_path / "v0.fs").path)
        adopt_hub_packs(village)
        assert _post_figure(village) == 500
    finally:
        county.close()


def policy_packs_live(ledger: Ledger) -> list:
    from fieldapp.services.policy_admin import published

    return published(ledger)


def test_a_county_device_cannot_accept_its_own_held_change_of_a_signed_pack(
    hub, tmp_path: Path
) -> None:
    """Held, the change was the county's to review: a county device may accept held changes
    (`POST /v1/held/accept`), and accepting writes a change as the hub's own, which may write
    the packs. The same stolen laptop then accepted its own forged delete over HTTP. A change
    of a signed pack cannot be accepted by anyone, only dismissed: packs change by publishing."""
    from fieldapp.hub.server import ServerThread
    from fieldapp.sync.client import decide_held
    from fieldapp.sync.errors import SyncError

    publish(hub.ledger, COUNTY_PACK, "county.toml")
    newest = publish(hub.ledger, LOWERED, "county.toml")
    hub.enroll(
        "县人社局", "520502", tmp_path / "county.enrol", role=Role.COUNTY, code=ENROL_CODE,
        by="县里的科员",
    )  # fmt: skip
    county = Ledger.open(tmp_path / "county.db", author="县人社局员")
    try:
        enrol(county, tmp_path / "county.enrol", code=ENROL_CODE)
        import_bundle(county, hub.export_for("县人社局", tmp_path / "c0.fs").path)
        row_id = policy_packs.row_id(newest.pack_id, newest.version)
        change = forge(county, policy_packs.TABLE, row_id, {"deleted": 1})
        hub.import_file(export_bundle(county, tmp_path / "c1.fs").path)
        (held,) = [h for h in hub.rejected() if h.change_id == change.id]
        with ServerThread(hub.root) as server, pytest.raises(SyncError) as refused:
            decide_held(county, server.url, held.id, True, "县人社局员")
        assert "签发" in str(refused.value), str(refused.value)
        assert [p.version for p in policy_packs_live(hub.ledger)] == ["2026.2", "2026.1"]
        # … nor by the hub's own clerk.
        from fieldapp.hub import rejected

        with pytest.raises(SyncError):
            rejected.accept(hub, held.id, "张科员")
        assert [p.version for p in policy_packs_live(hub.ledger)] == ["2026.2", "2026.1"]
    finally:
        county.close()
