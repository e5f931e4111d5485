"""A claim (a batch) the hub held for the county's review, which the county then accepts, keeps
the 申请编号 (批次编号) its village printed. Accepting writes the held change's values as the
county's own change (`hub rejected --accept`, `POST /v1/held/accept`): the re-made row's number
was read from that change, so the hub, every other device and — once it took its own copy back
for the county's — the village itself knew the claim by a number naming the hub, and the form
the applicant holds found nothing. The county's change now keeps the key of the change the
village made the row with (`held_key`), and the row's number is read from it everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import CHINA
from fieldapp.domain.numbers import row_number
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.ledger import natural_id
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync import raised_figure as figures
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR

NUMBER = figures.NUMBER

pytestmark = pytest.mark.today("2027-03-01")

#: 红星村's laptop holding 赵六 (a 公益性岗位 since July 2026) and the county's pack, synced.
village = figures.village


def _number(ledger, table: str, row_id: str) -> str:
    row = ledger.get(table, row_id)
    assert row is not None
    return row_number(row["_ckey"])


def _conflicts(ledger, row_id: str) -> int:
    return ledger.db.execute(
        "SELECT count(*) FROM conflicts WHERE row_id = ?", [row_id]
    ).fetchone()[0]


def test_a_held_claim_the_county_accepts_keeps_the_number_its_village_printed(
    village, hub, tmp_path
):
    """December's claim for 赵六, made on 红星村's laptop, reaches a hub whose clock was set two
    months back: held as not yet due (`claim_future`). The village submits it meanwhile; the
    county sets the clock right and accepts it. The claim's 申请编号 stays the one the village
    printed, on the hub and, after the answer, on the village; looked up by that number, the
    hub finds it; the submission, stamped before the acceptance, lands (the claim was numbered
    by the acceptance, so it was held as a change made before the claim, `numbered_first`)."""
    claims = ClaimService(village, policy_in_force(village))
    december = claims.create(NUMBER, "welfare_post_subsidy", on=dt.date(2026, 12, 31))
    printed = ClaimQueries(village).get(december.id).number
    assert printed and printed == _number(village, "claims", december.id)
    with time_machine.travel(dt.datetime(2026, 12, 30, 9, tzinfo=CHINA), tick=True):
        hub.import_file(export_bundle(village, tmp_path / "up.fs").path)
    held = {h.change.tbl: h for h in hub.rejected()}
    assert set(held) == {"claims", "claim_events"}  # its first step follows it
    assert (held["claims"].change.row_id, held["claims"].rule) == (december.id, "claim_future")
    assert hub.ledger.get("claims", december.id) is None

    # Meanwhile the village submits it (stamped before the county's acceptance).
    claims.advance(december.id, ClaimState.SUBMITTED, "缺件原因")

    accepted = hub.accept(held["claims"].id, "县人社局")
    hub.accept(held["claim_events"].id, "县人社局")
    assert accepted.status == "accepted" and accepted.applied_change
    assert accepted.applied_change.startswith(f"{hub.ledger.device_id}:")  # the county's act
    made = hub.ledger.get("claims", december.id)
    assert made is not None and made["created_device"] == hub.ledger.device_id
    assert "接受" in made["created_by"]
    assert _number(hub.ledger, "claims", december.id) == printed
    assert ClaimQueries(hub.ledger).get(printed).id == december.id

    # The submission lands: not taken for a change made before the claim (`numbered_first`).
    hub.import_file(export_bundle(village, tmp_path / "up2.fs").path)
    assert [h.rule for h in hub.rejected() if h.status == "held"] == []
    assert hub.ledger.get("claims", december.id)["state"] == ClaimState.SUBMITTED.value
    assert _conflicts(hub.ledger, december.id) == 0  # over the village's claim: over its copy

    import_bundle(village, hub.export_for("红星村", tmp_path / "down.fs").path)
    assert _number(village, "claims", december.id) == printed
    assert ClaimQueries(village).get(printed).id == december.id
    assert _conflicts(village, december.id) == 0
    on_hub, on_village = hub.ledger.get("claims", december.id), village.get("claims", december.id)
    for column in ("_ckey", "state", "held_key", "created_by", "created_device"):
        assert on_village[column] == on_hub[column], column
    assert village.heads("claims", december.id) == hub.ledger.heads("claims", december.id)


def test_a_held_batch_the_county_accepts_keeps_its_number(village, hub, tmp_path):
    """红星村's laptop makes a batch for its neighbour village's claims, outside its area:
    held. The county accepts it as its own; the batch keeps the 批次编号 the laptop printed
    (the laptop, whose area it is not in, takes its copy back)."""
    batch = forge(village, "batches", natural_id("batches", "neighbour", "dec"),
                  {"rule_id": "welfare_post_subsidy", "area_code": NEIGHBOUR, "title": "十二月"})  # fmt: skip
    printed = _number(village, "batches", batch.row_id)
    assert printed == ClaimQueries(village).batch(batch.row_id).number
    village.exchange()
    (held,) = [h for h in hub.rejected() if h.change_id == batch.id]
    hub.accept(held.id, "县人社局")
    assert hub.ledger.get("batches", batch.row_id)["created_device"] == hub.ledger.device_id
    assert _number(hub.ledger, "batches", batch.row_id) == printed
    assert ClaimQueries(hub.ledger).batch(printed).id == batch.row_id
    village.exchange()
    assert village.get("batches", batch.row_id) is None
