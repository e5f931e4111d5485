"""A hub's PostgreSQL connection lost while it commits, both ways it can go, on loopback.

`ENDED_AT_COMMIT`: a deferred trigger that has the server end the very connection committing
— the transaction is NOT recorded (as `tests.hub.test_hub_database_gone_answered` does for a
decision). `CutAtCommit`: a relay between the hub and the server's socket that passes a
COMMIT to the server and cuts the hub's side when the server's answer comes back — the
transaction IS recorded, and the hub is never told. The hub cannot tell the two apart.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import psycopg


def ended_at_commit(table: str, event: str = "INSERT") -> str:
    """The SQL of a deferred trigger on `table` whose firing, at COMMIT, has the server end
    the connection committing (dropped by `dropped_at_commit`)."""
    return f"""
CREATE FUNCTION ended_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_terminate_backend(pg_backend_pid());
    PERFORM pg_sleep(5);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER ended_at_commit AFTER {event} ON {table}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ended_at_commit();
"""


@contextmanager
def ended_while_committing(store_url: str, table: str, event: str = "INSERT") -> Iterator[None]:
    """Every transaction writing `table` ends its connection at COMMIT, unrecorded, until the
    block ends."""
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute(ended_at_commit(table, event))  # type: ignore[arg-type]
    try:
        yield
    finally:
        with psycopg.connect(store_url, autocommit=True) as admin:
            admin.execute(f"DROP TRIGGER ended_at_commit ON {table}")  # type: ignore[arg-type]
            admin.execute("DROP FUNCTION ended_at_commit()")


class CutAtCommit:
    """A relay on 127.0.0.1 to the PostgreSQL server's own socket (`url` names it for a hub
    folder's store.url). Once `arm`ed, the first connection that sends `after` (a statement's
    text) and then COMMIT has the COMMIT passed to the server, and is cut when the server's
    answer to it comes back: recorded, the client told nothing but a connection closed."""

    def __init__(self, admin_url: str) -> None:
        info = psycopg.conninfo.conninfo_to_dict(admin_url)
        self._socket = f"{info['host']}/.s.PGSQL.{info.get('port') or 5432}"
        self._user = str(info.get("user") or "postgres")
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._after: bytes | None = None
        self._lock = threading.Lock()
        #: Set when a connection was cut after its COMMIT was answered.
        self.cut = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database: str) -> str:
        """The relay's URL for `database`."""
        return (
            f"postgresql://{self._user}@127.0.0.1:{self.port}/{database}"
            "?sslmode=disable&gssencmode=disable"
        )

    def arm(self, after: bytes = b"INSERT INTO sync_imports") -> None:
        """Cut the next connection that commits after sending `after`."""
        with self._lock:
            self._after = after
        self.cut.clear()

    def close(self) -> None:
        """Stop taking connections (those open run to their end)."""
        with suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.connect(self._socket)
        except OSError:
            client.close()
            return
        state = {"primed": False, "muted": False}

        def up() -> None:  # the hub → the server
            try:
                while data := client.recv(65536):
                    with self._lock:
                        after = self._after
                        start = -1
                        if after is not None and after in data:
                            state["primed"] = True
                            start = data.index(after)
                        if state["primed"] and after is not None and b"COMMIT" in data[start + 1 :]:
                            self._after = None
                            state["muted"] = True
                    server.sendall(data)
                server.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        def down() -> None:  # the server → the hub
            try:
                while data := server.recv(65536):
                    if state["muted"]:  # the COMMIT's answer: committed; the hub never hears
                        with suppress(OSError):
                            client.shutdown(socket.SHUT_RDWR)
                        self.cut.set()
                        break
                    client.sendall(data)
            except OSError:
                pass
            finally:
                for end in (client, server):
                    with suppress(OSError):
                        end.close()

        threading.Thread(target=up, daemon=True).start()
        down()
