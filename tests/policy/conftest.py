"""Fixtures for policy tests: the seeds' pack loaded from fieldapp/resources/."""

from __future__ import annotations

import pytest

from fieldapp.policy.combine import combine
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from tests.policy.helpers import COUNTY_PACK


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The bundled seeds' pack, no county packs."""
    import tempfile
    from pathlib import Path

    return PolicyRegistry(local=Path(tempfile.mkdtemp())).load()


@pytest.fixture(scope="session")
def county_policy() -> Policy:
    """The seeds' pack with a county's figures (transport 500 元, posts 600 元/月, line 650)."""
    import tempfile
    from pathlib import Path

    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(COUNTY_PACK, "county.toml"))])
