"""Saving a file the user asked for (a workbook, a PDF, a bundle): a failure said in words.

A folder that does not exist, a read-only USB stick, a full disk, or a file Excel, WPS or a PDF
reader holds open (Windows refuses to replace it) is `CannotWrite`, naming the file by its name
and a cause the clerk can act on — not the library's English exception. Its sentences are
templates with parts (`fieldapp.domain.sentences`): Chinese on the command line, the language
shown in the desktop's window.
"""

from __future__ import annotations

import errno
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Part, Sentence, said, template

log = logging.getLogger("fieldapp.saving")


class CannotWrite(FieldappError):
    """A file the user asked for could not be written; says which and why."""


#: A file that could not be written (its name) and why (a `Sentence`).
WRITE_FAILED = template("无法写入“%1”：%2")


class Trouble(NamedTuple):
    """How the clerk is told of one errno, both ways in one row: `cause`, the phrase a file
    not written says after its name (无法写入“月报.xlsx”：磁盘已满, `cannot_write`); `told`,
    the whole sentence of a file not read or written (%1 the file; `told`, the desktop's)."""

    cause: str
    told: str


_FULL = Trouble(
    template("磁盘已满"),
    template("磁盘已满：%1没有写完。请腾出磁盘空间（或换一个 U 盘）后再试一次。"),
)
_PULLED_OUT = Trouble(
    template("U 盘（磁盘）读写出错——被拔出了，或已损坏"),
    template("读写%1时磁盘出错：U 盘可能被拔出了，或已损坏。请插好后再试一次。"),
)
_HELD = Trouble(
    template("没有写入权限，或文件正被其他程序（Excel、WPS、PDF 阅读器）打开，请先关闭它"),
    template(
        "没有权限读写%1，或它正被其他程序（Excel、WPS、PDF 阅读器）打开。请先关闭它，"
        "或换一个文件夹，再试一次。"
    ),
)
_IN_USE = Trouble(
    template("文件正被其他程序（Excel、WPS、PDF 阅读器）打开，请先关闭它"),
    template("文件被占用：%1正被其他程序（Excel、WPS、PDF 阅读器）打开。请先关闭它，再试一次。"),
)
#: A part of the path is a file: `told` names the whole path (the file's name is not the trouble).
_NOT_DIR = Trouble(
    template("路径中有一段是文件而不是文件夹"), template("路径%1中有一段是文件而不是文件夹。")
)
#: The troubles a clerk can act on, by errno (the one table of them: `cannot_write` and the
#: desktop's dialogs say each errno from it). ENOENT's cause is a folder's (a file written
#: where there is no folder), its `told` a file's (one read that is not there).
TROUBLES: dict[int, Trouble] = {
    errno.ENOENT: Trouble(
        template("文件夹不存在"),
        template("文件不存在：找不到%1。它可能被移走或改了名，或者所在的 U 盘被拔出了。"),
    ),
    errno.ENOSPC: _FULL,
    errno.EFBIG: Trouble(template("文件太大，磁盘或 U 盘放不下（磁盘已满？）"), _FULL.told),
    errno.EROFS: Trouble(
        template("磁盘是只读的（U 盘打开了写保护？）"),
        template("磁盘是只读的（U 盘打开了写保护？）：%1写不进去。"),
    ),
    errno.EACCES: _HELD,
    errno.EPERM: _HELD,
    errno.EBUSY: _IN_USE,
    errno.EISDIR: Trouble(
        template("这是一个文件夹的名字，请写文件名"),
        template("%1是一个文件夹，请选择或写上一个文件。"),
    ),
    errno.ENOTDIR: _NOT_DIR,
    errno.EEXIST: Trouble(template("文件已经存在"), template("%1已经存在。")),
    errno.ENAMETOOLONG: Trouble(
        template("文件名太长，请起一个短一些的名字"),
        template("文件名太长：%1。请起一个短一些的名字。"),
    ),
    # A stick pulled out while the file is written: Linux says so with these.
    errno.EIO: _PULLED_OUT,
    errno.ENODEV: _PULLED_OUT,
    errno.ENXIO: _PULLED_OUT,
}
# Not every system's errno has these.
if hasattr(errno, "EDQUOT"):
    TROUBLES[errno.EDQUOT] = _FULL
if hasattr(errno, "ETXTBSY"):
    TROUBLES[errno.ETXTBSY] = _IN_USE
#: Windows' own numbers for a file another program holds open (ERROR_SHARING_VIOLATION,
#: ERROR_LOCK_VIOLATION): Python gives them as EACCES.
_WINDOWS_IN_USE = (32, 33)
#: The errnos told as a full disk (ENOSPC, EFBIG, EDQUOT): a write more room lets through.
FULL_DISK = frozenset(number for number, trouble in TROUBLES.items() if trouble.told == _FULL.told)
#: The errnos told as a write not permitted (EACCES, EPERM): the folder's or the file's
#: permission, or a program holding the file; not the room on the disk.
NOT_PERMITTED = frozenset(number for number, trouble in TROUBLES.items() if trouble is _HELD)
#: The errnos of a file's disk or folder, not of its name (full, read-only, not permitted,
#: pulled out, held): the causes said of a file the program names itself (the encrypted copy
#: beside a ledger, its key file), where the name's own troubles are the program's, not the
#: clerk's to put right.
OF_THE_DISK = (
    FULL_DISK
    | NOT_PERMITTED
    | {number for number, trouble in TROUBLES.items() if trouble in (_PULLED_OUT, _IN_USE)}
    | {errno.EROFS}
)


def disk_cause(error: BaseException) -> Sentence | None:
    """The cause of `error` (`Trouble.cause`: 磁盘已满, 磁盘是只读的…) where it is one of the
    disk or folder (`OF_THE_DISK`); None for any other."""
    trouble = trouble_of(error)
    if trouble is None or (errno_of(error) not in OF_THE_DISK and trouble is not _IN_USE):
        return None
    return said(trouble.cause)


#: How the Rust workbook writer names an operating-system error in its text: "(os error 28)",
#: or in a panic's "Os { code: 28, kind: StorageFull, … }".
_OS_ERROR = re.compile(r"os error (\d+)|code: (\d+), kind")


def errno_of(error: BaseException) -> int | None:
    """The errno of `error`: an OSError's own, or the one its text gives (the Rust workbook
    writer's errors and panics); None for an error that has none."""
    number = getattr(error, "errno", None)
    if isinstance(number, int):
        return number
    found = _OS_ERROR.search(str(error))
    return int(found.group(1) or found.group(2)) if found else None


def is_disk_full(error: BaseException) -> bool:
    """True for an error of a disk (or a quota) with no room left (`FULL_DISK`)."""
    return errno_of(error) in FULL_DISK


def trouble_of(error: BaseException) -> Trouble | None:
    """How `error` (an OSError, or one that gives its errno only in its text, as the Rust
    workbook writer's does) is told; None for one no clerk can act on."""
    if getattr(error, "winerror", None) in _WINDOWS_IN_USE:
        return _IN_USE
    number = errno_of(error)
    return None if number is None else TROUBLES.get(number)


def told(error: BaseException, named: Part) -> Sentence | None:
    """The whole sentence of a file not read or written with `error`, naming it as `named`
    (its name in quotes; its whole path where a part of it is the trouble, `names_path`);
    None for an error no clerk can act on."""
    trouble = trouble_of(error)
    return None if trouble is None else said(trouble.told, named)


def names_path(error: BaseException) -> bool:
    """True when the trouble is a part of the file's path, said with the whole path."""
    return trouble_of(error) is _NOT_DIR


#: Any other failure: said generally (the system's own words, English on most systems, go to
#: the log), with what the clerk can still try.
_OTHER = template("读写时出错，文件没有写完。请换一个文件夹（或 U 盘）再试一次")
#: The folder a file is to go in: a file (its whole path), or missing (its whole path: a part
#: of the path is the trouble, not the file's name).
_NOT_A_FOLDER = template("“%1”是文件，不是文件夹")
_NO_FOLDER = template("文件夹“%1”不存在")


def cannot_write(path: Path, error: BaseException) -> CannotWrite:
    """The error for failing to write `path` with `error` (an OSError, or one that gives its
    errno only in its text, as the Rust workbook writer's does), naming the file by its name:
    a cause the clerk can act on, or a general one (the detail logged)."""
    folder = _folder_problem(path)
    trouble = trouble_of(error)
    if folder is not None:
        reason = folder
    elif trouble is not None:
        reason = said(trouble.cause)
    else:
        log.info("could not write %s: %s", Path(path).name, error)
        reason = said(_OTHER)
    return CannotWrite(said(WRITE_FAILED, _named(path), reason))


def _named(path: Path) -> str:
    """A file said by its name (the whole path for one without a name: a drive)."""
    return Path(path).name or str(path)


#: What a failed write to the ledger met, as `ledger_trouble` names it.
DISK, READ_ONLY, BUSY = "disk", "read_only", "busy"
#: … a county hub's PostgreSQL gone from under the write: the connection lost (SQLSTATE class
#: 08, or libpq's own word with no code), the server shut down by its administrator (57P01),
#: crashed (57P02) or still starting or recovering (57P03). The hub's trouble, not the
#: bundle's: its service opens a new connection for the next request.
LOST = "lost"
#: PostgreSQL's errors (a county hub's store) by their SQLSTATE: its disk full (53100) or
#: failing (58030); a read-only transaction (25006: a standby, a database set read-only); a lock
#: not had in time (55P03) or a deadlock (40P01). Not a statement cancelled for its time
#: (57014): what a bundle holds can make a statement slow, and its refusal would go unkept.
_PG_TROUBLE = {"53100": DISK, "58030": DISK, "25006": READ_ONLY, "55P03": BUSY, "40P01": BUSY}


def ledger_trouble(error: BaseException) -> str:
    """What a write to the ledger failed on, from SQLite's own words: `DISK` (full, or an I/O
    error: a pulled-out stick, a file-size limit), `READ_ONLY` (the file or its stick), `BUSY`
    (another program's write held past the wait), or '' (not the ledger's disk or file — a
    damaged database, a program fault). One reading for the desktop, the command line and
    the services, which each say it in their own words. A county hub's PostgreSQL says it by
    its error's code (`_PG_TROUBLE`). Only the database's own errors are read: the same words
    in any other error (a message quoting what a bundle carries) are not the ledger's trouble."""
    module = type(error).__module__
    if on_database(error):
        code = sqlstate(error)
        if code.startswith("08") or code in _PG_GONE or (not code and _connection_lost(error)):
            return LOST
        return _PG_TROUBLE.get(code, "")
    if not module.startswith(("sqlcipher3", "sqlite3")):
        return ""
    text = str(error)
    if "full" in text or "I/O" in text:
        return DISK
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "locked" in text or "busy" in text:
        return BUSY
    return ""


#: PostgreSQL's server gone under a connection (`LOST`): an administrator's shutdown or
#: `pg_terminate_backend` (57P01), a crash (57P02), a server not yet taking connections (57P03).
_PG_GONE = frozenset({"57P01", "57P02", "57P03"})


def _connection_lost(error: BaseException) -> bool:
    """Whether a PostgreSQL error without a SQLSTATE is libpq's own (the server's connection
    closed under it, or used once closed): an OperationalError, which the server never sends
    without a code."""
    import psycopg

    return isinstance(error, psycopg.OperationalError)


def sqlstate(error: BaseException) -> str:
    """The SQLSTATE a database server's error (`on_database`) carries ('23505' a unique key
    taken, '22…' a value it cannot keep), or '' (any other error, a ledger file's among them)."""
    return str(getattr(error, "sqlstate", "") or "") if on_database(error) else ""


#: The attribute `mark_unsure_commit` sets on the error of a COMMIT that lost its connection.
_UNSURE_COMMIT = "fieldapp_unsure_commit"


def mark_unsure_commit(error: BaseException) -> bool:
    """Mark `error`, met by a write transaction's COMMIT, as one whose outcome is not known
    when it is the connection lost (`LOST`: the server restarted or ended it while it
    committed) — the server may have recorded the transaction before the connection went, and
    nobody told the client. Any other error of a COMMIT is the transaction not recorded
    (SQLite's COMMIT on a full disk, a PostgreSQL constraint checked at commit). Whether it
    was marked."""
    if ledger_trouble(error) != LOST:
        return False
    with suppress(AttributeError, TypeError):  # (an error class that takes no attribute)
        setattr(error, _UNSURE_COMMIT, True)
    return True


def unsure_commit(error: BaseException | None) -> bool:
    """Whether `error` — or an error it was raised from or while handling — is a write
    transaction's COMMIT that lost its connection (`mark_unsure_commit`): whether the write
    was recorded is not known, and must not be said either way."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if getattr(error, _UNSURE_COMMIT, False) is True:
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def on_database(error: BaseException) -> bool:
    """Whether `error` is a database server's (a county hub's PostgreSQL), not a ledger file's:
    its read-only store is a standby or a database set so, for its administrator to put right —
    no stick's write protection to take off."""
    return type(error).__module__.startswith("psycopg")


def _folder_problem(path: Path) -> Sentence | None:
    """What is wrong with the folder `path` is to go in, or None."""
    if path.parent.is_dir():
        return None
    if path.parent.exists():
        return said(_NOT_A_FOLDER, str(path.parent))
    return said(_NO_FOLDER, str(path.parent))


#: The files a ledger is made of, beside `<ledger>` itself (`fieldapp.store`: the key file, the
#: wrong-password count, SQLite's log and index). Kept here by name: saving sits below the store.
_LEDGER_COMPANIONS = (".keys", ".attempts", "-wal", "-shm", "-journal")
#: The first bytes of every plain SQLite file (a plain ledger, a hub's database).
_SQLITE_HEADER = b"SQLite format 3\x00"


_ENCRYPTED_LEDGER = template("这是加密的台账文件")
_LEDGER_KEYS = template("这是台账的钥匙文件")
_LEDGER_PART = template("这是台账的附属文件")
_PLAIN_LEDGER = template("这是台账（数据库）文件")
#: A result refused over a ledger's file (its name, and which of the ledger's files it is).
_OVER_LEDGER = template("不能写入“%1”：%2，写入会毁掉台账。请另取一个文件名")


def _ledger_problem(path: Path) -> Sentence | None:
    """Why `path` must not be written over (it is a ledger or one of its files), or None."""
    try:
        if Path(f"{path}.keys").is_file():
            return said(_ENCRYPTED_LEDGER)
    except OSError:  # a name too long to have .keys added: no ledger's key file is there
        pass
    for suffix in _LEDGER_COMPANIONS:
        if path.name.endswith(suffix) and path.with_name(path.name[: -len(suffix)]).is_file():
            return said(_LEDGER_KEYS if suffix == ".keys" else _LEDGER_PART)
    try:
        with open(path, "rb") as handle:
            plain = handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return None
    return said(_PLAIN_LEDGER) if plain else None


def check_not_ledger(path: Path) -> None:
    """Refuse a result (a workbook, a PDF, a backup, a bundle) to be saved over a ledger, its key
    file or its log: a slip of the keyboard (`--out ledger.db`) would destroy the ledger."""
    problem = _ledger_problem(Path(path))
    if problem is not None:
        raise CannotWrite(said(_OVER_LEDGER, _named(path), problem))


def check_folder(path: Path) -> None:
    """Refuse at once a file whose folder does not exist, or a ledger's file (before any work
    is done for it)."""
    folder = _folder_problem(path)
    if folder is not None:
        raise CannotWrite(said(WRITE_FAILED, _named(path), folder))
    check_not_ledger(path)


#: Where Linux desktops mount USB sticks and removable disks: udisks under /media/<user>/<label>
#: (Debian, UOS, Kylin) or /run/media/<user>/<label>; by hand under /mnt/<name>.
MOUNT_ROOTS: tuple[Path, ...] = (Path("/media"), Path("/run/media"), Path("/mnt"))
#: Of those, the ones a desktop mounts under a folder per user.
USER_MOUNT_ROOTS: tuple[Path, ...] = (Path("/media"), Path("/run/media"))


#: A file to go onto a stick that is not there (its name, the missing mount point's whole path).
_NO_STICK = template(
    "无法写入“%1”：找不到“%2”——U 盘（移动硬盘）没有插好，或名字写错了。没有写任何文件"
)


def make_folder_for(path: Path) -> list[Path]:
    """Create the folder `path` is saved into — except where a USB stick should be mounted and
    is not: with no stick in, /media/<user>/U盘/… would be made on the laptop's own disk, the file
    saved there, and the clerk would take an empty stick to the township. Returns the folders
    it made, the deepest first (`remove_made` takes them away again if the saving fails)."""
    folder = Path(path).absolute().parent
    if folder.is_dir():
        return []
    mount = unmounted(folder)
    if mount is not None:
        raise CannotWrite(said(_NO_STICK, _named(path), str(mount)))
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def remove_made(folders: list[Path]) -> None:
    """Take away the folders `make_folder_for` made, the deepest first, each only while empty
    (a saving refused leaves nothing behind)."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:  # something else was put there meanwhile: kept, and those above it
            return


def unmounted(folder: Path) -> Path | None:
    """The missing mount point a missing `folder` would be under (the first missing folder
    right below /media, /run/media or /mnt, or below a user's folder in the first two), or
    None when the folder may simply be made."""
    chain = [folder, *folder.parents]
    existing = next((p for p in chain if p.exists()), None)
    if existing is None or existing == folder:
        return None
    first_missing = chain[chain.index(existing) - 1]
    if existing in MOUNT_ROOTS or existing.parent in USER_MOUNT_ROOTS:
        return first_missing
    return None


@contextmanager
def written(path: Path) -> Iterator[None]:
    """Failures to write `path` inside the block become `CannotWrite`; a ledger's file is not
    written at all (`check_not_ledger`)."""
    check_not_ledger(path)
    try:
        yield
    except OSError as error:
        raise cannot_write(path, error) from None


def discard(part: Path) -> None:
    """Remove a half-written file after a failure, quietly: on a write-protected stick removing
    it fails too (a read-only file system refuses even an absent file's unlink), and that second
    failure must not hide the first, which names the file the clerk asked for."""
    with suppress(OSError):
        Path(part).unlink(missing_ok=True)
