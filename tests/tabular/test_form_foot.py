"""The block under a county form's data: its totals (合计, 小计, 总计, 共计) and the lines of
who made, checked and filed it (制表人：, 审核人：, 填报日期：, 联系电话：). Not people: each
row is passed over and the block said once on the sheet, not a note per line nor a refusal
(联系电话： was refused as a person without an ID number); a row with a valid ID number is a
person whatever its name."""

from __future__ import annotations

import openpyxl

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
ODD = make_id("520502", "19800101", "153")


def _book(tmp_path, foot: list[list[object]]):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["序号", "姓名", "身份证号码", "户主身份证号码", "联系电话", *PLACE])
    sheet.append([1, "张长英", HEAD, HEAD, "13800000001", *PLACE.values()])
    sheet.append([2, "李秀", WIFE, HEAD, "", *PLACE.values()])
    for row in foot:
        sheet.append(row)
    book.save(tmp_path / "s.xlsx")
    return tmp_path / "s.xlsx"


def test_a_forms_foot_block_is_passed_over_and_said_once(ledger, tmp_path):
    path = _book(
        tmp_path,
        [
            ["合计", "", "", "", "", "", "", "2户2人"],
            ["", "总计：2人"],
            ["", "制表人：王五", "", "审核人：李四"],
            ["", "填报日期：2026年12月1日"],
            ["", "联系电话：", "", "", "0857-8221234"],
            ["", "填表人：王五    联系电话：13800000000"],
            ["", "手机：", "13800000003"],  # its number under 身份证号码: no ID number's shape
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == [], report.rejected
    assert report.imported == 2
    names = {n for (n,) in ledger.db.execute("SELECT name FROM persons")}
    assert names == {"张长英", "李秀"}
    said = [(w.row, w.reason) for w in report.warnings]
    assert said == [
        (4, "有 2 行是小计或合计（第 4–5 行，如“合计”），不是人员，未读取"),
        (6, "有 5 行是表尾的合计或签名（第 6–10 行，如“制表人：王五”），不是人员，未读取"),
    ]


def test_a_phone_line_alone_under_the_form_is_its_foot(ledger, tmp_path):
    path = _book(tmp_path, [["", "联系电话：13800000000"]])
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 2
    said = [(w.row, w.reason) for w in report.warnings]
    assert said == [(4, "这一行“联系电话：13800000000”是表尾的合计或签名，不是人员，未读取")]


def test_a_person_named_as_a_total_with_a_valid_id_number_is_a_person(ledger, tmp_path):
    path = _book(tmp_path, [[3, "共计", ODD, ODD, "", *PLACE.values()]])
    report = import_ledger(ledger, path)
    assert report.rejected == [] and report.imported == 3
    names = {n for (n,) in ledger.db.execute("SELECT name FROM persons")}
    assert "共计" in names
    assert not [w for w in report.warnings if "不是人员" in w.reason]


def test_a_person_without_a_number_whose_note_gives_a_phone_is_still_refused(ledger, tmp_path):
    # 王五 is a person whose number is missing: refused as such, not passed over as a foot.
    path = _book(
        tmp_path,
        [
            [3, "王五", "", "", "联系电话：13800000002", *PLACE.values()],
            [4, "赵六", "13800000004", "", "联系电话：", *PLACE.values()],  # a phone typed there
        ],
    )
    report = import_ledger(ledger, path)
    assert report.imported == 2
    assert [p.row for p in report.rejected] == [4, 5]
    assert not [w for w in report.warnings if "不是人员" in w.reason]


def test_a_count_of_the_people_under_the_form_is_its_total(ledger, tmp_path):
    # 共2人, 总人数：2, 共 3 户 10 人 under the people were each said as a note a person lacking
    # an ID number might be (…如果是人员，请补填身份证号码): a coordinator told to give a count an
    # ID number. They are the form's totals, said once with 合计：3户10人, wherever they stand
    # (under 姓名, under 身份证号码, under 联系电话); a row with an ID number is a person still.
    path = _book(
        tmp_path,
        [
            ["", "共2人"],
            ["", "", "总人数：2"],
            ["", "", "", "", "共 3 户 10 人"],
            ["合计：3户10人"],
            ["", "本页共有2人"],
            [3, "", ODD, ODD, "共2人", *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.imported == 2
    assert [(p.row, p.reason) for p in report.rejected] == [(9, "姓名为空")]
    said = [(w.row, w.reason) for w in report.warnings]
    assert said == [(4, "有 5 行是小计或合计（第 4–8 行，如“共2人”），不是人员，未读取")]


def test_a_person_without_a_number_whose_note_begins_as_a_foot_is_still_refused(ledger, tmp_path):
    # 王五, 赵六 and 孙七 are people (a name, a phone, an address) whose ID number is missing:
    # their 备注 (注：…, 说明：…) or 务工单位 (统计人员) began as a foot's line does, and each
    # was passed over as the form's foot, said among its signatures — a person lost, not
    # refused to be given a number.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "身份证号码", "联系电话", "务工单位", "备注", *PLACE])
    sheet.append([1, "张长英", HEAD, "13800000001", "", "", *PLACE.values()])
    sheet.append([2, "王五", "", "13800000002", "", "注：身份证号码待补", *PLACE.values()])
    sheet.append([3, "赵六", "", "13800000003", "", "说明：户口迁出", *PLACE.values()])
    sheet.append([4, "孙七", "", "13800000004", "统计人员", "", *PLACE.values()])
    sheet.append([5, "李秀", WIFE, "", "", "", *PLACE.values()])
    sheet.append(["制表人：", "王会计", "", "审核人：", "李主任"])  # the foot itself
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.imported == 2
    assert [(p.row, p.reason) for p in report.rejected] == [
        (3, "身份证号码为空"),
        (4, "身份证号码为空"),
        (5, "身份证号码为空"),
    ]
    said = [(w.row, w.reason) for w in report.warnings if "不是人员" in w.reason]
    assert said == [(7, "这一行“制表人：”是表尾的合计或签名，不是人员，未读取")]


def test_a_person_named_with_their_place_in_the_household_is_no_foot(ledger, tmp_path):
    # 王五（户主）, 赵六(妻), 孙七（长子） at the bottom of a sheet, each without an ID number
    # and with a 备注 beginning 注：… — their names with the household role in brackets, as
    # some rosters write them, were taken for no name, and each row for the form's foot. A
    # name and a household role is a person: refused for the missing number as any person.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "身份证号码", "联系电话", "备注", *PLACE])
    sheet.append([1, "张长英", HEAD, "13800000001", "", *PLACE.values()])
    sheet.append([2, "李秀", WIFE, "", "", *PLACE.values()])
    sheet.append([3, "王五（户主）", "", "13800000002", "注：身份证号码待补", *PLACE.values()])
    sheet.append([4, "赵六(妻)", "", "", "注：随夫外出", *PLACE.values()])
    sheet.append([5, "孙七（之长子）", "", "", "说明：在外读书", *PLACE.values()])
    sheet.append(["", "制表人（签字）", "", "", "注：本表一式两份"])  # the foot itself
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.imported == 2
    assert [(p.row, p.reason) for p in report.rejected] == [
        (4, "身份证号码为空"),
        (5, "身份证号码为空"),
        (6, "身份证号码为空"),
    ]
    said = [(w.row, w.reason) for w in report.warnings if "不是人员" in w.reason]
    assert said == [(7, "这一行“制表人（签字）”是表尾的合计或签名，不是人员，未读取")], said


def test_a_name_written_with_the_persons_place_in_the_household_is_kept_as_the_name(
    ledger, tmp_path
):
    """A roster writing each 姓名 with the person's place in the household (王五（户主）,
    李秀(妻)), each row with its ID number: the person was stored as 王五（户主）, printed so on
    every paper, and an update from a sheet writing 王五 changed the ledger's name. The name is
    the name, the bracket read as said (姓名：王五（户主） 读作 王五), as a 与户主关系 word is."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "身份证号码", "户主身份证号码", "联系电话", *PLACE])
    sheet.append([1, "张长英（户主）", HEAD, HEAD, "13800000001", *PLACE.values()])
    sheet.append([2, "李秀(妻)", WIFE, HEAD, "", *PLACE.values()])
    sheet.append([3, "王小（之长子）", ODD, HEAD, "", *PLACE.values()])
    book.save(tmp_path / "s.xlsx")
    report = import_ledger(ledger, tmp_path / "s.xlsx")
    assert report.rejected == [] and report.imported == 3
    names = dict(ledger.db.execute("SELECT id_number, name FROM persons"))
    assert names == {HEAD: "张长英", WIFE: "李秀", ODD: "王小"}
    read = {(m.row, m.column, m.before, m.after) for m in report.mapped}
    assert {(2, "姓名", "张长英（户主）", "张长英"), (3, "姓名", "李秀(妻)", "李秀")} <= read, read
