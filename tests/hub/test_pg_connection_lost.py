"""`hub serve` on PostgreSQL when the database drops its connections (the server restarted,
a failover, an administrator ended them): the service carries on with new connections."""

from __future__ import annotations

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.sync.client import push
from tests.sync.helpers import VILLAGE, add_family


def _drop_connections(admin_url: str, database: str) -> int:
    """End every connection to `database`, as a restart of the PostgreSQL server does."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return len(rows)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_hub_serve_carries_on_after_the_database_dropped_its_connections(
    server, hub, make_device, postgres_admin
):
    """Every sync after a database restart failed with 中心处理这次请求时出错了 until the
    clerk restarted hub serve: each worker thread kept its dead connection for good."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    assert _drop_connections(postgres_admin, hub.ledger.db.raw.info.dbname) >= 1
    for seq in ("103", "105", "107"):
        add_family(village, VILLAGE, [seq], surname="李")
        push(village, server.url)  # served each time, with new connections
    again = Hub.open(hub.root)
    try:
        assert len(again.ledger.db.execute("SELECT id FROM persons").fetchall()) == 4
    finally:
        again.close()
