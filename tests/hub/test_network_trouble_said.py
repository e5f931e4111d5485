"""A hub not reached, its answer cut, or an answer that is not the hub's, said as sentences.

The sync client said these as text: 接收中心回复时中断：… with the system's own words for the
cause (`error.strerror`, English: "Connection reset by peer"), and the unsigned answer's warning
as a plain string, so the English window showed them in Chinese. They are sentences now
(`client.CANNOT_CONNECT`, `ANSWER_CUT`, `UNSIGNED_ANSWER`) with the cause in our words by the
network's trouble (`client._why`: refused, not found, timed out, cut off, no route …; a disk's
by its errno, `saving.TROUBLES`), the Chinese as before and English alike.

Real sockets on loopback: a port nothing listens on, one that never answers, one that answers
garbage, one that cuts its answer; a man in the middle answering unsigned."""

from __future__ import annotations

import errno
import re
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from fieldapp import saving
from fieldapp.domain.sentences import Sentence
from fieldapp.sync import client
from fieldapp.sync.errors import SyncError
from tests.english import in_english
from tests.hub.httpkit import free_port, relay
from tests.hub.test_forged_answer import (
    _Middle,
    county,  # noqa: F401 - fixture
)

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])

#: The templates said by the tests below (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {
    client.CANNOT_CONNECT,
    client.ANSWER_CUT,
    client.UNSIGNED_ANSWER,
    client.NOTHING_SERVES,
    client.NO_SUCH_ADDRESS,
    client.TIMED_OUT,
    client.NO_ROUTE,
    client.CERTIFICATE_UNVERIFIED,
    client.CUT_OFF,
    client.NETWORK_ERROR,
    client.NOT_HTTPS,
}

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@contextmanager
def _listening(act: Callable[[socket.socket], None] | None) -> Iterator[str]:
    """A loopback port, its URL given: each connection accepted and handed to `act` (None:
    none is ever accepted — the connection waits in the backlog, answered by nobody)."""
    server = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted, _ = server.accept()
            except OSError:
                continue
            with accepted:
                accepted.settimeout(5)
                act(accepted)  # type: ignore[misc]

    worker = threading.Thread(target=serve, daemon=True) if act is not None else None
    if worker is not None:
        worker.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    finally:
        stop.set()
        if worker is not None:
            worker.join(5)
        server.close()


def _read_request(connection: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            return
        data += chunk


def _garbage(connection: socket.socket) -> None:
    _read_request(connection)
    connection.sendall(b"HELLO THERE\r\n\r\n")


def _cut_answer(connection: socket.socket) -> None:
    """An answer whose body (chunked) stops halfway: the connection closed under it."""
    _read_request(connection)
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n1000\r\n" + b'{"hub": "' + b"x" * 100
    )


def _refused(ask: Callable[[], object]) -> SyncError:
    with pytest.raises(SyncError) as refused:
        ask()
    return refused.value


def _sentence(error: SyncError, template: str) -> Sentence:
    said = error.said
    assert isinstance(said, Sentence), str(error)
    assert said.template == template, said
    return said


@SQLITE
def test_a_hub_not_reached_or_its_answer_cut_is_said_in_our_words(
    hub,
    county,  # noqa: F811
    qapp,  # noqa: ANN001
) -> None:
    from fieldapp.ui.held_words import sentence_shown

    found: dict[str, tuple[SyncError, str]] = {}
    nowhere = f"http://127.0.0.1:{free_port()}/"
    found["refused"] = _refused(lambda: client.health(nowhere, timeout=5)), nowhere
    with _listening(None) as silent:
        found["timed_out"] = _refused(lambda: client.health(silent, timeout=0.5)), silent
    with _listening(_garbage) as odd:
        found["garbage"] = _refused(lambda: client.health(odd, timeout=5)), odd
    with _listening(_cut_answer) as cut:
        found["cut"] = _refused(lambda: client.county_status(county, cut, timeout=5)), cut
    handler = type("Middle", (_Middle,), {"hub_url": nowhere, "mode": "unsigned", "kept": {}})
    # The middle answers falsely and unsigned, whatever the hub says (it asks one first: a
    # real hub's address is not needed for the forgery, a refused one makes the relay fail).
    handler._hub = lambda self, *_a: (200, {}, b"{}")  # type: ignore[method-assign]
    with relay(handler) as middle:
        found["unsigned"] = _refused(lambda: client.held_changes(county, middle, timeout=5)), ""

    causes = {
        "refused": client.NOTHING_SERVES,
        "timed_out": client.TIMED_OUT,
        "garbage": client.NETWORK_ERROR,
        "cut": client.CUT_OFF,
    }
    for case, cause in causes.items():
        error, url = found[case]
        made = client.ANSWER_CUT if case == "cut" else client.CANNOT_CONNECT
        said = _sentence(error, made)
        assert isinstance(said.parts[-1], Sentence) and said.parts[-1].template == cause, said
        if made == client.CANNOT_CONNECT:
            assert said.parts[0] == url
            assert str(error) == f"无法连接到中心 {url}：{cause}。可改用U盘交换数据包"
        else:
            assert str(error) == f"接收中心回复时中断：{cause}。请稍后重试"
        assert "Errno" not in str(error) and "Connection" not in str(error)
    _sentence(found["unsigned"][0], client.UNSIGNED_ANSWER)
    assert str(found["unsigned"][0]) == client.UNSIGNED_ANSWER

    shown: dict[str, str] = {}
    with in_english():
        for case, (error, _url) in found.items():
            assert error.said is not None
            shown[case] = sentence_shown(error.said)
    for case, text in shown.items():
        assert not _CJK.search(text), (case, text)
    assert shown["refused"] == (
        f"Could not connect to the county hub at {nowhere}: no county hub is serving there "
        "(the connection was refused: the address or port is wrong, or the county's service "
        "is not running). You can exchange bundles on a USB stick instead"
    )
    assert shown["cut"].startswith("The county hub's answer was cut off while it came in: ")
    assert "the connection broke off midway" in shown["cut"]
    assert shown["unsigned"].startswith("This answer does not carry the county hub's valid")


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), client.NO_SUCH_ADDRESS),
        (OSError(errno.ENETUNREACH, "Network is unreachable"), client.NO_ROUTE),
        (OSError(errno.EHOSTUNREACH, "No route to host"), client.NO_ROUTE),
        (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), client.CUT_OFF),
        (
            ssl.SSLCertVerificationError(1, "certificate verify failed"),
            client.CERTIFICATE_UNVERIFIED,
        ),
        (OSError(errno.EPROTO, "Protocol error"), client.NETWORK_ERROR),
        # the answer written down: a full disk, by its errno (`saving.TROUBLES`)
        (OSError(errno.ENOSPC, "No space left on device"), saving.TROUBLES[errno.ENOSPC].cause),
    ],
)
def test_each_cause_is_said_by_its_sentence(error: OSError, cause: str) -> None:
    """The causes a loopback cannot make (a name not found needs a resolver, no route a
    network): what the system raises for them is said by our sentence, never its words."""
    said = client._why(error)
    assert said.template == cause
    assert error.strerror is None or error.strerror not in str(said)


@pytest.mark.parametrize("number", [errno.EPERM, errno.EACCES])
def test_a_connection_the_system_forbids_is_no_files_permission(
    monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    """A connection a firewall or security software forbids (Linux's connect() gives EPERM or
    EACCES) was said by the disk's table (`saving.disk_cause`): 没有写入权限，或文件正被其他程序
    （Excel、WPS…）打开 — a coordinator would go looking for an open spreadsheet. No file is
    written there: said as the network's trouble. (The system's socket is made to refuse: no
    loopback forbids a connection without root's firewall.)"""

    def forbidden(*_args: object, **_kwargs: object) -> socket.socket:
        raise PermissionError(number, "Operation not permitted")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    nowhere = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(SyncError) as failed:
        client.health(nowhere)
    said = failed.value.said
    assert said is not None and said.template == client.CANNOT_CONNECT, str(failed.value)
    assert "网络出错" in str(failed.value), str(failed.value)
    assert "Excel" not in str(failed.value) and "权限" not in str(failed.value), str(failed.value)
    # Writing the answer down, the same errno is the folder's: said by the disk's table.
    assert client._why(PermissionError(number, "Permission denied")).template == (
        saving.TROUBLES[number].cause
    )


def _plain_http(connection: socket.socket) -> None:
    """A plain http server (uvicorn, `hub serve`'s own port) met with a TLS hello: it answers
    400 in plain text and closes, as uvicorn does."""
    connection.recv(4096)
    connection.sendall(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )


def test_https_to_the_hubs_plain_port_says_write_http(
    qapp,  # noqa: ANN001
) -> None:
    """The README's `sync push https://县里地址/` (through nginx/Caddy) written for `hub serve`'s
    own port (https://127.0.0.1:8765/): the answer in plain http was said 网络出错, the clerk
    left to guess. It says the address is https:// and the hub there answers http://, and which
    to write when; in English alike."""
    from fieldapp.ui.held_words import sentence_shown

    with _listening(_plain_http) as plain:
        url = plain.replace("http://", "https://")
        error = _refused(lambda: client.health(url, timeout=5))
    said = _sentence(error, client.CANNOT_CONNECT)
    assert isinstance(said.parts[-1], Sentence), said
    assert said.parts[-1].template == client.NOT_HTTPS, str(error)
    assert "网络出错" not in str(error)
    assert "https://" in str(error) and "http://" in str(error) and "8765" in str(error)
    with in_english():
        shown = sentence_shown(said)
    assert not _CJK.search(shown), shown
    assert "does not use HTTPS" in shown, shown
