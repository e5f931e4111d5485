"""Every exported workbook prints: A4 landscape where wide, fitted to the width, the header rows
repeated, frozen below the header, 第 &P 页 共 &N 页 in the footer; charts below the figures.

Read back with openpyxl (a different reader than the writers'). The pages were also looked at:
LibreOffice converted each workbook to PDF and pdftoppm rendered the pages (see the closing
note of issue 15). The 月报's pages are also printed by LibreOffice here, where it is
installed (test_the_monthly_reports_pages_are_full_in_libreoffice_as_in_excel; CI has none,
and skips it).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from fieldapp.cli.main import main
from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.import_report import write_import_report
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.template import write_template
from tests.tabular.sheets import claims_table

TODAY = dt.date(2026, 6, 15)
FOOTER = "第 &P 页 共 &N 页"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("print") / "demo.db"
    ledger = Ledger.open(path, author="甲")
    build_demo(ledger, 120, seed=5, today=TODAY)
    ledger.close()
    return path


def _check(
    sheet,
    header_row: int | None,
    *,
    landscape: bool = True,
    frozen: bool = True,
    first: int = 0,
    scale: int | None = None,
) -> None:
    """One sheet's page set-up as Excel, WPS and LibreOffice read it: fitted to the page width,
    or printed at `scale` % in every program."""
    setup = sheet.page_setup
    assert setup.paperSize in (9, "9"), sheet.title
    assert setup.orientation == ("landscape" if landscape else "portrait"), sheet.title
    if scale is None:
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert int(setup.fitToWidth or 1) == 1 and int(setup.fitToHeight) == 0, sheet.title
    else:
        fit = sheet.sheet_properties.pageSetUpPr
        assert fit is None or not fit.fitToPage, sheet.title
        assert int(setup.scale) == scale, (sheet.title, setup.scale)
    assert FOOTER in sheet.oddFooter.center.text, sheet.title
    if header_row is not None:
        top = first or header_row
        assert sheet.print_title_rows in (f"{top}:{header_row}", f"${top}:${header_row}"), (
            sheet.title,
            sheet.print_title_rows,
        )
    if frozen:
        assert sheet.freeze_panes is not None, sheet.title
        assert int("".join(ch for ch in sheet.freeze_panes if ch.isdigit())) == header_row + 1


def test_ledger_export_every_sheet_prints(demo_db, tmp_path):
    ledger = Ledger.open(demo_db)
    path = tmp_path / "台账.xlsx"
    export_ledger(ledger, path, today=TODAY)
    ledger.close()
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "劳动力台账",
        "就业经历",
        "失业登记",
        "培训",
        "走访服务",
        "月度状态",
        "填写说明",
    ]
    for sheet in book.worksheets:
        _check(sheet, 1 if sheet.title == "填写说明" else 2)
    ids = [c.value for c in book["劳动力台账"]["C"][2:]]  # 身份证号码 is the third column
    assert ids and all(isinstance(v, str) and len(v) == 18 for v in ids)
    assert all(c.data_type == "s" for c in book["劳动力台账"]["C"][2:])
    # 填写说明's long hints wrap in their column, on rows made tall enough for them (else
    # fitting the page width shrank the whole sheet to a speck).
    hints = book["填写说明"]
    [categories] = [r for r in hints.iter_rows(min_row=2) if r[0].value == "人员类别"]
    assert categories[2].alignment.wrap_text
    assert hints.row_dimensions[categories[2].row].height >= 4 * 14


def test_template_prints(tmp_path):
    book = openpyxl.load_workbook(write_template(tmp_path / "模板.xlsx"))
    for sheet in book.worksheets:
        if sheet.title == "填写说明":
            _check(sheet, None, frozen=False)
        else:
            _check(sheet, 1)
    hints = book["填写说明"]
    [categories] = [r for r in hints.iter_rows() if r[0].value == "人员类别"]
    assert categories[2].alignment.wrap_text
    assert hints.row_dimensions[categories[2].row].height >= 4 * 14


def test_five_rosters_print_with_every_column_on_the_page(demo_db, tmp_path):
    out = tmp_path / "一库五册.xlsx"
    ledger = Ledger.open(demo_db, author="甲")
    county = ledger.db.execute("SELECT substr(min(area_code), 1, 6) FROM households").fetchone()[0]
    ledger.close()
    assert main(["--db", str(demo_db), "rosters", "--area", county, "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book["劳动力名册"].max_row > 50  # the columns are checked against real rows
    for sheet in book.worksheets:
        _check(sheet, 2, landscape=sheet.max_column > 7, first=1)


def test_monthly_report_prints_and_its_charts_cover_no_figures(demo_db, tmp_path):
    from fieldapp.tabular.report_monthly import CHART_ROWS, SCALE

    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        _check(sheet, 1, frozen=False, scale=SCALE)
        assert sheet.print_options.horizontalCentered, sheet.title
        last_figure = max(
            c.row for row in sheet.iter_rows() for c in row if c.value not in (None, "", "图表")
        )
        label = next(r[0].row for r in sheet.iter_rows() if r[0].value == "图表")
        assert label == last_figure + 2, sheet.title  # below every figure, a row between
        # The label and the charts under it are on one page: no break among them.
        breaks = [b.id for b in sheet.row_breaks.brk]  # 0-based: a page's first row
        assert not [b for b in breaks if label <= b < label + CHART_ROWS], (sheet.title, breaks)
        for chart in sheet._charts:
            anchor = chart.anchor._from
            assert anchor.row >= last_figure  # 0-based: below every figure


def test_import_error_report_prints(ledger, tmp_path):
    from tests.tabular.sheets import write_xlsx

    sheet = write_xlsx(tmp_path / "bad.xlsx", ["姓名", "身份证号码"], [["张三", "123"], ["", ""]])
    report = import_ledger(ledger, sheet)
    out = write_import_report(report, tmp_path / "导入结果.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "未导入的行"
    assert book["未导入的行"]["C3"].value.startswith("身份证号码")
    for sheet in book.worksheets:
        _check(sheet, 2, landscape=sheet.max_column > 3)


def test_an_empty_ledger_exports_every_sheet_with_its_header(ledger, tmp_path):
    from fieldapp.tabular.columns import COLUMNS, EXTRA_SHEETS

    path = tmp_path / "空.xlsx"
    assert export_ledger(ledger, path) == 0
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["劳动力台账"][2]] == [c.header for c in COLUMNS]
    for name, columns in EXTRA_SHEETS.items():
        assert [c.value for c in book[name][2]] == [c.header for c in columns], name
        assert book[name].max_row <= 3  # no data rows


def _printed_height(sheet, rows: range) -> float:
    """The rows' height as printed (pt): at the sheet's print scale, or as fitting the page's
    width (as Excel measures the columns) shrinks them."""
    fit = sheet.sheet_properties.pageSetUpPr
    if fit is None or not fit.fitToPage:
        scale = int(sheet.page_setup.scale or 100) / 100
    else:
        margins = sheet.page_margins
        width_px = 0.0
        for dim in sheet.column_dimensions.values():
            if dim.width:
                width_px += (int(dim.width * 7) + 5) * (dim.max - dim.min + 1)
        scale = min(1.0, (11.69 - margins.left - margins.right) * 72 / (width_px * 0.75))
    heights = sum(sheet.row_dimensions[r + 1].height or 15 for r in rows)
    return heights * scale


def test_monthly_reports_sections_are_not_split_across_pages(demo_db, tmp_path):
    """The 月报's sections ran on from page to page wherever the page ended: 六、补贴申领's
    table on one page and the lines saying what its columns count (人数按人计…) on the next,
    or 五's last row alone atop a page. A page break now falls before a section that would not
    fit whole on what is left of the page: each page holds whole sections (the charts one)."""
    from fieldapp.tabular.report_monthly import CHART_ROWS

    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        margins = sheet.page_margins
        page = (8.27 - margins.top - margins.bottom) * 72
        breaks = [b.id for b in sheet.row_breaks.brk]  # 0-based first row of a new page
        last = next(r[0].row for r in sheet.iter_rows() if r[0].value == "图表") + CHART_ROWS
        for start, end in zip([0, *breaks], [*breaks, last], strict=True):
            assert _printed_height(sheet, range(start, end)) <= page, (sheet.title, start, end)
        rows = [str(r[0].value or "") for r in sheet.iter_rows()]
        six = next(i for i, text in enumerate(rows) if text.startswith("六、"))
        last_note = next(i for i, text in enumerate(rows) if text.startswith("⑤"))
        assert not [b for b in breaks if six < b <= last_note], (sheet.title, breaks)


def _column_widths(sheet) -> dict[int, float]:
    """Each set column's width as the file holds it (1-based column: characters + 5/7)."""
    return {
        col: dim.width
        for dim in sheet.column_dimensions.values()
        for col in range(dim.min, dim.max + 1)
    }


def _text_width(text: str) -> int:
    """Characters a cell's text takes in a column (a Chinese character is two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def test_five_rosters_cells_are_printed_whole(demo_db, tmp_path):
    """一库五册 printed 户号 0010010001 as 00100100 (an 8-character column for a 10-digit
    number), and 人员类别 脱贫人口、防返贫监测对象, 劳动能力 弱劳动力或半劳动力, 就业地点 and
    工作单位 cut at the column's edge: a clerk checking the roster could not read them. Each
    column is now as wide as its longest entry (up to a limit), a longer entry wrapping onto
    a second line of its row."""
    out = tmp_path / "一库五册.xlsx"
    ledger = Ledger.open(demo_db, author="甲")
    county = ledger.db.execute("SELECT substr(min(area_code), 1, 6) FROM households").fetchone()[0]
    ledger.close()
    assert main(["--db", str(demo_db), "rosters", "--area", county, "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    cut = []
    for sheet in book.worksheets:
        widths = _column_widths(sheet)
        for row in sheet.iter_rows(min_row=2, max_row=sheet.max_row - 2):
            for cell in row:
                if cell.value is None or cell.alignment.wrap_text:
                    continue
                if _text_width(str(cell.value)) > widths.get(cell.column, 8.43):
                    cut.append((sheet.title, cell.coordinate, cell.value))
    assert not cut, cut[:10]


def test_a_roster_listing_someone_twice_counts_persons_and_entries(tmp_path):
    """王乐德 trained twice this year (March and November) took two rows of the 培训名册 beside
    韦超's one, whose last line said 共 3 人 — one person counted twice, as a second job did on
    the 转移就业名册; the line now says 共 2 人 3 条, as the 花名册 says 1 人 2 笔; a roster
    listing each person once says 共 n 人 as before."""
    from fieldapp.policy.rosters import COLUMNS, TRAINED, RosterSet
    from fieldapp.tabular.five_rosters import write_five_rosters

    head = ["王乐德", "522326199001011234", "男", 36, "0010010001", "板桥村", "脱贫人口"]
    other = ["韦超", "522326199001011250", "男", 36, "0010010002", "板桥村", "脱贫人口"]
    rosters = RosterSet("522326101", "乐元镇", dt.date(2026, 12, 31), {n: [] for n in COLUMNS})
    rosters.sheets[TRAINED] = [
        [1, *head, "职业技能培训", "2026-03-10", 5],
        [2, *head, "创业培训", "2026-11-20", 3],
        [3, *other, "创业培训", "2026-11-20", 3],
    ]
    out = tmp_path / "一库五册.xlsx"
    write_five_rosters(rosters, out)
    book = openpyxl.load_workbook(out)
    texts = [str(c.value) for row in book[TRAINED].iter_rows() for c in row if c.value]
    assert "共 2 人 3 条" in texts
    empty = [str(c.value) for row in book["劳动力名册"].iter_rows() for c in row if c.value]
    assert "共 0 人" in empty


def _cut_cells(sheet) -> list[tuple[str, str]]:
    """A table's cells (bordered) whose text the printed sheet cuts: wider than the column and
    not wrapped, or wrapped onto more lines than its row is high (15 pt a line)."""
    widths = _column_widths(sheet)
    merged = {cell for span in sheet.merged_cells.ranges for cell in span.cells}
    cut = []
    for row in sheet.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str) or not cell.border.left.style:
                continue
            if (cell.row, cell.column) in merged:
                continue
            width = widths.get(cell.column, 8.43)
            need = _text_width(cell.value)
            if not cell.alignment.wrap_text:
                if need > width:
                    cut.append((cell.coordinate, cell.value))
                continue
            lines = -(-need // int(width - 1))
            height = sheet.row_dimensions[cell.row].height or 15
            if height < 15 * lines:
                cut.append((cell.coordinate, cell.value))
    return cut


def test_monthly_reports_cells_are_printed_whole(tmp_path):
    """The 月报's 六、补贴申领 cut the 补贴 at its column's edge — 一次性交通补助（其他农村劳
    动力新跨… , 一次性求职创业补贴（首次有组织输出… — and 衔接推进乡村振兴补助资金 ran past
    its 资金来源 column; a header as long as 无劳动能力或非劳动年龄 took three lines of a column
    in Excel, in a row two lines high. A longer entry now wraps, its row as high as its lines."""
    from fieldapp.policy.report import AreaFigures, ClaimFigures, MonthlyReport
    from fieldapp.tabular.report_monthly import write_monthly_report

    def figures(name: str) -> AreaFigures:
        fig = AreaFigures("520526100001", name, persons=2, households=1)
        fig.by_category = {"脱贫人口": Counter({"已就业": 1, "无劳动能力或非劳动年龄": 1})}
        for rule in (
            "一次性交通补助（其他农村劳动力新跨省务工）",
            "一次性吸纳就业补贴（招用毕业年度或离校2年内未就业高校毕业生）",
        ):
            for source in ("衔接推进乡村振兴补助资金", "就业补助资金"):
                fig.claims[(rule, source)] = ClaimFigures(claimed=1, claimed_amount=500.0)
        return fig

    report = MonthlyReport(
        "2026-11", dt.date(2026, 11, 30), [figures("民主村")], figures("威宁彝族回族苗族自治县合计")
    )
    out = tmp_path / "月报.xlsx"
    write_monthly_report(report, out)
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        values = [c.value for row in sheet.iter_rows() for c in row]
        assert "衔接推进乡村振兴补助资金" in values and "无劳动能力或非劳动年龄" in values
        assert _cut_cells(sheet) == [], sheet.title


def test_the_workbooks_titles_write_their_month_and_day_as_the_papers_do(tmp_path):
    """The 月报 was titled （2026-11，截至 2026-11-30） and each roster of the 一库五册
    （截至 2026-11-30）, where the printed 一库五册, the visit sheet and every paper say
    2026年11月 and 截至2026年11月30日 — two forms of one date between a sheet and its paper."""
    from fieldapp.policy.report import AreaFigures, MonthlyReport
    from fieldapp.policy.rosters import RosterSet
    from fieldapp.tabular.five_rosters import write_five_rosters
    from fieldapp.tabular.report_monthly import write_monthly_report

    on = dt.date(2026, 11, 30)
    fig = AreaFigures("520526100001", "民主村")
    write_monthly_report(MonthlyReport("2026-11", on, [fig], fig), tmp_path / "月报.xlsx")
    for sheet in openpyxl.load_workbook(tmp_path / "月报.xlsx").worksheets:
        assert sheet["A1"].value == "民主村 就业帮扶月报（2026年11月，截至2026年11月30日）"
    write_five_rosters(RosterSet("520526100001", "民主村", on), tmp_path / "一库五册.xlsx")
    for sheet in openpyxl.load_workbook(tmp_path / "一库五册.xlsx").worksheets:
        assert sheet["A1"].value == f"民主村{sheet.title}（截至2026年11月30日）"


def test_the_duties_title_and_the_reports_notes_write_days_as_the_papers_do(tmp_path):
    """The 户级责任清单 was titled （截至 2026-10-31） and the 月报's notes under 补贴申领 said
    本年 2026-01-01 至 2026-12-05, where every paper writes 截至2026年10月31日 and
    2026年1月1日至2026年12月5日."""
    from fieldapp.policy.report import AreaFigures, MonthlyReport
    from fieldapp.tabular.duties import write_duties
    from fieldapp.tabular.report_monthly import write_monthly_report

    write_duties(
        [], tmp_path / "责任.xlsx", area_name="民主村", on=dt.date(2026, 10, 31), place_of=str
    )
    sheet = openpyxl.load_workbook(tmp_path / "责任.xlsx").active
    assert sheet["A1"].value == "民主村户级责任清单（截至2026年10月31日）"
    fig = AreaFigures("520526100001", "民主村")
    report = MonthlyReport("2026-12", dt.date(2026, 12, 5), [fig], fig)
    write_monthly_report(report, tmp_path / "月报.xlsx")
    for sheet in openpyxl.load_workbook(tmp_path / "月报.xlsx").worksheets:
        values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
        notes = [v for v in values if v.startswith(("②", "④"))]
        assert len(notes) == 2, sheet.title
        for note in notes:
            assert "本年2026年1月1日至2026年12月5日" in note, note
            assert "-01-01" not in note and "2026-12-05" not in note, note


def test_the_monthly_reports_rows_keep_their_height_in_every_program(demo_db, tmp_path):
    """The 月报's ordinary rows were 15 pt, the height Excel gives a row of itself, so the file
    did not say it: LibreOffice (and WPS, with its own fonts) laid them out lower and the page
    breaks, planned for 15-pt rows, printed half-empty pages. Every row of a table now says
    its height, so each program prints the pages as planned."""
    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    book = openpyxl.load_workbook(out)
    for sheet in book.worksheets:
        charts = next(r[0].row for r in sheet.iter_rows() if r[0].value == "图表")
        unset = [r for r in range(1, charts) if sheet.row_dimensions[r].height is None]
        assert not unset, (sheet.title, unset)
        # The title's row keeps its own height, higher than a table's.
        assert sheet.row_dimensions[1].height > sheet.row_dimensions[4].height, sheet.title


def test_an_empty_table_of_the_monthly_report_says_so(demo_db, tmp_path):
    """A month with no subsidy claimed printed 六、补贴申领 as a header over nothing: the
    clerk could not tell none from a table left out. An empty table now says 无 in a row."""
    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    (only,) = claims_table(sheet)
    assert only["补贴"] == "本年无补贴申领", only
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "本年无补贴申领")
    assert f"A{row}:M{row}" in {str(m) for m in sheet.merged_cells.ranges}


def test_the_monthly_report_prints_at_a_readable_size_in_libreoffice(demo_db, tmp_path):
    """The 月报 printed at 62 % in LibreOffice, its 11-pt figures at under 7 pt: LibreOffice
    measures a column of w characters as 7w+5 points where Excel takes 7w+5 pixels (a third
    less; without Calibri or Carlito it measures by the wider font it falls back to), and the
    thirteen columns of 六、补贴申领 (26, 22 and 11 × 11 characters) were fitted to the page
    width. The columns are now as wide as what they hold — counts narrow, amounts wide enough
    for 99,999,999.99 — so that at 85 % LibreOffice fits them to the width of A4 landscape.
    Every program now prints the sheet at that scale (Excel's columns then take three
    quarters of the width), so that its pages hold the same rows everywhere."""
    from fieldapp.policy.report import AreaFigures, ClaimFigures, MonthlyReport
    from fieldapp.tabular.report_monthly import write_monthly_report

    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=300_000)
    amount = 99_999_999.99  # a county's year of one subsidy, at most
    fig.claims[("一次性交通补助（其他农村劳动力新跨省务工）", "就业补助资金")] = ClaimFigures(
        claimed=99_999, claimed_amount=amount, approved_amount=amount, paid_amount=amount
    )
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out"]
    assert main([*args, str(tmp_path / "演示.xlsx")]) == 0
    books = [openpyxl.load_workbook(out), openpyxl.load_workbook(tmp_path / "演示.xlsx")]
    for sheet in [s for book in books for s in book.worksheets]:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize in (9, "9"), sheet.title
        scale = int(setup.scale) / 100
        widths = _column_widths(sheet)
        used = range(1, sheet.max_column + 1)
        assert len(used) == 13, sheet.title  # 六、补贴申领 is the widest table
        margins = sheet.page_margins
        page = (11.69 - margins.left - margins.right) * 72
        # The file holds w + 5/7 for a column of w characters: 7 points a unit to
        # LibreOffice, 7 pixels (0.75 pt each) to Excel.
        libreoffice = sum(7 * widths[c] for c in used)
        excel = sum(7 * widths[c] for c in used) * 0.75
        assert scale >= 0.85, sheet.title
        assert libreoffice * scale <= page, (sheet.title, libreoffice * scale, page)
        assert excel * scale <= page, (sheet.title, excel * scale, page)
        # Every number is whole in its column (Excel and LibreOffice show #### otherwise):
        # a digit is one character wide, a comma or a point half of one.
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, (int, float)) and cell.border.left.style:
                    fmt, value = cell.number_format, cell.value
                    shown = f"{value:,.2f}" if "0.00" in fmt else f"{value:.1%}"
                    if "%" not in fmt and "0.00" not in fmt:
                        shown = f"{value}"
                    need = sum(1 if ch.isdigit() else 0.5 for ch in shown) + 1
                    assert need <= widths[cell.column], (sheet.title, cell.coordinate, shown)


def test_the_monthly_reports_claims_header_prints_each_label_on_one_line(demo_db, tmp_path):
    """六、补贴申领's header was one row of thirteen labels: 本月新申领人数 took three lines
    of its 7-character column in Excel, and LibreOffice broke 申领 across two. The header is
    now two rows — 申领, 本月新申领, 已审批 and 已发放 merged over their 人数, 笔数, 金额;
    补贴 and 资金来源 down both rows — and every label fits its column (or its span) on one
    line, a row high; the columns read by their meaning are the same thirteen."""
    from fieldapp.policy.report import AreaFigures, ClaimFigures, MonthlyReport
    from fieldapp.tabular.report_monthly import write_monthly_report

    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=2)
    fig.claims[("乡村公益性岗位补贴", "就业补助资金")] = ClaimFigures(
        claimed=2, claimed_amount=1300
    )
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    (got,) = claims_table(sheet)
    assert list(got) == [
        "补贴",
        "资金来源",
        *(f"{group}{what}" for group in ("申领",) for what in ("人数", "笔数", "金额")),
        "本月新申领人数",
        "本月新申领笔数",
        *(f"{group}{what}" for group in ("已审批", "已发放") for what in ("人数", "笔数", "金额")),
    ]
    assert (got["申领笔数"], got["申领金额"]) == (2, 1300)
    head = next(r[0].row for r in sheet.iter_rows() if r[0].value == "补贴")
    merged = {str(m) for m in sheet.merged_cells.ranges}
    assert {f"A{head}:A{head + 1}", f"B{head}:B{head + 1}", f"C{head}:E{head}"} <= merged
    assert {f"F{head}:G{head}", f"H{head}:J{head}", f"K{head}:M{head}"} <= merged
    assert [sheet.cell(head + 1, c).value for c in range(3, 14)] == [
        *("人数", "笔数", "金额"),
        *("人数", "笔数"),
        *("人数", "笔数", "金额") * 2,
    ]
    widths = _column_widths(sheet)
    spans = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    for row in (head, head + 1):
        assert sheet.row_dimensions[row].height == 15.75, row  # one line
        for col in range(1, 14):
            label = sheet.cell(row, col).value
            if not label:
                continue
            span = spans.get((row, col))
            last = span.max_col if span else col
            room = sum(int(widths[c]) for c in range(col, last + 1)) - 1
            assert _text_width(label) <= room, (label, room)


def test_the_monthly_reports_headers_break_no_word(demo_db, tmp_path):
    """二's 无劳动能力或非劳动年龄 and 七's 已实现一户一人 sat in 7-character columns, 六's
    counts: LibreOffice printed 无劳动能/力或非劳/动年龄 and 已实现一/户一人, Excel four lines.
    Those labels now head columns merged two wide: every header label of the 月报 fits its
    column or span on one line as LibreOffice measures it (a column of w characters 7w+5 pt, a
    Chinese character 11 pt) and on two at most as Excel does (w characters)."""
    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    sheet = openpyxl.load_workbook(out).worksheets[0]
    widths = _column_widths(sheet)
    spans = {(m.min_row, m.min_col): m for m in sheet.merged_cells.ranges}
    labels = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or cell.fill.fgColor.rgb != "FFDDEBF7":
                continue
            span = spans.get((cell.row, cell.column))
            last = span.max_col if span else cell.column
            chars = sum(int(widths[c]) for c in range(cell.column, last + 1))
            points = sum(7 * int(widths[c]) + 5 for c in range(cell.column, last + 1))
            need = _text_width(str(cell.value))
            labels.append(cell.value)
            assert need * 5.5 <= points - 6, (cell.coordinate, cell.value, points)
            assert need <= 2 * (chars - 1), (cell.coordinate, cell.value, chars)
    assert {"无劳动能力或非劳动年龄", "已实现一户一人", "本月新申领"} <= set(labels)


def test_a_two_row_header_spans_its_columns_as_the_rows_under_it_do(tmp_path):
    """A table whose header has two rows (a group over its columns) put each label in one
    sheet column whatever `spans` said: over rows merged two columns wide, 补贴种类 sat in
    the first of them and 申领's 人数 and 金额 one column each, out of line with the figures
    under them, and each label's lines were counted for one column (a row too high). The
    header now spans its columns as the rows do."""
    import xlsxwriter

    from fieldapp.tabular.report_monthly import ROW, _Writer

    out = tmp_path / "表.xlsx"
    book = xlsxwriter.Workbook(str(out))
    sheet = book.add_worksheet("表")
    w = _Writer(book, sheet, "表")
    w.row = 2
    header = ["补贴种类和资金来源", ("申领", ("人数", "金额")), "备注"]
    first, last = w.table(header, [["交通补助", 3, 1500.0, "无"]], spans=(3, 1, 2, 1))
    w.table(header, [], empty="本年无", spans=(3, 1, 2, 1))
    book.close()
    got = openpyxl.load_workbook(out)["表"]
    merged = {str(m) for m in got.merged_cells.ranges}
    # 补贴种类和资金来源 across A:C and down both rows; 申领 over D:F, 人数 in D, 金额 E:F.
    assert {"A3:C4", "D3:F3", "E4:F4", "G3:G4"} <= merged, merged
    assert [got.cell(4, c).value for c in (4, 5)] == ["人数", "金额"]
    assert "D4" not in {m.split(":")[0] for m in merged}  # 人数 one column, as its figure
    # The figures under the header stand in the same columns as their labels.
    assert (first, last) == (4, 4)
    assert [got.cell(5, c).value for c in (1, 4, 5, 7)] == ["交通补助", 3, 1500.0, "无"]
    assert {"A5:C5", "E5:F5"} <= merged
    # 补贴种类和资金来源 (18 wide) fits A:C on one line: the header's rows are a line high.
    assert got.row_dimensions[3].height == ROW and got.row_dimensions[4].height == ROW
    # An empty table's row runs across the whole header (A:G), not its label count (A:D).
    assert "A8:G8" in merged, merged


def _libreoffice_pages(xlsx: Path, folder: Path) -> list[dict]:
    """The workbook as LibreOffice prints it: each PDF page's words (text, top, bottom, left)
    and the bottom of its ink above the footer (pt), read with poppler. Skipped where the
    machine has no LibreOffice or poppler (CI)."""
    import html
    import re
    import shutil
    import subprocess

    from PIL import Image

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or not shutil.which("pdftotext") or not shutil.which("pdftoppm"):
        pytest.skip("LibreOffice or poppler not installed")
    profile = (folder / "profile").as_uri()  # its own profile: no other soffice's lock
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = folder / f"{xlsx.stem}.pdf"
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(folder / "page")], check=True)
    images = sorted(folder.glob("page-*.png"))
    word = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
    )
    pages = []
    for text, image in zip(boxes.split("<page ")[1:], images, strict=True):
        height = float(re.search(r'height="([\d.]+)"', text).group(1))
        body = height - 0.6 * 72  # the bottom margin; the footer prints in it
        words = [
            (html.unescape(w), float(top), float(bottom), float(left))
            for left, top, bottom, w in word.findall(text)
        ]
        picture = Image.open(image).convert("L")
        dots = picture.height / height
        inked = [
            y
            for y in range(int(body * dots))
            if any(picture.getpixel((x, y)) < 200 for x in range(picture.width))
        ]
        pages.append({"words": words, "ink": max(inked) / dots, "body": body})
    return pages


def test_the_monthly_reports_pages_are_full_in_libreoffice_as_in_excel(demo_db, tmp_path):
    """The 月报's page breaks were planned for Excel, which fits its columns to the page at
    100 %; LibreOffice measures them a third wider and prints at 85 %, so each page it printed
    held 85 % of what it could — with sections kept whole, 13 pages for the demo's three
    sheets, some two-thirds empty. Every program now prints at the one scale the breaks are
    planned at (85 %, what LibreOffice fits): LibreOffice prints the pages planned, each page
    holding as many whole sections as fit, the next page's first section too high for what
    is left (the charts, a section, following the last table where they fit); the title atop
    each page. Excel is not at hand: it prints the same rows, each page's height at that
    scale within the page (test_monthly_reports_sections_are_not_split_across_pages)."""
    from fieldapp.tabular.report_monthly import SCALE

    out = tmp_path / "月报.xlsx"
    args = ["--db", str(demo_db), "report", "monthly", "--month", "2026-05", "--out", str(out)]
    assert main(args) == 0
    pages = iter(_libreoffice_pages(out, tmp_path))
    gap = 15.75 * SCALE / 100  # the row above a section's heading, as printed
    counted = []
    for sheet in openpyxl.load_workbook(out).worksheets:
        title = sheet["A1"].value
        column_a = {r[0].row - 1: str(r[0].value) for r in sheet.iter_rows() if r[0].value}
        heads = {  # each section's heading (一、基本情况 … 七、…, 图表) by its row
            row: text
            for row, text in column_a.items()
            if text == "图表" or (text[:1] in "一二三四五六七" and text[1:2] == "、")
        }
        said = {text.split()[0] for text in heads.values()}  # as pdftotext splits words
        breaks = [b.id for b in sheet.row_breaks.brk]  # each page's first row (a gap)
        mine = [next(pages) for _ in range(len(breaks) + 1)]  # none more: nothing ran over
        starts = [min(heads) - 1, *breaks]
        rows = [*starts[1:], max(column_a) + 1]
        counted.append([end - start for start, end in zip(starts, rows, strict=True)])
        for page, start in zip(mine, starts, strict=True):
            words = page["words"]
            assert " ".join(w[0] for w in words[:2]) == title, (sheet.title, words[:2])
            # The page's first section is the one planned: its heading right under the title.
            head = heads.get(start + 1) or heads[start]  # after its gap, or the gap left above
            assert words[2][0] == head.split()[0], (sheet.title, start, words[2])
        for page, following in zip(mine, mine[1:], strict=False):
            # Full: the next page's first section (gap, heading, table, notes) would not have
            # fitted in what this page left (3 % spared for the plan's margin and the ink).
            tops = [w[1] for w in following["words"][2:] if w[0] in said]
            size = (tops[1] if len(tops) > 1 else following["ink"] + gap) - tops[0]
            left = page["body"] - page["ink"]
            assert size > left - 0.03 * page["body"], (sheet.title, size, left)
    assert next(pages, None) is None
    # The demo's three sheets: 3 pages each, where LibreOffice printed 13 (4, 5 and 4).
    assert [len(c) for c in counted] == [3, 3, 3], counted


def test_a_table_longer_than_a_page_runs_on_with_its_header_in_libreoffice(tmp_path):
    """A county's 六、补贴申领 of 40 subsidies and funds runs over three pages: it started a page
    of its own (leaving 五's page a third empty), ran on where each program's page ended, its
    continuation pages figures under no header, and 七 took a page after it where the last
    one had room. It now starts where its heading, header and first row fit, runs on at the
    breaks planned for it, its header again atop each page, and 七 and the charts follow it
    where they fit. LibreOffice prints the rows planned on each page, each page full."""
    from fieldapp.policy.report import AreaFigures, ClaimFigures, MonthlyReport
    from fieldapp.tabular.report_monthly import SCALE, write_monthly_report

    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=3000)
    for i in range(40):
        rule = f"一次性交通补助（其他农村劳动力新跨省务工）{i:02d}"
        fig.claims[(rule, "就业补助资金")] = ClaimFigures(claimed=3, claimed_amount=1500.0)
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    column_a = [str(r[0].value or "") for r in sheet.iter_rows()]  # 0-based rows
    breaks = [b.id for b in sheet.row_breaks.brk]
    six = next(i for i, text in enumerate(column_a) if text.startswith("六、"))
    inside = [b for b in breaks if b > six and column_a[b] == "补贴"]
    assert len(inside) >= 2, (breaks, six)  # the table runs on over pages, its header atop
    assert not [b for b in breaks if b == six - 1]  # 六 starts on 五's page
    starts, ends = [0, *breaks], [*breaks, len(column_a)]
    planned = [
        sum(text.startswith("一次性交通补助") for text in column_a[start:end])
        for start, end in zip(starts, ends, strict=True)
    ]
    assert sum(planned) == 40
    # Read back by its header: every subsidy once, in order, the repeated headers none of them.
    rows = claims_table(sheet)
    assert [r["补贴"] for r in rows] == sorted(rule for rule, _source in fig.claims), rows
    assert all(r["申领笔数"] == 3 and r["申领金额"] == 1500.0 for r in rows), rows
    pages = _libreoffice_pages(out, tmp_path)
    assert len(pages) == len(starts), (len(pages), breaks)
    printed = [sum(w[0].startswith("一次性交通补助") for w in page["words"]) for page in pages]
    assert printed == planned, (printed, planned)  # the rows planned on each page, no other
    row = 2 * 15.75 * SCALE / 100  # a subsidy's row: its name on two lines
    for page, start in zip(pages, starts, strict=True):
        if start in inside:
            # The header under the title, above the page's rows.
            head = [w[1] for w in page["words"] if w[0] in ("补贴", "资金来源", "已发放")]
            rows = [w[1] for w in page["words"] if w[0].startswith("一次性交通补助")]
            assert len(head) == 3 and max(head) < min(rows), (head, rows)
    for page, end in zip(pages, ends, strict=True):
        if end in inside:  # the next page goes on with the table: no row more fitted here
            assert page["body"] - page["ink"] < row + 0.03 * page["body"], (end, page["ink"])
    last = pages[-1]["words"]
    assert any(w[0].startswith("七、") for w in last) and any(w[0] == "图表" for w in last)


def _chart_points(xlsx: Path) -> list[list[list[object]]]:
    """Each chart's series as the workbook's charts reference them: the cells of its
    categories' range, then of its values' (a range of pieces read piece by piece)."""
    import re
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    book = openpyxl.load_workbook(xlsx)
    charts = []
    with zipfile.ZipFile(xlsx) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        for part in names:
            series = []
            for formula in re.findall(r"<c:f>([^<]*)</c:f>", z.read(part).decode()):
                cells: list[object] = []
                for piece in formula.strip("()").split(","):
                    sheet, _, ref = piece.rpartition("!")
                    left, top, _right, bottom = range_boundaries(ref.replace("$", ""))
                    ws = book[sheet.strip("'")]
                    cells += [ws.cell(r, left).value for r in range(top, bottom + 1)]
                series.append(cells)
            charts.append(series)
    return charts


def _chart_caches(xlsx: Path) -> list[list[list[str]]]:
    """Each chart's series as the chart itself keeps them (the cache a viewer draws from
    without computing the ranges): its categories' values, then its values', as written."""
    import re
    import zipfile

    charts = []
    with zipfile.ZipFile(xlsx) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        for part in names:
            xml = z.read(part).decode()
            series = []
            for tag in ("c:cat", "c:val"):
                for block in re.findall(rf"<{tag}>(.*?)</{tag}>", xml, re.S):
                    series.append(re.findall(r"<c:v>([^<]*)</c:v>", block))
            charts.append(series)
    return charts


def test_a_table_charted_over_pages_is_charted_without_its_repeated_header(tmp_path, monkeypatch):
    """A chart's range ran from a table's first data row to its last: a 三 or 四 running on
    over pages (its header repeated atop each) would chart 就业地点 / 就业形式 with its 人数
    for a point among the places. Each chart now takes the table's rows page by page, the
    repeated header left out. 三 lists the places the report counts (five); a county's sixty
    here, and forty forms of work in 四 (what the ledgers hold, merged by the hub)."""
    from fieldapp.policy.report import AreaFigures, MonthlyReport
    from fieldapp.tabular import report_monthly
    from fieldapp.tabular.report_monthly import write_monthly_report

    places = tuple(f"{n:02d}号地点" for n in range(60))
    monkeypatch.setattr(report_monthly, "PLACES", places)
    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=3000)
    for n, place in enumerate(places):
        fig.employed_by_place[place] = n + 1
    forms = [f"{n:02d}号形式" for n in range(40)]
    for n, form in enumerate(forms):
        fig.employed_by_form[form] = 100 + n
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    column_a = [str(r[0].value or "") for r in sheet.iter_rows()]
    breaks = [b.id for b in sheet.row_breaks.brk]  # 0-based: a page's first row
    # Both tables run on over pages, their header atop the next.
    assert [column_a[b] for b in breaks].count("就业地点") >= 1, breaks
    assert [column_a[b] for b in breaks].count("就业形式") >= 1, breaks
    pie, bar = _chart_points(out)
    # The pie shows the largest seven places and 其他 (a test of its own below).
    assert pie == [[*places[:52:-1], "其他（53个地点）"], [*range(60, 53, -1), sum(range(1, 54))]]
    # The bars show the largest seven forms and 其他 (a test of its own below).
    assert bar == [
        [*forms[:32:-1], "其他（33种形式）"],
        [*range(139, 132, -1), sum(range(100, 133))],
    ]
    # The charts keep those values with their ranges of pieces too (xlsxwriter caches only a
    # range of one piece): a viewer drawing from the cache draws them, not an empty chart.
    pie, bar = _chart_caches(out)
    assert pie == [
        [*places[:52:-1], "其他（53个地点）"],
        [*map(str, range(60, 53, -1)), str(sum(range(1, 54)))],
    ]
    assert bar == [
        [*forms[:32:-1], "其他（33种形式）"],
        [*map(str, range(139, 132, -1)), str(sum(range(100, 133)))],
    ]


def _chart_spans(xlsx: Path) -> list[tuple[float, float]]:
    """Each chart's left and right edge (px from the sheet's left, as Excel measures its
    columns) on the first sheet, from the cells and offsets it is anchored to."""
    import re
    import zipfile

    from fieldapp.tabular.report_monthly import WIDTHS

    starts = [0]
    for width in WIDTHS:
        starts.append(starts[-1] + 7 * width + 5)
    with zipfile.ZipFile(xlsx) as z:
        xml = z.read("xl/drawings/drawing1.xml").decode()
    spans = []
    for anchor in re.findall(r"<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>", xml, re.S):
        edges = []
        for end in ("from", "to"):
            block = re.search(rf"<xdr:{end}>(.*?)</xdr:{end}>", anchor, re.S)
            assert block
            column = int(re.search(r"<xdr:col>(\d+)</xdr:col>", block[1])[1])  # type: ignore[index]
            offset = int(re.search(r"<xdr:colOff>(\d+)</xdr:colOff>", block[1])[1])  # type: ignore[index]
            edges.append(starts[column] + offset / 9525)
        spans.append((edges[0], edges[1]))
    return spans


def test_a_pie_of_many_places_shows_the_largest_and_one_other(tmp_path, monkeypatch):
    """三's pie drew a slice, and a label, for every place: a county's twenty ran into each
    other. Past eight places the pie shows the seven with the most people, the most first,
    and one 其他 slice for the rest (how many places it sums); places with no one are no
    slice. The table above keeps every place; the pie charts a table of its own under it,
    which a line under both explains. Five places (what the report counts) chart as before.
    The two charts sit side by side within the printed columns: the second covered the
    pie's right part (its labels and legend) and ran past them; and the bars of 四 start at
    0."""
    import zipfile

    from fieldapp.policy.report import PLACES, AreaFigures, MonthlyReport
    from fieldapp.tabular import report_monthly
    from fieldapp.tabular.report_monthly import PIE_NOTE, WIDTHS, write_monthly_report

    counts = [5, 12, 3, 12, 0, 8, 1, 30, 2, 9, 4, 7, 6, 0, 11, 10]
    places = tuple(f"{n:02d}号地点" for n in range(len(counts)))
    monkeypatch.setattr(report_monthly, "PLACES", places)
    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=3000)
    for place, count in zip(places, counts, strict=True):
        fig.employed_by_place[place] = count
    fig.employed_by_form["单位就业"] = sum(counts)
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    pie, _bar = _chart_points(out)
    # 30, 12 and 12 (as listed), 11, 10, 9, 8; then 7 6 5 4 3 2 1 of seven places.
    largest = ["07号地点", "01号地点", "03号地点", "14号地点", "15号地点", "09号地点", "05号地点"]
    assert pie == [[*largest, "其他（7个地点）"], [30, 12, 12, 11, 10, 9, 8, 28]]
    assert sum(pie[1]) == sum(counts)
    assert _chart_caches(out)[0] == [pie[0], [str(n) for n in pie[1]]]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [(r[0].value, r[1].value) for r in sheet.iter_rows()]
    for place, count in zip(places, counts, strict=True):
        assert (place, count) in rows, place  # the table keeps every place, none too
    assert ("饼图所示地点", "人数") in rows and (PIE_NOTE, None) in rows
    spans = _chart_spans(out)
    assert len(spans) == 2 and spans[0][1] <= spans[1][0], spans
    with zipfile.ZipFile(out) as z:  # the bars of counts stand on 0 (LibreOffice began at 98.5)
        assert '<c:min val="0"/>' in z.read("xl/charts/chart2.xml").decode()
    assert spans[1][1] <= sum(7 * w + 5 for w in WIDTHS), spans

    # The report's own five places: the pie charts 三's table, as it did.
    monkeypatch.setattr(report_monthly, "PLACES", PLACES)
    fig.employed_by_place.clear()
    for n, place in enumerate(PLACES):
        fig.employed_by_place[place] = n + 1
    write_monthly_report(MonthlyReport("2026-11", dt.date(2026, 11, 30), [], fig), out)
    pie, _bar = _chart_points(out)
    assert pie == [list(PLACES), list(range(1, len(PLACES) + 1))]
    column_a = [r[0].value for r in openpyxl.load_workbook(out).worksheets[0].iter_rows()]
    assert "饼图所示地点" not in column_a and PIE_NOTE not in column_a


def test_the_bars_of_many_forms_show_the_largest_and_one_other(tmp_path):
    """四's bar chart drew a bar for each form of work the month counts: forty bars, their
    labels unreadable. Past eight forms (more than the program has: its six and 未登记; a
    stored form none of them is read as 未登记, see the next test) the bars show the seven
    with the most people and one 其他 for the rest, as 三's pie does; the table keeps every
    form, the bars chart a table of their own under it, a line under both says so."""
    from fieldapp.domain.enums import EmploymentForm
    from fieldapp.policy.report import AreaFigures, MonthlyReport
    from fieldapp.tabular.report_monthly import BAR_NOTE, write_monthly_report

    held = [str(f) for f in EmploymentForm]
    counts = dict(zip([*held, "形式甲", "形式乙"], [3, 5, 1, 2, 4, 1, 1, 6, 2], strict=True))
    fig = AreaFigures("520526000000", "威宁彝族回族苗族自治县合计", persons=3000)
    fig.employed_by_place["乡镇内"] = sum(counts.values())
    fig.employed_by_form.update(counts)
    out = tmp_path / "月报.xlsx"
    write_monthly_report(MonthlyReport("2026-10", dt.date(2026, 10, 31), [], fig), out)
    _pie, bar = _chart_points(out)
    # 6 (形式甲), 5, 4, 3, 2 and 2 (as listed), 1 (以工代赈 first of the three), the rest 2.
    order = ["形式甲", held[1], held[4], held[0], held[3], "形式乙", "以工代赈"]
    assert bar == [[*order, "其他（2种形式）"], [counts[f] for f in order] + [2]]
    assert _chart_caches(out)[1] == [bar[0], [str(v) for v in bar[1]]]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    rows = [(r[0].value, r[1].value) for r in sheet.iter_rows()]
    for form, count in counts.items():
        assert (form, count) in rows, form  # the table keeps every form
    assert ("柱形图所示形式", "人数") in rows and (BAR_NOTE, None) in rows


def test_a_stored_form_not_the_programs_is_no_bar_of_its_own(repo, ledger, tmp_path):
    """The month's figures counted a stored form none of the program's (打零工, written past
    the services by an old import) as a form of its own: its own bar and row. It is read as
    未登记 where the facts are made, so the 月报 counts it there (its person employed still);
    the program's seven forms chart 四's table, no cap, no note."""
    import tempfile

    from fieldapp.domain.enums import EmploymentForm
    from fieldapp.domain.models import EmploymentSpell, Household, Person
    from fieldapp.policy.registry import PolicyRegistry
    from fieldapp.services.report import monthly_report
    from fieldapp.tabular.report_monthly import BAR_NOTE, write_monthly_report
    from tests.conftest import make_id
    from tests.paperwork.builders import COUNTY, GROUP, add_areas

    add_areas(repo)
    home = repo.save(Household(area_code=GROUP, household_no="H00088", address="8号"))
    held = [str(f) for f in EmploymentForm]
    counts = dict(zip([*held, "打零工", "务农"], [3, 5, 1, 2, 4, 1, 1, 6, 2], strict=True))
    n = 0
    for form, count in counts.items():
        for _ in range(count):
            n += 1
            born = f"19{60 + n % 30}0808"
            person = Person(
                household_id=home, name=f"王{n}", id_number=make_id(COUNTY, born, f"{400 + n}")
            )
            pid, _warnings = repo.add_person(person)
            spell = EmploymentSpell(person_id=pid, start_date=dt.date(2026, 1, 1)).fields()
            ledger.insert("employment_spells", spell | {"form": form})
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    report = monthly_report(ledger, policy, "2026-10")
    expected = {f: counts[f] for f in held} | {"未登记": counts["未登记"] + 6 + 2}
    assert dict(report.total.employed_by_form) == expected
    out = tmp_path / "月报.xlsx"
    write_monthly_report(report, out)
    _pie, bar, *_village = _chart_points(out)  # the total's sheet first
    assert bar == [sorted(held), [expected[f] for f in sorted(held)]]
    column_a = [r[0].value for r in openpyxl.load_workbook(out).worksheets[0].iter_rows()]
    assert "打零工" not in column_a and "务农" not in column_a
    assert "柱形图所示形式" not in column_a and BAR_NOTE not in column_a
