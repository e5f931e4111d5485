"""The trails the database itself keeps append-only, on SQLite and on PostgreSQL alike.

A trail is what says who did what and when: nothing in the program updates or deletes it, and
the database refuses anyone who tries (a hand edit, a script, a bug) with a Chinese message.
The guards are SQLite triggers written here once; `store.postgres` turns each into a PostgreSQL
trigger calling one PL/pgSQL function that raises the same message (`postgres.REFUSE`), and
each DELETE guard into a second one refusing TRUNCATE (which empties a PostgreSQL table without
firing a row trigger; SQLite has none).

Guarded on every ledger (one schema for every ledger; a device's tables stay empty or are
only added to):

- `hub_device_events` — who enrolled and revoked each device;
- `hub_password_resets` — the county's resets of a device user's password;
- `hub_user_decisions` — the county's disabling and enabling of a device's users (from 49);
- `hub_exchanges` — every exchange with a device the hub could attribute, refusals included;
- `sync_quarantine` — every bundle refused, with the reason;
- `sync_imports` — every bundle taken in (also what refuses a replay);
- `held_changes` — a change the trust rules refused: never deleted; its facts (the change as
  the device wrote it, the rule, the reason, when it came) never change; the county's decision
  is written once, on a change still waiting (`held` → accepted/dismissed), and stays.

Guarded on a hub's ledger only: `changes`, the change log. A device legitimately rewrites its
own changes no hub has yet (signing authors at enrolment, a village code recoded, a refused
change taken back, a restored ledger's new incarnation: `store.authorship`, `store.recode`,
`store.withdraw`) and removes other devices' changes of a person another village offered it,
the offer since ended (`store.forget`, as the hub's answer names them); the hub only ever adds
to its log.

Not guarded, because the hub rightly changes them: arrivals (`hub_arrivals`, pruned as the
log grows past them), away rows (`hub_away_rows`, forgotten once the device has been told),
what was sent to whom (`sync_sent_rows`, `sync_issued`, cleared at re-enrolment), the
devices (`sync_peers`: revocation, keys), answer scopes, settings and notes (`meta`), the
merge's own bookkeeping (`superseded`, `conflicts`) and the ledger's rows, which the log
projects.
"""

from __future__ import annotations

import sqlite_utils

from fieldapp.store.postgres import truncate_guard

#: table -> the message a change or deletion of one of its rows is refused with.
APPEND_ONLY: dict[str, str] = {
    "hub_device_events": "设备登记记录只能追加，不能修改或删除",
    "hub_password_resets": "口令重置记录只能追加，不能修改或删除",
    "hub_exchanges": "与设备的收发记录只能追加，不能修改或删除",
    "sync_quarantine": "拒收的同步包记录只能追加，不能修改或删除",
    "sync_imports": "已导入的同步包记录只能追加，不能修改或删除",
    "hub_user_decisions": "停用、启用用户的记录只能追加，不能修改或删除",
}
#: The trails made after version 41 guarded the first ones, and the version that made each:
#: guarded by that version (`guard_trail`), not by 41's (`guard_trails(before=…)`).
MADE_LATER: dict[str, int] = {"hub_user_decisions": 49}

#: The hub's change log.
HUB_LOG = "changes"
HUB_LOG_MESSAGE = "中心的修改记录只能追加，不能修改或删除"

#: A held change's facts: what the device sent and why it was held.
HELD_FACTS = (
    "device",
    "device_id",
    "seq",
    "hlc",
    "author",
    "tbl",
    "row_id",
    "data",
    "parents",
    "rule",
    "reason",
    "bundle_id",
    "received_at",
)
#: … and, from version 43 on, the reason as its sentence (`held_changes.reason_said`): a
#: county's desktop says it in its language, so it must be as fixed as the text beside it.
HELD_SAID = ("reason_said",)
HELD_DELETE = "暂扣的修改只能追加，不能删除"
HELD_DECIDED = "暂扣修改的处理结果已经记下，不能再改"
HELD_FACTS_MESSAGE = "暂扣的修改内容不能改动，只能记下处理结果"


def _refuse(name: str, verb: str, table: str, message: str, when: str = "") -> str:
    """A SQLite trigger refusing `verb` on `table` (when `when` holds, else always).
    `store.postgres.translate` knows this one form."""
    condition = f"FOR EACH ROW WHEN ({when}) " if when else ""
    return (
        f"CREATE TRIGGER IF NOT EXISTS {name} BEFORE {verb} ON {table} {condition}"
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def _facts_kept(said: bool) -> str:
    """The guard keeping a held change's facts (with its sentence, `said`, once the column is
    there: version 43)."""
    facts = " OR ".join(
        f"NEW.{c} IS NOT OLD.{c}" for c in (*HELD_FACTS, *(HELD_SAID if said else ()))
    )
    return _refuse("held_changes_facts_kept", "UPDATE", "held_changes", HELD_FACTS_MESSAGE, facts)


def _append_only(table: str) -> list[str]:
    """The two statements keeping `table` append-only."""
    message = APPEND_ONLY[table]
    return [
        _refuse(f"{table}_no_{verb.lower()}", verb, table, message) for verb in ("UPDATE", "DELETE")
    ]


def guards(*, said: bool = True, version: int | None = None) -> list[str]:
    """The statements guarding every ledger's trails (`said`: the held change's sentence among
    its facts — False only for version 41, which runs before the column exists; `version`: only
    the trails there by then, `MADE_LATER`)."""
    statements = [
        sql
        for table in APPEND_ONLY
        if version is None or MADE_LATER.get(table, 0) <= version
        for sql in _append_only(table)
    ]
    statements += [
        _refuse("held_changes_no_delete", "DELETE", "held_changes", HELD_DELETE),
        _refuse(
            "held_changes_decided_once",
            "UPDATE",
            "held_changes",
            HELD_DECIDED,
            "OLD.status <> 'held'",
        ),
        _facts_kept(said),
    ]
    return statements


def hub_guards() -> list[str]:
    """The statements guarding a hub's change log."""
    return [
        _refuse(f"{HUB_LOG}_no_{verb.lower()}", verb, HUB_LOG, HUB_LOG_MESSAGE)
        for verb in ("UPDATE", "DELETE")
    ]


def guard_trails(
    db: sqlite_utils.Database, *, said: bool = True, version: int | None = None
) -> None:
    """Guard every ledger's trails (again: a guard already there stays as it is); `version`:
    those there by then."""
    for sql in guards(said=said, version=version):
        db.execute(sql)


def guard_trail(db: sqlite_utils.Database, table: str) -> None:
    """Guard one trail made after the first ones (`MADE_LATER`: by the version making it)."""
    for sql in _append_only(table):
        db.execute(sql)


def keep_held_sentence(db: sqlite_utils.Database) -> None:
    """Put the held change's sentence among the facts its guard keeps (version 44): the guard
    made by version 41 is replaced, inside the caller's transaction."""
    db.execute("DROP TRIGGER IF EXISTS held_changes_facts_kept")  # (store.postgres finds its table)
    db.execute(_facts_kept(True))


def guard_hub_log(db: sqlite_utils.Database) -> None:
    """Guard a hub's change log (call once the ledger is a hub's)."""
    for sql in hub_guards():
        db.execute(sql)


def _names() -> set[str]:
    """Every guard's name; on PostgreSQL each DELETE guard has a TRUNCATE guard beside it."""
    deletes = {*(f"{t}_no_delete" for t in (*APPEND_ONLY, HUB_LOG)), "held_changes_no_delete"}
    return {
        *deletes,
        *(truncate_guard(name) for name in deletes),
        *(f"{t}_no_update" for t in (*APPEND_ONLY, HUB_LOG)),
        "held_changes_decided_once",
        "held_changes_facts_kept",
    }


def _present(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """(table, guard) for each of these guards `db` has (either backend)."""
    if getattr(db, "dialect", "") == "postgresql":
        rows = db.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal "
            # this ledger's own tables only (as `PgDatabase._drop_trigger`): another schema's
            # same-named guards are not this hub's to list or drop
            "AND c.relnamespace = current_schema()::regnamespace"
        ).fetchall()
    else:
        rows = db.execute(
            "SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    names = _names()
    return sorted((str(table), str(name)) for table, name in rows if name in names)


def guarded_tables(db: sqlite_utils.Database) -> set[str]:
    """The tables of `db` that carry at least one of these guards."""
    return {table for table, _ in _present(db)}


def drop_guards(db: sqlite_utils.Database, tables: set[str] | None = None) -> None:
    """Take the guards of `tables` (default: all) away, inside the caller's transaction: for
    a migration that must rewrite a trail's old rows (as version 35 did; it calls
    `guard_trails` and, on a hub, `guard_hub_log` again before it commits), and for a test
    that sets a ledger as it stood before version 41."""
    postgres = getattr(db, "dialect", "") == "postgresql"
    for table, name in _present(db):
        if tables is None or table in tables:
            # SQLite's DROP TRIGGER names no table; PostgreSQL's must (store.postgres).
            db.execute(f"DROP TRIGGER {name} ON {table}" if postgres else f"DROP TRIGGER {name}")
