"""What no paper nor sheet may print: a UUID or a run of hex digits (`UUID_RE`, `HEX_RE`);
two device ids whose five letters coincide (`_coinciding_devices`)."""

from __future__ import annotations

import re

#: A UUID, or any run of 8+ hex digits with a letter in it (a device id, a row id cut short);
#: not an ID number or account (digits only). The 校验码 (a hash of what the page prints, which
#: the print log finds) is a checksum, not an id: taken out before looking.
UUID_RE = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
HEX_RE = re.compile(r"(?<![0-9a-z])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}(?![0-9a-z])", re.I)


def _coinciding_devices() -> tuple[str, str]:
    """Two change-log device ids (16 hex digits, as a ledger makes them) whose five letters
    are the same: found by trying, as two of a county's laptops might happen to be."""
    from fieldapp.domain.numbers import device_part

    seen: dict[str, str] = {}
    n = 0
    while True:
        device = f"{n:016x}"
        other = seen.setdefault(device_part(device), device)
        if other != device:
            return other, device
        n += 1
