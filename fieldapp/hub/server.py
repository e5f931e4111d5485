"""The hub's HTTP service (standard library): one POST exchanges a device's bundle for its answer.

```
POST /v1/exchange   body: a bundle sealed to the hub   → 200 + the device's bundle
GET  /v1/health                                        → 200 {"hub": name, "fingerprint": …}
```

Devices authenticate by the signature inside their bundle (enrolled, unrevoked key); the answer
is sealed to the device. Serve plain HTTP on 127.0.0.1 and put TLS in a reverse proxy
(docs/hub.md).
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.sync.errors import AlreadyImported, BundleRefused, SyncError
from fieldapp.sync.files import stamp, write_atomic

#: Largest upload accepted (a county's biggest site with full history fits well inside).
MAX_UPLOAD = 1 << 30

STATUS_OF = {
    "unknown_key": HTTPStatus.FORBIDDEN,
    "revoked": HTTPStatus.FORBIDDEN,
    "wrong_recipient": HTTPStatus.FORBIDDEN,
    "replay": HTTPStatus.CONFLICT,
    "disk_full": HTTPStatus.INSUFFICIENT_STORAGE,
}


class HubHandler(BaseHTTPRequestHandler):
    """Handles one request against the server's hub."""

    server: HubServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        """Quiet by default; the server's `log` decides."""
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        """Health check."""
        if self.path.rstrip("/") != "/v1/health":
            self._json(HTTPStatus.NOT_FOUND, {"error": "not_found", "message": "没有这个地址"})
            return
        hub = self.server.hub
        self._json(HTTPStatus.OK, {"hub": hub.identity.name, "fingerprint": hub.fingerprint})

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        """Import the uploaded bundle, answer with the sender's bundle."""
        if self.path.rstrip("/") != "/v1/exchange":
            self._json(HTTPStatus.NOT_FOUND, {"error": "not_found", "message": "没有这个地址"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._json(HTTPStatus.LENGTH_REQUIRED, {"error": "length", "message": "缺少长度"})
            return
        if length <= 0 or length > MAX_UPLOAD:
            self._json(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "size", "message": "上传大小不合理"}
            )
            return
        body = self._read(length)
        if body is None:
            return
        self._exchange(body)

    def _read(self, length: int) -> bytes | None:
        chunks, left = [], length
        while left:
            chunk = self.rfile.read(min(left, 1 << 20))
            if not chunk:
                self._json(HTTPStatus.BAD_REQUEST, {"error": "truncated", "message": "上传中断"})
                return None
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _exchange(self, body: bytes) -> None:
        hub = self.server.hub
        upload = hub.root / "uploads" / f"{stamp()}-{threading.get_ident()}.fieldsync"
        try:
            write_atomic(upload, body)
            with hub.lock:
                result = hub.import_file(upload)
                answer = hub.export_for(result.sender, upload.with_suffix(".answer"))
            data = answer.path.read_bytes()
            answer.path.unlink(missing_ok=True)
        except BundleRefused as refused:
            status = STATUS_OF.get(refused.code, HTTPStatus.UNPROCESSABLE_ENTITY)
            self._json(status, {"error": refused.code, "message": str(refused)})
            return
        except AlreadyImported as done:
            self._json(HTTPStatus.CONFLICT, {"error": "already", "message": str(done)})
            return
        except SyncError as error:
            self._json(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": "sync", "message": str(error)})
            return
        finally:
            upload.unlink(missing_ok=True)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Fieldapp-Imported", str(result.new_changes))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: HTTPStatus, value: dict[str, object]) -> None:
        data = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class HubServer(ThreadingHTTPServer):
    """A threading HTTP server bound to one hub folder."""

    daemon_threads = True

    def __init__(self, hub: Hub, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        super().__init__((host, port), HubHandler)
        self.hub = hub
        self.verbose = verbose

    @property
    def url(self) -> str:
        """The base URL devices push to."""
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


def serve(root: Path, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Run the hub service until interrupted."""
    hub = Hub.open(root)
    server = HubServer(hub, host, port, verbose=True)
    print(
        f"汇总中心 {hub.identity.name} 已在 {server.url} 服务（指纹 {hub.fingerprint}），Ctrl+C 停止"
    )
    try:
        server.serve_forever()
    finally:
        server.server_close()
        hub.close()
