"""Local users of an encrypted ledger: add, list, change password, disable, enable again,
county reset.

The ledger passed in is open as its logged-in user (`ledger.user`); adding and disabling users
and setting another user's password need a user who may manage users. A user's password opens
their slot in the key file (`fieldapp.store.keyfile`), which holds the database key; the users
table inside the encrypted file says who is an administrator and who is disabled.

Disabling a user takes their slot out of the key file; `rotate_key` then re-encrypts the closed
ledger under a new database key, so that a copy of the old key file someone kept (with the
disabled user's slot in it) does not open the ledger as it is from then on.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

from fieldapp import saving
from fieldapp.domain.credentials import check_readable, normalise_name
from fieldapp.domain.errors import FieldappError, ValidationFailed
from fieldapp.domain.progress import CancelCheck, Cancelled, Progress
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.store import keyfile, users, vault
from fieldapp.store.connection import open_database
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.store.users import UserRow
from fieldapp.store.vault import Credentials, Unlocked, ledger_state

#: Raised while the wait after repeated wrong passwords runs (its `wait_s` says how long).
TooManyAttempts = keyfile.TooManyAttempts
#: No user of the ledger has this name and password.
WrongPassword = keyfile.WrongPassword

#: Shortest password accepted (a village office's shared desktop; Argon2id does the rest).
MIN_PASSWORD = 6
#: Shortest password of digits only: a copied key file is guessed offline at Argon2id's
#: 0.22 s a guess on one core — all 10^6 six-digit passwords in about 61 hours.
MIN_DIGITS = 8
#: Longest user name.
MAX_NAME = 30
#: The hub's ledger in a hub folder (`fieldapp.hub.folder.HUB_DB`; services sit below hub).
HUB_LEDGER = "hub.db"
#: A hub whose ledger is in PostgreSQL names the database in this file (`hub.folder`).
HUB_STORE_URL = "store.url"

log = logging.getLogger("fieldapp.users")


class NotAllowed(FieldappError):
    """The logged-in user may not do this."""


# The refusals of users and passwords, as sentences (a window says them in its language).
NAME_EMPTY = template("用户名不能为空")
#: A name longer than %1 characters.
NAME_TOO_LONG = template("用户名最多 %1 个字")
NAME_UNPRINTABLE = template("用户名中有不能显示的字符")
#: A password shorter than %1.
PASSWORD_SHORT = template("口令至少 %1 位")
PASSWORD_GUESSABLE = template(
    "口令太容易猜：123456、888888、123123 这样的口令，捡到笔记本的人头几次就会试。"
    "请换一个别人猜不到的口令"
)
#: A password of digits only shorter than %1, or that is a date (a birthday: `birthday`).
PASSWORD_DIGITS = template(
    "只有数字的口令至少要 %1 位，也不能是生日这样的日期（如 19850317）：拿走台账文件的人"
    "可以在自己的电脑上一个个试，6 位数字几天就能试完，生日一两个小时。"
    "请加上字母或汉字，或换一串更长、不是日期的数字"
)
#: A birthday in any of its shapes (1985-03-17, 85年3月17日, 17.03.85 …), digits only or not.
PASSWORD_BIRTHDAY = template(
    "口令不能是生日这样的日期（如 1990-05-21、90年5月21日）：拿走台账文件的人可以在自己的"
    "电脑上把每一天的各种写法一个个试，一两个小时就能试完。请加上别的字母或汉字，"
    "或换一个不是日期的口令"
)
NOT_ENCRYPTED = template("这个台账还没有加密（没有用户）。请先用用户名和口令打开它，台账会随即加密")
NOT_A_USER = template("当前用户不在本台账的用户名单中")
ADMIN_ONLY = template("只有能管理用户的人才能这样做，请找本台账的管理员")
#: A new user under a name (%1) a user has.
NAME_TAKEN = template("已有名为 %1 的用户")
#: No user of this ledger is named %1.
NO_SUCH_USER = template("没有名为 %1 的用户")
NOT_YOURSELF = template("不能停用自己")
#: Enabling again a user (%1) not disabled.
NOT_DISABLED = template("用户 %1 没有停用，不用重新启用")
HUB_ONLY = template("只有县级汇总中心能重置设备台账的口令")
#: The county resetting a password: no ledger at the path given (%1, as given).
NO_LEDGER_FILE = template(
    "找不到台账文件 %1：请核对路径（设备上的台账通常是用户数据文件夹里的 ledger.db）"
)
#: … a ledger (%1, its file's name) with no password.
NO_PASSWORD_SET = template(
    "台账 %1 没有设置口令（未加密），不需要县里重置：不用口令就能打开，"
    "带用户名和口令打开一次即加密，那时设的口令就是新口令"
)
NOT_ENROLLED = template("这个台账还没有登记到县里，县里无法重置它的口令")
OTHER_HUB = template("这个台账登记在别的汇总中心，本中心无法重置它的口令")
#: … no user named %1 in that ledger.
NO_SUCH_USER_THERE = template("台账中没有名为 %1 的用户")
#: A folder (%1, as given) that is no hub's.
NOT_A_HUB_FOLDER = template("%1 不是汇总中心文件夹")


def check_name(name: str) -> str:
    """A user name as stored, or ValidationFailed saying what is wrong with it."""
    clean = normalise_name(name)
    if not clean:
        raise ValidationFailed(said(NAME_EMPTY))
    if len(clean) > MAX_NAME:
        raise ValidationFailed(said(NAME_TOO_LONG, str(MAX_NAME)))
    if any(unicodedata.category(ch).startswith("C") for ch in clean):
        raise ValidationFailed(said(NAME_UNPRINTABLE))
    return clean


#: Passwords a finder of the laptop tries first (lower case), beside the shapes `guessable`
#: finds itself (one character or a short piece repeated, a straight run such as 123456).
COMMON_PASSWORDS = frozenset(
    """5201314 1314520 520520 5211314 147258 147258369 159357 159753 123654 123321 112233
    11223344 789456 123qwe qwerty qwertyuiop asdfgh asdfghjkl zxcvbn 1qaz2wsx password passw0rd
    1234567890 abcd1234 qwe123 iloveyou woaini woaini1314 abc123 abc123456 a123456 aa123456 a12345678 123456a 123456aa
    qq123456 admin admin123 root123 test123 12345678a""".split()
)


def guessable(password: str) -> bool:
    """True for a password a thief at the login screen would try within his first few goes:
    a well-known one, one character or a piece of up to three repeated (888888, 123123,
    王强王强王强), or a straight run up or down (123456, 654321, abcdef)."""
    text = password.lower()
    if text in COMMON_PASSWORDS:
        return True
    for size in (1, 2, 3):
        if len(text) % size == 0 and text == text[:size] * (len(text) // size):
            return True
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return steps in ({1}, {-1}) and (text.isdigit() or text.isascii() and text.isalpha())


def few_digits(password: str) -> bool:
    """True for a password of digits only shorter than `MIN_DIGITS`, or one that is a
    birthday (`birthday`): guessed offline in hours or days."""
    text = unicodedata.normalize("NFKC", password)
    if text.isascii() and text.isdigit() and len(text) < MIN_DIGITS:
        return True
    return birthday(password)


#: The shapes a birthday is written in, the whole password (NFKC: full-width digits and
#: separators as typed with a Chinese input method read as these): yyyymmdd, ddmmyyyy,
#: mmddyyyy, and with separators (- . / or a space, the same or not) y-m-d, d-m-y, m-d-y,
#: month and day of one or two digits; 1985年3月17日 (日 may be left off).
_DATE_SHAPES = (
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(r"(?P<d>\d{2})(?P<m>\d{2})(?P<y>\d{4})"),
    re.compile(r"(?P<m>\d{2})(?P<d>\d{2})(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})[-./ ](?P<m>\d{1,2})[-./ ](?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[-./ ](?P<m>\d{1,2})[-./ ](?P<y>\d{4})"),
    re.compile(r"(?P<m>\d{1,2})[-./ ](?P<d>\d{1,2})[-./ ](?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"),
    # The same with the year's last two digits (85-03-17, 17.03.85, 85年3月17日): written
    # this short they are 6 to 8 characters, digits only if not for the separators.
    re.compile(r"(?P<y>\d{2})[-./ ](?P<m>\d{1,2})[-./ ](?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[-./ ](?P<m>\d{1,2})[-./ ](?P<y>\d{2})"),
    re.compile(r"(?P<m>\d{1,2})[-./ ](?P<d>\d{1,2})[-./ ](?P<y>\d{2})"),
    re.compile(r"(?P<y>\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?"),
)


def birthday(password: str) -> bool:
    """True for a password that is, whole, a calendar date of 1900–2099 in one of the shapes
    a birthday is written (`_DATE_SHAPES`: 19850317, 17031985, 03171985, 1985-03-17,
    1985.03.17, 1985/3/17, 17.03.1985, 85-03-17 …) — a thief's list of every such date in every shape is
    a few hundred thousand guesses. A date with words beside it (1985-03-17王强家的牛) is not:
    a passphrase is not on that list."""
    text = unicodedata.normalize("NFKC", password)
    for shape in _DATE_SHAPES:
        found = shape.fullmatch(text)
        if found is None:
            continue
        year = int(found["y"])
        # A year of two digits (85-03-17) is either century's.
        for full in (year,) if len(found["y"]) == 4 else (1900 + year, 2000 + year):
            if not 1900 <= full <= 2099:
                continue
            try:
                dt.date(full, int(found["m"]), int(found["d"]))
            except ValueError:
                continue
            return True
    return False


def check_password(password: str) -> str:
    """The password, or ValidationFailed when it is too short, not text, `guessable`, or
    `few_digits` (digits only and short, or a birthday in any of its shapes)."""
    check_readable(password)
    if len(password) < MIN_PASSWORD:
        raise ValidationFailed(said(PASSWORD_SHORT, str(MIN_PASSWORD)))
    if guessable(password):
        raise ValidationFailed(said(PASSWORD_GUESSABLE))
    if birthday(password) and not password.isdigit():
        # (digits only, it is said with the digits' rule, 19850317 its example)
        raise ValidationFailed(said(PASSWORD_BIRTHDAY))  # (never the password itself)
    if few_digits(password):
        raise ValidationFailed(said(PASSWORD_DIGITS, str(MIN_DIGITS)))
    return password


def _unlocked(ledger: Ledger) -> Unlocked:
    if ledger.unlocked is None:
        raise NotAllowed(said(NOT_ENCRYPTED))
    return ledger.unlocked


def current_user(ledger: Ledger) -> UserRow:
    """The logged-in user's record."""
    _unlocked(ledger)
    found = users.user(ledger.db, ledger.user or "")
    if found is None:
        raise NotAllowed(said(NOT_A_USER))
    return found


def may_manage(ledger: Ledger) -> bool:
    """True when the logged-in user may add and disable users."""
    return ledger.unlocked is not None and current_user(ledger).admin


def require_admin(ledger: Ledger) -> None:
    """NotAllowed unless the logged-in user may manage users — and is not disabled since
    logging in (`DISABLED_SINCE`: an administrator's window left open adds, sets and disables
    nobody after another administrator disabled them)."""
    found = current_user(ledger)
    if found.disabled:
        raise NotAllowed(said(DISABLED_SINCE, found.name))
    if not found.admin:
        raise NotAllowed(said(ADMIN_ONLY))


def list_users(ledger: Ledger) -> list[UserRow]:
    """Every user of the ledger (disabled ones included)."""
    _unlocked(ledger)
    return users.users(ledger.db)


def _save_keys(ledger: Ledger, change: Callable[[keyfile.KeyFile], keyfile.KeyFile]) -> None:
    """Change the key file as it is on disk now (another program may have changed it since
    this one opened the ledger), not the copy read then."""
    unlocked = _unlocked(ledger)
    keys = keyfile.update(ledger.path, unlocked.keyfile, change)
    ledger.unlocked = Unlocked(unlocked.key, keys, unlocked.user)


def check_add(ledger: Ledger, name: str) -> str:
    """`name` as a new user's (checked, stripped), by an administrator; NotAllowed or
    ValidationFailed saying why not (asked before a new password is: typed twice on a
    terminal, then refused for the name, it was typed for nothing)."""
    require_admin(ledger)
    name = check_name(name)
    existing = users.user(ledger.db, name)
    if existing is not None and existing.disabled:
        raise _disabled(said(NAME_DISABLED, name), name)
    if existing is not None:
        raise ValidationFailed(said(NAME_TAKEN, name))
    return name


def add_user(ledger: Ledger, name: str, password: str, admin: bool = False) -> UserRow:
    """Add a user with a password (an administrator only)."""
    name = check_add(ledger, name)
    password = check_password(password)
    unlocked = _unlocked(ledger)
    # The row first: a crash before the slot leaves a user who cannot log in yet (an
    # administrator sets the password again), never a password without a user.
    slot = keyfile.Slot.make(password, unlocked.key)  # Argon2id before the key file is read
    users.add_user(ledger.db, name, admin, ledger.user)
    _save_keys(ledger, lambda keys: keys.with_slot(name, slot))
    users.password_changed(ledger.db, name, reset_by=_set_by(ledger, name))
    found = users.user(ledger.db, name)
    assert found is not None
    return found


#: Where in the window a disabled user is enabled again (the sentence the window shows).
_ENABLE_IN_WINDOW = "设置 → 用户与口令 → 重新启用所选用户…"
#: How a disabled user is let back in: enabled again, with a new password.
_HOW_TO_ENABLE = f"要让此人重新使用本台账，请重新启用并设新口令：{_ENABLE_IN_WINDOW}"
#: A new user under a disabled user's name (%1: the name).
NAME_DISABLED = template(f"已有名为 %1 的用户（已停用）。{_HOW_TO_ENABLE}")
#: A password set for a disabled user (%1: the name).
USER_DISABLED = template(f"用户 %1 已停用。{_HOW_TO_ENABLE}")
#: The county resetting the password of a user disabled on that laptop (%1: the name).
RESET_DISABLED = template(
    f"用户 %1 已停用，县里不能重置其口令：请本台账的管理员在这台电脑上重新启用此人"
    f"（{_ENABLE_IN_WINDOW}），重新启用时即设新口令"
)


def _disabled(sentence: Sentence, name: str) -> ValidationFailed:
    """A refusal for a disabled user: `sentence` (what to do in the window, as the settings
    page and the login window show it, in the language shown) and, for the command line
    only, the command that does the same (`cli_hint`: a dialog never names a command)."""
    refused = ValidationFailed(sentence)
    refused.cli_hint = f"或用命令 fieldapp user enable {name}"
    return refused


def check_passwd(ledger: Ledger, name: str | None) -> UserRow:
    """The user whose password `change_password` would set (`name`, or the one logged in);
    NotAllowed or ValidationFailed saying why not (asked before a new password is)."""
    name = check_name(name) if name else (ledger.user or "")
    if name != ledger.user:
        require_admin(ledger)
    found = users.user(ledger.db, name)
    if found is None:
        raise ValidationFailed(said(NO_SUCH_USER, name))
    if found.disabled:
        raise _disabled(said(USER_DISABLED, name), name)
    return found


def change_password(ledger: Ledger, name: str | None, password: str) -> UserRow:
    """Set a user's password: one's own, or anyone's for an administrator."""
    found = check_passwd(ledger, name)
    name = found.name
    unlocked = _unlocked(ledger)
    slot = keyfile.Slot.make(check_password(password), unlocked.key)
    _save_keys(ledger, lambda keys: keys.with_slot(name, slot))
    users.password_changed(ledger.db, name, reset_by=_set_by(ledger, name))
    return users.user(ledger.db, name) or found


def _set_by(ledger: Ledger, name: str) -> str | None:
    """Who set `name`'s password, when it was not `name` (an administrator knows it: the user
    is asked for one of their own at their next login); None for one's own."""
    return None if name == ledger.user else f"管理员 {ledger.user}"


#: A write by a user disabled since they logged in (%1: the name), in a window still open.
DISABLED_SINCE = template("用户 %1 已停用，不能再修改本台账：请找本台账的管理员")


def refuse_if_disabled(ledger: Ledger) -> None:
    """NotAllowed when the logged-in user has been disabled since logging in (by an
    administrator in another window or on the command line: the key change waits for this
    program to close the ledger). Asked inside the write's transaction, so a disable committed
    by another program is seen; a ledger with no users (plain) has nobody to refuse."""
    if disabled_since_login(ledger):
        raise NotAllowed(said(DISABLED_SINCE, str(ledger.user)))


def disabled_since_login(ledger: Ledger) -> bool:
    """Whether the logged-in user has been disabled since logging in (another window, another
    program): the desktop then locks its window (`MainWindow.check_still_enabled`) — exports,
    prints and the county's decisions stop too, not only writes. False for a ledger with no
    users (plain)."""
    if ledger.user is None:
        return False
    found = users.user(ledger.db, ledger.user)
    return found is not None and found.disabled


def disable_user(ledger: Ledger, name: str) -> UserRow:
    """Disable a user: their password no longer opens the ledger (an administrator only).

    Then close the ledger and `rotate_key` it. Disabling a user already disabled is allowed:
    it is how a rotation that could not run is run again."""
    require_admin(ledger)
    name = check_name(name)
    found = users.user(ledger.db, name)
    if found is None:
        raise ValidationFailed(said(NO_SUCH_USER, name))
    if name == ledger.user:
        raise ValidationFailed(said(NOT_YOURSELF))
    _unlocked(ledger)
    users.set_disabled(ledger.db, name, True, ledger.user)
    _save_keys(ledger, lambda keys: keys.without_user(name))
    return users.user(ledger.db, name) or found


def check_enable(ledger: Ledger, name: str) -> UserRow:
    """The disabled user `name`, who an administrator may enable again; otherwise NotAllowed or
    ValidationFailed saying why (asked before a new password is)."""
    require_admin(ledger)
    name = check_name(name)
    found = users.user(ledger.db, name)
    if found is None:
        raise ValidationFailed(said(NO_SUCH_USER, name))
    if not found.disabled:
        raise ValidationFailed(said(NOT_DISABLED, name))
    return found


def enable_user(ledger: Ledger, name: str, password: str) -> UserRow:
    """Enable a disabled user again with a new password (an administrator only).

    Their slot was taken out of the key file when they were disabled (and the key rotated),
    so they get a new one; who enabled them, and when, is kept on their row."""
    found = check_enable(ledger, name)
    unlocked = _unlocked(ledger)
    slot = keyfile.Slot.make(check_password(password), unlocked.key)
    # The slot first: a crash before the row leaves a user still disabled (refused at login
    # whatever their password), never an enabled user without a way in.
    _save_keys(ledger, lambda keys: keys.with_slot(found.name, slot))
    users.set_disabled(ledger.db, found.name, False, ledger.user)
    users.password_changed(ledger.db, found.name, reset_by=_set_by(ledger, found.name))
    return users.user(ledger.db, found.name) or found


class RotationFailed(FieldappError):
    """The ledger could not be given a new key (the message says why); nothing changed.
    `busy`: another program holds it open (closing that program is the remedy; otherwise the
    disk or the key file is, as the message says)."""

    busy = False


#: The ledger's key not changed, and why (%1).
KEY_NOT_CHANGED = template("台账钥匙没有更换：%1")
#: A file of the key change not written, for a cause the clerk can act on (%1,
#: `saving.TROUBLES`), or for one no clerk can (the system's words go to the log).
FILE_NOT_WRITTEN_FOR = template("写不了文件（%1）")
FILE_NOT_WRITTEN = template("写不了文件")


def rotate_key(
    path: str | Path,
    unlocked: Unlocked,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Unlocked:
    """Re-encrypt the *closed* ledger at `path` under a new random database key, sealed to every
    remaining user and to the county (nobody's password is needed); atomic, as a conversion.

    Returns the new key; RotationFailed (nothing changed) when another program holds the ledger
    open or the new file cannot be written; Cancelled (nothing changed) when `cancel` said stop
    before the new copy took the ledger's place. `progress` hears how far it is."""
    try:
        return vault.rotate_key(path, unlocked, progress=progress, cancel=cancel)
    except Cancelled:
        raise
    except (FieldappError, OSError) as error:  # busy, a damaged key file, the disk
        failed = RotationFailed(key_not_changed(error))
        failed.busy = isinstance(error, vault.LedgerBusy)
        raise failed from error


def key_not_changed(error: FieldappError | OSError) -> Sentence:
    """Why the key was not changed: our own error's sentence; an OSError's cause where it is
    the disk's or the folder's (`saving.disk_cause`), else said generally (the system's own
    words, English on most systems, go to the log)."""
    if isinstance(error, FieldappError):
        return said(KEY_NOT_CHANGED, error.reason)
    log.warning("the ledger's new key not written: %s", error)
    cause = saving.disk_cause(error)
    written = said(FILE_NOT_WRITTEN) if cause is None else said(FILE_NOT_WRITTEN_FOR, cause)
    return said(KEY_NOT_CHANGED, written)


def reopen(path: str | Path, unlocked: Unlocked, author: str | None = None) -> Ledger:
    """The ledger at `path` opened again with a key already in hand (no password work)."""
    db = vault.open_with_key(path, unlocked.key, unlocked.keyfile)
    return Ledger(db, str(path), author, unlocked)


def verify_password(ledger: Ledger, name: str, password: str) -> bool:
    """True when `password` is `name`'s (the lock screen; wrong tries are counted)."""
    unlocked = _unlocked(ledger)
    keyfile.check_attempts(ledger.path)
    try:
        keyfile.current(ledger.path, unlocked.keyfile).unlock(name, password)
    except keyfile.WrongPassword:
        keyfile.record_failure(ledger.path)
        return False
    keyfile.record_success(ledger.path)
    found = users.user(ledger.db, normalise_name(name))
    return found is not None and not found.disabled


def _device_for_reset(
    hub_ledger: Ledger, ledger_path: Path
) -> tuple[Ledger, keyfile.KeyFile, bytes]:
    """The laptop's ledger opened with the hub's secret key (its county slot): the ledger, its
    key file's contents and its key. Refused when this is no hub, or the ledger has no slot
    this hub can open (not enrolled, or enrolled to another hub)."""
    identity = SyncState(hub_ledger.db).identity()
    if identity is None or identity.role != "hub":
        raise NotAllowed(said(HUB_ONLY))
    state = ledger_state(ledger_path)
    if state == "new":
        raise ValidationFailed(said(NO_LEDGER_FILE, str(ledger_path)))
    if state == "plain":
        problem = vault.keyfile_missing(ledger_path, state)
        raise problem or ValidationFailed(said(NO_PASSWORD_SET, ledger_path.name))
    keys = keyfile.load(ledger_path)
    if keys.county is None:
        raise NotAllowed(said(NOT_ENROLLED))
    key = keys.county.open(identity.box_secret)
    if key is None:
        raise NotAllowed(said(OTHER_HUB))
    db = open_database(ledger_path, key, keys.cipher)
    return Ledger(db, str(ledger_path), hub_ledger.author, Unlocked(key, keys, None)), keys, key


def _user_to_reset(ledger: Ledger, name: str) -> UserRow:
    """`name` on the laptop's ledger, to be given a new password: refused when there is no
    such user or they are disabled."""
    found = users.user(ledger.db, name)
    if found is None:
        raise ValidationFailed(said(NO_SUCH_USER_THERE, name))
    if found.disabled:
        refused = _disabled(said(RESET_DISABLED, name), name)
        # The county's command line speaks of that laptop's administrator's command.
        refused.cli_hint = f"（那台电脑上也可以用命令 fieldapp user enable {name} 重新启用）"
        raise refused
    return found


def check_county_reset(hub_ledger: Ledger, ledger_path: str | Path, name: str) -> None:
    """What `county_reset` would refuse before a new password is given — the ledger, its
    enrolment, the user's name, the user there and not disabled — so that the clerk is not
    asked for a password first (and a script not told it lacks one)."""
    ledger, _keys, _key = _device_for_reset(hub_ledger, Path(ledger_path))
    try:
        _user_to_reset(ledger, check_name(name))
    finally:
        ledger.close()


def county_reset(hub_ledger: Ledger, ledger_path: str | Path, name: str, password: str) -> UserRow:
    """The county's recovery path: with the laptop's ledger in hand, open its key with the
    hub's secret key (its county slot) and give `name` a new password.

    `hub_ledger` is the county hub's own ledger, open as one of its users. A device ledger not
    yet enrolled (or enrolled to another hub) has no slot this hub can open.
    """
    ledger_path = Path(ledger_path)
    ledger, keys, key = _device_for_reset(hub_ledger, ledger_path)
    try:
        name, password = check_name(name), check_password(password)
        found = _user_to_reset(ledger, name)
        # Argon2id before the key file's locked read-change-save: a colleague another program
        # adds meanwhile keeps their slot.
        slot = keyfile.Slot.make(password, key)
        # The hub's own record (the laptop's note can be erased by whoever knows the password),
        # kept in the same transaction as the new slot: no reset without its record.
        device = SyncState(ledger.db).identity()
        with hub_ledger.transaction():
            HubLog(hub_ledger.db).record_reset(
                hub_ledger.author,
                device.name if device is not None else "",
                name,
                str(ledger_path.resolve()),
            )
            keyfile.update(ledger_path, keys, lambda current: current.with_slot(name, slot))
        users.password_changed(ledger.db, name, reset_by=f"县级汇总中心 {hub_ledger.author}")
        keyfile.record_success(ledger_path)
        return users.user(ledger.db, name) or found
    finally:
        ledger.close()


def county_reset_at_hub(
    hub_dir: str | Path,
    hub_credentials: Credentials | None,
    ledger_path: str | Path,
    name: str,
    password: str,
) -> UserRow:
    """`county_reset` with the hub folder opened here, as one of the hub's users."""
    path = Path(hub_dir) / HUB_LEDGER
    url = Path(hub_dir) / HUB_STORE_URL
    location: str | Path = path
    if url.is_file():  # the hub's ledger is in PostgreSQL (no password of its own)
        location, hub_credentials = url.read_text(encoding="utf-8").strip(), None
    elif not path.is_file():
        raise NotAllowed(said(NOT_A_HUB_FOLDER, str(hub_dir)))
    elif ledger_state(path) != "encrypted":
        hub_credentials = None
    hub_ledger = Ledger.open(location, credentials=hub_credentials)
    try:
        return county_reset(hub_ledger, ledger_path, name, password)
    finally:
        hub_ledger.close()


def login_wait(ledger_path: str | Path) -> int:
    """Seconds a login to this ledger must wait after repeated wrong passwords (0: none).

    Kept beside the ledger, so closing and restarting the app does not reset it."""
    return keyfile.wait_needed(ledger_path)


def switch_user(ledger: Ledger, name: str, password: str) -> bool:
    """The lock screen: True when `name`'s password is right; the ledger then writes as
    `name` (who may be another user of the same ledger)."""
    name = normalise_name(name)
    if not verify_password(ledger, name, password):
        return False
    unlocked = _unlocked(ledger)
    if name != ledger.user:
        users.bind_user(ledger.db, name)
        ledger.unlocked = Unlocked(unlocked.key, unlocked.keyfile, name)
        ledger.user = ledger.author = name
    return True
