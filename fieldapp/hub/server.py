"""The hub's HTTP service: Starlette on uvicorn; a device proves who it is before its body is kept.

```
POST /v1/exchange  signed header + a bundle sealed to the hub  → 200 + the device's bundle
GET  /v1/status    signed header of a county device             → 200 the county's devices (JSON)
GET  /v1/held      signed header of a county device (?status=)  → 200 held changes (JSON)
POST /v1/held/accept, /v1/held/dismiss   a county device, signed small JSON body
                                                                 → 200 the decided held change
POST /v1/held/rejudge  a county device, signed {"reviewer"}    → 200 what the clock rules
                                                                 cleared now, what stays held
GET  /v1/health                                                  → 200 name, fingerprint, upload cap (signed when asked signed)
```

Why Starlette on uvicorn: both are small, pure Python at the edges, widely used and released
monthly; uvicorn runs inside this process (the tests start a real server on a thread, the hub
needs no second program) and hands the body over chunk by chunk with back-pressure, so a body
goes to disk as it arrives. granian (a Rust server) was the other candidate: faster at HTTP,
but it runs its own worker processes, which makes it harder to embed and to test, and speed at
the HTTP layer is not what limits a hub (importing is).

What a request goes through, in order (nothing is written before step 4):

1. headers must arrive within `header_timeout_s` (uvicorn itself never times out a new
   connection that sends nothing, so `_HubProtocol` closes it);
2. the `X-Fieldapp-Auth` header (`fieldapp.sync.httpauth`) is checked against the enrolled
   devices: unknown key or bad signature → 401, revoked → 403, stale or replayed → 401;
3. the signed length must be the Content-Length and at most `max_upload_mb` (else 413);
4. the body streams into `HUBDIR/uploads/` while being hashed; a pause longer than
   `body_idle_timeout_s` or a rate below `min_rate_bytes_s` ends it with 408; a hash other
   than the signed one → 400; in every such case the partial file is deleted;
5. at most `max_exchanges` imports/answers run at once (the rest wait their turn); imports
   and answers of different devices share only the store's own writer lock.

Serve plain HTTP on 127.0.0.1 and put TLS in a reverse proxy (docs/hub.md, docs/deploy/).
"""

from __future__ import annotations

import asyncio
import dataclasses
import errno
import functools
import hashlib
import io
import json
import logging
import os
import secrets
import socket
import sys
import threading
import time
import unicodedata
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route
from uvicorn.config import LOGGING_CONFIG
from uvicorn.protocols.http.h11_impl import H11Protocol

from fieldapp import __version__
from fieldapp.domain.credentials import Credentials
from fieldapp.domain.dates import china_minute, now_stamp
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.places_said import PlaceWording, place_part, say_place
from fieldapp.domain.redact import Kept, RedactingFormatter, hide
from fieldapp.domain.roles import said_to_devices, signed_author
from fieldapp.domain.sentences import Sentence, said, sentence_data, template
from fieldapp.hub import own_clock, rejected
from fieldapp.hub.folder import (
    DevicesWords,
    Hub,
    HubSessions,
    StoreUnreachable,
    comes_back,
    devices_changed,
    devices_word,
)
from fieldapp.paths import build_label
from fieldapp.reference import divisions
from fieldapp.saving import LOST, is_disk_full, ledger_trouble, unsure_commit
from fieldapp.services.users import check_name
from fieldapp.store.held import HELD, REPORT_TEXT_MAX, HeldChange
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.sync_state import Peer
from fieldapp.sync import httpauth
from fieldapp.sync.errors import (
    ANSWER_NOT_MADE,
    HUB_TROUBLE_ASKED,
    HUB_TROUBLE_SAID,
    UNSURE_RECORDED,
    UNSURE_RECORDED_SAID,
    UNSURE_UPLOADED,
    AlreadyImported,
    BundleRefused,
    SyncError,
)
from fieldapp.sync.exchange import BUSY, DISK_FULL, READ_ONLY, UNSURE, own_trouble
from fieldapp.sync.files import stamp
from fieldapp.sync.intake import restored_said

log = logging.getLogger("fieldapp.hub")

#: Default upload cap, from the bench (bench/bench_hub.py, docs/scale.md): a device's first
#: bundle is about 240 bytes per person (5.7 changes each, ~42 bytes per change compressed and
#: sealed). The largest relocation site in Guizhou holds about 40,000 people: ~10 MB today,
#: and ~100 MB once five years of monthly status (60 more changes a person) ride along in a
#: first upload after a restore (`sync export --full`). 256 MB leaves 2.5 times that while
#: keeping what a stranger could make the hub store bounded.
DEFAULT_MAX_UPLOAD_MB = 256

STATUS_OF = {
    "unknown_key": HTTPStatus.FORBIDDEN,
    "revoked": HTTPStatus.FORBIDDEN,
    "wrong_recipient": HTTPStatus.FORBIDDEN,
    "foreign_change": HTTPStatus.FORBIDDEN,
    "replay": HTTPStatus.CONFLICT,
    "number_clash": HTTPStatus.CONFLICT,
    "disk_full": HTTPStatus.INSUFFICIENT_STORAGE,
    "busy": HTTPStatus.SERVICE_UNAVAILABLE,
    "read_only": HTTPStatus.SERVICE_UNAVAILABLE,
    UNSURE_RECORDED: HTTPStatus.SERVICE_UNAVAILABLE,
}


@dataclass(frozen=True)
class ServiceSettings:
    """Limits of the HTTP service (`fieldapp hub serve` sets the upload cap)."""

    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB
    #: Imports/answers at once; more wait (with their body already on disk). Two cores: two.
    max_exchanges: int = 2
    #: Open connections beyond this get 503 at once (uvicorn's limit_concurrency).
    max_connections: int = 200
    #: A new connection must have sent its request line and headers by then.
    header_timeout_s: float = 15.0
    #: Longest pause between two pieces of a body.
    body_idle_timeout_s: float = 30.0
    #: Slowest average upload rate accepted (after a 60 s grace): a 50 MB bundle at 16 KB/s
    #: takes 53 minutes, about what a poor 3G line in a mountain village manages.
    min_rate_bytes_s: int = 16 * 1024
    #: How long an idle keep-alive connection stays open.
    keep_alive_s: int = 5
    #: Signed requests one village or township device may make in ten minutes, and a county
    #: device (its desktop decides held changes one request each); past them 429
    #: (`httpauth.DEVICE_REQUESTS`, `COUNTY_REQUESTS`).
    requests_per_device: int = httpauth.DEVICE_REQUESTS
    requests_per_county_device: int = httpauth.COUNTY_REQUESTS
    #: Nonces remembered at once; full, new requests get 503 (`httpauth.NONCE_LIMIT`).
    max_nonces: int = httpauth.NONCE_LIMIT

    @property
    def max_upload_bytes(self) -> int:
        """The cap in bytes."""
        return self.max_upload_mb * 1024 * 1024


class _Refusal(Exception):
    """An HTTP refusal: status, code for programs, Chinese message for people."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str | Sentence,
        facts: dict[str, object] | None = None,
    ) -> None:
        super().__init__(str(message))
        self.status = status
        self.code = code
        #: The refusal's sentence where it was made of one (`HUB_REFUSALS`' templates): sent
        #: signed beside its text (`reason_said`) for a device to say in its window's language.
        self.said = message if isinstance(message, Sentence) else None
        #: Facts in `message` a device says in its own words (`client.refused_upload`): when
        #: it was revoked, the upload limit.
        self.facts = facts


@dataclass(frozen=True)
class Signer:
    """Signs a refusal of one request: (status, body) → `httpauth.REFUSAL_HEADER`'s value, over
    the refusal, the request's path, device and nonce (`httpauth.sign_refusal`); `clock`:
    whether the hub tells its clock (`hub_time`) — not while it doubts it (`own_clock`)."""

    claimed: httpauth.SignedRequest
    target: str
    secret: bytes
    clock: bool = True

    def __call__(self, status: int, body: bytes) -> str:
        return httpauth.sign_refusal(self.claimed, self.target, status, body, self.secret)


def _error(
    status: int,
    code: str,
    message: str,
    close: bool = False,
    numbers: dict[str, object] | None = None,
    sign: Signer | None = None,
) -> JSONResponse:
    """A refusal: its code, its words, and any numbers a device acts on (`received`); signed by
    the hub (`sign`, `HubService._signer`) for the device to check before it acts on them,
    with the hub's clock (`hub_time`): a device refused for its own clock being off (`stale`)
    learns by how much, and says so (`services.clock`) — unless the hub doubts its own clock
    (`Signer.clock`)."""
    headers = {"Connection": "close"} if close else None
    body: dict[str, object] = {"error": code, "message": message, **(numbers or {})}
    if sign is not None and sign.clock:
        body["hub_time"] = now_stamp()
    response = JSONResponse(body, status, headers=headers)
    if sign is not None:
        response.headers[httpauth.REFUSAL_HEADER] = sign(status, bytes(response.body))
    return response


def _unsure_upload(device: str, sign: Signer | None) -> JSONResponse:
    """The answer to `device`'s upload whose import lost the hub's PostgreSQL connection while
    it was committed (`exchange.UNSURE`, `saving.unsure_commit`): the database may have
    recorded it or not. Signed 503 `UNSURE_RECORDED` with `Retry-After` — the same upload
    later is safe: a bundle imported already is known by its id, and a new one of the same
    changes brings none the hub holds — in the device's words (`UNSURE_UPLOADED`), never
    没有导入; one warning line in the hub's log. Not counted as an upload the hub's own trouble
    kept out (`hub_trouble`: said 没有导入 on the county's desktop)."""
    log.warning(
        "不能确定是否已导入%s的数据包（中心自己的问题）：保存时与中心的数据库断开了连接，"
        "数据库可能已经记下，也可能没有；设备再同步时，已导入的修改不会重复导入",
        Kept(device),
    )
    answer = _error(
        HTTPStatus.SERVICE_UNAVAILABLE, UNSURE_RECORDED, UNSURE_UPLOADED, close=True, sign=sign
    )
    answer.headers["Retry-After"] = str(RETRY_AFTER_S)
    return answer


def _refused(
    refused: _Refusal | httpauth.AuthRefused, sign: Signer | None, close: bool = False
) -> JSONResponse:
    """`_error` of a refusal of any request, with the facts a device says in its own words
    (`_Refusal.facts`: when it was revoked …, `client.refused_request`): an upload's and a
    county device's query or decision alike."""
    facts = dict(refused.facts or {}) if isinstance(refused, _Refusal) else {}
    if isinstance(refused, _Refusal) and refused.said is not None:
        facts["reason_said"] = sentence_data(refused.said)
    return _error(
        refused.status, refused.code, str(refused), close=close, numbers=facts or None, sign=sign
    )


def _target(request: Request) -> str:
    """The path and query of a request, as its device signed them."""
    return request.url.path + (f"?{request.url.query}" if request.url.query else "")


def _write_all(fd: int, chunk: bytes) -> None:
    """Write all of `chunk` to `fd` (a write may take only part of it)."""
    while chunk:
        chunk = chunk[os.write(fd, chunk) :]


#: What a device is told when the hub itself failed while answering (a damaged row of its
#: ledger, a bug): no traceback, no path, no id; the hub's log has the details.
INTERNAL_ERROR = (
    "中心处理这次请求时出错了（详情已记在中心的运行日志里）。请稍后再同步一次；"
    "一直这样，请告诉县里管理汇总中心的同志"
)

#: What a device is told of its upload the hub imported but could not answer (its database
#: gone, its disk full, a fault while making the answer; `ANSWER_NOT_MADE`, HTTP 500): a
#: device says it in its own words (`client.IMPORTED_UNANSWERED`), an older one shows these
#: after 同步没有完成：.
ANSWER_NOT_MADE_SAID = (
    "中心已经收到并导入了这次上传的修改，只是给本机的回复没有做成（中心自己的问题，详情在中心的"
    "运行日志里）：请稍后再同步一次，取回中心的回复，本机不用重新录入；一直这样，请告诉县里管理"
    "汇总中心的同志"
)

#: The code under which `hub_trouble` counts a device's upload the hub could not store for a
#: reason other than its full disk (`HubService._take_upload`; a full one counts as
#: `disk_full`).
NOT_STORED = "not_stored"

#: What a device is told when it starts an upload while its previous one is still being
#: received or imported (a second window, a retry while the first still trickles in).
UPLOADING = (
    "本机上一次同步还没有结束（中心正在接收或导入它的数据包），请稍后再同步；"
    "上一次已经中断的，中心一分钟内就会停止等待"
)

Endpoint = Callable[[Request], Awaitable[Response]]

#: How often the service checks its own clock (`own_clock`), at most.
CLOCK_CHECK_S = 60.0
#: What a device refused for its request's time is told while the hub doubts its own clock.
STALE_HUB_CLOCK = (
    "请求时间与中心相差太多：这次多半是中心电脑的日期不对（不是本机的）。本机照常录入；"
    "请告诉县里管理汇总中心的同志把中心电脑的日期和时间改对，之前可先用U盘交换数据包"
)


#: How long a device is asked to wait (`Retry-After`, seconds) before it asks again when the
#: hub's own store could not answer (`HubService._own_trouble_answer`): about what a
#: PostgreSQL restart takes.
RETRY_AFTER_S = 60

#: What the hub's log says of a request that met its own trouble (`exchange.OWN_TROUBLE`),
#: for the county's clerk: by its code (every one of `OWN_TROUBLE`: a code missing here
#: would fail the answer itself), or its database gone (`saving.LOST`).
TROUBLE_LOGGED = {
    BUSY: "中心的数据库正忙（另一项写入占着），请稍后再看",
    READ_ONLY: "中心的数据库只接受读取（可能连到了备用库，或被设为只读），请与数据库管理员联系",
    DISK_FULL: "中心的磁盘已满，请腾出磁盘空间",
    UNSURE: "中心的数据库在保存时断开了连接（数据库重启、关闭或连接被断开），不能确定是否已记下",
}
LOST_LOGGED = "连不上中心的数据库（数据库重启、关闭或连接被断开），下一次请求会重新连接"


def _trouble_logged(error: Exception, code: str) -> str:
    """The hub's log line for its own trouble (`code`, `exchange.own_trouble`'s): its database
    gone, or by its code."""
    return LOST_LOGGED if ledger_trouble(error) == LOST else TROUBLE_LOGGED[code]


#: What answers a request that met the hub's own trouble (`HubService._own_trouble_answer`),
#: or None when the error is not that.
TroubleAnswer = Callable[[Request, Exception], Response | None]


def _answering(endpoint: Endpoint, own: TroubleAnswer | None = None) -> Endpoint:
    """`endpoint`, answering an unexpected error with 500 and `INTERNAL_ERROR` as JSON (the
    device shows the message) and logging its traceback on the hub's log; Starlette answered
    a plain-text 500 "Internal Server Error", which the device could only show as HTTP 500.
    An error that is the hub's own trouble (`own`: its database taking no connection while it
    restarts, read-only, its disk full) is answered as that, not as a fault."""

    @functools.wraps(endpoint)
    async def answer(request: Request) -> Response:
        try:
            return await endpoint(request)
        except Exception as error:  # noqa: BLE001 - every failure gets an answer the device can show
            trouble = own(request, error) if own is not None else None
            if trouble is not None:
                return trouble
            log.exception("回答 %s %s 时出错", request.method, request.url.path)
            return _error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal", INTERNAL_ERROR, close=True)

    return answer


class HubService:
    """One hub folder behind HTTP: settings, replay cache, limits and per-thread hub sessions."""

    def __init__(
        self,
        root: Path,
        settings: ServiceSettings | None = None,
        credentials: Credentials | None = None,
    ) -> None:
        self.root = Path(root)
        self.settings = settings or ServiceSettings()
        self.sessions = HubSessions(self.root, credentials)
        self.uploads = self.root / "uploads"
        self.uploads.mkdir(parents=True, exist_ok=True)
        # One service per hub folder: a second one would clear the first's uploads in progress
        # below, and a request replayed to the other would be in neither's replay cache.
        self._serving = _hold(self.root / "serve.lock")
        try:
            # The words a device authenticated is remembered with (`_known_device`), made
            # here once: never on behalf of a request. Where they cannot be made, the service
            # remembers no device while its database is gone (`_peer_by_key`: None).
            if devices_word(self.root) is None:
                with suppress(SyncError):
                    devices_changed(self.root)
            self._devices_words = DevicesWords(self.root)
            # The nonces of the last minutes, kept across a restart (`httpauth.NonceCache`).
            self.nonces = httpauth.NonceCache(
                limit=self.settings.max_nonces, path=self.root / "nonces"
            )
            for leftover in self.uploads.iterdir():  # a crash mid-upload: never authenticated
                leftover.unlink(missing_ok=True)
            self._open()
        except BaseException:
            self._serving.close()
            raise

    def _open(self) -> None:
        """Limits, locks, the hub's name and the routes."""
        self._exchanges = anyio.CapacityLimiter(self.settings.max_exchanges)
        self._lookups = anyio.CapacityLimiter(4)
        self._device_locks: dict[str, threading.Lock] = {}
        self._uploading: set[str] = set()  # devices whose upload is being received or imported
        self._locks_guard = threading.Lock()
        #: Per device, its uploads that met the hub's own trouble (`exchange.OWN_TROUBLE`) since
        #: the service started: how many, the last one's code and time. Kept in memory: the
        #: store that would keep it is what is full (or read-only); `GET /v1/status` shows it.
        self._own_trouble: dict[str, dict[str, object]] = {}
        #: The devices this service authenticated, by key id, each with the hub folder's
        #: `folder.DEVICES_CHANGED` words read before its database said who it was: while the
        #: store takes no connection, an upload signed by one of them is counted against it
        #: while those words are unchanged — no device revoked or enrolled again since
        #: (`_known_device`).
        self._authenticated: dict[str, tuple[Peer, str]] = {}
        #: Why the hub's database could not be opened yet (`folder.unreachable`'s words), None
        #: once it was: `hub serve` started while its PostgreSQL server took no connection (a
        #: reboot that starts the service first) serves all the same, and opens it at the
        #: first request after it is back (`_when_open`), without a restart.
        self.waiting: str | None = None
        #: Held while the hub is opened late (one thread opens it, the others wait).
        self._opening = threading.Lock()
        self.name = self.fingerprint = ""
        self.doubt: own_clock.Doubt | None = None
        self._clock_checked = time.monotonic()
        self._sign_secret = b""  # signs refusals of exchanges (`_signer`); none while waiting
        try:
            self._know(self.sessions.get())
        except StoreUnreachable as error:
            if not comes_back(error.error):  # a database set up wrong: said, not waited for
                raise
            self.waiting = str(error)
        self.app = Starlette(
            routes=[
                Route("/v1/health", self._clocked(self.health), methods=["GET"]),
                Route("/v1/status", self._clocked(self.status), methods=["GET"]),
                Route("/v1/exchange", self._clocked(self.exchange), methods=["POST"]),
                Route("/v1/held", self._clocked(self.held), methods=["GET"]),
                Route("/v1/held/accept", self._clocked(self.decide), methods=["POST"]),
                Route("/v1/held/dismiss", self._clocked(self.decide), methods=["POST"]),
                Route("/v1/held/rejudge", self._clocked(self.rejudge), methods=["POST"]),
            ]
        )

    def _know(self, hub: Hub) -> None:
        """What the service keeps of its hub, opened: its name, fingerprint and signing key,
        and whether it doubts its own clock (`own_clock`; checked again at most every
        `CLOCK_CHECK_S`, at `_clocked`'s request, on a thread: it may write)."""
        doubt = own_clock.check(hub.ledger)
        self._clock_checked = time.monotonic()
        if doubt is not None:
            log.warning("%s", Kept(doubt.said))
        self.name, self.fingerprint, self.doubt = hub.identity.name, hub.fingerprint, doubt
        self._sign_secret = hub.identity.sign_secret

    def _open_late(self) -> None:
        """Worker thread: the hub opened (`HubSessions.get`, its migrations among it) while the
        service was `waiting` for its database; raises what opening raises while the database
        is still gone, which answers the request as the hub's own trouble."""
        with self._opening:
            if self.waiting is None:  # opened by another request meanwhile
                return
            self._know(self.sessions.get())
            self.waiting = None
        log.warning(
            "已连上中心的数据库，照常服务（汇总中心 %s，指纹 %s）",
            Kept(self.name),
            self.fingerprint,
        )

    def _when_open(self, endpoint: Endpoint) -> Endpoint:
        """`endpoint`, after the hub is opened if the service is still `waiting` for its
        database (`_open_late`)."""

        async def answer(request: Request) -> Response:
            if self.waiting is not None:
                await anyio.to_thread.run_sync(self._open_late, limiter=self._lookups)
            return await endpoint(request)

        return answer

    def _clocked(self, endpoint: Endpoint) -> Endpoint:
        """`endpoint` (`_answering`, once the hub is open: `_when_open`), once the hub's doubt
        of its clock is not older than `CLOCK_CHECK_S`; a doubt that appears or ends is
        logged."""
        answering = _answering(self._when_open(endpoint), self._own_trouble_answer)

        async def answer(request: Request) -> Response:
            if self.waiting is None and time.monotonic() - self._clock_checked >= CLOCK_CHECK_S:
                self._clock_checked = time.monotonic()
                try:
                    doubt = await anyio.to_thread.run_sync(
                        lambda: own_clock.check(self.sessions.get().ledger),
                        limiter=self._lookups,
                    )
                except Exception as error:  # noqa: BLE001 - the request is still answered
                    # Its store gone (restarting …): the request's own answer says so once.
                    if own_trouble(error) is None:
                        log.exception("核对中心时钟时出错")
                else:
                    if doubt is not None and self.doubt is None:
                        log.warning("%s", Kept(doubt.said))
                    elif doubt is None and self.doubt is not None:
                        log.warning("中心电脑的日期已经正常，恢复向各设备告知中心的时间")
                    self.doubt = doubt
            return await answering(request)

        return answer

    def _own_trouble_answer(self, request: Request, error: Exception) -> Response | None:
        """The answer to `request` that met the hub's own trouble (`exchange.own_trouble`:
        `HubSessions.get` raising while the PostgreSQL database takes no connection, a store
        read-only or full), None for any other error (a fault: `_answering`'s 500). Refused
        as an import that met it is (503 busy or read-only, 507 disk full), signed for the
        request as every refusal is (`_signer`: the device shows the words, and acts on the
        code), with `Retry-After`; one warning line in the log, no traceback; counted for
        `/v1/status` against the device when it was authenticated (`_authenticate`) — never
        a name only claimed. An upload is told `HUB_TROUBLE_SAID`, a county device's query
        or decision `HUB_TROUBLE_ASKED` (it sent no 数据包). While the service is still
        `waiting` for its database it has no key to sign with (the hub's key is in that
        database): the answer is not signed, and carries no code — a device acts on no code the
        hub did not sign, and says one unsigned to be perhaps forged; words without one it
        shows as they are. A county device's decision
        whose transaction lost its connection as it was committed (`saving.unsure_commit`) is
        told `UNSURE_RECORDED_SAID` (code `UNSURE_RECORDED`, no `Retry-After`): the database
        may have recorded it, and the clerk is to look before deciding again; an upload so,
        `_unsure_upload`."""
        if isinstance(error, StoreUnreachable):  # the hub not opened yet: the database's error
            error = error.error
        refused = own_trouble(error)
        if refused is None:
            return None
        upload = request.url.path == "/v1/exchange"
        device = getattr(request.state, "device", None) or self._known_device(request)
        sign = self._signer(request)
        if upload and unsure_commit(error):  # (its import's own is answered in `_exchange_file`)
            return _unsure_upload(device or "设备", sign)
        if not upload and request.method == "POST" and unsure_commit(error):
            # A decision whose connection went as it was committed: the database may have
            # recorded it — neither 没有记下 nor 请稍后再试 (`UNSURE_RECORDED`).
            log.warning(
                "不能确定是否已记下%s的 %s %s（中心自己的问题）：提交时与中心的数据库断开了连接",
                Kept(device or "设备"),
                request.method,
                request.url.path,
            )
            return _error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                UNSURE_RECORDED,
                UNSURE_RECORDED_SAID,
                True,
                None,
                sign,
            )
        trouble = _trouble_logged(error, refused.code)
        log.warning(
            "没有回答%s的 %s %s（中心自己的问题）：%s",
            Kept(device or "设备"),
            request.method,
            request.url.path,
            Kept(trouble),
        )
        if upload and device is not None:  # (`hub_trouble` counts uploads not imported)
            self._met_own_trouble(device, refused.code)
        said = (
            HUB_TROUBLE_SAID.get(refused.code, HUB_TROUBLE_ASKED) if upload else HUB_TROUBLE_ASKED
        )
        status = STATUS_OF.get(refused.code, HTTPStatus.SERVICE_UNAVAILABLE)
        if self._sign_secret:
            answer = _error(status, refused.code, said, close=True, sign=sign)
        else:
            answer = JSONResponse({"message": said}, status, headers={"Connection": "close"})
        answer.headers["Retry-After"] = str(RETRY_AFTER_S)
        return answer

    def _known_device(self, request: Request) -> str | None:
        """The device that signed `request` when the store could not be asked who it is (its
        database taking no connection): one this service authenticated before
        (`_authenticated`), whose key the request names and whose signature holds, fresh and
        not seen before (`httpauth.check_fresh`, its nonce and its share taken as always),
        while the hub folder's `DEVICES_CHANGED` — read from the file itself here, not from
        `_devices_words` — still has the words it was remembered with; None for any other —
        a name only claimed is counted against nobody."""
        try:
            claimed = httpauth.parse_header(request.headers.get(httpauth.HEADER))
            with self._locks_guard:
                peer, word = self._authenticated.get(claimed.key_id) or (None, None)
            if peer is None or peer.name != claimed.device or word != devices_word(self.root):
                return None  # (a device revoked or enrolled again since: nobody's)
            httpauth.verify_signature(claimed, request.method, _target(request), peer.sign_public)
            httpauth.check_fresh(claimed, self.nonces, per_key=self._share(peer))
        except (httpauth.AuthRefused, OSError):  # (the nonces' file: counted against nobody)
            return None
        return peer.name

    def close(self) -> None:
        """Close every hub session; the folder may be served again."""
        try:
            self.sessions.close()
            self.nonces.close()
        finally:
            self._serving.close()

    # -- endpoints --------------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        """Name and fingerprint (to compare with enrolment), and the upload cap; signed for a
        request that carries a device's header (`_signed_answer`, nothing authenticated: the
        answer is the same for everyone), so that a device trusts no cap but its hub's."""
        said: dict[str, object] = {
            "hub": self.name,
            "fingerprint": self.fingerprint,
            "max_upload_mb": self.settings.max_upload_mb,
        }
        if self.doubt is not None:  # its clock in doubt: said, and not told (`own_clock`)
            said["clock_doubt"] = {"days": self.doubt.days, "said": self.doubt.said}
        return self._signed_answer(request, JSONResponse(said))

    async def _county_query(self, request: Request, not_county: Sentence) -> Peer:
        """The county device asking (`_authenticate`) a question that carries no content;
        refused (`_Refusal`) with content, or (`not_county`, what only a county device may
        do) from any other device."""
        signed, peer = await self._authenticate(request)
        if signed.length != 0 or signed.sha256 != httpauth.EMPTY_SHA256:
            raise _Refusal(400, "bad_header", said(QUERY_WITH_CONTENT))
        if not _may_view_status(peer):
            raise _Refusal(403, "role", not_county)
        return peer

    async def status(self, request: Request) -> Response:
        """The county's devices, for a county device (or the hub's own page); signed for the
        request (`_signed_answer`)."""
        sign = self._signer(request)
        try:
            await self._county_query(request, said(COUNTY_STATUS_ONLY))
        except (_Refusal, httpauth.AuthRefused) as refused:
            return _refused(refused, sign)
        rows, current = await anyio.to_thread.run_sync(self._status, limiter=self._lookups)
        # `policy`: the county pack in force (the newest published), None when none;
        # `program`: the hub's own fieldapp, which the devices' are compared with, and `build`
        # its build's label (the version itself from a source tree) — `program` stays the plain
        # version, which an older county desktop reads, as each device's `program` does.
        answer = JSONResponse(
            {
                "hub": self.name,
                "devices": rows,
                "policy": current,
                "program": __version__,
                "build": build_label(),
            }
            | (
                {"clock_doubt": {"days": self.doubt.days, "said": self.doubt.said}}
                if self.doubt is not None
                else {}
            )
        )
        return self._signed_answer(request, answer)

    async def held(self, request: Request) -> Response:
        """Held changes (pending unless `?status=` says otherwise), for a county device;
        signed for the request (`_signed_answer`): the county accepts and dismisses by them."""
        sign = self._signer(request)
        try:
            await self._county_query(request, said(COUNTY_HELD_ONLY))
            status = request.query_params.get("status") or HELD
            if status not in rejected.STATUS_LABELS:
                raise _Refusal(400, "status", said(HELD_STATE_WRONG))
        except (_Refusal, httpauth.AuthRefused) as refused:
            return _refused(refused, sign)
        items, total = await anyio.to_thread.run_sync(
            self._held_items, status, limiter=self._lookups
        )
        answer = JSONResponse({"hub": self.name, "held": items, "total": total})
        return self._signed_answer(request, answer)

    async def decide(self, request: Request) -> Response:
        """Accept or dismiss one held change, as `用户名@设备名` of a county device."""
        accept = request.url.path.endswith("/accept")
        sign = self._signer(request)
        try:
            signed, peer = await self._authenticate(request)
            # Refused before its body is read: another role never gets a decision in.
            if not _may_view_status(peer):
                raise _Refusal(403, "role", said(COUNTY_ONLY))
            body = await self._small_body(request, signed)
            held_id, user, reason = _decision(body, accept)
        except (_Refusal, httpauth.AuthRefused) as refused:
            return _refused(refused, sign, close=True)
        # The device's name from its enrolment, never from the body.
        reviewer = signed_author(user, peer.name)
        decided = await anyio.to_thread.run_sync(
            self._decide, signed, held_id, accept, reviewer, reason, sign, limiter=self._exchanges
        )
        return self._signed_answer(request, decided)

    async def rejudge(self, request: Request) -> Response:
        """After the hub's clock is put right: the changes it held by its clock judged again
        (`rejected.rejudge`, as `hub rejected --rejudge`), as `用户名@设备名` of a county
        device; 409 saying why while the hub doubts its clock as ahead."""
        sign = self._signer(request)
        try:
            signed, peer = await self._authenticate(request)
            # Refused before its body is read: another role never gets a decision in.
            if not _may_view_status(peer):
                raise _Refusal(403, "role", said(COUNTY_ONLY))
            user = _reviewer(_json_object(await self._small_body(request, signed)))
        except (_Refusal, httpauth.AuthRefused) as refused:
            return _refused(refused, sign, close=True)
        reviewer = signed_author(user, peer.name)  # the device's name from its enrolment
        done = await anyio.to_thread.run_sync(
            self._rejudge, signed, reviewer, sign, limiter=self._exchanges
        )
        return self._signed_answer(request, done)

    def _signed_answer(self, request: Request, answer: Response) -> Response:
        """`answer` (200) with the hub's signature for `request` (`httpauth.sign_refusal` with
        `answer`: over it, the request's path, device and nonce), which the county's desktop
        checks before it shows what it says; a refusal is left as it is (signed by `_error`).
        A JSON object answered gets the hub's clock (`hub_time`), as a signed refusal does: the
        county's desktop learns from it how far its own date runs (`services.clock`)."""
        if answer.status_code != HTTPStatus.OK:
            return answer
        try:
            claimed = httpauth.parse_header(request.headers.get(httpauth.HEADER))
        except httpauth.AuthRefused:  # authenticated already (health: asked unsigned)
            return answer
        said = json.loads(bytes(answer.body)) if isinstance(answer, JSONResponse) else None
        if isinstance(said, dict) and self.doubt is None:  # a clock in doubt is not told
            kept = {k: v for k, v in answer.headers.items() if k.lower() != "content-length"}
            answer = JSONResponse(said | {"hub_time": now_stamp()}, answer.status_code, kept)
        answer.headers[httpauth.ANSWER_HEADER] = httpauth.sign_refusal(
            claimed,
            _target(request),
            answer.status_code,
            bytes(answer.body),
            self._sign_secret,
            answer=True,
        )
        return answer

    def _signer(self, request: Request) -> Signer | None:
        """What signs refusals of `request` (None when its header does not read): over the
        refusal, the request's path, device and nonce (`httpauth.sign_refusal`)."""
        if not self._sign_secret:  # still `waiting` for the database that holds the key
            return None
        try:
            claimed = httpauth.parse_header(request.headers.get(httpauth.HEADER))
        except httpauth.AuthRefused:
            return None
        return Signer(claimed, _target(request), self._sign_secret, self.doubt is None)

    async def exchange(self, request: Request) -> Response:
        """Authenticate, stream the body to disk, import it, answer with the device's bundle
        (or a refusal signed by the hub, `_signer`)."""
        sign = self._signer(request)
        try:
            signed, peer = await self._authenticate(request)
            length = self._check_length(request, signed)
        except (_Refusal, httpauth.AuthRefused) as refused:
            # Close: the client may still be sending a body nobody will read.
            return _refused(refused, sign, close=True)
        # One upload of a device at a time: its imports run one after another anyway, and
        # uploads in parallel under fresh headers would let one device (or whoever has its key)
        # fill the hub's disk and connections while the other villages wait.
        with self._locks_guard:
            if peer.name in self._uploading:
                return _error(429, "uploading", UPLOADING, close=True, sign=sign)
            self._uploading.add(peer.name)
        try:
            return await self._take_upload(request, signed, peer, length, sign)
        finally:
            with self._locks_guard:
                self._uploading.discard(peer.name)

    async def _take_upload(
        self,
        request: Request,
        signed: httpauth.SignedRequest,
        peer: Peer,
        length: int,
        sign: Signer | None = None,
    ) -> Response:
        """Stream the body of an authenticated exchange to disk, import it, answer (a refusal
        signed by `sign`)."""
        upload = self.uploads / f"{stamp()}-{secrets.token_hex(4)}.fieldsync"
        partial = upload.with_name(upload.name + ".part")
        try:
            await self._receive(request, partial, length, signed.sha256)
            partial.replace(upload)
        except _Refusal as refused:
            partial.unlink(missing_ok=True)
            if refused.code == "disk_full":  # the hub's own trouble: counted as the import's is
                log.warning("%s 的上传没有保存：中心的磁盘已满，请腾出磁盘空间", Kept(peer.name))
                self._met_own_trouble(peer.name, refused.code)
            return _refused(refused, sign, close=True)
        except OSError:
            # Not the disk (a full one is refused above): the uploads folder made a file, its
            # permissions taken away, the disk failing. Answered as the hub's own fault
            # (`_answering`: 500, the traceback in the log), and counted as the hub's trouble
            # so the county sees in `/v1/status` the device whose uploads cannot be stored.
            with suppress(OSError):
                partial.unlink(missing_ok=True)
            self._met_own_trouble(peer.name, NOT_STORED)
            raise
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        try:
            return await anyio.to_thread.run_sync(
                self._exchange_file, peer.name, upload, sign, limiter=self._exchanges
            )
        finally:
            upload.unlink(missing_ok=True)

    # -- steps ------------------------------------------------------------------------------

    def _peer_by_key(self, key_id: str) -> tuple[Peer | None, str | None]:
        """Worker thread: the peer of `key_id` in the store, and the hub folder's
        `DEVICES_CHANGED` words read before it (`_devices_words`: read again only when the
        file changed; None when it is gone — nothing is written for a request not yet
        authenticated): what `_known_device` may trust of it while the store is gone."""
        word = self._devices_words.now()
        return self.sessions.get().state.peer_by_key(key_id), word

    async def _authenticate(self, request: Request) -> tuple[httpauth.SignedRequest, Peer]:
        signed = httpauth.parse_header(request.headers.get(httpauth.HEADER))
        peer, word = await anyio.to_thread.run_sync(
            self._peer_by_key, signed.key_id, limiter=self._lookups
        )
        if peer is None or peer.revoked_at:  # (remembered no more: `_known_device`)
            with self._locks_guard:
                self._authenticated.pop(signed.key_id, None)
        if peer is None or peer.role != "device" or peer.name != signed.device:
            raise _unknown_key()
        httpauth.verify_signature(signed, request.method, _target(request), peer.sign_public)
        if peer.revoked_at:
            raise _revoked(peer)
        try:
            httpauth.check_fresh(signed, self.nonces, per_key=self._share(peer))
        except httpauth.AuthRefused as refused:
            if refused.code == "stale" and self.doubt is not None:  # the hub's clock, not its
                raise httpauth.AuthRefused(401, "stale", STALE_HUB_CLOCK) from None
            raise
        request.state.device = peer.name  # authenticated: its own trouble counted against it
        if word is not None:  # (known while the store cannot be asked: `_known_device`)
            with self._locks_guard:
                self._authenticated[signed.key_id] = (peer, word)
        return signed, peer

    def _share(self, peer: Peer) -> int:
        """How many requests `peer` may make a minute (a county device reads more)."""
        if _may_view_status(peer):
            return self.settings.requests_per_county_device
        return self.settings.requests_per_device

    def _check_length(self, request: Request, signed: httpauth.SignedRequest) -> int:
        text = request.headers.get("content-length")
        if text is None or not text.isdigit():
            raise _Refusal(411, "length", said(UPLOAD_LENGTH_MISSING))
        length = int(text)
        if length != signed.length:
            raise _Refusal(400, "length", said(UPLOAD_LENGTH_UNSIGNED))
        if length > self.settings.max_upload_bytes:
            raise _Refusal(
                413,
                "too_large",
                said(UPLOAD_TOO_LARGE, f"{length / 1048576:.0f}", str(self.settings.max_upload_mb)),
                {"max_upload_mb": self.settings.max_upload_mb},
            )
        if length == 0:
            raise _Refusal(400, "empty", said(UPLOAD_EMPTY))
        return length

    async def _small_body(self, request: Request, signed: httpauth.SignedRequest) -> bytes:
        """The whole (small) body of a request, checked against its signed length and hash."""
        text = request.headers.get("content-length")
        if text is None or not text.isdigit():
            raise _Refusal(411, "length", said(REQUEST_LENGTH_MISSING))
        length = int(text)
        if length != signed.length:
            raise _Refusal(400, "length", said(REQUEST_LENGTH_UNSIGNED))
        if length > MAX_DECISION_BYTES:
            raise _Refusal(413, "too_large", said(REQUEST_TOO_LARGE))
        if length == 0:
            raise _Refusal(400, "empty", said(REQUEST_EMPTY))
        deadline = time.monotonic() + 60
        data = bytearray()
        while True:
            left = max(0.0, deadline - time.monotonic())
            try:
                message = await asyncio.wait_for(
                    request.receive(), timeout=min(self.settings.body_idle_timeout_s, left)
                )
            except TimeoutError:
                raise _Refusal(408, "timeout", said(REQUEST_TOO_SLOW)) from None
            if message["type"] == "http.disconnect":
                raise _Refusal(400, "truncated", said(REQUEST_CUT))
            data += message.get("body", b"")
            if len(data) > length:
                raise _Refusal(413, "too_large", said(REQUEST_LONGER))
            if not message.get("more_body", False):
                break
        if len(data) != length or hashlib.sha256(data).hexdigest() != signed.sha256:
            raise _Refusal(400, "tampered", said(REQUEST_TAMPERED))
        return bytes(data)

    async def _receive(self, request: Request, path: Path, length: int, sha256: str) -> None:
        """Stream the body into `path`, hashing it, within the idle and rate limits."""
        settings = self.settings
        deadline = time.monotonic() + 60 + length / settings.min_rate_bytes_s
        digest, got = hashlib.sha256(), 0
        try:
            # Made again when a clerk tidying the hub folder deleted it while serving; made and
            # opened inside: a disk with no room for the folder, or for the file's entry, is as
            # full as one with no room for its bytes (507 disk_full, not a 500 `NOT_STORED`).
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                while True:
                    left = deadline - time.monotonic()
                    try:
                        message = await asyncio.wait_for(
                            request.receive(), timeout=min(settings.body_idle_timeout_s, left)
                        )
                    except TimeoutError:
                        raise _Refusal(408, "timeout", said(UPLOAD_TOO_SLOW)) from None
                    if message["type"] == "http.disconnect":
                        raise _Refusal(400, "truncated", said(UPLOAD_CUT))
                    chunk = message.get("body", b"")
                    got += len(chunk)
                    if got > length:
                        raise _Refusal(413, "too_large", said(UPLOAD_LONGER))
                    digest.update(chunk)
                    _write_all(fd, chunk)
                    if not message.get("more_body", False):
                        break
                # No fsync: the upload is transient (the import copies it durably into the
                # inbox), and an fsync here would stall the event loop, and with it every other
                # request.
            finally:
                os.close(fd)
        except OSError as error:
            if not is_disk_full(error):
                raise  # not the disk: the hub's own fault, answered as such (`_answering`)
            # Said as the import's full disk is (`HUB_TROUBLE_SAID`): the village syncs later;
            # the clerk's advice (clear the disk) is the hub's log's.
            raise _Refusal(507, "disk_full", said(HUB_TROUBLE_SAID["disk_full"])) from None
        if got != length or digest.hexdigest() != sha256:
            raise _Refusal(400, "tampered", said(UPLOAD_TAMPERED))

    def _device_lock(self, device: str) -> threading.Lock:
        with self._locks_guard:
            return self._device_locks.setdefault(device, threading.Lock())

    def _exchange_file(self, device: str, upload: Path, sign: Signer | None = None) -> Response:
        """Worker thread: import the upload as `device`'s bundle and make its answer (a refusal
        signed by `sign`: the device acts on its code and numbers only then)."""
        hub = self.sessions.get()
        with self._device_lock(device):  # one device's exchanges one after another
            try:
                result = hub.import_file(upload, sender=device)
            except BundleRefused as refused:
                status = STATUS_OF.get(refused.code, HTTPStatus.UNPROCESSABLE_ENTITY)
                # A replayed upload's: what the hub holds of its numbering (a device tells by
                # it whether it was copied back from a backup).
                numbers: dict[str, object] | None = (
                    {"received": refused.received} if refused.received is not None else None
                )
                if refused.code == UNSURE:  # imported or not, nobody knows: not 没有导入
                    return _unsure_upload(device, sign)
                said = HUB_TROUBLE_SAID.get(refused.code)
                if said is not None:
                    # The hub's own trouble: the county reads its advice in the log, the
                    # village only that nothing went in and to sync later.
                    log.warning(
                        "%s 的数据包没有导入（中心自己的问题）：%s", Kept(device), Kept(refused)
                    )
                    self._met_own_trouble(device, refused.code)
                    return _error(status, refused.code, said, sign=sign)
                numbers = {**(numbers or {}), **(_said(refused) or {})} or None
                return _error(status, refused.code, str(refused), numbers=numbers, sign=sign)
            except AlreadyImported as done:
                return _error(
                    HTTPStatus.CONFLICT, "already", str(done), numbers=_said(done), sign=sign
                )
            except SyncError as error:  # its sentence beside its words (`reason_said`)
                return _error(
                    HTTPStatus.UNPROCESSABLE_ENTITY,
                    "sync",
                    str(error),
                    numbers=_said(error),
                    sign=sign,
                )
            if result.restored:  # for the clerk, as `hub import` says it
                log.warning("%s", Kept(restored_said(device)))
            try:
                answer = hub.export_for(
                    device, upload.with_name(f"{stamp()}-answer.fieldsync"), channel="http"
                )
            except Exception as error:  # noqa: BLE001 - imported: said so, whatever failed
                # Imported, its answer not made (the database gone in between, the disk full, a
                # fault): not the hub's trouble as an upload meets it (`_own_trouble_answer`
                # would tell the village 没有导入任何修改, and count an upload not imported), nor
                # a fault that tells nothing of the import (`INTERNAL_ERROR`). Said as it is,
                # signed for the upload (`ANSWER_NOT_MADE`): the changes are in, sync again for
                # the answer; the next upload finds this one in.
                trouble_met = own_trouble(error)
                if trouble_met is None:
                    log.exception(
                        "回答 POST /v1/exchange 时出错：%s 的数据包已导入，回复没有做成",
                        Kept(device),
                    )
                else:
                    trouble = _trouble_logged(error, trouble_met.code)
                    log.warning("%s 的数据包已导入，回复没有做成：%s", Kept(device), Kept(trouble))
                unanswered = _error(
                    HTTPStatus.INTERNAL_SERVER_ERROR,
                    ANSWER_NOT_MADE,
                    ANSWER_NOT_MADE_SAID,
                    close=True,
                    sign=sign,
                )
                unanswered.headers["Retry-After"] = str(RETRY_AFTER_S)
                return unanswered
        return FileResponse(
            answer.path,
            media_type="application/octet-stream",
            headers={
                "X-Fieldapp-Imported": str(result.new_changes),
                "X-Fieldapp-Answer-Changes": str(answer.changes),
            },
            background=BackgroundTask(answer.path.unlink, missing_ok=True),
        )

    def _met_own_trouble(self, device: str, code: str) -> None:
        """Count `device`'s upload that met the hub's own trouble `code` (`_own_trouble`)."""
        with self._locks_guard:
            met = self._own_trouble.setdefault(device, {"count": 0})
            met.update(count=int(str(met["count"])) + 1, code=code, at=now_stamp())

    def _status(self) -> tuple[list[dict[str, object]], str | None]:
        """Worker thread: the devices' status, and the version of the pack in force."""
        from fieldapp.services.policy_admin import published

        hub = self.sessions.get()
        with hub.ledger.reading():
            newest = published(hub.ledger)
            rows = hub.status()
        # Who enrolled and revoked each device: on a hub without users the server's login
        # account (电脑账户 root), which stays in the hub's own `hub devices`; a county laptop
        # is told only that it was the hub computer's account.
        with self._locks_guard:
            trouble = {device: dict(met) for device, met in self._own_trouble.items()}
        for row in rows:
            for key in ("enrolled_by", "revoked_by"):
                row[key] = said_to_devices(row.get(key))
            # Who disabled a user at the hub is said as who enrolled the device is.
            disabled = row.get("disabled_users")
            for user in disabled if isinstance(disabled, list) else ():
                user["by"] = said_to_devices(user.get("by"))
            # Its uploads that met the hub's own full disk, read-only or busy store since the
            # service started (none kept against the device): the county sees a device whose
            # bundles cannot go in again and again. Absent when none (an older desktop reads
            # the keys it knows).
            met = trouble.get(str(row.get("device")))
            if met is not None:
                row["hub_trouble"] = met
        return rows, (newest[0].version if newest else None)

    def _held_items(self, status: str) -> tuple[list[dict[str, Any]], int]:
        """Worker thread: held changes of `status` as the county's desktop lists them (the
        first `MAX_HELD_LISTED`), and how many there are."""
        hub = self.sessions.get()
        with hub.ledger.reading():
            found = rejected.listing(hub, status)
            items = held_items(hub, found[:MAX_HELD_LISTED])
        return items, len(found)

    def _decide(
        self,
        signed: httpauth.SignedRequest,
        held_id: int,
        accept: bool,
        reviewer: str,
        reason: str,
        sign: Signer | None = None,
    ) -> Response:
        """Worker thread: the decision, written as the CLI writes it (one transaction through
        the write gate every import shares, so it never interleaves with a merge's writes), and
        its answer made in that same transaction (`accept` and `dismiss` join it): the state
        the decision made, not what a later read finds after another request's writes; and
        when the answer cannot be made (the database gone just after the decision) the
        decision is not recorded either, as the county's desktop is then told. Only the
        connection lost while it commits leaves that unknown — the database may have
        recorded it — and the desktop is told so (`_own_trouble_answer`: `UNSURE_RECORDED`).
        The device that `signed` it is checked again inside that transaction (`_still_county`):
        one revoked or enrolled again since its header was authenticated decides nothing."""
        hub = self.sessions.get()
        try:
            with hub.lock, hub.ledger.transaction():
                _still_county(hub, signed)
                if accept:
                    held = rejected.accept(hub, held_id, reviewer, reason, hints=rejected.DESKTOP)
                else:
                    held = rejected.dismiss(hub, held_id, reviewer, reason, hints=rejected.DESKTOP)
                item = held_items(hub, [held])[0]
        except _Refusal as refused:  # its device revoked or enrolled again since its header
            return _refused(refused, sign, close=True)
        except SyncError as error:
            return _error(HTTPStatus.CONFLICT, "held", str(error), numbers=_said(error), sign=sign)
        return JSONResponse({"hub": self.name, "held": item})

    def _rejudge(
        self, signed: httpauth.SignedRequest, reviewer: str, sign: Signer | None = None
    ) -> Response:
        """Worker thread: `rejected.rejudge` (each acceptance through the write gate, as the
        CLI's); its refusal while the hub doubts its clock as ahead said (409 `clock`). The
        device that `signed` it checked again first (`_still_county`), under the hub's lock
        the rejudge holds."""
        hub = self.sessions.get()
        try:
            with hub.lock:
                _still_county(hub, signed)
                done = rejected.rejudge(hub, reviewer)
        except _Refusal as gone:  # its device revoked or enrolled again since its header
            return _refused(gone, sign, close=True)
        except SyncError as error:
            return _error(HTTPStatus.CONFLICT, "clock", str(error), numbers=_said(error), sign=sign)
        # Each with its sentence where the rules made one (`reason_said`, null: the text): an
        # older desktop reads only the keys it knows.
        refused = [
            {
                "id": held_id,
                "reason": why,
                "reason_said": _said_json(done.refused_said.get(held_id)),
            }
            for held_id, why in done.refused.items()
        ]
        return JSONResponse(
            {
                "hub": self.name,
                "accepted": done.accepted,
                "still_ahead": done.still_ahead,
                "refused": refused,
                "waiting": done.waiting,
            }
        )


def _said(error: SyncError) -> dict[str, object] | None:
    """A refusal's sentence beside its text (`reason_said`: template and parts), where it was
    made of one, for a county desktop to say in its language (`client._hub_answer` takes it
    only where the hub signed it and its Chinese is the text); None for none. A device that
    does not know the key reads the keys it knows (`client._refusal`)."""
    return None if error.said is None else {"reason_said": sentence_data(error.said)}


def _said_json(said: Sentence | None) -> object:
    """A sentence as JSON's template and parts (None for none)."""
    return None if said is None else sentence_data(said)


#: The largest body of a decision (`POST /v1/held/...`): an id, a name and a reason.
MAX_DECISION_BYTES = 64 * 1024
#: The most held changes one listing carries (a flood of refused changes stays readable).
MAX_HELD_LISTED = 2000


def held_items(hub: Hub, listed: list[HeldChange]) -> list[dict[str, Any]]:
    """`hub rejected --json`'s items, with what the clerk reads: who or what each is about
    (`subject`), what it sets (`content`) and the whole line (`description`). The places and
    the rows they point at are looked up once for the whole list (`listed_places`,
    `rejected.row_names`): a listing of 2,000 changes in a few villages asks each area once."""
    known = listed_places(hub.ledger)
    places = functools.partial(
        say_place, table=divisions(), listed=known, wording=PlaceWording.SENTENCE
    )
    # (the same places as sentences' parts: said in the English window's words around a name)
    parts = functools.partial(place_part, table=divisions(), listed=known)
    rows = rejected.row_names(hub, listed)
    villages: dict[str, str] = {}
    items = []
    for held in listed:
        # Decided on a hub without users: its computer's account, not its login name (in the
        # item and in the sentence that says who decided).
        held = dataclasses.replace(held, decided_by=said_to_devices(held.decided_by))
        about = rejected.subject(hub, held)
        if held.device not in villages:
            peer = hub.state.peer(held.device)
            area = peer.area_code if peer is not None else None
            # (under the deepest level known, not as a sentence: a column of villages)
            villages[held.device] = (places(area, wording=PlaceWording.SHORT) if area else "") or ""
        said = rejected.content_said(held, about, places, rows, parts)
        items.append(
            rejected.as_item(held)
            | {
                # Where it came from as the clerk says it (the device's village; '' when
                # unknown), and the bundle it came in (the county's desktop selects a
                # bundle's changes at once).
                "village": villages[held.device],
                "bundle_id": held.bundle_id,
                "subject": about,
                "content": rejected.content_of(said),
                # The same in pieces: a desktop in English says the program's words in it.
                "content_said": said,
                "description": rejected.describe(held, about, places, rows, numbered=False),
            }
        )
    return items


#: An upload's body refused before it is imported (`_check_length`, `_receive`), and a county
#: device's small request's (`_small_body`): sent beside its text as its sentence
#: (`reason_said`), which the device says in its window's language (`client._hub_said`); the
#: Chinese is what the hub said before.
UPLOAD_LENGTH_MISSING = template("上传缺少长度")
UPLOAD_LENGTH_UNSIGNED = template("上传长度与签名不符")
#: A bundle over the hub's upload limit: its size (%1) and the limit (%2), in MB. (A device
#: says its own `client.TOO_LARGE` of the signed limit; an older one shows these words.)
UPLOAD_TOO_LARGE = template("数据包 %1 MB，超过中心允许的 %2 MB，请改用U盘交换")
UPLOAD_EMPTY = template("上传内容为空")
UPLOAD_TOO_SLOW = template("上传太慢或中断，已停止接收")
UPLOAD_CUT = template("上传中断")
UPLOAD_LONGER = template("上传内容超过声明的长度")
UPLOAD_TAMPERED = template("上传内容与签名不符（传输中被改动或截断）")
REQUEST_LENGTH_MISSING = template("请求缺少长度")
REQUEST_LENGTH_UNSIGNED = template("请求长度与签名不符")
REQUEST_TOO_LARGE = template("请求内容太大（审核意见最多几千字）")
REQUEST_EMPTY = template("请求内容为空")
REQUEST_TOO_SLOW = template("请求太慢或中断，已停止接收")
REQUEST_CUT = template("请求中断")
REQUEST_LONGER = template("请求内容超过声明的长度")
REQUEST_TAMPERED = template("请求内容与签名不符（传输中被改动或截断）")

#: A decision's request refused (`_decision`, `_json_object`, `_reviewer`, `_still_county`):
#: sent beside its text as its sentence (`reason_said`), which the county's desktop says in
#: its window's language (`client._hub_said`); the Chinese is what the hub said before.
HELD_ID_WRONG = template("要审核的修改编号不对（应为正整数）")
REASON_NOT_TEXT = template("原因应为文字")
#: The most characters of a reason (%1, `REPORT_TEXT_MAX`).
REASON_TOO_LONG = template("原因最多 %1 字")
REASON_UNPRINTABLE = template("原因中有不能显示的字符（如换行），请写成一行")
REASON_MISSING = template("不予采纳必须写明原因，设备上会看到")
NOT_JSON = template("请求内容不是有效的 JSON")
NOT_JSON_OBJECT = template("请求内容应为 JSON 对象")
#: The reviewer's user name refused: why (%1, `check_name`'s sentence).
REVIEWER_WRONG = template("审核人的用户名不对：%1")
#: A device not of the county asking for the held changes or deciding one.
COUNTY_ONLY = template("只有县级设备可以审核未接受的修改")
#: A device not of the county asking for every device's exchanges, or the held changes.
COUNTY_STATUS_ONLY = template("只有县级设备可以查看各设备同步情况")
COUNTY_HELD_ONLY = template("只有县级设备可以查看和审核未接受的修改")
#: A county device's query sent with content.
QUERY_WITH_CONTENT = template("查询请求不应带内容")
#: The held changes asked for in a state the hub does not list.
HELD_STATE_WRONG = template(
    "查询的状态不对：应为 held（待审核）、accepted（已接受）或 dismissed（不予采纳）"
)


def _decision(body: bytes, accept: bool) -> tuple[int, str, str]:
    """(held id, user name, reason) of a decision's JSON body; 400 saying what is wrong."""
    data = _json_object(body)
    held_id = data.get("id")
    if type(held_id) is not int or not 1 <= held_id < 2**63:
        raise _Refusal(400, "id", said(HELD_ID_WRONG))
    name = _reviewer(data)
    reason = data.get("reason", "")
    if reason is None:
        reason = ""
    if not isinstance(reason, str):
        raise _Refusal(400, "reason", said(REASON_NOT_TEXT))
    reason = reason.strip()
    if len(reason) > REPORT_TEXT_MAX:
        raise _Refusal(400, "reason", said(REASON_TOO_LONG, str(REPORT_TEXT_MAX)))
    if any(unicodedata.category(ch).startswith("C") for ch in reason):
        raise _Refusal(400, "reason", said(REASON_UNPRINTABLE))
    if not accept and not reason:
        raise _Refusal(400, "reason", said(REASON_MISSING))
    return held_id, name, reason


def _json_object(body: bytes) -> dict[str, Any]:
    """The JSON object of a small request body; 400 saying what is wrong."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _Refusal(400, "malformed", said(NOT_JSON)) from None
    if not isinstance(data, dict):
        raise _Refusal(400, "malformed", said(NOT_JSON_OBJECT))
    return data


def _reviewer(data: dict[str, Any]) -> str:
    """The reviewer's user name in a request body (the device's name is its enrolment's)."""
    user = data.get("reviewer")
    try:
        return check_name(user if isinstance(user, str) else "")
    except ValidationFailed as error:
        raise _Refusal(400, "reviewer", said(REVIEWER_WRONG, error.reason)) from None


def _unknown_key() -> _Refusal:
    """The refusal of a request signed by a key the hub does not know (or no longer: its
    device enrolled again with new keys)."""
    return _Refusal(
        401,
        "unknown_key",
        "发送设备未登记，或密钥与登记的不符：县里重新登记过本机的，请导入县里最新发的"
        "登记文件后再同步（本机数据都保留）；否则请核对同步地址是不是本县的中心",
    )


def _revoked(peer: Peer) -> _Refusal:
    """The refusal of a request of a revoked device (when: a fact it says in its own words)."""
    assert peer.revoked_at
    return _Refusal(
        403,
        "revoked",
        f"设备 {peer.name} 已于 {china_minute(peer.revoked_at)} 被县里注销，不能再同步。"
        f"电脑找回或换了电脑的，请县里用原设备名 {peer.name} 重新登记，导入新的登记文件后"
        "即可同步；本机台账里的数据都保留",
        {"revoked_at": peer.revoked_at},
    )


def _still_county(hub: Hub, signed: httpauth.SignedRequest) -> None:
    """Worker thread, where a county decision is written: the device that signed it, as the
    hub's ledger says now. Authenticated as its header arrived (`_authenticate`), a decision
    waits for its body (up to a minute) and for its turn behind imports (`max_exchanges`):
    a county laptop revoked meanwhile (lost, stolen), or enrolled again on a new computer (its
    key no longer the device's), is refused (`_Refusal`) as its header would be now, and
    decides nothing."""
    peer = hub.state.peer_by_key(signed.key_id)
    if peer is None or peer.role != "device" or peer.name != signed.device:
        raise _unknown_key()
    if peer.revoked_at:
        raise _revoked(peer)
    if not _may_view_status(peer):
        raise _Refusal(403, "role", said(COUNTY_ONLY))


def _may_view_status(peer: Peer) -> bool:
    """A county device may see every device's exchanges (the role comes from the enrolment)."""
    return str(getattr(peer, "device_role", None) or "") == "county"


# -- server ---------------------------------------------------------------------------------


class _HubProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing connections that never finish their headers.

    uvicorn times out idle keep-alive connections only after a first response; a client that
    connects and then trickles (or never sends) its request line would hold a connection for
    good.
    """

    header_timeout_s = 15.0

    def connection_made(self, transport: Any) -> None:  # noqa: ANN401 - asyncio.Transport
        """Start the header clock for the first request."""
        super().connection_made(transport)
        self._arm_header_timer()

    def on_response_complete(self) -> None:
        """Start the header clock again for a next request on this connection."""
        super().on_response_complete()
        self._arm_header_timer()

    def _arm_header_timer(self) -> None:
        cycle = self.cycle
        self.loop.call_later(self.header_timeout_s, self._header_timeout, cycle)

    def _header_timeout(self, armed_with: object) -> None:
        waiting = self.cycle is armed_with and (self.cycle is None or self.cycle.response_complete)
        if waiting and not self.transport.is_closing():
            self.transport.close()


def server_config(
    service: HubService,
    host: str = "127.0.0.1",
    port: int = 8765,
    log_level: str = "warning",
    *,
    uvicorn_logging: bool = True,
) -> uvicorn.Config:
    """The uvicorn configuration for `service`; without `uvicorn_logging` uvicorn installs no
    handlers of its own (`serve` gives its loggers the redacting one)."""
    settings = service.settings
    protocol = type("HubProtocol", (_HubProtocol,), {"header_timeout_s": settings.header_timeout_s})
    return uvicorn.Config(
        service.app,
        host=host,
        port=port,
        http=protocol,
        ws="none",
        lifespan="off",
        limit_concurrency=settings.max_connections,
        timeout_keep_alive=settings.keep_alive_s,
        log_level=log_level,
        log_config=LOGGING_CONFIG if uvicorn_logging else None,
        access_log=log_level in {"info", "debug"},
        server_header=False,
    )


class ServerThread:
    """A real hub server on a background thread (tests, the bench, the desktop's own hub)."""

    def __init__(
        self,
        root: Path,
        settings: ServiceSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        credentials: Credentials | None = None,
    ) -> None:
        self.service = HubService(root, settings, credentials)
        self.server = uvicorn.Server(server_config(self.service, host, port))
        self._thread = threading.Thread(target=self.server.run, name="hub-http", daemon=True)

    def start(self, timeout: float = 10.0) -> ServerThread:
        """Start serving; returns once the socket listens."""
        self._thread.start()
        until = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > until:
                raise RuntimeError("hub server did not start")
            time.sleep(0.01)
        return self

    @property
    def url(self) -> str:
        """The base URL devices push to."""
        (sock,) = self.server.servers[0].sockets
        host, port = sock.getsockname()[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        """Stop serving and close the hub sessions."""
        self.server.should_exit = True
        self._thread.join(timeout=10)
        self.service.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


#: `--host` values that listen on every address of the machine.
EVERY_ADDRESS = ("0.0.0.0", "::", "")


def served_at(host: str, port: int) -> tuple[str, str]:
    """Where `hub serve` says it serves, and (for every address) what devices write.

    `--host 0.0.0.0` listens on every address: http://0.0.0.0:8765/ is no address a village
    can write, so it is said as 本机所有地址的 8765 端口, with this machine's own addresses."""
    if host not in EVERY_ADDRESS:
        return f"http://{host}:{port}/", ""
    own = own_addresses()
    urls = "、".join(f"http://{a}:{port}/" for a in own) or f"http://中心电脑的地址:{port}/"
    return f"本机所有地址的 {port} 端口", f"设备写 {urls}，"


def own_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback: its name's, and the one its route
    out leaves from (a UDP socket's connect sends nothing). [] when it has none."""
    found: set[str] = set()
    with suppress(OSError):
        found |= {
            str(i[4][0]) for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        }
    with suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: only the route is looked up
        found.add(str(probe.getsockname()[0]))
    return sorted(a for a in found if not a.startswith(("127.", "0.")))


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB,
    credentials: Credentials | None = None,
) -> None:
    """Run the hub service until interrupted (`fieldapp hub serve`); an encrypted hub is
    opened as one of its users."""
    sock = listen(host, port)  # before anything is said to be served
    try:
        service = HubService(root, ServiceSettings(max_upload_mb=max_upload_mb), credentials)
    except BaseException:
        sock.close()
        raise
    where, devices_write = served_at(host, port)
    if service.waiting is not None:  # the database not up yet: served all the same
        at = f"{where}（{devices_write.rstrip('，')}）" if devices_write else where
        print(
            f"汇总中心已在 {at} 开始服务，但还连不上它的数据库："
            f"{service.waiting}。数据库恢复之前，各设备的每个请求都被告知稍后再试；恢复后"
            f"自动照常服务，不必重启本服务（单次上传上限 {max_upload_mb} MB），Ctrl+C 停止",
            flush=True,
        )
    else:
        print(
            f"汇总中心 {service.name} 已在 {where} 服务（{devices_write}指纹 {service.fingerprint}，"
            f"单次上传上限 {max_upload_mb} MB），Ctrl+C 停止",
            flush=True,
        )
    if service.doubt is not None:  # said where the clerk looks first (`own_clock`)
        print(f"警告：{service.doubt.said}", flush=True)
        if not service.doubt.devices:
            print(own_clock.CONFIRM_HINT, flush=True)
    # The hub's own warnings and errors (a refused file not kept, the traceback of an error
    # answered with 500) go to the same terminal or service log as uvicorn's, with the time;
    # every line of either through the desktop's masking (a fault's message may carry a
    # bundle's names, ID numbers and accounts, or a password), never a request's headers.
    if credentials is not None:
        hide(credentials.password)
    handlers = _log_to_stderr()
    try:
        config = server_config(service, host, port, log_level="info", uvicorn_logging=False)
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        for name, handler in handlers:
            logging.getLogger(name).removeHandler(handler)
        service.close()
        sock.close()


def _log_to_stderr() -> list[tuple[str, logging.Handler]]:
    """Our loggers (warnings and up) and uvicorn's (its start, errors and access lines) to
    stderr, redacted; the handlers added, to be removed when the service stops."""
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s：%(message)s")
    added: list[tuple[str, logging.Handler]] = []
    for name, level in (("fieldapp", logging.WARNING), ("uvicorn", logging.INFO)):
        handler = logging.StreamHandler()
        handler.setFormatter(formatter)
        handler.setLevel(level)
        logging.getLogger(name).addHandler(handler)
        added.append((name, handler))
    return added


def _hold(path: Path) -> io.BufferedRandom:
    """`path` opened and locked for this process (the lock goes with the process, a crash
    included); SyncError when another process holds it."""
    handle = path.open("a+b")
    try:
        handle.seek(0)
        if sys.platform == "win32":  # (os.name == "nt"; the form mypy reads for the platform)
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise SyncError(
            f"汇总中心文件夹 {path.parent} 已经有一个 hub serve 在服务：一个文件夹只能由一个"
            "服务打开，请先停止它（或连到它的端口）"
        ) from None
    return handle


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host`:`port` for the service; SyncError in the clerk's words when
    the port is taken, not allowed or out of range, or the address is not this machine's
    (uvicorn would say it in English, after the service was announced)."""
    if not 0 <= port < 65536:  # 0: any free port (tests)
        raise SyncError(f"端口 {port} 不对：应为 1—65535 之间的整数（默认 8765）")
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError):
        raise SyncError(
            f"监听地址「{host}」不是本机的地址，请检查 --host（默认 127.0.0.1）"
        ) from None
    sock = socket.socket(family, kind, proto)
    try:
        if os.name != "nt":  # restart at once after a stop (Windows would share the port)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
        sock.setblocking(False)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise SyncError(
                f"端口 {port} 已被占用（是不是已经有一个 hub serve 在运行？）："
                "请先停止它，或用 --port 换一个端口"
            ) from None
        if error.errno == errno.EACCES:
            raise SyncError(
                f"没有权限使用端口 {port}（1024 以下的端口需要管理员权限），请用 --port 换一个端口"
            ) from None
        if error.errno == errno.EADDRNOTAVAIL:
            raise SyncError(
                f"监听地址「{host}」不是本机的地址，请检查 --host（默认 127.0.0.1）"
            ) from None
        raise SyncError(f"无法在 {host}:{port} 上服务：{error.strerror or error}") from None
    return sock


__all__ = [
    "DEFAULT_MAX_UPLOAD_MB",
    "HubService",
    "ServerThread",
    "ServiceSettings",
    "listen",
    "serve",
    "server_config",
]
