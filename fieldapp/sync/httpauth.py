"""Signed HTTP requests: a device proves who it is in a header, before its body is stored.

The bundle inside a body is signed too, but the hub can only check that after it has taken the
whole body in; an upload from anyone would cost the hub disk and memory first. So every request
to the hub carries one header, signed with the device's enrolled Ed25519 key, over

```
fieldapp-request-v1 \\n METHOD \\n PATH \\n DEVICE NAME \\n KEY ID \\n UNIX TIME \\n NONCE \\n
BODY LENGTH \\n BODY SHA-256
```

The hub checks the signature, the key (enrolled, not revoked), the time (within
`MAX_SKEW_S`) and the nonce (never seen within that window) from the header alone; then it
streams the body to disk while hashing it, stops at the signed length, and keeps the file only
when the hash matches. A captured header is worthless for another body, another path, another
device or after the window; within the window its nonce is refused a second time.

Header (ASCII only, so the device name travels percent-encoded):
`X-Fieldapp-Auth: v1 device=%E7%94%B2%E6%9D%91 key=0123abcd… ts=1764590000 nonce=… length=123
sha256=… sig=<base64>`
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import threading
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from fieldapp.sync import crypto

HEADER = "X-Fieldapp-Auth"
VERSION = "v1"
#: How far a request's clock may be from the hub's (a village laptop's clock is often minutes
#: off; a captured request is refused once this is past).
MAX_SKEW_S = 300
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
#: What a nonce is written with (ours are hex; letters, digits, - and _ are taken).
_NONCE_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")


class AuthRefused(Exception):
    """A request header that does not prove a device: `status` 401 (who?) or 403 (not you)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class SignedRequest:
    """The parsed fields of one request header."""

    device: str
    key_id: str
    timestamp: int
    nonce: str
    length: int
    sha256: str
    signature: bytes

    def message(self, method: str, path: str) -> bytes:
        """The bytes the signature covers."""
        return _message(
            method,
            path,
            self.device,
            self.key_id,
            self.timestamp,
            self.nonce,
            self.length,
            self.sha256,
        )


def _message(
    method: str,
    path: str,
    device: str,
    key_id: str,
    timestamp: int,
    nonce: str,
    length: int,
    sha256: str,
) -> bytes:
    parts = [
        "fieldapp-request-v1",
        method.upper(),
        path,
        device,
        key_id,
        str(timestamp),
        nonce,
        str(length),
        sha256,
    ]
    return "\n".join(parts).encode("utf-8")


def sign_request(
    method: str,
    path: str,
    device: str,
    sign_secret: bytes,
    length: int,
    sha256: str,
    now: float | None = None,
    nonce: str | None = None,
) -> str:
    """The header value for one request of `device` (body of `length` bytes hashing to `sha256`;
    `nonce`: the caller's, to check the hub's refusal by, else a new one)."""
    key_id = crypto.key_id(crypto.KeyPair(sign_secret, bytes(32)).sign_public)
    timestamp = int(now if now is not None else time.time())
    nonce = nonce or secrets.token_hex(16)
    signature = crypto.sign(
        _message(method, path, device, key_id, timestamp, nonce, length, sha256), sign_secret
    )
    fields = {
        "device": urllib.parse.quote(device, safe=""),
        "key": key_id,
        "ts": str(timestamp),
        "nonce": nonce,
        "length": str(length),
        "sha256": sha256,
        "sig": base64.b64encode(signature).decode("ascii"),
    }
    return VERSION + " " + " ".join(f"{k}={v}" for k, v in fields.items())


def parse_header(value: str | None) -> SignedRequest:
    """The fields of a header value; AuthRefused(401) when missing or malformed."""
    if not value:
        raise AuthRefused(401, "unsigned", "请求没有设备签名")
    version, _, rest = value.strip().partition(" ")
    if version != VERSION:
        raise AuthRefused(401, "bad_header", "签名格式不认识：请先升级本程序（劳动力台账）")
    fields: dict[str, str] = {}
    for item in rest.split():
        name, sep, text = item.partition("=")
        if not sep or name in fields:
            raise AuthRefused(401, "bad_header", "签名格式不对")
        fields[name] = text
    try:
        parsed = SignedRequest(
            device=urllib.parse.unquote(fields["device"], errors="strict"),
            key_id=fields["key"],
            timestamp=int(fields["ts"]),
            nonce=fields["nonce"],
            length=int(fields["length"]),
            sha256=fields["sha256"].lower(),
            signature=base64.b64decode(fields["sig"], validate=True),
        )
    except (KeyError, ValueError, UnicodeDecodeError):
        raise AuthRefused(401, "bad_header", "签名格式不对") from None
    if (
        parsed.length < 0
        or len(parsed.sha256) != 64
        or not 16 <= len(parsed.nonce) <= 64
        or not _NONCE_CHARS.issuperset(parsed.nonce)
    ):
        raise AuthRefused(401, "bad_header", "签名格式不对")
    return parsed


#: How many requests one village or township device may make within the span its nonces are
#: remembered (`NonceCache.span_s`, ten minutes). A device exchanges once per 同步 (one signed
#: request; its health check, signed too, is not counted: the hub keeps no nonce of it) and a
#: coordinator syncs a few times a minute at most even when retrying on a poor line: 120, one
#: request every five seconds for ten minutes, is four times that. Past it the device is
#: refused (429) until its old nonces age out.
DEVICE_REQUESTS = 120
#: The same for a county device: the county's desktop sends one request per held change it
#: accepts or dismisses, and a late bundle held whole is hundreds of them (a listing shows up
#: to 2000), besides its status and listing requests.
COUNTY_REQUESTS = 3000
#: The most nonces remembered at once. A county of 300 villages' and 30 townships' devices at
#: their full share, and a few county devices at theirs, stay under it (330 x 120 + 10 x 3000
#: = 69,600; measured at about 240 bytes each, 100,000 take some 24 MB). Full, the hub refuses new requests (503)
#: rather than forget a nonce still within its window.
NONCE_LIMIT = 100_000

#: What a device past its share is told (`{cap}`: its share).
TOO_MANY = (
    "本机十分钟内向中心发出的请求太多（超过 {cap} 次），中心暂不受理；请过十分钟再同步。"
    "没有人这样反复同步的，请告诉县里管理汇总中心的同志核查本机"
)
#: What every device is told while the hub's memory of recent requests is full.
BUSY = "中心这十分钟内收到的请求太多，暂不受理新的请求；请过十分钟再同步，急用可改用U盘交换"


class NonceCache:
    """Nonces seen within the time window, so a captured header cannot be sent twice.

    A nonce is remembered for `span_s` (twice the window: a header stamped up to the window
    ahead of the hub's clock is still fresh until the window after it), and never forgotten
    sooner. Memory is bounded instead by refusing: a key that has taken `per_key` nonces within
    the span is refused (429, `TOO_MANY`) until its oldest age out, and while `limit` nonces
    are remembered every new request is refused (503, `BUSY`). A refused request's nonce is not
    remembered (nor written), so a flood from one enrolled device can neither push another
    device's captured header out of memory nor keep other devices from exchanging.

    With a `path` (the hub folder's `nonces` file) every nonce taken is also written there,
    and those still within the window are read back when the service starts again: a header
    captured in the minutes before a restart is refused after it as before it. The file holds
    no secret (key ids, random nonces, times); it is rewritten with only the recent lines at
    each start and whenever it has grown to twice what is still remembered. Written, not
    synced to disk: a power cut may forget the last few nonces, whose bundles the import
    still refuses by their own serial and id.
    """

    def __init__(
        self,
        window_s: int = MAX_SKEW_S,
        limit: int = NONCE_LIMIT,
        path: Path | None = None,
        per_key: int = DEVICE_REQUESTS,
    ) -> None:
        self.window_s = window_s
        self.span_s = 2 * window_s
        self.limit = limit
        self.per_key = per_key
        self._seen: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._taken: dict[str, int] = {}
        self._lock = threading.Lock()
        self._path = path
        self._file: TextIO | None = None
        self._lines = 0
        if path is not None:
            self._read(path, time.time())
            self._rewrite()

    def add(self, key_id: str, nonce: str, now: float, per_key: int | None = None) -> bool:
        """Record a nonce; False when it was seen within the window (a replay). AuthRefused
        (429) when `key_id` has taken its share (`per_key`, by default the cache's) within the
        span, (503) when the memory is full; then nothing is remembered or written."""
        with self._lock:
            self._forget(now)
            if (key_id, nonce) in self._seen:
                return False
            cap = self.per_key if per_key is None else per_key
            if self._taken.get(key_id, 0) >= cap:
                raise AuthRefused(429, "too_many", TOO_MANY.format(cap=cap))
            if len(self._seen) >= self.limit:
                raise AuthRefused(503, "busy", BUSY)
            self._remember(key_id, nonce, now)
            if self._file is not None:
                if self._lines >= 2 * len(self._seen) + 1000:
                    self._rewrite()
                else:
                    self._write_line(key_id, nonce, now)
            return True

    def close(self) -> None:
        """Close the file (the service stopping)."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    def _remember(self, key_id: str, nonce: str, at: float) -> None:
        self._seen[(key_id, nonce)] = at
        self._taken[key_id] = self._taken.get(key_id, 0) + 1

    def _forget(self, now: float) -> None:
        """Let go of the nonces older than the span (only those: never to make room)."""
        while self._seen:
            (key_id, _nonce), at = next(iter(self._seen.items()))
            if at >= now - self.span_s:
                break
            self._seen.popitem(last=False)
            left = self._taken[key_id] - 1
            if left:
                self._taken[key_id] = left
            else:
                del self._taken[key_id]

    def _read(self, path: Path, now: float) -> None:
        """The nonces of the file still within the window (a line that does not read is
        skipped: a crash may leave the last one half written)."""
        try:
            text = path.read_text(encoding="ascii", errors="replace")
        except FileNotFoundError:
            return
        for line in text.splitlines():
            parts = line.split(" ")
            if len(parts) != 3:
                continue
            try:
                at = float(parts[2])
            except ValueError:
                continue
            fresh = now - self.span_s <= at <= now + self.window_s
            if fresh and (parts[0], parts[1]) not in self._seen:
                self._remember(parts[0], parts[1], at)
        self._forget(now)

    def _rewrite(self) -> None:
        """The file anew with what is remembered, then kept open for appending."""
        assert self._path is not None
        if self._file is not None:
            self._file.close()
        part = self._path.with_name(self._path.name + ".part")
        with open(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as out:
            for (key_id, nonce), at in self._seen.items():
                out.write(f"{key_id} {nonce} {at:.0f}\n")
        os.replace(part, self._path)
        self._file = open(self._path, "a", encoding="ascii")  # noqa: SIM115 - kept open
        self._lines = len(self._seen)

    def _write_line(self, key_id: str, nonce: str, at: float) -> None:
        assert self._file is not None
        self._file.write(f"{key_id} {nonce} {at:.0f}\n")
        self._file.flush()
        self._lines += 1


def check_fresh(
    request: SignedRequest, nonces: NonceCache, now: float | None = None, per_key: int | None = None
) -> None:
    """Refuse a stale or replayed header, or one of a key past its share of requests
    (`per_key`, `NonceCache.add`); call after the signature checked out."""
    now = time.time() if now is None else now
    if abs(now - request.timestamp) > MAX_SKEW_S:
        raise AuthRefused(401, "stale", "请求时间与中心相差太多（请核对本机日期和时间后重试）")
    if not nonces.add(request.key_id, request.nonce, now, per_key):
        raise AuthRefused(401, "replay", "重复的请求（已经收到过）")


def verify_signature(request: SignedRequest, method: str, path: str, sign_public: bytes) -> None:
    """Refuse a header whose signature is not by `sign_public` over this method and path."""
    if crypto.key_id(sign_public) != request.key_id:
        raise AuthRefused(401, "unknown_key", "签名密钥与登记的不符")
    if not crypto.verify(request.message(method, path), request.signature, sign_public):
        raise AuthRefused(401, "bad_signature", "签名不符")


#: The hub's signature on a refusal (`sign_refusal`): `v1 key=<key id> sig=<base64>`.
REFUSAL_HEADER = "X-Fieldapp-Refusal"
#: The hub's signature on what it answers a county device's query or decision (`GET
#: /v1/status`, `GET /v1/held`, `POST /v1/held/...`; `sign_refusal` with `answer`).
ANSWER_HEADER = "X-Fieldapp-Answer"
#: What each signature covers first: an answer's never a refusal's, so the hub's signature of
#: one cannot be passed off as the other.
_REFUSAL_TAG, _ANSWER_TAG = "fieldapp-refusal-v1", "fieldapp-answer-v1"


def _refusal_message(
    path: str, device: str, nonce: str, status: int, body: bytes, tag: str = _REFUSAL_TAG
) -> bytes:
    parts = [
        tag,
        path,
        device,
        nonce,
        str(status),
        hashlib.sha256(body).hexdigest(),
    ]
    return "\n".join(parts).encode("utf-8")


def sign_refusal(
    request: SignedRequest,
    path: str,
    status: int,
    body: bytes,
    sign_secret: bytes,
    answer: bool = False,
) -> str:
    """The hub's `REFUSAL_HEADER` value for refusing `request` (to `path`) with `status` and
    `body`: signed over them and the request's device and nonce, so the device can tell the
    hub's refusal of the request it just sent from one a stranger on the network wrote, or one
    the hub gave another request. A device acts on a refusal's code and numbers (the copied-back
    question, a new numbering) only when this holds; on a plain http:// hub anyone on the LAN
    can answer in the hub's place.

    `answer`: the hub's `ANSWER_HEADER` value for what it answers a county device's query or
    decision instead, signed the same way under another tag (`_ANSWER_TAG`): the county's
    desktop shows the devices' exchanges and the held changes (which it then accepts or
    dismisses by number) only when it holds."""
    key = crypto.key_id(crypto.KeyPair(sign_secret, bytes(32)).sign_public)
    tag = _ANSWER_TAG if answer else _REFUSAL_TAG
    message = _refusal_message(path, request.device, request.nonce, status, body, tag)
    signature = crypto.sign(message, sign_secret)
    return f"{VERSION} key={key} sig={base64.b64encode(signature).decode('ascii')}"


def refusal_signed(
    value: str | None,
    path: str,
    device: str,
    nonce: str,
    status: int,
    body: bytes,
    hub_keys: dict[str, bytes],
    answer: bool = False,
) -> bool:
    """Whether `value` (a response's `REFUSAL_HEADER`) is the signature, by one of `hub_keys`
    (key id → the pinned hub's public signing key), of this refusal of the request `device`
    sent to `path` with `nonce`; with `answer`, whether `value` (its `ANSWER_HEADER`) is the
    signature of this answer to it (`sign_refusal`)."""
    tag = _ANSWER_TAG if answer else _REFUSAL_TAG
    message = _refusal_message(path, device, nonce, status, body, tag)
    if not value:
        return False
    version, _, rest = value.strip().partition(" ")
    fields = dict(item.partition("=")[::2] for item in rest.split())
    public = hub_keys.get(fields.get("key", ""))
    if version != VERSION or public is None:
        return False
    try:
        signature = base64.b64decode(fields.get("sig", ""), validate=True)
    except ValueError:
        return False
    return crypto.verify(message, signature, public)
