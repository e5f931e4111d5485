"""An export reads one state of the ledger: the user may go on saving while a large export runs
(the desktop app exports on a connection of its own), and what is saved meanwhile changes
none of the workbook's sheets — a household moved is written once, a person deleted keeps the
jobs the workbook lists them with, so the workbook imports back as the ledger was."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import openpyxl
import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import sheets
from fieldapp.tabular.columns import COLUMNS, EXTRA_SHEETS, LEDGER
from fieldapp.tabular.ledger_export import export_ledger

TODAY = dt.date(2026, 6, 15)
JOBS = "就业经历"


def id_numbers(book: openpyxl.Workbook, sheet: str, columns) -> Counter[str]:
    """How often each ID number stands in `sheet` (its header is the second row)."""
    at = next(i for i, c in enumerate(columns) if c.key == "id_number")
    rows = book[sheet].iter_rows(min_row=3, values_only=True)
    return Counter(row[at] for row in rows if row[at])


@pytest.mark.parametrize("in_child", [False, True])
def test_what_is_saved_during_an_export_changes_no_sheet(tmp_path, monkeypatch, in_child):
    path = tmp_path / "l.db"
    ledger = Ledger.open(path)
    build_demo(ledger, 400, seed=5, today=TODAY)
    db = ledger.db
    live = Counter(n for (n,) in db.execute("SELECT id_number FROM persons WHERE deleted = 0"))
    households = db.execute(
        "SELECT id, area_code FROM households WHERE deleted = 0 ORDER BY area_code, rowid"
    ).fetchall()
    (first, low), (last, high) = households[0], households[-1]
    assert low < high  # households in more than one village
    worker, number, jobs = db.execute(
        "SELECT p.id, p.id_number, count(*) FROM persons p JOIN employment_spells s"
        " ON s.person_id = p.id AND s.deleted = 0 WHERE p.deleted = 0 GROUP BY p.id LIMIT 1"
    ).fetchone()

    # While the workbook is read, another connection saves, as the user on the GUI thread
    # would: between the ledger sheet's two slices it swaps the first household's village and
    # the last's; as the jobs sheet begins, it deletes a person the ledger sheet has listed.
    monkeypatch.setattr(sheets, "FIRST_SLICE", 5)
    read = sheets._batches
    saved: list[str] = []

    def save(*edits: tuple[str, str, dict[str, object]]) -> None:
        other = Ledger.open(path, author="另一窗口")
        for table, row_id, fields in edits:
            other.update(table, row_id, fields)
        other.close()

    def batches(source, sql, params):
        def reading():
            if "coalesce(h.area_code, '') >=" in sql and "moved" not in saved:
                save(
                    ("households", first, {"area_code": high}),
                    ("households", last, {"area_code": low}),
                )
                saved.append("moved")
            if "FROM employment_spells t JOIN persons p" in sql and "deleted" not in saved:
                save(("persons", worker, {"deleted": True}))
                saved.append("deleted")
            yield from read(source, sql, params)

        return reading()

    monkeypatch.setattr(sheets, "_batches", batches)
    out = tmp_path / "台账.xlsx"
    count = export_ledger(ledger, out, today=TODAY, in_child=in_child)
    ledger.close()

    assert sorted(saved) == ["deleted", "moved"]  # both saved while the workbook was read
    book = openpyxl.load_workbook(out, read_only=True)
    assert id_numbers(book, LEDGER, COLUMNS) == live
    assert count == sum(live.values())
    assert id_numbers(book, JOBS, EXTRA_SHEETS[JOBS])[number] == jobs
