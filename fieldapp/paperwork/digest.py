"""Content hashes printed in every footer, so a signed paper can be matched to the ledger later.

The hash covers the canonical data a paper prints (its view model, without the print time), so
printing the same ledger state twice gives the same code and any changed name, ID number or
amount gives another. Notices hash their masked rows: the code never reveals a full ID.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any

#: Hex digits printed; 12 (48 bits) is easy to read aloud and collision-free in practice.
SHORT = 12


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        # Amounts compare by their printed cents, so 500 and 500.0 hash alike.
        return f"{value:.2f}"
    return value


def canonical(view: Any) -> str:
    """The canonical JSON of a view model (sorted keys, no spaces, Chinese kept)."""
    return json.dumps(_plain(view), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(view: Any) -> str:
    """The full SHA-256 hex digest of a view's canonical JSON."""
    return hashlib.sha256(canonical(view).encode("utf-8")).hexdigest()


def short_hash(view: Any) -> str:
    """The code printed in footers: the first 12 hex digits of `content_hash`."""
    return content_hash(view)[:SHORT]
