"""The one place a database connection is opened: plain or encrypted (SQLCipher 4).

Every connection of the project, plain or encrypted, is made by `sqlcipher3` (a build of Python's
own `sqlite3` module against SQLCipher). Without a key it is ordinary SQLite; with one, every
page of the file, of its write-ahead log and of its rollback journal is encrypted and
authenticated (AES-256 + HMAC-SHA512). One driver for both keeps the error classes the same and
makes the benchmark's "encrypted vs plain" differ only by the encryption.

The key is a random 32-byte key handed over raw (`x'…'`), so SQLCipher skips its own password
derivation: the password work (Argon2id) happens once, in `fieldapp.store.keyfile`, and a second
connection (`Ledger.reader()`, a worker thread's ledger) opens at no extra cost.

Nothing leaves the encryption in clear: `temp_store=MEMORY` keeps temporary tables (the bulk
inserter's staging tables), sorts and temporary indexes in memory, never in a temp file; the
search index (FTS5 shadow tables) is ordinary pages of the encrypted file.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import sqlite_utils
import sqlite_utils.db
from sqlcipher3 import dbapi2

from fieldapp import saving
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import CancelCheck, Cancelled, Progress
from fieldapp.domain.sentences import said, template
from fieldapp.paths import private_dir
from fieldapp.saving import DISK, ledger_trouble
from fieldapp.store import postgres

#: The driver's error classes; code outside the store catches these, never `sqlite3`'s (a
#: sqlcipher3 error is not a subclass of the standard module's).
Error = dbapi2.Error
DatabaseError = dbapi2.DatabaseError
IntegrityError = dbapi2.IntegrityError
OperationalError = dbapi2.OperationalError
Connection = dbapi2.Connection

# sqlite-utils catches `sqlite3.OperationalError` in a few places (dropping a table that may not
# exist, probing for STRICT support); with a sqlcipher3 connection those would not match. It
# only uses the module for its classes and `connect`, so it gets this driver's module.
sqlite_utils.db.sqlite3 = dbapi2  # type: ignore[attr-defined]

#: Bytes the write-ahead log may keep on disk once its pages are in the ledger file. A
#: 100 000-person import writes a 300 MB log; without a limit the file stays that size for
#: good, doubling the ledger's footprint on a small laptop disk.
WAL_SIZE_LIMIT = 64 * 1024 * 1024
#: Bytes per page of a new ledger file (an existing file keeps its own): four times SQLite's
#: default, as MySQL's InnoDB uses. A ledger holds hundreds of megabytes written in bulk; a
#: 100 000-row import ran 5 % faster with 8 KB pages than with 4 KB, and 3 % faster again with
#: 16 KB.
PAGE_SIZE = 16384
#: How long a statement waits for another connection's lock.
BUSY_TIMEOUT_MS = 30000
#: Bytes of a database key.
KEY_BYTES = 32
#: The first bytes of every plain SQLite file (an encrypted file starts with random salt).
SQLITE_HEADER = b"SQLite format 3\x00"


class WrongKey(FieldappError):
    """The key does not open this file (or it is not a ledger at all)."""


class CannotOpen(FieldappError):
    """The ledger's folder refuses the work files SQLite keeps beside it (a write-protected
    stick, a CD, a folder without write permission): the ledger cannot be opened there."""


#: A new ledger's folder refuses SQLite's work files (%1 the folder).
NEW_REFUSED = template(
    "无法在“%1”新建台账：这个文件夹（U 盘、光盘）是只读的，或没有写入权限。"
    "请关闭 U 盘的写保护，或另选一个文件夹"
)
#: An existing ledger's folder refuses them (%1 the ledger's file, %2 its key file to copy
#: along, `KEYS_ALONG`, or '').
OPEN_REFUSED = template(
    "打不开台账“%1”：它所在的文件夹（U 盘、光盘）是只读的，或没有写入权限——"
    "程序要在台账旁边写入它的工作文件才能打开它。请关闭 U 盘的写保护，"
    "或把台账文件%2拷到电脑上再打开。台账没有改动"
)
KEYS_ALONG = template("（连同旁边的钥匙文件 %1）")


def cannot_open(path: str | Path, *, new: bool = False) -> CannotOpen:
    """The error for a ledger whose folder is read-only (a sentence: the window says it in
    its language); names the key file to copy along when there is one."""
    path = Path(path)
    if new:
        return CannotOpen(said(NEW_REFUSED, str(path.parent)))
    keys = Path(f"{path}.keys")
    along = said(KEYS_ALONG, keys.name) if keys.is_file() else ""
    return CannotOpen(said(OPEN_REFUSED, str(path), along))


class LedgerGone(FieldappError):
    """The ledger's file is no longer where it was opened (its USB stick pulled out, the file
    moved or deleted): a write now would go into files that are not on the stick any more."""


#: A write refused: the ledger's file (%1) is gone, or another file took its place.
GONE_UNSAVED = template(
    "找不到台账文件“%1”：存放它的 U 盘被拔出了，或文件被移走、删除了。"
    "这次的修改没有保存。请插好 U 盘（或把台账放回原处）后再保存一次"
)
REPLACED_UNSAVED = template(
    "台账文件“%1”已被另一个文件替换（例如从 U 盘拷回的旧台账）。这次的修改没有保存。"
    "请关闭本程序，确认要用哪一份台账后再打开"
)
#: A key that does not open the file (a wrong key, or not a ledger).
WRONG_KEY = template("口令不对，或这个文件不是台账")


def ledger_gone(path: str | Path) -> LedgerGone:
    """The error for a write refused because the ledger's file is gone."""
    return LedgerGone(said(GONE_UNSAVED, str(path)))


def ledger_replaced(path: str | Path) -> LedgerGone:
    """The error for a write refused because another file took the ledger's place."""
    return LedgerGone(said(REPLACED_UNSAVED, str(path)))


def _cannot_open(error: BaseException) -> bool:
    """True for SQLite's word that it could not open (or create) a file it needs."""
    return isinstance(error, DatabaseError) and "unable to open" in str(error)


#: The errnos of a folder that refuses the ledger's own files: one not permitted
#: (`saving.NOT_PERMITTED`) and a read-only disk, which `saving.TROUBLES` tells apart and
#: `cannot_open` says in one sentence (read-only, or no permission: either way the ledger is
#: copied elsewhere or the stick's write protection switched off).
_FOLDER_REFUSED = saving.NOT_PERMITTED | {errno.EROFS}


def refused_by_folder(error: BaseException) -> bool:
    """True when a file beside the ledger could not be made because its folder (or disk) is
    read-only or not ours to write: the system's refusal, or SQLite's."""
    if isinstance(error, OSError):
        return error.errno in _FOLDER_REFUSED
    return _cannot_open(error)


@dataclass(frozen=True)
class Cipher:
    """How an encrypted file is laid out; kept in its key file, because SQLCipher's header is
    itself encrypted and cannot say."""

    page_size: int = PAGE_SIZE

    def as_dict(self) -> dict[str, Any]:
        """For the key file."""
        return {"page_size": self.page_size, "compatibility": 4}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Cipher:
        """From the key file (defaults for a missing entry)."""
        return cls(int((data or {}).get("page_size", PAGE_SIZE)))


def key_pragma(key: bytes, schema: str = "") -> str:
    """`PRAGMA key` with a raw key (no SQLCipher password derivation)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    prefix = f"{schema}." if schema else ""
    return f"PRAGMA {prefix}key = \"x'{key.hex()}'\""


def connect(
    path: str | Path, key: bytes | None = None, cipher: Cipher | None = None
) -> dbapi2.Connection:
    """A bare connection (autocommit), keyed when `key` is given; proves the key first."""
    conn = dbapi2.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
    # SQLCipher writes its own lines to stderr on a wrong key; the user gets one Chinese line.
    conn.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        conn.execute(key_pragma(key))
        conn.execute(f"PRAGMA cipher_page_size = {(cipher or Cipher()).page_size}")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as error:
            conn.close()
            if _cannot_open(error):  # its folder refuses the -shm file, not a wrong key
                raise cannot_open(path) from None
            raise WrongKey(said(WRONG_KEY)) from None
    return conn


def open_database(
    path: str | Path, key: bytes | None = None, cipher: Cipher | None = None
) -> sqlite_utils.Database:
    """Open (creating if needed) a ledger file with WAL, full sync and autocommit mode.

    With `key` the file is encrypted (a new file is created encrypted). Autocommit
    (isolation_level=None) lets the store issue its own `BEGIN IMMEDIATE`, so every write
    transaction takes the write lock up front, as Datasette does.
    """
    if postgres.is_url(path):
        # A county hub's ledger in PostgreSQL: a stand-in with the same interface.
        return cast(sqlite_utils.Database, postgres.PgDatabase(str(path)))
    path = Path(path)
    memory = str(path) == ":memory:"
    if not memory:
        private_dir(path.parent)
        if not path.exists():
            _create_private(path)
    conn = connect(path, key, cipher)
    try:
        if key is None:
            conn.execute(f"PRAGMA page_size={PAGE_SIZE}")  # a new file only; WAL fixes it
        conn.execute("PRAGMA journal_mode=WAL")
    except DatabaseError as error:
        conn.close()
        if _cannot_open(error):
            raise cannot_open(path) from None
        raise
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA cache_size=-32000")
    # Temporary tables, sorts and indexes in memory: a temp file would be outside the
    # encryption (and is slower anyway).
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    # No sqlite-utils plugins: looking for them read the metadata of every installed package
    # (tens of milliseconds of every start), and the ledger uses none.
    return sqlite_utils.Database(conn, execute_plugins=False)


#: Parameters one statement may bind: SQLite's default limit, which sqlcipher3's build keeps
#: (its connection has no getlimit() to ask).
MAX_VARIABLES = 32766


def max_variables(conn: Any) -> int:
    """How many parameters one statement may bind on this connection."""
    getlimit = getattr(conn, "getlimit", None)
    if getlimit is None:
        return MAX_VARIABLES
    return int(getlimit(9))  # SQLITE_LIMIT_VARIABLE_NUMBER


def is_plain_sqlite(path: str | Path) -> bool:
    """True when the file is an unencrypted SQLite database (it starts with SQLite's header)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def disk_trouble(error: BaseException) -> bool:
    """True for SQLite's own word that a write failed on the disk (full, or an I/O error: a
    pulled-out stick, a file-size limit), not for a locked or damaged database."""
    return ledger_trouble(error) == DISK


#: SQLite's "dead man switch" in a ledger's ``-shm`` file (os_unix.c: ``UNIX_SHM_DMS``): every
#: process with the ledger open holds a read lock on this byte.
_SHM_DMS_BYTE = 128


def held_open_elsewhere(path: str | Path) -> bool:
    """True when another process has this ledger open (POSIX: it holds the read lock SQLite
    takes on the ``-shm`` file for as long as a connection is open). A ``-shm`` left by a crash
    holds no lock. False where that cannot be told (Windows, where an open file cannot be
    replaced anyway)."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(f"{path}-shm", os.O_RDWR)
    except OSError:
        return False  # no -shm: nobody has it open
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, _SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)


def _create_private(path: Path) -> None:
    """Create an empty file 0600 before SQLite opens it: SQLite gives its -wal and -shm files
    the mode of the database file."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def trim_wal(conn: dbapi2.Connection, path: str | Path) -> None:
    """Give back the disk space a big write left in the write-ahead log; never waits.

    After a commit the log's pages are normally copied into the ledger file already (SQLite's
    automatic checkpoint), but the file keeps its size. When it is over `WAL_SIZE_LIMIT` it is
    emptied, unless another connection still reads an older snapshot from it: then it stays
    until `journal_size_limit` shortens it on a later write.
    """
    if str(path) == ":memory:" or conn.in_transaction:
        return
    try:
        if Path(f"{path}-wal").stat().st_size <= WAL_SIZE_LIMIT:
            return
    except OSError:
        return
    waited = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout=0")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except Error:
        pass  # a reader or a full disk: the log stays as it is, nothing in it is lost
    finally:
        conn.execute(f"PRAGMA busy_timeout={waited}")


#: How many SQLite steps pass between two looks at a copy's progress and the user's 取消.
_WATCH_EVERY = 4000
#: What the user reads when they stopped a key change.
KEY_KEPT = "已取消：台账钥匙没有更换，台账没有改动"
#: … when they stopped the first encryption of a plain ledger (at its first login).
NOT_YET_ENCRYPTED = "已取消：台账还没有加密，台账没有改动；下次登录时会再加密"


def _size(conn: dbapi2.Connection) -> int:
    """The bytes of the database open on `conn` (its pages)."""
    pages = conn.execute("PRAGMA main.page_count").fetchone()[0]
    return int(pages) * int(conn.execute("PRAGMA main.page_size").fetchone()[0])


def export_encrypted(
    source: dbapi2.Connection,
    target: str | Path,
    key: bytes,
    cipher: Cipher | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    stopped_message: str = KEY_KEPT,
) -> None:
    """Write an encrypted copy of the database open on `source` into a new file `target`.

    SQLCipher will not copy pages between a plain and an encrypted file (the backup API needs
    both sides alike), so the copy is `sqlcipher_export`: schema, rows, search index and
    `user_version` rewritten into the attached encrypted file in one transaction.

    `progress` hears (bytes written so far, the source's size) as the copy grows (its pages
    spill to the file as it goes); `cancel` answering True interrupts the copy (`Cancelled`
    with `stopped_message`: `target` is left part-written, for the caller to remove).
    """
    target = Path(target)
    _create_private(target)
    size = _size(source)
    stopped = False

    def watch() -> int:
        nonlocal stopped
        if cancel is not None and cancel():
            stopped = True
            return 1  # SQLite stops the statement: "interrupted"
        if progress is not None:
            try:
                written = target.stat().st_size
            except OSError:
                written = 0
            progress(min(written, size), size)
        return 0

    if progress is not None or cancel is not None:
        source.set_progress_handler(watch, _WATCH_EVERY)
    source.execute("ATTACH DATABASE ? AS enc KEY ?", [str(target), f"x'{key.hex()}'"])
    try:
        source.execute(f"PRAGMA enc.cipher_page_size = {(cipher or Cipher()).page_size}")
        source.execute("SELECT sqlcipher_export('enc')").fetchall()
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA enc.user_version = {int(version)}")
    except dbapi2.OperationalError:
        if stopped:
            raise Cancelled(stopped_message) from None
        raise
    finally:
        source.set_progress_handler(None, 0)
        source.execute("DETACH DATABASE enc")
    if progress is not None:
        progress(size, size)
