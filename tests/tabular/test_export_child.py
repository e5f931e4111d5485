"""The ledger export written by a child process (`tabular.writer_process`): the same workbook as
written in the exporting process, and cancel, a failing and a dying child leave the file that was
there before and nothing half-written."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import zipfile
from pathlib import Path

import openpyxl
import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.progress import Cancelled
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import sheets
from fieldapp.tabular import ledger_export, writer_process
from fieldapp.tabular.columns import COLUMNS_OF, LEDGER
from fieldapp.tabular.ledger_export import export_ledger

TODAY = dt.date(2026, 6, 15)
EXPORTED_AT = dt.datetime(2026, 6, 15, 8, 30, tzinfo=dt.UTC)


@pytest.fixture
def ledger(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    build_demo(ledger, sheets.BATCH + 300, seed=11, today=TODAY)
    yield ledger
    ledger.close()


def parts(path: Path) -> dict[str, bytes]:
    """Every part of a workbook but its document properties (which carry the writing time)."""
    with zipfile.ZipFile(path) as book:
        return {n: book.read(n) for n in book.namelist() if not n.startswith("docProps/")}


def no_child_left() -> bool:
    return not multiprocessing.active_children()


def test_the_child_writes_the_same_workbook_byte_for_byte(ledger, tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_export, "_now", lambda: EXPORTED_AT)
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    count = export_ledger(ledger, here, today=TODAY, in_child=False)
    assert export_ledger(ledger, there, today=TODAY, in_child=True) == count
    mine, childs = parts(here), parts(there)
    assert {n for n in mine if n.startswith("xl/worksheets/sheet")} == {
        f"xl/worksheets/sheet{i}.xml" for i in range(1, len(COLUMNS_OF) + 2)
    }
    assert childs == mine
    assert no_child_left()
    numbers = [
        row[0]
        for row in openpyxl.load_workbook(here, read_only=True)[LEDGER].iter_rows(
            min_row=3, max_col=1, values_only=True
        )
    ]
    assert numbers == list(range(1, count + 1))  # 序号 runs on across the store's batches


def test_sqlite_made_json_rows_equal_the_plain_rows(ledger):
    """The writer process gets each row as SQLite's JSON array: every value comes back equal,
    text with quotes, backslashes, line breaks, rare characters and formulas included."""
    odd = 'a"b\\c\n第二行 𠮷 =1+1 \t'
    ledger.db.execute(
        "UPDATE visits SET notes = ? WHERE rowid IN (SELECT rowid FROM visits LIMIT 3)", [odd]
    )
    plain = ledger_export.sheet_batches(ledger, TODAY)
    made = ledger_export.json_batches(ledger, TODAY)
    assert plain.keys() == made.keys() == COLUMNS_OF.keys()
    for name in COLUMNS_OF:
        rows = [list(row) for batch in plain[name] for row in batch]
        assert rows, name
        assert [row for text in made[name] for row in json.loads(text)] == rows, name
    assert any(
        odd in row
        for batch in ledger_export.sheet_batches(ledger, TODAY)["走访服务"]
        for row in batch
    )


def test_a_sheet_with_no_rows_gets_its_header_from_the_child_too(tmp_path, monkeypatch):
    monkeypatch.setattr(ledger_export, "_now", lambda: EXPORTED_AT)
    empty = Ledger.open(tmp_path / "empty.db")
    here, there = tmp_path / "here.xlsx", tmp_path / "there.xlsx"
    assert export_ledger(empty, here, today=TODAY, in_child=False) == 0
    assert export_ledger(empty, there, today=TODAY, in_child=True) == 0
    assert parts(there) == parts(here)
    empty.close()


def test_large_exports_use_the_child_and_small_ones_do_not(ledger, tmp_path, monkeypatch):
    used: list[Path] = []
    real = ledger_export.write_in_child

    def spy(partial: Path, *args: object, **kwargs: object) -> None:
        used.append(partial)
        real(partial, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ledger_export, "write_in_child", spy)
    monkeypatch.setattr(ledger_export, "CHILD_FROM", sheets.BATCH + 301)
    export_ledger(ledger, tmp_path / "small.xlsx")
    assert used == []
    monkeypatch.setattr(ledger_export, "CHILD_FROM", sheets.BATCH + 300)
    export_ledger(ledger, tmp_path / "large.xlsx")
    assert used == [tmp_path / "large.xlsx.part"]
    export_ledger(ledger, tmp_path / "large.csv")  # a csv never
    assert len(used) == 1


def test_a_cancel_stops_the_child_and_leaves_the_old_file(ledger, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"the workbook exported last month")
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        export_ledger(
            ledger,
            path,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: bool(seen) and seen[-1][0] > 0,
            in_child=True,
        )
    assert 0 < seen[-1][0] < seen[-1][1]  # stopped midway
    assert path.read_bytes() == b"the workbook exported last month"
    assert not list(tmp_path.glob("*.part"))
    assert no_child_left()


def test_a_child_that_dies_is_a_clear_error_and_leaves_the_old_file(ledger, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"the workbook exported last month")
    killed: list[int] = []

    def kill_the_child() -> bool:
        for child in multiprocessing.active_children():
            if child.name == "fieldapp-export-writer" and not killed:
                child.kill()  # as the system does when memory runs out
                child.join()
                killed.append(child.exitcode or 0)
        return False

    with pytest.raises(FieldappError) as error:
        export_ledger(ledger, path, cancelled=kill_the_child, in_child=True)
    assert killed and killed[0] < 0
    assert str(error.value) == writer_process.CHILD_DIED
    assert "原来的文件没有改动" in str(error.value)
    assert path.read_bytes() == b"the workbook exported last month"
    assert not list(tmp_path.glob("*.part"))
    assert no_child_left()


def test_a_child_that_fails_is_a_clear_error_and_writes_nothing_in_place(tmp_path):
    partial = tmp_path / "台账.xlsx.part"
    width = len(COLUMNS_OF[LEDGER])
    rows: dict[str, list[bytes]] = {name: [] for name in COLUMNS_OF}
    rows[LEDGER] = [json.dumps([[1, "x" * 40000] + [None] * (width - 2)]).encode()]  # too long
    with pytest.raises(FieldappError) as error:
        writer_process.write_in_child(partial, rows, exported_at=EXPORTED_AT)
    assert str(error.value) == writer_process.CHILD_FAILED
    assert no_child_left()


@pytest.mark.parametrize("area", [None, "520502"])
def test_the_ledger_sheet_read_in_two_slices_is_the_same_rows_in_the_same_order(
    tmp_path, monkeypatch, area
):
    ledger = Ledger.open(tmp_path / "l.db")
    build_demo(ledger, 120, seed=3, today=TODAY, area="520502010")
    build_demo(ledger, 60, seed=4, today=TODAY, area="520526100")
    keys = ledger_export._LEDGER_KEYS
    words = ledger_export.WORDS

    def rows(as_json: bool) -> list:
        return [
            row
            for batch in sheets.ledger_sheet(ledger, keys, words, TODAY, area, as_json)
            for row in batch
        ]

    monkeypatch.setattr(sheets, "FIRST_SLICE", 10**9)
    whole, whole_json = rows(False), rows(True)
    monkeypatch.setattr(sheets, "FIRST_SLICE", 7)
    inside, params = sheets._params(words, area)
    assert len(list(sheets._slices(ledger, inside, params))) == 2
    assert len(whole) > 50
    assert rows(False) == whole
    assert rows(True) == whole_json
    ledger.close()


def test_the_child_reads_a_batch_only_the_standard_library_parses():
    """orjson refuses a number too large for a double (SQLite writes an infinite REAL as 9e999);
    the child then reads that batch with the standard library instead of failing the export."""
    columns = COLUMNS_OF[LEDGER]
    receiving, sending = multiprocessing.Pipe(duplex=False)
    row = [1, "李四"] + [None] * (len(columns) - 3) + [9e999]
    sending.send_bytes(json.dumps([row]).replace("Infinity", "9e999").encode())
    sending.send_bytes(b"")
    records = list(writer_process._received(receiving, columns))
    assert len(records) == 1
    assert list(records[0]) == [c.header for c in columns]
    assert records[0][columns[1].header] == "李四" and records[0][columns[-1].header] == float(
        "inf"
    )
