"""`fieldapp hub serve` started while the hub's PostgreSQL server is down (a reboot that starts
the hub's service before PostgreSQL): it failed at once with 连不上中心台账所在的 PostgreSQL
数据库 and exit code 1 — under systemd (`Restart=on-failure`, docs/hub.md) restarted five times
in a second and then given up, the hub down until someone came. Now it serves all the same:
one line says the database cannot be reached; every request, `/v1/health` first, is answered
503 with `Retry-After` (not signed: the hub's key is in that database) and the county's words
that it cannot do it now; once PostgreSQL is back, the next request opens the hub and it serves
as ever, with no restart. A database set up wrong (a name that is not there) still fails at
start, with the same clear message and no traceback.

A real PostgreSQL of this test's own (pgserver, as the suite's), stopped and started again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import LOST_LOGGED, RETRY_AFTER_S
from fieldapp.store.ledger import Ledger
from fieldapp.store.postgres import create_database
from fieldapp.sync.client import HELD_NOT_GIVEN, county_status, held_changes, push
from fieldapp.sync.errors import HUB_TROUBLE_ASKED, SyncError
from tests.hub.test_forged_answer import county  # noqa: F401 - fixture
from tests.hub.test_serve_log import _free_port
from tests.sync.helpers import VILLAGE, add_family


class _Postgres:
    """A PostgreSQL server of one test's own, which it stops and starts (pgserver's pg_ctl)."""

    def __init__(self) -> None:
        import pgserver

        self.folder = Path(tempfile.mkdtemp(prefix="fieldapp-pg-down-"))
        self.server = pgserver.get_server(self.folder, cleanup_mode="stop")
        self.uri = self.server.get_uri()
        self.socket_dir = self.server.get_postmaster_info().socket_dir

    def _pg_ctl(self, *args: str) -> None:
        from pgserver._commands import pg_ctl

        pg_ctl(list(args), pgdata=self.server.pgdata, user=self.server.system_user, timeout=60)

    def stop(self) -> None:
        """Stopped as a shutdown stops it: its connections ended, none taken."""
        self._pg_ctl("-w", "-m", "fast", "stop")

    def start(self) -> None:
        """Started again on the same socket (the same URL)."""
        self._pg_ctl(
            "-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.server.log), "start"
        )  # fmt: skip

    def close(self) -> None:
        self.server.cleanup()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_postgres() -> Iterator[_Postgres]:
    made = _Postgres()
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def store_url(own_postgres: _Postgres) -> str:
    """The hub's database on this test's own server (the suite's `hub` fixture takes it)."""
    return create_database(own_postgres.uri, "hub_down")


def _serve(root: Path, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log_file:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fieldapp",
                "hub",
                "serve",
                "--dir",
                str(root),
                "--port",
                str(port),
            ],  # fmt: skip
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )


def _health(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url + "v1/health", timeout=30) as response:
            return response.status, _lower(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, _lower(error.headers), error.read()


def _lower(headers: Any) -> dict[str, str]:  # noqa: ANN401
    return {name.lower(): value for name, value in headers.items()}


def _answered(url: str, process: subprocess.Popen[bytes], log_path: Path) -> Any:  # noqa: ANN401
    until = time.monotonic() + 60
    while True:
        try:
            return _health(url)
        except OSError:
            assert process.poll() is None, log_path.read_text("utf-8")
            assert time.monotonic() < until, "hub serve did not start"
            time.sleep(0.2)


def test_hub_serve_started_before_its_database_serves_once_it_is_back(  # noqa: PLR0913
    hub: Hub,
    own_postgres: _Postgres,
    make_device,  # noqa: ANN001
    county: Ledger,  # noqa: F811
    tmp_path: Path,
) -> None:
    village = make_device("红星村", VILLAGE)
    _, persons = add_family(village, VILLAGE, ["101"])
    root, fingerprint = hub.root, hub.fingerprint
    hub.close()
    own_postgres.stop()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "hub-serve.log"
    process = _serve(root, port, log_path)
    try:
        status, headers, body = _answered(url, process, log_path)
        assert status == 503, (status, body)
        assert headers.get("retry-after") == str(RETRY_AFTER_S), headers
        # A village's sync: told the hub cannot be reached now, the address right.
        with pytest.raises(SyncError) as refused:
            push(village, url)
        assert "中心暂时无法访问（HTTP 503）" in str(refused.value), str(refused.value)
        assert "稍后再试" in str(refused.value), str(refused.value)
        # The county's query: what did not happen, and the hub's words — not that someone
        # may be answering in the hub's place (the answer is not signed: it carries no code).
        with pytest.raises(SyncError) as asked:
            held_changes(county, url)
        assert str(asked.value) == f"{HELD_NOT_GIVEN}：{HUB_TROUBLE_ASKED}", str(asked.value)
        assert process.poll() is None, log_path.read_text("utf-8")
        own_postgres.start()
        # Back: the same service serves, signed, the hub as it was; the upload goes in.
        status, _headers, body = _health(url)
        assert status == 200 and fingerprint in body.decode("utf-8"), (status, body)
        push(village, url)
        (device,) = [d for d in county_status(county, url)["devices"] if d["device"] == "红星村"]
        assert device["refused_bundles"] == 0 and not device.get("hub_trouble"), device
        assert held_changes(county, url)["held"] == []
        assert process.poll() is None
    finally:
        process.terminate()
        process.wait(timeout=30)
    text = log_path.read_text("utf-8")
    said = [line for line in text.splitlines() if "还连不上它的数据库" in line]
    assert len(said) == 1, text
    assert "连不上中心台账所在的 PostgreSQL 数据库" in said[0], said
    assert "恢复后自动照常服务" in said[0], said
    assert "已连上中心的数据库，照常服务" in text, text
    # each request answered while waiting is logged in the hub's words (`redact.Kept`), not
    # masked as ‹9字›
    assert f"（中心自己的问题）：{LOST_LOGGED}" in text, text
    assert "Traceback" not in text and " ERROR " not in text, text
    again = Hub.open(root)
    try:
        assert all(again.ledger.get("persons", p) is not None for p in persons)
    finally:
        again.close()


def test_hub_serve_on_a_database_that_is_not_there_fails_at_start(
    hub: Hub, own_postgres: _Postgres, tmp_path: Path
) -> None:
    """A database set up wrong is no reboot's order: waiting puts nothing right, so `hub
    serve` says what is wrong and stops (exit code 1, no traceback), as before."""
    root = hub.root
    hub.close()
    import psycopg

    with psycopg.connect(own_postgres.uri, autocommit=True) as admin:
        admin.execute('DROP DATABASE "hub_down" WITH (FORCE)')
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "fieldapp",
            "hub",
            "serve",
            "--dir",
            str(root),
            "--port",
            str(_free_port()),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "数据库服务器上没有名为「hub_down」的数据库" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
