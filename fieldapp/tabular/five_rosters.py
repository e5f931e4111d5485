"""一库五册 as an xlsx workbook: one sheet per roster, ID numbers kept as text."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.dates import written
from fieldapp.policy.rosters import COLUMNS, RosterSet
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import print_setup

#: Columns written as text even when they look like numbers (ID numbers keep their digits).
TEXT_COLUMNS = frozenset({"身份证号", "户号"})
#: The widest a column of words grows (characters; a Chinese one is 2): a longer entry wraps
#: onto more lines of its row, so the sheet fitted to the page keeps a readable size.
WIDEST = 16


def text_width(text: str) -> int:
    """Characters a text takes in a column: a Chinese character (or full-width sign) is two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _widths(columns: list[str], rows: list[list[object]]) -> list[tuple[int, bool]]:
    """Each column's width and whether its longer entries wrap: as wide as its header and its
    longest entry (+1), numbers and ID numbers whole, words up to WIDEST."""
    out = []
    for c, label in enumerate(columns):
        longest = max(
            (text_width(str(row[c])) for row in rows if row[c] not in (None, "")), default=0
        )
        need = max(text_width(label), longest, 4) + 1
        words = label not in TEXT_COLUMNS and any(isinstance(row[c], str) for row in rows)
        width = min(need, max(WIDEST, text_width(label) + 1)) if words else need
        out.append((width, need > width))
    return out


def _count(rows: list[list[object]], id_column: int) -> str:
    """The roster's count: its persons, and its entries too where someone has more than one
    (trained twice, two jobs): 共 1 人 2 条, as the 花名册 says 1 人 2 笔."""
    persons = len({str(row[id_column]) for row in rows})
    return f"共 {persons} 人" if persons == len(rows) else f"共 {persons} 人 {len(rows)} 条"


def write_five_rosters(rosters: RosterSet, path: Path) -> None:
    """Write the five rosters of one area to `path`."""
    with xlsx_book(path) as book:
        title = book.add_format({"bold": True, "font_size": 14, "align": "center"})
        head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "align": "center"}
        )
        cell = book.add_format({"border": 1, "valign": "top"})
        wrap = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
        for name, columns in COLUMNS.items():
            sheet = book.add_worksheet(name)
            sheet.ignore_errors({"number_stored_as_text": "A1:Z100000"})
            sheet.merge_range(
                0,
                0,
                0,
                len(columns) - 1,
                f"{rosters.area_name}{name}（截至{written(rosters.as_of)}）",  # as printed
                title,
            )
            rows = rosters.sheets.get(name, [])
            widths = _widths(list(columns), [list(row) for row in rows])
            for col, label in enumerate(columns):
                sheet.write_string(1, col, label, head)
                sheet.set_column(col, col, widths[col][0])
            for r, row in enumerate(rows, start=2):
                lines = max(
                    (
                        -(-text_width(str(value)) // (widths[c][0] - 1))
                        for c, value in enumerate(row)
                        if widths[c][1] and value not in (None, "")
                    ),
                    default=1,
                )
                if lines > 1:  # the height its wrapped entries need (no reader is relied on
                    sheet.set_row(r, 16 * lines)  # to grow the row: LibreOffice does not)
                for c, value in enumerate(row):
                    fmt = wrap if widths[c][1] else cell
                    if value is None or value == "":
                        sheet.write_blank(r, c, None, fmt)
                    elif columns[c] not in TEXT_COLUMNS and isinstance(value, (int, float)):
                        sheet.write_number(r, c, float(value), fmt)
                    else:
                        sheet.write_string(r, c, str(value), fmt)
            sheet.freeze_panes(2, 0)
            print_setup(sheet, header_rows=(0, 1), landscape=len(columns) > 7)
            footer = len(rows) + 3
            sheet.write_string(footer, 0, _count(rows, columns.index("身份证号")))
            sheet.write_string(
                footer + 1, 0, "填报人：              审核人：              填报日期："
            )
