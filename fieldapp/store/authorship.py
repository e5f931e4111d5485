"""Authors recorded as ``姓名@设备名称``: signing a ledger's earlier changes at enrolment.

A ledger used before it was enrolled wrote its changes under the plain name of its user. None
of them has left the device yet (there was no hub to send them to), so at its first enrolment
they are recorded as the enrolled device's, in the log and in the rows the log projects, the
same way the hub will see them. A laptop upgraded from the first wave, enrolled and syncing,
holds such changes too, made after its last sync: they are signed before they are first sent
(`sign_unsent_authors`), the ones the hub holds already left as they are.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping

import sqlite_utils

from fieldapp.domain.roles import author_parts, signed_author
from fieldapp.store.dump import synced_tables
from fieldapp.store.users import users

#: What a ledger without users recorded when no one was named (the first wave's wizard with its
#: 使用人 left blank, its command line without --author): the system account it ran under —
#: ``root`` on the village laptops, the fallback 用户 where the system gave none.
SYSTEM_ACCOUNTS = frozenset({"", "root", "用户", "administrator", "Administrator"})


def _system_accounts() -> frozenset[str]:
    try:
        return SYSTEM_ACCOUNTS | {getpass.getuser()}
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return SYSTEM_ACCOUNTS


def _person_of(db: sqlite_utils.Database) -> dict[str, str]:
    """author → the person to sign it as: a system account (``root``) names nobody, so its
    changes are the laptop's person's — the 使用人 the ledger recorded (the first wave's wizard
    or settings), else its first user (who set its password at the upgrade); a name the ledger
    recorded stays that name. Empty when neither is known (``root@设备名称`` then: the device
    is still named)."""
    people = [u.name for u in users(db)]
    accounts = _system_accounts() - set(people)  # a user called admin is that user
    row = db.execute("SELECT value FROM meta WHERE key = 'author'").fetchone()
    named = (row[0] or "").strip() if row else ""
    if not named or named in accounts:
        named = people[0] if people else ""
    if not named:
        return {}
    return {account: named for account in accounts}


def _signed(author: str | None, device: str, person: Mapping[str, str]) -> str:
    plain = (author or "").strip()
    return signed_author(person.get(plain, plain), device)


def sign_authors(db: sqlite_utils.Database, origins: Iterable[str], device: str) -> int:
    """Record every author of `origins`' changes as ``姓名@device``; returns how many changes
    were rewritten (call inside a transaction, before anything was sent)."""
    origins = sorted(set(origins))
    marks = ", ".join("?" for _ in origins)
    if not origins:
        return 0
    found = db.execute(
        f"SELECT DISTINCT author FROM changes WHERE device_id IN ({marks})", origins
    ).fetchall()
    person = _person_of(db)
    # Before its enrolment a ledger signed with its label (the settings' 设备名称: the first
    # wave's wizard set the computer's name): 李芳@DESKTOP-7F3K is 李芳's, now on `device`.
    renames = {
        (a or ""): _signed(author_parts(a or "")[0], device, person)
        for (a,) in found
        if author_parts(a or "")[1] != device
    }
    total = 0
    for old, new in renames.items():
        cursor = db.execute(
            f"UPDATE changes SET author = ? WHERE device_id IN ({marks}) AND coalesce(author, '') = ?",
            [new, *origins, old],
        )
        total += cursor.rowcount
        for table in synced_tables(db):
            for who, where in (("created_by", "created_device"), ("updated_by", "updated_device")):
                db.execute(
                    f"UPDATE [{table}] SET [{who}] = ? WHERE [{where}] IN ({marks}) "
                    f"AND coalesce([{who}], '') = ?",
                    [new, *origins, old],
                )
    return total


#: The first wave's ledgers carry migrations 1–5; the first one after is applied when this
#: version first opens such a file (for a ledger made by this version: when it was made).
FIRST_WAVE_MIGRATIONS = 5


def upgraded_ms(db: sqlite_utils.Database) -> int | None:
    """When the ledger was first opened by this version (ms since the epoch, the clock stamps'
    unit): changes stamped before were written by the first wave. None before any migration."""
    row = db.execute(
        "SELECT CAST(round((julianday(min(applied_at)) - 2440587.5) * 86400000) AS INTEGER) "
        "FROM _migrations WHERE version > ?",
        [FIRST_WAVE_MIGRATIONS],
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _unsigned(
    db: sqlite_utils.Database, sent: Mapping[str, int], device: str, first: bool = False
) -> list[tuple[str, str, int, str | None]]:
    """(hlc, origin, seq, author) of the changes past `sent` the first wave wrote: stamped before
    the ledger's upgrade, signed with a plain name (with `first`, at most one: whether there is
    any). A change written since, or an author naming another device or the county
    (``…@县级汇总中心``), is no first-wave change and is left for the hub to judge."""
    upgraded = upgraded_ms(db)
    found: list[tuple[str, str, int, str | None]] = []
    if upgraded is None:
        return found
    for origin, seq in sorted(sent.items()):
        rows = db.execute(
            "SELECT hlc, device_id, seq, author FROM changes WHERE device_id = ? AND seq > ? "
            "AND instr(coalesce(author, ''), '@') = 0 "
            "AND CAST(substr(hlc, 1, instr(hlc, '-') - 1) AS INTEGER) < ?"
            + (" LIMIT 1" if first else ""),
            [origin, seq, upgraded],
        ).fetchall()
        found.extend((hlc, o, int(n), author) for hlc, o, n, author in rows)
        if first and found:
            break
    return found


def unsigned_unsent(db: sqlite_utils.Database, sent: Mapping[str, int], device: str) -> bool:
    """Whether `sign_unsent_authors` has anything to sign (read only: an export onto a full
    disk writes nothing to the ledger before its bundle is written)."""
    return bool(_unsigned(db, sent, device, first=True))


def sign_unsent_authors(db: sqlite_utils.Database, sent: Mapping[str, int], device: str) -> int:
    """Record as ``姓名@device`` the authors of the changes past `sent` (origin → highest seq the
    hub holds) that name no device at all — what a first-wave laptop wrote (a plain name, or the
    system's account ``root``, signed as the laptop's person: `_person_of`) and had not yet sent
    when it was upgraded; returns how many were rewritten.

    The changes the hub holds keep their author byte for byte (a change sent again must match
    its copy there), and so do the rows they last wrote; the rows the rewritten changes created
    or last updated take the new author, as the hub will record them. Call inside a
    transaction, with nothing sent past `sent`.
    """
    person = _person_of(db)
    signed = [
        (f"{hlc}/{origin}:{seq}", origin, seq, _signed(author, device, person))
        for hlc, origin, seq, author in _unsigned(db, sent, device)
    ]
    if not signed:
        return 0
    db.execute("DROP TABLE IF EXISTS temp._signed_authors")
    db.execute("CREATE TEMP TABLE _signed_authors (key TEXT PRIMARY KEY, author TEXT NOT NULL)")
    try:
        db.conn.executemany(
            "INSERT INTO _signed_authors (key, author) VALUES (?, ?)",
            [(key, author) for key, _, _, author in signed],
        )
        db.conn.executemany(
            "UPDATE changes SET author = ? WHERE device_id = ? AND seq = ?",
            [(author, origin, seq) for _, origin, seq, author in signed],
        )
        for table in synced_tables(db):
            for who, key in (("created_by", "_ckey"), ("updated_by", "_ukey")):
                db.execute(
                    f"UPDATE [{table}] SET [{who}] = "
                    f"(SELECT author FROM _signed_authors WHERE key = [{table}].[{key}]) "
                    f"WHERE [{key}] IN (SELECT key FROM _signed_authors)"
                )
    finally:
        db.execute("DROP TABLE temp._signed_authors")
    return len(signed)
