"""The household duties list (户级责任) as an xlsx workbook, one row per flag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from fieldapp.domain.dates import written
from fieldapp.policy.households import DutyFlag
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import print_setup

COLUMNS = ("序号", "事项", "户号", "户主/成员", "所在地", "说明", "依据")
WIDTHS = (6, 16, 18, 18, 22, 60, 30)


def write_duties(
    flags: Sequence[DutyFlag],
    path: Path,
    *,
    area_name: str,
    on: dt.date,
    place_of: Callable[[str], str],
) -> int:
    """Write the flags to `path`; returns how many rows were written."""
    with xlsx_book(path) as book:
        title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "align": "center"}
        )
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
        sheet = book.add_worksheet("户级责任")
        sheet.ignore_errors({"number_stored_as_text": "A1:Z100000"})
        sheet.merge_range(
            0, 0, 0, len(COLUMNS) - 1, f"{area_name}户级责任清单（截至{written(on)}）", title
        )
        for col, (label, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True)):
            sheet.write_string(1, col, label, head)
            sheet.set_column(col, col, width)
        for row, flag in enumerate(flags, start=2):
            values = (
                str(row - 1),
                flag.kind,
                flag.household_no,
                "、".join(flag.names),
                place_of(flag.area_code),
                flag.text,
                flag.clause,
            )
            for col, value in enumerate(values):
                sheet.write_string(row, col, value, cell)
        sheet.freeze_panes(2, 0)
        print_setup(sheet, header_rows=(0, 1), landscape=True)
    return len(flags)
