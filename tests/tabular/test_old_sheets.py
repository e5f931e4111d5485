"""Sheets that are old copies (就业经历(旧), 培训-备份), hidden records sheets, and the notes an
import gives of them: the current sheet is read first and an old copy is not merged over it."""

from __future__ import annotations

import datetime as dt

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


def test_employed_beside_a_job_that_has_ended_is_said_and_kept_as_written(ledger, tmp_path):
    # 已就业 beside the job the person came home from (返乡时间 passed): this month's 已就业 was
    # linked to that ended job, its income counted as this month's, and nothing said. Both
    # are kept as written (已就业 this month; the job ended), not linked, and the row says so.
    headers = [*PEOPLE, "就业状态", "务工单位", "务工开始日期", "月收入", "返乡时间", "就业形式"]
    path = _book(
        tmp_path / "s.xlsx",
        [
            (
                "台账",
                headers,
                [
                    [*_people()[2][0], "已就业", "鞋厂", "2025-03-01", 4000, "2025-10-31"]
                    + ["单位就业"],
                    [*_people()[2][1], "已就业", "砖厂", "2025-04-01", 3000, "", "单位就业"],
                ],
                False,
            )
        ],
    )
    report = import_ledger(ledger, path)
    month = dt.date.today().strftime("%Y-%m")
    assert report.rejected == []
    spells = ledger.db.execute(
        "SELECT employer, start_date, end_date FROM employment_spells ORDER BY start_date"
    ).fetchall()
    assert spells == [("鞋厂", "2025-03-01", "2025-10-31"), ("砖厂", "2025-04-01", None)]
    statuses = ledger.db.execute(
        "SELECT p.name, m.month, m.status, s.employer, m.income FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id"
        " LEFT JOIN employment_spells s ON s.id = m.spell_id ORDER BY p.name"
    ).fetchall()
    assert statuses == [
        ("张长英", month, "已就业", None, None),
        ("李秀", month, "已就业", "砖厂", 3000),
    ]
    said = [w.reason for w in report.warnings if w.row == 2]
    assert len(said) == 1
    assert "已就业" in said[0] and "已于2025年10月31日结束" in said[0] and "鞋厂" in said[0]
    assert not [w for w in report.warnings if w.row == 3]


def test_an_update_saying_employed_this_month_beside_an_ended_job_is_said_not_linked(
    ledger, tmp_path
):
    # The same on an update: 本月就业状态 已就业 beside the job and its passed 返乡时间.
    _book(tmp_path / "p.xlsx", [_people()])
    import_ledger(ledger, tmp_path / "p.xlsx")
    headers = ["姓名", "身份证号码", "本月就业状态", "务工单位", "务工开始日期", "月收入"]
    path = _book(
        tmp_path / "u.xlsx",
        [
            (
                "台账",
                [*headers, "返乡时间", "就业形式"],
                [["张长英", HEAD, "已就业", "鞋厂", "2025-03-01", 4000, "2025-10-31", "单位就业"]],
                False,
            )
        ],
    )
    report = import_ledger(ledger, path, update=True)
    assert report.rejected == []
    statuses = ledger.db.execute(
        "SELECT m.status, m.spell_id, m.income FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id WHERE p.name = '张长英'"
    ).fetchall()
    assert statuses == [("已就业", None, None)]
    spells = ledger.db.execute("SELECT employer, end_date FROM employment_spells").fetchall()
    assert spells == [("鞋厂", "2025-10-31")]
    said = [
        w.reason for w in report.warnings if w.row == 2 and "已于2025年10月31日结束" in w.reason
    ]
    assert len(said) == 1


def test_a_hidden_sheet_of_month_columns_gives_only_the_months_the_shown_ones_do_not(
    ledger, tmp_path
):
    # A hidden copy of the sheet of month columns: its month a shown sheet gives (another
    # status) was refused as a second status for the month; it is passed over and listed.
    month = ["姓名", "身份证号码", "2026年3月", "2026年4月"]
    path = _book(
        tmp_path / "b.xlsx",
        [
            ("旧月份", month, [["张长英", HEAD, "未就业", "未就业"]], True),
            _people(),
            ("就业情况", ["姓名", "身份证号码", "2026年4月"], [["张长英", HEAD, "已就业"]], False),
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    stored = ledger.db.execute("SELECT month, status FROM monthly_status ORDER BY month")
    assert stored.fetchall() == [("2026-03", "未就业"), ("2026-04", "已就业")]
    passed = [w.reason for w in report.warnings if w.sheet == "旧月份" and "没有读取" in w.reason]
    assert len(passed) == 1 and "张长英" in passed[0] and "“就业情况”" in passed[0]


def test_a_total_row_of_a_sheet_of_month_columns_alone_is_said(ledger, tmp_path):
    # A sheet of month columns beside 姓名 and 身份证号码 only: its 合计 row (a count under each
    # month) was passed over without a word, where every other sheet says its totals.
    path = _book(
        tmp_path / "b.xlsx",
        [
            _people(),
            (
                "就业情况",
                ["姓名", "身份证号码", "2026年3月", "2026年4月"],
                [["张长英", HEAD, "未就业", "已就业"], ["合计", "", 1, 1]],
                False,
            ),
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    said = [w for w in report.warnings if w.sheet == "就业情况" and "合计" in w.reason]
    assert [w.row for w in said] == [3] and "不是人员，未读取" in said[0].reason


def test_employed_beside_an_ended_job_is_not_said_when_a_months_sheet_gives_the_months(
    ledger, tmp_path
):
    # The 就业状态 is then not written as this month's (the 月度状态 sheet gives the months).
    headers = [*PEOPLE, "就业状态", "务工单位", "务工开始日期", "返乡时间", "就业形式"]
    row = [*_people()[2][0], "已就业", "鞋厂", "2025-03-01", "2025-10-31", "单位就业"]
    months = ["姓名", "身份证号码", "月份", "就业状态"]
    path = _book(
        tmp_path / "s.xlsx",
        [
            ("台账", headers, [row], False),
            ("月度状态", months, [["张长英", HEAD, "2025-10", "已就业"]], False),
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    assert not [w for w in report.warnings if "已于2025年10月31日结束" in w.reason]
