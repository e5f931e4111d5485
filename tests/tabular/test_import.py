"""Importing 台账 files: good rows in, each bad row reported with its row number and reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.models import CategoryMembership, EmploymentSpell, Person
from fieldapp.domain.progress import Cancelled
from fieldapp.services import persons
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.records import Records
from tests.tabular.people import HEAD, HEADERS, OTHER_HEAD, SON, WIFE, sheet_row
from tests.tabular.sheets import dated, write_csv, write_xlsx


def _numbers(ledger: Ledger) -> set[str]:
    return {r[0] for r in ledger.db.execute("SELECT id_number FROM persons").fetchall()}


def test_good_family_is_imported_with_household_categories_and_work(ledger, tmp_path):
    rows = [
        sheet_row(
            "张长英",
            HEAD,
            HEAD,
            "户主",
            **{
                "人员类别": "脱贫人口（2016-12-31）、低保",
                "劳动能力": "普通劳动力",
                "村民组": "三组",
                "联系电话": "138 0851 0001",
            },
        ),
        sheet_row("李梅", WIFE, HEAD, "配偶", **{"劳动能力": "半劳力", "人员类别": "脱贫人口"}),
        sheet_row(
            "张小军",
            SON,
            HEAD,
            "子女",
            **{
                "就业状态": "已就业",
                "务工地点": "广东省深圳市宝安区",
                "务工单位": "深圳立讯电子有限公司",
                "务工开始日期": "2024-03-01",
                "月收入（元）": "4,500",
            },
        ),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "a.xlsx", HEADERS, rows))
    assert report.rejected == []
    assert report.imported == 3
    repo = Records(ledger)
    head = repo.person_by_id_number(HEAD)
    assert head is not None and head.phone == "13808510001"
    household = repo.household(head.household_id)
    assert household.head_person_id == head.id
    assert household.is_lifted is True
    assert {p.id_number for p in repo.members(household.id)} == {HEAD, WIFE, SON}
    assert repo.area_path(household.area_code) == "七星关区 碧阳街道 大坝村 三组"
    wife = repo.person_by_id_number(WIFE)
    assert wife.labour_ability.value == "弱劳动力或半劳动力"
    categories = {
        (c.category.value, c.start_date) for c in repo.person_records(CategoryMembership, head.id)
    }
    assert ("脱贫人口", dt.date(2016, 12, 31)) in categories
    assert "农村低保对象" in {c[0] for c in categories}
    son = repo.person_by_id_number(SON)
    spells = repo.person_records(EmploymentSpell, son.id)
    assert len(spells) == 1
    assert spells[0].place_code == "440306" and spells[0].monthly_income == 4500
    assert spells[0].scope(son.hukou_code).value == "跨省"


def test_each_kind_of_bad_row_is_reported_and_nothing_of_it_written(ledger, tmp_path):
    existing = make_id("520502", "19900101", "017")
    Records(ledger).add_person(Person(name="王已有", id_number=existing))
    bad_check = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
    bad_date = make_id("520502", "19901332", "011")
    dup_in_file = make_id("520502", "19850101", "019")
    rows = [
        sheet_row("张长英", HEAD, HEAD, "户主"),  # row 2: good
        sheet_row("坏校验", bad_check, HEAD, "子女"),  # row 3
        sheet_row("坏日期", bad_date, HEAD, "子女"),  # row 4
        sheet_row("短号码", "52050219900101", HEAD, "子女"),  # row 5
        sheet_row("数字号码", 520502199001010000.0, HEAD, "子女"),  # row 6: Excel number
        sheet_row("甲", dup_in_file, HEAD, "子女"),  # row 7: good
        sheet_row("乙", dup_in_file, HEAD, "子女"),  # row 8: duplicate of row 7
        sheet_row("王已有", existing, HEAD, "子女"),  # row 9: already in ledger
        sheet_row(
            "类别错", make_id("520502", "19920202", "021"), HEAD, "子女", **{"人员类别": "富裕人口"}
        ),
        sheet_row(
            "日期错",
            make_id("520502", "19920303", "023"),
            HEAD,
            "子女",
            **{"就业状态": "已就业", "务工开始日期": "2024-13-45", "务工单位": "某厂"},
        ),
        sheet_row(
            "能力错", make_id("520502", "19920404", "025"), HEAD, "子女", **{"劳动能力": "很强"}
        ),
        sheet_row("无户主", make_id("520502", "19920505", "027"), OTHER_HEAD, "子女"),  # row 13
        sheet_row(
            "弱劳力", make_id("520502", "19920606", "029"), HEAD, "子女", **{"劳动能力": "弱劳力"}
        ),
        sheet_row("无号码", "", HEAD, "子女"),  # row 15: ID cell left blank
        sheet_row("空格号码", "   ", HEAD, "子女"),  # row 16: only spaces
        sheet_row("户主空格", make_id("520502", "19920707", "031"), "  ", "子女"),  # row 17
    ]
    path = write_xlsx(tmp_path / "mixed.xlsx", HEADERS, rows)
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    report = import_ledger(ledger, path)
    reasons = {p.row: p.reason for p in report.rejected}
    # Row 11's bad start date leaves out its job, not the person (said, not refused).
    assert sorted(reasons) == [3, 4, 5, 6, 8, 9, 10, 12, 13, 15, 16, 17]
    assert "校验位" in reasons[3]
    assert "出生日期" in reasons[4]
    assert "长度" in reasons[5] and "18" in reasons[5]
    assert "Excel" in reasons[6] and "无法恢复" in reasons[6]
    assert "第 7 行重复" in reasons[8]
    assert "已在台账中" in reasons[9] and "王已有" in reasons[9]
    assert "未知的人员类别“富裕人口”" in reasons[10]
    said = {p.row: p.reason for p in report.warnings}
    assert said[11].startswith("务工开始日期“2024-13-45”不是有效日期") and "没有导入" in said[11]
    assert "劳动能力“很强”" in reasons[12]
    assert "既不在本表中，也不在台账中" in reasons[13]
    assert reasons[15] == reasons[16] == "身份证号码为空"
    assert "户主身份证号码为空" in reasons[17]
    assert report.imported == 4
    assert _numbers(ledger) == {
        existing,
        HEAD,
        dup_in_file,
        make_id("520502", "19920303", "023"),
        make_id("520502", "19920606", "029"),
    }
    # Nothing half-written: every row and log entry belongs to an imported person or household.
    orphans = ledger.db.execute(
        "SELECT count(*) FROM person_categories WHERE person_id NOT IN (SELECT id FROM persons)"
    ).fetchone()[0]
    assert orphans == 0
    logged_persons = ledger.db.execute(
        "SELECT count(*) FROM changes WHERE tbl = 'persons' AND seq > 0"
    ).fetchone()[0]
    assert logged_persons == 5
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] > before


def test_members_of_a_rejected_head_are_returned_with_the_head_row(ledger, tmp_path):
    bad_head = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
    rows = [
        sheet_row("户主坏", bad_head, bad_head, "户主"),
        sheet_row("李梅", WIFE, HEAD, "配偶"),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "h.xlsx", HEADERS, rows))
    assert [p.row for p in report.rejected] == [2, 3]
    assert "户主身份证号码" in report.rejected[1].reason or "户主" in report.rejected[1].reason
    assert _numbers(ledger) == set()


def test_member_joins_household_of_head_already_in_ledger(ledger, tmp_path):
    import_ledger(
        ledger, write_xlsx(tmp_path / "1.xlsx", HEADERS, [sheet_row("张长英", HEAD, HEAD, "户主")])
    )
    report = import_ledger(
        ledger, write_xlsx(tmp_path / "2.xlsx", HEADERS, [sheet_row("李梅", WIFE, HEAD, "配偶")])
    )
    assert report.rejected == [] and report.households_joined == 1
    repo = Records(ledger)
    assert (
        repo.person_by_id_number(WIFE).household_id == repo.person_by_id_number(HEAD).household_id
    )


def test_a_namesake_born_the_same_day_is_imported_with_a_warning(ledger, tmp_path):
    import_ledger(
        ledger, write_xlsx(tmp_path / "1.xlsx", HEADERS, [sheet_row("张长英", HEAD, HEAD, "户主")])
    )
    twin = make_id("520526", "19750316", "777")  # another person: same name, same birthday
    rows = [
        sheet_row("张长英", twin, twin, "户主"),
        sheet_row("王五", OTHER_HEAD, OTHER_HEAD, "户主"),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "2.xlsx", HEADERS, rows))
    assert report.rejected == [] and report.imported == 2
    assert [(w.row, HEAD in w.reason) for w in report.warnings] == [(2, True)]
    # The person editor's sentence (`persons.NAMESAKE`), naming where the other one is.
    first = Records(ledger).person_by_id_number(HEAD)
    said = persons.namesake(ledger, "张长英", HEAD, first.household_id)
    assert report.warnings[0].reason == str(said)
    place = records.household_place(ledger, first.household_id)
    assert place and place != records.NO_HOUSEHOLD and f"（{place}）" in report.warnings[0].reason


def test_headers_in_any_order_with_synonyms_spaces_and_a_title_row(ledger, tmp_path):
    headers = [
        "务工单位",
        " 身份证号 ",
        "*姓名",
        "户主身份证号",
        "关系",
        "类别",
        "电话",
        "乡镇",
        "县区",
        "村",
    ]
    rows = [
        [
            "",
            HEAD,
            "张长英",
            HEAD,
            "户主",
            "易地搬迁人口",
            "13800000000",
            "碧阳街道",
            "七星关区",
            "新村",
        ],
        ["", WIFE, "李梅", HEAD, "妻子", "随迁人口", "", "碧阳街道", "七星关区", "新村"],
    ]
    path = write_xlsx(tmp_path / "shuffled.xlsx", headers, rows, title="七星关区碧阳街道劳动力台账")
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 2
    repo = Records(ledger)
    wife = repo.person_by_id_number(WIFE)
    assert wife.relation.value == "配偶"
    assert repo.household(wife.household_id).is_relocated is True


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_in_gbk_and_utf8(ledger, tmp_path, encoding):
    rows = [
        sheet_row("覃乐", HEAD, HEAD, "户主", **{"人员类别": "残疾人"}),
        sheet_row("单长", WIFE, HEAD, "配偶"),
    ]
    path = write_csv(tmp_path / f"{encoding}.csv", HEADERS, rows, encoding)
    report = import_ledger(ledger, path)
    assert report.rejected == []
    names = {r[0] for r in ledger.db.execute("SELECT name FROM persons").fetchall()}
    assert names == {"覃乐", "单长"}


def test_csv_excel_number_id_is_unrecoverable(ledger, tmp_path):
    rows = [sheet_row("张长英", "5.20502E+17", "5.20502E+17", "户主")]
    report = import_ledger(ledger, write_csv(tmp_path / "n.csv", HEADERS, rows, "gbk"))
    assert len(report.rejected) == 1
    assert report.rejected[0].row == 2 and "无法恢复" in report.rejected[0].reason


def test_no_header_row_is_a_clear_error(ledger, tmp_path):
    from fieldapp.domain.errors import ValidationFailed

    path = write_xlsx(tmp_path / "x.xlsx", ["甲", "乙"], [["1", "2"]])
    with pytest.raises(ValidationFailed, match="姓名"):
        import_ledger(ledger, path)


def test_cancelled_import_writes_nothing(ledger, tmp_path):
    rows = [sheet_row("张长英", HEAD, HEAD, "户主"), sheet_row("李梅", WIFE, HEAD, "配偶")]
    path = write_xlsx(tmp_path / "c.xlsx", HEADERS, rows)
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="已取消导入"):
        import_ledger(
            ledger, path, progress=lambda d, t: seen.append((d, t)), cancelled=lambda: len(seen) > 1
        )
    assert _numbers(ledger) == set()
    assert ledger.db.execute("SELECT count(*) FROM changes WHERE tbl != 'areas'").fetchone()[0] == 0
    assert seen and seen[0] == (0, 2)


def test_area_code_column_takes_precedence_and_creates_the_chain(ledger, tmp_path):
    headers = ["姓名", "身份证号码", "户主身份证号码", "区划代码", "村（社区）", "村民组"]
    rows = [["张长英", HEAD, HEAD, "520502010007002", "红岩村", "二组"]]
    report = import_ledger(ledger, write_xlsx(tmp_path / "code.xlsx", headers, rows))
    assert report.rejected == []
    repo = Records(ledger)
    person = repo.person_by_id_number(HEAD)
    assert repo.household(person.household_id).area_code == "520502010007002"
    assert repo.area_path("520502010007002") == "七星关区 碧阳街道 红岩村 二组"
    assert person.hukou_code == "520502"


def test_a_row_of_only_spaces_is_blank_not_a_rejected_row(ledger, tmp_path):
    rows = [
        sheet_row("张长英", HEAD, HEAD, "户主"),
        [" ", "  ", "", "\u3000"] + [""] * (len(HEADERS) - 4),  # looks empty in Excel
        sheet_row("李梅", WIFE, HEAD, "配偶"),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "spaces.xlsx", HEADERS, rows))
    assert report.rejected == []
    assert report.imported == 2


def test_region_code_cells_are_digits_without_spaces_or_the_row_is_rejected(ledger, tmp_path):
    headers = [*HEADERS, "户籍地区划代码", "务工地区划代码"]
    work = {"就业状态": "已就业", "务工单位": "某厂", "务工开始日期": "2024-03-01"}
    rows = [
        sheet_row("张长英", HEAD, HEAD, "户主") + ["５２０ ５０２", ""],  # full-width, a space
        sheet_row("李梅", WIFE, HEAD, "配偶") + ["5205AB", ""],
        sheet_row("王强", SON, HEAD, "子", **work) + ["", "12345"],
        sheet_row("赵大", OTHER_HEAD, OTHER_HEAD, "户主", **work) + ["", "330 106"],
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "codes.xlsx", headers, rows))
    reasons = {p.row: p.reason for p in report.rejected}
    assert reasons == {3: "户籍地区划代码“5205AB”应为 6、9 或 12 位数字"}
    # A job's bad code leaves out the code, not the job nor the person.
    said = [p.reason for p in report.warnings if p.row == 4]
    assert any(
        r.startswith("务工地区划代码“12345”应为 6、9 或 12 位数字：这一格没有导入") for r in said
    )
    repo = Records(ledger)
    assert repo.person_by_id_number(HEAD).hukou_code == "520502"
    spell = ledger.db.execute("SELECT place_code FROM employment_spells ORDER BY 1").fetchall()
    assert spell == [("",), ("330106",)]


def test_unknown_township_is_rejected_with_its_name(ledger, tmp_path):
    rows = [sheet_row("张长英", HEAD, HEAD, "户主", **{"乡镇（街道）": "不存在镇"})]
    report = import_ledger(ledger, write_xlsx(tmp_path / "t.xlsx", HEADERS, rows))
    assert len(report.rejected) == 1 and "不存在镇" in report.rejected[0].reason


def test_employed_without_start_date_keeps_the_person_and_leaves_the_job_out(ledger, tmp_path):
    # Was: the whole person refused (已就业人员须填写务工开始日期). Now the person and every
    # other cell come in; the job and its status are left out and the row says so.
    rows = [
        sheet_row(
            "张长英",
            HEAD,
            HEAD,
            "户主",
            **{
                "就业状态": "已就业",
                "务工单位": "某厂",
                "人员类别": "脱贫人口",
                "劳动能力": "半劳力",
            },
        ),
        sheet_row("李梅", WIFE, HEAD, "配偶", **{"就业状态": "外出务工"}),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "s.xlsx", HEADERS, rows))
    assert report.rejected == []
    assert report.imported == 2
    said = {w.row: w.reason for w in report.warnings if "务工开始日期" in w.reason}
    expected = "已就业但没有务工开始日期，就业情况未导入，请补录"
    assert said == {2: expected, 3: expected}
    repo = Records(ledger)
    head = repo.person_by_id_number(HEAD)
    assert head.labour_ability.value == "弱劳动力或半劳动力"
    assert "脱贫人口" in {c.category for c in repo.person_records(CategoryMembership, head.id)}
    assert ledger.db.execute("SELECT count(*) FROM employment_spells").fetchone() == (0,)
    assert ledger.db.execute("SELECT count(*) FROM monthly_status").fetchone() == (0,)


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_start_date_of_a_month_alone_is_said_with_the_day_taken(ledger, tmp_path, dry_run):
    # Was: 务工开始日期 “2025年5月” stored as 2025-05-01 without a word to the coordinator.
    # The job comes in on the month's first day, and the row (preview and import) says so.
    rows = [
        sheet_row(
            "张长英",
            HEAD,
            HEAD,
            "户主",
            **{"就业状态": "已就业", "务工单位": "某厂", "务工开始日期": "2025年5月"},
        ),
        sheet_row(
            "李梅",
            WIFE,
            HEAD,
            "配偶",
            **{"就业状态": "已就业", "务工单位": "某厂", "务工开始日期": 2025.06},
        ),
        sheet_row(
            "张强",
            SON,
            HEAD,
            "子",
            **{"就业状态": "已就业", "务工单位": "某厂", "务工开始日期": "2025-05-01"},
        ),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "s.xlsx", HEADERS, rows), dry_run=dry_run)
    assert report.rejected == [] and report.imported == 3
    said = {w.row: w.reason for w in report.warnings if "只填到月份" in w.reason}
    assert said == {
        2: "务工开始日期“2025年5月”只填到月份，已按2025年5月1日记为开始日期，请核对",
        3: "务工开始日期“2025.06”只填到月份，已按2025年6月1日记为开始日期，请核对",
    }
    if not dry_run:
        starts = ledger.db.execute("SELECT start_date FROM employment_spells").fetchall()
        assert sorted(s for (s,) in starts) == ["2025-05-01", "2025-05-01", "2025-06-01"]


def test_an_update_whose_row_is_employed_without_a_start_date_keeps_its_other_edits(
    ledger, tmp_path
):
    work = {"就业状态": "已就业", "务工单位": "某厂", "务工开始日期": "2024-03-01"}
    first = [sheet_row("张长英", HEAD, HEAD, "户主", **work)]
    assert import_ledger(ledger, write_xlsx(tmp_path / "a.xlsx", HEADERS, first)).imported == 1
    edited = [
        sheet_row("张长英", HEAD, HEAD, "户主", **{"就业状态": "已就业", "劳动能力": "半劳力"})
    ]
    report = import_ledger(
        ledger, dated(write_xlsx(tmp_path / "b.xlsx", HEADERS, edited)), update=True
    )
    assert report.rejected == [] and report.updated == 1
    assert [w.reason for w in report.warnings] == [
        "已就业但没有务工开始日期，就业情况未导入，请补录"
    ]
    head = Records(ledger).person_by_id_number(HEAD)
    assert head.labour_ability.value == "弱劳动力或半劳动力"
    spells = ledger.db.execute("SELECT start_date, employer, end_date FROM employment_spells")
    assert spells.fetchall() == [("2024-03-01", "某厂", None)]


def test_unresolvable_workplace_is_kept_as_text_with_a_warning(ledger, tmp_path):
    rows = [
        sheet_row(
            "张长英",
            HEAD,
            HEAD,
            "户主",
            **{"就业状态": "已就业", "务工地点": "某工地", "务工开始日期": "2024-05"},
        )
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "w.xlsx", HEADERS, rows))
    assert report.rejected == []
    assert any("某工地" in w.reason for w in report.warnings)
    row = ledger.db.execute(
        "SELECT place_code, place_name, start_date FROM employment_spells"
    ).fetchone()
    assert row == ("", "某工地", "2024-05-01")


def test_path_object_and_str_both_accepted(ledger, tmp_path):
    path = write_xlsx(tmp_path / "p.xlsx", HEADERS, [sheet_row("张长英", HEAD, HEAD, "户主")])
    assert import_ledger(ledger, str(path)).imported == 1
    assert isinstance(path, Path)


def test_rows_across_chunks_members_before_their_head_and_duplicates(ledger, tmp_path, monkeypatch):
    """Chunks of two rows: households, duplicates and waiting members span chunk borders."""
    monkeypatch.setattr("fieldapp.tabular.ledger_import.CHUNK_ROWS", 2)
    missing_head = make_id("520502", "19500101", "999")
    rows = [
        sheet_row("李梅", WIFE, HEAD, "配偶", 人员类别="易地搬迁人口"),  # her head comes in row 5
        sheet_row("王强", SON, HEAD, "子"),
        sheet_row("赵大", OTHER_HEAD, OTHER_HEAD, "户主"),
        sheet_row("赵大重复", OTHER_HEAD, OTHER_HEAD, "户主"),  # a duplicate in the next chunk
        sheet_row("张长英", HEAD, HEAD, "户主"),
        sheet_row("无户主", make_id("520502", "19900101", "321"), missing_head, "子"),
    ]
    seen: list[tuple[int, int]] = []
    report = import_ledger(
        ledger,
        write_xlsx(tmp_path / "k.xlsx", HEADERS, rows),
        progress=lambda d, t: seen.append((d, t)),
    )
    assert report.imported == 4 and report.households_created == 2
    assert [(p.row, p.reason) for p in report.rejected] == [
        (5, f"身份证号码 {OTHER_HEAD} 与第 4 行重复"),
        (7, f"户主身份证号码 {missing_head} 既不在本表中，也不在台账中"),
    ]
    repo = Records(ledger)
    head = repo.person_by_id_number(HEAD)
    assert repo.person_by_id_number(WIFE).household_id == head.household_id
    assert repo.person_by_id_number(SON).household_id == head.household_id
    household = ledger.get("households", head.household_id)
    assert household["head_person_id"] == head.id and household["is_relocated"]
    assert seen[-1] == (6, 6) and all(t == 6 for _, t in seen)


def test_members_whose_head_row_further_down_fails_are_returned_with_it(ledger, tmp_path):
    bad_head = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
    rows = [
        sheet_row("李梅", WIFE, HEAD, "配偶"),
        sheet_row("张长英", HEAD, HEAD, "户主", **{"乡镇（街道）": "不存在镇"}),
        sheet_row("坏号码", bad_head, bad_head, "户主"),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "d.xlsx", HEADERS, rows))
    assert report.imported == 0
    assert [p.row for p in report.rejected] == [2, 3, 4]
    assert report.rejected[0].reason == "户主所在的第 3 行未能导入，同户成员一并退回"
    assert "不存在镇" in report.rejected[1].reason
    assert _numbers(ledger) == set()
    assert ledger.db.execute("SELECT count(*) FROM changes WHERE tbl != 'areas'").fetchone()[0] == 0


def test_a_job_without_its_form_is_recorded_as_not_known_and_said(ledger, tmp_path):
    # Was: a job entered without 就业形式 was recorded as 单位就业 (the model's default) without
    # a word, and the subsidies judged on the form (一次性吸纳就业补贴 for 单位就业) took the
    # guess for a fact. The form is now kept as 未登记, which no subsidy accepts, and the row
    # says so; a form given is kept and says nothing.
    work = {
        "就业状态": "已就业",
        "务工单位": "某合作社",
        "务工开始日期": "2024-03-01",
        "人员类别": "脱贫人口",
    }
    rows = [
        [*sheet_row("张长英", HEAD, HEAD, "户主", **work), ""],
        [*sheet_row("李梅", WIFE, HEAD, "配偶", **work), "灵活就业"],
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "f.xlsx", [*HEADERS, "就业形式"], rows))
    assert report.rejected == []
    said = {w.row: w.reason for w in report.warnings if "就业形式" in w.reason}
    assert said == {
        2: "就业形式未填写，这份工作按“未登记”记录，按就业形式审核的补贴（吸纳就业、灵活就业、"
        "自主创业等）不会认定；请在程序中打开这个人，补填就业形式"
    }
    repo = Records(ledger)
    spells = {
        p: repo.person_records(EmploymentSpell, repo.person_by_id_number(p).id)[0]
        for p in (HEAD, WIFE)
    }
    assert {p: s.form.value for p, s in spells.items()} == {HEAD: "未登记", WIFE: "灵活就业"}
    # An update repeating the job without the form leaves the ledger's form and says nothing.
    again = [[*sheet_row("李梅", WIFE, HEAD, "配偶", **work), ""]]
    report = import_ledger(
        ledger, write_xlsx(tmp_path / "g.xlsx", [*HEADERS, "就业形式"], again), update=True
    )
    assert [w.reason for w in report.warnings if "就业形式" in w.reason] == []
    wife = repo.person_by_id_number(WIFE)
    assert repo.person_records(EmploymentSpell, wife.id)[0].form.value == "灵活就业"
