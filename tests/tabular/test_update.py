"""Updating people already in the ledger from a sheet: only changed cells, logged, with conflicts."""

from __future__ import annotations

import datetime as dt
import json
import time

import openpyxl
import pytest
from openpyxl.packaging.custom import CustomPropertyList

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.dates import EXACT, EXPORTED_AT
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import dated, write_xlsx

HEADERS = ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "联系电话", "劳动能力"]
PLACE = ["县（市、区）", "乡镇（街道）", "村（社区）"]
PLACE_VALUES = ["七星关区", "碧阳街道", "大坝村"]
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")


def _base(path):
    rows = [
        ["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力"],
        ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力"],
        ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力"],
    ]
    place = ["七星关区", "碧阳街道", "大坝村"]
    return write_xlsx(path, HEADERS + PLACE, [r + place for r in rows])


def _changes(ledger: Ledger) -> list[tuple[str, dict]]:
    rows = ledger.db.execute("SELECT tbl, data FROM changes ORDER BY hlc").fetchall()
    return [(t, json.loads(d)) for t, d in rows]


def _person(ledger: Ledger, number: str) -> dict:
    cursor = ledger.db.execute("SELECT * FROM persons WHERE id_number = ?", [number])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def test_update_changes_exactly_the_changed_cells_as_logged_edits(ledger, tmp_path):
    assert import_ledger(ledger, _base(tmp_path / "base.xlsx")).persons_imported == 3
    before = len(_changes(ledger))
    sheet = write_xlsx(
        tmp_path / "update.xlsx",
        ["姓名", "身份证号码", "联系电话", "劳动能力", "本月就业状态"],
        [
            ["张长英", HEAD, "13900000001", "普通劳动力", ""],  # phone changed
            ["李秀", WIFE, "13800000002", "半劳力", "未就业"],  # ability (colloquial), status
            ["张小军", SON, "", "", ""],  # blank cells change nothing
        ],
    )
    report = import_ledger(ledger, dated(sheet), update=True)
    assert report.rejected == [] and report.conflicts == []
    assert (report.updated, report.unchanged) == (2, 1)
    assert _person(ledger, HEAD)["phone"] == "13900000001"
    assert _person(ledger, WIFE)["labour_ability"] == "弱劳动力或半劳动力"
    assert _person(ledger, SON)["phone"] == "13800000003"
    new = _changes(ledger)[before:]
    person_changes = [d for t, d in new if t == "persons"]
    assert sorted(map(sorted, person_changes)) == [["labour_ability"], ["phone"]]
    assert [d["status"] for t, d in new if t == "monthly_status"] == ["未就业"]
    assert [(m.column, m.before, m.after) for m in report.mapped] == [
        ("劳动能力", "半劳力", "弱劳动力或半劳动力")
    ]
    # The preview lists the change per person, old → new.
    shown = {p.id_number: p.as_dict()["changes"] for p in report.changes}
    assert shown[HEAD] == [
        {
            "column": "联系电话",
            "from": "13800000001",
            "to": "13900000001",
            "key": shown[HEAD][0]["key"],
        }
    ]


def test_a_later_ledger_edit_is_a_conflict_not_overwritten(ledger, tmp_path):
    # A workbook whose export property a program dropped when it re-saved the file (an older
    # export had none): dated by its title row's 导出时间, to the second.
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    time.sleep(1.1)  # the title row's time is written to the second
    out = tmp_path / "发给村里.xlsx"
    export_ledger(ledger, out)
    time.sleep(1.1)
    head = _person(ledger, HEAD)
    with ledger.transaction():
        ledger.update("persons", head["id"], {"phone": "13700000000"})  # edited in the ledger
    book = openpyxl.load_workbook(out)
    book.custom_doc_props = CustomPropertyList()  # the property gone, the title row kept
    sheet = book["劳动力台账"]
    header = [c.value for c in sheet[2]]
    for row in sheet.iter_rows(min_row=3):
        number = row[header.index("身份证号码")].value
        if number == HEAD:
            row[header.index("联系电话")].value = "13600000000"  # the village's stale edit
        if number == WIFE:
            row[header.index("联系电话")].value = "13500000000"  # an ordinary edit
    book.save(out)

    preview = import_ledger(ledger, out, update=True, dry_run=True)
    assert preview.dry_run and preview.sheet_date_source.startswith("表中")
    [conflict] = preview.conflicts
    shown = conflict.as_dict()
    assert (shown["ledger"], shown["sheet_value"], shown["column"]) == (
        "13700000000",
        "13600000000",
        "联系电话",
    )
    assert shown["edited_by"] == "测试员"
    assert _person(ledger, WIFE)["phone"] == "13800000002"  # the dry run wrote nothing

    report = import_ledger(ledger, out, update=True)
    assert _person(ledger, HEAD)["phone"] == "13700000000"  # kept
    assert _person(ledger, WIFE)["phone"] == "13500000000"  # applied
    assert len(report.conflicts) == 1

    decided = import_ledger(ledger, out, update=True, take_sheet={conflict.change.key})
    assert decided.conflicts == []
    assert _person(ledger, HEAD)["phone"] == "13600000000"  # the user chose the sheet


def test_an_edit_in_the_same_second_after_the_export_is_a_conflict(ledger, tmp_path):
    # The title row says the export's second; an edit saved later in that same second passed
    # for older than the sheet, and the village's stale cell overwrote it without a conflict.
    # The export writes its time to the millisecond as a document property: no waiting here.
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    out = tmp_path / "发给村里.xlsx"
    for _ in range(50):  # start early in a second, so that export and edit share it
        if dt.datetime.now(dt.UTC).microsecond < 300_000:
            break
        time.sleep(0.05)
    export_ledger(ledger, out)
    head = _person(ledger, HEAD)
    with ledger.transaction():
        ledger.update("persons", head["id"], {"phone": "13700000000"})  # edited in the ledger
    edited = dt.datetime.now(dt.UTC)
    book = openpyxl.load_workbook(out)
    [stamp] = [p.value for p in book.custom_doc_props.props if p.name == EXPORTED_AT]
    exported = dt.datetime.fromisoformat(stamp)
    if exported.replace(microsecond=0) != edited.replace(microsecond=0):
        pytest.skip("the machine took longer than a second between the export and the edit")
    sheet = book["劳动力台账"]
    header = [c.value for c in sheet[2]]
    for row in sheet.iter_rows(min_row=3):
        if row[header.index("身份证号码")].value == HEAD:
            row[header.index("联系电话")].value = "13600000000"  # the village's stale edit
    book.save(out)  # openpyxl keeps the property, as LibreOffice does

    report = import_ledger(ledger, out, update=True)
    assert report.sheet_date_source == EXACT
    [conflict] = report.conflicts
    assert (conflict.as_dict()["ledger"], conflict.as_dict()["sheet_value"]) == (
        "13700000000",
        "13600000000",
    )
    assert _person(ledger, HEAD)["phone"] == "13700000000"  # kept, not overwritten


def test_dry_run_writes_nothing_and_reports_what_the_import_would(ledger, tmp_path):
    path = _base(tmp_path / "base.xlsx")
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    preview = import_ledger(ledger, path, dry_run=True)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
    real = import_ledger(ledger, path)
    assert (preview.persons_imported, preview.households_created) == (
        real.persons_imported,
        real.households_created,
    )


def test_without_update_an_existing_person_is_refused_with_the_way_to_update(ledger, tmp_path):
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    report = import_ledger(ledger, _base(tmp_path / "again.xlsx"))
    assert report.persons_imported == 0 and len(report.rejected) == 3
    assert all("更新" in p.reason for p in report.rejected)


def test_monthly_status_column_names_its_month_and_a_new_job(ledger, tmp_path):
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    sheet = write_xlsx(
        tmp_path / "月报.xlsx",
        ["姓名", "身份证号码", "2026年10月就业状态", "务工地点", "务工单位", "务工开始日期"],
        [
            ["张长英", HEAD, "已就业", "广东省深圳市", "某电子厂", "2026-09-01"],
            ["李秀", WIFE, "未就业", "", "", ""],
        ],
    )
    report = import_ledger(ledger, sheet, update=True)
    assert report.rejected == []
    months = dict(
        ledger.db.execute(
            "SELECT p.name, m.month || ' ' || m.status FROM monthly_status m "
            "JOIN persons p ON p.id = m.person_id"
        ).fetchall()
    )
    assert months == {"张长英": "2026-10 已就业", "李秀": "2026-10 未就业"}
    spell = ledger.db.execute(
        "SELECT place_code, employer, start_date FROM employment_spells"
    ).fetchone()
    assert spell == ("440300", "某电子厂", "2026-09-01")
    linked = ledger.db.execute(
        "SELECT count(*) FROM monthly_status m JOIN employment_spells s ON s.id = m.spell_id"
    ).fetchone()[0]
    assert linked == 1


def test_cli_update_dry_run_and_json_keys(tmp_path, capsys):
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "import", str(_base(tmp_path / "base.xlsx"))]) == 0
    sheet = write_xlsx(
        tmp_path / "u.xlsx", ["姓名", "身份证号码", "联系电话"], [["张长英", HEAD, "13900000009"]]
    )
    capsys.readouterr()
    assert main(["--db", db, "import", str(dated(sheet)), "--update", "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"imported", "updated", "unchanged", "rejected", "mapped", "conflicts"} <= set(data)
    assert data["updated"] == 1 and data["dry_run"] is True
    assert data["changes"][0]["changes"][0]["to"] == "13900000009"
    assert main(["--db", db, "import", str(dated(sheet)), "--update"]) == 0
    out = capsys.readouterr().out
    assert "联系电话：13800000001 → 13900000009" in out
    ledger = Ledger.open(db)
    assert _person(ledger, HEAD)["phone"] == "13900000009"
    ledger.close()


def test_household_notes_travel_in_the_ledger_sheet(ledger, tmp_path):
    """户备注: set from the head's row for a new household, exported on every member's row,
    read back into an empty ledger, and changed by an update like any cell."""
    sheet = write_xlsx(
        tmp_path / "notes.xlsx",
        HEADERS + PLACE + ["户备注"],
        [
            [
                "张长英",
                HEAD,
                HEAD,
                "户主",
                "13800000001",
                "普通劳动力",
                *PLACE_VALUES,
                "危房改造户",
            ],
            ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力", *PLACE_VALUES, ""],
        ],
    )
    assert import_ledger(ledger, sheet).persons_imported == 2
    notes = "SELECT DISTINCT h.notes FROM households h JOIN persons p ON p.household_id = h.id"
    assert ledger.db.execute(notes).fetchall() == [("危房改造户",)]
    out = tmp_path / "export.xlsx"
    export_ledger(ledger, out)
    rows = list(openpyxl.load_workbook(out)["劳动力台账"].iter_rows(min_row=2, values_only=True))
    column = rows[0].index("户备注")
    assert [r[column] for r in rows[1:]] == ["危房改造户", "危房改造户"]
    fresh = Ledger.open(tmp_path / "fresh.db")
    assert import_ledger(fresh, out).rejected == []
    assert fresh.db.execute(notes).fetchall() == [("危房改造户",)]
    fresh.close()
    update = write_xlsx(
        tmp_path / "update.xlsx",
        ["姓名", "身份证号码", "户备注"],
        [["张长英", HEAD, "已搬迁入住"]],
    )
    report = import_ledger(ledger, dated(update), update=True)
    assert report.updated == 1
    [plan] = report.changes
    assert [(c["column"], c["from"], c["to"]) for c in plan.as_dict()["changes"]] == [
        ("户：备注", "危房改造户", "已搬迁入住")
    ]
    assert ledger.db.execute(notes).fetchall() == [("已搬迁入住",)]


def _jobs(ledger: Ledger) -> dict[str, list[tuple]]:
    rows = ledger.db.execute(
        "SELECT p.name, s.start_date, s.end_date FROM employment_spells s "
        "JOIN persons p ON p.id = s.person_id ORDER BY s.start_date"
    ).fetchall()
    found: dict[str, list[tuple]] = {}
    for name, start, end in rows:
        found.setdefault(name, []).append((start, end))
    return found


def test_not_employed_in_a_named_month_ends_the_open_job_on_the_month_before(ledger, tmp_path):
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    jobs = write_xlsx(
        tmp_path / "jobs.xlsx",
        ["姓名", "身份证号码", "2026年4月就业状态", "务工单位", "务工开始日期"],
        [
            ["张长英", HEAD, "已就业", "某电子厂", "2025-03-01"],
            ["李秀", WIFE, "已就业", "某制衣厂", "2026-05-10"],
            ["张小军", SON, "已就业", "某工地", "2026-01-05"],
        ],
    )
    assert import_ledger(ledger, dated(jobs), update=True).rejected == []
    may = [
        ["张长英", HEAD, "未就业"],  # open since 2025: ends 2026-04-30
        ["李秀", WIFE, "未就业"],  # started during May: left as it is, with a warning
        ["张小军", SON, "已就业"],
    ]
    plain = write_xlsx(tmp_path / "plain.xlsx", ["姓名", "身份证号码", "本月就业状态"], may)
    import_ledger(ledger, dated(plain), update=True)  # the month is not named: no job is ended
    assert all(end is None for spells in _jobs(ledger).values() for _start, end in spells)

    named = write_xlsx(tmp_path / "may.xlsx", ["姓名", "身份证号码", "2026年5月就业状态"], may)
    preview = import_ledger(ledger, dated(named), update=True, dry_run=True)
    shown = {p.name: p.as_dict()["changes"] for p in preview.changes}
    assert [(c["column"], c["from"], c["to"]) for c in shown["张长英"]] == [
        ("就业经历：结束日期", "（空）", "2026-04-30")
    ]
    assert [w.reason for w in preview.warnings if w.row == 3] == [
        "2026年5月就业状态填的是“未就业”，但台账中2026年5月10日开始的务工（某制衣厂）仍在进行，"
        "未作修改，请核对"
    ]
    assert all(end is None for spells in _jobs(ledger).values() for _start, end in spells)

    report = import_ledger(ledger, dated(named), update=True)
    assert report.rejected == []
    assert _jobs(ledger) == {
        "张长英": [("2025-03-01", "2026-04-30")],
        "李秀": [("2026-05-10", None)],
        "张小军": [("2026-01-05", None)],
    }
    logged = [
        json.loads(d)
        for (d,) in ledger.db.execute("SELECT data FROM changes WHERE tbl = 'employment_spells'")
    ]
    assert {"end_date": "2026-04-30"} in logged


def test_a_month_written_as_six_digits_is_read_as_that_month(ledger, tmp_path):
    # Systems write 统计年月 as 202610 (text or a number): the row was refused as
    # "月份“202610”不是有效日期（应为 2024-03-05 这样的格式）".
    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "月度状态"
    sheet.append(["姓名", "身份证号码", "月份", "就业状态"])
    sheet.append(["张长英", HEAD, "202610", "未就业"])
    sheet.append(["李秀", WIFE, 202609, "未就业"])
    book.save(tmp_path / "m.xlsx")
    report = import_ledger(ledger, tmp_path / "m.xlsx", update=True)
    assert report.rejected == []
    months = set(ledger.db.execute("SELECT month FROM monthly_status").fetchall())
    assert months == {("2026-10",), ("2026-09",)}


def test_a_csv_without_its_export_time_is_dated_by_the_export_log_not_the_file(tmp_path):
    """A csv export's first line says when it was exported; a coordinator who deletes that line
    (or a program that saves the csv without it) leaves only the file's modification time —
    the time the sheet was saved after editing, later than every ledger edit made meanwhile,
    so those edits were overwritten without a conflict. The ledger's export log knows when
    this device wrote a ledger file of that name: the sheet is dated by it. A csv it never
    wrote was dated by its file time; no longer: a file's saving time says when it was saved,
    not what it was exported from, so it is undated (every differing cell a conflict)."""
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "import", str(_base(tmp_path / "base.xlsx"))]) == 0
    time.sleep(1.1)
    out = tmp_path / "台账.csv"
    assert main(["--db", str(db), "export", str(out)]) == 0
    time.sleep(1.1)
    ledger = Ledger.open(db, author="测试员")
    head = _person(ledger, HEAD)
    with ledger.transaction():
        ledger.update("persons", head["id"], {"phone": "13700000000"})  # edited in the ledger
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert "导出" in lines[0]
    body = [line.replace("13800000001", "13600000000") for line in lines[1:]]
    out.write_text("\n".join(body) + "\n", encoding="utf-8-sig")  # saved now, title gone

    preview = import_ledger(ledger, out, update=True, dry_run=True)
    assert "导出记录" in preview.sheet_date_source
    [conflict] = preview.conflicts
    assert conflict.as_dict()["ledger"] == "13700000000"
    import_ledger(ledger, out, update=True)
    assert _person(ledger, HEAD)["phone"] == "13700000000"  # kept, not overwritten
    # A csv this ledger never wrote is undated (it was dated by the file's own time: when it
    # was saved after editing, later than the export, so edits made in between were
    # overwritten): every cell it would change is a conflict, kept, and the report says why.
    other = tmp_path / "别的表.csv"
    other.write_text("\n".join(body) + "\n", encoding="utf-8-sig")
    undated = import_ledger(ledger, other, update=True, dry_run=True)
    assert undated.sheet_date == "" and undated.sheet_date_source == ""
    assert undated.date_not_believed == "undated"
    assert {c.as_dict()["sheet_value"] for c in undated.conflicts} == {"13600000000"}
    ledger.close()


OTHER = make_id("520502", "19800202", "171")


def test_a_person_the_sheet_puts_in_another_household_is_said_not_moved(ledger, tmp_path):
    """A coordinator who moved 张小军 to 王五's household on the exported sheet (户主身份证号码
    changed, or his own number for a household of his own) read 无变化 in the preview and
    nothing anywhere: the import keeps each person in their household (a move is logged with
    its reason through 迁到别户…). The row now says so, and its other edits come in — not his
    relation to the other head (配偶, or 户主 of a household of his own), which made him 张长英's
    spouse, or a second 户主 of her household."""
    rows = [
        ["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力"],
        ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力"],
        ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力"],
        ["王五", OTHER, OTHER, "户主", "13800000004", "普通劳动力"],
    ]
    base = write_xlsx(tmp_path / "base.xlsx", HEADERS + PLACE, [r + PLACE_VALUES for r in rows])
    assert import_ledger(ledger, base).persons_imported == 4
    household = _person(ledger, SON)["household_id"]
    for sheet_head, relation in ((OTHER, "配偶"), (SON, "户主")):
        rows[2] = ["张小军", SON, sheet_head, relation, "13900000003", "普通劳动力"]
        # His row carries the other household's address: not written over his own's.
        sheet = write_xlsx(
            tmp_path / "moved.xlsx",
            [*HEADERS, *PLACE, "详细地址"],
            [r + PLACE_VALUES + (["王五家 8 号"] if r[1] == SON else [""]) for r in rows],
        )
        report = import_ledger(ledger, dated(sheet), update=True)
        assert report.rejected == []
        said = [w.reason for w in report.warnings if w.row == 4]
        assert len(said) == 1, report.warnings
        assert said[0].startswith(f"户主身份证号码 {sheet_head}")
        assert "台账中这个人在张长英（" in said[0] and "迁到别户" in said[0]
        assert _person(ledger, SON)["household_id"] == household
        # His relation to the other head is left out with the move: still 子女 of 张长英.
        assert _person(ledger, SON)["relation"] == "子女"
        assert ledger.db.execute(
            "SELECT address FROM households WHERE id = ?", [household]
        ).fetchone() == ("",)
        assert "与户主关系" in said[0] and "户的地址" in said[0]
        assert _person(ledger, SON)["phone"] == "13900000003"  # the row's other edit came in
        assert [w for w in report.warnings if w.row != 4] == []
    # Unchanged rows say nothing.
    rows[2] = ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力"]
    sheet = write_xlsx(tmp_path / "same.xlsx", HEADERS + PLACE, [r + PLACE_VALUES for r in rows])
    assert import_ledger(ledger, dated(sheet), update=True).warnings == []


def test_a_person_deleted_from_the_exported_sheet_is_said_not_deleted(ledger, tmp_path):
    """A coordinator who deleted 张小军's row from the exported 台账 (moved away, or died) read
    无变化 in the preview and he stayed in the ledger without a word. An import deletes no
    one (a deletion is logged with its reason); the preview now says who of the households on
    the sheet is missing from it. A sheet the ledger did not export (which may list only some
    of a household) says nothing of it."""
    assert import_ledger(ledger, _base(tmp_path / "base.xlsx")).persons_imported == 3
    exported = tmp_path / "台账.xlsx"
    export_ledger(ledger, exported)
    book = openpyxl.load_workbook(exported)
    sheet = book["劳动力台账"]
    row = next(c.row for c in sheet["C"] if c.value == SON)
    sheet.delete_rows(row)
    book.save(exported)
    report = import_ledger(ledger, exported, update=True)
    assert report.rejected == [] and report.updated == 0
    [said] = report.warnings
    assert (said.sheet, said.row) == ("劳动力台账", 2)
    assert said.reason.startswith(f"台账中有 1 人不在表中：张小军（{SON}，张长英户）")
    assert "导入不删除人员" in said.reason and "删除" in said.reason
    assert _person(ledger, SON)["deleted"] == 0
    # A sheet of the village's own (no export time) listing two of the three says nothing.
    own = write_xlsx(
        tmp_path / "own.xlsx",
        HEADERS + PLACE,
        [
            ["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE_VALUES],
            ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力", *PLACE_VALUES],
        ],
    )
    assert import_ledger(ledger, own, update=True).warnings == []


def test_a_household_the_sheet_places_elsewhere_is_said_not_moved(ledger, tmp_path):
    """A coordinator who changed a family's 村 and 村民组 on the exported sheet (the family
    moved) read only the address change in the preview: the household stayed in 大坝村 without
    a word. An import moves no household; the first row of the household now says where the
    sheet puts it and where the ledger has it."""
    assert import_ledger(ledger, _base(tmp_path / "base.xlsx")).persons_imported == 3
    area = ledger.db.execute("SELECT area_code FROM households").fetchone()[0]
    rows = [
        ["张长英", HEAD, HEAD, "户主", "13900000001", "普通劳动力"],
        ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力"],
        ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力"],
    ]
    moved = ["七星关区", "碧阳街道", "红岩村", "二组", "红岩村二组 5 号"]
    sheet = write_xlsx(
        tmp_path / "moved.xlsx",
        [*HEADERS, *PLACE, "村民组", "详细地址"],
        [r + moved for r in rows],
    )
    report = import_ledger(ledger, dated(sheet), update=True)
    assert report.rejected == [] and report.updated == 1  # the head's phone
    [said] = report.warnings
    assert said.row == 2 and said.reason.startswith("区划与台账不同：表中是“碧阳街道 红岩村 二组”")
    assert "台账中这户在“七星关区 碧阳街道 大坝村”" in said.reason and "所在区域" in said.reason
    assert ledger.db.execute("SELECT area_code FROM households").fetchone()[0] == area
    # The address at the new place is left out with it (from every member's row).
    assert ledger.db.execute("SELECT address FROM households").fetchone()[0] == ""
    assert _person(ledger, HEAD)["phone"] == "13900000001"
    # The same place written as the export writes it, or another form of its name: nothing said.
    for village in ("大坝村", "大坝"):
        same = ["七星关区", "碧阳街道", village]
        sheet = write_xlsx(tmp_path / "same.xlsx", HEADERS + PLACE, [r + same for r in rows])
        assert import_ledger(ledger, dated(sheet), update=True).warnings == []
    coded = write_xlsx(tmp_path / "code.xlsx", [*HEADERS, "区划代码"], [r + [area] for r in rows])
    assert import_ledger(ledger, dated(coded), update=True).warnings == []


def test_a_household_a_sheet_places_elsewhere_by_code_is_said_by_the_places_name(ledger, tmp_path):
    """The same, on a sheet giving each row's place only by its 12-digit 区划代码: the row was
    said 表中是“520502003099” — digits a coordinator cannot read. The code is said by what
    the ledger or the division table names it, the code after it."""
    assert import_ledger(ledger, _base(tmp_path / "base.xlsx")).persons_imported == 3
    other = make_id("520502", "19800101", "212")
    red = ["王五", other, other, "户主", "13700000001", "普通劳动力"]
    place = ["七星关区", "碧阳街道", "红岩村"]
    assert import_ledger(ledger, write_xlsx(tmp_path / "red.xlsx", HEADERS + PLACE, [red + place]))
    codes = dict(ledger.db.execute("SELECT name, code FROM areas").fetchall())
    township = codes["大坝村"][:9]
    rows = [["张长英", HEAD, HEAD, "户主", "13900000001", "普通劳动力"]]
    for code, said_as in (
        (codes["红岩村"], f"七星关区 碧阳街道 红岩村（{codes['红岩村']}）"),
        (f"{township}099", f"七星关区碧阳街道的一个村（{township}099）"),
    ):
        sheet = write_xlsx(tmp_path / "c.xlsx", [*HEADERS, "区划代码"], [r + [code] for r in rows])
        report = import_ledger(ledger, dated(sheet), update=True)
        [said] = [w.reason for w in report.warnings if "区划与台账不同" in w.reason]
        assert said.startswith(f"区划与台账不同：表中是“{said_as}”，"), said


def test_a_person_whose_row_is_refused_is_not_said_missing(ledger, tmp_path):
    # A row refused before it is parsed (its name a formula a program wrote, with no result
    # saved) is on the sheet: it is said as refused, not also as 不在表中.
    assert import_ledger(ledger, _base(tmp_path / "base.xlsx")).persons_imported == 3
    exported = tmp_path / "台账.xlsx"
    export_ledger(ledger, exported)
    book = openpyxl.load_workbook(exported)
    sheet = book["劳动力台账"]
    row = next(c.row for c in sheet["C"] if c.value == SON)
    sheet.cell(row, 2).value = '="张"&"小军"'
    book.save(exported)
    report = import_ledger(ledger, exported, update=True, dry_run=True)
    assert [r.row for r in report.rejected] == [row]
    assert not any("不在表中" in w.reason for w in report.warnings)


def test_the_edits_after_a_sheets_date_are_the_same_read_whole_or_row_by_row(
    ledger, tmp_path, monkeypatch
):
    """Past `EditsAfter.WHOLE` changes after the sheet's date (a freshly imported ledger updated
    from its own workbook: every change is after it — 921 MB at 20 000 persons, read whole)
    each asked-for row is looked up in the log: the same last edit of each field, by whom,
    none after `until` and none of another table."""
    from fieldapp.store.queries.tabular import Edit, EditsAfter, last_change

    import_ledger(ledger, _base(tmp_path / "base.xlsx"))
    head, wife, son = (_person(ledger, n)["id"] for n in (HEAD, WIFE, SON))
    stamp = last_change(ledger.db)
    with ledger.transaction():
        ledger.update("persons", head, {"phone": "13700000000"})
        ledger.update("persons", head, {"phone": "13700000001", "labour_ability": "半劳力"})
        ledger.update("persons", wife, {"phone": "13700000002"})
    *_, last_head, last_wife = (
        r[0] for r in ledger.db.execute("SELECT hlc FROM changes ORDER BY hlc")
    )
    until = last_change(ledger.db)
    with ledger.transaction():  # after `until`: this import's own, no conflict
        ledger.update("persons", son, {"phone": "13700000003"})
    asked = [(p, f) for p in (head, wife, son) for f in ("phone", "labour_ability", "name")]
    found = {}
    default = EditsAfter.WHOLE
    for whole in (default, 0):
        monkeypatch.setattr(EditsAfter, "WHOLE", whole)
        edits = EditsAfter(ledger.db, stamp, ["persons", "households"], until)
        assert (edits._whole is not None) == bool(whole)
        found[whole] = [edits.get(key) for key in asked]
        assert EditsAfter(ledger.db, stamp, ["households"], until).get((head, "phone")) is None
    author = ledger.author
    assert (
        found[0]
        == found[default]
        == [
            Edit(last_head, author),
            Edit(last_head, author),
            None,
            Edit(last_wife, author),
            None,
            None,
            None,
            None,
            None,
        ]
    )
