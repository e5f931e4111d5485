"""Exporting the ledger as a 台账 in the import template's shape, so export → import round-trips.

xlsx is written by `workbook` (rustpy-xlsxwriter: rows streamed, every text cell a string so ID
and account numbers keep their digits); csv is UTF-8 with a BOM, which Excel opens without
garbling Chinese, and every text cell that would start a formula is neutralised.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from operator import add, itemgetter
from pathlib import Path

from fieldapp import saving
from fieldapp.bulk import paused_gc
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.progress import CancelCheck, Progress, Ticker
from fieldapp.store import ledger_kind
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import sheets
from fieldapp.store.queries.sheets import Row, Words
from fieldapp.tabular import cells, output, workbook
from fieldapp.tabular.columns import COLUMNS, COLUMNS_OF, EXTRA_SHEETS, LEDGER, NO, YES
from fieldapp.tabular.writer_process import write_in_child

#: The words the export writes for flags and choices (those the import reads back).
WORDS = Words(
    yes=YES,
    no=NO,
    employed=WorkStatus.EMPLOYED.value,
    whole_household="全户",
    self_only="本人",
)
#: From how many persons an xlsx export is written by a child process: below, starting one
#: (about 0.2 s) costs more than the second core gives back.
CHILD_FROM = 5000
#: Where each extra sheet's rows come from (`store.queries.sheets.FACT_SHEETS`).
_SOURCES = {
    "就业经历": "employment_spells",
    "失业登记": "unemployment_registrations",
    "培训": "trainings",
    "走访服务": "visits",
    "月度状态": "monthly_status",
}
#: The ledger sheet's cells the store gives: all but 序号, the first, numbered here.
_LEDGER_KEYS = tuple(c.key for c in COLUMNS if c.key != "seq")
_START_DATE = next(i for i, c in enumerate(COLUMNS) if c.key == "start_date")


def _ticking(batches: Iterable[list[Row]], tick: Callable[[int], None]) -> Iterator[list[Row]]:
    """The batches as they pass, telling `tick` how many rows went before each and in all (a
    cancel raised there, from inside the writer's loop, stops the write)."""
    done = 0
    for batch in batches:
        tick(done)
        done += len(batch)
        yield batch
    tick(done)


def ledger_rows(batches: Iterable[list[Row]]) -> Iterator[Row]:
    """The ledger sheet's rows, each numbered (序号) in front of the store's cells."""
    return chain.from_iterable(_numbered(batches))


def _store_batches(
    ledger: Ledger,
    today: dt.date,
    area_prefix: str | None,
    tick: Callable[[int], None],
    as_json: bool = False,
) -> dict[str, Iterable[list[Row]]]:
    """Every sheet's batches as the store gives them (the ledger sheet's not yet numbered),
    by title; `as_json`: each row one JSON array (see `store.queries.sheets.ledger_sheet`)."""
    batches = sheets.ledger_sheet(ledger, _LEDGER_KEYS, WORDS, today, area_prefix, as_json)
    found: dict[str, Iterable[list[Row]]] = {LEDGER: _ticking(batches, tick)}
    for name, columns in EXTRA_SHEETS.items():
        keys = [c.key for c in columns]
        facts: Iterable[list[Row]] = sheets.fact_sheet(
            ledger, _SOURCES[name], keys, WORDS, area_prefix, as_json
        )
        if name == "走访服务":  # then the services given without a visit
            lone = sheets.fact_sheet(ledger, "lone_services", keys, WORDS, area_prefix, as_json)
            facts = chain(facts, lone)
        found[name] = facts
    return found


def sheet_batches(
    ledger: Ledger,
    today: dt.date,
    area_prefix: str | None = None,
    tick: Callable[[int], None] = lambda done: None,
) -> dict[str, Iterable[list[Row]]]:
    """Every sheet of the workbook as batches of rows in its column order, by title (read as
    they are taken; the ledger sheet's rows numbered).

    `tick` hears how many persons the ledger sheet has given so far (see `_ticking`).
    """
    found = _store_batches(ledger, today, area_prefix, tick)
    found[LEDGER] = _numbered(found[LEDGER])
    return found


def _numbered(batches: Iterable[list[Row]]) -> Iterator[list[Row]]:
    """The ledger sheet's batches, each row numbered (序号) in front of the store's cells."""
    done = 0
    for batch in batches:
        yield list(map(add, zip(range(done + 1, done + len(batch) + 1)), batch))
        done += len(batch)


def json_batches(
    ledger: Ledger,
    today: dt.date,
    area_prefix: str | None = None,
    tick: Callable[[int], None] = lambda done: None,
) -> dict[str, Iterator[bytes]]:
    """`sheet_batches` as JSON in UTF-8, each batch one array of row arrays, made by SQLite and
    joined here with no Python object per cell: what the writer process takes."""
    found = _store_batches(ledger, today, area_prefix, tick, as_json=True)
    joined: dict[str, Iterator[bytes]] = {
        name: map(_json_batch, batches) for name, batches in found.items()
    }
    joined[LEDGER] = _numbered_json(found[LEDGER])
    return joined


_first = itemgetter(0)
#: A row's JSON array but its opening bracket.
_after_bracket = itemgetter(slice(1, None))


def _json_batch(batch: list[Row]) -> bytes:
    return b"[" + b",".join(map(_first, batch)) + b"]"


def _numbered_json(batches: Iterable[list[Row]]) -> Iterator[bytes]:
    """The ledger sheet's JSON batches, each row numbered (序号) in front of the store's cells."""
    done = 0
    for batch in batches:
        numbers = range(done + 1, done + len(batch) + 1)
        rests = map(_after_bracket, map(_first, batch))
        rows = map(b"[%d,%b".__mod__, zip(numbers, rests, strict=True))
        done += len(batch)
        yield b"[" + b",".join(rows) + b"]"


def export_sheets(
    ledger: Ledger,
    today: dt.date,
    area_prefix: str | None = None,
    tick: Callable[[int], None] = lambda done: None,
) -> dict[str, Iterator[workbook.Record]]:
    """Every sheet of the workbook as the writer's records, by title (read as they are written).

    `tick` hears how many persons the ledger sheet has given so far (see `_ticking`).
    """
    return {
        name: workbook.records(chain.from_iterable(batches), COLUMNS_OF[name])
        for name, batches in sheet_batches(ledger, today, area_prefix, tick).items()
    }


def export_ledger(
    ledger: Ledger,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    area_prefix: str | None = None,
    today: dt.date | None = None,
    in_child: bool | None = None,
) -> int:
    """Write the ledger (or one area of it) to xlsx or csv; returns the number of persons.

    The xlsx holds the ledger sheet and every extra sheet (就业经历 …), so importing it into an
    empty ledger brings back every fact; a csv holds the ledger sheet only. An xlsx of at least
    `CHILD_FROM` persons is written by a child process while this one reads the ledger (see
    `writer_process`); `in_child` forces the choice either way.
    """
    path = Path(path)
    today = today or china_today()
    # A file that cannot be written is said with its cause (`saving`), its folder before any work.
    with output.written(path):
        saving.make_folder_for(path)
    partial = path.with_name(path.name + ".part")
    # The count and every sheet from one state of the ledger: the user may go on saving while
    # a large export runs, and a household moved meanwhile must not be written twice or missed
    # (the ledger sheet is read in two queries, the extra sheets each in their own).
    # A demo's workbook says so on every sheet: a real ledger will not import it.
    demo = ledger_kind.is_demo(ledger)
    # The export's time, taken before the ledger is read: an edit saved while it is read
    # counts as after the sheet (a conflict for the update to show), never as in it.
    exported_at = _now()
    with ledger.reading():
        total = sheets.count_persons(ledger, area_prefix)
        job = Ticker(progress, cancelled, message="已取消导出")
        job.tick(0, total, force=True)
        written = 0

        def tick(done: int) -> None:
            nonlocal written
            written = done
            job.tick(done, total)

        try:
            with output.written(path):
                partial.touch()  # an unwritable folder is told before the rows are read
                if path.suffix.lower() == ".csv":
                    batches = sheets.ledger_sheet(ledger, _LEDGER_KEYS, WORDS, today, area_prefix)
                    _write_csv(
                        partial, ledger_rows(_ticking(batches, tick)), exported_at, demo=demo
                    )
                elif in_child if in_child is not None else total >= CHILD_FROM:
                    with paused_gc():
                        write_in_child(
                            partial,
                            json_batches(ledger, today, area_prefix, tick),
                            exported_at=exported_at,
                            check=job.check,
                            demo=demo,
                        )
                else:
                    found = export_sheets(ledger, today, area_prefix, tick)
                    with paused_gc():  # millions of short-lived cells, none in a cycle
                        workbook.write_ledger_workbook(
                            partial, found, exported_at=exported_at, demo=demo
                        )
                partial.replace(path)  # only a complete file takes the name
        finally:
            saving.discard(partial)
    job.tick(total, total, force=True)
    return written


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


#: Characters that make a spreadsheet read a CSV cell as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A CSV cell that cannot run as a formula: a leading =, +, -, @, tab or CR gets a quote
    mark before it (Excel and WPS show the text as typed; the import strips it again)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(
    path: Path, rows: Iterator[Row], exported_at: dt.datetime, *, demo: bool = False
) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        # A CSV has no document properties: the export time an update needs as the sheet's
        # date (see `dates`) goes in a title line above the header, as in the xlsx.
        writer.writerow([workbook.title_text("劳动力台账", exported_at, demo=demo)])
        writer.writerow([c.header for c in COLUMNS])
        for row in rows:
            values = list(row)
            day = values[_START_DATE]
            if day is not None:  # an Excel day number; a csv cell has no format: ISO text
                values[_START_DATE] = cells.from_excel_day(day).isoformat()
            line = list(map(_csv_cell, values))
            for at in _TEXT_AT:
                if _KEEP_DIGITS.match(line[at]):
                    line[at] = f'="{line[at]}"'
            writer.writerow(line)


#: The columns kept as text (ID, account, phone and code columns) …
_TEXT_AT = tuple(i for i, c in enumerate(COLUMNS) if c.text)
#: … whose digits Excel, WPS or LibreOffice would turn into a number on opening the csv and
#: save back altered: more than 11 digits (5.20526198905275E+017) or a leading 0 (户编号
#: 00100500002 → 100500002). Written ="…", each shows and saves the text (the import reads
#: it as the number).
_KEEP_DIGITS = re.compile(r"^(?:0\d+|\d{12,}X?)$")


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)  # a number written by us: a leading minus is the number's own
    return neutralise(str(value))
