"""What a ledger file is for: real work, a demo of fictitious people, or a hub for training.

Demo data never reaches a county: a demo ledger is marked twice —

- its meta `ledger_kind` is `demo` (local: the title bar and every printed page say 演示台账);
- its device id starts with `demo-`, and so does the origin of every change it ever writes,
  which sync carries inside each signed bundle. A county hub that is not a training hub refuses
  any bundle holding a change from such an origin, whatever the sending program claims.

A training hub (`hub init --training`) has `ledger_kind` = `training_hub`; its enrolment files
say so, and only demo ledgers may enrol with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

KIND_KEY = "ledger_kind"
DEMO = "demo"
TRAINING_HUB = "training_hub"
#: Every change a demo ledger writes has an origin (device id) starting with this.
DEMO_ORIGIN = "demo-"


def kind(ledger: Ledger) -> str:
    """'demo', 'training_hub', or '' for a real ledger or hub."""
    return ledger.get_meta(KIND_KEY) or ""


def is_demo(ledger: Ledger) -> bool:
    """True for a demo ledger (fictitious people)."""
    return kind(ledger) == DEMO or ledger.device_id.startswith(DEMO_ORIGIN)


def is_training_hub(ledger: Ledger) -> bool:
    """True for a hub made for training days (it takes demo ledgers only)."""
    return kind(ledger) == TRAINING_HUB


def carries_demo(origins: Iterable[str | None]) -> bool:
    """True when any change origin (device id) is a demo ledger's."""
    return any(o is not None and o.startswith(DEMO_ORIGIN) for o in origins)


def is_empty(ledger: Ledger) -> bool:
    """True while the ledger holds no change at all (nothing written, nothing received)."""
    return bool(ledger.db.execute("SELECT NOT EXISTS (SELECT 1 FROM changes)").fetchone()[0])


def real_persons(ledger: Ledger) -> int:
    """Persons in a ledger that is not a demo (0 for a demo ledger)."""
    if is_demo(ledger):
        return 0
    return int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])


def set_kind(ledger: Ledger, value: str, device_id: str | None = None) -> None:
    """Record the ledger's kind (and a new device id: only for a ledger with no changes yet)."""
    with ledger.transaction():
        ledger.set_meta(KIND_KEY, value or None)
        if device_id is not None:
            ledger.set_meta("device_id", device_id)
            ledger.device_id = device_id
