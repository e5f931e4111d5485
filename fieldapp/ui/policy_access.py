"""The policy in force, loaded once per data folder (the settings page installs county packs)."""

from __future__ import annotations

from fieldapp.paths import data_dir
from fieldapp.policy.pack import Policy
from fieldapp.policy.registry import PolicyRegistry

_registries: dict[str, PolicyRegistry] = {}


def registry() -> PolicyRegistry:
    """The registry of the current data folder (bundled packs plus installed county packs)."""
    key = str(data_dir())
    if key not in _registries:
        _registries[key] = PolicyRegistry()
    return _registries[key]


def policy() -> Policy:
    """The policy in force."""
    return registry().policy()


def reset() -> None:
    """Forget loaded policies (e.g. after packs changed on disk)."""
    _registries.clear()
