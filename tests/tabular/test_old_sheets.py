"""Sheets that are old copies (就业经历(旧), 培训-备份), hidden records sheets, and the notes an
import gives of them: the current sheet is read first and an old copy is not merged over it."""

from __future__ import annotations

import openpyxl
import pytest

from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.reader import old_copy
from tests.conftest import make_id

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
PEOPLE = ["姓名", "身份证号码", "户主身份证号码", *PLACE]
#: A 就业经历 header whose every column the people sheet also names (a tie of the two shapes).
JOBS = ["姓名", "身份证号码", "务工开始日期", "务工单位", "务工地点", "月收入"]


def _book(path, sheets: list[tuple[str, list[str], list[list[object]], bool]]):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, header, rows, hidden in sheets:
        sheet = book.create_sheet(name)
        if hidden:
            sheet.sheet_state = "hidden"
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _people() -> tuple[str, list[str], list[list[object]], bool]:
    rows = [["张长英", HEAD, HEAD, *PLACE.values()], ["李秀", WIFE, HEAD, *PLACE.values()]]
    return ("劳动力台账", PEOPLE, rows, False)


def _jobs(ledger) -> list[tuple]:
    return ledger.db.execute(
        "SELECT p.name, s.start_date, s.employer FROM employment_spells s"
        " JOIN persons p ON p.id = s.person_id ORDER BY p.name, s.start_date"
    ).fetchall()


@pytest.mark.parametrize(
    "name", ["就业经历(旧)", "就业经历（2025）", "就业经历-备份", "就业经历 copy"]
)
def test_a_records_sheet_named_with_more_than_its_kind_is_read_as_that_kind(ledger, tmp_path, name):
    # Its columns are all the people sheet's too: the tie went to the people sheet, and the
    # jobs were read as persons (refused, or their jobs lost).
    path = _book(
        tmp_path / "b.xlsx",
        [_people(), (name, JOBS, [["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 4000]], False)],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert report.persons_imported == 2
    assert _jobs(ledger) == [("张长英", "2024-03-01", "砖厂")]


@pytest.mark.parametrize("name", ["就业经历(旧)", "就业经历-备份", "旧表"])
def test_an_old_copy_is_said_and_read_when_no_current_sheet_of_its_kind(ledger, tmp_path, name):
    header, row = (
        (PEOPLE, ["王五", make_id("520502", "19900101", "173"), HEAD, *PLACE.values()])
        if name == "旧表"
        else (JOBS, ["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 4000])
    )
    path = _book(tmp_path / "b.xlsx", [(name, header, [row], False), _people()])
    report = import_ledger(ledger, path)
    assert report.rejected == []
    said = [w for w in report.warnings if w.sheet == name and "旧表或备份" in w.reason]
    assert len(said) == 1 and said[0].row == 1


def test_an_old_copy_of_jobs_is_not_merged_over_the_current_sheet(ledger, tmp_path):
    # The old copy comes first in the file; the current 就业经历 is read first, and the old
    # copy's row of the same job (another employer) is passed over and listed, not merged.
    path = _book(
        tmp_path / "b.xlsx",
        [
            _people(),
            (
                "就业经历(旧)",
                JOBS,
                [
                    ["张长英", HEAD, "2024-03-01", "旧砖厂", "浙江", 3000],
                    ["李秀", WIFE, "2023-05-01", "鞋厂", "广东", 3500],
                ],
                False,
            ),
            ("就业经历", JOBS, [["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 4000]], False),
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    # (李秀's job is only in the old copy: read, nothing of the current sheet's was changed)
    assert _jobs(ledger) == [("张长英", "2024-03-01", "砖厂"), ("李秀", "2023-05-01", "鞋厂")]
    said = [w.reason for w in report.warnings if w.sheet == "就业经历(旧)"]
    assert any("旧表或备份" in r for r in said)
    passed = [r for r in said if "没有读取" in r]
    assert len(passed) == 1 and "张长英" in passed[0] and "第 2 行" in passed[0]
    assert "“就业经历”" in passed[0]


def test_a_hidden_records_sheet_is_read_after_the_shown_one_its_repeats_passed_over(
    ledger, tmp_path
):
    # A hidden 就业经历 before the shown one: its row of a job the shown sheet gives is passed
    # over and listed (the shown sheet is the one the coordinator corrects), its others read.
    path = _book(
        tmp_path / "b.xlsx",
        [
            _people(),
            (
                "经历备用",
                JOBS + ["结束日期"],
                [
                    ["张长英", HEAD, "2024-03-01", "旧砖厂", "浙江", 3000, ""],
                    ["李秀", WIFE, "2023-05-01", "鞋厂", "广东", 3500, ""],
                ],
                True,
            ),
            ("就业经历", JOBS, [["张长英", HEAD, "2024-03-01", "砖厂", "浙江", 4000]], False),
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert _jobs(ledger) == [("张长英", "2024-03-01", "砖厂"), ("李秀", "2023-05-01", "鞋厂")]
    said = [w.reason for w in report.warnings if w.sheet == "经历备用"]
    assert sum("在表格中是隐藏的" in r for r in said) == 1
    passed = [r for r in said if "没有读取" in r]
    assert len(passed) == 1 and "张长英" in passed[0] and "“就业经历”" in passed[0]


@pytest.mark.parametrize(
    ("name", "old"),
    [
        ("就业经历(旧)", True),
        ("旧-培训", True),
        ("台账 - 副本", True),
        ("培训备份", True),
        ("Sheet1 (copy)", True),
        ("2023旧表", True),
        ("旧州村", False),
        ("大坝村", False),
        ("就业经历（2025）", False),
    ],
)
def test_a_name_saying_old_copy_is_told_from_a_place_named_旧(name, old):
    assert old_copy(name) is old
