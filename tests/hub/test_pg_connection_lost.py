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


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_sessions_lost_connection_is_opened_again_in_place(hub, make_device, postgres_admin):
    """A worker's hub session whose connection the database ended: its connection is opened
    again (`Ledger.reconnect`) and the session kept — it was closed and a whole new session
    opened (its identity read again, the hub's indexes looked over, a new lock). While the
    server takes no connection the request fails as before, and the next one goes on."""
    import psycopg

    from fieldapp.hub.folder import HubSessions

    make_device("红星村", VILLAGE)
    sessions = HubSessions(hub.root)
    try:
        first = sessions.get()
        gate, lock = first.ledger.write_gate, first.lock
        database = first.ledger.db.raw.info.dbname
        assert _drop_connections(postgres_admin, database) >= 1
        assert not first.ledger.reachable()
        again = sessions.get()
        assert again is first and again.lock is lock and again.ledger.write_gate is gate
        assert again.ledger.reachable()
        assert again.device("红星村").name == "红星村"
        with psycopg.connect(postgres_admin, autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
            try:
                _drop_connections(postgres_admin, database)
                with pytest.raises(psycopg.OperationalError):
                    sessions.get()
            finally:
                admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        assert sessions.get() is first and first.ledger.reachable()
        assert first.device("红星村").name == "红星村"
    finally:
        sessions.close()
