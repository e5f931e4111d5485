"""Backups of the open ledger and restoring one (the file is copied while the ledger is open).

Backups are encrypted (`fieldapp.store.backup`); restoring needs a password of the backed-up
ledger. A restored ledger is older than the one the hub knows: the changes this device made
after the backup, and the bundles it sent, are at the hub but not in the file. Going on with the
old device id would number new changes again from the backup's last one, which the hub refuses
as a copied ledger (reused change numbers). So a restore starts a new *incarnation* of the
device: a fresh device id for its changes from now on (the enrolled keys stay: the hub knows the
device by its signature and binds the new id to it on the first bundle), and its bundle numbers
to the hub jump past any it can have sent since the backup. Nothing the hub holds is lost; the
changes made after the backup stay at the hub under the old id. The same mechanism serves a
ledger copied back by hand (`fieldapp sync restored`): `fieldapp.services.incarnation`. A hub's
own ledger restored from its backup keeps its id (docs/hub.md, 备份中心).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.progress import CancelCheck, Progress
from fieldapp.services.incarnation import finish_restore, start_new_incarnation
from fieldapp.store import backup as _store_backup
from fieldapp.store.keyfile import Step
from fieldapp.store.ledger import Ledger

backup_name = _store_backup.backup_name
BackupError = _store_backup.BackupError


def read_backup(path: str | Path) -> _store_backup.BackupInfo | None:
    """A backup's header, checked (no password needed); None for a first-wave backup, a plain
    copy of the ledger with no header, which restores too (its restorer is its first user)."""
    if _store_backup.is_first_wave_backup(path):
        return None
    return _store_backup.read_backup(path)


def _first_user(backup_file: str | Path, credentials: Credentials) -> None:
    """ValidationFailed for a first-wave backup restored under a password the rule refuses:
    it has no password of its own, so the one typed becomes its first user's
    (`users.check_password`, as wherever a password is set)."""
    from fieldapp.services.users import check_password

    if _store_backup.is_first_wave_backup(backup_file):
        check_password(credentials.password)


def check_backup(
    path: str | Path,
    credentials: Credentials,
    work_dir: str | Path | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> dict[str, int]:
    """`fieldapp.store.backup.check_backup`, a first-wave backup's new password checked first."""
    _first_user(path, credentials)
    return _store_backup.check_backup(path, credentials, work_dir, progress, cancel)


@dataclass(frozen=True)
class Restored:
    """What a restore did."""

    path: Path
    kept: Path | None
    device_id: str
    previous_device_id: str


def back_up(ledger: Ledger, dest: str | Path, progress: Progress | None = None) -> Path:
    """Write an encrypted backup of the open ledger to `dest`; returns the file."""
    return _store_backup.backup_to(ledger, dest, progress)


#: The same, by the name the command line uses.
backup = back_up


def restore(
    backup_file: str | Path,
    ledger_path: str | Path,
    credentials: Credentials,
    step: Step | None = None,
) -> Restored:
    """Replace the (closed) ledger by a backup, then start the device's new incarnation (a
    hub's ledger keeps its id: `incarnation.finish_restore`)."""
    _first_user(backup_file, credentials)
    kept = _store_backup.restore_from(backup_file, ledger_path, credentials, step)
    ledger = Ledger.open(ledger_path, credentials=credentials)
    try:
        previous = ledger.device_id
        current = finish_restore(ledger)
    finally:
        ledger.close()
    return Restored(Path(ledger_path), kept, current, previous)


def new_incarnation(ledger: Ledger) -> str:
    """Give a restored ledger a fresh device id and move its bundle numbers past the old ones
    (the one mechanism, shared with `fieldapp sync restored`)."""
    return start_new_incarnation(ledger)
