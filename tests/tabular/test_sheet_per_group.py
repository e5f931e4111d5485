"""A village's ledger kept one sheet per 村民组 (一组, 二组 …) with no 村民组 column: every
household went into the village itself, the group the sheet's name gave dropped without a word.
The group is taken from the sheet's name, and said once per sheet."""

from __future__ import annotations

import json

import openpyxl

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
OTHER = make_id("520502", "19680808", "171")
LONE = make_id("520502", "19700101", "182")


def _groups(ledger) -> dict[str, str]:
    """Each person's ID number → the name of the area his household is in."""
    rows = ledger.db.execute(
        "SELECT p.id_number, a.name FROM persons p JOIN households h ON h.id = p.household_id"
        " JOIN areas a ON a.code = h.area_code"
    ).fetchall()
    return dict(rows)


def test_a_sheet_per_group_without_a_group_column_puts_its_people_in_that_group(ledger, tmp_path):
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    second = book.create_sheet("第二组")
    odd = book.create_sheet("新增人员")
    for sheet in (first, second, odd):
        sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    first.append(["张长英", HEAD, HEAD, *PLACE.values()])
    first.append(["李秀", WIFE, HEAD, *PLACE.values()])
    second.append(["王五", OTHER, OTHER, *PLACE.values()])
    odd.append(["赵六", LONE, LONE, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 4
    assert _groups(ledger) == {HEAD: "一组", WIFE: "一组", OTHER: "第二组", LONE: "大坝村"}
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "村民组" in w.reason]
    assert said == [
        ("一组", 1, "这张表没有“村民组”列，表中的人按工作表名称记在“一组”，请核对"),
        ("第二组", 1, "这张表没有“村民组”列，表中的人按工作表名称记在“第二组”，请核对"),
    ]


def test_a_group_column_wins_over_the_sheets_name(ledger, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "三组"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and _groups(ledger) == {HEAD: "三组"}
    assert not [w for w in report.warnings if "工作表名称" in w.reason]


def test_a_blank_group_cell_on_a_sheet_named_for_a_group_takes_the_sheets_group(ledger, tmp_path):
    """On a sheet named 一组 that has a 村民组 column, the column wins; a household whose cell
    was left blank went into the village itself without a word. On the 一组 sheet a blank cell
    means 一组 (as on a sheet without the column): it is put there, and its rows said on the
    header (a household's own rows: a member's is in its head's household, 李秀 in 三组)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "三组"])
    sheet.append(["李秀", WIFE, HEAD, *PLACE.values(), ""])  # her head's row says 三组
    sheet.append(["王五", OTHER, OTHER, *PLACE.values(), ""])
    sheet.append(["赵六", LONE, LONE, *PLACE.values(), None])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 4
    assert _groups(ledger) == {HEAD: "三组", WIFE: "三组", OTHER: "一组", LONE: "一组"}
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "村民组" in w.reason]
    assert said == [
        (
            "一组",
            1,
            "有 2 行的“村民组”一格空白（第 4–5 行），按工作表名称记在“一组”，请核对",
        )
    ]


def test_an_update_from_a_group_sheet_of_a_household_held_in_the_village_keeps_its_address(
    ledger, tmp_path
):
    """The group a sheet's name gives is where a new household is put; a household the ledger
    already holds in the village was said to be at another place than the sheet's (“表中是
    碧阳街道 大坝村 一组”, no cell of the sheet saying 一组), and its 详细地址 left out unoffered."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "详细地址"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "老寨"])
    book.save(tmp_path / "a.xlsx")
    import_ledger(ledger, tmp_path / "a.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "详细地址"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "新寨12号"])
    sheet.append(["王五", OTHER, OTHER, *PLACE.values(), "新寨3号"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx", update=True)
    assert report.rejected == [] and report.imported == 1
    assert not [w for w in report.warnings if "区划与台账不同" in w.reason], report.warnings
    conflicts = [c.as_dict() for c in report.conflicts]
    # The sheet, undated, is older than every edit: its move into 一组 (as its 地址) is a
    # conflict, shown in the sheet's words and kept as the ledger has it until decided.
    assert [(c["column"], c["ledger"], c["sheet_value"]) for c in conflicts] == [
        ("户：地址", "老寨", "新寨12号"),
        ("户：所在区域", "七星关区 碧阳街道 大坝村", "七星关区 碧阳街道 大坝村 一组"),
    ]
    assert _groups(ledger) == {HEAD: "大坝村", OTHER: "一组"}


def test_a_group_sheet_whose_rows_name_no_village_is_not_said_to_put_them_in_the_group(
    ledger, tmp_path
):
    """A sheet named 一组 whose rows name no village (no address columns, or a township's
    code) puts no one in 一组: its header was told they were (记在“一组”), they being nowhere
    of the kind."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码"])
    sheet.append(["张长英", HEAD, HEAD])
    township = book.create_sheet("二组")
    township.append(["姓名", "身份证号码", "户主身份证号码", "区划代码"])
    township.append(["王五", OTHER, OTHER, "520502001"])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 2
    assert not [w for w in report.warnings if "工作表名称" in w.reason], report.warnings


STRAY = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "红岩村"}
THIRD = make_id("520502", "19800202", "193")


def _villages(ledger) -> dict[str, tuple[str, str]]:
    """Each person's ID number → (the name of his household's area, of its parent)."""
    rows = ledger.db.execute(
        "SELECT p.id_number, a.name, b.name FROM persons p"
        " JOIN households h ON h.id = p.household_id JOIN areas a ON a.code = h.area_code"
        " JOIN areas b ON b.code = a.parent_code"
    ).fetchall()
    return {number: (name, parent) for number, name, parent in rows}


def test_a_row_of_another_village_on_a_group_sheet_is_not_put_in_that_villages_group(
    ledger, tmp_path
):
    """The 一组 sheet of 大坝村 holds a stray household of 红岩村: it was put in 红岩村's 一组
    (made for it), the sheet's group taken for a village the sheet is not about. A sheet's
    group is its village's (the one most of its rows name): the stray household keeps its own
    place — its group cell, or the village itself — and its row says so."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "一组"
    first.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    first.append(["张长英", HEAD, HEAD, *PLACE.values()])
    first.append(["李秀", WIFE, HEAD, *PLACE.values()])
    first.append(["王五", OTHER, OTHER, *STRAY.values()])
    first.append(["赵六", LONE, LONE, *PLACE.values()])
    second = book.create_sheet("二组")  # with a 村民组 column, the stray's cell blank
    second.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    second.append(["钱七", THIRD, THIRD, *STRAY.values(), ""])
    for name, number in (("孙八", "214"), ("周九", "225")):
        sheet_row = [name, make_id("520502", "19810303", number), "", *PLACE.values(), ""]
        second.append(sheet_row)  # (no 户主身份证号码: each a household of its own)
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.imported == 7, report.rejected
    places = _villages(ledger)
    assert places[HEAD] == ("一组", "大坝村") and places[LONE] == ("一组", "大坝村")
    assert places[OTHER] == ("红岩村", "碧阳街道")
    assert places[THIRD] == ("红岩村", "碧阳街道")
    said = [(w.sheet, w.row, w.reason) for w in report.warnings if "工作表名称" in w.reason]
    stray = (
        "这一行的村是“碧阳街道 红岩村”，不是这张表其他行的“碧阳街道 大坝村”：工作表名称“%1”"
        "说的是那个村的村民组，这一户没有记在“%1”，记在“碧阳街道 红岩村”，请核对"
    )
    assert said == [
        ("一组", 1, "这张表没有“村民组”列，表中的人按工作表名称记在“一组”，请核对"),
        ("一组", 4, stray.replace("%1", "一组")),
        ("二组", 1, "有 2 行的“村民组”一格空白（第 3–4 行），按工作表名称记在“二组”，请核对"),
        ("二组", 2, stray.replace("%1", "二组")),
    ]


def test_an_update_from_a_group_sheet_moves_a_household_held_in_the_village_into_the_group(
    ledger, tmp_path
):
    """按月更新 from the 一组 sheet (村民组 column, its cells blank): the note counted a household
    the ledger holds in 大坝村 itself as put in 一组, and it stayed in 大坝村. It is moved there,
    a change the preview lists (所在区域 大坝村 → 大坝村 一组) and the import logs; a household
    the ledger holds in another group (三组) is not moved, not counted, and its row says so."""
    from tests.tabular.sheets import dated

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), ""])
    sheet.append(["李秀", WIFE, HEAD, *PLACE.values(), ""])
    sheet.append(["王五", OTHER, OTHER, *PLACE.values(), "三组"])
    book.save(tmp_path / "a.xlsx")
    assert import_ledger(ledger, tmp_path / "a.xlsx").imported == 3
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), ""])
    sheet.append(["李秀", WIFE, HEAD, *PLACE.values(), ""])
    sheet.append(["王五", OTHER, OTHER, *PLACE.values(), ""])
    sheet.append(["赵六", LONE, LONE, *PLACE.values(), ""])
    book.save(tmp_path / "s.xlsx")
    path = dated(tmp_path / "s.xlsx")
    for dry_run in (True, False):
        report = import_ledger(ledger, path, update=True, dry_run=dry_run)
        assert report.rejected == [] and report.conflicts == [], report.conflicts
        shown = {p.id_number: p.as_dict()["changes"] for p in report.changes}
        assert [(c["column"], c["from"], c["to"]) for c in shown[HEAD]] == [
            ("户：所在区域", "七星关区 碧阳街道 大坝村", "七星关区 碧阳街道 大坝村 一组")
        ]
        assert OTHER not in shown and WIFE not in shown
        said = [(w.row, w.reason) for w in report.warnings if "一组" in w.reason]
        assert said == [
            (1, "有 2 行的“村民组”一格空白（第 2、5 行），按工作表名称记在“一组”，请核对"),
            (
                4,
                "台账中这户在“三组”，没有按工作表名称改记到“一组”：表格导入不改变一户所在的村民组，"
                "要改请在程序中打开这户，改“所在区域”",
            ),
        ]
    assert _groups(ledger) == {HEAD: "一组", WIFE: "一组", OTHER: "三组", LONE: "一组"}
    (household,) = ledger.db.execute(
        "SELECT household_id FROM persons WHERE id_number = ?", [HEAD]
    ).fetchone()
    logged = ledger.db.execute(
        "SELECT data FROM changes WHERE tbl = 'households' AND row_id = ? ORDER BY hlc", [household]
    ).fetchall()
    assert len(logged) == 2 and list(json.loads(logged[-1][0])) == ["area_code"]


def test_a_group_sheet_longer_than_the_first_chunk_puts_every_row_in_its_group(ledger, tmp_path):
    """The 一组 sheet of a village the ledger did not hold yet, of more rows than the import
    places at once (1 000 first): its village was told by the rows as written (碧阳/大坝),
    then, once the first rows had made 大坝村, by its code — every row after them taken for
    another village (这一行的村是“碧阳街道 大坝村”，不是这张表其他行的“碧阳街道 大坝村”) and left
    out of 一组. The sheet's rows are told apart before any of them is placed."""
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    for i in range(1100):
        day = (dt.date(1960, 1, 1) + dt.timedelta(days=7 * i)).strftime("%Y%m%d")
        number = make_id("520502", day, "131")
        sheet.append(["张长英", number, number, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 1100
    assert set(_groups(ledger).values()) == {"一组"}
    assert not [w for w in report.warnings if "不是这张表其他行" in w.reason]


def test_an_update_from_a_group_sheet_putting_no_one_in_its_group_does_not_say_it_does(
    ledger, tmp_path
):
    """按月更新 from the 一组 sheet (no 村民组 column) of a household the ledger holds in 三组:
    it is not moved, its row says so (GROUP_HELD), but the sheet's header still said 表中的人按
    工作表名称记在“一组” — no one was. The header says it where a row was put there, as the
    blank 村民组 cells' note counts only those."""
    from tests.tabular.sheets import dated

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["王五", OTHER, OTHER, *PLACE.values(), "三组"])
    book.save(tmp_path / "a.xlsx")
    assert import_ledger(ledger, tmp_path / "a.xlsx").imported == 1
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "一组"
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
    sheet.append(["王五", OTHER, OTHER, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, dated(tmp_path / "s.xlsx"), update=True)
    said = [(w.row, w.reason) for w in report.warnings if "一组" in w.reason]
    assert said == [
        (
            2,
            "台账中这户在“三组”，没有按工作表名称改记到“一组”：表格导入不改变一户所在的村民组，"
            "要改请在程序中打开这户，改“所在区域”",
        )
    ], said
    assert _groups(ledger) == {OTHER: "三组"}
    # A household put there still says it, once, on the header.
    sheet.append(["赵六", LONE, LONE, *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, dated(tmp_path / "s.xlsx"), update=True)
    said = [(w.row, w.reason) for w in report.warnings if "工作表名称记在" in w.reason]
    assert said == [(1, "这张表没有“村民组”列，表中的人按工作表名称记在“一组”，请核对")], said
    assert _groups(ledger) == {OTHER: "三组", LONE: "一组"}


def test_a_group_sheet_numbering_its_group_otherwise_is_the_group_the_ledger_holds(
    ledger, tmp_path
):
    """The ledger holds 大坝村's 一组 (its 村民组 column said so); the village's sheets are named
    1组 and 第一组. 按月更新 said of each household held there 台账中这户在“一组”，没有按工作表
    名称改记到“1组”, and a new household of the sheet was put in a new group 1组 beside 一组:
    one group written two ways taken for two. 一组, 第一组, 1组, 01组, 一村民组 are one group."""
    from tests.tabular.sheets import dated

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE, "村民组"])
    sheet.append(["张长英", HEAD, HEAD, *PLACE.values(), "一组"])
    book.save(tmp_path / "a.xlsx")
    assert import_ledger(ledger, tmp_path / "a.xlsx").imported == 1
    for title, number in (("1组", OTHER), ("第一组", LONE)):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = title
        sheet.append(["姓名", "身份证号码", "户主身份证号码", *PLACE])
        sheet.append(["张长英", HEAD, HEAD, *PLACE.values()])
        sheet.append(["王五", number, number, *PLACE.values()])
        book.save(tmp_path / "s.xlsx")
        report = import_ledger(ledger, dated(tmp_path / "s.xlsx"), update=True)
        assert report.rejected == [] and report.imported == 1
        assert not [w for w in report.warnings if "没有按工作表名称" in w.reason], report.warnings
    assert _groups(ledger) == {HEAD: "一组", OTHER: "一组", LONE: "一组"}
    groups = ledger.db.execute("SELECT name FROM areas WHERE kind = '组'").fetchall()
    assert groups == [("一组",)]
