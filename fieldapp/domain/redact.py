"""Personal data out of the application log (issue 16).

The log keeps what a helper needs to find a fault (the message template written in the code, the
exception's type and where it was raised) and masks what may be a person's: every run of six or
more digits (ID numbers, phones, bank and social-security-card accounts) and every run of Chinese
characters (names, addresses) in the *variable* parts — the values put into a message and the
text of an exception. The user saw that text in full on the screen; the log only needs its shape.

Secrets go whole: a device's signed request header (`X-Fieldapp-Auth`: its signature and
nonce), the password of a URL (postgresql://user:PASSWORD@host) or of a `password=` pair, and
any password the process was told to hide (`hide`: the hub's, when `hub serve` opens it), where it
stands as itself (a password of four digits is not masked inside a port or a count).
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import os
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

from fieldapp.domain.dates import CHINA
from fieldapp.paths import data_dir, make_private

#: Six or more digits, possibly broken by spaces or hyphens, an ID's final X included.
_DIGITS = re.compile(r"\d(?:[\s-]?\d){5,}[Xx]?")
#: Chinese characters (basic block, extension A, compatibility, extensions B–G) and the middle
#: dot of minority names.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]+")


#: A device's signed request header (httpauth: `v1 device=… key=… ts=… nonce=… length=…
#: sha256=… sig=…`), a signature or nonce field met alone, the value after a header's name, a
#: URL's password and a `password=` value.
_SECRET = (
    r"(?P<auth>\bv1 device=\S*(?: [a-z0-9]+=\S*)*)"
    r"|(?P<field>\b(?:sig|nonce)=[^\s'\",;]+)"
    r"|(?P<header>(?i:x-fieldapp-auth|authorization|cookie)['\"]?\s*[:=,]\s*['\"]?)[^'\"\r\n]+"
    r"|(?P<userinfo>\b[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)[^@\s/]+@"
    r"|(?P<pair>(?i:password|passwd|pwd)['\"]?\s*[:=]\s*['\"]?)[^\s'\",;&]+"
)
_EITHER = re.compile(f"{_SECRET}|(?P<digits>{_DIGITS.pattern})|(?P<han>{_HAN.pattern})")
_pattern = _EITHER
#: Passwords this process holds (`hide`), masked wherever they appear.
_hidden: set[str] = set()

SECRET = "‹已隐去›"


class Kept(str):
    """A value logged as it is: the program's own words (a sentence of its own, its advice to
    the county's clerk) or a name the county gave a device or its hub at enrolment (红星村) —
    what the clerk reading `hub serve`'s log must read to act, never a value typed about a
    person. Masked as any value, the hub's log said 没有回答‹3字›的 POST /v1/exchange（中心自己的
    问题）：‹9字›（‹5字›、‹8字›），‹10字›: which device, and what to do, unreadable."""

    __slots__ = ()


def hide(secret: str) -> None:
    """Mask `secret` (a password this process was given) wherever it would reach a log."""
    global _pattern
    if not secret or secret in _hidden:
        return
    _hidden.add(secret)
    literal = "|".join(_standing(s) for s in sorted(_hidden, key=len, reverse=True))
    _pattern = re.compile(f"(?P<hidden>{literal})|{_EITHER.pattern}")


def _standing(secret: str) -> str:
    """`secret` as a pattern met where it stands as itself: a secret beginning (ending) with a
    digit not inside a longer number. An all-digit one (a hub password of four digits) is
    not a port either (`host:8765`, where a URL's password is met by `userinfo`) nor part of
    a decimal — a short one masked wherever its digits stood blanked ports, counts and times
    from `hub serve`'s log."""
    before = r"(?<!\d)" if secret[0].isdigit() else ""
    after = r"(?!\d)" if secret[-1].isdigit() else ""
    if secret.isdigit():
        before, after = r"(?<![\d.])(?<![0-9A-Za-z]:)", r"(?!\.?\d)"
    return before + re.escape(secret) + after


def _mask(match: re.Match[str]) -> str:
    found = match.groupdict()
    if found.get("hidden") or found["auth"] or found["field"]:
        return SECRET
    for kept in ("header", "userinfo", "pair"):
        if found[kept]:
            return found[kept] + SECRET + ("@" if kept == "userinfo" else "")
    if found["digits"]:
        return f"‹{sum(c.isdigit() for c in match.group())}位数字›"
    return f"‹{len(match.group())}字›"


#: A run of percent-encoded bytes (a URL's path or query: `hub serve`'s access lines), a `+`
#: between them a space. After a byte of 0x80 and up, one plain character that may be the
#: second (or fourth) byte of a GBK/GB18030 character belongs to the run: a browser encodes
#: 燚 as %A0D, 𠀀 as %952%826 (a UTF-8 run is decoded just the same with it).
_BYTE = r"%[0-9A-Fa-f]{2}"
_TRAIL = r"(?<=%[89A-Fa-f][0-9A-Fa-f])[0-9@-~]"
_ENCODED = re.compile(f"{_BYTE}(?:(?:{_BYTE}|\\+|[0-9]|{_TRAIL})*(?:{_BYTE}|{_TRAIL}))?")
#: The encodings a run is read in: UTF-8, else GB18030 (GBK's superset, what older software
#: and browsers on Chinese Windows send) when it leaves fewer bytes unread.
_CODECS = ("utf-8", "gb18030")


def _decoded(match: re.Match[str]) -> str:
    """The run as the text it encodes (its control characters and line separators left
    encoded: %0A decoded would let a request's path write a line of its own into the log,
    %E2%80%A8 too for whatever splits lines as Python does, %E2%80%AE turn the line around);
    a byte that is no UTF-8 stays encoded, the text beside it decoded all the same (one stray
    %FF kept a name or an ID number beside it encoded, for anyone to decode). A run that is
    no UTF-8 but GBK/GB18030 (张三 as %D5%C5%C8%FD) is read as that, its name then masked."""
    raw = urllib.parse.unquote_to_bytes(match.group().replace("+", " "))
    readings = (raw.decode(codec, errors="surrogateescape") for codec in _CODECS)
    text = min(readings, key=_unread)  # the first, UTF-8, when no other reads more
    return "".join(
        urllib.parse.quote(ch, errors="surrogateescape") if _unsafe(ch) else ch for ch in text
    )


def _unread(text: str) -> int:
    """How many bytes a reading left undecoded (as surrogateescape's U+DC80–U+DCFF)."""
    return sum("\udc80" <= ch <= "\udcff" for ch in text)


def _unsafe(ch: str) -> bool:
    """A control or format character, a stray byte (a surrogate) or a line separator."""
    return unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp")


#: A secret hidden before decoding, where it stands until the text is masked.
_HELD = "\ue000"


def _hold_secret(match: re.Match[str]) -> str:
    """A secret (a password, a signature: hidden as written, before decoding could change what
    it matches) held as `_HELD`; digits and Chinese text left for after decoding."""
    if match.lastgroup in ("digits", "han"):
        return match.group()
    return _mask(match).replace(SECRET, _HELD)


def redact(text: str) -> str:
    """`text` with secrets hidden, digit runs and Chinese text masked (their length kept) —
    percent-encoded ones decoded first (a name or an ID number in a URL's path or query)."""
    if _ENCODED.search(text) is None:
        return _pattern.sub(_mask, text)
    held = _ENCODED.sub(_decoded, _pattern.sub(_hold_secret, text))
    return _pattern.sub(_mask, held).replace(_HELD, SECRET)


def redact_traceback(text: str) -> str:
    """A formatted traceback with its frames kept (file, line, function, source line) and every
    other line (exception messages, validation details) redacted."""
    out: list[str] = []
    after_frame = False
    for line in text.splitlines():
        if line.startswith('  File "'):
            out.append(line)
            after_frame = True
            continue
        if after_frame and line.startswith("    "):
            out.append(line)  # the source line, or its ^^^^ markers: code, not data
            continue
        after_frame = False
        out.append(redact(line))
    return "\n".join(out)


class RedactingFormatter(logging.Formatter):
    """Writes the code's message templates as they are and masks the values in them and the
    text of exceptions (names, ID numbers, phones, accounts, signatures and passwords never
    reach the log in clear): the desktop's fieldapp.log and `hub serve`'s log."""

    def format(self, record: logging.LogRecord) -> str:
        """The line, with `args` and a non-text message redacted."""
        safe = logging.makeLogRecord(record.__dict__)
        if not isinstance(safe.msg, str):
            safe.msg = redact(str(safe.msg))
        if safe.args:
            args = safe.args if isinstance(safe.args, tuple) else (safe.args,)
            safe.args = tuple(_safe_arg(a) for a in args)
            try:
                safe.getMessage()
            except (TypeError, ValueError):  # a %d given a masked number
                safe.msg, safe.args = redact(record.getMessage()), ()
        safe.exc_text = None
        return super().format(safe)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        """When, in China time with its offset whatever zone this computer keeps (a county
        server kept in UTC logged 02:31 for 10:31 at the office): 2026-12-04 10:31:00,250+08:00."""
        moment = dt.datetime.fromtimestamp(record.created, CHINA)
        if datefmt:
            return moment.strftime(datefmt)
        return f"{moment:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}{moment.isoformat()[-6:]}"

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        """The traceback: frames kept, messages redacted."""
        return redact_traceback(super().formatException(ei))


#: The application's log in the data folder: the desktop's and the command line's.
LOG_FILE = "fieldapp.log"
#: Past this size fieldapp.log becomes fieldapp.log.1 (.1 becomes .2, …); with the files kept
#: the log takes at most some 20 MB of a small disk, whatever a daily cron job adds for years.
LOG_MAX_BYTES = 5 * 1024 * 1024
#: The older files kept: fieldapp.log.1 to .3, the oldest dropped.
LOG_BACKUPS = 3


def app_log() -> Path:
    """fieldapp.log in the data folder, where a helper can find it."""
    return data_dir() / LOG_FILE


class SharedRotatingLog(logging.handlers.RotatingFileHandler):
    """fieldapp.log rotated by size while the desktop and a command (a cron `hub import`) may
    both be writing it. Each process has the file open: plain rotation by one left the other
    writing into the renamed fieldapp.log.1 (later .2, then a deleted file, its lines lost,
    its disk space held) and rotating again when that one grew — a second shift dropping the
    older files early. Here the size looked at is that of the file at the log's path; a process
    that finds the path no longer its file (another rotated it) opens the new one; the rotation
    itself is done under a lock on the file (POSIX), so two never both rotate it. Where the
    rename is refused (Windows, while another process holds the file open) the rotation waits
    for a later line and the lines go on into the same file — none lost, none on stderr."""

    def shouldRollover(self, record: logging.LogRecord) -> int:  # noqa: N802 - logging's name
        """Whether the file at the path is past the limit, after following another process's
        rotation."""
        self._follow()
        return int(self.maxBytes > 0 and self._size_at_path() >= self.maxBytes)

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        """Rotate under the lock, if no other process did meanwhile: the full file set aside
        first — where that is refused (Windows, another process holding it) nothing is shifted
        and no older file dropped — then .2 to .3, .1 to .2, and it to .1."""
        if self.stream is None:
            self.stream = self._open()
        locked = _lock(self.baseFilename)
        try:
            if self._still_ours() and self._size_at_path() >= self.maxBytes:
                self._rotate()
        finally:
            _unlock(locked)
            self._follow()  # another process's new file, or the one this opened

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        aside = f"{self.baseFilename}.0"
        try:
            os.replace(self.baseFilename, aside)
        except OSError:  # held open by another process: tried again at a later line
            self.stream = self._open()
            return
        for n in range(self.backupCount - 1, 0, -1):
            older = f"{self.baseFilename}.{n}"
            if os.path.exists(older):
                try:
                    os.replace(older, f"{self.baseFilename}.{n + 1}")
                except OSError:
                    pass  # held open (a viewer on Windows): replaced by the next one
        try:
            os.replace(aside, f"{self.baseFilename}.1")
        except OSError:
            os.replace(aside, self.baseFilename)  # kept whole, tried again later
        self.stream = self._open()

    def _open(self) -> Any:
        """The file at the path, its owner's only (so are the older files it is renamed to)."""
        stream = super()._open()
        make_private(self.baseFilename)
        return stream

    def _size_at_path(self) -> int:
        try:
            return os.stat(self.baseFilename).st_size
        except OSError:
            return 0

    def _still_ours(self) -> bool:
        """Whether the file at the path is the one this process writes."""
        if self.stream is None:
            return False
        try:
            at_path = os.stat(self.baseFilename)
        except OSError:
            return False
        return os.path.samestat(at_path, os.fstat(self.stream.fileno()))

    def _follow(self) -> None:
        """Write to the file at the path again when another process has rotated ours away."""
        if self.stream is not None and not self._still_ours():
            self.stream.close()
            self.stream = None  # opened again by the line written, if it can be
            self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A line that cannot be written (the disk full, the file unopenable) is left unwritten:
        logging put "--- Logging error ---", its traceback and the line's values in clear (a
        name, an ID number) on stderr — for a cron job or a service a journal on disk."""


def _lock(path: str) -> int | None:
    """An exclusive lock on the log at `path`, held on a descriptor of its own (the rotation
    closes the handler's stream before it renames): POSIX; Windows refuses the rename instead."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        held = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    fcntl.flock(held, fcntl.LOCK_EX)
    return held


def _unlock(held: int | None) -> None:
    if held is not None:
        os.close(held)  # its lock goes with it


def log_to(path: Path) -> logging.Handler:
    """Our loggers (information and up) written to `path`, redacted, the file readable by its
    owner only and rotated past LOG_MAX_BYTES (LOG_BACKUPS older files kept) — the desktop's
    log and the command line's (`hub serve` logs to its terminal or service log); the handler,
    already there when the process has a file handler."""
    root = logging.getLogger("fieldapp")
    root.setLevel(logging.INFO)
    held = next((h for h in root.handlers if isinstance(h, logging.FileHandler)), None)
    if held is not None:
        return held
    handler = SharedRotatingLog(
        path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    make_private(path)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return handler


def _safe_arg(value: object) -> object:
    """A value put into a log line: the program's own words or a device's name as they are
    (`Kept`), a small number (a status code, a count, a port) as it is (for %d), anything else
    as its redacted text."""
    if isinstance(value, Kept):
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number given as one is a count, a code or a port, never the password (text):
        # only the digits rule (an ID number passed as an int) applies.
        if _EITHER.sub(_mask, str(value)) == str(value):
            return value
    return redact(str(value))
