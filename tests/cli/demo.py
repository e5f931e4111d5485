"""A small demo ledger made through the command line, for tests of how commands read what a
clerk types: its file, one village's area row and one person's ID number."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from fieldapp.cli.main import main
from fieldapp.domain.areacode import AreaRow
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.queries.areas import all_areas


class Demo(NamedTuple):
    db: Path
    village: AreaRow
    id_number: str


def demo_ledger(folder: Path, seed: int) -> Demo:
    """`fieldapp demo` of 60 people in `folder`."""
    db = folder / "demo.db"
    assert main(["--db", str(db), "demo", "--persons", "60", "--seed", str(seed)]) == 0
    ledger = open_ledger(db)
    try:
        village = next(a for a in all_areas(ledger) if len(a.code) == 12)
        number = ledger.db.execute("SELECT min(id_number) FROM persons").fetchone()[0]
    finally:
        ledger.close()
    return Demo(db, village, number)
