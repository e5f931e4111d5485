"""A sheet with no rows — an extra sheet of a ledger nobody has such facts in, or every sheet of
an empty ledger — still gets its header, written without the writer's warnings, whether the
exporting process writes it or its child. The writer takes a sheet's columns from its first
record: given none, it wrote no header and warned for each column width it was told."""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from pathlib import Path

import openpyxl

from fieldapp.store.ledger import Ledger
from fieldapp.tabular import ledger_export, workbook
from fieldapp.tabular.columns import COLUMNS_OF, LEDGER

AT = dt.datetime(2026, 12, 5, 2, 3, 4, tzinfo=dt.UTC)


def headers(path: Path) -> dict[str, list[str]]:
    """Each sheet's header row (the row below the title row)."""
    book = openpyxl.load_workbook(path, read_only=True)
    return {
        name: [cell for cell in next(book[name].iter_rows(min_row=2, max_row=2, values_only=True))]
        for name in COLUMNS_OF
    }


def test_empty_extra_sheets_are_written_with_their_header_and_no_warning(tmp_path, recwarn):
    warnings.simplefilter("always")  # a warning said once elsewhere must still be seen here
    ledger_rows = [{c.header: f"{c.header}1" for c in COLUMNS_OF[LEDGER]}]
    # As the child hands them over: each sheet an iterator, the extra ones yielding nothing.
    sheets = {name: iter(ledger_rows if name == LEDGER else []) for name in COLUMNS_OF}
    path = tmp_path / "台账.xlsx"
    workbook.write_ledger_workbook(path, sheets, exported_at=AT)
    assert [str(w.message) for w in recwarn.list] == []
    assert headers(path) == {
        name: [c.header for c in columns] for name, columns in COLUMNS_OF.items()
    }
    assert (
        openpyxl.load_workbook(path)[LEDGER].cell(3, 1).value
        == ledger_rows[0][COLUMNS_OF[LEDGER][0].header]
    )


def test_an_empty_ledger_exported_by_the_child_is_the_workbook_the_process_writes(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(ledger_export, "_now", lambda: AT)
    ledger = Ledger.open(tmp_path / "l.db")
    try:
        here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
        assert ledger_export.export_ledger(ledger, here, in_child=False) == 0
        assert ledger_export.export_ledger(ledger, there, in_child=True) == 0
    finally:
        ledger.close()
    expected = {name: [c.header for c in columns] for name, columns in COLUMNS_OF.items()}
    assert headers(here) == headers(there) == expected
    with zipfile.ZipFile(here) as mine, zipfile.ZipFile(there) as childs:
        sheets = [n for n in mine.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(mine.read(n) == childs.read(n) for n in sheets)
