"""The key file beside an encrypted ledger: the database key, wrapped once per user and once for
the county; and the two-file commit that replaces a ledger and its key file together.

Why a file beside the ledger (``ledger.db.keys``) and not inside it: the wrapped keys are what
open the database, so they must be readable before it is open; SQLCipher's own header is
encrypted and has no room for them. A small JSON file can be replaced atomically (write, fsync,
rename), copied into a backup with the ledger, and read by the county's reset without the
ledger's key. It holds nothing that opens the ledger by itself:

- ``slots``: per user, a key pair of the user's own (X25519): its secret half encrypted
  (XSalsa20-Poly1305, PyNaCl ``SecretBox``) with a key derived from the user's password by
  Argon2id (its salt and costs beside it), its public half in clear, and the 32-byte database
  key sealed to that public half. The password opens the user's secret key, which opens the
  database key. The indirection is what lets the database key be *replaced* (`rotated`) when
  a user is disabled without knowing anyone's password: the new key is sealed to every
  remaining user's public key and to the county's. User names are not written: a slot is found
  by a keyed hash of the name, so the file names nobody. (A slot of the first format, the
  database key wrapped by the password directly, still opens; it cannot follow a rotation.)
- ``county``: the database key sealed (X25519 sealed box) to the county hub's public box key,
  added once the ledger is enrolled. Only the hub's secret key (inside the hub's own encrypted
  database) opens it: the county can reset a forgotten password with the laptop in hand; a
  finder of the laptop cannot.
- ``file_id``: names the one ``<ledger>.<file_id>.pending`` file this key file commits (below).

Replacing a ledger together with its key file (converting a plain ledger, restoring a backup)
is one atomic step, the rename of the new key file into place:

1. the new encrypted database is written complete as ``<ledger>.<file_id>.pending`` and synced;
2. the new key file is written as ``<ledger>.keys.tmp`` and synced;
3. **commit**: ``<ledger>.keys.tmp`` is renamed to ``<ledger>.keys``;
4. roll forward: the old ledger's -wal/-shm are removed, a plain old file is overwritten with
   zeros, and the pending file is renamed over the ledger.

`recover` runs before every open: before the commit it deletes the leftovers (nothing changed);
after it, it finishes step 4. So a crash at any point leaves the old ledger or the new one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from nacl import pwhash
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

from fieldapp.domain.credentials import normalise_name
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.paths import make_private, private_dir
from fieldapp.store.connection import KEY_BYTES, SQLITE_HEADER, Cipher

KIND = "fieldapp-keys"
#: 2: a slot seals the database key to the user's own key pair (so the key can be rotated).
FORMAT = 2
#: Argon2id costs of a new password slot: 3 passes over 64 MiB (OWASP's first recommended
#: setting), about half a second on a village laptop, for every login and every command of a
#: script; each guess costs an attacker the same. libsodium's "moderate" (256 MiB) took 2.7 s
#: on the shared test machine, too slow for a command line used in scripts.
KDF_OPS = 3
KDF_MEM = 64 * 1024 * 1024
#: Wrong passwords in a row that cost nothing but Argon2id's second; after them, a wait.
FREE_ATTEMPTS = 5
#: The wait after the sixth wrong password, doubling with each further one, up to the cap.
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60

Step = Callable[[str], None]


class KeyFileError(FieldappError):
    """The key file is missing, damaged or not a key file."""


class WrongPassword(FieldappError):
    """No slot opens with this user name and password."""


#: A name and password no slot opens.
WRONG_PASSWORD = template("用户名或口令不对")
#: Wrong passwords in a row (%1), the seconds to wait (%2).
WAIT_AFTER_WRONG = template("口令已连续输错 %1 次，请 %2 秒后再试")
#: A key file's slot of the first format, which a new key cannot be sealed to.
OLD_SLOT = template("钥匙文件中有旧格式的口令，不能更换台账钥匙")
#: A key file not ours, of a newer program, damaged (%1 what was wrong, as Python names it).
SLOT_UNKNOWN = template("钥匙文件中的口令格式不认识")
SLOT_CUT = template("钥匙文件已损坏（口令格不完整）")
NOT_A_KEY_FILE = template("不是台账的钥匙文件")
KEYS_NEWER = template("钥匙文件格式比本程序新，请先升级本程序（劳动力台账）")
KEYS_DAMAGED_AS = template("钥匙文件已损坏（%1）")
KEYS_DAMAGED = template("钥匙文件已损坏")
#: The ledger's key file (%1 its name) not beside it.
NO_KEY_FILE = template("找不到台账的钥匙文件 %1（它应在台账文件旁边）")
#: The key file on disk is another key's than the one this program opened the ledger with.
KEY_CHANGED_ELSEWHERE = template(
    "台账已被另一个程序换了钥匙或从备份恢复，请关闭本程序后重新登录再试"
)
#: The new ledger file of a key change or a restore gone before it took the ledger's place.
PENDING_CUT = template("新台账文件不完整，未替换")


class TooManyAttempts(FieldappError):
    """Too many wrong passwords in a row: the caller must wait."""

    def __init__(self, failures: int, wait_s: int) -> None:
        super().__init__(said(WAIT_AFTER_WRONG, str(failures), str(wait_s)))
        self.failures = failures
        self.wait_s = wait_s


def keyfile_path(ledger: str | Path) -> Path:
    """``ledger.db.keys``."""
    return Path(f"{ledger}.keys")


def pending_path(ledger: str | Path, file_id: str) -> Path:
    """Where a new database waits for its key file's commit."""
    return Path(f"{ledger}.{file_id}.pending")


def attempts_path(ledger: str | Path) -> Path:
    """The wrong-password counter (kept apart: the key file is not rewritten on every typo)."""
    return Path(f"{ledger}.attempts")


def has_keyfile(ledger: str | Path) -> bool:
    """True when the ledger is encrypted (its key file exists)."""
    return keyfile_path(ledger).is_file()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def kdf_costs() -> tuple[int, int]:
    """The Argon2id costs (operations, memory) a new secret is wrapped with: a user's password
    slot here, an enrolment file's code (`fieldapp.sync.enrolment`)."""
    return _kdf_costs()


def derive_key(secret: str, salt: bytes, ops: int, mem: int) -> bytes:
    """A secret-box key from a password or code, with its salt and costs."""
    return _derive(secret, salt, ops, mem)


def _kdf_costs() -> tuple[int, int]:
    # The test suite makes many users; it may ask for the cheapest costs. A slot keeps its own
    # costs, so this never weakens an existing one.
    if os.environ.get("FIELDAPP_TEST_FAST_KDF"):
        return pwhash.argon2id.OPSLIMIT_MIN, 8 * 1024 * 1024
    return KDF_OPS, KDF_MEM


@dataclass(frozen=True)
class Slot:
    """One user's way to the database key: the user's secret box key wrapped by their password,
    and the database key sealed to the user's public box key.

    `box_public`/`sealed` are None in a slot of the first format, whose `wrapped` is the
    database key itself wrapped by the password (still opened; never written now)."""

    salt: bytes
    ops: int
    mem: int
    wrapped: bytes
    box_public: bytes | None = None
    sealed: bytes | None = None

    @classmethod
    def make(cls, password: str, key: bytes) -> Slot:
        """A new key pair for the user, its secret wrapped with a fresh salt under the current
        costs, and `key` sealed to its public half."""
        ops, mem = _kdf_costs()
        salt = secrets.token_bytes(pwhash.argon2id.SALTBYTES)
        kek = _derive(password, salt, ops, mem)
        pair = PrivateKey.generate()
        public = bytes(pair.public_key)
        return cls(
            salt,
            ops,
            mem,
            SecretBox(kek).encrypt(bytes(pair)),
            public,
            SealedBox(PublicKey(public)).encrypt(key),
        )

    def open(self, password: str) -> bytes | None:
        """The database key, or None when the password is wrong."""
        try:
            kek = _derive(password, self.salt, self.ops, self.mem)
            opened = SecretBox(kek).decrypt(self.wrapped)
            if self.sealed is not None:
                opened = SealedBox(PrivateKey(opened)).decrypt(self.sealed)
        except (CryptoError, ValueError, TypeError):
            return None
        return opened if len(opened) == KEY_BYTES else None

    @property
    def rotatable(self) -> bool:
        """True when a new database key can be sealed to this user without their password."""
        return self.box_public is not None

    def resealed(self, key: bytes) -> Slot:
        """The same user's slot holding a new database key (their password is not needed)."""
        if self.box_public is None:
            raise KeyFileError(said(OLD_SLOT))
        return replace(self, sealed=SealedBox(PublicKey(self.box_public)).encrypt(key))

    def as_dict(self) -> dict[str, Any]:
        """For the key file."""
        data: dict[str, Any] = {
            "kdf": "argon2id",
            "salt": _b64(self.salt),
            "ops": self.ops,
            "mem": self.mem,
            "wrapped": _b64(self.wrapped),
        }
        if self.box_public is not None and self.sealed is not None:
            data["box_public"] = _b64(self.box_public)
            data["sealed"] = _b64(self.sealed)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slot:
        """From the key file."""
        if data.get("kdf") != "argon2id":
            raise KeyFileError(said(SLOT_UNKNOWN))
        public, sealed = data.get("box_public"), data.get("sealed")
        if (public is None) != (sealed is None):
            raise KeyFileError(said(SLOT_CUT))
        return cls(
            _unb64(data["salt"]),
            int(data["ops"]),
            int(data["mem"]),
            _unb64(data["wrapped"]),
            None if public is None else _unb64(public),
            None if sealed is None else _unb64(sealed),
        )


def _derive(password: str, salt: bytes, ops: int, mem: int) -> bytes:
    return pwhash.argon2id.kdf(
        SecretBox.KEY_SIZE, password.encode("utf-8"), salt, opslimit=ops, memlimit=mem
    )


@dataclass(frozen=True)
class CountySlot:
    """The database key sealed to the county hub's public box key."""

    box_public: bytes
    sealed: bytes

    @classmethod
    def make(cls, box_public: bytes, key: bytes) -> CountySlot:
        """Seal `key` to the hub."""
        return cls(box_public, SealedBox(PublicKey(box_public)).encrypt(key))

    def open(self, box_secret: bytes) -> bytes | None:
        """The database key, or None when `box_secret` is not this hub's."""
        try:
            key = SealedBox(PrivateKey(box_secret)).decrypt(self.sealed)
        except (CryptoError, ValueError, TypeError):
            return None
        return key if len(key) == KEY_BYTES else None


@dataclass(frozen=True)
class KeyFile:
    """The parsed key file of one ledger (immutable: every change makes a new one)."""

    file_id: str
    name_salt: bytes
    cipher: Cipher = field(default_factory=Cipher)
    slots: dict[str, Slot] = field(default_factory=dict)
    county: CountySlot | None = None

    @classmethod
    def new(cls) -> KeyFile:
        """An empty key file for a new database."""
        return cls(secrets.token_hex(8), secrets.token_bytes(16))

    def slot_id(self, name: str) -> str:
        """Where a user's slot is kept: a keyed hash of the name (the file names nobody)."""
        digest = hmac.new(self.name_salt, normalise_name(name).encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]

    def has_user(self, name: str) -> bool:
        """True when `name` has a password slot."""
        return self.slot_id(name) in self.slots

    def unlock(self, name: str, password: str) -> bytes:
        """The database key for this user and password; WrongPassword otherwise."""
        slot = self.slots.get(self.slot_id(name))
        if slot is None:
            # Not a user (or a disabled one): spend the same Argon2id a slot would, so that the
            # time a refusal takes does not tell a name that exists from one that does not.
            like = next(iter(self.slots.values()), None)
            ops, mem = (like.ops, like.mem) if like else _kdf_costs()
            _derive(password, secrets.token_bytes(pwhash.argon2id.SALTBYTES), ops, mem)
            raise WrongPassword(said(WRONG_PASSWORD))
        key = slot.open(password)
        if key is None:
            raise WrongPassword(said(WRONG_PASSWORD))
        return key

    def with_user(self, name: str, password: str, key: bytes) -> KeyFile:
        """A copy with (a new) password slot for `name`."""
        return self.with_slot(name, Slot.make(password, key))

    def with_slot(self, name: str, slot: Slot) -> KeyFile:
        """A copy with `slot` (made beforehand by `Slot.make`) as `name`'s password slot."""
        return replace(self, slots=self.slots | {self.slot_id(name): slot})

    def without_user(self, name: str) -> KeyFile:
        """A copy without `name`'s slot."""
        slot_id = self.slot_id(name)
        return replace(self, slots={k: v for k, v in self.slots.items() if k != slot_id})

    def with_county(self, box_public: bytes, key: bytes) -> KeyFile:
        """A copy whose county slot is sealed to this hub key."""
        return replace(self, county=CountySlot.make(box_public, key))

    def renamed(self) -> KeyFile:
        """A copy with a new file id (it will commit a new pending database)."""
        return replace(self, file_id=secrets.token_hex(8))

    def rotated(self, key: bytes) -> KeyFile:
        """A key file for a new database key: every user's slot and the county's hold `key`
        instead (no password needed), under a new file id (it commits the re-encrypted copy).
        A slot of the first format cannot follow: KeyFileError."""
        return replace(
            self,
            file_id=secrets.token_hex(8),
            slots={k: v.resealed(key) for k, v in self.slots.items()},
            county=None if self.county is None else CountySlot.make(self.county.box_public, key),
        )

    # -- text -------------------------------------------------------------------------------

    def as_dict(self) -> dict[str, Any]:
        """The JSON document."""
        return {
            "kind": KIND,
            "format": FORMAT,
            "file_id": self.file_id,
            "cipher": self.cipher.as_dict(),
            "name_salt": _b64(self.name_salt),
            "slots": {k: v.as_dict() for k, v in sorted(self.slots.items())},
            "county": None
            if self.county is None
            else {"box_public": _b64(self.county.box_public), "sealed": _b64(self.county.sealed)},
        }

    @classmethod
    def from_dict(cls, doc: Any) -> KeyFile:
        """Parse the JSON document; KeyFileError when it is not one."""
        if not isinstance(doc, dict) or doc.get("kind") != KIND:
            raise KeyFileError(said(NOT_A_KEY_FILE))
        if int(doc.get("format", 0)) > FORMAT:
            raise KeyFileError(said(KEYS_NEWER))
        try:
            county = doc.get("county")
            file_id = str(doc["file_id"])
            if not file_id.isalnum():
                raise ValueError(file_id)
            return cls(
                file_id,
                _unb64(doc["name_salt"]),
                Cipher.from_dict(doc.get("cipher")),
                {str(k): Slot.from_dict(v) for k, v in doc["slots"].items()},
                None
                if not county
                else CountySlot(_unb64(county["box_public"]), _unb64(county["sealed"])),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise KeyFileError(said(KEYS_DAMAGED_AS, type(error).__name__)) from None

    def to_bytes(self) -> bytes:
        """The file's bytes."""
        return json.dumps(self.as_dict(), indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """Parse the file's bytes."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise KeyFileError(said(KEYS_DAMAGED)) from None
        return cls.from_dict(doc)


def load(ledger: str | Path) -> KeyFile:
    """The key file of a ledger."""
    path = keyfile_path(ledger)
    try:
        return KeyFile.from_bytes(path.read_bytes())
    except FileNotFoundError:
        raise KeyFileError(said(NO_KEY_FILE, path.name)) from None


def save(ledger: str | Path, keyfile: KeyFile, step: Step | None = None) -> None:
    """Replace the key file atomically (the old one or the new one, never half)."""
    path = keyfile_path(ledger)
    tmp = path.with_name(path.name + ".tmp")
    write_private(tmp, keyfile.to_bytes())
    if step:
        step("keys-written")
    os.replace(tmp, path)
    fsync_dir(path.parent)
    if step:
        step("committed")


def update(ledger: str | Path, held: KeyFile, change: Callable[[KeyFile], KeyFile]) -> KeyFile:
    """Apply `change` to the key file as it is on disk now, save it and return it.

    `held` is the key file this program read when it opened the ledger. Another program with
    the same ledger open (a second window, a script) may have added a user, changed a password
    or disabled someone since: saving `held` changed would undo that (a new colleague locked
    out, a disabled user's slot back). KeyFileError when the ledger's key was replaced
    meanwhile (a restore): `held`'s key no longer opens it, so nothing is written.

    `change` must be quick (no Argon2id: make a new slot with `Slot.make` before): the read,
    the change and the save run under a lock on the ledger's folder (POSIX), so two programs
    changing users at the same instant each start from the other's saved file.
    """
    with _folder_lock(Path(ledger).parent):
        current = load(ledger)
        if current.file_id != held.file_id or current.name_salt != held.name_salt:
            raise KeyFileError(said(KEY_CHANGED_ELSEWHERE))
        changed = change(current)
        save(ledger, changed)
    return changed


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (flock on its descriptor; it goes with the process,
    a crash included). Windows has no directory descriptors: there the window is the few
    milliseconds between reading and renaming a small file, Argon2id being outside it."""
    if os.name == "nt":
        yield
        return
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder that cannot be opened to lock: the window is milliseconds
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            pass  # a network share without locks: as on Windows, a few milliseconds' window
        yield
    finally:
        os.close(fd)  # releases the lock


def current(ledger: str | Path, held: KeyFile) -> KeyFile:
    """The key file on disk when it still holds `held`'s key (a password changed in another
    program counts from then on), else `held`."""
    try:
        found = load(ledger)
    except KeyFileError:
        return held
    same = found.file_id == held.file_id and found.name_salt == held.name_salt
    return found if same else held


def write_private(path: Path, data: bytes) -> None:
    """Write a file readable by its owner only, synced to disk."""
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    make_private(path)


def fsync_file(path: Path) -> None:
    """Flush a file's content to disk."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- the two-file commit ------------------------------------------------------------------------


def commit(ledger: str | Path, keyfile: KeyFile, step: Step | None = None) -> None:
    """Put `keyfile` and its complete pending database in place of the ledger (see above)."""
    pending = pending_path(ledger, keyfile.file_id)
    if not pending.is_file():
        raise KeyFileError(said(PENDING_CUT))
    fsync_file(pending)
    save(ledger, keyfile, step)
    roll_forward(Path(ledger), pending, step)


def roll_forward(ledger: Path, pending: Path, step: Step | None = None) -> None:
    """Finish a committed replacement: the pending database becomes the ledger."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{ledger}{suffix}").unlink(missing_ok=True)
    if step:
        step("old-log-removed")
    if _is_plain(ledger):
        _zero(ledger)
        if step:
            step("old-zeroed")
    os.replace(pending, ledger)
    fsync_dir(ledger.parent)
    make_private(ledger)
    if step:
        step("replaced")


def recover(ledger: str | Path) -> None:
    """Finish or undo a replacement a crash interrupted; a no-op otherwise (and while another
    program is creating this ledger: its half-made files are not a crash's)."""
    ledger = Path(ledger)
    if creation_under_way(ledger):
        return
    keys = keyfile_path(ledger)
    leftover = Path(f"{keys}.tmp")
    if leftover.exists():  # a read-only stick refuses even an absent file's removal
        leftover.unlink()
    current = None
    if keys.is_file():
        try:
            current = load(ledger).file_id
        except KeyFileError:
            return  # a damaged key file: touch nothing, opening will say what is wrong
    for stray in ledger.parent.glob(f"{_glob_escape(ledger.name)}.*.pending"):
        file_id = stray.name[len(ledger.name) + 1 : -len(".pending")]
        if file_id == current:
            roll_forward(ledger, stray)
        else:
            stray.unlink(missing_ok=True)  # an uncommitted attempt: the old ledger stands


# -- creating a new ledger, one program at a time ------------------------------------------------

#: A claim this old is a crashed creation's, whatever its process: making a new, empty ledger
#: takes seconds.
CLAIM_STALE_AFTER = 600.0


class LedgerExists(FieldappError):
    """A new ledger was to be made where another program is making, or has just made, one."""


def creating_path(ledger: str | Path) -> Path:
    """``<ledger>.creating``: held by the one program making the ledger."""
    return Path(f"{ledger}.creating")


def creation_under_way(ledger: str | Path) -> bool:
    """True while another live program holds the claim to create `ledger`."""
    claim = creating_path(ledger)
    try:
        age = time.time() - claim.stat().st_mtime
    except OSError:
        return False
    if age > CLAIM_STALE_AFTER:
        return False
    pid = _pid_of(claim)
    return pid == os.getpid() or _alive(pid)


def _alive(pid: int) -> bool:
    """True when process `pid` runs (unknown: taken as running, the claim's age decides)."""
    if pid <= 0:
        return True
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


@contextmanager
def creating(ledger: str | Path, exists: Callable[[], bool]) -> Iterator[None]:
    """Hold the claim to create `ledger` for the block: refused (`LedgerExists`) while another
    program holds it, or when `exists()` says the ledger was made meanwhile; a crashed
    creation's claim (its process gone, or long past) is taken over."""
    claim = creating_path(ledger)
    private_dir(claim.parent)  # a new ledger's folder is made, as opening one makes it
    for _attempt in range(2):
        try:
            fd = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            if creation_under_way(ledger) and _pid_of(claim) != os.getpid():
                raise LedgerExists(being_created(ledger)) from None
            claim.unlink(missing_ok=True)  # a crashed creation's
            continue
        try:
            os.write(fd, str(os.getpid()).encode("ascii"))
        finally:
            os.close(fd)
        break
    else:
        raise LedgerExists(being_created(ledger))
    try:
        if exists():
            raise LedgerExists(already_exists(ledger))
        yield
    finally:
        claim.unlink(missing_ok=True)


def _pid_of(claim: Path) -> int:
    """The process holding `claim` (0: unreadable, as a claim being written is for a moment)."""
    try:
        text = claim.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return 0
    return int(text) if text.isdigit() else 0


#: A ledger (%1) another window or command is creating, or has just created.
BEING_CREATED = template(
    "台账“%1”正在新建：另一个窗口（或命令）正在建立它。这里没有改动任何文件；"
    "请等它建好，再用新建它时设置的用户名和口令打开它"
)
ALREADY_EXISTS = template(
    "台账“%1”已经存在（可能刚由另一个窗口或命令新建）。没有改动它；"
    "请选“打开已有台账”，用新建它时设置的用户名和口令登录，或另取一个文件名"
)


def being_created(ledger: str | Path) -> Sentence:
    """The refusal while another window or command is creating `ledger`."""
    return said(BEING_CREATED, str(ledger))


def already_exists(ledger: str | Path) -> Sentence:
    """The refusal to create `ledger` anew where one exists."""
    return said(ALREADY_EXISTS, str(ledger))


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def _is_plain(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _zero(path: Path) -> None:
    """Overwrite a clear file with zeros before it is dropped (best effort: a flash disk may keep
    old blocks elsewhere, but an undelete tool on the same disk finds nothing)."""
    size = path.stat().st_size
    chunk = b"\0" * (1 << 20)
    with open(path, "r+b") as handle:
        done = 0
        while done < size:
            n = min(len(chunk), size - done)
            handle.write(chunk[:n])
            done += n
        handle.flush()
        os.fsync(handle.fileno())


# -- wrong passwords ----------------------------------------------------------------------------


def _read_attempts(ledger: str | Path) -> tuple[int, float]:
    try:
        doc = json.loads(attempts_path(ledger).read_text(encoding="utf-8"))
        return int(doc["failures"]), float(doc["last"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0, 0.0


def wait_needed(ledger: str | Path, now: float | None = None) -> int:
    """Seconds to wait before the next try (0 when a try may go ahead)."""
    failures, last = _read_attempts(ledger)
    if failures < FREE_ATTEMPTS:
        return 0
    wait = min(FIRST_WAIT_S * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_S)
    now = time.time() if now is None else now
    if now < last:
        # The clock went back (a flat CMOS battery, a fast clock corrected): the wait starts
        # again from now, not from a moment the clock will only reach in years.
        _write_attempts(ledger, failures, now)
        last = now
    left = last + wait - now
    return max(0, int(left + 0.999))


def check_attempts(ledger: str | Path) -> None:
    """Raise TooManyAttempts while the wait after repeated wrong passwords runs."""
    wait = wait_needed(ledger)
    if wait:
        raise TooManyAttempts(_read_attempts(ledger)[0], wait)


def record_failure(ledger: str | Path) -> int:
    """Count one more wrong password; returns the count."""
    failures = _read_attempts(ledger)[0] + 1
    _write_attempts(ledger, failures, time.time())
    return failures


def _write_attempts(ledger: str | Path, failures: int, last: float) -> None:
    data = json.dumps({"failures": failures, "last": last}).encode("utf-8")
    try:
        write_private(attempts_path(ledger), data)
    except OSError:
        pass  # a read-only medium: Argon2id's cost still slows guessing


def record_success(ledger: str | Path) -> None:
    """A right password clears the count."""
    count = attempts_path(ledger)
    if count.exists():  # a read-only stick refuses even an absent file's removal
        count.unlink()
