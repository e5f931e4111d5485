"""What no dialog a coordinator sees may contain: the program's insides.

Every message box of the UI tests passes through `assert_plain` (tests/ui/conftest.py wraps
QMessageBox): no UUIDs, rule ids, device ids, command names, ISO time stamps or program files.
A user's own file (where a PDF was saved) may be named.
"""

from __future__ import annotations

import re

#: (what it is, how it looks) — each a sign of text written for programmers.
INSIDES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("UUID", re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)),
    ("rule id", re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")),
    ("device id", re.compile(r"\b[0-9a-f]{16}\b")),
    ("command", re.compile(r"\bfieldapp\s+[a-z]|(?<![\w-])--[a-z]")),
    ("time stamp", re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")),
    ("program file", re.compile(r"\.py\b|site-packages|Traceback|Error\b")),
)


#: A user's file named in a message (a folder chosen, a PDF saved): looked at for program
#: files only, since its folder names are the user's (or a test's temporary folder).
USER_FILE = re.compile(r"(?:[A-Za-z]:)?[\\/][^\s，。；：、（）()“”]*")


def insides(text: str) -> list[str]:
    """The kinds of program insides found in `text` (empty when it is plain)."""
    words = USER_FILE.sub(" ", text)
    return [
        f"{kind}: {found.group(0)}"
        for kind, rx in INSIDES
        if (found := rx.search(text if kind == "program file" else words))
    ]


def assert_plain(text: str) -> None:
    """Fail naming what a coordinator should not have been shown."""
    found = insides(text)
    assert not found, f"dialog text shows the program's insides {found}: {text!r}"
