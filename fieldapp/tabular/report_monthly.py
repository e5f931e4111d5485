"""The monthly report workbook: a total sheet and one sheet per village/site, with charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from fieldapp.domain.dates import written
from fieldapp.domain.month import Month
from fieldapp.policy.report import (
    CLASSES,
    LEVELS,
    PLACES,
    WORK_STATES,
    AreaFigures,
    MonthlyReport,
    category_rows,
    claims_note,
    coverage,
)
from fieldapp.tabular.five_rosters import text_width
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import print_setup

#: Each column's width (characters; a Chinese one is 2), as 六、补贴申领, the widest table,
#: uses them: 补贴, 资金来源, then 人数 and 笔数 narrow (a header of two rows: 申领 … 已发放
#: over them, each label on one line) and 金额 wide enough for 99,999,999.99. The other tables' numbers fit the same columns. 122 in all:
#: LibreOffice measures a column of w as 7w+5 points, a third more than Excel's 7w+5 pixels
#: (it measures by the font it has for Calibri), and fitted to A4 landscape they print at
#: 85 % — the old 26, 22 and 11 × 11 printed at 62 %, the figures under 7 pt. Every
#: program prints the sheet at that scale (SCALE).
WIDTHS = (18, 12, 7, 7, 12, 7, 7, 7, 7, 12, 7, 7, 12)
#: The last column of the widest table (六、补贴申领: 补贴, 资金来源 and 人数/笔数/金额 ×4).
LAST_COLUMN = len(WIDTHS) - 1
#: Row heights (pt) the sheet sets, so that its pages can be laid out before printing: a
#: table's row is ROW for each line its longest wrapped entry takes. Not 15, Excel's own
#: height, which a file does not write: LibreOffice and WPS then lay the rows out by their
#: fonts, lower, and the pages planned here print half empty.
ROW, HEADING_ROW = 15.75, 20.25
#: An A4 landscape page within print_setup's margins (pt): the height rows fill, the width
#: the columns are printed in.
PAGE_HEIGHT, PAGE_WIDTH = (8.27 - 0.5 - 0.6) * 72, (11.69 - 0.4 - 0.4) * 72
#: The scale (%) every program prints the sheet at, so that its pages are those planned here.
#: Fitted to the page width, each program chose its own: Excel 100 %, LibreOffice 85 % (its
#: 7w+5 pt a column, measured by DejaVu Sans standing in for Calibri, the widest it falls back
#: to; Carlito, or Calibri itself, measures as Excel does), and breaks planned at one scale
#: printed the other's pages a sixth empty, or ran them over. Printed at the smaller, the
#: thirteen columns fit in every program (Excel's then take three quarters of the width, the
#: page centred) and each page holds the same rows everywhere.
SCALE = int(100 * PAGE_WIDTH / sum(7 * w + 5 for w in WIDTHS))
#: Rows a chart takes below its label (xlsxwriter's 288 px chart 4 px down, rows of 21 px):
#: set to ROW, so that it is as high in every program and its page planned whole.
CHART_ROWS = -(-(288 + 4) // 21)
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
#: A table's column label, or a group's label over the labels of its columns (a header of
#: two rows: 申领 over 人数, 笔数, 金额).
Header = str | tuple[str, tuple[str, ...]]


def _sheet_name(text: str, used: set[str]) -> str:
    base = text.translate(_BAD_SHEET_CHARS)[:28] or "地区"
    name, n = base, 2
    while name in used:
        name = f"{base[:26]}_{n}"
        n += 1
    used.add(name)
    return name


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook, sheet: Worksheet, name: str) -> None:
        self.book, self.sheet, self.name = book, sheet, name
        self.row = 0
        self.heights: dict[int, float] = {0: HEADING_ROW}
        self.sections: list[int] = []  # the first row of each section (the gap above it)
        sheet.set_row(0, HEADING_ROW)
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.head = book.add_format(
            {"bold": True, "border": 1, "bg_color": "#DDEBF7", "text_wrap": True, "valign": "top"}
        )
        self.cell = book.add_format({"border": 1, "valign": "top"})
        self.wrap = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
        self.money = book.add_format({"border": 1, "valign": "top", "num_format": "#,##0.00"})
        self.pct = book.add_format({"border": 1, "valign": "top", "num_format": "0.0%"})
        self.small = book.add_format({"font_size": 9})
        self.group = book.add_format(
            {
                "bold": True,
                "border": 1,
                "bg_color": "#DDEBF7",
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
            }
        )

    def heading(self, text: str) -> None:
        self.sections.append(self.row)
        if self.row not in self.heights:  # the gap above the section (not the title's row)
            self.sheet.set_row(self.row, ROW)
        self.row += 1
        self.sheet.set_row(self.row, HEADING_ROW)
        self.heights[self.row] = HEADING_ROW
        self.sheet.write_string(self.row, 0, text, self.title)
        self.row += 1

    def note(self, lines: list[str]) -> None:
        """Lines under a table saying what its columns count, each across the table's width."""
        for line in lines:
            self.sheet.set_row(self.row, ROW)
            self.sheet.merge_range(self.row, 0, self.row, LAST_COLUMN, line, self.small)
            self.row += 1

    def table(
        self,
        header: list[Header],
        rows: list[list[Any]],
        formats: dict[int, Any] | None = None,
        empty: str = "",
        spans: tuple[int, ...] = (),
    ) -> tuple[int, int]:
        """Write a table; returns (first data row, last data row). A label or entry wider than
        its column (a 补贴 like 一次性求职创业补贴（首次有组织输出…）) wraps, its row as high as
        its lines, so the printed sheet shows it whole. A table of no rows says `empty` in
        one (本年无补贴申领): a header over nothing reads as a table left out. `spans` gives
        the sheet's columns each of the table's takes, merged (1 each if not given): a label
        such as 无劳动能力或非劳动年龄 is too long for the narrow columns of 六's counts."""
        at = _columns(spans) if spans else None
        columns = self._header(header, at)
        first = self.row
        if not rows and empty:
            self.sheet.set_row(self.row, ROW)
            self.sheet.merge_range(self.row, 0, self.row, columns - 1, empty, self.cell)
            self.row += 1
        for row in rows:
            self._line(row, at)
            for c, value in enumerate(row):
                fmt = (formats or {}).get(c, self.cell)
                start, end = at[c] if at else (c, c)
                if isinstance(value, str) and _lines(value, start, end) > 1:
                    fmt = self.wrap
                if end > start:
                    self.sheet.merge_range(self.row, start, self.row, end, value, fmt)
                elif value is None:
                    self.sheet.write_blank(self.row, start, None, fmt)
                elif isinstance(value, str):
                    self.sheet.write_string(self.row, start, value, fmt)
                else:
                    self.sheet.write_number(self.row, start, value, fmt)
            self.row += 1
        return first, self.row - 1

    def _header(self, header: list[Header], at: list[tuple[int, int]] | None = None) -> int:
        """Write a table's header; returns its number of columns. Labels alone take a row; a
        group's (申领, ("人数", "笔数", "金额")) makes it two, the group's label merged across
        its columns over theirs, a label alone merged down both (补贴): 本月新申领人数 as one
        label took three lines of a count's column, 申领 broken across two. `at` places each
        of the table's columns (a label alone or one under a group) on the sheet's, as the
        rows below it are: a group spans its columns' spans, and each label is measured
        against its own span (a two-row header once put its labels one column each, over rows
        merged wider, its lines counted for one column)."""
        if all(isinstance(label, str) for label in header):
            self._line(header, at)
            for c, label in enumerate(header):
                start, end = at[c] if at else (c, c)
                if end > start:
                    self.sheet.merge_range(self.row, start, self.row, end, str(label), self.head)
                else:
                    self.sheet.write_string(self.row, start, str(label), self.head)
            self.row += 1
            return at[-1][1] + 1 if at else len(header)
        top, under, k = self.row, self.row + 1, 0  # k: the table's column (a leaf label)

        def place(leaf: int) -> tuple[int, int]:
            return at[leaf] if at else (leaf, leaf)

        lines = {top: 1, under: 1}
        for label in header:
            if isinstance(label, str):
                start, end = place(k)
                self.sheet.merge_range(top, start, under, end, label, self.group)
                k += 1
                continue
            group, labels = label
            start, last = place(k)[0], place(k + len(labels) - 1)[1]
            if last > start:
                self.sheet.merge_range(top, start, top, last, group, self.group)
            else:
                self.sheet.write_string(top, start, group, self.group)
            lines[top] = max(lines[top], _lines(group, start, last))
            for label_under in labels:
                start, end = place(k)
                if end > start:
                    self.sheet.merge_range(under, start, under, end, label_under, self.group)
                else:
                    self.sheet.write_string(under, start, label_under, self.group)
                lines[under] = max(lines[under], _lines(label_under, start, end))
                k += 1
        for row, count in lines.items():
            self.sheet.set_row(row, ROW * count)
            if count > 1:
                self.heights[row] = ROW * count
        self.row += 2
        return place(k - 1)[1] + 1

    def _line(self, values: list[Any], at: list[tuple[int, int]] | None = None) -> None:
        """Set the current row's height: ROW a line of its longest wrapped text (as laid out:
        LibreOffice would make it lower), kept for the page breaks."""
        lines = max(
            (
                _lines(v, *(at[c] if at else (c, c)))
                for c, v in enumerate(values)
                if isinstance(v, str)
            ),
            default=1,
        )
        self.sheet.set_row(self.row, ROW * lines)
        if lines > 1:
            self.heights[self.row] = ROW * lines

    def page_breaks(self, end: int) -> list[int]:
        """Rows to start a page at so that each section is printed whole: a break before a
        section that does not fit on what is left of the page (the title repeated atop each
        page; a section longer than a page starts a page and runs on). Planned at SCALE, as
        every program prints it; what a page holds is that of the page itself, less 2 % for
        a program rounding its rows to its printer's dots."""
        room = PAGE_HEIGHT / (SCALE / 100) * 0.98
        height = [self.heights.get(r, ROW) for r in range(end)]
        breaks: list[int] = []
        used = sum(height[: self.sections[0]]) if self.sections else 0.0
        for start, stop in zip(self.sections, [*self.sections[1:], end], strict=True):
            size = sum(height[start:stop])
            if used + size > room and used > height[0]:
                breaks.append(start)
                used = height[0]
            used += size
        return breaks


def _lines(text: str, column: int, last: int | None = None) -> int:
    """Lines a text takes in a table's column (or its columns to `last`, merged), wrapped (a
    Chinese character is two wide)."""
    width = sum(WIDTHS[column : (column if last is None else last) + 1])
    return max(1, -(-text_width(text) // (width - 1)))


def _columns(spans: tuple[int, ...]) -> list[tuple[int, int]]:
    """The sheet's first and last column of each table column taking `spans` columns."""
    at, start = [], 0
    for span in spans:
        at.append((start, start + span - 1))
        start += span
    return at


def _area_sheet(
    book: xlsxwriter.Workbook, sheet: Worksheet, name: str, fig: AreaFigures, report: MonthlyReport
) -> None:
    w = _Writer(book, sheet, name)
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    month, day = Month(report.month).label(), written(report.as_of)  # as the papers say them
    sheet.write_string(0, 0, f"{fig.name} 就业帮扶月报（{month}，截至{day}）", w.title)
    w.heading("一、基本情况")
    w.table(
        ["项目", "数量"],
        [
            ["户数", fig.households],
            ["人数", fig.persons],
            ["零就业家庭（户）", fig.zero_employment_households],
            ["逾期未办服务（项）", fig.overdue_services],
        ],
    )
    w.heading("二、人员类别 × 就业状态")
    cats = category_rows(fig.by_category)
    w.table(
        ["人员类别", *WORK_STATES, "合计"],
        [
            [
                c,
                *(fig.by_category[c].get(s, 0) for s in WORK_STATES),
                sum(fig.by_category[c].values()),
            ]
            for c in cats
        ],
        spans=(1, 1, 2, 2, 2),  # 无劳动能力或非劳动年龄 two columns wide
    )
    w.heading("三、已就业人员按地点")
    first, last = w.table(
        ["就业地点", "人数"], [[p, fig.employed_by_place.get(p, 0)] for p in PLACES]
    )
    chart = book.add_chart({"type": "pie"})
    chart.add_series(
        {
            "name": "已就业人员按地点",
            "categories": [name, first, 0, last, 0],
            "values": [name, first, 1, last, 1],
            "data_labels": {"value": True, "category": True},
        }
    )
    chart.set_title({"name": "已就业人员按地点"})  # the sheet's title names the area
    charts = [chart]
    w.heading("四、已就业人员按形式")
    forms = sorted(fig.employed_by_form)
    f_first, f_last = w.table(
        ["就业形式", "人数"],
        [[f, fig.employed_by_form[f]] for f in forms],
        empty="本月无已就业人员",
    )
    if forms:
        bar = book.add_chart({"type": "column"})
        bar.add_series(
            {
                "name": "人数",
                "categories": [name, f_first, 0, f_last, 0],
                "values": [name, f_first, 1, f_last, 1],
            }
        )
        bar.set_title({"name": "已就业人员按形式"})
        bar.set_legend({"none": True})
        charts.append(bar)
    w.heading("五、登记失业人员（四级三类）")
    w.table(["失业等级", "人数"], [[lv, fig.unemployed_by_level.get(lv, 0)] for lv in LEVELS])
    w.table(["失业类别", "人数"], [[c, fig.unemployed_by_class.get(c, 0)] for c in CLASSES])
    w.heading("六、补贴申领（按补贴种类和资金来源，本年累计）")
    rows = [
        [
            rule,
            source,
            len(f.claimed_by),
            f.claimed,
            f.claimed_amount,
            len(f.new_by),
            f.new_this_month,
            len(f.approved_by),
            f.approved,
            f.approved_amount,
            len(f.paid_by),
            f.paid,
            f.paid_amount,
        ]
        for (rule, source), f in sorted(fig.claims.items())
    ]
    counted = ("人数", "笔数", "金额")
    w.table(
        [
            "补贴",
            "资金来源",
            ("申领", counted),
            ("本月新申领", counted[:2]),
            ("已审批", counted),
            ("已发放", counted),
        ],
        rows,
        {4: w.money, 9: w.money, 12: w.money},
        empty="本年无补贴申领",
    )
    w.note(claims_note(report.month, report.as_of))
    w.heading("七、“一户一人”就业覆盖")
    rows = []
    for kind in ("脱贫户", "易地搬迁户"):
        counts = fig.one_per_household.get(kind)
        if counts is None:
            rows.append([kind, 0, 0, 0, None])
            continue
        rows.append(
            [
                kind,
                counts.get("户数", 0),
                counts.get("有劳动力户数", 0),
                counts.get("已实现一户一人", 0),
                coverage(counts),
            ]
        )
    w.table(
        ["家庭类型", "户数", "有劳动力户数", "已实现一户一人", "覆盖率"],
        rows,
        {4: w.pct},
        spans=(1, 1, 2, 2, 2),  # 已实现一户一人 two columns wide
    )
    _place_charts(w, charts)
    print_setup(sheet, header_rows=(0, 0))
    sheet.set_print_scale(SCALE)  # not fitted to the width: see SCALE
    sheet.center_horizontally()


def _place_charts(w: _Writer, charts: list[Any]) -> None:
    """Charts side by side below the last table, a section of their own (图表): they cover no
    figure, and they follow the last table on its page if they fit whole on what is left of
    it, else start a page (after the breaks keeping the other sections whole)."""
    w.sections.append(w.row)
    w.sheet.set_row(w.row, ROW)  # the gap above the charts
    row = w.row + 1
    w.sheet.write_string(row, 0, "图表")
    for below in range(row, row + CHART_ROWS + 1):
        w.sheet.set_row(below, ROW)
    for chart, column in zip(charts, (0, 4), strict=False):
        w.sheet.insert_chart(row + 1, column, chart, {"x_offset": 4, "y_offset": 4})
    w.sheet.set_h_pagebreaks(w.page_breaks(row + CHART_ROWS + 1))


def write_monthly_report(report: MonthlyReport, path: Path) -> None:
    """Write the report: '汇总' first, then one sheet per village/site."""
    with xlsx_book(path) as book:
        used: set[str] = set()
        name = _sheet_name("汇总", used)
        _area_sheet(book, book.add_worksheet(name), name, report.total, report)
        for fig in report.areas:
            name = _sheet_name(f"{fig.name}", used)
            _area_sheet(book, book.add_worksheet(name), name, fig, report)
