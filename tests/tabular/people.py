"""One family on a 台账 sheet, as the ledger-import tests write it: the sheet's headings, the
family's 身份证号码 and a row of it (shared by `test_import` and `test_region_code_cells`, so no
test module imports another)."""

from __future__ import annotations

from tests.conftest import make_id

HEADERS = [
    "姓名",
    "身份证号码",
    "户主身份证号码",
    "与户主关系",
    "联系电话",
    "人员类别",
    "劳动能力",
    "县（市、区）",
    "乡镇（街道）",
    "村（社区）",
    "村民组",
    "就业状态",
    "务工地点",
    "务工单位",
    "务工开始日期",
    "月收入（元）",
]

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
OTHER_HEAD = make_id("520526", "19680808", "011")


def sheet_row(name: str, number: object, head: object, relation: str = "", **extra: object) -> list:
    """A person's row under `HEADERS`, in 七星关区 碧阳街道 大坝村 unless `extra` says otherwise
    (`extra`'s keys are headings)."""
    cells = {h: "" for h in HEADERS}
    cells |= {"姓名": name, "身份证号码": number, "户主身份证号码": head, "与户主关系": relation}
    cells |= {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
    cells |= extra
    return [cells[h] for h in HEADERS]
