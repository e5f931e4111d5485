"""The policy in force, loaded once per process (the settings page reloads it)."""

from __future__ import annotations

from fieldapp.policy.pack import Policy
from fieldapp.policy.registry import PolicyRegistry

_registry: PolicyRegistry | None = None


def registry() -> PolicyRegistry:
    """The shared registry (bundled packs plus the county packs installed in the data folder)."""
    global _registry
    if _registry is None:
        _registry = PolicyRegistry()
    return _registry


def policy() -> Policy:
    """The policy in force."""
    return registry().policy()


def reset() -> None:
    """Forget the loaded policy (another data folder, or a newly installed pack)."""
    global _registry
    _registry = None
