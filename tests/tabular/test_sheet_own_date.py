"""How far a sheet's own date is believed: what dates a workbook or csv, and what does not.

An update treats every ledger edit made before the sheet's date as older than the sheet, so a
date later than the real export lets the sheet overwrite those edits without a conflict. What
may date a sheet is what says when it was exported: the export's 台账导出时间 property, a title
row's 导出时间 / 截至 / 制表日期 … (a day alone: the start of that day), or this device's export log
for a file of that name. Not the file's own modification time (when it was saved after editing),
not a data row's cell (出生日期 1975-…), and an unreadable title date leaves the sheet undated
rather than falling through to another sheet's title. Undated, every cell the sheet would change
is a conflict, kept as the ledger has it, and the report says why.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.packaging.custom import CustomPropertyList

from fieldapp.store import users as store_users
from fieldapp.store.queries import tabular as store
from fieldapp.tabular import dates
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.tabular.dated_family import (
    CHINA,
    HEAD,
    HEADERS,
    LEDGER_PHONE,
    PLACE,
    SHEET_PHONE,
    SON,
    STALE_PHONE,
    WIFE,
    _csv_ahead,
    _edit_cells,
    _exported,
    _family,
    _nothing_overwritten,
    _phone,
)
from tests.tabular.sheets import write_csv, write_xlsx

UNDATED = "表格中没有它的导出时间"


def _untitled_csv(ledger, tmp_path: Path, name: str) -> Path:
    """The family's csv export, its title line deleted (the village's stale and new phones in
    it), saved under `name` after 张长英's phone was edited in the ledger."""
    out = _csv_ahead(ledger, tmp_path)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    sheet = tmp_path / "village" / name
    sheet.parent.mkdir(exist_ok=True)
    sheet.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8-sig")
    return sheet


def test_a_csv_with_no_date_of_its_own_is_undated_not_dated_by_its_file_time(ledger, tmp_path):
    """Its file time is when it was saved after editing, later than the real export: the
    coordinator's edit made meanwhile passed for older and was overwritten silently."""
    _family(ledger, tmp_path)
    sheet = _untitled_csv(ledger, tmp_path, "别的表.csv")
    preview = import_ledger(ledger, sheet, update=True, dry_run=True)
    _nothing_overwritten(ledger, preview)
    assert preview.date_not_believed == "undated" and preview.date_claimed == ""
    said = preview.date_refused_said()
    assert said.startswith(UNDATED) and "本次按没有日期的表格更新" in said, said
    # It says what the clerk can do now: decide in the list, several at once.
    assert said.endswith(
        "请在冲突列表中核对：可逐处决定，也可选中多处一并改用表格中的值或保留台账的值"
    )
    assert "逐一核对" not in said
    assert preview.as_json()["sheet_date_not_believed"]["why"] == "undated"
    report = import_ledger(ledger, sheet, update=True)
    _nothing_overwritten(ledger, report)
    # A file time set ahead is no claim at all now: the same, and no date said for it.
    ahead = dt.datetime(2030, 1, 1, tzinfo=dt.UTC).timestamp()
    os.utime(sheet, (ahead, ahead))
    report = import_ledger(ledger, sheet, update=True)
    _nothing_overwritten(ledger, report)
    assert report.date_not_believed == "undated" and "2030" not in report.date_refused_said()


def test_a_plain_import_of_an_undated_csv_says_nothing_of_dates(ledger, tmp_path):
    _family(ledger, tmp_path)
    sheet = _untitled_csv(ledger, tmp_path, "别的表.csv")
    assert import_ledger(ledger, sheet, dry_run=True).date_not_believed == ""


def test_the_export_log_dates_only_a_ledger_export_of_that_name(ledger, tmp_path):
    """A 一库五册 (or any other kind of) export logged under the file's name is not what the
    sheet was taken from; a 台账 export logged before the file was saved is."""
    _family(ledger, tmp_path)
    sheet = _untitled_csv(ledger, tmp_path, "台账.csv")
    store_users.log_export(ledger, "一库五册", "台账.csv", "0" * 64, 2, 2)
    time.sleep(1.1)  # the log keeps the second; the file is saved after it
    sheet.write_bytes(sheet.read_bytes())
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    _nothing_overwritten(ledger, report)
    store_users.log_export(ledger, "台账", "台账.csv", "0" * 64, 2, 2)
    time.sleep(1.1)
    sheet.write_bytes(sheet.read_bytes())
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert report.sheet_date_source == "本机导出这个文件的时间（导出记录）"
    assert report.sheet_date_kind is dates.DatedBy.EXPORT_LOG
    assert report.date_not_believed == ""


def test_a_logged_export_earlier_than_the_files_own_export_time_is_not_it(ledger, tmp_path):
    """The workbook's own 台账导出时间 must not be later than the logged export matched to it:
    an earlier export of the same name is another file."""
    store_users.log_export(ledger, "台账", "台账.xlsx", "0" * 64, 1, 1)
    logged = store.exported_before(
        ledger.db, "台账.xlsx", ledger.device_id, dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
    )
    assert logged is not None
    later = logged + dt.timedelta(seconds=2)
    assert (
        store.exported_before(
            ledger.db, "台账.xlsx", ledger.device_id, later + dt.timedelta(days=1), not_before=later
        )
        is None
    )
    assert (
        store.exported_before(ledger.db, "台账.xlsx", ledger.device_id, later, not_before=logged)
        == logged
    )
    # Only a ledger export: another kind logged under the name is not found.
    store_users.log_export(ledger, "户级责任", "责任.xlsx", "0" * 64, 1, 1)
    assert store.exported_before(ledger.db, "责任.xlsx", ledger.device_id, later) is None


def test_a_title_day_alone_is_the_start_of_that_day(ledger, tmp_path):
    """截至 today: read as today's 00:00 (China): the coordinator's edit made later today, before
    the import, is newer than the sheet — a conflict kept — not overwritten by its stale cell."""
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    book.custom_doc_props = CustomPropertyList()
    today = (dt.datetime.now(dt.UTC) + CHINA).date()
    book["劳动力台账"]["A1"].value = f"劳动力台账  截至{today.year}年{today.month}月{today.day}日"
    book.save(out)
    report = import_ledger(ledger, out, update=True)
    assert report.date_not_believed == ""
    assert report.sheet_date == f"{today:%Y-%m-%d} 00:00"
    assert report.sheet_date_kind is dates.DatedBy.TITLE
    assert (LEDGER_PHONE, STALE_PHONE) in {
        (c.as_dict()["ledger"], c.as_dict()["sheet_value"]) for c in report.conflicts
    }
    assert _phone(ledger, HEAD) == LEDGER_PHONE


def _own_sheet(tmp_path: Path, note: str) -> Path:
    """A village's own sheet (no title row) whose first person's 备注 says a date."""
    return write_xlsx(
        tmp_path / "own.xlsx",
        ["姓名", "身份证号码", "备注", *HEADERS[2:], "县（市、区）", "乡镇（街道）", "村（社区）"],
        [
            ["张长英", HEAD, note, HEAD, "户主", "13800000001", "普通劳动力", *PLACE],
            ["李秀", WIFE, "", HEAD, "配偶", SHEET_PHONE, "普通劳动力", *PLACE],
        ],
    )


@pytest.mark.parametrize(
    "note", ["出生日期 1975-03-16", "登记日期：2025-03-01", "截至2024年1月1日"]
)
def test_a_data_rows_cell_does_not_date_the_sheet(ledger, tmp_path, note):
    _family(ledger, tmp_path)
    report = import_ledger(ledger, _own_sheet(tmp_path, note), update=True, dry_run=True)
    # Nor its creation time (openpyxl's, now): undated, as the export log does not know it.
    assert report.date_not_believed == "undated", report.date_refused_said()
    assert report.sheet_date_source == "" and report.sheet_date_kind is None


def test_a_workbooks_creation_time_does_not_date_it(ledger, tmp_path):
    """A workbook made after the coordinator's edit (the village copied old figures into a new
    file) has a creation time later than the edit: dated by it, the stale cell overwrote the
    edit silently. Undated unless this device's export log knows the file, as a file time."""
    _family(ledger, tmp_path)
    with ledger.transaction():
        head = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [HEAD]).fetchone()
        ledger.update("persons", head[0], {"phone": LEDGER_PHONE})
    time.sleep(0.01)
    sheet = write_xlsx(
        tmp_path / "own.xlsx",
        [*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"],
        [
            ["张长英", HEAD, HEAD, "户主", STALE_PHONE, "普通劳动力", *PLACE],
            ["李秀", WIFE, HEAD, "配偶", SHEET_PHONE, "普通劳动力", *PLACE],
        ],
    )
    book = openpyxl.load_workbook(sheet)
    assert book.properties.created is not None  # it has one, later than the edit
    report = import_ledger(ledger, sheet, update=True)
    _nothing_overwritten(ledger, report)
    assert report.date_not_believed == "undated"
    # Logged as this device's ledger export before the file's save: dated by the log.
    store_users.log_export(ledger, store.LEDGER_EXPORT, "own.xlsx", "0" * 64, 2, 2)
    time.sleep(1.1)
    sheet.write_bytes(sheet.read_bytes())
    report = import_ledger(ledger, sheet, update=True, dry_run=True)
    assert report.sheet_date_kind is dates.DatedBy.EXPORT_LOG


def test_the_earliest_title_date_of_the_workbook_dates_it(ledger, tmp_path):
    """Sheets dated differently (劳动力台账 截至 12月1日, 就业经历 截至 11月1日): the workbook's
    figures are as old as its oldest sheet's, so the earliest dates it, whichever sheet is
    first (the first found was the one: a later date let an older sheet's cells overwrite)."""
    _family(ledger, tmp_path)
    book = openpyxl.Workbook()
    people = book.active
    people.title = "劳动力台账"
    people.append(["大坝村劳动力台账  截至2026年12月1日"])
    people.append([*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"])
    people.append(["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE])
    other = book.create_sheet("说明")
    other.append(["制表日期：2026年11月1日"])
    other.append(["姓名", "身份证号码"])
    book.save(tmp_path / "two.xlsx")
    report = import_ledger(ledger, tmp_path / "two.xlsx", update=True, dry_run=True)
    assert report.sheet_date == "2026-11-01 00:00", report.sheet_date
    assert report.sheet_date_source == "表中的“制表日期：2026年11月1日”"


def test_an_undated_sheet_adding_only_new_persons_says_nothing_of_dates(ledger, tmp_path):
    """Undated matters only where a ledger cell is compared: a sheet of new persons alone,
    imported with --update, is not told it was read as undated."""
    _family(ledger, tmp_path)
    sheet = write_csv(
        tmp_path / "new.csv",
        [*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"],
        [["张小军", SON, SON, "户主", "13800000003", "普通劳动力", *PLACE]],
        "utf-8-sig",
    )
    report = import_ledger(ledger, sheet, update=True)
    assert report.persons_imported == 1
    assert report.date_not_believed == "" and report.date_refused_said() == ""
    # With an existing person in it, it is said.
    sheet = write_csv(
        tmp_path / "both.csv",
        [*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"],
        [["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE]],
        "utf-8-sig",
    )
    assert import_ledger(ledger, sheet, update=True, dry_run=True).date_not_believed == "undated"


def test_a_date_named_anywhere_in_the_title_row_dates_the_sheet(ledger, tmp_path):
    """制表日期 at the right of a wide title row (column L), as clerks' forms put it."""
    _family(ledger, tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["大坝村劳动力台账", *[""] * 10, "制表日期：2026年11月30日"])
    sheet.append([*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"])
    sheet.append(["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE])
    book.save(tmp_path / "form.xlsx")
    report = import_ledger(ledger, tmp_path / "form.xlsx", update=True, dry_run=True)
    assert report.sheet_date == "2026-11-30 00:00"
    assert report.sheet_date_source == "表中的“制表日期：2026年11月30日”"


@pytest.mark.parametrize("title", ["导出时间：0001-01-01 00:00", "截至2026年2月30日"])
def test_an_unreadable_title_date_leaves_the_sheet_undated_and_is_said(ledger, tmp_path, title):
    """Not passed over for the title row of the workbook's next sheet (就业经历's, the export's
    own, to the second): the sheet the clerk dated is undated, and the report says why."""
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    book.custom_doc_props = CustomPropertyList()
    book["劳动力台账"]["A1"].value = f"劳动力台账  {title}"
    book.save(out)
    report = import_ledger(ledger, out, update=True)
    _nothing_overwritten(ledger, report)
    assert (report.date_not_believed, report.date_claimed_where) == ("unreadable", "标题行")
    assert report.date_refused_said().startswith(f"表格的日期（标题行）“{title}”不是有效的日期")


def test_the_kind_of_date_decides_the_missing_members_note_and_the_texts_are_as_before(
    ledger, tmp_path
):
    """`_say_missing` asks the date's kind (an export's: its property, or its title row's or
    csv title line's 导出时间, or the export log), not the Chinese text's first words."""
    _family(ledger, tmp_path)
    son = ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力", *PLACE]
    base = write_xlsx(
        tmp_path / "son.xlsx", [*HEADERS, "县（市、区）", "乡镇（街道）", "村（社区）"], [son]
    )
    import_ledger(ledger, base)
    out = tmp_path / "台账.csv"
    export_ledger(ledger, out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    kept = [line for line in lines if SON not in line]
    out.write_text("\n".join(kept) + "\n", encoding="utf-8-sig")
    report = import_ledger(ledger, out, update=True, dry_run=True)
    assert report.sheet_date_kind is dates.DatedBy.EXPORT_TITLE
    assert report.sheet_date_source.startswith("表中的“导出时间：")  # the text as before
    assert any(w.reason.startswith("台账中有 1 人不在表中：张小军") for w in report.warnings)
    # The same rows under a 截至 title (a village's own sheet): nothing said of him.
    kept[0] = "大坝村劳动力台账  截至2026年12月1日"
    out.write_text("\n".join(kept) + "\n", encoding="utf-8-sig")
    report = import_ledger(ledger, out, update=True, dry_run=True)
    assert report.sheet_date_kind is dates.DatedBy.TITLE
    assert report.sheet_date_source == "表中的“截至2026年12月1日”"
    assert not any("不在表中" in w.reason for w in report.warnings)


def test_each_kind_says_the_words_it_said_before():
    assert dates.DatedBy.PROPERTY.said == dates.EXACT == "导出时记录的时间"
    assert dates.DatedBy.EXPORT_LOG.said == "本机导出这个文件的时间（导出记录）"
    assert dates.where_claimed(dates.DatedBy.PROPERTY) == "文件属性“台账导出时间”"
    assert dates.where_claimed(dates.DatedBy.EXPORT_TITLE) == "标题行"
    assert dates.where_claimed(dates.DatedBy.TITLE) == "标题行"
