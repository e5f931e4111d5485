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
import secrets
import threading
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass

from fieldapp.sync import crypto

HEADER = "X-Fieldapp-Auth"
VERSION = "v1"
#: How far a request's clock may be from the hub's (a village laptop's clock is often minutes
#: off; a captured request is refused once this is past).
MAX_SKEW_S = 300
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


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
) -> str:
    """The header value for one request of `device` (body of `length` bytes hashing to `sha256`)."""
    key_id = crypto.key_id(crypto.KeyPair(sign_secret, bytes(32)).sign_public)
    timestamp = int(now if now is not None else time.time())
    nonce = secrets.token_hex(16)
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
        raise AuthRefused(401, "bad_header", "签名格式不认识（请升级 fieldapp）")
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
    if parsed.length < 0 or len(parsed.sha256) != 64 or not 16 <= len(parsed.nonce) <= 64:
        raise AuthRefused(401, "bad_header", "签名格式不对")
    return parsed


class NonceCache:
    """Nonces seen within the time window, so a captured header cannot be sent twice.

    Held in memory: after a restart a header from the last few minutes could pass this check
    once more, but the bundle inside carries its own serial and id, which the import refuses
    as a replay.
    """

    def __init__(self, window_s: int = MAX_SKEW_S, limit: int = 100_000) -> None:
        self.window_s = window_s
        self.limit = limit
        self._seen: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key_id: str, nonce: str, now: float) -> bool:
        """Record a nonce; False when it was seen within the window (a replay)."""
        with self._lock:
            while self._seen:
                oldest_key, at = next(iter(self._seen.items()))
                if at >= now - 2 * self.window_s and len(self._seen) < self.limit:
                    break
                del self._seen[oldest_key]
            if (key_id, nonce) in self._seen:
                return False
            self._seen[(key_id, nonce)] = now
            return True


def check_fresh(request: SignedRequest, nonces: NonceCache, now: float | None = None) -> None:
    """Refuse a stale or replayed header (call after the signature checked out)."""
    now = time.time() if now is None else now
    if abs(now - request.timestamp) > MAX_SKEW_S:
        raise AuthRefused(401, "stale", "请求时间与中心相差太多（请核对本机日期和时间后重试）")
    if not nonces.add(request.key_id, request.nonce, now):
        raise AuthRefused(401, "replay", "重复的请求（已经收到过）")


def verify_signature(request: SignedRequest, method: str, path: str, sign_public: bytes) -> None:
    """Refuse a header whose signature is not by `sign_public` over this method and path."""
    if crypto.key_id(sign_public) != request.key_id:
        raise AuthRefused(401, "unknown_key", "签名密钥与登记的不符")
    if not crypto.verify(request.message(method, path), request.signature, sign_public):
        raise AuthRefused(401, "bad_signature", "签名不符")
