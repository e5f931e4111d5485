"""The ledger's fixed vocabularies, in the words of DOMAIN.md and the national monitoring system."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """人员类别 — a person may hold several, each with start and end dates."""

    LIFTED = "脱贫人口"
    MONITORED = "防返贫监测对象"
    LOW_INCOME = "农村低收入人口"
    RURAL_DIBAO = "农村低保对象"
    RURAL_TEKUN = "农村特困人员"
    RELOCATED = "易地搬迁人口"
    RELOCATED_FOLLOWER = "易地搬迁随迁人口"
    UNEMPLOYED = "登记失业人员"
    HARD_TO_EMPLOY = "就业困难人员"
    GRADUATE = "高校毕业生"
    RETURNED = "返乡农村劳动力"
    VETERAN = "退役军人"
    DISABLED = "残疾人"
    FISHER = "退捕渔民"
    REHAB = "戒毒康复人员"
    RELEASED = "刑满释放人员"


#: 人员类别 where a person of none of the groups is named (a 申请表, 花名册 or 公示表, the
#: 一库五册): the ledger's people are all its rural labour, and a blank box is one the township
#: sends back (the 其他农村劳动力 subsidies' own words). Not a category one holds: never stored.
OTHER_RURAL = "其他农村劳动力"


class LabourAbility(StrEnum):
    """劳动能力, the national poverty-monitoring system's values."""

    ORDINARY = "普通劳动力"
    SKILLED = "技能劳动力"
    WEAK = "弱劳动力或半劳动力"
    LOST = "丧失劳动力"
    NONE = "无劳动力"


#: The seeds' and spreadsheets' words mapped to the national values on import.
LABOUR_ABILITY_ALIASES: dict[str, LabourAbility] = {
    "弱劳力": LabourAbility.WEAK,
    "半劳力": LabourAbility.WEAK,
    "弱劳动力": LabourAbility.WEAK,
    "半劳动力": LabourAbility.WEAK,
    "普通劳力": LabourAbility.ORDINARY,
    "技能劳力": LabourAbility.SKILLED,
    "丧失劳力": LabourAbility.LOST,
    "无劳力": LabourAbility.NONE,
}

#: Labour abilities that count as "has labour" for monthly updates and household duties.
HAS_LABOUR: frozenset[LabourAbility] = frozenset(
    {LabourAbility.ORDINARY, LabourAbility.SKILLED, LabourAbility.WEAK}
)


class Relation(StrEnum):
    """与户主关系."""

    HEAD = "户主"
    SPOUSE = "配偶"
    CHILD = "子女"
    PARENT = "父母"
    IN_LAW_PARENT = "岳父母或公婆"
    GRANDPARENT = "祖父母"
    CHILD_IN_LAW = "媳婿"
    GRANDCHILD = "孙子女"
    SIBLING = "兄弟姐妹"
    OTHER = "其他"


class Health(StrEnum):
    """健康状况."""

    HEALTHY = "健康"
    CHRONIC = "长期慢性病"
    SERIOUS = "患有大病"
    DISABLED = "残疾"


class EmploymentForm(StrEnum):
    """就业形式."""

    EMPLOYEE = "单位就业"
    FLEXIBLE = "灵活就业"
    SELF_EMPLOYED = "自主创业"
    WELFARE_POST = "公益性岗位"
    WORKSHOP = "就业帮扶车间"
    WORK_RELIEF = "以工代赈"
    #: Not known: a job imported from a sheet that left the form blank. No subsidy names it,
    #: so a job is never paid by a guessed form.
    UNKNOWN = "未登记"


class EmployerKind(StrEnum):
    """用人单位类型: the employer-absorption subsidies name the kinds of employer they pay.

    The six departments' 《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》
    第（五）条 and 黔府发〔2023〕12号 附件2 第（十四）条 name 农民（专业）合作社、种养大户、家庭农场、
    就业帮扶车间、小微企业; 附件3 第（六）条 and 附件1 第（一）条 speak of 企业, 附件2 第（八）条 of
    各类生产经营主体.
    """

    COOPERATIVE = "农民专业合作社"
    LARGE_GROWER = "种养大户"
    FAMILY_FARM = "家庭农场"
    WORKSHOP = "就业帮扶车间"
    SMALL_ENTERPRISE = "小微企业"
    LARGE_ENTERPRISE = "大中型企业"
    SOLE_TRADER = "个体工商户"
    PUBLIC_BODY = "机关事业单位"
    SOCIAL_ORGANISATION = "社会组织"
    OTHER = "其他"


class UnemploymentClass(StrEnum):
    """失业人员三类 (黔府发〔2023〕12号 附件3 第（六）条)."""

    BASIC_SKILLS = "具备初级技能"
    NO_SKILLS = "缺乏基本技能"
    DIFFICULT = "存在就业困难"


class UnemploymentLevel(StrEnum):
    """失业人员四级, by months registered."""

    SHORT = "短期失业"
    MEDIUM_SHORT = "中短期失业"
    MEDIUM_LONG = "中长期失业"
    LONG = "长期失业"


class ServiceType(StrEnum):
    """Services a coordinator records."""

    POLICY = "政策宣传"
    GUIDANCE = "职业指导"
    JOB_RECOMMENDATION = "岗位推荐"
    TRAINING = "职业培训"
    INTERNSHIP = "就业见习"
    STARTUP = "创业服务"
    LABOUR_EXPORT = "有组织劳务输出"
    WELFARE_POST = "公益性岗位安置"
    UNEMPLOYMENT_REGISTRATION = "失业登记"
    ASSISTANCE = "就业援助"
    REFERRAL = "转介民政"
    RIGHTS = "劳动维权咨询"
    FOLLOW_UP = "跟踪回访"


#: 文化程度, as the ledger's spreadsheet offers it and the person form lists it (the field is
#: open: a coordinator may type another, kept as typed).
EDUCATION = ("文盲或半文盲", "小学", "初中", "高中", "中专", "大专", "本科及以上")

#: Common kinds of vocational training (the list is open: a coordinator may type another).
TRAINING_KINDS = ("职业技能培训", "创业培训", "岗位技能提升培训", "以工代训", "劳务品牌培训")


class AreaKind(StrEnum):
    """Levels of the area tree."""

    PROVINCE = "省"
    CITY = "市州"
    COUNTY = "县"
    TOWNSHIP = "乡镇"
    VILLAGE = "村"
    GROUP = "组"
    SITE = "安置点"
    BUILDING = "楼栋"


class WorkStatus(StrEnum):
    """A person's status for one month."""

    EMPLOYED = "已就业"
    NOT_EMPLOYED = "未就业"
    STUDYING = "在校"
    NOT_APPLICABLE = "无需就业"


def parse_labour_ability(text: str) -> LabourAbility:
    """A national value from either the national word or the seeds' word (弱劳力, 半劳力)."""
    text = text.strip()
    try:
        return LabourAbility(text)
    except ValueError:
        if text in LABOUR_ABILITY_ALIASES:
            return LABOUR_ABILITY_ALIASES[text]
        raise ValueError(f"未知的劳动能力“{text}”") from None
