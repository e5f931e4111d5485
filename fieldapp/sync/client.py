"""`sync push`: upload this device's bundle to the hub and import the hub's answer."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.store.ledger import Ledger
from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import (
    ExportResult,
    ImportResult,
    export_bundle,
    import_bundle,
)
from fieldapp.sync.files import ledger_folders, stamp, write_atomic


def exchange_url(url: str) -> str:
    """The exchange endpoint of a hub address (a bare http://host:port/ is completed)."""
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        raise SyncError(f"地址应以 http:// 或 https:// 开头：{url}")
    if url.rstrip("/").endswith("/v1/exchange"):
        return url
    return url.rstrip("/") + "/v1/exchange"


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
    sent = export_bundle(ledger, outbox / f"{stamp()}-push.fieldsync", progress, cancel)
    data = sent.path.read_bytes()
    request = urllib.request.Request(
        exchange_url(url),
        data=data,
        method="POST",
        headers={"Content-Type": "application/octet-stream"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = response.read()
    except urllib.error.HTTPError as error:
        raise SyncError(f"中心拒绝了上传：{_message(error)}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SyncError(f"无法连接到中心 {url}：{reason}。可改用U盘交换数据包") from None
    finally:
        sent.path.unlink(missing_ok=True)
    received = outbox / f"{stamp()}-answer.fieldsync"
    write_atomic(received, answer)
    try:
        result = import_bundle(ledger, received, folders=folders, progress=progress, cancel=cancel)
    finally:
        received.unlink(missing_ok=True)
    return sent, result


def _message(error: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(error.read().decode("utf-8"))["message"])
    except (ValueError, KeyError, UnicodeDecodeError):
        return f"HTTP {error.code}"
