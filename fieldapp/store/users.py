"""SQL of the local users table (migration m0008) and of the export log (m0018)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import astuple, dataclass
from typing import TYPE_CHECKING, Any

import sqlite_utils

from fieldapp.domain.dates import china_iso, now_stamp
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import said, template
from fieldapp.store.filters import as_time

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def now_text() -> str:
    """Now as the users table and the export log keep it: China time with its offset,
    `dates.now_stamp`, as the rest of the program writes a time. Rows written before it keep
    this computer's local time with no zone; `dates.china_minute` reads both."""
    return now_stamp()


@dataclass(frozen=True)
class UserRow:
    """One local user as stored (the password is in the key file, never here)."""

    name: str
    admin: bool
    disabled: bool
    created_at: str | None
    created_by: str | None
    password_changed_at: str | None
    password_reset_by: str | None
    disabled_at: str | None = None
    disabled_by: str | None = None
    enabled_at: str | None = None
    enabled_by: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON keys of `user list --json`."""
        return {
            "name": self.name,
            "admin": self.admin,
            "disabled": self.disabled,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "password_changed_at": self.password_changed_at,
            "password_reset_by": self.password_reset_by,
            "disabled_at": self.disabled_at,
            "disabled_by": self.disabled_by,
            "enabled_at": self.enabled_at,
            "enabled_by": self.enabled_by,
        }


_COLUMNS = (
    "name, admin, disabled, created_at, created_by, password_changed_at, password_reset_by, "
    "disabled_at, disabled_by, enabled_at, enabled_by"
)


def _row(values: tuple[Any, ...]) -> UserRow:
    name, admin, disabled, *rest = values
    return UserRow(name, bool(admin), bool(disabled), *rest)


def users(db: sqlite_utils.Database) -> list[UserRow]:
    """Every local user, in the order they were added."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM users").fetchall()
    # As time orders them: a time written before `now_stamp` has no zone (this computer's).
    found = [_row(r) for r in rows]
    return sorted(found, key=lambda u: (china_iso(u.created_at), u.name))


def user(db: sqlite_utils.Database, name: str) -> UserRow | None:
    """One user by name."""
    row = db.execute(f"SELECT {_COLUMNS} FROM users WHERE name = ?", [name]).fetchone()
    return _row(row) if row else None


def add_user(db: sqlite_utils.Database, name: str, admin: bool, by: str | None) -> None:
    """Insert a user (the caller has made their password slot)."""
    now = now_text()
    db.execute(
        "INSERT INTO users (name, admin, disabled, created_at, created_by, password_changed_at) "
        "VALUES (?, ?, 0, ?, ?, ?)",
        [name, int(admin), now, by, now],
    )


def set_disabled(
    db: sqlite_utils.Database, name: str, disabled: bool, by: str | None = None
) -> None:
    """Disable or enable a user, recording when and by whom (`by`)."""
    done = "disabled" if disabled else "enabled"
    db.execute(
        f"UPDATE users SET disabled = ?, {done}_at = ?, {done}_by = ? WHERE name = ?",
        [int(disabled), now_text(), by, name],
    )


def put_user(db: sqlite_utils.Database, row: UserRow) -> None:
    """Write a user's row as given, whole (a restore carrying over the state of the ledger it
    replaces: `fieldapp.services.backup`)."""
    name, admin, disabled, *rest = astuple(row)  # `_row` the other way round
    values = [name, int(admin), int(disabled), *rest]
    db.execute(
        f"INSERT OR REPLACE INTO users ({_COLUMNS}) VALUES ({', '.join('?' * len(values))})",
        values,
    )


def set_admin(db: sqlite_utils.Database, name: str, admin: bool) -> None:
    """Give or take the right to manage users."""
    db.execute("UPDATE users SET admin = ? WHERE name = ?", [int(admin), name])


def password_changed(db: sqlite_utils.Database, name: str, reset_by: str | None = None) -> None:
    """Record a password change (or a county reset, naming who reset it)."""
    db.execute(
        "UPDATE users SET password_changed_at = ?, password_reset_by = ? WHERE name = ?",
        [now_text(), reset_by, name],
    )


class UserRefused(FieldappError):
    """The user may not open this ledger (disabled, or not one of its users)."""


#: A name (%1) the ledger has no user of, or a user of it disabled.
NOT_A_USER = template("%1 不是本台账的用户")
USER_DISABLED = template("用户 %1 已停用，请找本台账的管理员")


def bind_user(db: sqlite_utils.Database, name: str) -> UserRow:
    """The user who just unlocked the ledger: the first one becomes its administrator; a
    disabled or unknown one is refused."""
    if count_users(db) == 0:
        add_user(db, name, True, None)
    found = user(db, name)
    if found is None:
        raise UserRefused(said(NOT_A_USER, name))
    if found.disabled:
        raise UserRefused(said(USER_DISABLED, name))
    return found


def count_users(db: sqlite_utils.Database) -> int:
    """How many users the ledger has (disabled ones included)."""
    return int(db.execute("SELECT count(*) FROM users").fetchone()[0])


# -- export log ---------------------------------------------------------------------------------


def log_export(
    ledger: Ledger,
    kind: str,
    file_name: str,
    file_hash: str,
    persons: int,
    rows: int,
    area_code: str | None = None,
    check: Callable[[str, dict[str, Any]], None] | None = None,
) -> str:
    """Write one export_log row through the ledger (synced, attributed); returns its id. A
    ledger export keeps, with it, how far the log had reached (`note_export_arrivals`).
    `check(row id, fields)`: the write door's, raising to refuse the row before it is written."""
    from fieldapp.store.ids import new_id
    from fieldapp.store.queries.tabular import LEDGER_EXPORT, note_export_arrivals

    fields: dict[str, Any] = {
        "kind": kind,
        "file_name": file_name,
        "file_hash": file_hash,
        "persons": persons,
        "rows": rows,
        "area_code": area_code,
        "exported_at": now_text(),
    }
    row_id = new_id()
    with ledger.transaction():
        if check is not None:
            check(row_id, fields)
        export_id = ledger.insert("export_log", fields, row_id)
        if kind == LEDGER_EXPORT:
            note_export_arrivals(ledger.db, export_id)
    return export_id


def export_log(db: sqlite_utils.Database, limit: int = 200) -> list[dict[str, Any]]:
    """The latest exports, newest first, with who and which device."""
    rows = db.execute(
        "SELECT id, kind, file_name, file_hash, persons, rows, area_code, exported_at, "
        "created_by, created_device FROM export_log WHERE deleted = 0 "
        f"ORDER BY {as_time('exported_at')} DESC, exported_at DESC, id DESC LIMIT ?",
        [limit],
    ).fetchall()
    keys = (
        "id",
        "kind",
        "file_name",
        "file_hash",
        "persons",
        "rows",
        "area_code",
        "exported_at",
        "user",
        "device",
    )
    return [dict(zip(keys, r, strict=True)) for r in rows]
