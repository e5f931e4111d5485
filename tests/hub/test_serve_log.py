"""What `hub serve` writes to its log (the terminal, or the service's journal): a fault's
traceback and every request, never a person's data, a device's signature or a password."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from fieldapp.sync.errors import SyncError
from tests.hub.httpkit import header_for
from tests.sync.helpers import VILLAGE, add_family

ID_NUMBER = "520103199001011234"
ACCOUNT = "6217 0000 1234 5678 901"
PHONE = "13600001111"
NAME = "王秀英"
DB_PASSWORD = "Qiaotou-Hub-2026"

#: Run as `python -c`: the hub's own code with two faults put in — the kind a damaged row or a
#: bug brings — whose messages carry what they should never have carried to a log: a bundle's
#: values (a name, an ID number, an account, a phone), a database URL with its password, and
#: the device's signed request header (the county's status query: the device's own health
#: query, signed too, must still be answered). Then `fieldapp hub serve`, as the service runs it.
FAULTY_SERVE = f"""
import sys
from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import HubService
from fieldapp.sync import httpauth

def exchange(self, upload, sender=None):  # the upload's import, as the service calls it
    raise ValueError(
        "{NAME}（{ID_NUMBER}）的社保卡账号 {ACCOUNT} 与电话 {PHONE} 不一致；"
        "postgresql://fieldapp:{DB_PASSWORD}@db.county/hub"
    )

async def status(self, request):
    raise ValueError("读不懂请求头 " + request.headers[httpauth.HEADER])

Hub.import_file = exchange
HubService.status = status
sys.exit(main(sys.argv[1:]))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_hub_serve_logs_a_fault_without_personal_data_signatures_or_passwords(
    hub, make_device, tmp_path: Path
):
    """`hub serve` logged a fault's traceback as Python wrote it: the exception's message
    — a bundle's name, ID number, social-security account, phone, a database URL's password,
    a device's signed header — went in clear into the service's journal, which the county's
    IT and every backup keep. The desktop's log masks them; the hub's now does the same:
    the traceback's frames, the request line and the template stay, the values are masked."""
    village = make_device("甲村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    root = str(hub.root)
    hub.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = tmp_path / "hub-serve.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                FAULTY_SERVE,
                "hub",
                "serve",
                "--dir",
                root,
                "--port",
                str(port),
            ],  # fmt: skip
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        try:
            until = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(url + "v1/health", timeout=5).close()
                    break
                except OSError:
                    assert process.poll() is None, log_path.read_text("utf-8")
                    assert time.monotonic() < until, "hub serve did not start"
                    time.sleep(0.2)
            from fieldapp.sync.client import push

            with pytest.raises(SyncError):
                push(village, url)
            signed = header_for(village, "甲村", b"", path="/v1/status", method="GET")
            status, _ = _get(url + "v1/status", signed)
            assert status == 500
            time.sleep(0.5)
        finally:
            process.terminate()
            process.wait(timeout=30)
    text = log_path.read_text("utf-8")
    # What the county's IT needs to find the fault is there ...
    assert "Traceback" in text and "in exchange" in text and "ValueError" in text, text
    assert "回答 POST /v1/exchange 时出错" in text, text
    assert "回答 GET /v1/status 时出错" in text, text
    assert '"POST /v1/exchange HTTP/1.1" 500' in text, text
    # ... and nothing of a person's, a device's signature or a password.
    sig = signed.rsplit("sig=", 1)[1]
    nonce = signed.split("nonce=", 1)[1].split()[0]
    for secret in (NAME, ID_NUMBER, ACCOUNT, ACCOUNT.replace(" ", ""), PHONE, DB_PASSWORD,
                   sig, nonce, signed):  # fmt: skip
        assert secret not in text, (secret, text)


def _get(url: str, signed: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"X-Fieldapp-Auth": signed})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_hidden_password_a_header_and_numbers_of_a_log_line():
    """The hub's own password (given to `hub serve`), a header met as `name: value` and
    a URL's password are hidden; a status code or a port stays a number for its %d."""
    import logging

    from fieldapp.domain.redact import RedactingFormatter, hide, redact

    hide("Hub-口令-7b!")
    line = redact("打开失败：Hub-口令-7b! ；{'x-fieldapp-auth': 'v1 device=%E7 sig=QUJD'}")
    assert "Hub-口令-7b!" not in line and "QUJD" not in line and "%E7" not in line
    assert "x-fieldapp-auth" in line
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                               '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:8765", "GET", "/v1/health", "1.1", 200), None)  # fmt: skip
    assert (
        RedactingFormatter("%(message)s").format(record).endswith('"GET /v1/health HTTP/1.1" 200')
    )
    record.args = ("127.0.0.1:8765", "GET", "/v1/health", "1.1", 52010319900101)
    assert "52010319900101" not in RedactingFormatter("%(message)s").format(record)


def test_the_hubs_own_words_and_a_devices_name_are_logged_readable():
    """The hub's log line of its own trouble names the device and says what to do — the
    program's words and the name the county enrolled the device by (`redact.Kept`) — where it
    read 没有回答‹3字›的 POST /v1/exchange（中心自己的问题）：‹9字›（‹5字›、‹8字›），‹10字›; a
    value from a bundle or an exception in the same line is still masked."""
    import logging

    from fieldapp.domain.redact import Kept, RedactingFormatter
    from fieldapp.hub.server import LOST_LOGGED

    record = logging.LogRecord(
        "fieldapp.hub.server",
        logging.WARNING,
        __file__,
        1,
        "没有回答%s的 %s %s（中心自己的问题）：%s；%s",
        (Kept("红星村"), "POST", "/v1/exchange", Kept(LOST_LOGGED), f"{NAME} {ID_NUMBER}"),
        None,
    )
    line = RedactingFormatter("%(message)s").format(record)
    assert line.startswith(
        f"没有回答红星村的 POST /v1/exchange（中心自己的问题）：{LOST_LOGGED}；"
    ), line
    assert NAME not in line and ID_NUMBER not in line, line
    record.args = ("红星村", "POST", "/v1/exchange", LOST_LOGGED, "")
    assert "红星村" not in RedactingFormatter("%(message)s").format(record)  # not Kept: masked
