"""The policy in force on the open ledger, loaded once (again after an import or an install).

The policy depends on the ledger: the county pack its hub published (signature checked), and
on devices that may install packs by hand, the data folder's packs
(`fieldapp.services.policy_admin`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.paths import data_dir
from fieldapp.policy.pack import Policy
from fieldapp.services.policy_admin import PolicyState, load_policy

if TYPE_CHECKING:
    from fieldapp.services.ledgers import Ledger

_states: dict[tuple[str, str], PolicyState] = {}


def state(ledger: Ledger) -> PolicyState:
    """The policy in force on `ledger`, the hub pack it rests on and what was refused."""
    key = (str(data_dir()), str(ledger.path))
    if key not in _states:
        _states[key] = load_policy(ledger)
    return _states[key]


def policy(ledger: Ledger) -> Policy:
    """The policy in force on `ledger`."""
    return state(ledger).policy


def policy_or_none(ledger: Ledger) -> Policy | None:
    """The policy in force, or None when no pack can be loaded (papers still print)."""
    try:
        return policy(ledger)
    except Exception:  # noqa: BLE001 - a broken pack shows on the settings page, not here
        return None


def reset() -> None:
    """Forget loaded policies (after an import, an install or a pack edited on disk)."""
    _states.clear()
