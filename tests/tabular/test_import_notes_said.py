"""An import's notes on its sheets, rows and columns — a sheet hidden or named as an old copy,
a sheet passed over for want of a header, a header again or another table's header, a column
hidden, a formula's error where the row needs its value, a household placed by the order of
its rows, a head taken from a merged cell or named otherwise than the ledger, a job left
running under 未就业, a category dated by its year alone — were Chinese f-strings, shown in
Chinese in the English window. Each is a template with its parts; each scenario here makes
it from a real sheet imported into a real ledger, and its Chinese is as it always was, byte
for byte. The templates met (`said_here`) count for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import categories, ledger_import, ledger_update, placing, reader
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.outcome import ImportReport, RowProblem
from tests.conftest import make_id
from tests.services.sentence_checks import templates
from tests.tabular.sheets import dated, write_xlsx

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
OTHER = make_id("520502", "19600101", "117")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
PEOPLE = ["姓名", "身份证号码", "户主身份证号码", *PLACE]
JOBS = ["姓名", "身份证号码", "务工开始日期", "务工单位", "务工地点", "月收入"]
Sheet = tuple[str, list[str], list[list[object]]]


def _book(path: Path, sheets: list[Sheet], edit: Callable[[openpyxl.Workbook], None] | None = None):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header, rows in sheets:
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    if edit is not None:
        edit(book)
    book.save(path)
    return path


def _family() -> Sheet:
    rows = [["张长英", HEAD, HEAD, *PLACE.values()], ["李秀", WIFE, HEAD, *PLACE.values()]]
    return ("劳动力台账", PEOPLE, rows)


def _imported(
    tmp: Path, sheets: list[Sheet], edit: Callable[[openpyxl.Workbook], None] | None = None
) -> ImportReport:
    """The preview of a workbook of `sheets` (`edit`ed before it is saved) into a new ledger."""
    tmp.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp / "ledger.db", author="王专员")
    try:
        return import_ledger(ledger, _book(tmp / "book.xlsx", sheets, edit), dry_run=True)
    finally:
        ledger.close()


def _hide_sheet(name: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        book[name].sheet_state = "hidden"

    return edit


def _hidden_people(tmp: Path) -> ImportReport:
    spare = ("备用", PEOPLE, [["王五", OTHER, OTHER, *PLACE.values()]])
    return _imported(tmp, [_family(), spare], _hide_sheet("备用"))


def _hidden_records(tmp: Path) -> ImportReport:
    jobs = (
        "经历备用",
        [*JOBS, "结束日期"],
        [["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 3000, ""]],
    )
    return _imported(tmp, [_family(), jobs], _hide_sheet("经历备用"))


def _old_people(tmp: Path) -> ImportReport:
    return _imported(tmp, [("旧表", PEOPLE, [["王五", OTHER, OTHER, *PLACE.values()]]), _family()])


def _old_records(tmp: Path) -> ImportReport:
    jobs = ("就业经历(旧)", JOBS, [["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 4000]])
    return _imported(tmp, [jobs, _family()])


_BY_ORDER = ["姓名", "身份证号码", "与户主关系", "户主姓名", *PLACE]


def _member_first(tmp: Path) -> ImportReport:
    rows = [["李秀", WIFE, "配偶", "", *PLACE.values()]]
    return _imported(tmp, [("劳动力台账", _BY_ORDER, rows)])


def _by_order(tmp: Path) -> ImportReport:
    rows = [
        ["张长英", HEAD, "户主", "张长英", *PLACE.values()],
        ["李秀", WIFE, "配偶", "张长英", *PLACE.values()],
        ["王五", OTHER, "子女", "赵六", *PLACE.values()],
    ]
    return _imported(tmp, [("劳动力台账", _BY_ORDER, rows)])


def _merged_head(tmp: Path) -> ImportReport:
    header = ["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE]
    rows = [
        ["张长英", HEAD, HEAD, "户主", *PLACE.values()],
        ["李秀", WIFE, "", "配偶", *PLACE.values()],
    ]
    path = tmp / "merged.csv"
    tmp.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(",".join(r) for r in [header, *rows]) + "\n", encoding="utf-8")
    ledger = Ledger.open(tmp / "ledger.db", author="王专员")
    try:
        return import_ledger(ledger, path, dry_run=True)
    finally:
        ledger.close()


def _headers_again(tmp: Path) -> ImportReport:
    swapped = ["身份证号码", "姓名", "户主身份证号码", *PLACE]
    rows: list[list[object]] = [
        ["张长英", HEAD, HEAD, *PLACE.values()],
        PEOPLE,
        ["李秀", WIFE, HEAD, *PLACE.values()],
        swapped,
        [OTHER, "王五", OTHER, *PLACE.values()],
    ]
    return _imported(tmp, [("劳动力台账", PEOPLE, rows)])


def _hidden_column(tmp: Path) -> ImportReport:
    def edit(book: openpyxl.Workbook) -> None:
        book["劳动力台账"].column_dimensions["C"].hidden = True

    return _imported(tmp, [_family()], edit)


def _formulas(tmp: Path) -> ImportReport:
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book["劳动力台账"]
        sheet["B2"] = "=A9"  # openpyxl keeps no result: the formula's value was never saved
        sheet["B3"] = "#N/A"
        sheet["B3"].data_type = "e"
        sheet.append(["王五", "#DIV/0!", OTHER, *PLACE.values()])
        sheet["B4"].data_type = "e"

    return _imported(tmp, [_family()], edit)


def _passed_over(tmp: Path) -> ImportReport:
    return _imported(tmp, [_family(), ("说明", ["这张表是说明"], [["没有表头的一行"]])])


def _year_only(tmp: Path) -> ImportReport:
    header = [*PEOPLE, "人员类别"]
    rows = [["张长英", HEAD, HEAD, *PLACE.values(), "脱贫人口（2016年）"]]
    return _imported(tmp, [("劳动力台账", header, rows)])


def _update(tmp: Path, header: list[str], rows: list[list[object]]) -> ImportReport:
    tmp.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp / "ledger.db", author="王专员")
    try:
        import_ledger(ledger, _book(tmp / "base.xlsx", [_family()]))
        jobs = write_xlsx(
            tmp / "jobs.xlsx",
            ["姓名", "身份证号码", "2026年4月就业状态", "务工单位", "务工开始日期"],
            [
                ["张长英", HEAD, "已就业", "某制衣厂", "2026-05-10"],
                ["李秀", WIFE, "已就业", "", "2026-05-12"],
            ],
        )
        import_ledger(ledger, dated(jobs), update=True)
        sheet = dated(write_xlsx(tmp / "update.xlsx", header, rows))
        return import_ledger(ledger, sheet, update=True, dry_run=True)
    finally:
        ledger.close()


def _still_working(tmp: Path) -> ImportReport:
    may = [["张长英", HEAD, "未就业"], ["李秀", WIFE, "未就业"]]
    return _update(tmp, ["姓名", "身份证号码", "2026年5月就业状态"], may)


def _other_head(tmp: Path) -> ImportReport:
    rows = [["李秀", WIFE, OTHER, "配偶"]]
    return _update(tmp, ["姓名", "身份证号码", "户主身份证号码", "与户主关系"], rows)


#: Each scenario: how its report is made, and each note it says (template, Chinese), in the
#: report's refused rows or its warnings.
SCENARIOS: dict[str, tuple[Callable[[Path], ImportReport], list[tuple[str, str]]]] = {
    "hidden_people": (
        _hidden_people,
        [
            (
                ledger_import.HIDDEN_PEOPLE_SHEET,
                "工作表“备用”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，"
                "已在显示的工作表中的人以显示的为准，请核对（隐藏的可能是旧表或备份）",
            )
        ],
    ),
    "hidden_records": (
        _hidden_records,
        [
            (
                ledger_import.HIDDEN_RECORDS_SHEET,
                "工作表“经历备用”在表格中是隐藏的，在显示的工作表之后读取：其中的行已照常读取，"
                "显示的工作表中已有的记录以显示的为准，请核对（隐藏的可能是旧表或备份）",
            )
        ],
    ),
    "old_people": (
        _old_people,
        [
            (
                ledger_import.OLD_PEOPLE_SHEET,
                "工作表“旧表”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中已有的人"
                "以其他工作表为准，其余的行照常读取，请核对",
            )
        ],
    ),
    "old_records": (
        _old_records,
        [
            (
                ledger_import.OLD_RECORDS_SHEET,
                "工作表“就业经历(旧)”从名称看是旧表或备份，在其他工作表之后读取：其他工作表中"
                "已有的记录以其他工作表为准，其余的行照常读取，请核对",
            )
        ],
    ),
    "member_first": (
        _member_first,
        [
            (
                ledger_import.NO_HEAD_ABOVE,
                "表中没有“户主身份证号码”列，而这一行上方没有户主行：请把户主排在本户成员之前，"
                "或填写户主身份证号码",
            )
        ],
    ),
    "by_order": (
        _by_order,
        [
            (
                ledger_import.HEADS_BY_ORDER,
                "表中没有“户主身份证号码”列：新的家庭成员按排列顺序并入其上方最近的户主"
                "（与户主关系为“户主”的行）的户（台账中已有的人不改变所在的户），请核对",
            ),
            (
                ledger_import.HEAD_NAME_OTHER,
                "户主姓名“赵六”与上方最近的户主（第 2 行 张长英）不符："
                "请把本户成员排在户主之后，或填写户主身份证号码",
            ),
        ],
    ),
    "merged_head": (
        _merged_head,
        [
            (
                ledger_import.HEAD_FROM_MERGED,
                f"户主身份证号码为空，按合并单元格取上一行的 {HEAD}，请核对",
            )
        ],
    ),
    "headers_again": (
        _headers_again,
        [
            (
                ledger_import.HEADER_AGAIN,
                "这一行是表头（与第 1 行的表头相同），不是人员，未读取",
            ),
            (
                ledger_import.HEADER_OTHER,
                "这一行是另一段表格的表头，列的排列与第 1 行的表头不同（A 列这里是“身份证号码”，"
                "第 1 行是“姓名”）：这一段按第一个表头读会读错，其下各行都未导入；"
                "请把这一段连同它的表头移到单独的工作表后再导入",
            ),
            (
                ledger_import.UNDER_OTHER_HEADER,
                "这一行在第 5 行另一段表格的表头之下，未导入（见第 5 行）",
            ),
        ],
    ),
    "hidden_column": (
        _hidden_column,
        [
            (
                ledger_import.HIDDEN_COLUMN,
                "“户主身份证号码”列（C 列）在表格中是隐藏的，其中的内容已照常读取，"
                "请核对（要不导入这一列，请删除该列后再导入）",
            )
        ],
    ),
    "formulas": (
        _formulas,
        [
            (
                ledger_import.FORMULA_UNSAVED_REFUSED,
                "身份证号码是公式，文件里没有保存公式算出的结果（这个文件是程序生成的，"
                "没有用 Excel 或 WPS 保存过）：请在 Excel 或 WPS 中打开这个文件，保存一次后再导入",
            ),
            (
                ledger_import.FORMULA_NA_REFUSED,
                "身份证号码是公式的错误值“#N/A”（公式没有找到要取的值），"
                "请在表格中改正公式或填入号码后重新导入",
            ),
            (
                ledger_import.FORMULA_ERROR_REFUSED,
                "身份证号码是公式的错误值“#DIV/0!”，请在表格中改正公式或填入号码后重新导入",
            ),
        ],
    ),
    "passed_over": (
        _passed_over,
        [
            (
                reader.PASSED_OVER,
                f"工作表“说明”没有读取：前 {reader.HEADER_SCAN_ROWS} 行里找不到表头（需要“姓名”和“身份证号码”两列，"
                "户主名单可写“户主姓名”）；这张表里如有人员，请把列名改成这样后再导入",
            )
        ],
    ),
    "year_only": (
        _year_only,
        [
            (
                categories.YEAR_ONLY,
                "人员类别“脱贫人口(2016年)”只写了年份“2016年”：已记为脱贫人口，认定日期没有记录"
                "（要记下日期，请写成 2016-12-31 这样）",
            )
        ],
    ),
    "still_working": (
        _still_working,
        [
            (
                ledger_update.STILL_WORKING,
                "2026年5月就业状态填的是“未就业”，但台账中2026年5月10日开始的务工（某制衣厂）"
                "仍在进行，未作修改，请核对",
            ),
            (
                ledger_update.STILL_WORKING_UNNAMED,
                "2026年5月就业状态填的是“未就业”，但台账中2026年5月12日开始的务工（未填单位）"
                "仍在进行，未作修改，请核对",
            ),
        ],
    ),
    "other_head": (
        _other_head,
        [
            (
                placing.HEAD_OTHER,
                f"户主身份证号码 {OTHER} 与台账不同：台账中这个人在张长英（{HEAD}）的户。"
                "表格导入不改变一个人所在的户，户主身份证号码、与户主关系和户的地址、户编号、"
                "户备注这几格没有导入，这一行的其他修改照常导入；"
                "要迁户或分户，请在程序中打开这个人，点“迁到别户…”并写明原因",
            )
        ],
    ),
}


def _months(
    tmp: Path, months: list[str], *, title: str = "", sheet: str = "月度状态", file: str = "s.xlsx"
) -> ImportReport:
    """A sheet of 张长英's months (under a title, for `title`) beside the family's."""

    def edit(book: openpyxl.Workbook) -> None:
        table = book.create_sheet(sheet)
        if title:
            table.append([title])
        table.append(["姓名", "身份证号码", "月份", "就业状态"])
        for month in months:
            table.append(["张长英", HEAD, month, "未就业"])

    tmp.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp / "ledger.db", author="王专员")
    try:
        return import_ledger(ledger, _book(tmp / file, [_family()], edit), dry_run=True)
    finally:
        ledger.close()


def _header_over_months(tmp: Path) -> ImportReport:
    def edit(book: openpyxl.Workbook) -> None:
        book.remove(book["劳动力台账"])
        sheet = book.create_sheet("花名册")
        sheet.append(["大坝村劳动力花名册"])
        sheet.append([*PEOPLE, "2026年各月就业状态"])
        sheet.append([None] * 6 + ["1月", "2月", "3月"])
        sheet.merge_cells("G2:I2")
        for column in "ABCDEF":
            sheet.merge_cells(f"{column}2:{column}3")
        sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业"])

    return _imported(tmp, [_family()], edit)


def _year_on_the_left(tmp: Path) -> ImportReport:
    header = [*PEOPLE, "2025年11月", "12月", "1月", "2月"]
    rows = [["张长英", HEAD, HEAD, *PLACE.values(), "未就业", "已就业", "已就业", "未就业"]]
    return _imported(tmp, [("劳动力台账", header, rows)])


#: Where a sheet said the year of its months written without one, a part of the note on them
#: (`MONTHS_YEARED`, `MONTHS_READ`): how the sheet is made, the template, the words said.
YEAR_SCENARIOS: dict[str, tuple[Callable[[Path], ImportReport], str, str]] = {
    "year_in_title": (
        lambda t: _months(t, ["3月", "2026-12"], title="2026年大坝村劳动力花名册"),
        reader.YEAR_IN_TITLE,
        "按标题“2026年大坝村劳动力花名册”中的 2026 年读取",
    ),
    "year_in_sheet_name": (
        lambda t: _months(t, ["3月", "2026-12"], sheet="2026年"),
        reader.YEAR_IN_SHEET_NAME,
        "按工作表名“2026年”中的 2026 年读取",
    ),
    "year_in_file_name": (
        lambda t: _months(t, ["3月", "2026-12"], file="2026年花名册.xlsx"),
        reader.YEAR_IN_FILE_NAME,
        "按文件名“2026年花名册.xlsx”中的 2026 年读取",
    ),
    "year_in_header": (
        _header_over_months,
        ledger_import.YEAR_IN_HEADER,
        "按表头“2026年各月就业状态”中的 2026 年读取",
    ),
    "year_in_heading": (
        _year_on_the_left,
        ledger_import.YEAR_IN_HEADING,
        "按列名“2025年11月”中的 2025 年读取",
    ),
    "year_in_row": (
        lambda t: _months(t, ["2025年11月", "12月", "1月"]),
        ledger_import.YEAR_IN_ROW,
        "按第 2 行的“2025年11月”中的 2025 年读取",
    ),
}


def year_note(name: str, tmp_path: Path) -> RowProblem:
    """The note of year scenario `name` whose sentence says where the year was read."""
    make, template, _words = YEAR_SCENARIOS[name]
    report = make(tmp_path / name)
    found = [n for n in notes(report) if n.said is not None and template in templates(n.said)]
    assert found, [n.reason for n in notes(report)]
    return found[0]


def notes(report: ImportReport) -> list[RowProblem]:
    """Every refused row and warning of `report`."""
    return [*report.rejected, *report.warnings]


def said_of(name: str, tmp_path: Path) -> dict[str, RowProblem]:
    """Scenario `name`'s notes, by the template each says (each asserted said as a sentence)."""
    make, _expected = SCENARIOS[name]
    found: dict[str, RowProblem] = {}
    for note in notes(make(tmp_path / name)):
        if note.said is not None:
            found.setdefault(note.said.template, note)
    return found


def said_here(tmp_path: Path) -> set[str]:
    """The templates these scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    met: set[str] = set()
    for name in SCENARIOS:
        for note in said_of(name, tmp_path).values():
            assert isinstance(note.said, Sentence)
            met |= templates(note.said)
    for name in YEAR_SCENARIOS:
        said = year_note(name, tmp_path).said
        assert isinstance(said, Sentence)
        met |= templates(said)
    return met


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_each_note_is_a_sentence_saying_the_chinese_it_always_did(name, tmp_path):
    found = said_of(name, tmp_path)
    for template, chinese in SCENARIOS[name][1]:
        assert template in found, (template, [n.reason for n in found.values()])
        assert found[template].reason == chinese
        assert str(found[template].said) == chinese


@pytest.mark.parametrize("name", sorted(YEAR_SCENARIOS))
def test_where_the_year_was_read_is_a_sentence_saying_what_it_said(name, tmp_path):
    note = year_note(name, tmp_path)
    assert YEAR_SCENARIOS[name][2] in note.reason, note.reason
    assert str(note.said) == note.reason
