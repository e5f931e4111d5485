"""A spreadsheet import killed (SIGKILL: the laptop's power cut, the process ended by force)
half-way through its rows: the ledger opens, holds exactly what it held before, and the same
workbook imported again brings in every row."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

ROOT = Path(__file__).resolve().parents[2]
LI = Credentials("李芳", "村里的口令1")

#: `fieldapp import`, killed at the third batch of rows the bulk inserter is given.
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from fieldapp.store import bulk_insert
    original = bulk_insert.BulkInserter.insert_many
    seen = [0]
    def insert_many(self, table, rows):
        seen[0] += 1
        if seen[0] == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, table, rows)
    bulk_insert.BulkInserter.insert_many = insert_many
    from fieldapp.cli.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def _state(path: Path) -> tuple[str, int, int]:
    ledger = Ledger.open(path, credentials=LI)
    try:
        return (
            ledger.db.execute("PRAGMA integrity_check").fetchone()[0],
            ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0],
            ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0],
        )
    finally:
        ledger.close()


def test_an_import_killed_half_way_leaves_the_ledger_as_it_was(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FIELDAPP_USER", LI.user)
    monkeypatch.setenv("FIELDAPP_PASSWORD", LI.password)
    source, ledger = tmp_path / "乡里.db", tmp_path / "村里.db"
    sheet = tmp_path / "乡里发来的台账.xlsx"
    assert main(["--db", str(source), "demo", "--persons", "1500", "--seed", "4"]) == 0
    assert main(["--db", str(source), "export", str(sheet)]) == 0
    assert main(["--db", str(ledger), "demo", "--persons", "30", "--seed", "9"]) == 0
    before = _state(ledger)

    run = subprocess.run(
        [sys.executable, "-c", KILLER, "--db", str(ledger), "import", str(sheet)],
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
        capture_output=True,
        timeout=300,
    )

    assert run.returncode == -signal.SIGKILL, run.stderr.decode()
    assert _state(ledger) == before
    assert main(["--db", str(ledger), "import", str(sheet)]) == 0
    ok, persons, _changes = _state(ledger)
    assert ok == "ok" and persons == before[1] + 1500
