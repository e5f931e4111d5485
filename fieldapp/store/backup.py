"""Encrypted backups of a ledger: one file holding the key file's slots and the encrypted pages.

```
FIELDAPP-BACKUP\\n
{"format": 2, "created_at": …, "size": N, "sha256": …, "keys": {<the ledger's key file>},
 "mac": …}\\n
<N bytes: the ledger's database, encrypted with the ledger's own key (SQLCipher)>
```

The `sha256` alone is no seal: anyone holding the file could rewrite the header (another
backup time, an older key file's slots, another backup's body with its size and checksum). The
`mac` vouches for the header with the ledger's own key: an HMAC-SHA256 of the header's fields
(canonical JSON) under a key derived from the database key (`header_mac`); it is checked as
soon as a password has unlocked the database key, before anything is unpacked or replaced. A
backup of format 1 (no `mac`: older programs, still on the villages' sticks) restores as before;
a format-2 backup stripped of its `mac` and set to format 1 is still told, by the mark its copy
carries inside the encrypted pages (`SEALED_MARK`). Whoever can open a backup (a user with a
slot in it) holds the database key and so can also make a valid `mac`: it stops those who only
hold the file, not the backup's own users (docs/security.md).

The header holds no secret key in clear and no personal data: the database key appears only
wrapped by users' passwords (and sealed to the county hub); the device's own signing and
encryption keys are inside the encrypted database. Restoring it therefore needs the password of
one of the ledger's users (at the time of the backup), on any machine.

A restore replaces the ledger and its key file in one atomic step (`keyfile.commit`); the ledger
it replaces is kept beside it first, with its key file. The first wave's backups (设置 → 立即备份:
a plain SQLite copy of the ledger, ``ledger-备份-20261120-140512.db``) restore too: the copy is
encrypted for the user restoring it, its first user, and takes the ledger's place the same way.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import json
import os
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import sqlite_utils
from sqlcipher3 import dbapi2

from fieldapp.domain.dates import china_time, now_stamp
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.domain.sentences import said, template
from fieldapp.paths import make_private, private_dir
from fieldapp.saving import cannot_write, discard, make_folder_for, written
from fieldapp.store import keyfile as kf
from fieldapp.store.connection import (
    DatabaseError,
    connect,
    disk_trouble,
    export_encrypted,
    held_open_elsewhere,
    is_plain_sqlite,
    open_database,
)
from fieldapp.store.migrations import migrate
from fieldapp.store.vault import BACKUP_MAGIC, Credentials, Unlocked, new_key

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

MAGIC = BACKUP_MAGIC
FORMAT = 2
#: The first format with the header's `mac`; a backup of an older one has none.
MAC_FORMAT = 2
#: The header's fields the `mac` is made over (all but the `mac` itself).
MAC_FIELDS = ("format", "created_at", "size", "sha256", "keys")
#: The label the `mac`'s key is derived with from the database key (never the key itself).
MAC_LABEL = b"fieldapp-backup-header-mac-v1"
#: The `meta` key a backup's copy of the pages carries (the copy only, never the live ledger):
#: the copy was written with a `mac` in its header — one found in a backup whose header says
#: format 1 has had its `mac` stripped.
SEALED_MARK = "backup_header_sealed"
#: Biggest header line read (the key file of a ledger with many users is a few kilobytes).
MAX_HEADER = 1 << 20
_CHUNK = 1 << 20


class BackupError(FieldappError):
    """A backup could not be made or restored; the message says why."""


#: A backup asked of a ledger with no password yet (nothing to seal it with).
NOT_ENCRYPTED = template("台账还没有加密（没有设置用户和口令），不能备份。请先设置口令。")
#: The copy just made fails SQLite's check (%1 what the check said).
COPY_CHECK_FAILED = template("备份文件校验失败：%1")
#: A backup to restore or check given as a folder (%1), or not found (%1 the path given).
IS_A_FOLDER = template("%1 是文件夹，请选择备份文件本身")
NO_BACKUP = template("找不到备份文件 %1")
#: A backup file (%1 its name) cut short, not a backup, damaged, of a newer program.
CUT_SHORT = template("备份文件 %1 不完整（文件过短：拷贝没有完成？）")
NOT_A_BACKUP = template("文件 %1 不是台账备份")
NEWER_FORMAT = template("备份文件格式比本程序新，请先升级本程序（劳动力台账）")
DAMAGED_OR_CUT = template("备份文件 %1 已损坏或不完整")
WRONG_SIZE = template("备份文件 %1 不完整（大小不符）")
HASH_DIFFERS = template("备份文件 %1 已损坏（校验值不符）")
DAMAGED = template("备份文件 %1 已损坏")
DAMAGED_OR_NOT_A_BACKUP = template("备份文件 %1 已损坏，或不是台账备份")
#: The ledger inside a backup, unpacked, fails SQLite's check, or cannot be read (%1 SQLite's
#: own words).
INSIDE_DAMAGED = template("备份中的台账已损坏")
INSIDE_UNREAD = template("备份中的台账无法读取：%1")
#: A restore over a ledger (%1 its file's name) another program has open.
#: A backup (%1 its name) whose header is not the one its backup wrote: its `mac` does not
#: match, is missing, or was stripped (the header set to the old format).
HEADER_ALTERED = template(
    "备份文件「%1」的文件头被改过（备份时间、用户或口令与备份时写下的不符），不能用它恢复；"
    "请换一份备份，或联系县里"
)
RESTORE_HELD_OPEN = template(
    "台账 %1 正被另一个程序使用（打开着的桌面程序或另一个命令），请先关闭它再恢复。台账没有改动"
)


def backup_name(ledger_path: str | Path, when: dt.datetime | None = None) -> str:
    """'ledger-备份-20261123-140501.fieldbackup' for a ledger file: `when`, now when None, in
    China time (as the backup's created_at and every time shown), whatever zone this computer
    keeps."""
    return f"{Path(ledger_path).stem}-备份-{china_time(when):%Y%m%d-%H%M%S}.fieldbackup"


def backup_to(ledger: Ledger, dest: str | Path, progress: Progress | None = None) -> Path:
    """Copy the open (encrypted) ledger into one backup file; the live file is never locked
    for long (SQLite's online backup, page by page, between two connections with one key)."""
    unlocked = ledger.unlocked
    if unlocked is None:
        raise BackupError(said(NOT_ENCRYPTED))
    dest = Path(dest)
    with written(dest):
        make_folder_for(dest)
        if dest.is_dir():  # told before the copy, not after it
            raise IsADirectoryError(errno.EISDIR, dest.name)
    pages = dest.with_name(dest.name + ".pages.part")
    partial = dest.with_name(dest.name + ".part")
    clear_stale_work_files(dest.parent)
    try:
        with written(dest):  # a full disk, a pulled-out stick: said with the file's name
            try:
                _copy_pages(ledger, unlocked, pages, progress)
            except DatabaseError as error:  # SQLite's own word for it: said as the disk's
                if not disk_trouble(error):
                    raise
                raise OSError(errno.ENOSPC, str(error)) from None
            digest, size = _hash_file(pages)
            header: dict[str, Any] = {
                "format": FORMAT,
                # China time with its offset, as the program writes a time (a backup made
                # before it says this computer's local time, no zone).
                "created_at": now_stamp(),
                "size": size,
                "sha256": digest,
                # As the key file is now: users added, changed or disabled by another
                # program since this one opened the ledger count.
                "keys": kf.current(ledger.path, unlocked.keyfile).as_dict(),
            }
            header["mac"] = header_mac(unlocked.key, header)
            flags = os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0)
            fd = os.open(partial, flags, 0o600)
            with os.fdopen(fd, "wb") as out, open(pages, "rb") as src:
                out.write(MAGIC + json.dumps(header, sort_keys=True).encode("utf-8") + b"\n")
                shutil.copyfileobj(src, out, _CHUNK)
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, dest)
        make_private(dest)
    finally:
        discard(pages)
        # SQLite's journal of the page copy: a copy stopped by a full stick leaves it there.
        discard(pages.with_name(pages.name + "-journal"))
        discard(partial)
    return dest


#: A work file untouched for this long is no backup's going on now: a running backup writes its
#: page copy, then its assembled file, continuously (minutes at most, even on a slow stick).
STALE_AFTER = 3600.0
_PAGES_SUFFIXES = (".pages.part", ".pages.part-journal")


def clear_stale_work_files(folder: Path, now: float | None = None) -> list[Path]:
    """Remove from `folder` the work files a backup killed half-way left (a power cut, the lid
    closed): its page copy `<backup>.pages.part` (ledger-sized; a new backup, with a new
    timestamped name, never replaces it) with SQLite's journal of it, and its assembled file
    `<backup>.fieldbackup.part` — only ours (by name, the assembled file also by its first
    bytes; a backup saved under another name leaves its own to be removed by hand), and
    only those untouched for `STALE_AFTER` (never another copy's backup going on now); quietly,
    as a write-protected stick may refuse. Returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if name.endswith(_PAGES_SUFFIXES):
            ours = True
        elif name.endswith(".fieldbackup.part"):
            ours = _starts_as_backup(Path(entry.path))
        else:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or not ours:
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _starts_as_backup(path: Path) -> bool:
    """True for a file that begins as a backup does (the assembled file of a killed backup)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _copy_pages(
    ledger: Ledger, unlocked: Unlocked, target: Path, progress: Progress | None
) -> None:
    target.unlink(missing_ok=True)
    fd = os.open(target, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    copy = connect(target, unlocked.key, unlocked.keyfile.cipher)
    try:

        def _step(_status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        ledger.db.conn.backup(copy, pages=256, progress=_step)
        copy.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [SEALED_MARK, str(FORMAT)])
        copy.execute("PRAGMA journal_mode=DELETE")
        check = copy.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(said(COPY_CHECK_FAILED, str(check)))
    finally:
        copy.close()


def _hash_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def header_mac(key: bytes, header: Mapping[str, Any]) -> str:
    """The `mac` of a backup's header: HMAC-SHA256 over its fields (`MAC_FIELDS`, canonical
    JSON) under a key derived from the database key `key` with its own label."""
    mac_key = hmac.new(key, MAC_LABEL, hashlib.sha256).digest()
    fields = {name: header[name] for name in MAC_FIELDS}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(mac_key, text.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class BackupInfo:
    """A backup file's header, checked (its `mac` only once a password gives the key:
    `vouch`)."""

    path: Path
    created_at: str
    size: int
    sha256: str
    keys: kf.KeyFile
    offset: int
    format: int = FORMAT
    #: The header's fields as the file has them (what the `mac` is over), and the `mac`.
    fields: Mapping[str, Any] | None = None
    mac: str | None = None

    @property
    def vouched(self) -> bool:
        """True when the header carries a `mac` to check (format 2 on): a format-1 backup's
        header nothing vouches for."""
        return self.format >= MAC_FORMAT

    def vouch(self, key: bytes) -> None:
        """Refuse (BackupError, HEADER_ALTERED) a header of format 2 or later whose `mac` is
        missing or not the one the database key `key` makes of it."""
        if not self.vouched:
            return
        if self.fields is None or not isinstance(self.mac, str):
            raise BackupError(said(HEADER_ALTERED, self.path.name))
        if not hmac.compare_digest(header_mac(key, self.fields), self.mac):
            raise BackupError(said(HEADER_ALTERED, self.path.name))

    def vouch_unpacked(self, unpacked: Path, key: bytes) -> None:
        """Refuse a header of format 1 whose unpacked pages say their backup wrote a `mac`
        (the header's stripped of it and set to format 1)."""
        if self.vouched:
            return
        conn = connect(unpacked, key, self.keys.cipher)  # refused as `_counts` refuses it
        try:
            marked = conn.execute("SELECT 1 FROM meta WHERE key = ?", [SEALED_MARK]).fetchone()
        except DatabaseError:
            return  # no ledger's pages: `_counts` says what they are
        finally:
            conn.close()
        if marked is not None:
            raise BackupError(said(HEADER_ALTERED, self.path.name))


def read_backup(path: str | Path) -> BackupInfo:
    """Read and check a backup's header (no password needed, nothing secret in it)."""
    path = Path(path)
    if path.is_dir():
        raise BackupError(said(IS_A_FOLDER, str(path)))
    if not path.is_file():
        raise BackupError(said(NO_BACKUP, str(path)))
    try:
        with open(path, "rb") as handle:
            start = handle.read(len(MAGIC))
            if start != MAGIC and MAGIC.startswith(start):  # empty, or cut inside the mark
                raise BackupError(said(CUT_SHORT, path.name))
            if start != MAGIC:
                raise BackupError(said(NOT_A_BACKUP, path.name))
            line = handle.readline(MAX_HEADER)
            header: Any = json.loads(line.decode("utf-8"))
            offset = handle.tell()
        if int(header["format"]) > FORMAT:
            raise BackupError(said(NEWER_FORMAT))
        info = BackupInfo(
            path,
            str(header["created_at"]),
            int(header["size"]),
            str(header["sha256"]),
            kf.KeyFile.from_dict(header["keys"]),
            offset,
            int(header["format"]),
            {name: header[name] for name in MAC_FIELDS},
            header.get("mac"),
        )
    except (OSError, ValueError, KeyError, TypeError, kf.KeyFileError):
        raise BackupError(said(DAMAGED_OR_CUT, path.name)) from None
    if path.stat().st_size != info.offset + info.size:
        raise BackupError(said(WRONG_SIZE, path.name))
    return info


def _extract(info: BackupInfo, target: Path, ticker: Ticker | None = None) -> None:
    digest = hashlib.sha256()
    fd = os.open(target, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    with open(info.path, "rb") as src, os.fdopen(fd, "wb") as out:
        src.seek(info.offset)
        _copy_hashing(src, out, digest, ticker)
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != info.sha256:
        raise BackupError(said(HASH_DIFFERS, info.path.name))


def _copy_hashing(src: BinaryIO, out: BinaryIO, digest: Any, ticker: Ticker | None = None) -> None:
    while chunk := src.read(_CHUNK):
        digest.update(chunk)
        out.write(chunk)
        if ticker is not None:
            ticker.step()


def check_backup(
    path: str | Path,
    credentials: Credentials,
    work_dir: str | Path | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> dict[str, int]:
    """Open a backup with a user's password and count what it holds.

    The encrypted pages are unpacked for a moment into `work_dir` (the ledger's folder, when a
    restore is to follow): beside the backup would fail on a write-protected stick or a CD.
    A first-wave backup (a plain copy) is counted as it is: it has no password yet. `progress`
    hears of each megabyte read and checked; `cancel` stops between them (`Cancelled`, the
    unpacked copy removed)."""
    if is_first_wave_backup(path):
        return _plain_counts(Path(path))
    info = read_backup(path)
    key = info.keys.unlock(credentials.user, credentials.password)
    info.vouch(key)
    folder = Path(work_dir) if work_dir is not None else info.path.parent
    scratch = folder / (info.path.name + ".check.part")
    chunks = -(-max(info.path.stat().st_size - info.offset, 0) // _CHUNK)
    ticker = Ticker(progress, cancel, chunks + 1)
    try:
        ticker.check()
        _extract(info, scratch, ticker)
        info.vouch_unpacked(scratch, key)
        counted = _counts(scratch, key, info.keys)
        ticker.step()
        return counted
    finally:
        scratch.unlink(missing_ok=True)


def _counts(path: Path, key: bytes, keys: kf.KeyFile) -> dict[str, int]:
    conn = connect(path, key, keys.cipher)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(said(INSIDE_DAMAGED))
        persons = conn.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()[0]
        changes = conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    except DatabaseError as error:
        raise BackupError(said(INSIDE_UNREAD, str(error))) from None
    finally:
        conn.close()
    return {"persons": int(persons), "changes": int(changes)}


def _read_only(backup: Path) -> dbapi2.Connection:
    """A plain backup opened read-only and immutable: it may sit on a write-protected stick,
    and is left byte for byte as it was."""
    return dbapi2.connect(
        f"{backup.absolute().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
    )


def _plain_counts(backup: Path) -> dict[str, int]:
    try:
        source = _read_only(backup)
        try:
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
            if not {"persons", "changes", "meta"} <= tables:
                raise BackupError(said(NOT_A_BACKUP, backup.name))
            if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise BackupError(said(DAMAGED, backup.name))
            persons = source.execute("SELECT count(*) FROM persons WHERE deleted = 0").fetchone()
            changes = source.execute("SELECT count(*) FROM changes").fetchone()
        finally:
            source.close()
    except DatabaseError:
        raise BackupError(said(DAMAGED_OR_NOT_A_BACKUP, backup.name)) from None
    return {"persons": int(persons[0]), "changes": int(changes[0])}


def is_first_wave_backup(path: str | Path) -> bool:
    """True for a backup the first wave made: a plain SQLite ledger file, not ours as `path`'s
    own ledger (the caller names the ledger apart)."""
    path = Path(path)
    return path.is_file() and is_plain_sqlite(path)


def _first_wave_pending(
    backup: Path, ledger_path: Path, credentials: Credentials
) -> tuple[Path, bytes, kf.KeyFile]:
    """The first wave's plain backup copied into an encrypted pending file beside the ledger,
    under a new key sealed to `credentials` (its first user); the backup is only read."""
    key = new_key()
    keys = kf.KeyFile.new().with_user(credentials.user, credentials.password, key)
    pending = kf.pending_path(ledger_path, keys.file_id)
    _plain_counts(backup)  # a ledger, whole: refused before anything is written
    try:
        source = _read_only(backup)
        try:
            export_encrypted(source, pending, key, keys.cipher)
        finally:
            source.close()
    except DatabaseError:
        pending.unlink(missing_ok=True)
        raise BackupError(said(DAMAGED_OR_NOT_A_BACKUP, backup.name)) from None
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    return pending, key, keys


#: What a restore does to the restored copy before it takes the ledger's place: given the
#: copy's database (its schema brought up to date), its key and key file, returns the key file
#: to commit with it (the same `file_id`).
Adjust = Callable[[sqlite_utils.Database, bytes, kf.KeyFile], kf.KeyFile]


def restore_from(
    backup: str | Path,
    ledger_path: str | Path,
    credentials: Credentials,
    step: kf.Step | None = None,
    adjust: Adjust | None = None,
) -> Path | None:
    """Replace the (closed) ledger at `ledger_path` by a backup, opened with a password of the
    backed-up ledger (a first-wave backup has none: the user restoring it becomes its first).
    The ledger it replaces is kept beside it (returned), with its key file. `adjust` changes the
    copy and its key file before they take the ledger's place (the users' states carried over
    from the ledger replaced: `fieldapp.services.backup.restore`).
    """
    ledger_path = Path(ledger_path)
    if is_first_wave_backup(backup):
        info = None
    else:
        info = read_backup(backup)
        key = info.keys.unlock(credentials.user, credentials.password)
        info.vouch(key)  # before anything is written or replaced
    if held_open_elsewhere(ledger_path):
        # Replacing it would leave that program writing on into the replaced file: its work
        # from then on would be lost without a word.
        raise BackupError(said(RESTORE_HELD_OPEN, ledger_path.name))
    private_dir(ledger_path.parent)
    kf.recover(ledger_path)
    if info is None:
        pending, key, keys = _first_wave_pending(Path(backup), ledger_path, credentials)
    else:
        keys = info.keys.renamed()
        pending = kf.pending_path(ledger_path, keys.file_id)
    try:
        if info is not None:
            _extract(info, pending)
            info.vouch_unpacked(pending, key)
        _counts(pending, key, keys)
        if adjust is not None:
            keys = _adjusted(pending, key, keys, adjust)
        _mark_restored(pending, key, keys)
        if step:
            step("exported")
        kept = _keep_current(ledger_path)
        kf.commit(ledger_path, keys, step)
    except OSError as error:  # a full disk: said with the ledger's name, not a work file's
        raise cannot_write(ledger_path, error) from None
    finally:
        pending.unlink(missing_ok=True)
    return kept


#: The `meta` key a restored ledger carries until it has started its new incarnation
#: (`fieldapp.services.incarnation`): set in the copy before it takes the ledger's place, so a
#: restore cut off between the two is finished at the next opening.
RESTORED_MARK = "restored_from_backup"


def _adjusted(path: Path, key: bytes, keys: kf.KeyFile, adjust: Adjust) -> kf.KeyFile:
    db = open_database(path, key, keys.cipher)
    try:
        migrate(db)  # as the next opening would: an older backup's users table has all columns
        changed = adjust(db, key, keys)
        db.execute("PRAGMA journal_mode=DELETE")  # no -wal beside the copy about to be renamed
    finally:
        db.conn.close()
    if changed.file_id != keys.file_id:
        raise ValueError("a restore's key file must commit its own copy")
    return changed


def _mark_restored(path: Path, key: bytes, keys: kf.KeyFile) -> None:
    conn = connect(path, key, keys.cipher)
    try:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, '1')", [RESTORED_MARK])
        conn.execute("DELETE FROM meta WHERE key = ?", [SEALED_MARK])  # the backup's, not ours
    finally:
        conn.close()


def _keep_current(ledger_path: Path) -> Path | None:
    """Copy the ledger about to be replaced (with its log and key file) beside it."""
    if not ledger_path.exists():
        return None
    kept = ledger_path.with_name(backup_name(ledger_path).replace("备份", "恢复前")).with_suffix(
        ledger_path.suffix or ".db"
    )
    made: list[Path] = []
    try:
        for suffix in ("", "-wal", ".keys"):
            source = Path(f"{ledger_path}{suffix}")
            if source.exists():
                made.append(Path(f"{kept}{suffix}"))
                shutil.copyfile(source, made[-1])
                make_private(made[-1])
    except OSError:
        for path in made:  # no half copy left behind on a full disk
            path.unlink(missing_ok=True)
        raise
    return kept
