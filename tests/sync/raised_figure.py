"""红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's 2027 pack that
raises the post subsidy from 600 to 700 元/月 (`village`, a fixture), and the claims a tampered
program makes of it: a claim's fields copied (`_copy`), December's claim (`_december`)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import Claim as ClaimModel
from fieldapp.domain.models import Area
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force, publish
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.paperwork.packs import RAISED
from tests.policy.helpers import HOME, post_worker
from tests.records import Records

NUMBER = make_id("520502", "19800505", "311")

#: Another village of 红星村's township.
NEIGHBOUR = "520502001002"


@pytest.fixture
def village(tmp_path, hub, make_device):
    """红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's 2027 pack."""
    publish(hub.ledger, RAISED, "county.toml")
    device = make_device("红星村", HOME)
    repo = Records(device)
    with device.transaction():
        repo.ensure_area(Area(code=HOME, name="红星村", kind="村"))
    pid, _ = post_worker(repo)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(device, tmp_path / f"up{next(counter)}.fs").path)
        import_bundle(device, hub.export_for("红星村", tmp_path / f"dn{next(counter)}.fs").path)

    exchange()
    device.exchange = exchange  # type: ignore[attr-defined]
    return device


def _copy(village, claim_id: str) -> dict:
    """A claim's fields as a tampered program sends them for a claim of its own."""
    stored = village.get("claims", claim_id)
    kept = set(ClaimModel.model_fields) - {"id", "created_at", "created_by", "created_device",
                                            "updated_at", "updated_by", "updated_device"}  # fmt: skip
    return {k: stored[k] for k in kept if k in stored}


def _december(device: Ledger) -> ClaimModel:
    service = ClaimService(device, policy_in_force(device))
    return service.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
