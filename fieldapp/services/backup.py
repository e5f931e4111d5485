"""Backups of the open ledger and restoring one (the file is copied while the ledger is open).

Backups are encrypted (`fieldapp.store.backup`); restoring needs a password of the backed-up
ledger. A restored ledger is older than the one the hub knows: the changes this device made
after the backup, and the bundles it sent, are at the hub but not in the file. Going on with the
old device id would number new changes again from the backup's last one, which the hub refuses
as a copied ledger (reused change numbers). So a restore starts a new *incarnation* of the
device: a fresh device id for its changes from now on (the enrolled keys stay: the hub knows the
device by its signature and binds the new id to it on the first bundle), and its bundle numbers
to the hub jump past any it can have sent since the backup. Nothing the hub holds is lost; the
changes made after the backup stay at the hub under the old id. The same mechanism serves a
ledger copied back by hand (`fieldapp sync restored`): `fieldapp.services.incarnation`. A hub's
own ledger restored from its backup keeps its id (docs/hub.md, 备份中心).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlite_utils

from fieldapp.domain.credentials import Credentials, normalise_name
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.services.incarnation import finish_restore, start_new_incarnation
from fieldapp.store import backup as _store_backup
from fieldapp.store import keyfile
from fieldapp.store import users as user_rows
from fieldapp.store.connection import DatabaseError
from fieldapp.store.keyfile import KeyFile, Step
from fieldapp.store.ledger import Ledger
from fieldapp.store.users import UserRow
from fieldapp.store.vault import Unlocked, keyfile_missing, ledger_state, open_with_key

backup_name = _store_backup.backup_name
BackupError = _store_backup.BackupError


def read_backup(path: str | Path) -> _store_backup.BackupInfo | None:
    """A backup's header, checked (no password needed); None for a first-wave backup, a plain
    copy of the ledger with no header, which restores too (its restorer is its first user)."""
    if _store_backup.is_first_wave_backup(path):
        return None
    return _store_backup.read_backup(path)


def _first_user(backup_file: str | Path, credentials: Credentials) -> bool:
    """ValidationFailed for a first-wave backup restored under a password the rule refuses:
    it has no password of its own, so the one typed becomes its first user's
    (`users.check_password`, as wherever a password is set). True: a first-wave backup."""
    from fieldapp.services.users import check_password

    first_wave = _store_backup.is_first_wave_backup(backup_file)
    if first_wave:
        check_password(credentials.password)
    return first_wave


def check_backup(
    path: str | Path,
    credentials: Credentials,
    work_dir: str | Path | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> dict[str, int]:
    """`fieldapp.store.backup.check_backup`, a first-wave backup's new password checked first."""
    _first_user(path, credentials)
    return _store_backup.check_backup(path, credentials, work_dir, progress, cancel)


@dataclass(frozen=True)
class Restored:
    """What a restore did; `users_said`: what became of the users (carried over from the
    ledger it replaced, or that nobody could know); `unlocked`: the restored ledger's key, as
    the one who restored it (their password may now be the one they have, not the backup's)."""

    path: Path
    kept: Path | None
    device_id: str
    previous_device_id: str
    users_said: tuple[Sentence, ...]
    unlocked: Unlocked = field(repr=False)


# What a restore says of the users. A backup holds the users as they were then: a user
# disabled since, or whose password was changed since (a lost laptop, a known password), came
# back with their old password. A restore over the ledger on this device carries its users'
# newer states over; it needs a password that opens that ledger now.
#: A restore over the ledger on this device by someone who cannot open it now.
NOT_CURRENT_USER = template(
    "恢复会替换这台电脑上现在的台账，须由能打开现在这个台账的用户、用现在的口令进行："
    "已停用的用户、已改掉的旧口令都不能恢复。当前台账没有改动"
)
#: … the one restoring it disabled since they opened it (%1: the name).
RESTORER_DISABLED = template("用户 %1 已停用，不能恢复台账：请找本台账的管理员。当前台账没有改动")
#: A user (%1) disabled after the backup was made.
STILL_DISABLED = template("用户 %1 在备份之后已停用：恢复后仍是停用的，旧口令打不开台账")
#: A user (%1) whose password was changed (or reset) after the backup was made.
PASSWORD_KEPT = template("用户 %1 在备份之后改过口令：恢复后仍用新口令，旧口令打不开台账")
#: A user (%1) added after the backup was made.
ADDED_KEPT = template("用户 %1 是备份之后新增的：恢复后保留，口令不变")
#: A user (%1) disabled in the backup, enabled again since.
ENABLED_KEPT = template("用户 %1 在备份之后重新启用：恢复后照旧可用，用重新启用时设的口令")
#: A user (%1) whose newer password cannot follow (a slot of the first key file format).
PASSWORD_LOST = template(
    "用户 %1 在备份之后改过口令，新口令无法沿用：恢复后此人打不开台账，请管理员为其重设口令"
)
#: A user (%1) in the backup the ledger replaced never had (another ledger's backup, or one
#: rewritten): disabled until an administrator has looked.
BACKUP_ONLY = template(
    "用户 %1 只在备份里有，恢复前的台账里没有：恢复后先停用，请管理员核对后再重新启用"
)
#: A backup (%1 its name) an older program made: its header has no `mac` (format 1), nothing
#: vouches for its time or users; it restores, said first.
UNVOUCHED = template(
    "备份文件「%1」是旧版程序做的，它的文件头（备份时间、用户）无法核对是否被人改过："
    "请核对恢复后的台账是不是要恢复的那一份，并核对用户名单"
)
#: Nothing about the users changed since the backup.
USERS_AS_BEFORE = template("用户和口令与恢复前的台账相同（备份之后没有变动）")
#: The ledger replaced opened (its key file) but its users table could not be read.
USERS_UNREAD = template(
    "恢复前的台账读不出用户名单（已损坏？）：已按它的钥匙文件沿用停用和改过的口令，"
    "备份之后新增的用户没有带过来。请管理员核对用户名单"
)
#: No ledger (or none that opens) on this device: nothing to carry over.
CANNOT_KNOW = template(
    "这台电脑上原来没有台账（或原来的台账打不开），无法知道备份之后哪些用户停用了、"
    "改了口令：恢复后的用户和口令是备份时的。请管理员马上在 设置 → 用户与口令 核对用户名单，"
    "停用不该再用的人，为口令可能外泄的人重设口令"
)


@dataclass(frozen=True)
class _Current:
    """The ledger on this device a restore replaces, as far as it could be read."""

    keys: KeyFile
    users: list[UserRow] | None  # None: its database could not be read


def _current(
    ledger_path: Path, credentials: Credentials, opened: Unlocked | None
) -> _Current | None:
    """The ledger at `ledger_path`, opened by `opened` (the window's, already logged in) or by
    `credentials`; NotAllowed when neither opens it now or its user is disabled. None when
    there is no ledger there, or one with no users (plain) or no key file beside it: nothing
    to carry over and nobody to ask."""
    from fieldapp.services.users import NotAllowed

    state = ledger_state(ledger_path)
    if state != "encrypted" or keyfile_missing(ledger_path, state) is not None:
        return None
    try:
        keys = keyfile.load(ledger_path)
    except keyfile.KeyFileError:
        return None  # damaged: the very thing a restore puts right; nobody can be asked
    if opened is not None and opened.user is not None:
        user, key = opened.user, opened.key
    else:
        user = normalise_name(credentials.user)
        keyfile.check_attempts(ledger_path)  # counted as a login: a way to try passwords
        try:
            key = keys.unlock(user, credentials.password)
        except keyfile.WrongPassword:
            keyfile.record_failure(ledger_path)
            raise NotAllowed(said(NOT_CURRENT_USER)) from None
        keyfile.record_success(ledger_path)
    try:
        db = open_with_key(ledger_path, key, keys)
        try:
            rows: list[UserRow] | None = user_rows.users(db)
        finally:
            db.conn.close()
    except (DatabaseError, FieldappError, OSError):
        rows = None
    if rows is not None and any(r.name == user and r.disabled for r in rows):
        raise NotAllowed(said(RESTORER_DISABLED, user))
    return _Current(keys, rows)


def _same_password(a: keyfile.Slot | None, b: keyfile.Slot | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.salt, a.wrapped, a.box_public) == (b.salt, b.wrapped, b.box_public)


def _carry_over(
    db: sqlite_utils.Database,
    key: bytes,
    keys: KeyFile,
    now: _Current,
    keep: str | None,
    told: list[Sentence],
) -> KeyFile:
    """The restored copy (`db`, `key`, `keys`) given the users' states of the ledger it
    replaces where they are newer than the backup's; what was carried over is added to
    `told`. `keep`: a user whose slot stays as restored (a first-wave backup's first user,
    whose password was just set)."""
    before = {r.name: r for r in user_rows.users(db)}
    if now.users is None:
        return _carry_over_slots(db, key, keys, now.keys, before, keep, told)
    for row in now.users:
        if row.name == keep:  # their row as now; their slot the one just set
            user_rows.put_user(db, row)
            continue
        old = before.get(row.name)
        current = now.keys.slots.get(now.keys.slot_id(row.name))
        restored = keys.slots.get(keys.slot_id(row.name))
        if old == row and _same_password(current, restored):
            continue
        # The ledger on this device speaks for its users, even where a backup's row says it
        # is newer: a backup's times are whatever its maker wrote (one who can open it can
        # rewrite it); one disabled stays so until an administrator enables them again.
        user_rows.put_user(db, row)
        if row.disabled:
            keys = keys.without_user(row.name)
            if old is None or not old.disabled:
                told.append(said(STILL_DISABLED, row.name))
            continue
        if current is None or not current.rotatable:
            keys = keys.without_user(row.name)
            if current is not None or restored is not None:
                told.append(said(PASSWORD_LOST, row.name))
            continue
        keys = keys.with_slot(row.name, current.resealed(key))
        if old is None:
            told.append(said(ADDED_KEPT, row.name))
        elif old.disabled:
            told.append(said(ENABLED_KEPT, row.name))
        elif not _same_password(current, restored):
            told.append(said(PASSWORD_KEPT, row.name))
    known = {r.name for r in now.users}
    for name, old in before.items():  # in the backup, never in this ledger: not vouched for
        if name in known or old.disabled:
            continue
        user_rows.set_disabled(db, name, True)
        keys = keys.without_user(name)
        told.append(said(BACKUP_ONLY, name))
    if not told:
        told.append(said(USERS_AS_BEFORE))
    return _only_users(db, keys)


def _only_users(db: sqlite_utils.Database, keys: KeyFile) -> KeyFile:
    """`keys` with no password slot but the enabled users' of `db` (a slot with no user in
    the backup — one put there by whoever rewrote it — opens nothing)."""
    allowed = {keys.slot_id(r.name) for r in user_rows.users(db) if not r.disabled}
    return replace(keys, slots={k: v for k, v in keys.slots.items() if k in allowed})


def _carry_over_slots(
    db: sqlite_utils.Database,
    key: bytes,
    keys: KeyFile,
    now: KeyFile,
    before: dict[str, UserRow],
    keep: str | None,
    told: list[Sentence],
) -> KeyFile:
    """`_carry_over` when the replaced ledger's users table could not be read: its key file
    says who can open it and with which password (a user with no slot there is disabled)."""
    if now.name_salt != keys.name_salt:
        told.append(said(CANNOT_KNOW))  # another ledger's key file: names cannot be matched
        return keys
    for name in before:
        restored = keys.slots.get(keys.slot_id(name))
        current = now.slots.get(now.slot_id(name))
        if name == keep or restored is None or _same_password(current, restored):
            continue
        if current is None:
            keys = keys.without_user(name)
            user_rows.set_disabled(db, name, True)
            told.append(said(STILL_DISABLED, name))
        elif current.rotatable:
            keys = keys.with_slot(name, current.resealed(key))
            told.append(said(PASSWORD_KEPT, name))
        else:
            keys = keys.without_user(name)
            told.append(said(PASSWORD_LOST, name))
    told.append(said(USERS_UNREAD))
    return _only_users(db, keys)


def back_up(ledger: Ledger, dest: str | Path, progress: Progress | None = None) -> Path:
    """Write an encrypted backup of the open ledger to `dest`; returns the file."""
    return _store_backup.backup_to(ledger, dest, progress)


#: The same, by the name the command line uses.
backup = back_up


def restore(
    backup_file: str | Path,
    ledger_path: str | Path,
    credentials: Credentials,
    step: Step | None = None,
    opened: Unlocked | None = None,
    current: Credentials | None = None,
) -> Restored:
    """Replace the (closed) ledger by a backup, then start the device's new incarnation (a
    hub's ledger keeps its id: `incarnation.finish_restore`).

    `credentials` open the backup. A ledger already at `ledger_path` is replaced only by one
    of its users not disabled, by their password now (`current` where it is not the backup's,
    else `credentials`; or `opened`: the key of the window logged in to it); its users' states newer than the backup are carried over —
    disabled stays disabled, a changed password stays changed, a user added since is kept
    (`Restored.users_said` says which). With no ledger there (a new laptop) nobody can know:
    it says so, and to check the users."""
    first_wave = _first_user(backup_file, credentials)
    path = Path(ledger_path)
    now = _current(path, current or credentials, opened)
    # Read before the restore: the stick may be gone after it.
    header = None if first_wave else _store_backup.read_backup(backup_file)
    told: list[Sentence] = []
    restored: list[Unlocked] = []
    name = normalise_name(credentials.user)

    def adjust(db: sqlite_utils.Database, key: bytes, keys: KeyFile) -> KeyFile:
        told.clear()
        if now is None:
            if not first_wave:  # (one has no users: its only one is the one just given)
                told.append(said(CANNOT_KNOW))
        else:
            keys = _carry_over(db, key, keys, now, name if first_wave else None, told)
        restored[:] = [Unlocked(key, keys, name)]
        return keys

    kept = _store_backup.restore_from(backup_file, path, credentials, step, adjust)
    if header is not None and not header.vouched:
        told.insert(0, said(UNVOUCHED, header.path.name))
    unlocked = restored[0]
    ledger = Ledger(open_with_key(path, unlocked.key, unlocked.keyfile), str(path), None, unlocked)
    try:
        previous = ledger.device_id
        device = finish_restore(ledger)
        unlocked = ledger.unlocked or unlocked
    finally:
        ledger.close()
    return Restored(path, kept, device, previous, tuple(told), unlocked)


def new_incarnation(ledger: Ledger) -> str:
    """Give a restored ledger a fresh device id and move its bundle numbers past the old ones
    (the one mechanism, shared with `fieldapp sync restored`)."""
    return start_new_incarnation(ledger)
