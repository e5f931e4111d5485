"""Personal data out of the application log (issue 16).

The log keeps what a helper needs to find a fault (the message template written in the code, the
exception's type and where it was raised) and masks what may be a person's: every run of six or
more digits (ID numbers, phones, bank and social-security-card accounts) and every run of Chinese
characters (names, addresses) in the *variable* parts — the values put into a message and the
text of an exception. The user saw that text in full on the screen; the log only needs its shape.
"""

from __future__ import annotations

import re

#: Six or more digits, possibly broken by spaces or hyphens, an ID's final X included.
_DIGITS = re.compile(r"\d(?:[\s-]?\d){5,}[Xx]?")
#: Chinese characters (basic block, extension A, compatibility, extensions B–G) and the middle
#: dot of minority names.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f·]+")


_EITHER = re.compile(f"(?P<digits>{_DIGITS.pattern})|(?P<han>{_HAN.pattern})")


def _mask(match: re.Match[str]) -> str:
    if match.group("digits"):
        return f"‹{sum(c.isdigit() for c in match.group())}位数字›"
    return f"‹{len(match.group())}字›"


def redact(text: str) -> str:
    """`text` with digit runs and Chinese text masked, their length kept."""
    return _EITHER.sub(_mask, text)


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
