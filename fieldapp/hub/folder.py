"""A hub folder: the hub ledger, its keys, enrolled devices, the USB inbox and quarantine.

```
HUBDIR/
  hub.db         the hub ledger (same store code as a device; keys and devices inside)
  inbox/         drop bundles from USB sticks here; `fieldapp hub import --dir HUBDIR` takes them
  work/          local copies while importing
  quarantine/    refused bundles, each with <name>.reason.txt
  imported/      bundles imported (kept for audit; they are encrypted)
  outbox/        bundles made for devices
```
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.bulk import paused_gc
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.store import replica
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import Identity, Peer, SyncState, now_text
from fieldapp.sync import crypto
from fieldapp.sync.enrolment import make_enrolment
from fieldapp.sync.errors import AlreadyImported, BundleRefused, SyncError
from fieldapp.sync.exchange import (
    ExportResult,
    ImportResult,
    StepHook,
    import_bundle,
    require_identity,
    write_bundle,
)
from fieldapp.sync.files import Folders, write_atomic

HUB_DB = "hub.db"
BUNDLE_SUFFIX = ".fieldsync"


@dataclass
class FileOutcome:
    """What happened to one file of a multi-file import."""

    path: Path
    result: ImportResult | None = None
    error: str | None = None
    code: str | None = None
    quarantined: str | None = None


class Hub:
    """One hub folder, open."""

    def __init__(self, root: Path, ledger: Ledger) -> None:
        self.root = Path(root)
        self.ledger = ledger
        self.state = SyncState(ledger.db)
        self.identity = require_identity(self.state, "hub")
        self.folders = Folders(self.root / "work", self.root / "quarantine", self.root / "imported")
        for path in (self.inbox, self.outbox, *self.folders.__dict__.values()):
            Path(path).mkdir(parents=True, exist_ok=True)
        #: One exchange at a time (the HTTP service runs requests on threads).
        self.lock = threading.RLock()

    inbox = property(lambda self: self.root / "inbox", doc="The USB inbox folder.")
    outbox = property(lambda self: self.root / "outbox", doc="Where device bundles are written.")

    # -- lifecycle --------------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, name: str = "县级汇总中心") -> Hub:
        """Create a hub folder with fresh keys; refuses to overwrite an existing hub."""
        root = Path(root)
        if (root / HUB_DB).exists():
            raise SyncError(f"{root} 已经是一个汇总中心文件夹，不能重复初始化")
        root.mkdir(parents=True, exist_ok=True)
        ledger = Ledger.open(root / HUB_DB, author=name)
        keys = crypto.KeyPair.generate()
        state = SyncState(ledger.db)
        with ledger.transaction():
            state.set_identity(
                Identity("hub", name, None, keys.sign_secret, keys.box_secret, now_text())
            )
        return cls(root, ledger)

    @classmethod
    def open(cls, root: Path) -> Hub:
        """Open an existing hub folder."""
        root = Path(root)
        if not (root / HUB_DB).exists():
            raise SyncError(f"{root} 不是汇总中心文件夹（请先执行 fieldapp hub init）")
        ledger = Ledger.open(root / HUB_DB)
        return cls(root, ledger)

    def close(self) -> None:
        """Close the hub ledger."""
        self.ledger.close()

    @property
    def keys(self) -> crypto.KeyPair:
        """The hub's key pair."""
        return crypto.KeyPair(self.identity.sign_secret, self.identity.box_secret)

    @property
    def fingerprint(self) -> str:
        """The hub's fingerprint, to compare by eye when enrolling."""
        return crypto.fingerprint(self.keys.sign_public, self.keys.box_public)

    # -- devices ----------------------------------------------------------------------------

    def enroll(self, device: str, area_code: str, out: Path) -> Peer:
        """Enrol (or re-enrol with new keys) a device; writes its enrolment file."""
        device = device.strip()
        if not device:
            raise SyncError("设备名称不能为空")
        if not area_code.strip():
            raise SyncError("必须指定设备负责的区域代码")
        keys = crypto.KeyPair.generate()
        document = make_enrolment(self.identity, device, area_code.strip(), keys)
        data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        with self.lock, self.ledger.transaction():
            self.state.add_peer(
                device,
                "device",
                area_code.strip(),
                keys.sign_public,
                keys.box_public,
                crypto.key_id(keys.sign_public),
            )
            write_atomic(Path(out), data)
        try:
            os.chmod(out, 0o600)
        except OSError:
            pass  # not every file system keeps modes (FAT sticks)
        peer = self.state.peer(device)
        assert peer is not None
        return peer

    def revoke(self, device: str) -> Peer:
        """Revoke a device: its bundles are refused from now on."""
        with self.lock, self.ledger.transaction():
            peer = self.state.peer(device)
            if peer is None or peer.role != "device":
                raise SyncError(f"没有名为 {device} 的已登记设备")
            self.state.revoke(device)
        revoked = self.state.peer(device)
        assert revoked is not None
        return revoked

    def devices(self) -> list[Peer]:
        """Enrolled devices (revoked ones included)."""
        return self.state.peers("device")

    def device(self, name: str) -> Peer:
        """One enrolled device."""
        peer = self.state.peer(name)
        if peer is None or peer.role != "device":
            raise SyncError(f"没有名为 {name} 的已登记设备")
        return peer

    # -- import -----------------------------------------------------------------------------

    def import_file(
        self,
        path: Path,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        step: StepHook | None = None,
    ) -> ImportResult:
        """Import one device bundle (raises BundleRefused / AlreadyImported)."""
        with self.lock:
            return import_bundle(
                self.ledger,
                Path(path),
                folders=self.folders,
                progress=progress,
                cancel=cancel,
                step=step,
            )

    def import_files(
        self, paths: Iterable[Path], progress: Progress | None = None
    ) -> list[FileOutcome]:
        """Import several bundles; a refused one does not stop the others."""
        outcomes = []
        for path in paths:
            outcome = FileOutcome(Path(path))
            try:
                outcome.result = self.import_file(Path(path), progress)
            except AlreadyImported as done:
                outcome.error, outcome.code = str(done), "already"
            except BundleRefused as refused:
                outcome.error, outcome.code = str(refused), refused.code
                outcome.quarantined = refused.quarantined
            outcomes.append(outcome)
        return outcomes

    def inbox_files(self) -> list[Path]:
        """Bundles waiting in the USB inbox, oldest first."""
        files = [p for p in self.inbox.iterdir() if p.is_file() and not p.name.endswith(".part")]
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    def import_inbox(self) -> list[FileOutcome]:
        """Import every bundle in the inbox folder; each one leaves the inbox either way."""
        outcomes = self.import_files(self.inbox_files())
        for outcome in outcomes:
            if outcome.code != "disk_full":
                outcome.path.unlink(missing_ok=True)
        return outcomes

    # -- export -----------------------------------------------------------------------------

    def export_for(
        self,
        device: str,
        out: Path | None = None,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ExportResult:
        """The bundle `device` needs: changes of its area (and of people who moved in or out)
        it has not confirmed, plus the hub's acknowledgement of what it sent."""
        with self.lock, paused_gc():
            peer = self.device(device)
            if peer.revoked_at:
                raise SyncError(f"设备 {device} 已于 {peer.revoked_at} 注销")
            out = Path(out) if out else self.outbox / f"{device}{BUNDLE_SUFFIX}"
            db = self.ledger.db
            sent = replica.sent_rows(db, device)
            rows = replica.relevant_rows(db, peer.area_code or "", sent)
            full = {r for r in rows if sent.get(r, peer.acked_out + 1) > peer.acked_out}
            acked = self.state.issued_vector(device, peer.acked_out)
            changes = replica.changes_for_rows(db, rows, full, acked, self.state.origins_of(device))
            vector = replica.vector(db)

            def remember(serial: int) -> None:
                self.state.record_issued(device, serial, vector, len(changes))
                self.state.mark_rows_sent(device, rows, serial)

            return write_bundle(
                self.ledger,
                self.identity,
                peer,
                changes,
                vector,
                out,
                progress,
                cancel,
                after_sealing=remember,
                origins=self.state.origin_names() | {self.ledger.device_id: self.identity.name},
            )

    # -- review -----------------------------------------------------------------------------

    def violations(self) -> list[dict[str, object]]:
        """Merged-data problems for review: duplicate ID numbers, one-time limits broken."""
        from fieldapp.hub.review import find_violations

        return find_violations(self.ledger)
