"""A hub whose own store will not take writes (a PostgreSQL standby or a database set
read-only; SQLite's file read-only) refuses a device's bundle as its own trouble, `read_only`
(HTTP 503): nothing quarantined, no refusal kept against the device, and the same bundle goes
in once the store writes again. On PostgreSQL the import failed with the driver's raw error
— read as the bundle's fault (`invalid`), the refusal then failing to be kept in the
read-only store too. Only the database's own errors are read so (`saving.ledger_trouble`):
the same words elsewhere are the bundle's (`tests/sync/test_hostile_sync_session.py`)."""

from __future__ import annotations

from pathlib import Path

import psycopg.errors
import pytest

from fieldapp.hub.folder import Hub
from fieldapp.saving import BUSY, DISK, READ_ONLY, ledger_trouble
from fieldapp.store.hub_state import HubLog
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family

VILLAGE = "520502101001"


def _writes(hub: Hub, on: bool) -> None:
    """Let the hub's store write (on) or not, as a standby or a read-only file would."""
    if hasattr(hub.ledger.db, "raw"):  # PostgreSQL
        mode = "READ WRITE" if on else "READ ONLY"
        hub.ledger.db.raw.execute(f"SET SESSION CHARACTERISTICS AS TRANSACTION {mode}")
    else:
        hub.ledger.db.execute(f"PRAGMA query_only = {'OFF' if on else 'ON'}")


def test_a_hub_that_cannot_write_does_not_blame_the_bundle(
    hub: Hub, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    bundle = export_bundle(village, tmp_path / "up.fieldsync").path
    _writes(hub, on=False)
    try:
        with pytest.raises(BundleRefused) as refused:
            hub.import_file(bundle, sender="红星村")
    finally:
        _writes(hub, on=True)
    assert refused.value.code == "read_only", refused.value
    assert not list(hub.folders.quarantine.iterdir())
    assert HubLog(hub.ledger.db).refusals("红星村") == []
    assert hub.ledger.get("persons", person) is None
    # The same file again, the store writing: taken in.
    hub.import_file(bundle, sender="红星村")
    assert hub.ledger.get("persons", person) is not None


def test_postgresqls_errors_are_read_by_their_code_only() -> None:
    """Disk full or failing, read-only, a lock not had or a deadlock: the ledger's trouble;
    a statement cancelled for its time (what a bundle's content can cause) is not, nor
    another error carrying the same words."""
    errors = psycopg.errors
    assert ledger_trouble(errors.DiskFull("could not extend file")) == DISK
    assert ledger_trouble(errors.IoError("could not read block")) == DISK
    assert ledger_trouble(errors.ReadOnlySqlTransaction("read-only")) == READ_ONLY
    assert ledger_trouble(errors.LockNotAvailable("lock")) == BUSY
    assert ledger_trouble(errors.DeadlockDetected("deadlock")) == BUSY
    assert ledger_trouble(errors.QueryCanceled("statement timeout")) == ""
    assert ledger_trouble(errors.UniqueViolation("database or disk is full")) == ""
    assert ledger_trouble(ValueError("cannot execute INSERT in a read-only transaction")) == ""
