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
    _printed_for(village, people, "P")
    bundle = export_bundle(village, tmp_path / "up-2.fs").path

    asked = _statements_of_import(hub, bundle)

    assert not hub.rejected(), [(h.rule, h.reason) for h in hub.rejected()]
    assert all(hub.ledger.get("print_log", i) for i in _logged(village))
    # The people named, and their households: read once per table, not once per log.
    one_row = [s for s in asked if re.search(r"FROM \[(persons|households)\] WHERE id = ", s)]
    assert not one_row, one_row


@pytest.mark.parametrize("backend", ["sqlite"])
def test_papers_of_people_moved_away_since_read_their_history_at_once(tmp_path, hub, make_device):  # noqa: ANN001
    """Each person printed for offline was moved to a relocation site by the village's other
    laptop before the prints came: where each lay when printed is read from the hub's log for
    the whole bundle, the people's changes in one query and their households' in another."""
    import time

    from fieldapp.domain.enums import Relation
    from fieldapp.domain.models import Household
    from fieldapp.services import households
    from tests.sync.helpers import SITE

    village = make_device("红星村", VILLAGE)
    second = make_device("红星村二号", VILLAGE)
    people = [
        p
        for n in range(FAMILIES)
        for p in add_family(village, VILLAGE, [f"{101 + 2 * n}"], "王")[1]
    ]
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, second, "红星村二号", tmp_path, 1)
    time.sleep(1.1)  # printed_at is to the second: printed after the people were entered
    _printed_for(village, people, "M")
    for person in people:
        households.move_person(
            second, actor_of(second), person, "易地扶贫搬迁", Relation.HEAD,
            new_household=Household(area_code=SITE, address="5栋1单元"),
        )  # fmt: skip
    hub.import_file(export_bundle(second, tmp_path / "up-second.fs").path)
    bundle = export_bundle(village, tmp_path / "up-3.fs").path

    asked = _statements_of_import(hub, bundle)

    assert not hub.rejected(), [(h.rule, h.reason) for h in hub.rejected()]
    assert all(hub.ledger.get("print_log", i) for i in _logged(village))
    history = [s for s in asked if "temp._then f CROSS JOIN changes" in s]
    assert len(history) == 2, history


def _printed_for(village, people: list[str], prefix: str) -> None:  # noqa: ANN001
    """A 务工证明 printed on `village` for each of `people` (its code `prefix` and a number)."""
    for n, person in enumerate(people):
        record = PrintRecord(paper="务工证明", code=f"{prefix}{n:03d}", content_hash=f"{n:064d}",
                             pages=1, rows=1, area_code=VILLAGE, person_id=person)  # fmt: skip
        log_print(village, actor_of(village), record)


def _statements_of_import(hub, bundle) -> list[str]:  # noqa: ANN001
    """The SQL the hub ran importing `bundle`."""
    asked: list[str] = []
    hub.ledger.db.conn.set_trace_callback(asked.append)
    try:
        hub.import_file(bundle)
    finally:
        hub.ledger.db.conn.set_trace_callback(None)
    return asked


def _logged(village) -> list[str]:  # noqa: ANN001
    return [r["id"] for r in village.db["print_log"].rows]
