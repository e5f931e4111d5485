"""Migration 38 on a hub that already holds changes: what its log holds is one note (taken 0,
ordered among themselves by their stamps, as before), and the next import is noted after it
(`store.arrivals`), the hub's own changes since the last import before the import's. On
either store the hub keeps its ledger in (SQLite, PostgreSQL), as migration 39's test."""

from __future__ import annotations

from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store import arrivals
from fieldapp.store.migrations import m0038_hub_arrivals as m0038
from fieldapp.store.migrations import migrate
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family


def test_a_hub_upgraded_notes_its_log_as_one_and_imports_after(
    hub: Hub,
    make_device,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "1.fs").path)
    db = hub.ledger.db
    with hub.ledger.transaction():  # as the hub was before the migration
        db.execute("DROP TABLE hub_arrivals")
        db.execute("DELETE FROM _migrations WHERE version = ?", [m0038.VERSION])
    assert migrate(db) == [m0038.VERSION]
    before = db.execute("SELECT device_id, seq FROM changes").fetchall()
    assert set(arrivals.taken(db, before).values()) == {0}
    with hub.ledger.transaction():
        hub.ledger.update("households", _home(hub), {"address": "新址"})
    add_family(village, VILLAGE, ["103"], surname="李")
    hub.import_file(export_bundle(village, tmp_path / "2.fs").path)
    old = {(str(d), int(s)) for d, s in before}
    after = [
        (str(d), int(s))
        for d, s in db.execute("SELECT device_id, seq FROM changes").fetchall()
        if (str(d), int(s)) not in old
    ]
    notes = arrivals.taken(db, after)
    own = {notes[(d, s)] for d, s in after if d == hub.ledger.device_id}
    theirs = {notes[(d, s)] for d, s in after if d != hub.ledger.device_id}
    assert own == {1} and theirs == {2}, notes


def _home(hub: Hub) -> str:
    return str(hub.ledger.db.execute("SELECT id FROM households").fetchone()[0])
