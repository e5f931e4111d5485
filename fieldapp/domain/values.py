"""When two stored values are the same cell: one rule for the spreadsheet update (does the
sheet change the ledger?) and for a kept sheet conflict (is the ledger's cell still what the
import saw?)."""

from __future__ import annotations

from typing import Any

_BLANK = (None, "")


def same_value(old: Any, new: Any) -> bool:
    """True when `new` is what `old` holds, as a clerk reads them: blank is blank (None, ''),
    a blank is never a written value, a yes/no by its truth, numbers by value (1 is 1.0), and
    the rest as text (a phone 13800000001 read as a number is the ledger's text of it).

    The two copies this replaces differed on the rest: the update compared text, so a blank
    ledger cell was "the same" as a sheet's word None (str(None) == "None"); the conflict
    check compared with ==, so the ledger's text "3000" was not its kept number 3000 (a value
    the clerk sees as the same, refused as changed). Text it is, but a blank stays blank."""
    old_blank, new_blank = old in _BLANK, new in _BLANK
    if old_blank or new_blank:
        return old_blank and new_blank
    if isinstance(new, bool) or isinstance(old, bool):
        return bool(old) == bool(new)
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return float(old) == float(new)
    return str(old) == str(new)
