"""A held claim or batch the county accepts keeps the number its device printed, read from the
change that made its row (`HeldChanges.first_key`, `rejected._kept_key`). That change was the
least key ('stamp/change id', compared as text) of the device's held changes of the row: a
stamp is the device's to choose, so a tampered program could send a later change of the held
row stamped before the one that made it — as `numbered_first` holds for a row the hub has —
and accepting the row would number it from that change: a 批次编号 the device never printed.
The first change is now the device's first by its own count (signed, without gaps).

Another device cannot take the number at all: only the sender's own changes, under its own
change-log id, are looked at."""

from __future__ import annotations

import pytest

from fieldapp.domain.numbers import row_number
from fieldapp.store.hlc import format_stamp, parse_stamp
from fieldapp.store.ledger import natural_id
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.exchange import export_bundle
from tests.sync import raised_figure as figures
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR

pytestmark = pytest.mark.today("2027-03-01")

#: 红星村's laptop holding 赵六 and the county's pack, synced.
village = figures.village


def test_a_later_change_stamped_first_does_not_renumber_a_held_batch(
    village, hub, make_device, tmp_path
):
    """红星村's laptop makes a batch for its neighbour village (held: not its area) and prints
    its 批次编号; a tampered program then renames it with a stamp a second before it was made
    (and again two seconds before, its counter written nine digits wide), and another laptop sends a change of the same batch stamped
    earlier still. Accepted, the batch keeps the number printed, never the later change's or
    the other laptop's."""
    row_id = natural_id("batches", "neighbour", "dec")
    made = forge(village, "batches", row_id,
                 {"rule_id": "welfare_post_subsidy", "area_code": NEIGHBOUR, "title": "十二月"})  # fmt: skip
    printed = row_number(f"{made.key}")
    assert printed == ClaimQueries(village).batch(row_id).number
    wall, _ = parse_stamp(made.hlc)
    earlier = forge(village, "batches", row_id, {"title": "一月"},
                    parents={"title": [made.id]}, hlc=format_stamp(wall - 1000, 0))  # fmt: skip
    wide = forge(village, "batches", row_id, {"title": "二月"},
                 parents={"title": [earlier.id]}, hlc=f"{wall - 2000}-000000001")  # fmt: skip
    assert min(made.key, earlier.key, wide.key) == wide.key  # as text, the wide one is first
    village.exchange()
    other = make_device("远村", NEIGHBOUR)
    forge(other, "batches", row_id, {"title": "三月"}, hlc=format_stamp(wall - 5000, 0))
    hub.import_file(export_bundle(other, tmp_path / "other.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert {made.id, earlier.id, wide.id} <= set(held)

    hub.accept(held[made.id].id, "县人社局")
    batch = hub.ledger.get("batches", row_id)
    assert batch is not None
    assert row_number(batch["_ckey"]) == printed
    assert ClaimQueries(hub.ledger).batch(printed).id == row_id
    for later in (earlier, wide):  # accepted after it, as the county's own edits
        hub.accept(held[later.id].id, "县人社局", "核实")
    assert row_number(hub.ledger.get("batches", row_id)["_ckey"]) == printed
