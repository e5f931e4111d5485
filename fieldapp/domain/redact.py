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
#: between them a space.
_ENCODED = re.compile(r"%[0-9A-Fa-f]{2}(?:(?:%[0-9A-Fa-f]{2}|\+|[0-9])*%[0-9A-Fa-f]{2})?")


def _decoded(match: re.Match[str]) -> str:
    """The run as the text it encodes (its control characters and line separators left
    encoded: %0A decoded would let a request's path write a line of its own into the log,
    %E2%80%A8 too for whatever splits lines as Python does, %E2%80%AE turn the line around);
    a byte that is no UTF-8 stays encoded, the text beside it decoded all the same (one stray
    %FF kept a name or an ID number beside it encoded, for anyone to decode)."""
    text = urllib.parse.unquote_plus(match.group(), errors="surrogateescape")
    return "".join(
        urllib.parse.quote(ch, errors="surrogateescape") if _unsafe(ch) else ch for ch in text
    )


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


def app_log() -> Path:
    """fieldapp.log in the data folder, where a helper can find it."""
    return data_dir() / LOG_FILE


def log_to(path: Path) -> logging.Handler:
    """Our loggers (information and up) written to `path`, redacted, the file readable by its
    owner only — the desktop's log and the command line's (`hub serve` logs to its terminal or
    service log); the handler, already there when the process has a file handler."""
    root = logging.getLogger("fieldapp")
    root.setLevel(logging.INFO)
    held = next((h for h in root.handlers if isinstance(h, logging.FileHandler)), None)
    if held is not None:
        return held
    handler = logging.FileHandler(path, encoding="utf-8")
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
