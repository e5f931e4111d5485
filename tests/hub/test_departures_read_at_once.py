"""A whole village's families moved to a relocation site at once: the answer that first told
the old village read where each leaving row belongs now (a person's household, a job's person)
with one query per row (`answers.departures`), hundreds of round trips for one answer. It now
reads each table's leaving rows at once, and cuts each row at its household's move as before."""

from __future__ import annotations

import re

import pytest

from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family, add_job, job_of
from tests.sync.test_moved_out_scope import _trip

FAMILIES = 6


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_whole_village_moving_reads_each_table_once(tmp_path, hub, make_device):  # noqa: ANN001
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    homes: dict[str, list[str]] = {}
    for n in range(FAMILIES):
        home, people = add_family(village, VILLAGE, [f"{101 + 2 * n}", f"{102 + 2 * n}"], "王")
        homes[home] = people
        for person in people:
            add_job(village, person)
    add_family(site, SITE, ["199"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, village, "红星村", tmp_path, 2)
    with hub.ledger.transaction():
        for home in homes:
            hub.ledger.update("households", home, {"area_code": SITE})
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    people = [p for family in homes.values() for p in family]
    with site.transaction():
        for person in people:
            site.update("persons", person, {"phone": "13912345678"})
            site.update("employment_spells", job_of(person), {"employer": "安置点扶贫车间"})
    _trip(hub, site, "幸福安置点", tmp_path, 2)

    asked: list[str] = []
    hub.import_file(export_bundle(village, tmp_path / "up-3.fs").path)
    hub.ledger.db.conn.set_trace_callback(asked.append)
    try:
        answer = hub.export_for("红星村", tmp_path / "down-3.fs").path
    finally:
        hub.ledger.db.conn.set_trace_callback(None)
    import_bundle(village, answer)

    # Where the people and their jobs belong now: read once per table, not once per row.
    read = [re.search(r"FROM \[(\w+)\] WHERE id\b", s) for s in asked]
    tables = [m.group(1) for m in read if m and m.group(1) != "households"]
    assert sorted(tables) == ["employment_spells", "persons"], [s for s in asked if "WHERE id" in s]
    # Told of the moves; none of the site's later changes.
    assert all(village.get("households", h)["area_code"] == SITE for h in homes)
    assert all(village.get("persons", p)["phone"] != "13912345678" for p in people)
    assert all(
        village.get("employment_spells", job_of(p))["employer"] == "某电子厂" for p in people
    )
