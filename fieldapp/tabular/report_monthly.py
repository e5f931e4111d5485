"""The monthly report workbook: a total sheet and one sheet per village/site, with charts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import quote_sheetname, xl_range_abs
from xlsxwriter.worksheet import Worksheet

from fieldapp.domain.dates import written
from fieldapp.domain.month import Month
from fieldapp.policy.report import (
    CHART_MOST,
    CLASSES,
    LEVELS,
    PLACES,
    WORK_STATES,
    AreaFigures,
    MonthlyReport,
    category_rows,
    claims_note,
    coverage,
    largest,
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
#: Each chart's width (px): two side by side within the sheet's printed columns, 4 px apart
#: and from the edges. At xlsxwriter's 480 px the second (at column 4) covered the first's
#: right part, its slices' labels and legend, and ran past the printed columns.
_COLUMN_PX = [7 * w + 5 for w in WIDTHS]
CHART_WIDTH = (sum(_COLUMN_PX) - 3 * 4) // 2


def _chart_at(x: int) -> tuple[int, int]:
    """The column `x` px from the sheet's left edge falls in, and how far into it."""
    column = 0
    while x >= _COLUMN_PX[column]:
        x -= _COLUMN_PX[column]
        column += 1
    return column, x


#: Where each chart starts: its column and the px into it.
CHART_AT = (_chart_at(4), _chart_at(4 + CHART_WIDTH + 4))
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
#: A table's column label, or a group's label over the labels of its columns (a header of
#: two rows: 申领 over 人数, 笔数, 金额).
Header = str | tuple[str, tuple[str, ...]]
#: A table's data rows as written: (first, last) of each page's run of them, one run unless the
#: table ran on over pages, its header repeated between runs (first > last: no row).
Runs = list[tuple[int, int]]


def _sheet_name(text: str, used: set[str]) -> str:
    base = text.translate(_BAD_SHEET_CHARS)[:28] or "地区"
    name, n = base, 2
    while name in used:
        name = f"{base[:26]}_{n}"
        n += 1
    used.add(name)
    return name


#: What a page holds (pt of rows, the title's row included): the page at SCALE, less 2 % for a
#: program rounding its rows to its printer's dots.
ROOM = PAGE_HEIGHT / (SCALE / 100) * 0.98


@dataclass
class _Table:
    """A table of a section, as `_Writer.table` writes it."""

    header: list[Header]
    rows: list[list[Any]]
    formats: dict[int, Any] = field(default_factory=dict)
    empty: str = ""
    spans: tuple[int, ...] = ()

    @property
    def at(self) -> list[tuple[int, int]] | None:
        """The sheet's first and last column of each of the table's (None: one each)."""
        return _columns(self.spans) if self.spans else None

    def header_heights(self) -> list[float]:
        """Its header's rows' heights: one row of labels, or a group's row and the row of the
        labels under the groups."""
        at = self.at
        if all(isinstance(label, str) for label in self.header):
            return [_height(self.header, at)]
        top = under = 1
        k = 0
        for label in self.header:
            if isinstance(label, str):
                k += 1
                continue
            group, labels = label
            start, last = _place(at, k)[0], _place(at, k + len(labels) - 1)[1]
            top = max(top, _lines(group, start, last))
            for label_under in labels:
                under = max(under, _lines(label_under, *_place(at, k)))
                k += 1
        return [ROW * top, ROW * under]

    def row_heights(self) -> list[float]:
        """Its rows' heights (the row saying `empty` when it has none)."""
        if not self.rows:
            return [ROW] if self.empty else []
        return [_height(row, self.at) for row in self.rows]

    def height(self) -> float:
        return sum(self.header_heights()) + sum(self.row_heights())


class _Writer:
    """Writes a sheet's sections down the page, laying out its pages as it goes: printed at
    SCALE, as every program prints the sheet, a page holds ROOM of rows, the title's repeated
    atop each. A section that does not fit on what is left of the page starts the next (each
    page holds whole sections); one longer than a page starts where its heading, its table's
    header and first row fit, and runs on over pages, the header repeated atop each."""

    def __init__(self, book: xlsxwriter.Workbook, sheet: Worksheet, name: str) -> None:
        self.book, self.sheet, self.name = book, sheet, name
        sheet.set_row(0, HEADING_ROW)
        self.row = 1
        #: What the rows on the page so far take (the title's repeated on every page).
        self.top = self.used = HEADING_ROW
        #: The rows starting a page.
        self.breaks: list[int] = []
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

    def _next(self, height: float) -> int:
        """The next row, `height` high (every row says its height: LibreOffice and WPS lay
        out a row that does not by their fonts, lower, and the pages planned here would
        print half empty)."""
        row = self.row
        self.sheet.set_row(row, height)
        self.used += height
        self.row += 1
        return row

    def _fits(self, height: float) -> bool:
        return self.used + height <= ROOM

    def _break(self) -> None:
        """Start a page at the next row (not on a page holding nothing yet)."""
        if self.used > self.top:
            self.breaks.append(self.row)
            self.used = self.top

    def section(
        self, heading: str, tables: list[_Table], notes: list[str] | None = None
    ) -> list[Runs]:
        """A gap, the section's heading, its tables and the lines under them; returns each
        table's data rows (its runs, one a page it is on: `Runs`)."""
        notes = notes or []
        size = ROW + HEADING_ROW + sum(t.height() for t in tables) + ROW * len(notes)
        if not self._fits(size):
            first = tables[0] if tables else None
            lead = sum(first.header_heights()) + sum(first.row_heights()[:1]) if first else 0.0
            if self.top + size <= ROOM or not self._fits(ROW + HEADING_ROW + lead):
                self._break()
        self._next(ROW)
        self.sheet.write_string(self._next(HEADING_ROW), 0, heading, self.title)
        spans = [self._table(t) for t in tables]
        for line in notes:
            if not self._fits(ROW):
                self._break()
            row = self._next(ROW)
            self.sheet.merge_range(row, 0, row, LAST_COLUMN, line, self.small)
        return spans

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
        runs = self._table(_Table(header, rows, formats or {}, empty, spans))
        return runs[0][0], runs[-1][1]

    def _table(self, table: _Table) -> Runs:
        at, heights = table.at, table.row_heights()
        if not self._fits(sum(table.header_heights()) + sum(heights[:1])):
            self._break()
        columns = self._header(table)
        runs: Runs = []
        first = self.row
        if not table.rows and table.empty:
            row = self._next(ROW)
            self.sheet.merge_range(row, 0, row, columns - 1, table.empty, self.cell)
        for values in table.rows:
            height = _height(values, at)
            if not self._fits(height):  # a table longer than the page: its header again
                runs.append((first, self.row - 1))
                self._break()
                self._header(table)
                first = self.row
            row = self._next(height)
            for c, value in enumerate(values):
                fmt = table.formats.get(c, self.cell)
                start, end = _place(at, c)
                if isinstance(value, str) and _lines(value, start, end) > 1:
                    fmt = self.wrap
                if end > start:
                    self.sheet.merge_range(row, start, row, end, value, fmt)
                elif value is None:
                    self.sheet.write_blank(row, start, None, fmt)
                elif isinstance(value, str):
                    self.sheet.write_string(row, start, value, fmt)
                else:
                    self.sheet.write_number(row, start, value, fmt)
        return [*runs, (first, self.row - 1)]

    def _header(self, table: _Table) -> int:
        """Write a table's header; returns its number of columns. Labels alone take a row; a
        group's (申领, ("人数", "笔数", "金额")) makes it two, the group's label merged across
        its columns over theirs, a label alone merged down both (补贴): 本月新申领人数 as one
        label took three lines of a count's column, 申领 broken across two. `at` places each
        of the table's columns (a label alone or one under a group) on the sheet's, as the
        rows below it are: a group spans its columns' spans, and each label is measured
        against its own span (a two-row header once put its labels one column each, over rows
        merged wider, its lines counted for one column)."""
        at, header = table.at, table.header
        if all(isinstance(label, str) for label in header):
            row = self._next(table.header_heights()[0])
            for c, label in enumerate(header):
                start, end = _place(at, c)
                if end > start:
                    self.sheet.merge_range(row, start, row, end, str(label), self.head)
                else:
                    self.sheet.write_string(row, start, str(label), self.head)
            return _place(at, len(header) - 1)[1] + 1
        top_height, under_height = table.header_heights()
        top, under = self._next(top_height), self._next(under_height)
        k = 0  # the table's column (a label alone or one under a group)
        for label in header:
            if isinstance(label, str):
                start, end = _place(at, k)
                self.sheet.merge_range(top, start, under, end, label, self.group)
                k += 1
                continue
            group, labels = label
            start, last = _place(at, k)[0], _place(at, k + len(labels) - 1)[1]
            if last > start:
                self.sheet.merge_range(top, start, top, last, group, self.group)
            else:
                self.sheet.write_string(top, start, group, self.group)
            for label_under in labels:
                start, end = _place(at, k)
                if end > start:
                    self.sheet.merge_range(under, start, under, end, label_under, self.group)
                else:
                    self.sheet.write_string(under, start, label_under, self.group)
                k += 1
        return _place(at, k - 1)[1] + 1

    def charts(self, charts: list[Any]) -> None:
        """Charts side by side below the last table, a section of their own (图表): they cover
        no figure, and they follow the last table on its page if they fit whole on what is left
        of it, else start a page. Their rows are ROW high, so that they are as high in every
        program and their page planned whole. Then the sheet's page breaks are set."""
        if not self._fits(ROW * (2 + CHART_ROWS)):
            self._break()
        self._next(ROW)
        label = self._next(ROW)
        self.sheet.write_string(label, 0, "图表")
        for _ in range(CHART_ROWS):
            self._next(ROW)
        for chart, (column, offset) in zip(charts, CHART_AT, strict=False):
            self.sheet.insert_chart(
                label + 1,
                column,
                chart,
                {"x_offset": offset, "y_offset": 4, "x_scale": CHART_WIDTH / 480},
            )
        self.sheet.set_h_pagebreaks(self.breaks)


def _chart_range(sheet: str, runs: Runs, column: int) -> list[Any] | str:
    """A chart's range over a table's `column`: its data rows, and never the header a table
    running on over pages repeats atop each (a chart over 三 would take 就业地点 and its 人数
    for a place): the runs joined, as Excel and LibreOffice read a range of pieces."""
    if len(runs) == 1:
        ((first, last),) = runs
        return [sheet, first, column, last, column]
    name = quote_sheetname(sheet)
    pieces = ",".join(f"{name}!{xl_range_abs(a, column, b, column)}" for a, b in runs)
    return f"=({pieces})"


def _series(sheet: str, runs: Runs, rows: list[list[Any]]) -> dict[str, Any]:
    """A chart's series over a table of (label, figure) `rows` written at `runs`: its ranges
    and the values they hold, which the chart keeps with them (its cache, as Excel writes it).
    xlsxwriter fills the cache from the sheet for a range of one piece and leaves a range of
    pieces (a table running on over pages) without one: a viewer that draws a chart from its
    cache rather than computing its range (a phone's, a file preview) drew that one empty.
    The values are handed over as the table's rows (`categories_data`, `values_data`: options
    `Chart.add_series` reads for a range's cache)."""
    return {
        "categories": _chart_range(sheet, runs, 0),
        "values": _chart_range(sheet, runs, 1),
        "categories_data": [str(label) for label, _figure in rows],
        "values_data": [figure for _label, figure in rows],
    }


def _place(at: list[tuple[int, int]] | None, column: int) -> tuple[int, int]:
    """The sheet's first and last column of a table's `column`."""
    return at[column] if at else (column, column)


def _height(values: list[Any], at: list[tuple[int, int]] | None) -> float:
    """A row's height: ROW a line of its longest wrapped text (as laid out: LibreOffice would
    make it lower)."""
    texts = (_lines(v, *_place(at, c)) for c, v in enumerate(values) if isinstance(v, str))
    return ROW * max(texts, default=1)


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


#: The most slices the places' pie shows: with more places than this, the pie shows the
#: largest `PIE_SLICES - 1` and one 其他 for the rest (sixty slices, and their labels, ran
#: into each other); the table above it keeps every place.
PIE_SLICES = CHART_MOST
PIE_NOTE = f"地点多于{PIE_SLICES}个：饼图显示人数最多的{PIE_SLICES - 1}个地点，其余合为“其他”；上表列出全部地点。"
#: The most bars 四's chart shows, as the pie's slices: the forms are the ledger's six and
#: 未登记 (a stored form none of them is read as 未登记), seven; the cap holds if the program
#: ever has more, as the screen's chart (`largest`, shared with 报表).
BARS = CHART_MOST
BAR_NOTE = (
    f"就业形式多于{BARS}种：柱形图显示人数最多的{BARS - 1}种，其余合为“其他”；上表列出全部形式。"
)


def pie_slices(places: list[list[Any]]) -> list[list[Any]]:
    """The places' pie: `places` itself (the same list) when there are at most PIE_SLICES of
    them or no one is employed; else the places with people, the most first (as listed when
    equal), the ones past the largest PIE_SLICES - 1 summed as 其他（n个地点）."""
    return largest(places, PIE_SLICES, lambda n: f"其他（{n}个地点）")


def bars(forms: list[list[Any]]) -> list[list[Any]]:
    """The forms' bars: `forms` itself (the same list) when there are at most BARS of them;
    else the largest BARS - 1, the most first, and the rest summed as 其他（n种形式）."""
    return largest(forms, BARS, lambda n: f"其他（{n}种形式）")


def _area_sheet(
    book: xlsxwriter.Workbook, sheet: Worksheet, name: str, fig: AreaFigures, report: MonthlyReport
) -> None:
    w = _Writer(book, sheet, name)
    for column, width in enumerate(WIDTHS):
        sheet.set_column(column, column, width)
    month, day = Month(report.month).label(), written(report.as_of)  # as the papers say them
    sheet.write_string(0, 0, f"{fig.name} 就业帮扶月报（{month}，截至{day}）", w.title)
    basics = [
        ["户数", fig.households],
        ["人数", fig.persons],
        ["零就业家庭（户）", fig.zero_employment_households],
        ["逾期未办服务（项）", fig.overdue_services],
    ]
    w.section("一、基本情况", [_Table(["项目", "数量"], basics)])
    cats = category_rows(fig.by_category)
    states = [
        [c, *(fig.by_category[c].get(s, 0) for s in WORK_STATES), sum(fig.by_category[c].values())]
        for c in cats
    ]
    w.section(
        "二、人员类别 × 就业状态",
        # 无劳动能力或非劳动年龄 two columns wide
        [_Table(["人员类别", *WORK_STATES, "合计"], states, spans=(1, 1, 2, 2, 2))],
    )
    places = [[p, fig.employed_by_place.get(p, 0)] for p in PLACES]
    slices = pie_slices(places)
    tables = [_Table(["就业地点", "人数"], places)]
    if slices is not places:
        # More places than a pie can show: the table keeps every one, the pie its own
        # (the largest, then 其他), written under it so that the chart charts cells.
        tables.append(_Table(["饼图所示地点", "人数"], slices))
    at = w.section("三、已就业人员按地点", tables, [PIE_NOTE] if slices is not places else [])
    chart = book.add_chart({"type": "pie"})
    chart.add_series(
        {
            "name": "已就业人员按地点",
            **_series(name, at[-1], slices),
            "data_labels": {"value": True, "category": True},
        }
    )
    chart.set_title({"name": "已就业人员按地点"})  # the sheet's title names the area
    charts = [chart]
    forms = sorted(fig.employed_by_form)
    by_form = [[f, fig.employed_by_form[f]] for f in forms]
    shown = bars(by_form)
    tables = [_Table(["就业形式", "人数"], by_form, empty="本月无已就业人员")]
    if shown is not by_form:
        # As 三's pie: the table keeps every form, the bars chart a table of their own.
        tables.append(_Table(["柱形图所示形式", "人数"], shown))
    at_forms = w.section("四、已就业人员按形式", tables, [BAR_NOTE] if shown is not by_form else [])
    if forms:
        bar = book.add_chart({"type": "column"})
        bar.add_series({"name": "人数", **_series(name, at_forms[-1], shown)})
        bar.set_title({"name": "已就业人员按形式"})
        bar.set_legend({"none": True})
        bar.set_y_axis({"min": 0})  # counts: the bars from 0, not from near the least
        charts.append(bar)
    w.section(
        "五、登记失业人员（四级三类）",
        [
            _Table(
                ["失业等级", "人数"], [[lv, fig.unemployed_by_level.get(lv, 0)] for lv in LEVELS]
            ),
            _Table(["失业类别", "人数"], [[c, fig.unemployed_by_class.get(c, 0)] for c in CLASSES]),
        ],
    )
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
    claims = _Table(
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
    w.section(
        "六、补贴申领（按补贴种类和资金来源，本年累计）",
        [claims],
        claims_note(report.month, report.as_of),
    )
    coverage_rows: list[list[Any]] = []
    for kind in ("脱贫户", "易地搬迁户"):
        counts = fig.one_per_household.get(kind)
        if counts is None:
            coverage_rows.append([kind, 0, 0, 0, None])
            continue
        coverage_rows.append(
            [
                kind,
                counts.get("户数", 0),
                counts.get("有劳动力户数", 0),
                counts.get("已实现一户一人", 0),
                coverage(counts),
            ]
        )
    w.section(
        "七、“一户一人”就业覆盖",
        [
            _Table(
                ["家庭类型", "户数", "有劳动力户数", "已实现一户一人", "覆盖率"],
                coverage_rows,
                {4: w.pct},
                spans=(1, 1, 2, 2, 2),  # 已实现一户一人 two columns wide
            )
        ],
    )
    w.charts(charts)
    print_setup(sheet, header_rows=(0, 0))
    sheet.set_print_scale(SCALE)  # not fitted to the width: see SCALE
    sheet.center_horizontally()


def write_monthly_report(report: MonthlyReport, path: Path) -> None:
    """Write the report: '汇总' first, then one sheet per village/site."""
    with xlsx_book(path) as book:
        used: set[str] = set()
        name = _sheet_name("汇总", used)
        _area_sheet(book, book.add_worksheet(name), name, report.total, report)
        for fig in report.areas:
            name = _sheet_name(f"{fig.name}", used)
            _area_sheet(book, book.add_worksheet(name), name, fig, report)
