"""Opening a ledger file as what it is: encrypted (a user and password), plain, or new.

The rules (issue 16):

- A ledger with a key file beside it is encrypted: it opens only with the name and password of
  one of its users (or, for the county's reset, with the hub's key). Five wrong passwords in a
  row make further tries wait.
- A plain ledger (made before encryption, or by a script without a password) still opens
  without one, as before; opened *with* a user and password it is converted, atomically, and
  that user becomes its first user (an administrator).
- A new ledger opened with a user and password is created encrypted with that first user;
  without, it is created plain (the test suite and old scripts work that way).
"""

from __future__ import annotations

import errno
import secrets
from dataclasses import dataclass, field

__all__ = [
    "Credentials",
    "LedgerBusy",
    "NeedsPassword",
    "Unlocked",
    "clear_backups",
    "clear_copies_note",
    "open_store",
    "rotate_key",
]
from pathlib import Path

import sqlite_utils
from sqlcipher3 import dbapi2

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Progress, check_cancel
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.saving import DISK, FULL_DISK, READ_ONLY, TROUBLES, disk_cause, errno_of
from fieldapp.store import keyfile as kf
from fieldapp.store import postgres
from fieldapp.store.connection import (
    KEY_BYTES,
    KEY_KEPT,
    NOT_YET_ENCRYPTED,
    DatabaseError,
    OperationalError,
    cannot_open,
    connect,
    disk_trouble,
    export_encrypted,
    is_plain_sqlite,
    open_database,
    refused_by_folder,
)
from fieldapp.store.ledger_kind import DEMO, DEMO_ORIGIN, KIND_KEY

#: The first bytes of a backup file (`fieldapp.store.backup`).
BACKUP_MAGIC = b"FIELDAPP-BACKUP\n"


class NeedsPassword(FieldappError):
    """The ledger is encrypted and no user and password were given."""


class LedgerBusy(FieldappError):
    """Another program holds the ledger open, so it cannot be converted now."""


#: Another program holds the ledger open (`LedgerBusy`).
HELD_OPEN = template("台账正被另一个程序使用，请先关闭它再设置口令或更换钥匙")
#: The encrypted copy, read back, does not hold what the ledger held (its tables, their rows).
COPY_DIFFERS = template("加密后的台账校验不符，台账没有改动")


class NoRoom(FieldappError):
    """The encrypted copy could not be written beside the ledger (a full disk, most often; a
    read-only folder); nothing changed. `trouble`: the disk, as `saving.ledger_trouble` names
    it (a window's box is titled by it, not as a refusal to put right)."""

    trouble = DISK


#: The copy beside the ledger found no room (%1 the cause, `saving.TROUBLES`: 磁盘已满; %2 the
#: room it needs, in MB).
NO_ROOM = template(
    "在台账旁边写新的加密台账时出错：%1。台账没有改动；加密或更换钥匙时要另有约 %2 MB 的空闲空间，"
    "请腾出空间后再试"
)
#: The copy beside the ledger could not be written for another cause the clerk can act on (%1,
#: `saving.TROUBLES`: a read-only stick, no permission, a pulled-out stick).
NOT_WRITTEN = template("在台账旁边写新的加密台账时出错：%1。台账没有改动；请排除后再试一次")


def no_room(path: Path, error: BaseException) -> NoRoom:
    """The copy beside `path` not written with `error`: an OSError of the disk or folder said
    by its errno (`saving.disk_cause`: a full disk, a read-only stick, no permission); SQLite's
    own disk error (it gives no errno) and any other as a full disk, as before."""
    cause = disk_cause(error) if isinstance(error, OSError) else None
    if cause is not None and errno_of(error) not in FULL_DISK:
        refused = NoRoom(said(NOT_WRITTEN, cause))
        if errno_of(error) == errno.EROFS:
            refused.trouble = READ_ONLY
        return refused
    size = max(1, round(path.stat().st_size / 2**20)) if path.is_file() else 1
    return NoRoom(said(NO_ROOM, said(TROUBLES[errno.ENOSPC].cause), str(size)))


@dataclass(frozen=True)
class Unlocked:
    """An encrypted ledger's key, its key file and who opened it."""

    key: bytes = field(repr=False)
    keyfile: kf.KeyFile
    user: str | None


def new_key() -> bytes:
    """A fresh random database key."""
    return secrets.token_bytes(KEY_BYTES)


def keys_in_clear(path: str | Path) -> bool:
    """True for a plain ledger file holding its own private sync keys — a ledger an older
    program enrolled with a county hub without a password — unless it is a demo ledger
    (fictitious people, enrolled with a training hub only). Read before the ledger is opened
    (no schema upgrade, nothing written); False when it cannot be read so."""
    if postgres.is_url(path) or str(path) == ":memory:" or not is_plain_sqlite(path):
        return False
    try:
        conn = connect(path)
    except DatabaseError:
        return False
    try:
        keys = conn.execute(
            "SELECT 1 FROM sync_identity WHERE key = 'self' AND length(sign_secret) > 0"
        ).fetchone()
        meta = dict(
            conn.execute(
                "SELECT key, value FROM meta WHERE key IN (?, 'device_id')", [KIND_KEY]
            ).fetchall()
        )
    except DatabaseError:
        return False  # no such table: never enrolled (or not a ledger)
    finally:
        conn.close()
    demo = meta.get(KIND_KEY) == DEMO or str(meta.get("device_id") or "").startswith(DEMO_ORIGIN)
    return keys is not None and not demo


def is_encrypted(path: str | Path) -> bool:
    """True when the ledger has a key file (it needs a password)."""
    return str(path) != ":memory:" and kf.has_keyfile(path)


def ledger_state(path: str | Path) -> str:
    """'encrypted', 'plain' or 'new' (no ledger there yet): what a login screen must ask."""
    if postgres.is_url(path):
        return "plain"  # a hub in PostgreSQL: at-rest encryption is the database server's
    path = Path(path)
    kf.recover(path)
    if kf.has_keyfile(path):
        return "encrypted"
    if path.is_file() and path.stat().st_size > 0:
        return "plain"
    return "new"


def clear_backups(path: str | Path) -> list[Path]:
    """The first wave's backups of the ledger at `path` still beside it in clear: its 设置 →
    立即备份 wrote ``<name>-备份-<time>.db`` and a restore kept ``<name>-恢复前-<time>.db``, plain
    SQLite copies holding every person and the device's secret keys. Encrypting the ledger
    leaves them (they are the clerk's backups); whoever opens it is told (`clear_copies_note`)."""
    if postgres.is_url(path) or str(path) == ":memory:":
        return []
    ledger = Path(path)
    found = [
        copy
        for kind in ("备份", "恢复前")
        for copy in ledger.parent.glob(f"{ledger.stem}-{kind}-*.db")
        if copy.is_file() and is_plain_sqlite(copy)
    ]
    return sorted(found)


def clear_copies_note(copies: list[Path]) -> str:
    """What to tell the clerk of `clear_backups`' files, '' when there are none."""
    if not copies:
        return ""
    names = "、".join(c.name for c in copies[:5]) + (
        f" 等 {len(copies)} 个" if len(copies) > 5 else ""
    )
    return (
        f"注意：台账旁边还有此前版本做的 {len(copies)} 个备份没有加密（{names}，在 {copies[0].absolute().parent}）："
        "拿到它们的人不用口令就能看到全部人员的身份证号、银行账号，还有本机同步用的密钥。"
        "请先做一个加密的新备份，确认无误后删除这些旧备份（或把它们锁好保管）"
    )


#: The key file given where its ledger is asked for: the file, and the ledger beside it.
KEYS_NOT_LEDGER = template("%1 是台账的钥匙文件，不是台账本身：请给出它旁边的台账文件 %2")
#: A backup given where a ledger is asked for (the command line's way in, `cli_hint`, after it).
BACKUP_NOT_LEDGER = template(
    "%1 是台账的备份文件，不能直接打开：请用“设置 → 从备份恢复”把它恢复成台账"
)
BACKUP_RESTORED_BY = "（命令行：fieldapp --db 台账文件 restore 备份文件）"
#: Neither a plain ledger nor one with its key file beside it: the file and its key file's name.
#: An encrypted ledger asked for with no user name and password.
NEEDS_PASSWORD = template("这个台账已加密，请给出用户名和口令")
#: A wrong password, the wrong ones in a row (%1) said from the second.
WRONG_AGAIN = template("用户名或口令不对（已连续输错 %1 次）")
NO_KEY_FILE = template(
    "%1 不是明文台账，旁边也没有它的钥匙文件 %2。"
    "若这是加密的台账，请把钥匙文件连同台账一起拷来放在它旁边；钥匙文件丢了只能从备份恢复"
)


def keyfile_missing(path: str | Path, state: str | None = None) -> kf.KeyFileError | None:
    """The refusal (`missing_keyfile`'s and two more, as a sentence; the command line's way in
    beside it) when the file at `path` is neither a plain ledger nor has a key file beside it;
    None when it opens as what `ledger_state` says."""
    if postgres.is_url(path) or str(path) == ":memory:":
        return None
    if (state or ledger_state(path)) == "plain" and not is_plain_sqlite(path):
        given = Path(path)
        if given.name.endswith(".keys") and given.with_name(given.name[: -len(".keys")]).is_file():
            return kf.KeyFileError(said(KEYS_NOT_LEDGER, given.name, given.name[: -len(".keys")]))
        if _starts_with(Path(path), BACKUP_MAGIC):
            backup = kf.KeyFileError(said(BACKUP_NOT_LEDGER, given.name))
            backup.cli_hint = BACKUP_RESTORED_BY
            return backup
        return kf.KeyFileError(missing_keyfile(path))
    return None


def _starts_with(path: Path, head: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(head)) == head
    except OSError:
        return False


def missing_keyfile(path: str | Path) -> Sentence:
    """What to say of a file that is not a plain ledger and has no key file beside it: most
    often an encrypted ledger copied to another computer without its key file."""
    path = Path(path)
    return said(NO_KEY_FILE, path.name, kf.keyfile_path(path).name)


def open_store(
    path: str | Path,
    credentials: Credentials | None = None,
    create: bool = False,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[sqlite_utils.Database, Unlocked | None]:
    """The ledger's database, opened by the rules above; Unlocked when it is encrypted.
    With `create` (a wizard asked for a new ledger) a ledger already there is refused, not
    opened (`kf.LedgerExists`). A plain ledger encrypted here reports its copy to `progress`
    and stops at `cancel` (`Cancelled`, the ledger as it was: see `convert_plain`)."""
    if str(path) == ":memory:":
        if credentials is not None:
            raise ValueError("an in-memory ledger cannot be encrypted")
        return open_database(path), None
    if postgres.is_url(path):
        return open_database(path), None
    state = ledger_state(path)
    if create and state != "new":
        raise kf.LedgerExists(kf.already_exists(path))
    if state == "new" and kf.creation_under_way(path):
        raise kf.LedgerExists(kf.being_created(path))
    problem = keyfile_missing(path, state)
    if problem:
        raise problem
    try:
        return _open_by_state(path, state, credentials, progress, cancel)
    except (OSError, DatabaseError) as error:
        if not refused_by_folder(error):
            raise
        raise cannot_open(path, new=state == "new") from None


def _open_by_state(
    path: str | Path,
    state: str,
    credentials: Credentials | None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[sqlite_utils.Database, Unlocked | None]:
    if state == "encrypted":
        if credentials is None:
            raise NeedsPassword(said(NEEDS_PASSWORD))
        unlocked = unlock(path, credentials)
    elif credentials is None:
        return open_database(path), None
    elif state == "plain":
        unlocked = convert_plain(path, credentials, progress=progress, cancel=cancel)
    else:
        unlocked = create_encrypted(path, credentials)
    return open_database(path, unlocked.key, unlocked.keyfile.cipher), unlocked


def unlock(path: str | Path, credentials: Credentials) -> Unlocked:
    """Check the password against the key file (counting wrong ones); nothing is written to
    the ledger on a wrong password."""
    keys = kf.load(path)
    kf.check_attempts(path)
    try:
        key = keys.unlock(credentials.user, credentials.password)
    except kf.WrongPassword:
        failures = kf.record_failure(path)
        wrong = said(WRONG_AGAIN, str(failures)) if failures >= 2 else said(kf.WRONG_PASSWORD)
        raise kf.WrongPassword(wrong) from None
    kf.record_success(path)
    return Unlocked(key, keys, credentials.user)


def create_encrypted(
    path: str | Path, credentials: Credentials, step: kf.Step | None = None
) -> Unlocked:
    """A new, empty encrypted ledger whose first user is `credentials.user`."""
    key = new_key()
    keys = kf.KeyFile.new().with_user(credentials.user, credentials.password, key)
    pending = kf.pending_path(path, keys.file_id)
    # One program at a time: two wizards (or commands) making the same new ledger would each
    # rename its own key file and database into place, one replacing the other's.
    with kf.creating(path, lambda: _exists(path)):
        try:
            db = open_database(pending, key, keys.cipher)
            db.execute("PRAGMA journal_mode=DELETE")  # one file to rename, no log beside it
            db.conn.close()
            kf.commit(path, keys, step)
        finally:
            pending.unlink(missing_ok=True)
    return Unlocked(key, keys, credentials.user)


def _exists(path: str | Path) -> bool:
    """True when a ledger (encrypted, or any non-empty file) is at `path`."""
    path = Path(path)
    return kf.has_keyfile(path) or (path.is_file() and path.stat().st_size > 0)


def convert_plain(
    path: str | Path,
    credentials: Credentials,
    step: kf.Step | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Unlocked:
    """Encrypt a plain ledger in place, atomically: afterwards either the encrypted ledger is
    complete and the clear file is gone, or nothing changed (see `keyfile.commit`).

    `progress` hears how far the copy is; `cancel` may stop it until the copy is checked
    (`Cancelled`: the ledger still plain and as it was, no key file and no part-written copy
    left; it is encrypted at the next login)."""
    path = Path(path)
    if not is_plain_sqlite(path):
        raise kf.KeyFileError(missing_keyfile(path))
    key = new_key()
    keys = kf.KeyFile.new().with_user(credentials.user, credentials.password, key)
    conn = connect(path)
    _replace_encrypted(conn, path, key, keys, step, progress, cancel, NOT_YET_ENCRYPTED)
    return Unlocked(key, keys, credentials.user)


def rotate_key(
    path: str | Path,
    unlocked: Unlocked,
    step: kf.Step | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Unlocked:
    """Re-encrypt a closed ledger under a fresh random key, atomically (the old ledger or the
    new one, as for a conversion), with every remaining user's slot and the county's holding
    the new key. Run after a user is disabled: a copy of the old key file, with the disabled
    user's slot in it, no longer opens the ledger as it is from now on.

    `progress` hears how far the copy is; `cancel` may stop it until the new copy is checked
    (`Cancelled`, the old ledger and key as they were), not while it takes the ledger's place."""
    path = Path(path)
    current = kf.load(path)  # as it is on disk now (another program may have added a user)
    key = new_key()
    keys = current.rotated(key)
    conn = connect(path, unlocked.key, current.cipher)
    _replace_encrypted(conn, path, key, keys, step, progress, cancel)
    return Unlocked(key, keys, unlocked.user)


def _replace_encrypted(
    conn: dbapi2.Connection,
    path: Path,
    key: bytes,
    keys: kf.KeyFile,
    step: kf.Step | None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    stopped_message: str = KEY_KEPT,
) -> None:
    """Copy the database open on `conn` into a pending file encrypted with `key`, check the
    copy, then commit it with `keys` in place of the ledger. Closes `conn`.

    The copy is most of the work: `progress` hears it as the first nine tenths, the check as
    the rest. `cancel` is asked during the copy and once more before the commit (`Cancelled`
    with `stopped_message`)."""

    def copying(done: int, total: int) -> None:
        if progress is not None:
            progress(done * 9 // 10, total)

    pending = kf.pending_path(path, keys.file_id)
    try:
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except OperationalError as error:
            text = str(error)
            if "locked" not in text and "busy" not in text:
                raise  # the disk, not another program (said below)
            mode = "busy"
        if str(mode).lower() != "delete":
            raise LedgerBusy(said(HELD_OPEN))
        if step:
            step("log-folded")
        before = _fingerprint(conn)
        export_encrypted(conn, pending, key, keys.cipher, copying, cancel, stopped_message)
    except (DatabaseError, OSError) as error:
        pending.unlink(missing_ok=True)
        if isinstance(error, OSError) or disk_trouble(error):
            raise no_room(path, error) from None
        raise
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    finally:
        conn.close()
    if step:
        step("exported")
    try:
        check = connect(pending, key, keys.cipher)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            same = _fingerprint(check) == before
        finally:
            check.close()
        if not (ok and same):
            raise kf.KeyFileError(said(COPY_DIFFERS))
        check_cancel(cancel, stopped_message)
        if progress is not None:
            progress(1, 1)
        kf.commit(path, keys, step)
    finally:
        pending.unlink(missing_ok=True)


def _fingerprint(conn: object) -> list[tuple[str, int]]:
    """Row counts of every table: the encrypted copy must hold what the plain file held."""
    tables = [
        r[0]
        for r in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' ORDER BY name"
        ).fetchall()
    ]
    return [
        (t, conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])  # type: ignore[attr-defined]
        for t in tables
    ]


def open_with_key(path: str | Path, key: bytes, keys: kf.KeyFile) -> sqlite_utils.Database:
    """Another connection to an encrypted ledger already unlocked (no password work again)."""
    return open_database(path, key, keys.cipher)


def ensure_county_slot(
    path: str | Path, unlocked: Unlocked, hub_box_public: bytes | None
) -> Unlocked:
    """Seal the key to the county hub once the ledger knows it (enrolment), or to a new hub.

    A ledger created before enrolment has no county slot: until it is enrolled, a forgotten
    password cannot be reset. Called whenever an encrypted ledger is opened or enrolled.
    """
    if hub_box_public is None:
        return unlocked
    current = unlocked.keyfile.county
    if current is not None and current.box_public == hub_box_public:
        return unlocked
    try:  # the key file as it is now: another program may have added a user since
        keys = kf.update(
            path, unlocked.keyfile, lambda k: k.with_county(hub_box_public, unlocked.key)
        )
    except (OSError, kf.KeyFileError):
        return unlocked  # read-only medium, or replaced meanwhile: try again next time
    return Unlocked(unlocked.key, keys, unlocked.user)
