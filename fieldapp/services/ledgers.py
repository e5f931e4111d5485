"""Opening a ledger file: the handle every service and query takes.

The UI and the CLI hold a `Ledger` and pass it on; they never use its connection or its write
methods themselves (services write, `fieldapp.store.queries` reads).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.sentences import said, template
from fieldapp.services.incarnation import finish_restore, restore_unfinished
from fieldapp.services.sheet_conflicts import clear_at_open
from fieldapp.store import ledger_kind
from fieldapp.store.connection import BUSY_TIMEOUT_MS
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.store.vault import (
    clear_backups,
    clear_copies_note,
    keyfile_missing,
    keys_in_clear,
    ledger_state,
)

__all__ = [
    "Credentials",
    "Ledger",
    "clear_backups",
    "clear_copies_note",
    "is_demo",
    "keyfile_missing",
    "keys_in_clear",
    "ledger_state",
    "make_demo",
    "open_ledger",
]

#: The demo ledger's file name in the data folder (the wizard's choice).
DEMO_FILE = "演示台账.db"


def open_ledger(
    path: str | Path,
    author: str | None = None,
    credentials: Credentials | None = None,
    create: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Ledger:
    """Open (creating if needed) the ledger file at `path`, its schema brought up to date.

    With `credentials` an encrypted ledger is unlocked as that user (a plain one is encrypted,
    a new one created encrypted); without, only a plain or new ledger opens (issue 16).
    A restore from a backup cut short after the backup took the ledger's place is finished
    here (its new incarnation, `fieldapp.services.incarnation`). A spreadsheet conflict decided
    more than `KEPT_DAYS` ago has its personal data cleared here when one is due
    (`sheet_conflicts.clear_at_open`). With `create` (the wizard's 新建台账) a ledger already at
    `path` — another window or command made it meanwhile — is refused in Chinese, not opened. The first user's password (a ledger created or encrypted
    here) is held to the rule every other password is (`users.check_password`). A plain
    ledger's encryption (a while on a large one) reports to `progress` and stops at `cancel`:
    `Cancelled`, the ledger still plain and as it was, to be encrypted at the next login."""
    if credentials is not None and ledger_state(path) != "encrypted":
        first_password(credentials.password, "没有新建或加密台账")
    ledger = Ledger.open(
        path,
        author=author,
        credentials=credentials,
        create=create,
        progress=progress,
        cancel=cancel,
    )
    try:
        if restore_unfinished(ledger):
            finish_restore(ledger)
        # Housekeeping never waits on another program's write: left for the next open.
        ledger.wait_for_others(0)
        try:
            clear_at_open(ledger)
        finally:
            ledger.wait_for_others(BUSY_TIMEOUT_MS / 1000)
    except BaseException:
        ledger.close()
        raise
    return ledger


def first_password(password: str, nothing_done: str) -> None:
    """ValidationFailed, saying `nothing_done`, for a first user's password the rule refuses:
    a script's FIELDAPP_PASSWORD=1 would lock the ledger (or hub) with a lock guessed first."""
    from fieldapp.services.users import check_password

    try:
        check_password(password)
    except ValidationFailed as error:
        raise ValidationFailed(f"{error}：{nothing_done}，请换一个口令再运行") from error


def is_demo(ledger: Ledger) -> bool:
    """True for a demo ledger: fictitious people, marked on screen and on paper, never synced
    with a county hub (see `fieldapp.store.ledger_kind`)."""
    return ledger_kind.is_demo(ledger)


#: Demo people refused into a ledger holding anything or enrolled with a hub.
DEMO_IN_REAL = template(
    "这是正式台账，不能放入演示数据。演示数据要放在单独的演示台账里："
    "请另选一个新的台账文件来生成演示数据。"
)


def make_demo(ledger: Ledger) -> None:
    """Make a new, empty ledger a demo ledger (one that already is stays so).

    A ledger that holds anything, or is enrolled with a county hub, is real work: demo people
    must never mix with it, so it is refused (ValidationFailed, in Chinese).
    """
    if ledger_kind.is_demo(ledger):
        return
    if not ledger_kind.is_empty(ledger) or SyncState(ledger.db).identity() is not None:
        raise ValidationFailed(said(DEMO_IN_REAL))
    ledger_kind.set_kind(ledger, ledger_kind.DEMO, ledger_kind.DEMO_ORIGIN + secrets.token_hex(8))
