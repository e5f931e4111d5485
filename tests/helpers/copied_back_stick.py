"""A village ledger copied back from a backup after it sent more work by stick (`copy_back`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family

DEVICE = "大坝村"


def copy_back(hub: Hub, make_device, tmp_path: Path, lost: list[str]) -> Ledger:  # noqa: ANN001
    """A village ledger that sent a bundle by stick, was backed up, sent more work in a second
    (王, one person per ID sequence in `lost`), then was copied back from the backup (its disk
    replaced): the ledger as copied back."""
    device = make_device(DEVICE, VILLAGE)
    path = tmp_path / DEVICE / "ledger.db"
    add_family(device, VILLAGE, ["101"], surname="李")
    hub.import_file(export_bundle(device, tmp_path / "1.fieldsync").path)
    device.close()
    shutil.copy(path, tmp_path / "backup.db")
    device = Ledger.open(path, author="大坝村员")
    add_family(device, VILLAGE, lost, surname="王")
    hub.import_file(export_bundle(device, tmp_path / "2.fieldsync").path)
    device.close()
    shutil.copy(tmp_path / "backup.db", path)
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    return Ledger.open(path, author="大坝村员")
