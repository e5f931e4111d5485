"""The number a paper prints for a claim or a batch (申请编号、批次编号): read out, looked up.

A row's id is a UUID: 36 characters of hex nobody reads over the phone or copies off a notice
board. Its number is made from the change that created it — the device that wrote it and that
device's own count of changes, the pair the change log already keeps unique and every ledger
keeps for the row as it syncs — written as five letters for the device and the count in
figures: ``KMTAX-1234``. Five letters from 24 (no I or O, which read as 1 and 0) tell the
county's devices apart — the hub binds no new change-log id whose letters another id it knows
gives (`sync.intake`, `number_clash`: a device picks its id, a tampered one could try ids until
one prints another's numbers); the count tells one device's rows apart, claims and batches alike. So
one number is one row on every ledger, from the moment the row arrives, without a stored
column to fill, sync or trust: the device part is the sender the hub already binds the change
to. A row the county accepted from a change the hub held keeps the number its device printed:
the county's change names the device's (`HELD_KEY`), and the row's creating key is that one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from fieldapp.domain.dates import CHINA

#: The letters of a device's part: no I or O (read as 1 and 0).
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
#: How many letters name a device (24⁵ ≈ 8 million parts).
DEVICE_LETTERS = 5

#: The field of a claim or batch the county accepted from a held change, keeping the key of the
#: change its device made it with (migration m0036): the row's creating key, read for its number.
HELD_KEY = "held_key"

_NUMBER = re.compile(rf"([{LETTERS}]{{{DEVICE_LETTERS}}})-([1-9][0-9]*)")


def device_part(device_id: str) -> str:
    """The five letters naming the device whose change log id is `device_id`."""
    value = int.from_bytes(hashlib.sha256(device_id.encode("utf-8")).digest()[:8], "big")
    letters = []
    for _ in range(DEVICE_LETTERS):
        value, index = divmod(value, len(LETTERS))
        letters.append(LETTERS[index])
    return "".join(letters)


def row_number(creating_key: str | None) -> str:
    """The number of the row whose creating change's key (`_ckey`: 'stamp/device:seq') is
    given; '' when there is none (a row the ledger holds no creating change of)."""
    _stamp, _slash, change_id = (creating_key or "").rpartition("/")
    device_id, colon, seq = change_id.rpartition(":")
    if not colon or not device_id or not seq.isdigit() or int(seq) < 1:
        return ""
    return f"{device_part(device_id)}-{int(seq)}"


def made_day(creating_key: str | None) -> dt.date | None:
    """China's day of a row's creating stamp (`_ckey`: 'wall ms-counter/change id'), or None."""
    try:
        wall = int(str(creating_key).split("-", 1)[0]) / 1000
        return dt.datetime.fromtimestamp(wall, CHINA).date()
    except (ValueError, OverflowError, OSError):
        return None


def parse_number(text: str) -> tuple[str, int] | None:
    """A number as typed (spaces around it, lower case, a full-width dash) as its device part
    and count, or None when it is not one."""
    plain = text.strip().upper().replace("－", "-").replace("—", "-").replace(" ", "")
    found = _NUMBER.fullmatch(plain)
    return (found[1], int(found[2])) if found else None


__all__ = ["HELD_KEY", "device_part", "made_day", "parse_number", "row_number"]
