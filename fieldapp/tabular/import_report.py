"""The import's report as a workbook: refused rows, conflicts, changes, mapped words, warnings.

A coordinator sends it back to whoever filled the sheet, so every sheet prints like the others
(A4 landscape, fitted to the width, header repeated, page numbers).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldapp.tabular.ledger_import import ImportReport
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import print_setup


def write_import_report(report: ImportReport, path: str | Path) -> Path:
    """Write the report's lists, one sheet each (empty lists get their header only)."""
    path = Path(path)
    with xlsx_book(path) as book:
        head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True}
        )
        cell = book.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        text = book.add_format({"border": 1, "num_format": "@", "valign": "top"})
        conflicts = [c.as_dict() for c in report.conflicts]
        changes = [
            [p.sheet, p.row, p.name, p.id_number, line]
            for p in report.changes
            for line in _lines(p.as_dict())
        ]
        sheets: list[tuple[str, list[tuple[str, int]], list[list[Any]]]] = [
            (
                "未导入的行",
                [("工作表", 12), ("行号", 8), ("原因", 90)],
                [[p.sheet, p.row, p.reason] for p in report.rejected],
            ),
            (
                "冲突",
                [
                    ("工作表", 12),
                    ("行号", 8),
                    ("姓名", 10),
                    ("身份证号码", 21),
                    ("项目", 18),
                    ("台账中的值", 20),
                    ("表格中的值", 20),
                    ("台账修改时间", 17),
                    ("修改人", 10),
                ],
                [
                    [
                        c["sheet"],
                        c["row"],
                        c["name"],
                        c["id_number"],
                        c["column"],
                        c["ledger"],
                        c["sheet_value"],
                        c["edited_at"],
                        c["edited_by"],
                    ]
                    for c in conflicts
                ],
            ),
            (
                "改动",
                [("工作表", 12), ("行号", 8), ("姓名", 10), ("身份证号码", 21), ("改动", 70)],
                changes,
            ),
            (
                "按常用说法换算",
                [("工作表", 12), ("行号", 8), ("列", 16), ("表格中写的", 16), ("按", 20)],
                [[m.sheet, m.row, m.column, m.before, m.after] for m in report.mapped],
            ),
            (
                "就业状态用词",
                [("表格中写的", 14), ("读作", 14), ("格数", 8), ("在哪里（前几处）", 70)],
                [
                    [
                        w.word,
                        w.meaning,
                        w.cells,
                        f"按县里的用词表（{w.county}）读取" if w.county else "按导入时的说明读取",
                    ]
                    for w in report.words_said
                ]
                + [
                    [w.word, "（未说明，这些行未导入）", w.cells, _places(w.places)]
                    for w in report.unknown_words.values()
                ],
            ),
            (
                "提示",
                [("工作表", 12), ("行号", 8), ("提示", 90)],
                [[p.sheet, p.row, p.reason] for p in report.warnings],
            ),
        ]
        for name, columns, rows in sheets:
            sheet = book.add_worksheet(name)
            title = f"导入结果：{name}（共 {len(rows)} 条）"
            sheet.write_string(0, 0, title, book.add_format({"bold": True, "font_size": 13}))
            for c, (label, width) in enumerate(columns):
                sheet.set_column(c, c, width)
                sheet.write_string(1, c, label, head)
            for r, row in enumerate(rows, start=2):
                for c, value in enumerate(row):
                    if isinstance(value, int):
                        sheet.write_number(r, c, value, cell)
                    else:
                        fmt = text if columns[c][0] == "身份证号码" else cell
                        sheet.write_string(r, c, str(value), fmt)
            sheet.freeze_panes(2, 0)
            sheet.ignore_errors({"number_stored_as_text": "A1:J100000"})
            print_setup(sheet, header_rows=(1, 1), landscape=len(columns) > 3)
    return path


def persons_listed(report: ImportReport) -> int:
    """How many people the saved report names (each with their ID number and, for a change or
    a conflict, the ledger's value beside the sheet's): the export log's count of it."""
    plans = [*report.changes, *(c.plan for c in report.conflicts)]
    return len({plan.id_number for plan in plans})


def rows_listed(report: ImportReport) -> int:
    """How many rows the saved report lists, over its sheets."""
    lists = (report.rejected, report.conflicts, report.changes, report.mapped, report.warnings)
    return sum(len(rows) for rows in lists)


def _places(places: list[tuple[str, int]]) -> str:
    return "、".join(f"{sheet} 第 {row} 行" for sheet, row in places)


def _lines(plan: dict[str, Any]) -> list[str]:
    return [f"{c['column']}：{c['from']} → {c['to']}" for c in plan["changes"]] + list(plan["new"])
