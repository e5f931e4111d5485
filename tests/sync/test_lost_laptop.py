"""A village laptop is lost (issue 16): the finder reads nothing and cannot sync as the device;
the coordinator goes on from the last backup on a new laptop, enrolled again, and loses none of
the work the hub had received; the county can reset the new laptop's password."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.services import backup as backups
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials, NeedsPassword
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.helpers.clear_text import assert_no_clear_text, realistic_session
from tests.sync.helpers import VILLAGE, add_family

LI = Credentials("李芳", "村里的口令1")


def _names(ledger: Ledger) -> set[str]:
    return {r[0] for r in ledger.db.execute("SELECT name FROM persons")}


def _round(device: Ledger, name: str, hub: Hub, folder: Path, n: int) -> None:
    sent = export_bundle(device, folder / f"up{n}.fieldsync")
    hub.import_file(sent.path)
    answer = hub.export_for(name, folder / f"down{n}.fieldsync")
    import_bundle(device, answer.path)


def _lost_and_replaced(tmp_path: Path) -> tuple[Hub, Path, Path]:
    """A laptop that syncs, is backed up, works on, syncs again, is lost and revoked; the
    finder's attempts are checked on the way. Returns the hub, the backup file and a bundle the
    lost laptop left behind."""
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    lost_path = tmp_path / "lost-laptop" / "ledger.db"
    device = Ledger.open(lost_path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    realistic_session(device)
    add_family(device, VILLAGE, ["201"], surname="张")
    _round(device, "红星村", hub, tmp_path, 1)
    stick = backups.backup(device, tmp_path / "u盘" / "红星村.fieldbackup")
    # Work after the backup, synced before the laptop was lost.
    add_family(device, VILLAGE, ["202"], surname="李")
    _round(device, "红星村", hub, tmp_path, 2)
    # A bundle written just before the loss and left on the laptop: the finder's to try.
    add_family(device, VILLAGE, ["203"], surname="偷")
    left_behind = export_bundle(device, tmp_path / "left.fieldsync").path
    device.close()

    if os.name != "nt":  # what the laptop and the stick hold is its owner's alone
        for private in (lost_path, keyfile.keyfile_path(lost_path), stick, tmp_path / "r.enrol"):
            assert private.stat().st_mode & 0o077 == 0, private.name
        assert lost_path.parent.stat().st_mode & 0o077 == 0
    # The finder: nothing in clear, no way in without a password, nothing from plain SQLite.
    assert_no_clear_text(lost_path, keyfile.keyfile_path(lost_path))
    with pytest.raises(NeedsPassword):
        Ledger.open(lost_path)
    with pytest.raises(keyfile.WrongPassword):
        Ledger.open(lost_path, credentials=Credentials("李芳", "123456"))
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(lost_path).execute("SELECT count(*) FROM persons").fetchall()
    # The county revokes the lost device: whatever comes signed by it is refused.
    hub.revoke("红星村", by="县里的科员")
    with pytest.raises(BundleRefused):
        hub.import_file(left_behind)
    assert "偷0" not in _names(hub.ledger)
    return hub, stick, left_behind


def _new_laptop(tmp_path: Path, hub: Hub, stick: Path) -> Ledger:
    """The backup restored with 李芳's password on a new laptop; the county enrols it again
    under the device's name (new keys: the lost laptop's keys stay refused); one sync."""
    new_path = tmp_path / "new-laptop" / "ledger.db"
    backups.restore(stick, new_path, LI)
    hub.enroll("红星村", VILLAGE, tmp_path / "new.enrol", code=ENROL_CODE, by="县里的科员")
    laptop = Ledger.open(new_path, credentials=LI)
    enrol(laptop, tmp_path / "new.enrol", code=ENROL_CODE)
    add_family(laptop, VILLAGE, ["204"], surname="王")
    _round(laptop, "红星村", hub, tmp_path, 3)
    return laptop


def test_a_lost_laptop_is_revoked_and_its_work_goes_on_from_the_backup(tmp_path: Path) -> None:
    hub, stick, left_behind = _lost_and_replaced(tmp_path)
    laptop = _new_laptop(tmp_path, hub, stick)
    new_path = Path(laptop.path)
    with pytest.raises(BundleRefused):
        hub.import_file(left_behind)  # still refused: signed with the lost laptop's keys
    # The new laptop's work reached the hub, next to what the lost one had sent.
    assert {"王0", "李0", "张0"} <= _names(hub.ledger)
    assert {"王0", "张0"} <= _names(laptop) and "偷0" not in _names(laptop)
    laptop.close()
    # The county's reset works for the new laptop (its county slot sealed at enrolment).
    users.county_reset(hub.ledger, new_path, "李芳", "县里给的新口令")
    hub.close()
    Ledger.open(new_path, credentials=Credentials("李芳", "县里给的新口令")).close()


def test_the_work_synced_after_the_backup_comes_back_to_the_new_laptop(tmp_path: Path) -> None:
    hub, stick, _left = _lost_and_replaced(tmp_path)
    laptop = _new_laptop(tmp_path, hub, stick)
    try:
        assert "李0" in _names(laptop)
    finally:
        laptop.close()
        hub.close()
