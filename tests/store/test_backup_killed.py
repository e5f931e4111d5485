"""A backup killed half-way (power cut, the laptop's lid, SIGKILL) left its ledger-sized work
file `….fieldbackup.pages.part` on the stick, and nothing ever removed it: every backup has a new,
timestamped name, so no later one reused (and so replaced) it, and a stick filled up with them.
The next backup into the same folder now removes our own stale work files — never a file the
user made, nor the work file of a backup another copy of the app is writing right now."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from fieldapp.demo.generator import build_demo
from fieldapp.services import backup as backups
from fieldapp.store.backup import MAGIC
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

ROOT = Path(__file__).resolve().parents[2]
LI = Credentials("李芳", "村里的口令1")

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from fieldapp.services import backup
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.vault import Credentials
    ledger = Ledger.open(sys.argv[1], credentials=Credentials("李芳", "村里的口令1"))
    def step(done, total):
        if total and done >= total:  # the pages copied, not yet put in the backup
            os.kill(os.getpid(), signal.SIGKILL)
    backup.back_up(ledger, sys.argv[2], step)
    """
)

A_DAY = 24 * 3600


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_backup_removes_what_a_killed_one_left_and_nothing_else(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", credentials=LI)
    build_demo(ledger, 400, seed=2)
    ledger.close()
    stick = tmp_path / "U盘"
    stick.mkdir()
    killed = stick / "ledger-备份-20261201-093000.fieldbackup"
    run = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path / "ledger.db"), str(killed)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=300,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    left = stick / (killed.name + ".pages.part")
    assert left.is_file() and left.stat().st_size > 256 * 4096
    _age(left, A_DAY)  # the clerk backs up again the next day
    journal = stick / (killed.name + ".pages.part-journal")
    journal.write_bytes(b"\0" * 512)  # as a killed copy can leave it too
    _age(journal, A_DAY)
    assembled = stick / "ledger-备份-20261130-170000.fieldbackup.part"  # killed while assembling
    assembled.write_bytes(MAGIC + b'{"format": 1}\n' + b"x" * 99)
    _age(assembled, A_DAY)
    # The user's own files, however named, and another copy's backup being written right now.
    mine = {
        "照片.jpg": b"\xff\xd8photo",
        "报告.docx.part": b"a download the browser has not finished",
        "旧台账.fieldbackup": b"FIELDAPP-BACKUP\n{}\n",
        "另一台.fieldbackup.pages.part": b"another copy's backup, going on now",
    }
    for name, data in mine.items():
        (stick / name).write_bytes(data)
        if name != "另一台.fieldbackup.pages.part":
            _age(stick / name, A_DAY)

    ledger = Ledger.open(tmp_path / "ledger.db", credentials=LI)
    try:
        made = backups.back_up(ledger, stick / "ledger-备份-20261202-093000.fieldbackup")
    finally:
        ledger.close()

    assert sorted(p.name for p in stick.iterdir()) == sorted([*mine, made.name])
    for name, data in mine.items():
        assert (stick / name).read_bytes() == data
    backups.read_backup(made)
