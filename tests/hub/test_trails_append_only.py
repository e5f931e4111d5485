"""The hub's trails are append-only in the database itself, on SQLite and on PostgreSQL.

Only the device events were guarded, and only on SQLite (PostgreSQL skipped every trigger): the
county's password resets, the exchange log, the refused and imported bundles, the held changes
and their decisions, and the hub's own change log could be rewritten or deleted by anyone with
the database. Each now refuses an UPDATE or DELETE with a Chinese message on both backends,
while the hub's own work — merging, held decisions, answers (sent marks, away rows), a
revocation and re-enrolment — goes on as before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store import trails
from fieldapp.store.held import HeldChanges
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import migrate
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge

OTHER = "520502202001"

#: table -> a column an UPDATE may try to rewrite.
COLUMN = {
    "hub_device_events": "by_user",
    "hub_password_resets": "by_user",
    "hub_user_decisions": "by_user",
    "hub_exchanges": "outcome",
    "sync_quarantine": "reason",
    "sync_imports": "sender",
    "changes": "author",
    "held_changes": "reason",
}


def _refused(hub: Hub, sql: str, message: str) -> None:
    with pytest.raises(Exception, match=re.escape(message)), hub.ledger.transaction():  # noqa: PT011 - sqlite3's or psycopg's error
        hub.ledger.db.execute(sql)


def _count(hub: Hub, table: str) -> int:
    return int(hub.ledger.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_every_trail_refuses_update_and_delete_and_the_hub_still_works(
    tmp_path: Path, hub: Hub, make_device, backend: str
) -> None:
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    for device in (village, other):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    heads = hub.ledger.heads("persons", theirs)
    across = forge(village, "persons", theirs, {"phone": "13000000000"},
                   parents={"phone": heads["phone"]})  # fmt: skip
    again = forge(village, "persons", theirs, {"notes": "越界修改"},
                  parents={"notes": heads["notes"]} if "notes" in heads else None)  # fmt: skip
    village.update("persons", mine, {"notes": "正常修改"})
    assert hub.import_file(export_bundle(village, tmp_path / "attack.fs").path).held == 2
    with hub.ledger.transaction():
        HubLog(hub.ledger.db).record_reset("张科员", "红星村", "李四", "ledger.db")
        HubLog(hub.ledger.db).set_device_user("红星村", "王强", True, "张科员")
        HubLog(hub.ledger.db).record("红星村", "in", "http", "bad_signature")
        SyncState(hub.ledger.db).record_quarantine("坏包.fs", "bad_signature", "签名不对")

    db = hub.ledger.db
    assert trails.guarded_tables(db) == set(COLUMN)
    for table, column in COLUMN.items():
        assert _count(hub, table) > 0, table  # a row trigger guards only rows that exist
        message = trails.APPEND_ONLY.get(table, trails.HUB_LOG_MESSAGE)
        if table == "held_changes":
            _refused(hub, f"UPDATE {table} SET {column} = 'x'", trails.HELD_FACTS_MESSAGE)
            _refused(hub, f"UPDATE {table} SET reason_said = 'x'", trails.HELD_FACTS_MESSAGE)
            _refused(hub, f"DELETE FROM {table}", trails.HELD_DELETE)
            continue
        _refused(hub, f"UPDATE {table} SET {column} = 'x'", message)
        _refused(hub, f"DELETE FROM {table}", message)
    assert HubLog(db).resets()[0]["by"] == "张科员"

    # The county's decisions: written once each, on a change still waiting.
    held = {h.change_id: h for h in hub.rejected()}
    hub.accept(held[across.id].id, "县审核员", "核实无误")
    hub.dismiss(held[again.id].id, "县审核员", "不是本村的人")
    decided = {h.change_id: (h.status, h.decided_by) for h in hub.rejected()}
    assert decided == {across.id: ("accepted", "县审核员"), again.id: ("dismissed", "县审核员")}
    with pytest.raises(Exception, match=trails.HELD_DECIDED), hub.ledger.transaction():  # noqa: PT011
        HeldChanges(db).decide(held[again.id].id, "accepted", "别人", "改主意了")
    assert {h.change_id: h.status for h in hub.rejected()}[again.id] == "dismissed"
    assert hub.ledger.get("persons", theirs)["phone"] == "13000000000"

    # Merging, answering (sent marks, away rows), revoking and enrolling again all still work.
    village.update("persons", mine, {"phone": "13911112222"})
    hub.import_file(export_bundle(village, tmp_path / "later.fs").path)
    assert hub.ledger.get("persons", mine)["phone"] == "13911112222"
    import_bundle(village, hub.export_for("红星村", tmp_path / "answer.fs").path)
    import_bundle(other, hub.export_for("远村", tmp_path / "answer2.fs").path)
    hub.revoke("远村", by="张科员")
    hub.enroll("远村", OTHER, tmp_path / "again.json", code=ENROL_CODE, by="张科员")
    assert [e["event"] for e in hub.device_events("远村")] == ["enrolled", "revoked", "reenrolled"]


def test_an_existing_hub_gets_its_guards_from_the_migration(tmp_path: Path, hub: Hub) -> None:
    """A hub made before version 41 (its guards gone, as on every hub then — on PostgreSQL not
    even the device events') gets them all when the migration runs."""
    db = hub.ledger.db
    with hub.ledger.transaction():
        trails.drop_guards(db)
        db.execute("DELETE FROM _migrations WHERE version = 41")
    assert trails.guarded_tables(db) == set()
    assert migrate(db) == [41]
    # (the trails made later are guarded by the versions making them)
    assert trails.guarded_tables(db) == set(COLUMN) - set(trails.MADE_LATER)


def test_a_hub_at_version_43_gets_the_held_sentence_guarded(
    tmp_path: Path, hub: Hub, make_device
) -> None:
    """A hub whose held facts were guarded by version 41 alone (the sentence added by 43
    rewritable while its Chinese text was not) gets the sentence guarded by version 44, on
    both backends; the county's decision is still written once."""
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    hub.import_file(export_bundle(other, tmp_path / "other.fs").path)
    heads = hub.ledger.heads("persons", theirs)
    forge(village, "persons", theirs, {"phone": "13000000000"}, parents={"phone": heads["phone"]})
    assert hub.import_file(export_bundle(village, tmp_path / "attack.fs").path).held == 1
    db = hub.ledger.db
    with hub.ledger.transaction():
        db.execute("DROP TRIGGER IF EXISTS held_changes_facts_kept")
        for sql in trails.guards(said=False):
            if "held_changes_facts_kept" in sql:
                db.execute(sql)
        db.execute("DELETE FROM _migrations WHERE version = 44")
    with hub.ledger.transaction():
        db.execute("UPDATE held_changes SET reason_said = NULL")  # as 43 left it: rewritable
    assert migrate(db) == [44]
    _refused(hub, "UPDATE held_changes SET reason_said = 'x'", trails.HELD_FACTS_MESSAGE)
    [held] = hub.rejected()
    hub.dismiss(held.id, "县审核员", "不是本村的人")
    assert [h.status for h in hub.rejected()] == ["dismissed"]


def test_a_device_ledger_keeps_its_own_log_rewritable(tmp_path: Path) -> None:
    """A device rewrites its own changes no hub has yet (authors signed at enrolment, a village
    recoded, a refused change taken back): its change log carries no guard, its trails do."""
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    try:
        assert trails.guarded_tables(ledger.db) == set(COLUMN) - {"changes"}
    finally:
        ledger.close()


def _triggers(hub: Hub) -> set[str]:
    rows = hub.ledger.db.execute(
        "SELECT t.tgname FROM pg_trigger t WHERE NOT t.tgisinternal"
    ).fetchall()
    return {str(r[0]) for r in rows}


@pytest.mark.parametrize("backend", ["postgresql"])
def test_truncate_is_refused_on_postgresql(tmp_path: Path, hub: Hub, make_device) -> None:
    """PostgreSQL's TRUNCATE empties a table without firing a row trigger: each trail whose
    rows may never be deleted refuses it too, alone or with others in one statement, with the
    same message; an unguarded table (arrivals) is still emptied as before."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "a.fs").path)
    with hub.ledger.transaction():
        HubLog(hub.ledger.db).record_reset("张科员", "红星村", "李四", "ledger.db")
        HubLog(hub.ledger.db).set_device_user("红星村", "王强", True, "张科员")
    for table in COLUMN:
        message = trails.APPEND_ONLY.get(table, trails.HUB_LOG_MESSAGE)
        if table == "held_changes":
            message = trails.HELD_DELETE
        _refused(hub, f"TRUNCATE {table}", message)
    _refused(hub, "TRUNCATE hub_arrivals, hub_exchanges", trails.APPEND_ONLY["hub_exchanges"])
    assert _count(hub, "changes") > 0 and _count(hub, "hub_password_resets") == 1
    with hub.ledger.transaction():
        hub.ledger.db.execute("TRUNCATE hub_arrivals")
    assert _count(hub, "hub_arrivals") == 0


@pytest.mark.parametrize("backend", ["postgresql"])
def test_sqlite_drop_trigger_is_run_or_refused_on_postgresql(hub: Hub) -> None:
    """SQLite's `DROP TRIGGER name` names no table and was skipped on PostgreSQL: a migration
    meaning to drop a guard left it standing, in silence. Now it drops the guard (a DELETE
    guard's TRUNCATE guard with it); a trigger PostgreSQL does not have is refused as SQLite
    refuses it, unless IF EXISTS or the person search's, which PostgreSQL never gets; a
    trigger not in a guard's form is refused, not skipped."""
    db = hub.ledger.db
    assert {"hub_exchanges_no_delete", "hub_exchanges_no_truncate"} <= _triggers(hub)
    with hub.ledger.transaction():
        HubLog(db).record("红星村", "in", "http", "bad_signature")
        db.execute("DROP TRIGGER hub_exchanges_no_delete")
        db.execute("DELETE FROM hub_exchanges")
        db.execute("TRUNCATE hub_exchanges")
    assert not {"hub_exchanges_no_delete", "hub_exchanges_no_truncate"} & _triggers(hub)
    assert "hub_exchanges_no_update" in _triggers(hub)
    with hub.ledger.transaction():
        db.execute("DROP TRIGGER IF EXISTS hub_exchanges_no_delete")
        db.execute("DROP TRIGGER persons_search_ai")  # as version 5 does
    with pytest.raises(ValueError, match="没有触发器 hub_exchanges_no_delete"):
        db.execute("DROP TRIGGER hub_exchanges_no_delete")
    with pytest.raises(ValueError, match="触发器语句"):
        db.execute(
            "CREATE TRIGGER sync_peers_no_delete AFTER DELETE ON sync_peers "
            "BEGIN INSERT INTO meta VALUES ('x', 'y'); END"
        )
    # Guarded again by the migration's own statements (made again where they exist).
    trails.guard_trails(db)
    assert {"hub_exchanges_no_delete", "hub_exchanges_no_truncate"} <= _triggers(hub)


@pytest.mark.parametrize("backend", ["postgresql"])
def test_guards_of_another_schema_are_not_this_hubs(hub: Hub) -> None:
    """A database may hold another schema with same-named tables and guards (a second hub, a
    copy): the guards listed and dropped are this ledger's own — once each, the other's left."""
    db = hub.ledger.db
    with hub.ledger.transaction():
        db.raw.execute(
            "CREATE SCHEMA other; CREATE TABLE other.hub_exchanges (id BIGINT); "
            "CREATE TRIGGER hub_exchanges_no_delete BEFORE DELETE ON other.hub_exchanges "
            "FOR EACH ROW EXECUTE FUNCTION fieldapp_refuse('x')"
        )
    with hub.ledger.transaction():
        trails.drop_guards(db)
    assert trails.guarded_tables(db) == set()
    left = db.raw.execute(
        "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = 'other'::regnamespace"
    ).fetchall()
    assert [r[0] for r in left] == ["hub_exchanges_no_delete"]
