"""`sync push`: upload this device's bundle to the hub and import the hub's answer.

Every request carries a header signed with the device's enrolled key (`httpauth`), so the hub
can refuse a stranger before it stores a byte. The bundle streams from disk and the answer
streams back to disk: neither is held whole in memory.
"""

from __future__ import annotations

import errno
import hashlib
import http.client
import json
import logging
import os
import secrets
import unicodedata
import urllib.parse
from collections.abc import Callable, Mapping
from contextlib import suppress
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fieldapp import saving
from fieldapp.domain.dates import china_minute
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.domain.sentences import (
    COLONED,
    Sentence,
    said,
    saying,
    sentence_or_none,
    template,
)
from fieldapp.services import clock
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import httpauth
from fieldapp.sync.errors import (
    ANSWER_NOT_MADE,
    HUB_TROUBLE_ASKED,
    HUB_TROUBLE_SAID,
    UNSURE_RECORDED,
    UNSURE_RECORDED_SAID,
    UNSURE_UPLOADED,
    HubRefused,
    SyncError,
)
from fieldapp.sync.exchange import (
    ExportResult,
    ImportResult,
    ahead_of_log,
    export_bundle,
    import_bundle,
    require_identity,
)
from fieldapp.sync.files import ledger_folders, stamp

CHUNK = 1 << 16

log = logging.getLogger("fieldapp.sync.client")


def exchange_url(url: str) -> str:
    """The exchange endpoint of a hub address (a bare http://host:port/ is completed)."""
    return _endpoint(url, "/v1/exchange")


#: A hub's address (%1) not beginning with http:// or https://, or naming no computer.
NOT_AN_ADDRESS = template("地址应以 http:// 或 https:// 开头：%1")
ADDRESS_CUT = template("地址不完整：%1")
#: An upload the user stopped.
UPLOAD_CANCELLED = template("已取消上传；台账没有改动，下次同步时会重新上传")
#: The address answered elsewhere (%1 the address it sends to, %2 the HTTP status), with an
#: HTTP error (%1 the address, %2 the status), or not as a hub does (%1 the address).
HUB_MOVED = template("中心的地址应为 %1（HTTP %2），请把中心地址改成它")
NO_HUB_THERE = template(
    "这个地址上没有汇总中心：%1（对方回答 HTTP %2）。"
    "请向县里核对中心地址，特别是冒号后的端口号（如 :8765）；也可改用U盘交换数据包"
)
NOT_OUR_HUB = template(
    "这个地址上没有劳动力台账的汇总中心：%1（对方回答的不是中心的内容）。"
    "请向县里核对中心地址，特别是冒号后的端口号（如 :8765）；也可改用U盘交换数据包"
)
#: The hub's signed answer to a county device's query holds what this program cannot read.
ANSWER_UNREAD = template("中心的回复无法识别")


def _endpoint(url: str, path: str) -> str:
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise SyncError(said(NOT_AN_ADDRESS, url))
    base = url.rstrip("/")
    for known in ("/v1/exchange", "/v1/status", "/v1/health", "/v1/held"):
        if base.endswith(known):
            base = base[: -len(known)]
    return base + path


def _connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname:
        raise SyncError(said(ADDRESS_CUT, url))
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    return kind(parts.hostname, parts.port, timeout=timeout), _target(url)


def _target(url: str) -> str:
    """The path and query a request to `url` signs."""
    parts = urllib.parse.urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class _Reading:
    """A file object that reports progress and can be cancelled while http.client sends it."""

    def __init__(self, path: Path, report: Callable[[int], None], cancel: CancelCheck | None):
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self._report, self._cancel, self._sent = report, cancel, 0

    def read(self, size: int = CHUNK) -> bytes:
        """The next block (http.client calls this until it gets b"")."""
        if self._cancel and self._cancel():
            raise SyncError(said(UPLOAD_CANCELLED))
        block = self._file.read(size if size and size > 0 else CHUNK)
        self._sent += len(block)
        self._report(self._sent)
        return block

    def close(self) -> None:
        """Close the file."""
        self._file.close()


def _identity(ledger: Ledger) -> tuple[str, bytes]:
    identity = require_identity(SyncState(ledger.db), "device")
    return identity.name, identity.sign_secret


def signed_request(
    ledger: Ledger,
    url: str,
    method: str,
    body: Path | bytes | None = None,
    timeout: float = 600,
    progress: Callable[[int], None] | None = None,
    cancel: CancelCheck | None = None,
    content_type: str = "application/octet-stream",
    nonce: str | None = None,
) -> tuple[int, dict[str, str], http.client.HTTPResponse, http.client.HTTPConnection]:
    """Send one signed request (a file's or some bytes' body; `nonce`: the caller's, to check
    the hub's refusal by); returns (status, headers, open response, its connection)."""
    device, secret = _identity(ledger)
    if isinstance(body, bytes):
        length, sha = len(body), hashlib.sha256(body).hexdigest()
    else:
        length = body.stat().st_size if body is not None else 0
        sha = _sha256_of(body) if body is not None else httpauth.EMPTY_SHA256
    connection, path = _connection(url, timeout)
    headers = {
        httpauth.HEADER: httpauth.sign_request(
            method, path, device, secret, length, sha, nonce=nonce
        ),
        "Content-Length": str(length),
        "Content-Type": content_type,
    }
    reading = (
        _Reading(body, progress or (lambda _n: None), cancel) if isinstance(body, Path) else None
    )
    sent = reading if reading is not None else body if isinstance(body, bytes) else None
    try:
        connection.request(method, path, body=sent, headers=headers)
        response = connection.getresponse()
    except SyncError:
        connection.close()
        raise
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise SyncError(said(CANNOT_CONNECT, url, _why(error, disk=False))) from None
    finally:
        if reading is not None:
            reading.close()
    return response.status, dict(response.getheaders()), response, connection


def health(url: str, timeout: float = 30, ledger: Ledger | None = None) -> dict[str, Any]:
    """The hub's name, fingerprint and upload cap (`GET /v1/health`, no signature needed).

    With `ledger` (an enrolled device) the request is signed and the cap (`max_upload_mb`)
    is kept only when the hub signed the answer for it (`httpauth.refusal_signed`): on a plain
    http:// address anyone on the network could answer with a cap of 1 MB and have every
    sync refused before it starts. Without a cap the upload goes ahead, and the hub's own
    signed refusal (413) says when it is too big."""
    endpoint = _endpoint(url, "/v1/health")
    nonce = secrets.token_hex(16)
    if ledger is not None:  # connection errors are said by `signed_request`
        _s, _h, response, connection = signed_request(
            ledger, endpoint, "GET", timeout=timeout, nonce=nonce
        )
    else:
        connection, path = _connection(endpoint, timeout)
    try:
        if ledger is None:
            connection.request("GET", path)
            response = connection.getresponse()
        data = response.read()
    except (OSError, http.client.HTTPException) as error:
        raise SyncError(said(CANNOT_CONNECT, url, _why(error, disk=False))) from None
    finally:
        connection.close()
    if response.status in GATEWAY_DOWN:
        raise SyncError(_gateway_down(response.status))
    moved = response.getheader("Location") if response.status in (301, 302, 307, 308) else None
    if moved:  # nginx's port-80 server of docs/deploy/ sends everyone to https://
        to = _endpoint(moved, "/") if moved.startswith(("http://", "https://")) else moved
        raise SyncError(said(HUB_MOVED, to, str(response.status)))
    if response.status != 200:
        raise SyncError(said(NO_HUB_THERE, url, str(response.status)))
    try:
        answer = dict(json.loads(data))
    except (ValueError, TypeError):
        raise SyncError(said(NOT_OUR_HUB, url)) from None
    if ledger is None:
        return answer
    if httpauth.refusal_signed(
        response.getheader(httpauth.ANSWER_HEADER),
        _target(endpoint),
        _identity(ledger)[0],
        nonce,
        response.status,
        data,
        _hub_keys(ledger),
        answer=True,
    ):
        _note_hub_time(ledger, answer)
    else:
        answer.pop("max_upload_mb", None)  # not the hub's word: no cap is trusted
        answer.pop("hub_time", None)  # nor its clock
    return answer


def push(
    ledger: Ledger,
    url: str,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    timeout: float = 600,
) -> tuple[ExportResult, ImportResult]:
    """Export, upload, and import the answer; SyncError (Chinese) when anything fails."""
    folders = ledger_folders(ledger.path)
    outbox = folders.inbox.parent / "outbox"
    told = health(url, timeout=min(timeout, 60), ledger=ledger)
    limit = told.get("max_upload_mb")
    sent = export_bundle(ledger, outbox / f"{stamp()}-push.fieldsync", progress, cancel)
    received = outbox / f"{stamp()}-answer.fieldsync"
    try:
        size = sent.path.stat().st_size
        if isinstance(limit, int) and size > limit * 1024 * 1024:
            raise SyncError(said(TOO_LARGE, megabytes(size), str(limit)))
        _upload(ledger, exchange_url(url), sent.path, received, progress, cancel, timeout)
    finally:
        sent.path.unlink(missing_ok=True)
    try:
        result = import_bundle(ledger, received, folders=folders, progress=progress, cancel=cancel)
    finally:
        received.unlink(missing_ok=True)
    # The hub's clock now, to this laptop's (`clock`), when its answer was written after what
    # its health answer, signed for this request, said: an answer is bound to no request, and
    # one a relay kept back for days and handed over now says only that the hub's clock was
    # at least that far on (it would have had an honest laptop judged days ahead).
    with ledger.transaction():
        clock.note(ledger, result.sent_at, fresh=clock.written_since(result.sent_at, told))
    return sent, result


def _upload(
    ledger: Ledger,
    url: str,
    bundle: Path,
    answer: Path,
    progress: Progress | None,
    cancel: CancelCheck | None,
    timeout: float,
) -> None:
    size = bundle.stat().st_size
    report = (lambda n: progress(n, size)) if progress else None
    nonce = secrets.token_hex(16)
    status, _headers, response, connection = signed_request(
        ledger, url, "POST", bundle, timeout, report, cancel, nonce=nonce
    )
    try:
        if status == HTTPStatus.INTERNAL_SERVER_ERROR:  # the hub failed, it refused nothing
            raise SyncError(
                _unfinished(response, _target(url), _identity(ledger)[0], _hub_keys(ledger), nonce)
            )
        if status != 200:
            device, keys = _identity(ledger)[0], _hub_keys(ledger)
            message, code, received, signed = _signed_refusal(
                ledger, response, _target(url), device, keys, nonce, status
            )
            raise HubRefused(
                refused_upload(
                    message,
                    code,
                    status,
                    _facts(ledger, signed, bundle),
                    _hub_said(message, signed),
                ),
                code,
                # A replay of a bundle just exported, the hub holding more of this ledger's
                # numbering than it has: copied back from a backup (an older hub says no number).
                copied_back=code == "replay"
                and received is not None
                and ahead_of_log(ledger, received),
            )
        temp = answer.with_name(answer.name + ".part")
        try:
            with open(temp, "wb") as out:
                while block := response.read(1 << 20):
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, answer)
        except (OSError, http.client.HTTPException) as error:
            temp.unlink(missing_ok=True)
            raise SyncError(said(ANSWER_CUT, _why(error))) from None
    finally:
        connection.close()


#: An upload the hub refused: its words (`_plain`, as the hub wrote them).
REFUSED_UPLOAD = template("中心拒绝了上传：%1")
#: An upload the hub failed to answer (HTTP 500): its words.
UNFINISHED = template("同步没有完成：%1")
#: An upload the hub imported but could not answer (HTTP 500, `ANSWER_NOT_MADE`, signed by the
#: hub for it): the changes are at the hub; only its answer is to be fetched, by a later sync.
IMPORTED_UNANSWERED = template(
    "同步没有完成，但中心已经收到并导入了本机这次上传的修改，只是还没能给本机回复（中心自己的"
    "问题）：请稍后再同步一次，取回中心的回复，本机不用重新录入；一直这样，请告诉县里管理汇总"
    "中心的同志"
)


def _unfinished(
    response: http.client.HTTPResponse, target: str, device: str, keys: dict[str, bytes], nonce: str
) -> Sentence:
    """What the coordinator reads of an upload the hub failed to answer (HTTP 500): that its
    changes are at the hub and only the answer is to be fetched (`IMPORTED_UNANSWERED`) when
    the hub says so (`ANSWER_NOT_MADE`) and signed it for this upload (`httpauth.refusal_signed`:
    a relay's word that they went in is not taken — `_refusal` says it unverified); else that
    the sync did not finish, in the hub's words (`UNFINISHED`), as before."""
    header = response.getheader(httpauth.REFUSAL_HEADER)

    def by_the_hub(body: bytes, answer: dict[str, Any]) -> bool:
        if answer.get("error") != ANSWER_NOT_MADE:  # (nothing acted on: said as it came)
            return True
        return httpauth.refusal_signed(header, target, device, nonce, response.status, body, keys)

    message, code, _received = _refusal(response, by_the_hub)
    return said(IMPORTED_UNANSWERED) if code == ANSWER_NOT_MADE else said(UNFINISHED, message)


#: Refusals of an upload this device says in its own words, in the language shown: what the
#: hub's words (Chinese) said, the facts in them this device knows (its name, its bundle's
#: size) or reads from the signed refusal (when it was revoked, the hub's upload limit).
REVOKED_AT = template(
    "县里已于 %1 注销了本机（%2），不能再同步。电脑找回或换了电脑的，请县里用原设备名 %2 "
    "重新登记，导入新的登记文件后即可同步；本机台账里的数据都保留"
)
#: … revoked, by a hub that does not say when.
REVOKED = template(
    "县里已注销了本机（%1），不能再同步。电脑找回或换了电脑的，请县里用原设备名 %1 "
    "重新登记，导入新的登记文件后即可同步；本机台账里的数据都保留"
)
UNKNOWN_KEY = template(
    "中心不认得本机的密钥：县里重新登记过本机的，请导入县里最新发的登记文件后再同步"
    "（本机数据都保留）；否则请核对同步地址是不是本县的中心"
)
BAD_SIGNATURE = template(
    "中心核对本机请求的签名不符，没有接收：请再同步一次；一直这样，请告诉县里管理汇总中心的同志"
)
#: A request the hub had already received (its nonce seen): not a bundle sent before.
REPEATED_REQUEST = template("中心已经收到过这次请求，没有再接收：请再同步一次")
#: The device's clock off: the hub said its own clock (a hub doubting its own says nothing,
#: and its words, that its own date is likely wrong, are said as they came).
CLOCK_OFF = template("本机的日期和时间与中心相差太多，中心没有接收：请核对本机的日期和时间后再同步")
#: A bundle over the hub's upload limit: its size and the limit, in MB.
TOO_LARGE = template("数据包 %1 MB，超过中心允许的 %2 MB：请改用U盘交换")


def megabytes(size: int) -> str:
    """`size` bytes in MB as a bundle over a limit is said: rounded up to a tenth, so a bundle
    just over 1 MB reads 1.1 MB, not 1 MB over a limit of 1 MB."""
    tenths = -(-size * 10 // 1048576)
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


def refused_upload(
    message: str,
    code: str,
    status: int = 0,
    facts: dict[str, str] | None = None,
    hub_said: Sentence | None = None,
) -> Sentence:
    """What the coordinator reads of an upload the hub refused (its HTTP `status`): for a code
    of the hub's own trouble (`HUB_TROUBLE_SAID`) or one this device knows (`REVOKED` …)
    — signed by the hub: `_refusal` drops a code it did not sign — this device's own sentence,
    said in the language shown, of the `facts` it has (`_facts`); else the hub's words
    (`_plain`), which carry what the device cannot know (a bundle's fault, its numbers), after
    this device's own opening — as their sentence where the hub signed one whose Chinese is
    its words (`hub_said`, `_hub_said`: said in the window's language), else as text (an
    older hub's). An upload the hub cannot say whether it took (`UNSURE_RECORDED`:
    its database's connection lost as it saved it) is `UNSURE_UPLOADED`, never 没有导入."""
    facts = facts or {}
    if code in HUB_TROUBLE_SAID:
        return said(HUB_TROUBLE_SAID[code])
    if code == UNSURE_RECORDED:  # taken or not, nobody knows; sending again takes none twice
        return said(UNSURE_UPLOADED)
    own = refused_request(code, status, facts)
    if own is not None:
        return own
    if (
        code == "too_large"
        and status == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        and "limit" in facts
        and "size" in facts
    ):
        return said(TOO_LARGE, facts["size"], facts["limit"])
    return said(REFUSED_UPLOAD, hub_said or message)


def refused_request(code: str, status: int, facts: Mapping[str, str]) -> Sentence | None:
    """This device's own sentence for a refusal of any of its requests to the hub — an
    upload (`refused_upload`) or a county device's query or decision (`_hub_answer`) — for a
    code of this device's standing with the hub, signed by the hub (`_refusal` drops a code it
    did not sign): revoked (when, from `facts`), its key unknown, its signature not holding,
    the request seen before, its clock off (the hub told its own). None for any other: the
    caller says the hub's words."""
    if code == "revoked" and "device" in facts:
        if "revoked_at" in facts:
            return said(REVOKED_AT, facts["revoked_at"], facts["device"])
        return said(REVOKED, facts["device"])
    if code == "unknown_key":
        return said(UNKNOWN_KEY)
    if code == "bad_signature":
        return said(BAD_SIGNATURE)
    if code == "replay" and status == HTTPStatus.UNAUTHORIZED:  # the request's, not a bundle's
        return said(REPEATED_REQUEST)
    if code == "stale" and "hub_time" in facts:
        return said(CLOCK_OFF)
    return None


def _facts(ledger: Ledger, answer: Mapping[str, Any], bundle: Path | None = None) -> dict[str, str]:
    """What this device knows for saying a refusal in its own words (`refused_upload`,
    `refused_request`): its name, its bundle's size (MB) when it uploaded one; from the
    refusal's body the hub signed (`answer`, as `_signed_refusal` read it: empty when the hub
    did not sign it), when it was revoked (China time), the hub's upload limit (MB) and
    whether it told its clock."""
    facts = {"device": _identity(ledger)[0]}
    if bundle is not None:
        facts["size"] = megabytes(bundle.stat().st_size)
    revoked_at, limit = answer.get("revoked_at"), answer.get("max_upload_mb")
    if isinstance(revoked_at, str) and revoked_at:
        with suppress(ValueError, TypeError):
            facts["revoked_at"] = china_minute(revoked_at)
    if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
        facts["limit"] = str(limit)
    if answer.get("hub_time"):
        facts["hub_time"] = str(answer["hub_time"])
    return facts


#: What did not happen when the hub refused a county device's query or decision, said before
#: the hub's words (`REQUEST_REFUSED`): the devices' state, the held changes, an acceptance, a
#: dismissal, a re-judging.
STATUS_NOT_GIVEN = template("中心没有给出各设备情况")
HELD_NOT_GIVEN = template("中心没有给出未接受的修改")
ACCEPT_NOT_RECORDED = template("中心没有记下这次接受")
DISMISS_NOT_RECORDED = template("中心没有记下这次不予采纳")
NOT_REJUDGED = template("中心没有重新核对")
#: A county device's query or decision refused for a reason this device has no words of its
#: own for (`refused_request` has none): what did not happen (%1, `STATUS_NOT_GIVEN` …) in the
#: language shown, then the hub's words (%2, `_plain`: the facts only the hub knows).
REQUEST_REFUSED = COLONED


def county_status(ledger: Ledger, url: str, timeout: float = 60) -> dict[str, Any]:
    """The hub's view of every device (`GET /v1/status`), for a county device."""
    data = _hub_answer(ledger, _endpoint(url, "/v1/status"), "GET", STATUS_NOT_GIVEN, timeout)
    try:
        return dict(json.loads(data))
    except (ValueError, TypeError):
        raise SyncError(said(ANSWER_UNREAD)) from None


def held_changes(
    ledger: Ledger, url: str, status: str | None = None, timeout: float = 60
) -> dict[str, Any]:
    """The changes the hub holds for the county's review (`GET /v1/held`): pending ones, or
    those of `status` (held, accepted, dismissed); for a county device."""
    query = f"?status={urllib.parse.quote(status)}" if status else ""
    data = _hub_answer(ledger, _endpoint(url, "/v1/held") + query, "GET", HELD_NOT_GIVEN, timeout)
    try:
        return dict(json.loads(data))
    except (ValueError, TypeError):
        raise SyncError(said(ANSWER_UNREAD)) from None


def decide_held(
    ledger: Ledger,
    url: str,
    held_id: int,
    accept: bool,
    reviewer: str,
    reason: str = "",
    timeout: float = 120,
) -> dict[str, Any]:
    """Accept or dismiss (with a reason) one held change at the hub (`POST /v1/held/accept`,
    `/v1/held/dismiss`), as `reviewer` of this county device; the decided item."""
    body = json.dumps({"id": held_id, "reviewer": reviewer, "reason": reason}).encode()
    path = "/v1/held/accept" if accept else "/v1/held/dismiss"
    failed = ACCEPT_NOT_RECORDED if accept else DISMISS_NOT_RECORDED
    data = _hub_answer(ledger, _endpoint(url, path), "POST", failed, timeout, body)
    try:
        return dict(json.loads(data)["held"])
    except (ValueError, KeyError, TypeError):
        raise SyncError(said(ANSWER_UNREAD)) from None


def rejudge_held(ledger: Ledger, url: str, reviewer: str, timeout: float = 600) -> dict[str, Any]:
    """After the hub's clock is put right: the changes it held by its clock judged again at
    the hub (`POST /v1/held/rejudge`), as `reviewer` of this county device. The hub's signed
    answer: `accepted` and `still_ahead` (held ids), `refused` ({id, reason, said}: held now
    by another rule; `said` its reason's `Sentence`, or None), `waiting` (held ids still waiting for a place: the household or person they
    belong to is still held; none from a hub that does not say); SyncError with the hub's words when it refused (its clock still in doubt)."""
    body = json.dumps({"reviewer": reviewer}).encode()
    data = _hub_answer(
        ledger, _endpoint(url, "/v1/held/rejudge"), "POST", NOT_REJUDGED, timeout, body
    )
    try:
        read = json.loads(data)
        answer: dict[str, Any] = {
            key: [int(i) for i in read[key]] for key in ("accepted", "still_ahead")
        }
        answer["refused"] = [
            {
                "id": int(r["id"]),
                "reason": str(r["reason"]),
                # its sentence, where the hub sent one that reads as this program's (None: an
                # older hub, or one a hostile hub made up — the text stands)
                "said": saying(str(r["reason"]), sentence_or_none(r.get("reason_said"))),
            }
            for r in read["refused"]
        ]
        answer["waiting"] = [int(i) for i in read.get("waiting", [])]
    except (ValueError, KeyError, TypeError):
        raise SyncError(said(ANSWER_UNREAD)) from None
    return answer


def _signed_refusal(
    ledger: Ledger,
    response: http.client.HTTPResponse,
    target: str,
    device: str,
    keys: dict[str, bytes],
    nonce: str,
    status: int,
) -> tuple[str, str, int | None, dict[str, Any]]:
    """The hub's refusal of a request this device signed (`target`, `nonce`): `_refusal`'s
    words, code and number, checked against the hub's signature for this request
    (`httpauth.refusal_signed`), and the body as `_refusal` read it when the hub signed it
    (else empty) for the facts read from it — read once, as JSON, for all of them; its clock
    noted (`_note_hub_time`: a clock refused says by how much). One reading for an upload
    (`_upload`) and a county device's query or decision (`_hub_answer`)."""
    header = response.getheader(httpauth.REFUSAL_HEADER)
    signed: list[dict[str, Any]] = []

    def by_the_hub(body: bytes, answer: dict[str, Any]) -> bool:
        holds = httpauth.refusal_signed(header, target, device, nonce, status, body, keys)
        if holds:
            signed.append(answer)
        return holds

    message, code, received = _refusal(response, by_the_hub)
    answer = signed[0] if signed else {}
    _note_hub_time(ledger, answer)
    return message, code, received, answer


def _note_hub_time(ledger: Ledger, signed: Mapping[str, Any]) -> None:
    """The hub's clock, as a refusal or an answer it signed for the request just sent gives
    it (`hub_time` of `signed`, its JSON object; empty when it signed none), noted against
    this laptop's (`clock.note`): a request refused for this laptop's date being off (`stale`)
    then says by how much, a county desktop that only asks and decides learns its date is
    off, and writes wait for it."""
    said = signed.get("hub_time")
    if isinstance(said, str):
        with ledger.transaction():
            clock.note(ledger, said, fresh=True)


#: What the county's desktop says of an answer to its query or decision that its hub did not
#: sign for the request it sent (`httpauth.refusal_signed`): on a plain http:// address anyone
#: on the network can answer in the hub's place — a false list of held changes, which the
#: county would then accept or dismiss by their numbers.
UNSIGNED_ANSWER = template(
    "中心的这份回复没有县里中心的有效签名，无法核实是中心发出的（可能是网络上有人冒充中心作答，"
    "或中心的程序太旧），本机没有采用它。请稍后再试；一直这样，请告诉管理汇总中心的同志核查"
    "网络和中心的程序"
)
#: The most of an answer read (a listing of 2,000 held changes is a few MB).
ANSWER_BYTES = 64 << 20


def _hub_answer(
    ledger: Ledger,
    url: str,
    method: str,
    failed: str,
    timeout: float,
    body: bytes | None = None,
) -> bytes:
    """The body of the hub's answer to one signed query or decision, once its signature for
    this request holds (`httpauth.refusal_signed`); SyncError when it refused: a code of this
    device's standing in its own sentence (`refused_request`), else `failed` (a template:
    what did not happen) and the hub's words (`REQUEST_REFUSED`; words it did not sign are
    said to be unverified) — for a code of the hub's own trouble (its database restarting …)
    this device's `HUB_TROUBLE_ASKED`, not the hub's words; for a decision the hub cannot
    say whether it recorded (`UNSURE_RECORDED`) that alone, nothing of what did not happen;
    `UNSIGNED_ANSWER` when the answer is not the hub's."""
    nonce = secrets.token_hex(16)
    kind = "application/json" if body is not None else "application/octet-stream"
    status, _headers, response, connection = signed_request(
        ledger, url, method, body, timeout, content_type=kind, nonce=nonce
    )
    device, keys, target = _identity(ledger)[0], _hub_keys(ledger), _target(url)
    try:
        if status != 200:
            if status == HTTPStatus.INTERNAL_SERVER_ERROR:  # the hub failed, it refused nothing
                raise SyncError(said(REQUEST_REFUSED, said(failed), _message(response)))
            message, code, _received, kept = _signed_refusal(
                ledger, response, target, device, keys, nonce, status
            )
            # The hub's own trouble (signed): no 数据包 was sent. Revoked, the key unknown, the
            # clock off …: said as an upload's refusal is (`refused_request`), in the device's
            # own words of what to do.
            own: Sentence | None
            if code in HUB_TROUBLE_SAID:
                own = said(REQUEST_REFUSED, said(failed), said(HUB_TROUBLE_ASKED))
            elif code == UNSURE_RECORDED:  # recorded or not, nobody knows: not 没有记下
                own = said(UNSURE_RECORDED_SAID)
            else:
                own = refused_request(code, status, _facts(ledger, kept))
            if own is None:  # the hub's words, after what did not happen in the device's
                own = said(REQUEST_REFUSED, said(failed), _hub_said(message, kept) or message)
            raise SyncError(own)
        try:
            data = response.read(ANSWER_BYTES + 1)
        except (OSError, http.client.HTTPException) as error:
            raise SyncError(said(ANSWER_CUT, _why(error, disk=False))) from None
        signed = response.getheader(httpauth.ANSWER_HEADER)
        if len(data) > ANSWER_BYTES or not httpauth.refusal_signed(
            signed, target, device, nonce, status, data, keys, answer=True
        ):
            raise SyncError(said(UNSIGNED_ANSWER))
        _note_hub_time(ledger, _json_object(data))  # signed for this request: its clock now
        return data
    finally:
        connection.close()


def _hub_said(message: str, signed: Mapping[str, Any]) -> Sentence | None:
    """The hub's words of a refusal as its sentence (`reason_said`, a held change's decision
    refused: `hub.rejected`), for the window to say in its language: only from a body the hub
    signed for this request (`signed`, as `_signed_refusal` read it; empty when unsigned),
    only one that reads as this program's (`sentences.sentence_or_none`) and whose Chinese is
    the hub's words as shown, word for word (`sentences.saying`: words cut short, or a
    sentence saying something else, keep the text)."""
    return saying(message, sentence_or_none(signed.get("reason_said")))


def _json_object(data: bytes) -> dict[str, Any]:
    """The JSON object `data` holds, or an empty one (not JSON, not an object)."""
    try:
        answer = json.loads(data)
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


#: A connection to the hub not made, or its request not sent: the address (%1, as the clerk
#: wrote it) and why (%2, `_why`).
CANNOT_CONNECT = template("无法连接到中心 %1：%2。可改用U盘交换数据包")
#: The hub's answer not received whole: why (%1, `_why`).
ANSWER_CUT = template("接收中心回复时中断：%1。请稍后重试")
#: Why a connection to the hub failed, or its answer was cut (`_why`), by the network's trouble.
NOTHING_SERVES = template("那里没有中心在服务（连接被拒绝：地址或端口不对，或县里的服务没有运行）")
NO_SUCH_ADDRESS = template("找不到这个地址（域名写错了，或本机没有连上网络）")
TIMED_OUT = template("连接超时（网络太慢或不通）")
NO_ROUTE = template("网络不通（本机没有连上网络，或到中心的线路断了）")
CERTIFICATE_UNVERIFIED = template(
    "中心的证书无法核实（证书过期，或不是县里的中心；县里自己签发的证书，"
    "要先把县里的根证书装进本机，见部署说明）"
)
CUT_OFF = template("连接中途断开")
#: An https:// address whose server answers in plain http (`hub serve`'s own port, written
#: https:// as the README's line through nginx/Caddy is).
NOT_HTTPS = template(
    "那里的中心不用 HTTPS 连接（地址写的是 https://，对方却按 http:// 回答）：直接连县里中心电脑的端口"
    "（如 :8765）时地址写 http://，经县里的 HTTPS 代理（nginx、Caddy）时才写 https://"
)
#: … any other (the system's own words, English on most systems, go to the log).
NETWORK_ERROR = template("网络出错")
#: What OpenSSL says when the other end answers a TLS hello in plain http (1.1–3.1: wrong
#: version number; 3.2 on: record layer failure; some builds: packet length too long).
_PLAIN_HTTP_ANSWERED = frozenset(
    {"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG"}
)
#: The errnos of a network with no way to the hub (Linux's, and Windows' WSAE… numbers, which
#: Python gives as the error's errno on a socket's failure).
_NO_ROUTE_ERRNOS = frozenset(
    {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN, 10050, 10051, 10065}
)


def _why(error: BaseException, *, disk: bool = True) -> Sentence:
    """Why a connection to the hub failed, or its answer was cut, in our words (`NOTHING_SERVES`
    …); a disk's trouble writing the answer down by its errno (`saving.disk_cause`: 磁盘已满),
    only where a file was written (`disk`): a connection's EACCES or EPERM (a firewall, security
    software) is no folder's permission nor a file another program holds open; any other said
    generally (`NETWORK_ERROR`), the system's words logged."""
    import socket
    import ssl

    if isinstance(error, ConnectionRefusedError):
        return said(NOTHING_SERVES)
    if isinstance(error, socket.gaierror):
        return said(NO_SUCH_ADDRESS)
    if isinstance(error, TimeoutError | socket.timeout):
        return said(TIMED_OUT)
    if isinstance(error, ssl.SSLCertVerificationError):
        return said(CERTIFICATE_UNVERIFIED)
    if isinstance(error, ssl.SSLError) and error.reason in _PLAIN_HTTP_ANSWERED:
        return said(NOT_HTTPS)
    if isinstance(
        error,
        ConnectionResetError
        | ConnectionAbortedError
        | BrokenPipeError
        | http.client.RemoteDisconnected
        | http.client.IncompleteRead,
    ):
        return said(CUT_OFF)
    if getattr(error, "errno", None) in _NO_ROUTE_ERRNOS:
        return said(NO_ROUTE)
    cause = saving.disk_cause(error) if disk else None
    if cause is not None:
        return cause
    log.warning("the hub could not be reached: %s", error or type(error).__name__)
    return said(NETWORK_ERROR)


#: What a reverse proxy (docs/deploy/) answers when the hub service behind it is not running
#: or does not answer in time.
GATEWAY_DOWN = frozenset({502, 503, 504})


#: A gateway's answer (%1 its HTTP status) for a hub behind it that does not answer.
HUB_DOWN = template(
    "中心暂时无法访问（HTTP %1）：地址没有错，县里的汇总中心服务可能没有运行或正忙。"
    "请稍后再试，或改用U盘交换数据包"
)


def _gateway_down(status: int) -> Sentence:
    return said(HUB_DOWN, str(status))


def _message(response: http.client.HTTPResponse) -> str:
    return _refusal(response)[0]


def _hub_keys(ledger: Ledger) -> dict[str, bytes]:
    """The pinned hub's signing keys by key id (those not revoked)."""
    hubs = SyncState(ledger.db).peers("hub")
    return {peer.key_id: peer.sign_public for peer in hubs if not peer.revoked_at}


#: What a device says of a refusal whose code or numbers it cannot check came from its hub
#: (`httpauth.sign_refusal`): on a plain http:// address anyone on the network can answer in
#: the hub's place, and the copied-back question or a new numbering is not asked on their word.
UNVERIFIED = (
    "这份拒绝没有县里中心的有效签名，无法核实是中心发出的（可能是网络上有人冒充中心作答，"
    "或中心的程序太旧），本机没有按它做任何改动。请稍后再同步一次；一直这样，请告诉县里管理"
    "汇总中心的同志，或改用U盘交换数据包（对方的原话：{said}）"
)
#: The most of a refusal's body read (the hub's are a few hundred bytes).
REFUSAL_BYTES = 1 << 16
#: The most characters of the hub's words a device shows (its longest refusal, a revoked
#: device's with the name and the advice, is under 150).
SAID_MAX = 300


def _plain(text: str) -> str:
    """The hub's (or whoever answered in its place) words as one bounded plain line for a
    dialog: a control, format or unassigned character (a line break, a terminal escape, a
    right-to-left override) a space, runs of spaces one, cut at `SAID_MAX` characters with
    "…". (The desktop draws it as typed, `widgets.as_typed`: markup shows as its text.)"""
    if not text.isprintable():
        text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    text = " ".join(text.split())
    return text if len(text) <= SAID_MAX else text[:SAID_MAX] + "…"


def _refusal(
    response: http.client.HTTPResponse,
    by_the_hub: Callable[[bytes, dict[str, Any]], bool] | None = None,
) -> tuple[str, str, int | None]:
    """The hub's words of a refusal, its code ('' when it gave none), and how many changes of
    this ledger's numbering it holds, when it says (a replayed upload's). With `by_the_hub`
    (whether the hub signed this body for the request just sent; given the body and its JSON
    object as read here, so that nothing reads it again): a code or number it did not sign is
    dropped and said to be unverified (`UNVERIFIED`), so nothing acts on it."""
    try:
        body = response.read(REFUSAL_BYTES)
        answer = json.loads(body.decode("utf-8"))
        received = answer.get("received")
        number = received if isinstance(received, int) and not isinstance(received, bool) else None
        message, code = _plain(str(answer["message"])), str(answer.get("error") or "")
        if by_the_hub is not None and (code or number is not None) and not by_the_hub(body, answer):
            return UNVERIFIED.format(said=message), "", None
        return message, code, number
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, OSError,
            http.client.HTTPException):  # fmt: skip
        if response.status in GATEWAY_DOWN:
            return str(_gateway_down(response.status)), "", None
        if response.status == HTTPStatus.INTERNAL_SERVER_ERROR:  # an older hub, or a proxy
            return (
                "中心出错了（HTTP 500）。请稍后再试；一直这样，请告诉县里管理汇总中心的同志",
                "",
                None,
            )
        return f"HTTP {response.status}", "", None
