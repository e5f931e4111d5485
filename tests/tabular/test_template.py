"""The import template: Chinese headers, text-formatted ID columns, drop-downs, instructions."""

from __future__ import annotations

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fieldapp.tabular.columns import COLUMNS, EXTRA_SHEETS, match_header
from fieldapp.tabular.template import DATA_SHEET, HELP_SHEET, write_template

REQUIRED_HEADERS = [
    "姓名",
    "身份证号码",
    "户主身份证号码",
    "与户主关系",
    "联系电话",
    "人员类别",
    "劳动能力",
    "健康状况",
    "乡镇（街道）",
    "村（社区）",
    "区划代码",
    "就业状态",
    "务工地点",
    "务工单位",
    "务工开始日期",
    "月收入",
    "社保卡账号",
]


def test_template_headers_and_sheets(tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [DATA_SHEET, *EXTRA_SHEETS, HELP_SHEET]
    for index, (name, columns) in enumerate(EXTRA_SHEETS.items(), start=1):
        extra = [str(c) for c in book.get_sheet_by_index(index).to_python()[0]]
        assert extra == [c.header for c in columns], name
    header = [str(c) for c in book.get_sheet_by_index(0).to_python()[0]]
    assert header == [c.header for c in COLUMNS]
    for name in REQUIRED_HEADERS:
        assert any(h.startswith(name) for h in header), name
    help_text = "\n".join(
        str(c) for row in book.get_sheet_by_name(HELP_SHEET).to_python() for c in row if c
    )
    assert "弱劳动力或半劳动力" in help_text and "脱贫人口" in help_text


def test_id_columns_are_text_and_enumerations_have_drop_downs(tmp_path):
    path = write_template(tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(path)[DATA_SHEET]
    letters = {c.header: openpyxl.utils.get_column_letter(i + 1) for i, c in enumerate(COLUMNS)}

    def number_format(index: int) -> str:
        # openpyxl merges neighbouring columns with the same style into one dimension.
        for dim in sheet.column_dimensions.values():
            if dim.min <= index <= dim.max:
                return dim.number_format
        return ""

    for index, column in enumerate(COLUMNS, start=1):
        if column.header in ("身份证号码", "户主身份证号码", "联系电话", "社保卡账号"):
            assert number_format(index) == "@", column.header
    validations = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    for header in ("与户主关系", "劳动能力", "健康状况", "就业状态"):
        found = validations[f"{letters[header]}2"]
        assert found.type == "list"
    assert "半劳动力" in validations[f"{letters['劳动能力']}2"].formula1


def test_header_matching_tolerates_spaces_brackets_and_synonyms():
    assert match_header(" 身份证号 ") == "id_number"
    assert match_header("公民身份号码") == "id_number"
    assert match_header("*姓名") == "name"
    assert match_header("月收入(元)") == "monthly_income"
    assert match_header("月收入（元）") == "monthly_income"
    assert match_header("户主身份证号码") == "head_id_number"
    assert match_header("乡镇") == "township"
    assert match_header("不相干") is None


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("户主身份证", "head_id_number"),
        ("户主身份证件号码", "head_id_number"),
        ("银行卡号", "account_number"),
        ("社保卡号", "account_number"),
        ("公民身份证号码", "id_number"),
        ("社会保障号码", "id_number"),
        ("户主公民身份证号码", "head_id_number"),
        ("务工单位名称", "employer"),
        ("金融社保卡号", "account_number"),
        ("开户行", "account_bank"),
        ("村民小组", "group"),
        ("外出务工地点", "workplace"),
        ("务工地址", "workplace"),
    ],
)
def test_headers_village_sheets_use_for_the_head_account_group_and_workplace(header, key):
    # Seen in village sheets; unmatched, the column was listed as unknown and (户主身份证)
    # every member refused as "户主身份证号码为空".
    assert match_header(header) == key
