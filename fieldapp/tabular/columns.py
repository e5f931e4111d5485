"""The 台账 columns: header text, the synonyms found in real spreadsheets, and drop-down values.

Import matches headers by text in any order (spaces, full-width brackets, a leading * and a
trailing unit such as （元） do not matter); export and the template write `header` in this order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from fieldapp.domain.enums import (
    Category,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    WorkStatus,
)

YES, NO = "是", "否"
EDUCATION = ("文盲或半文盲", "小学", "初中", "高中", "中专", "大专", "本科及以上")


@dataclass(frozen=True)
class Column:
    """One spreadsheet column of the ledger."""

    key: str
    header: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    width: int = 12
    choices: tuple[str, ...] = ()
    text: bool = False  # stored as text so Excel never turns it into a number
    note: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("seq", "序号", ("编号", "行号"), width=6, note="可留空，导入时不使用"),
    Column("name", "姓名", ("人员姓名", "成员姓名", "劳动力姓名"), True, 10, note="必填"),
    Column(
        "id_number",
        "身份证号码",
        ("身份证号", "公民身份号码", "身份证件号码", "证件号码", "身份证"),
        True,
        21,
        text=True,
        note="必填，18 位；请保持文本格式，否则 Excel 会把后几位变成 0",
    ),
    Column(
        "head_id_number",
        "户主身份证号码",
        ("户主身份证号", "户主证件号码", "户主公民身份号码"),
        True,
        21,
        text=True,
        note="必填；户主本人填自己的号码，同户成员填同一个号码",
    ),
    Column("head_name", "户主姓名", (), width=10, note="可选，仅供核对"),
    Column(
        "relation",
        "与户主关系",
        ("与户主的关系", "家庭关系", "关系"),
        width=12,
        choices=tuple(r.value for r in Relation),
        note="下拉选择；留空时：本人即户主则为“户主”，否则为“其他”",
    ),
    Column(
        "phone",
        "联系电话",
        ("电话", "电话号码", "手机", "手机号", "手机号码", "联系方式"),
        width=14,
        text=True,
    ),
    Column(
        "categories",
        "人员类别",
        ("类别", "人员身份", "身份类别", "人员属性"),
        width=22,
        note="可填多个，用“、”分隔；可在类别后加括号写认定日期，如 脱贫人口（2016-12-31）",
    ),
    Column(
        "labour_ability",
        "劳动能力",
        ("劳动技能", "劳动力状况", "劳动力类型"),
        width=16,
        choices=tuple(a.value for a in LabourAbility),
        note="下拉选择；也接受“弱劳力”“半劳力”",
    ),
    Column(
        "health",
        "健康状况",
        ("健康状态", "身体状况"),
        width=12,
        choices=tuple(h.value for h in Health),
    ),
    Column("education", "文化程度", ("学历",), width=12, choices=EDUCATION),
    Column("graduation_year", "毕业年份", ("毕业时间", "毕业年度"), width=10),
    Column("county", "县（市、区）", ("县", "县区", "区县", "所在县", "县(市区)"), width=12),
    Column("township", "乡镇（街道）", ("乡镇", "乡（镇）", "乡镇街道", "所在乡镇"), width=12),
    Column("village", "村（社区）", ("村", "行政村", "村居", "社区", "所在村"), width=12),
    Column("group", "村民组", ("组", "村组", "小组", "自然村"), width=10),
    Column("site", "安置点", ("易地搬迁安置点", "安置小区"), width=14),
    Column("building", "楼栋", ("栋", "楼号", "楼栋号"), width=8),
    Column(
        "area_code",
        "区划代码",
        ("所在地区划代码", "地区代码", "区域代码", "行政区划代码"),
        width=16,
        text=True,
        note="可选；填写后优先于上面的地名",
    ),
    Column("address", "详细地址", ("家庭住址", "住址", "地址", "户籍地址", "门牌号"), width=24),
    Column("household_no", "户编号", ("户号", "户编码"), width=12, text=True),
    Column(
        "hukou_code",
        "户籍地区划代码",
        ("户籍所在地代码", "户籍地代码"),
        width=14,
        text=True,
        note="可选；留空时取所在县的代码",
    ),
    Column(
        "work_status",
        "就业状态",
        ("务工状态", "就业情况", "是否就业", "务工情况"),
        width=10,
        choices=tuple(s.value for s in WorkStatus),
    ),
    Column(
        "form",
        "就业形式",
        ("就业方式", "务工形式"),
        width=12,
        choices=tuple(f.value for f in EmploymentForm),
    ),
    Column(
        "workplace",
        "务工地点",
        ("就业地点", "务工地", "就业地", "务工所在地"),
        width=18,
        note="如“广东省深圳市宝安区”；能识别的地名自动换算成区划代码",
    ),
    Column("workplace_code", "务工地区划代码", ("务工地代码",), width=14, text=True),
    Column("employer", "务工单位", ("就业单位", "工作单位", "用工单位", "务工企业"), width=20),
    Column(
        "start_date",
        "务工开始日期",
        ("就业时间", "务工时间", "开始务工时间", "就业开始日期", "务工开始时间"),
        width=14,
        note="日期，如 2024-03-01；只写年月（2024-03）按当月 1 日",
    ),
    Column("monthly_income", "月收入", ("月均收入", "月工资", "务工月收入"), width=10),
    Column("contract_months", "劳动合同期限（月）", ("合同期限", "劳动合同期限"), width=12),
    Column("insurance_months", "社保缴纳月数", ("参保月数", "缴纳社保月数"), width=12),
    Column(
        "organized_export",
        "是否有组织劳务输出",
        ("有组织劳务输出", "是否组织输出"),
        width=12,
        choices=(YES, NO),
    ),
    Column("export_agency", "劳务输出机构", ("输出机构", "劳务公司"), width=18),
    Column("account_bank", "开户银行", ("社保卡开户银行", "银行"), width=14),
    Column(
        "account_number",
        "社保卡账号",
        ("社会保障卡账号", "银行账号", "一卡通账号", "账号", "卡号"),
        width=22,
        text=True,
    ),
    Column("notes", "备注", ("说明",), width=20),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)

_BRACKETS = re.compile(r"\([^)]*\)$")


def normalise_header(text: object) -> str:
    """Header text as compared: NFKC, no spaces, no leading * or trailing 必填 marks."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = re.sub(r"\s+", "", value).strip("*＊★")
    return value.replace("(必填)", "").replace("必填", "")


def _variants(text: str) -> set[str]:
    base = normalise_header(text)
    return {base, _BRACKETS.sub("", base)} - {""}


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for name in (column.header, *column.synonyms):
            for variant in _variants(name):
                lookup.setdefault(variant, column.key)
    return lookup


_LOOKUP = _build_lookup()


def match_header(text: object) -> str | None:
    """The column key a header cell names, or None."""
    for variant in sorted(_variants(str(text or "")), key=len, reverse=True):
        if variant in _LOOKUP:
            return _LOOKUP[variant]
    return None


def match_headers(cells: list[object]) -> dict[int, str]:
    """Cell index → column key for a header row (first occurrence of a key wins)."""
    found: dict[int, str] = {}
    taken: set[str] = set()
    for index, cell in enumerate(cells):
        key = match_header(cell)
        if key and key not in taken:
            found[index] = key
            taken.add(key)
    return found


#: Category words seen in spreadsheets, mapped to the ledger's categories.
CATEGORY_ALIASES: dict[str, Category] = {
    "脱贫户": Category.LIFTED,
    "脱贫人员": Category.LIFTED,
    "建档立卡脱贫人口": Category.LIFTED,
    "建档立卡贫困人口": Category.LIFTED,
    "监测对象": Category.MONITORED,
    "监测帮扶对象": Category.MONITORED,
    "防止返贫监测对象": Category.MONITORED,
    "脱贫不稳定人口": Category.LOW_INCOME,
    "边缘易致贫人口": Category.LOW_INCOME,
    "突发严重困难户": Category.LOW_INCOME,
    "低收入人口": Category.LOW_INCOME,
    "低保": Category.RURAL_DIBAO,
    "低保户": Category.RURAL_DIBAO,
    "农村低保": Category.RURAL_DIBAO,
    "低保对象": Category.RURAL_DIBAO,
    "特困": Category.RURAL_TEKUN,
    "特困人员": Category.RURAL_TEKUN,
    "特困供养人员": Category.RURAL_TEKUN,
    "易地扶贫搬迁人口": Category.RELOCATED,
    "易地搬迁": Category.RELOCATED,
    "搬迁人口": Category.RELOCATED,
    "易迁人口": Category.RELOCATED,
    "随迁人口": Category.RELOCATED_FOLLOWER,
    "失业人员": Category.UNEMPLOYED,
    "登记失业": Category.UNEMPLOYED,
    "就业困难": Category.HARD_TO_EMPLOY,
    "毕业生": Category.GRADUATE,
    "高校毕业生": Category.GRADUATE,
    "返乡人员": Category.RETURNED,
    "返乡农民工": Category.RETURNED,
    "返乡劳动力": Category.RETURNED,
    "退役士兵": Category.VETERAN,
    "残疾": Category.DISABLED,
    "残疾人员": Category.DISABLED,
}

#: Words for the work status column.
WORK_STATUS_ALIASES: dict[str, WorkStatus] = {
    "就业": WorkStatus.EMPLOYED,
    "已务工": WorkStatus.EMPLOYED,
    "务工": WorkStatus.EMPLOYED,
    "在岗": WorkStatus.EMPLOYED,
    "是": WorkStatus.EMPLOYED,
    "失业": WorkStatus.NOT_EMPLOYED,
    "待业": WorkStatus.NOT_EMPLOYED,
    "未务工": WorkStatus.NOT_EMPLOYED,
    "否": WorkStatus.NOT_EMPLOYED,
    "学生": WorkStatus.STUDYING,
    "在读": WorkStatus.STUDYING,
    "在校生": WorkStatus.STUDYING,
}

#: Words for the relation column beyond the national codes.
RELATION_ALIASES: dict[str, Relation] = {
    "本人": Relation.HEAD,
    "妻": Relation.SPOUSE,
    "妻子": Relation.SPOUSE,
    "丈夫": Relation.SPOUSE,
    "夫": Relation.SPOUSE,
    "之妻": Relation.SPOUSE,
    "之夫": Relation.SPOUSE,
    "子": Relation.CHILD,
    "女": Relation.CHILD,
    "儿子": Relation.CHILD,
    "女儿": Relation.CHILD,
    "长子": Relation.CHILD,
    "次子": Relation.CHILD,
    "长女": Relation.CHILD,
    "次女": Relation.CHILD,
    "之子": Relation.CHILD,
    "之女": Relation.CHILD,
    "父亲": Relation.PARENT,
    "母亲": Relation.PARENT,
    "父": Relation.PARENT,
    "母": Relation.PARENT,
    "岳父": Relation.IN_LAW_PARENT,
    "岳母": Relation.IN_LAW_PARENT,
    "公公": Relation.IN_LAW_PARENT,
    "婆婆": Relation.IN_LAW_PARENT,
    "祖父": Relation.GRANDPARENT,
    "祖母": Relation.GRANDPARENT,
    "爷爷": Relation.GRANDPARENT,
    "奶奶": Relation.GRANDPARENT,
    "儿媳": Relation.CHILD_IN_LAW,
    "女婿": Relation.CHILD_IN_LAW,
    "之儿媳": Relation.CHILD_IN_LAW,
    "孙子": Relation.GRANDCHILD,
    "孙女": Relation.GRANDCHILD,
    "之孙": Relation.GRANDCHILD,
    "兄弟": Relation.SIBLING,
    "姐妹": Relation.SIBLING,
    "哥哥": Relation.SIBLING,
    "弟弟": Relation.SIBLING,
    "姐姐": Relation.SIBLING,
    "妹妹": Relation.SIBLING,
}
