"""A village's day of printing (务工证明 for each of its people, 申请表 …) reaches the hub as a
bundle of print logs. What a log names (`trust.NAMED`: its person, claim, batch) is judged to
lie inside the village (`logged_scope`), and the hub read each named row, and the rows on its
way to its place, with one query per log — hundreds of round trips for one bundle, on
PostgreSQL each a trip over the wire. The named rows are now read with the bundle's others, a
table at a time, before the first verdict."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain.prints import PrintRecord
from fieldapp.services.actor import actor_of
from fieldapp.services.printing import log_print
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.test_moved_out_scope import _trip

FAMILIES = 6


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_bundle_of_print_logs_reads_each_named_table_once(tmp_path, hub, make_device):  # noqa: ANN001
    village = make_device("红星村", VILLAGE)
    people = [
        p
        for n in range(FAMILIES)
        for p in add_family(village, VILLAGE, [f"{101 + 2 * n}", f"{102 + 2 * n}"], "王")[1]
    ]
    _trip(hub, village, "红星村", tmp_path, 1)
    for n, person in enumerate(people):
        record = PrintRecord(paper="务工证明", code=f"P{n:03d}", content_hash=f"{n:064d}",
                             pages=1, rows=1, area_code=VILLAGE, person_id=person)  # fmt: skip
        log_print(village, actor_of(village), record)
    bundle = export_bundle(village, tmp_path / "up-2.fs").path

    asked: list[str] = []
    hub.ledger.db.conn.set_trace_callback(asked.append)
    try:
        hub.import_file(bundle)
    finally:
        hub.ledger.db.conn.set_trace_callback(None)

    assert not hub.rejected(), [(h.rule, h.reason) for h in hub.rejected()]
    assert all(hub.ledger.get("print_log", i) for i in _logged(village))
    # The people named, and their households: read once per table, not once per log.
    one_row = [s for s in asked if re.search(r"FROM \[(persons|households)\] WHERE id = ", s)]
    assert not one_row, one_row


def _logged(village) -> list[str]:  # noqa: ANN001
    return [r["id"] for r in village.db["print_log"].rows]
