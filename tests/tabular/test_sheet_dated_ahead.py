"""A workbook dated ahead is not believed: read as undated, nothing the ledger holds overwritten.

A workbook's 台账导出时间 property (and before it its title row, a csv's title line) is the
file's claim of when it was exported. An update treats every ledger edit
made before that time as older than the sheet: a workbook dated 2030, or tomorrow, made every
edit a coordinator saved since the real export pass for older and be overwritten, silently.
A claim later than the import's own time is set aside: the sheet is read as undated — every
ledger field it would change is a conflict, kept as the ledger has it — and the report says the
date and where the file claims it.
"""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest
from openpyxl.packaging.custom import CustomPropertyList, StringProperty

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.tabular import dates
from fieldapp.tabular.dates import EXACT, EXPORTED_AT
from fieldapp.tabular.ledger_import import import_ledger
from tests.tabular.dated_family import (
    CHINA,
    HEAD,
    LEDGER_PHONE,
    SHEET_PHONE,
    WIFE,
    _csv_ahead,
    _edit_cells,
    _exported,
    _family,
    _nothing_overwritten,
    _phone,
)


def _dated(book: openpyxl.Workbook, moment: dt.datetime) -> None:
    book.custom_doc_props = CustomPropertyList()
    book.custom_doc_props.append(
        StringProperty(name=EXPORTED_AT, value=moment.isoformat(timespec="milliseconds"))
    )


TOMORROW = dt.timedelta(days=1)


@pytest.mark.parametrize(
    "claim",
    [
        pytest.param(lambda: dt.datetime(2030, 1, 1, 0, 0, tzinfo=dt.UTC), id="2030"),
        pytest.param(lambda: dt.datetime.now(dt.UTC) + TOMORROW, id="tomorrow"),
        pytest.param(lambda: dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10), id="10min"),
    ],
)
def test_a_workbook_whose_property_says_a_later_time_overwrites_nothing(ledger, tmp_path, claim):
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    moment = claim()
    _dated(book, moment)
    book.save(out)

    report = import_ledger(ledger, out, update=True)
    _nothing_overwritten(ledger, report)
    assert report.date_not_believed == "ahead"
    assert report.date_claimed_where == "文件属性“台账导出时间”"
    said = report.date_refused_said()
    china = moment + CHINA
    assert said.startswith(
        f"表格的日期（文件属性“台账导出时间”）为 {china.year}年{china.month}月{china.day}日 "
        f"{china:%H:%M}，晚于本次导入的时间 "
    ), said
    assert "不可信：本次按没有日期的表格更新" in said and "保留台账现有的值" in said
    assert report.as_json()["sheet_date_not_believed"]["claimed"] == f"{china:%Y-%m-%d %H:%M}"
    # The user may still decide a conflict for the sheet: then, and only then, it is written.
    [wife] = [c for c in report.conflicts if c.as_dict()["sheet_value"] == SHEET_PHONE]
    decided = import_ledger(ledger, out, update=True, take_sheet={wife.change.key})
    assert _phone(ledger, WIFE) == SHEET_PHONE and _phone(ledger, HEAD) == LEDGER_PHONE
    assert len(decided.conflicts) == 1


def test_an_honest_workbook_is_dated_by_its_property_as_before(ledger, tmp_path):
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    book.save(out)
    report = import_ledger(ledger, out, update=True)
    assert report.sheet_date_source == EXACT and report.date_not_believed == ""
    assert report.date_refused_said() == "" and report.as_json()["sheet_date_not_believed"] is None
    [conflict] = report.conflicts
    assert conflict.as_dict()["ledger"] == LEDGER_PHONE
    assert _phone(ledger, HEAD) == LEDGER_PHONE and _phone(ledger, WIFE) == SHEET_PHONE


@pytest.mark.parametrize("day_only", [False, True], ids=["time", "day"])
def test_a_title_row_dated_ahead_overwrites_nothing(ledger, tmp_path, day_only):
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    book.custom_doc_props = CustomPropertyList()  # the property gone, the title row kept
    tomorrow = dt.datetime.now(dt.UTC) + CHINA + TOMORROW
    said_time = f"{tomorrow:%Y-%m-%d}" if day_only else f"{tomorrow:%Y-%m-%d %H:%M:%S}"
    # Every sheet's title (the earliest title date dates the workbook: one sheet's alone
    # set ahead is passed over for the others', the export's own).
    for sheet in book.worksheets:
        title = str(sheet["A1"].value or "")
        if "导出时间：" in title:
            sheet["A1"].value = title.split("导出时间：")[0] + f"导出时间：{said_time}"
    book.save(out)

    report = import_ledger(ledger, out, update=True)
    _nothing_overwritten(ledger, report)
    assert (report.date_not_believed, report.date_claimed_where) == ("ahead", "标题行")
    day = f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日"
    shown = day if day_only else f"{day} {tomorrow:%H:%M}"
    assert report.date_refused_said().startswith(f"表格的日期（标题行）为 {shown}，晚于"), (
        report.date_refused_said()
    )


def test_a_title_row_of_today_without_a_time_is_believed(ledger, tmp_path):
    """截至 today (its start, 00:00 China time) is no claim ahead — a clerk's sheet."""
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    book.custom_doc_props = CustomPropertyList()
    today = dt.datetime.now(dt.UTC) + CHINA
    book["劳动力台账"]["A1"].value = f"劳动力台账  截至{today.year}年{today.month}月{today.day}日"
    book.save(out)
    report = import_ledger(ledger, out, update=True, dry_run=True)
    assert report.date_not_believed == "" and report.sheet_date_source.startswith("表中的“截至")


def test_a_csv_title_line_dated_ahead_overwrites_nothing(ledger, tmp_path):
    _family(ledger, tmp_path)
    out = _csv_ahead(ledger, tmp_path)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    head, stamp = lines[0].split("导出时间：", 1)
    lines[0] = head + "导出时间：2030-01-01 08:00:00" + stamp[19:]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")

    report = import_ledger(ledger, out, update=True)
    _nothing_overwritten(ledger, report)
    assert report.date_refused_said().startswith(
        "表格的日期（标题行）为 2030年1月1日 08:00，晚于本次导入的时间"
    )


def test_a_file_time_set_ahead_overwrites_nothing(ledger, tmp_path):
    """A csv without its title line is undated (its file time dates nothing, see
    `test_sheet_own_date`): set ahead (os.utime), it passes neither as the file's time nor
    through this device's export log, and no date is said for it."""
    _family(ledger, tmp_path)
    out = _csv_ahead(ledger, tmp_path)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    for name in ("台账.csv", "别的表.csv"):  # exported by this device under that name, or not
        sheet = tmp_path / "ahead" / name
        sheet.parent.mkdir(exist_ok=True)
        sheet.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8-sig")
        ahead = dt.datetime(2030, 1, 1, tzinfo=dt.UTC).timestamp()
        os.utime(sheet, (ahead, ahead))
        report = import_ledger(ledger, sheet, update=True, dry_run=True)
        assert (report.date_not_believed, report.date_claimed) == ("undated", "")
        assert "2030" not in report.date_refused_said()
        _nothing_overwritten(ledger, report)
    report = import_ledger(ledger, tmp_path / "ahead" / "别的表.csv", update=True)
    _nothing_overwritten(ledger, report)


@pytest.mark.parametrize(
    "title", ["导出时间：1900-01-01 00:00:00", "截至1900年1月1日", "导出时间：0001-01-01 00:00"]
)
def test_an_absurd_date_is_not_believed_and_said(ledger, tmp_path, title):
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    book.custom_doc_props = CustomPropertyList()
    book["劳动力台账"]["A1"].value = f"劳动力台账  {title}"
    book.save(out)
    report = import_ledger(ledger, out, update=True)
    _nothing_overwritten(ledger, report)
    if title.startswith("导出时间：0001"):  # no moment before year 1: no date a calendar has,
        # said so — not passed over for the next sheet's title row, as it was
        assert report.date_not_believed == "unreadable"
        return
    assert report.date_not_believed == "absurd"
    assert report.date_refused_said().startswith("表格的日期（标题行）为 1900年1月1日")
    assert "早于2000年，不可信" in report.date_refused_said()


def test_a_property_before_year_one_in_utc_is_no_date():
    assert dates._parse("0001-01-01T00:00:00+14:00") is None
    assert dates._parse("2030-01-01T08:00:00+08:00") == dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def test_what_is_not_believed():
    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)  # 20:00 in China
    slack = dt.timedelta(minutes=5)
    title = "表中的“导出时间：2026-12-05 20:04:00”"
    assert dates.not_believed(now + dt.timedelta(minutes=4), title, now, slack) == ""
    assert dates.not_believed(now + dt.timedelta(minutes=6), title, now, slack) == "ahead"
    assert dates.not_believed(now + dt.timedelta(minutes=6), EXACT, now, slack) == "ahead"
    day = "表中的“截至2026年12月5日”"
    start_of_today = dt.datetime(2026, 12, 4, 16, 0, tzinfo=dt.UTC)  # its 00:00 in China
    assert dates.not_believed(start_of_today, day, now, slack) == ""
    assert dates.not_believed(start_of_today + TOMORROW, day, now, slack) == "ahead"
    # Long before the ledger: every edit since is a conflict, as undated — believed.
    old = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
    assert dates.not_believed(old, EXACT, now, slack) == ""
    assert dates.not_believed(dates.EARLIEST - dt.timedelta(seconds=1), EXACT, now, slack) == (
        "absurd"
    )


def test_the_command_line_says_the_date_it_did_not_believe(tmp_path, capsys):
    db = tmp_path / "l.db"
    ledger = Ledger.open(db, author="测试员")
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    _dated(book, dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    book.save(out)
    ledger.close()
    capsys.readouterr()
    assert main(["--db", str(db), "import", "--update", str(out)]) == 1  # conflicts to decide
    printed = capsys.readouterr().out
    assert (
        "表格的日期（文件属性“台账导出时间”）为 2030年1月1日 08:00，晚于本次导入的时间" in printed
    )
    assert "表格日期：" not in printed
    ledger = Ledger.open(db, author="测试员")
    assert _phone(ledger, HEAD) == LEDGER_PHONE and _phone(ledger, WIFE) == "13800000002"
    ledger.close()
