"""The import report's reasons in the English window.

A row refused for its ID number (or its household head's) was said in Chinese only: the cell's
error was built from the text of the ID number's refusal (`InvalidIdNumber`), dropping its
template, and the head's was that text with 户主 glued before it. A cell error now keeps the
sentence as a template and its parts (`CellError.said`), the report's row keeps it
(`RowProblem.said`), and the dialog says it in the window's language; so do the place a
month's column gives before a cell's reason and a drop-down cell's word no list reads (the
column's and the list's words). The Chinese — the report, the saved workbook, the
command line — is as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.enums import Category
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import cells
from fieldapp.tabular.ledger_import import ImportReport, import_ledger
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from fieldapp.ui.dialogs.import_report import ImportReportDialog
from fieldapp.ui.held_words import sentence_shown
from tests.conftest import make_id
from tests.english import in_english

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
#: A number one digit off: its check character does not match.
TYPO = HEAD[:5] + ("1" if HEAD[5] != "1" else "2") + HEAD[6:]
#: A head's number one digit short.
SHORT = WIFE[:17]
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _book(path: Path) -> Path:
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "2026年1月"])
    people.append(["张长英", TYPO, TYPO, "户主", *PLACE.values()])
    people.append(["李秀", WIFE, SHORT, "配偶", *PLACE.values()])
    people.append(["张明", SON, HEAD, "邻居", *PLACE.values(), "外出"])
    book.save(path)
    return path


def _reasons(dialog: ImportReportDialog) -> list[tuple[str, str, str]]:
    model = dialog.rejected_rows
    return [
        tuple(str(model.index(r, c).data()) for c in range(3))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def report(tmp_path: Path) -> ImportReport:
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    try:
        return import_ledger(ledger, _book(tmp_path / "村台账.xlsx"))
    finally:
        ledger.close()


#: The reasons in Chinese, as they always were.
CHINESE_REASONS = [
    (
        "台账",
        "2",
        f"身份证号码“{TYPO}”校验位不符：多半是前面有一位输错或两位颠倒，"
        "请对照身份证逐位核对（不要只改最后一位）",
    ),
    ("台账", "3", f"户主身份证号码“{SHORT}”长度为 17 位，应为 18 位"),
    (
        "台账",
        "4",
        "“2026年1月”列（H 列）：就业状态“外出”无法识别，应为：在校、已就业、无需就业、未就业",
    ),
    (
        "台账",
        "4",
        "与户主关系“邻居”无法识别，应为：户主、配偶、子女、父母、岳父母或公婆、祖父母、媳婿、"
        "孙子女、兄弟姐妹、其他",
    ),
]


def test_the_reasons_in_chinese_are_as_they_were(report: ImportReport, qtbot) -> None:
    assert [(p.sheet, str(p.row), p.reason) for p in report.rejected] == CHINESE_REASONS
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    assert _reasons(dialog) == CHINESE_REASONS


def test_an_id_number_refused_is_said_in_english(report: ImportReport, qtbot) -> None:
    with in_english():
        dialog = ImportReportDialog(report)
        qtbot.addWidget(dialog)
        shown = _reasons(dialog)
    assert shown == [
        (
            "台账",
            "2",
            f"ID number “{TYPO}” does not match its check character: most likely a digit "
            "before it was mistyped or two were swapped. Check it digit by digit against the ID "
            "card (do not just change the last one)",
        ),
        (
            "台账",
            "3",
            f"Head of household: ID number “{SHORT}” has 17 characters; it should have 18",
        ),
        (
            "台账",
            "4",
            "Column “2026年1月” (column H): Work status “外出” is not a word this column takes; "
            "it should be one of: In school, Employed, Not applicable, Not employed",
        ),
        (
            "台账",
            "4",
            "Relation to head “邻居” is not a word this column takes; it should be one of: Head, "
            "Spouse, Child, Parent, Parent-in-law, Grandparent, Son- or daughter-in-law, "
            "Grandchild, Sibling, Other",
        ),
    ]
    # No Chinese left but what the workbook says as it is: its sheet, a column's heading, a
    # word typed in a cell.
    for _sheet, _row, reason in shown:
        for typed in ("2026年1月", "外出", "邻居"):
            reason = reason.replace(typed, "")
        assert not CHINESE.search(reason), reason
    # What the report holds, and saves, stays the Chinese.
    assert [(p.sheet, str(p.row), p.reason) for p in report.rejected] == CHINESE_REASONS


def test_the_preview_says_them_in_english_too(tmp_path: Path, qtbot) -> None:
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    try:
        preview = import_ledger(ledger, _book(tmp_path / "村台账.xlsx"), dry_run=True)
    finally:
        ledger.close()
    with in_english():
        dialog = ImportPreviewDialog(preview)
        qtbot.addWidget(dialog)
        table = dialog.rejected_rows
        shown = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert f"Head of household: ID number “{SHORT}” has 17 characters; it should have 18" in shown
    assert len(shown) == len(CHINESE_REASONS)


def test_a_cell_a_category_and_a_place_refused_are_said_in_english(tmp_path: Path, qtbot) -> None:
    """A category no list knows, a county the tables do not have, an ID number Excel made a
    float: refused rows the report said in Chinese only (the readers' f-strings), now said in
    the window's language; the Chinese as it was (the float's as the domain says one)."""
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "人员类别"])
    people.append(["张长英", HEAD, HEAD, "户主", *PLACE.values(), "外星人"])
    people.append(["李秀", WIFE, WIFE, "户主", "不存在县", "碧阳街道", "大坝村"])
    people.append(["张明", 5.20502197505e17, HEAD, "子女", *PLACE.values()])
    book.save(tmp_path / "村台账.xlsx")
    ledger = Ledger.open(tmp_path / "l.db", author="王专员")
    try:
        report = import_ledger(ledger, tmp_path / "村台账.xlsx")
    finally:
        ledger.close()
    chinese = [(p.row, p.reason) for p in report.rejected]
    assert chinese == [
        (2, "未知的人员类别“外星人”（可用：" + "、".join(c.value for c in Category) + "）"),
        (3, "贵州省内找不到县（市、区）“不存在县”"),
        (
            4,
            "身份证号码“5.20502e+17”已被 Excel 存成数字（科学计数法），后几位已丢失，无法恢复；"
            "请把该列设为文本后重新录入",
        ),
    ]
    with in_english():
        dialog = ImportReportDialog(report)
        qtbot.addWidget(dialog)
        shown = [reason for _sheet, _row, reason in _reasons(dialog)]
    assert shown[0].startswith(
        "Unknown category “外星人” (these are known: lifted out of poverty, "
    )
    assert shown[1:] == [
        "No county “不存在县” in Guizhou",
        "ID number “5.20502e+17” was stored by Excel as a number (scientific notation): its last "
        "digits are lost and cannot be recovered. Set the column to text, then enter it again",
    ]
    for reason in shown:
        for typed in ("外星人", "不存在县"):
            reason = reason.replace(typed, "")
        assert not CHINESE.search(reason), reason
    assert [(p.row, p.reason) for p in report.rejected] == chinese


def test_every_column_heading_and_a_rows_notes_are_said_in_english(tmp_path: Path, qtbot) -> None:
    """A cell's sentence names its column by the sheet's heading (性别, 村民组, 社保卡账号 …):
    each has its English, and a row's notes (a phone's dropped 0, a place of work no division
    is) are said in the English window."""
    import datetime as dt

    from fieldapp.domain import sentences
    from fieldapp.tabular import cells, person_row
    from fieldapp.tabular.outcome import RowProblem
    from fieldapp.ui.held_words import HEADINGS, sentence_shown

    parsed = person_row.parse_row(
        2,
        {
            "name": "张长英",
            "id_number": HEAD,
            "phone": "8571234567",
            "work_status": "已就业",
            "form": "单位就业",
            "start_date": "2025-03-01",
            "workplace": "火星基地",
        },
        {},
        dt.date(2026, 6, 1),
        words={},
    )
    notes = [w for w in parsed.warnings if isinstance(w, sentences.Sentence)]
    sex = cells.unreadable("性别", "男人?", ("男", "女"))
    report = ImportReport(
        warnings=[RowProblem.of(2, note, "台账") for note in notes],
        rejected=[RowProblem.of(3, sex, "台账")],
    )
    with in_english():
        headings = {
            heading: sentence_shown(sentences.said("%1、%2", sentences.Word(heading), "x"))
            for heading in HEADINGS
        }
        dialog = ImportReportDialog(report)
        qtbot.addWidget(dialog)
        shown = [str(dialog.rejected_rows.index(0, 2).data())]
        said_notes = [sentence_shown(note) for note in notes]
    assert not [h for h, english in headings.items() if CHINESE.search(english)]
    assert headings["性别"].startswith("Sex")
    assert shown == [
        "Sex “男人?” is not a word this column takes; it should be one of: Male, Female"
    ]
    assert said_notes[-2:] == [
        "Phone “8571234567” lost its leading 0 to the spreadsheet program (it was stored as a "
        "number): read as “08571234567”, please check; format the column as text from now on",
        "Place of work “火星基地” is not a known administrative division: kept as written",
    ]


def test_an_income_past_the_most_is_said_in_100_wan_and_in_english(qtbot) -> None:
    """A clerk reads a large sum in 万: the most a month's income may be is said as 100 万元
    (it read 1,000,000 元); the English window says the same sum its own way (it read
    "100 × 10,000 yuan"), and both are `cells.MOST_AMOUNT`."""
    with pytest.raises(cells.CellError) as refused:
        cells.number("2,000,000元", "月收入")
    assert str(refused.value) == "月收入“2,000,000元”超过 100 万元，不会是一个月的收入"
    assert refused.value.said is not None
    with in_english():
        english = sentence_shown(refused.value.said)
    assert english == "Monthly income “2,000,000元” is more than 1,000,000 yuan: no month's income"
    assert f"{cells.MOST_AMOUNT:,}" in english
    assert f"超过 {cells.MOST_AMOUNT // 10_000} 万元" in str(refused.value)
