"""The 台账 columns: header text, the synonyms found in real spreadsheets, and drop-down values.

Import matches headers by text in any order (spaces, full-width brackets, a leading * and a
trailing unit such as （元） do not matter); export and the template write `header` in this order.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from fieldapp.domain.enums import (
    EDUCATION,
    Category,
    EmployerKind,
    EmploymentForm,
    Health,
    LabourAbility,
    Relation,
    ServiceType,
    UnemploymentClass,
    WorkStatus,
)
from fieldapp.tabular.cells import ANY_SPACE, month_alone, nfkc, visible

YES, NO = "是", "否"


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


#: The words opening every sheet's title row in a workbook exported from a demo ledger: a ledger
#: that is not a demo refuses to import it (its people are made up; see `ledger_kind`).
DEMO_TITLE = "演示台账（人员都是虚构的）"

#: What village sheets call the ID number column (on every sheet).
ID_SYNONYMS = (
    "身份证号",
    "公民身份号码",
    "公民身份证号码",
    "公民身份证号",
    "社会保障号码",
    "身份证件号码",
    "证件号码",
    "身份证",
)

COLUMNS: tuple[Column, ...] = (
    Column("seq", "序号", ("编号", "行号"), width=6, note="可留空，导入时不使用"),
    Column("name", "姓名", ("人员姓名", "成员姓名", "劳动力姓名"), True, 10, note="必填"),
    Column(
        "id_number",
        "身份证号码",
        ID_SYNONYMS,
        True,
        21,
        text=True,
        note="必填，18 位；请保持文本格式，否则 Excel 会把后几位变成 0",
    ),
    Column(
        "head_id_number",
        "户主身份证号码",
        (
            "户主身份证号",
            "户主身份证",
            "户主证件号码",
            "户主身份证件号码",
            "户主公民身份号码",
            "户主公民身份证号码",
        ),
        True,
        21,
        text=True,
        note="必填；户主本人填自己的号码，同户成员填同一个号码",
    ),
    Column("head_name", "户主姓名", (), width=10, note="可选，仅供核对"),
    Column(
        "sex",
        "性别",
        (),
        width=6,
        choices=("男", "女"),
        note="可选：由身份证号码得出，填写时与号码核对",
    ),
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
        note="可填多个，用“、”分隔；可在类别后加括号写认定日期，如 脱贫人口（2016-12-31）；"
        "登记失业人员（2024-06-01至2025-01-15）同时记为失业登记（没有“失业登记”表时）",
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
    Column(
        "left_school_month",
        "离校年月",
        ("离校时间", "毕业离校年月"),
        width=10,
        note="高校毕业生填写，如 2024-07",
    ),
    Column("county", "县（市、区）", ("县", "县区", "区县", "所在县", "县(市区)"), width=12),
    Column("township", "乡镇（街道）", ("乡镇", "乡（镇）", "乡镇街道", "所在乡镇"), width=12),
    Column("village", "村（社区）", ("村", "行政村", "村居", "社区", "所在村"), width=12),
    Column(
        "group",
        "村民组",
        ("组", "村组", "小组", "村民小组", "组别", "自然村", "所在组", "所在村民组"),
        width=10,
    ),
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
        "household_notes",
        "户备注",
        ("家庭备注", "户情况说明", "家庭情况说明"),
        width=20,
        note="一户一条，同户各行相同；新建的户取户主行所填",
    ),
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
        "month_status",
        "本月就业状态",
        ("当月就业状态", "本月务工状态", "当月务工状态", "月度就业状态", "本月状态"),
        width=14,
        choices=tuple(s.value for s in WorkStatus),
        note="按月更新用：本月已就业/未就业等；列名可写明月份，如“2024年11月就业状态”",
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
        ("就业地点", "务工地", "就业地", "务工所在地", "外出务工地点", "务工地址"),
        width=18,
        note="如“广东省深圳市宝安区”；能识别的地名自动换算成区划代码",
    ),
    Column("workplace_code", "务工地区划代码", ("务工地代码",), width=14, text=True),
    Column(
        "employer",
        "务工单位",
        (
            "就业单位",
            "工作单位",
            "用工单位",
            "务工企业",
            "务工单位名称",
            "用工单位名称",
            "务工所在单位",
        ),
        width=20,
    ),
    Column(
        "employer_kind",
        "用人单位类型",
        ("单位类型", "用工单位类型", "企业类型"),
        width=14,
        choices=tuple(k.value for k in EmployerKind),
    ),
    Column(
        "start_date",
        "务工开始日期",
        (
            "就业时间",
            "务工时间",
            "开始务工时间",
            "就业开始日期",
            "务工开始时间",
            "外出务工时间",
            "外出务工日期",
        ),
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
    Column(
        "account_bank", "开户银行", ("社保卡开户银行", "开户行", "开户银行名称", "银行"), width=14
    ),
    Column(
        "account_number",
        "社保卡账号",
        (
            "社会保障卡账号",
            "社保卡号",
            "金融社保卡号",
            "银行卡号",
            "银行卡账号",
            "银行账号",
            "一卡通账号",
            "账号",
            "卡号",
        ),
        width=22,
        text=True,
    ),
    Column("notes", "备注", ("说明",), width=20),
)

BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
REQUIRED: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.required)

_NAME = Column("name", "姓名", ("人员姓名", "成员姓名", "劳动力姓名"), width=10, note="核对用")
_ID = Column(
    "id_number",
    "身份证号码",
    ID_SYNONYMS,
    True,
    21,
    text=True,
    note="必填：台账中（或本工作簿“劳动力台账”表中）已有的人",
)
_DATES = ("start_date", "end_date")

#: The extra sheets: facts about people the ledger (or the workbook's ledger sheet) names,
#: each row keyed by ID number. Sheet title → columns.
EXTRA_SHEETS: dict[str, tuple[Column, ...]] = {
    "就业经历": (
        _NAME,
        _ID,
        Column(
            "start_date",
            "开始日期",
            ("务工开始日期", "就业时间", "开始时间", "外出务工时间", "外出务工日期"),
            True,
            12,
        ),
        Column(
            "end_date",
            "结束日期",
            ("务工结束日期", "结束时间", "务工结束时间", "返乡时间", "返乡日期"),
            width=12,
            note="仍在岗留空",
        ),
        Column("workplace", "务工地点", ("就业地点", "务工地"), width=18),
        Column("workplace_code", "务工地区划代码", ("务工地代码",), width=14, text=True),
        Column(
            "form",
            "就业形式",
            ("就业方式",),
            width=12,
            choices=tuple(f.value for f in EmploymentForm),
        ),
        Column(
            "employer",
            "用人单位",
            ("务工单位", "就业单位", "工作单位", "用工单位", "务工所在单位"),
            width=20,
        ),
        Column(
            "employer_kind",
            "用人单位类型",
            ("单位类型", "用工单位类型"),
            width=14,
            choices=tuple(k.value for k in EmployerKind),
        ),
        # The same columns as on the ledger sheet (one definition, the same words accepted).
        *(
            BY_KEY[key]
            for key in (
                "monthly_income",
                "contract_months",
                "insurance_months",
                "organized_export",
                "export_agency",
            )
        ),
        Column("is_first_export", "是否首次输出", ("首次输出",), width=10, choices=(YES, NO)),
        Column("is_casual", "是否临工", ("临工", "临时工"), width=8, choices=(YES, NO)),
        Column("training_days", "岗前培训天数", ("培训天数",), width=10),
    ),
    "失业登记": (
        _NAME,
        _ID,
        Column("found_date", "发现日期", ("摸排发现日期", "发现时间"), width=12),
        Column("registered_date", "登记日期", ("失业登记日期", "登记时间"), width=12),
        Column(
            "unemployment_class",
            "失业人员类别",
            ("失业类别", "分类"),
            width=14,
            choices=tuple(c.value for c in UnemploymentClass),
        ),
        Column(
            "ended_date", "结束日期", ("注销日期", "登记结束日期"), width=12, note="仍在失业留空"
        ),
    ),
    "培训": (
        _NAME,
        _ID,
        Column("training_kind", "培训类型", ("培训项目", "培训工种", "培训名称"), width=16),
        Column("start_date", "开始日期", ("培训开始日期", "培训时间"), True, 12),
        Column("end_date", "结束日期", ("培训结束日期",), width=12),
        Column("training_days", "培训天数", ("天数",), width=10),
        Column("outcome", "培训结果", ("结果", "是否结业"), width=14),
        Column("notes", "备注", ("说明",), width=20),
    ),
    "走访服务": (
        _NAME,
        _ID,
        Column("visit_date", "日期", ("走访日期", "服务日期"), True, 12),
        Column(
            "service_types",
            "服务类型",
            ("服务内容", "服务项目"),
            width=22,
            note="可填多个，用“、”分隔：" + "、".join(t.value for t in ServiceType),
        ),
        Column(
            "visited",
            "是否入户走访",
            ("入户走访", "走访"),
            width=10,
            choices=(YES, NO),
            note="“否”：只记服务，不记走访",
        ),
        Column("whole_household", "走访对象", ("对象",), width=10, choices=("本人", "全户")),
        Column("visitor", "走访人", ("服务人", "经办人"), width=10),
        Column("notes", "情况记录", ("走访情况", "备注", "说明"), width=26),
        Column("outcome", "结果", ("服务结果", "走访结果"), width=18),
    ),
    "月度状态": (
        _NAME,
        _ID,
        Column("month", "月份", ("年月", "统计月份"), True, 10, note="如 2024-11"),
        Column(
            "status",
            "就业状态",
            ("务工状态",),
            True,
            10,
            choices=tuple(w.value for w in WorkStatus),
        ),
        Column("income", "当月收入", ("月收入",), width=10),
        Column("notes", "备注", ("说明",), width=20),
    ),
}

#: Columns holding dates (on any sheet): written as date cells, read from dates, serial numbers
#: or text.
DATE_KEYS = frozenset(
    {"start_date", "end_date", "found_date", "registered_date", "ended_date", "visit_date"}
)

#: Which sheet shape a table has: the ledger's, or an extra sheet's title.
LEDGER = "劳动力台账"
KINDS: tuple[str, ...] = (LEDGER, *EXTRA_SHEETS)
#: A sheet named like an extra sheet is read as one (any header row under it).
EXTRA_BY_NAME: dict[str, str] = {name: name for name in EXTRA_SHEETS}
COLUMNS_OF: dict[str, tuple[Column, ...]] = {LEDGER: COLUMNS, **EXTRA_SHEETS}
#: Per extra sheet, the columns the ledger sheet has not: an unnamed sheet is read as that
#: extra sheet only when its header names one of them.
DISTINCT_KEYS: dict[str, frozenset[str]] = {
    kind: frozenset(c.key for c in cols) - frozenset(BY_KEY) for kind, cols in EXTRA_SHEETS.items()
}
#: Columns a header must name for its sheet to be read as that kind.
REQUIRED_KEYS: dict[str, frozenset[str]] = {
    LEDGER: frozenset({"name", "id_number"}),
    **{kind: frozenset(c.key for c in cols if c.required) for kind, cols in EXTRA_SHEETS.items()},
}

_BRACKETS = re.compile(r"\([^)]*\)$")


def normalise_header(text: object) -> str:
    """Header text as compared: NFKC, no spaces, no leading * or trailing 必填 marks."""
    value = unicodedata.normalize("NFKC", visible(str(text or "")))
    value = ANY_SPACE.sub("", value).strip("*＊★")
    return value.replace("(必填)", "").replace("必填", "")


def _variants(text: str) -> set[str]:
    base = normalise_header(text)
    return {base, _BRACKETS.sub("", base)} - {""}


def _build_lookup(columns: tuple[Column, ...]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in columns:
        for name in (column.header, *column.synonyms):
            for variant in _variants(name):
                lookup.setdefault(variant, column.key)
    return lookup


_LOOKUPS = {kind: _build_lookup(cols) for kind, cols in COLUMNS_OF.items()}
_MONTH_IN_HEADER = re.compile(r"^(\d{4})年(\d{1,2})月(.+)$")


def match_header(text: object, kind: str = LEDGER) -> str | None:
    """The column key a header cell names in a sheet of this kind, or None.

    On the ledger sheet a monthly-status header may name its month (“2024年11月就业状态”).
    """
    lookup = _LOOKUPS[kind]
    for variant in sorted(_variants(str(text or "")), key=len, reverse=True):
        if variant in lookup:
            return lookup[variant]
    if kind == LEDGER:
        month = _MONTH_IN_HEADER.match(normalise_header(text))
        if month and lookup.get(month.group(3)) in ("work_status", "month_status"):
            return "month_status"
    return None


def header_month(text: object) -> str | None:
    """'2024-11' when a header names its month (“2024年11月就业状态”), else None."""
    month = _MONTH_IN_HEADER.match(normalise_header(text))
    if not month or not 1 <= int(month.group(2)) <= 12:
        return None
    return f"{month.group(1)}-{int(month.group(2)):02d}"


#: A header naming the month a row is for (月份, 统计月份, 年月, 月度 …): on a ledger sheet it
#: says the sheet has one row per person per month. Not 出生年月 and the like (a date).
_MONTH_COLUMN = re.compile(
    r"^(统计|所属|填报|报送|报表|数据|调查|监测|核查|走访|更新|就业|务工|发放|状态|当前)?"
    r"(月份|年月|月度|月)$"
)


#: A column headed as one month: 2026年1月, 1月份, 十一月, 2026年1月就业状态, 2026-01.
_MONTH_HEADING = re.compile(
    r"^(?:((?:19|20)\d\d)(?:年|[-./]))?(\d{1,2}|[一二三四五六七八九十]|十[一二])(?:月份?)?"
    r"(?:(?:的)?(?:就业|务工)?(?:状态|情况))?$"
)


def month_heading(cell: object) -> tuple[int, int] | None:
    """(year or 0, month) for a header naming one month, else None."""
    if isinstance(cell, (dt.date, dt.datetime)):  # Excel made 2026年1月 a date
        return (cell.year, cell.month) if cell.day == 1 else None
    words = "".join(nfkc(str(cell or "")).split())
    match = _MONTH_HEADING.match(words)
    if not match or (not match.group(1) and "月" not in words):
        return None  # a bare 3 is no month's heading
    year, word = match.group(1), match.group(2)
    month = int(word) if word.isdigit() else month_alone(word + "月") or 0
    if not 1 <= month <= 12:
        return None
    return (int(year) if year else 0, month)


def names_a_month(text: object) -> bool:
    """Whether a header names the month its row is for (“月份”, “统计月份”, “年月”)."""
    return any(_MONTH_COLUMN.match(v) for v in _variants(str(text or "")))


def match_headers(cells: list[object], kind: str = LEDGER) -> dict[int, str]:
    """Cell index → column key for a header row (first occurrence of a key wins)."""
    found: dict[int, str] = {}
    taken: set[str] = set()
    for index, cell in enumerate(cells):
        key = match_header(cell, kind)
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

#: Words for 劳动能力 beyond the domain's (the villages' own: 全劳力 is the ordinary one).
LABOUR_ALIASES: dict[str, LabourAbility] = {
    "全劳力": LabourAbility.ORDINARY,
    "全劳动力": LabourAbility.ORDINARY,
    "劳动力": LabourAbility.ORDINARY,
    "普通": LabourAbility.ORDINARY,
    "技能": LabourAbility.SKILLED,
    "技能劳力": LabourAbility.SKILLED,
    "弱劳力": LabourAbility.WEAK,
    "半劳力": LabourAbility.WEAK,
    "弱劳动力": LabourAbility.WEAK,
    "半劳动力": LabourAbility.WEAK,
    "无劳力": LabourAbility.NONE,
    "丧失劳力": LabourAbility.LOST,
    "丧失劳动能力": LabourAbility.LOST,
    "强劳力": LabourAbility.ORDINARY,
    "强劳动力": LabourAbility.ORDINARY,
    "有劳动能力": LabourAbility.ORDINARY,
    "无劳动能力": LabourAbility.NONE,
    "部分丧失劳动能力": LabourAbility.WEAK,
    "完全丧失劳动能力": LabourAbility.LOST,
}
#: 健康状况 as village sheets write it.
HEALTH_ALIASES: dict[str, Health] = {
    "良好": Health.HEALTHY,
    "健康良好": Health.HEALTHY,
    "身体健康": Health.HEALTHY,
    "慢性病": Health.CHRONIC,
    "长期患病": Health.CHRONIC,
    "大病": Health.SERIOUS,
    "重病": Health.SERIOUS,
    "重大疾病": Health.SERIOUS,
    "患大病": Health.SERIOUS,
    "残疾人": Health.DISABLED,
}
#: A disability named by its kind and grade (肢体残疾, 视力残疾二级, 智力残疾（三级）).
DISABILITY = re.compile(
    r"^(?:肢体|视力|听力|言语|语言|智力|精神|多重)?残疾人?(?:[(（]?[一二三四1-4]级[)）]?)?$"
)

#: Words for 性别.
SEX_ALIASES: dict[str, str] = {
    "男": "男",
    "女": "女",
    "男性": "男",
    "女性": "女",
    "1": "男",
    "2": "女",
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
    # The household register's words (户口簿, GB/T 4761), as village sheets copy them.
    **dict.fromkeys(
        ("养子", "养女", "继子", "继女", "独生子", "独生女", "儿", "闺女"), Relation.CHILD
    ),
    **dict.fromkeys(("媳妇", "儿媳妇", "之媳"), Relation.CHILD_IN_LAW),
    **dict.fromkeys(("爸爸", "妈妈", "养父", "养母", "继父", "继母"), Relation.PARENT),
    **dict.fromkeys(
        ("外祖父", "外祖母", "外公", "外婆", "姥爷", "姥姥", "曾祖父", "曾祖母"),
        Relation.GRANDPARENT,
    ),
    **dict.fromkeys(
        (
            "孙",
            "外孙",
            "外孙子",
            "外孙女",
            "孙媳",
            "孙媳妇",
            "外孙媳妇",
            "孙女婿",
            "外孙女婿",
            "曾孙",
            "曾孙子",
            "曾孙女",
            "外曾孙",
            "外曾孙子",
            "外曾孙女",
            "重孙",
            "重孙子",
            "重孙女",
        ),
        Relation.GRANDCHILD,
    ),
    **dict.fromkeys(
        ("兄", "弟", "姐", "妹", "嫂", "嫂子", "弟媳", "弟妹", "姐夫", "妹夫"), Relation.SIBLING
    ),
    **dict.fromkeys(
        (
            "侄子",
            "侄女",
            "外甥",
            "外甥女",
            "伯父",
            "伯母",
            "叔父",
            "叔叔",
            "婶母",
            "婶婶",
            "舅父",
            "舅舅",
            "舅母",
            "姨父",
            "姨母",
            "姑父",
            "姑母",
            "堂兄",
            "堂弟",
            "堂姐",
            "堂妹",
            "表兄",
            "表弟",
            "表姐",
            "表妹",
            "亲属",
            "其他亲属",
            "非亲属",
        ),
        Relation.OTHER,
    ),
}
#: A child or grandchild named by the order of birth: 三子, 四女, 大儿子, 小女儿, 长孙, 次孙女.
RELATION_BY_ORDER = re.compile(
    r"^(?:长|次|大|二|三|四|五|六|七|八|九|十|小|幺|老[大二三四五六七八九幺]?)"
    r"(?:(子|女|儿子|女儿)|(孙|孙子|孙女))$"
)
