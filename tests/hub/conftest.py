"""Fixtures of the hub suite: a hub folder on SQLite and on a real PostgreSQL, enrolled devices,
a real server on loopback.

PostgreSQL 16 comes from the `pgserver` wheel: started once per test session from a temporary
folder (about a second, no root, no system service), a fresh database for each test, stopped
at the end.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.postgres import create_database
from tests.sync.conftest import make_device  # noqa: F401 - shared with the sync suite

BACKENDS = ["sqlite", "postgresql"]
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[str]:
    """The URL of a PostgreSQL server the tests started themselves (stopped afterwards)."""
    import pgserver

    # Not under pytest's own (owner-only) folder: run as root, pgserver starts PostgreSQL as
    # an unprivileged user, who must be able to reach the data folder.
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-pg-"))
    server = pgserver.get_server(folder, cleanup_mode="stop")
    import psycopg

    with psycopg.connect(server.get_uri(), autocommit=True) as admin:
        # A throwaway server: no waiting on the disk (the shared CI disk is slow to fsync).
        for setting in ("fsync", "synchronous_commit", "full_page_writes"):
            admin.execute(f"ALTER SYSTEM SET {setting} = off")
        admin.execute("SELECT pg_reload_conf()")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which store the hub keeps its ledger in."""
    return str(request.param)


@pytest.fixture
def store_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for SQLite (hub.db in the folder), else a fresh PostgreSQL database's URL."""
    if backend == "sqlite":
        return None
    admin = request.getfixturevalue("postgres_admin")
    return create_database(admin, f"hub_{next(_numbers)}")


@pytest.fixture
def hub(tmp_path: Path, store_url: str | None) -> Iterator[Hub]:
    """A fresh hub folder, on the backend of this run."""
    made = Hub.init(tmp_path / "hub", store=store_url)
    yield made
    made.close()


@pytest.fixture
def settings() -> ServiceSettings:
    """Service limits for a test (small cap and short timeouts, so tests stay quick)."""
    return ServiceSettings(
        max_upload_mb=2, header_timeout_s=2, body_idle_timeout_s=1.5, keep_alive_s=2
    )


@pytest.fixture
def server(hub: Hub, settings: ServiceSettings) -> Iterator[ServerThread]:
    """The hub folder served over HTTP on 127.0.0.1 (a free port), stopped afterwards."""
    with ServerThread(hub.root, settings) as running:
        yield running
