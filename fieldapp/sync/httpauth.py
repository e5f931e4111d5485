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


class NonceCache:
    """Nonces seen within the time window, so a captured header cannot be sent twice.

    With a `path` (the hub folder's `nonces` file) every nonce taken is also written there,
    and those still within the window are read back when the service starts again: a header
    captured in the minutes before a restart is refused after it as before it. The file holds
    no secret (key ids, random nonces, times); it is rewritten with only the recent lines at
    each start and whenever it has grown to twice what is still remembered. Written, not
    synced to disk: a power cut may forget the last few nonces, whose bundles the import
    still refuses by their own serial and id.
    """

    def __init__(
        self, window_s: int = MAX_SKEW_S, limit: int = 100_000, path: Path | None = None
    ) -> None:
        self.window_s = window_s
        self.limit = limit
        self._seen: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._lock = threading.Lock()
        self._path = path
        self._file: TextIO | None = None
        self._lines = 0
        if path is not None:
            self._read(path, time.time())
            self._rewrite()

    def add(self, key_id: str, nonce: str, now: float) -> bool:
        """Record a nonce; False when it was seen within the window (a replay)."""
        with self._lock:
            self._forget(now)
            if (key_id, nonce) in self._seen:
                return False
            self._seen[(key_id, nonce)] = now
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

    def _forget(self, now: float) -> None:
        while self._seen:
            _oldest, at = next(iter(self._seen.items()))
            if at >= now - 2 * self.window_s and len(self._seen) < self.limit:
                break
            self._seen.popitem(last=False)

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
            if now - 2 * self.window_s <= at <= now + self.window_s:
                self._seen[(parts[0], parts[1])] = at
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
