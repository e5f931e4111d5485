"""Fixtures for policy tests: the seeds' pack loaded from fieldapp/resources/."""

from __future__ import annotations

import pytest

from fieldapp.policy.pack import Policy
from fieldapp.policy.registry import PolicyRegistry


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The bundled seeds' pack, no county packs."""
    import tempfile
    from pathlib import Path

    return PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
