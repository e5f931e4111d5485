"""A restore from a backup killed (power cut, the laptop's lid, SIGKILL) right after the backup
took the ledger's place, before the restored ledger was given its new identity for syncing: the
ledger opened as the backup — and its next bundle, numbering changes the hub already held from
before the restore, was refused at the township (修改序号与已有记录重复…请执行 fieldapp sync
restored), quarantined, and the clerk had to find the menu item and export again. The restored
ledger now carries the duty with it, and the next opening finishes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from fieldapp.services import backup as backups
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family

ROOT = Path(__file__).resolve().parents[2]
LI = Credentials("李芳", "村里的口令1")

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from fieldapp.services import backup
    from fieldapp.store.vault import Credentials
    def step(name):
        if name == "replaced":
            os.kill(os.getpid(), signal.SIGKILL)
    backup.restore(sys.argv[1], sys.argv[2], Credentials("李芳", "村里的口令1"), step)
    """
)


def test_a_restore_killed_after_the_replacement_is_finished_at_the_next_opening(
    tmp_path: Path, hub, make_device
) -> None:
    folder = tmp_path / "甲村"
    folder.mkdir()
    device = make_device("甲村", VILLAGE, Ledger.open(folder / "ledger.db", credentials=LI))
    add_family(device, VILLAGE, ["101"])
    hub.import_file(export_bundle(device, tmp_path / "1.fieldsync").path)
    import_bundle(device, hub.export_for("甲村", tmp_path / "答1.fieldsync").path)
    made = backups.back_up(device, tmp_path / "甲村.fieldbackup")
    add_family(device, VILLAGE, ["103"], surname="李")  # after the backup: at the hub only
    hub.import_file(export_bundle(device, tmp_path / "2.fieldsync").path)
    before = device.device_id
    device.close()

    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(made), str(folder / "ledger.db")],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()

    again = open_ledger(folder / "ledger.db", credentials=LI)
    try:
        assert again.device_id != before
        add_family(again, VILLAGE, ["105"], surname="王")
        taken = hub.import_file(export_bundle(again, tmp_path / "3.fieldsync").path)
        assert taken.held == 0 and taken.new_changes > 0
        import_bundle(again, hub.export_for("甲村", tmp_path / "答3.fieldsync").path)
        names = {r[0] for r in again.db.execute("SELECT name FROM persons").fetchall()}
        assert {"张0", "李0", "王0"} <= names  # nothing made before or after is lost
    finally:
        again.close()
    reopened = open_ledger(folder / "ledger.db", credentials=LI)
    assert reopened.device_id == again.device_id  # finished once, not at every opening
    reopened.close()
