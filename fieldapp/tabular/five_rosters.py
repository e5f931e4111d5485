"""一库五册 as an xlsx workbook: one sheet per roster, ID numbers kept as text."""

from __future__ import annotations

from pathlib import Path

from fieldapp.policy.rosters import COLUMNS, RosterSet
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import print_setup

#: Columns written as text even when they look like numbers (ID numbers keep their digits).
TEXT_COLUMNS = frozenset({"身份证号", "户号"})


def write_five_rosters(rosters: RosterSet, path: Path) -> None:
    """Write the five rosters of one area to `path`."""
    with xlsx_book(path) as book:
        title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "align": "center"}
        )
        cell = book.add_format({"border": 1})
        for name, columns in COLUMNS.items():
            sheet = book.add_worksheet(name)
            sheet.ignore_errors({"number_stored_as_text": "A1:Z100000"})
            sheet.merge_range(
                0,
                0,
                0,
                len(columns) - 1,
                f"{rosters.area_name}{name}（截至 {rosters.as_of}）",
                title,
            )
            for col, label in enumerate(columns):
                sheet.write_string(1, col, label, head)
                sheet.set_column(col, col, 20 if label == "身份证号" else max(8, len(label) * 2))
            for r, row in enumerate(rosters.sheets.get(name, []), start=2):
                for c, value in enumerate(row):
                    if value is None or value == "":
                        sheet.write_blank(r, c, None, cell)
                    elif columns[c] in TEXT_COLUMNS or isinstance(value, str):
                        sheet.write_string(r, c, str(value), cell)
                    else:
                        sheet.write_number(r, c, float(value), cell)  # type: ignore[arg-type]
            sheet.freeze_panes(2, 0)
            print_setup(sheet, header_rows=(0, 1), landscape=len(columns) > 7)
            footer = len(rosters.sheets.get(name, [])) + 3
            sheet.write_string(footer, 0, f"共 {footer - 3} 人")
            sheet.write_string(
                footer + 1, 0, "填报人：              审核人：              填报日期："
            )
