"""A county hub's PostgreSQL gone from under an import — the connection ended by an
administrator (`pg_terminate_backend`, 57P01), the server shut down or crashed (57P02), still
recovering (57P03), or the connection lost (SQLSTATE class 08, or libpq's own word without a
code) — is the hub's own trouble, as its read-only or full store is (`exchange.OWN_TROUBLE`):
the bundle is not quarantined, nothing is kept against its device, the village is told to
sync again later, and the same bundle goes in once the hub has a connection again. It was
read as the bundle's fault (`invalid`): quarantined, and held against the device."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import psycopg.errors
import pytest

from fieldapp.cli.main import DATABASE_LOST_AT_COMMIT_SAID, DATABASE_LOST_SAID, main
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.saving import LOST, ledger_trouble
from fieldapp.store.hub_state import HubLog
from fieldapp.store.postgres import WRITER_LOCK
from fieldapp.sync import httpauth
from fieldapp.sync.errors import HUB_TROUBLE_SAID, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.hub.httpkit import header_for, post
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


class _EndedMidImport:
    """Hold the hub's writer lock from a second connection, so that an import waits on it
    inside its transaction; then end the hub's connection that waits (`pg_terminate_backend`,
    as an administrator or a restart does) and let the lock go."""

    def __init__(self, url: str) -> None:
        self.other = psycopg.connect(url, autocommit=True)
        self.other.execute("SELECT pg_advisory_lock(%s)", [WRITER_LOCK])

    def end_the_waiting_import(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            rows = self.other.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' "
                "AND wait_event = 'advisory'"
            ).fetchall()
            if rows:
                for (pid,) in rows:
                    self.other.execute("SELECT pg_terminate_backend(%s)", [pid])
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the import never waited on the writer lock")

    def close(self) -> None:
        self.other.execute("SELECT pg_advisory_unlock_all()")
        self.other.close()


def _ended_under(store_url: str, work: Callable[[], object]) -> None:
    """Run `work` (an import) in a thread while `_EndedMidImport` ends the hub's connection
    that waits inside it, then let the writer lock go and wait for `work` to finish."""
    ender = _EndedMidImport(store_url)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        ender.end_the_waiting_import()
    finally:
        ender.close()  # the writer lock let go: what comes after may go in
    worker.join(120)
    assert not worker.is_alive()


@contextmanager
def _reopened(hub: Hub) -> Iterator[Hub]:
    """The hub opened again on a new connection, as `hub serve` opens one; closed after."""
    again = Hub.open(hub.root)
    try:
        yield again
    finally:
        again.close()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_bundle_that_meets_the_database_gone_is_not_held_against_its_device(
    hub: Hub, store_url: str, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101", "103"])
    bundle = export_bundle(village, tmp_path / "up.fieldsync").path
    before = bundle.read_bytes()
    failed: list[BaseException] = []

    def importing() -> None:
        try:
            hub.import_file(bundle, sender="红星村")
        except BaseException as error:  # noqa: BLE001 - what the import met, for the test
            failed.append(error)

    _ended_under(store_url, importing)
    (error,) = failed
    assert isinstance(error, BundleRefused), repr(error)
    assert error.code == "busy", error
    assert "连接断开" in str(error), error
    assert bundle.read_bytes() == before  # where it came from, whole
    assert not list(hub.folders.quarantine.iterdir())
    assert not list(hub.folders.inbox.iterdir())
    with _reopened(hub) as again:
        assert HubLog(again.ledger.db).refusals("红星村") == []
        (device,) = [d for d in again.status() if d["device"] == "红星村"]
        assert device["refused"] == 0 and device["refused_bundles"] == 0, device
        assert again.ledger.get("persons", persons[0]) is None
        again.import_file(bundle, sender="红星村")  # the same file goes in
        assert all(again.ledger.get("persons", p) is not None for p in persons)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_an_import_on_a_connection_already_ended_is_refused_as_the_hubs_trouble(
    hub: Hub, store_url: str, make_device, tmp_path: Path
) -> None:
    """The hub's connection ended while it waited between two imports (a restart of the
    server, an administrator's `pg_terminate_backend`): the next single `import_file` is
    refused as the hub's own trouble (busy, the connection lost), as one ended mid-import is —
    it raised psycopg's bare OperationalError, read before the import's handling (the
    quarantine's share, the hub's identity)."""
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101"])
    bundle = export_bundle(village, tmp_path / "up.fieldsync").path
    before = bundle.read_bytes()
    own = hub.ledger.db.execute("SELECT pg_backend_pid()").fetchone()[0]
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [own])
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(bundle, sender="红星村")
    assert refused.value.code == "busy", refused.value
    assert "连接断开" in str(refused.value), refused.value
    assert bundle.read_bytes() == before
    assert not list(hub.folders.quarantine.iterdir())
    assert not list(hub.folders.inbox.iterdir())
    assert not hub.ledger.reachable()
    # The import itself (as a caller other than the hub's folder makes it): likewise.
    with pytest.raises(BundleRefused) as direct:
        import_bundle(hub.ledger, bundle, folders=hub.folders, sender="红星村")
    assert direct.value.code == "busy" and "连接断开" in str(direct.value), direct.value
    assert not list(hub.folders.quarantine.iterdir())
    assert hub.ledger.reconnect()  # the connection opened again: the same file goes in
    assert HubLog(hub.ledger.db).refusals("红星村") == []
    hub.import_file(bundle, sender="红星村")
    assert hub.ledger.get("persons", persons[0]) is not None


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_over_http_the_village_is_told_to_sync_later_and_the_upload_goes_in(
    hub: Hub, store_url: str, settings: ServiceSettings, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101"])
    body = export_bundle(village, tmp_path / "up.fieldsync").path.read_bytes()
    answers: list[tuple[int, object]] = []
    with ServerThread(hub.root, settings) as server:

        def posting() -> None:
            answers.append(
                post(server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)})
            )

        _ended_under(store_url, posting)
        ((status, answer),) = answers
        assert status == 503 and isinstance(answer, dict), (status, answer)
        assert answer["error"] == "busy"
        assert answer["message"] == HUB_TROUBLE_SAID["busy"], answer
        status, _ = post(server.url, body, {httpauth.HEADER: header_for(village, "红星村", body)})
        assert status == 200
    with _reopened(hub) as again:
        assert HubLog(again.ledger.db).refusals("红星村") == []
        assert all(again.ledger.get("persons", p) is not None for p in persons)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_batch_goes_on_with_a_new_connection_after_the_database_ended_one(
    hub: Hub, store_url: str, make_device, tmp_path: Path
) -> None:
    """The connection ended under the batch's first bundle: that one waits for the next run
    (busy, kept out of quarantine), the rest go in on a new connection. Every remaining
    bundle was refused as busy on the dead one."""
    bundles: list[Path] = []
    people: list[str] = []
    for n, name in enumerate(["红星村", "新寨村", "石桥村"], start=1):
        village = make_device(name, f"52050210100{n}")
        _, persons = add_family(village, f"52050210100{n}", [f"{n}01"])
        bundles.append(export_bundle(village, tmp_path / f"up{n}.fieldsync").path)
        people += persons if n > 1 else []
    outcomes: list[object] = []
    _ended_under(store_url, lambda: outcomes.append(hub.import_files(bundles)))
    (done,) = outcomes
    assert isinstance(done, list)
    first, *rest = done
    assert first.code == "busy" and "连接断开" in first.error, first
    assert [(o.code, o.error) for o in rest] == [(None, None)] * 2, rest
    assert all(o.result is not None and o.result.new_changes for o in rest)
    assert not list(hub.folders.quarantine.iterdir())
    assert hub.ledger.reachable()
    assert all(hub.ledger.get("persons", p) is not None for p in people)
    hub.import_file(bundles[0], sender="红星村")  # the first one goes in on its next run


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_batch_whose_database_takes_no_new_connection_waits_whole(
    hub: Hub, store_url: str, postgres_admin: str, make_device, tmp_path: Path
) -> None:
    """The database ended the connection and takes no new one yet (as while it restarts):
    the batch's bundles all wait for a next run, each said so; the batch does not fail on
    the dead connection."""
    bundles = []
    for n, name in enumerate(["红星村", "新寨村"], start=1):
        village = make_device(name, f"52050210100{n}")
        add_family(village, f"52050210100{n}", [f"{n}01"])
        bundles.append(export_bundle(village, tmp_path / f"up{n}.fieldsync").path)
    outcomes: list[object] = []
    ender = _EndedMidImport(store_url)
    admin = psycopg.connect(postgres_admin, autocommit=True)
    database = ender.other.info.dbname
    try:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        worker = threading.Thread(target=lambda: outcomes.append(hub.import_files(bundles)))
        worker.start()
        ender.end_the_waiting_import()
        ender.other.execute("SELECT pg_advisory_unlock_all()")
        worker.join(120)
    finally:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        admin.close()
        ender.close()
    assert not worker.is_alive()
    (done,) = outcomes
    assert isinstance(done, list)
    assert [o.code for o in done] == ["busy", "busy"], done
    assert all("连接断开" in o.error for o in done), done
    assert not list(hub.folders.quarantine.iterdir())
    with _reopened(hub) as again:
        assert [o.code for o in again.import_files(bundles)] == [None, None]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_another_command_that_meets_the_database_gone_says_so(
    hub: Hub, store_url: str, make_device, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command other than an import (here `hub revoke`) whose connection the database ends
    under its write (the server's own 57P01, as `pg_terminate_backend` sends it): one sentence
    that the connection was lost and nothing of this command was kept — it raised."""
    make_device("红星村", VILLAGE)
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute(
            "CREATE FUNCTION end_me() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); "
            "RETURN NEW; END $$"
        )
        admin.execute(
            "CREATE TRIGGER end_me BEFORE UPDATE ON sync_peers "
            "FOR EACH ROW EXECUTE FUNCTION end_me()"
        )
    capsys.readouterr()
    code = main(["hub", "revoke", "--dir", str(hub.root), "--device", "红星村"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.strip() == "错误：" + DATABASE_LOST_SAID, err
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute("DROP TRIGGER end_me ON sync_peers")
    with _reopened(hub) as again:
        assert again.device("红星村").revoked_at is None


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_command_whose_connection_went_at_commit_is_not_said_undone(
    hub: Hub, store_url: str, make_device, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same command whose connection the database ends while it commits (a deferred
    trigger, run at COMMIT): whether the revocation was recorded is not known to the command
    — it is not said that nothing was kept, but that it cannot be told, and to look."""
    make_device("红星村", VILLAGE)
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute(
            "CREATE FUNCTION end_me() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); "
            "RETURN NULL; END $$"
        )
        admin.execute(
            "CREATE CONSTRAINT TRIGGER end_me AFTER UPDATE ON sync_peers "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION end_me()"
        )
    capsys.readouterr()
    code = main(["hub", "revoke", "--dir", str(hub.root), "--device", "红星村"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.strip() == "错误：" + DATABASE_LOST_AT_COMMIT_SAID, err
    assert "没有完成" not in err, err
    with psycopg.connect(store_url, autocommit=True) as admin:
        admin.execute("DROP TRIGGER end_me ON sync_peers")


def test_the_database_gone_is_read_by_its_code() -> None:
    errors = psycopg.errors
    assert ledger_trouble(errors.AdminShutdown("terminating connection")) == LOST
    assert ledger_trouble(errors.CrashShutdown("crash")) == LOST
    assert ledger_trouble(errors.CannotConnectNow("starting up")) == LOST
    assert ledger_trouble(errors.ConnectionFailure("connection failure")) == LOST
    assert ledger_trouble(errors.ConnectionException("lost")) == LOST
    # libpq's own: the server closed the connection, no code.
    assert ledger_trouble(psycopg.OperationalError("server closed the connection")) == LOST
    assert ledger_trouble(errors.QueryCanceled("statement timeout")) == ""
    assert ledger_trouble(errors.UniqueViolation("terminating connection")) == ""
    assert ledger_trouble(ConnectionError("server closed the connection")) == ""
