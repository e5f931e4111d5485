"""Raw HTTP against the hub: signed or forged headers, slow and oversized bodies."""

from __future__ import annotations

import hashlib
import http.client
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync import httpauth
from tests.sync.helpers import keys_of


def address(url: str) -> tuple[str, int]:
    """Host and port of a server URL."""
    parts = urllib.parse.urlsplit(url)
    assert parts.hostname and parts.port
    return parts.hostname, parts.port


def header_for(
    device: Ledger | None,
    name: str,
    body: bytes,
    path: str = "/v1/exchange",
    method: str = "POST",
    now: float | None = None,
    secret: bytes | None = None,
) -> str:
    """A signature header over `body` as device `name` (with its own or another key)."""
    key = secret if secret is not None else keys_of(device).sign_secret  # type: ignore[arg-type]
    return httpauth.sign_request(
        method, path, name, key, len(body), hashlib.sha256(body).hexdigest(), now
    )


def post(
    url: str, body: bytes, headers: dict[str, str], path: str = "/v1/exchange"
) -> tuple[int, dict[str, Any] | bytes]:
    """POST `body`; (status, JSON or bytes). A connection the server cut counts as status 0."""
    connection = http.client.HTTPConnection(*address(url), timeout=30)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
    except (ConnectionResetError, BrokenPipeError):
        return 0, b""
    finally:
        connection.close()
    kind = response.getheader("Content-Type", "")
    return response.status, json.loads(data) if kind.startswith("application/json") else data


def raw_request(url: str, head: bytes, timeout: float = 30) -> socket.socket:
    """A socket that has sent `head` (request line and headers, maybe part of a body)."""
    sock = socket.create_connection(address(url), timeout=timeout)
    sock.sendall(head)
    return sock


def read_status(sock: socket.socket) -> int | None:
    """The status of the response on `sock`, or None when the server just closed it."""
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    if not data:
        return None
    return int(data.split(b" ", 2)[1])


def hub_footprint(hub: Hub) -> dict[str, Any]:
    """Everything a request could have left behind: files under the hub folder and row counts.

    Waits (up to 5 s) for answers already sent to be deleted: that happens just after the
    response went out.
    """
    until = time.monotonic() + 5
    while any((hub.root / "uploads").glob("*answer*")) and time.monotonic() < until:
        time.sleep(0.02)
    files = sorted(
        str(p.relative_to(hub.root))
        for p in hub.root.rglob("*")
        if p.is_file() and not p.name.startswith("hub.db")
    )
    db = hub.ledger.db
    counts = {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("changes", "sync_imports", "sync_quarantine", "hub_exchanges")
    }
    return {"files": files, "rows": counts}


def bundle_bytes(path: Path) -> bytes:
    """A bundle file's bytes."""
    return Path(path).read_bytes()


@contextmanager
def relay(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """`handler` served on loopback (a man in the middle between a device and its hub), its
    URL given (and set as `handler.url`); stopped afterwards."""
    running = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{running.server_address[1]}"
    handler.url = url  # type: ignore[attr-defined]
    try:
        yield url
    finally:
        running.shutdown()
        running.server_close()


def free_port() -> int:
    """A port free on loopback now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def hub_serve(root: Path, *extra: str, output: Path | None = None) -> Iterator[str]:
    """`fieldapp hub serve` of the folder `root` in a process of its own — its clock is the real
    one, whatever a test does to this process's — its URL given once it answers; stopped
    (SIGTERM: uvicorn shuts down cleanly) afterwards. `output`: where its terminal output goes
    (none kept without)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "fieldapp", "hub", "serve", "--dir", str(root)]
    with open(output or os.devnull, "wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port), *extra], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        until = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "v1/health", timeout=5).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < until, "hub serve not up"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
