"""Fixtures of the hub suite: a hub folder, enrolled devices, a real server on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from tests.sync.conftest import hub, make_device  # noqa: F401 - fixtures shared with sync


@pytest.fixture
def settings() -> ServiceSettings:
    """Service limits for a test (small cap and short timeouts, so tests stay quick)."""
    return ServiceSettings(
        max_upload_mb=2, header_timeout_s=2, body_idle_timeout_s=1.5, keep_alive_s=2
    )


@pytest.fixture
def server(hub: Hub, settings: ServiceSettings) -> Iterator[ServerThread]:  # noqa: F811
    """The hub folder served over HTTP on 127.0.0.1 (a free port), stopped afterwards."""
    with ServerThread(hub.root, settings) as running:
        yield running
