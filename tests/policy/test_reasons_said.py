"""Every reason a rule's condition gives (`conditions`), met or not, says in Chinese what it
said before it became a template and its parts, byte for byte (the expected lines were
produced by the conditions as they were, over `reason_scenarios`); and every template of the
conditions is said by one of them."""

from __future__ import annotations

from fieldapp.domain import sentences
from fieldapp.domain.sentences import Part, Sentence
from fieldapp.policy import conditions, eligibility
from tests.policy.reason_scenarios import judged, scenarios

#: The judge's own templates (`eligibility`), besides the conditions'.
REASON_TEMPLATES = (
    "CLAIMED", "CLAIMED_FOR", "LIMIT_FROM", "PERIOD", "BEGAN_IN", "BEGAN_OUT", "MONTHLY_IN",
    "MONTHLY_OUT", "YEARLY_IN", "YEARLY_OUT", "STILL_IN", "LEFT_BEFORE", "AGREEMENT",
    "IN_AGREEMENT", "AGREEMENT_ENDED", "NO_JOB_RECORD", "NO_TRAINING_RECORD", "CLAIMED_ELSEWHERE",
)  # fmt: skip

#: What the conditions said before they were templates (met, words).
BEFORE: dict[str, tuple[bool, str]] = {
    "categories held": (True, "2025年3月1日 属于脱贫人口"),
    "categories not held": (False, "2025年3月1日 不属于脱贫人口、防返贫监测对象"),
    "transferred": (True, "有乡镇外务工经历（2023年2月1日起在深圳市南山区），属农村转移劳动力"),
    "neither held nor transferred": (
        False,
        "2024年5月1日 不属于脱贫人口、防返贫监测对象，也没有乡镇外务工经历（农村转移劳动力）",
    ),
    "categories none held": (True, "2025年3月1日 不属于脱贫人口、退役军人"),
    "categories held elsewhere": (False, "2025年3月1日 属于脱贫人口，应按专门政策办理"),
    "age": (False, "2025-03-01 时年龄39岁（要求16—35岁）"),
    "age no upper": (True, "2025-03-01 时年龄39岁（要求16—不限岁）"),
    "no graduation year": (False, "未登记毕业年份（高校毕业生须登记毕业年份和离校月份）"),
    "not yet graduated": (False, "2026年毕业，2025年3月1日时尚未毕业"),
    "graduation year": (True, "2025年毕业，2025年3月1日在毕业年度内"),
    "no leaving month": (False, "2023年毕业，未登记离校月份，无法计算离校2年内（请登记离校月份）"),
    "no leaving month, months": (
        False,
        "2023年毕业，未登记离校月份，无法计算离校18个月内（请登记离校月份）",
    ),
    "within the window": (True, "2024年7月离校，离校2年内即2026年6月30日前；2025年3月1日在此期间"),
    "beyond the window": (False, "2022年7月离校，离校2年内即2024年6月30日前；2025年3月1日已超过"),
    "unemployed, nothing recorded": (False, "未登记毕业年份和离校月份，无法确认离校未就业"),
    "worked since leaving": (False, "离校后已于2024年9月1日就业（某电子厂），不属于离校未就业"),
    "not worked since leaving": (True, "2024年7月离校后至2025年3月1日前未就业"),
    "not registered": (False, "2025年3月1日前未登记失业"),
    "registered": (True, "2024年10月1日起登记失业"),
    "registered months": (False, "入职前登记失业5个月（2024年10月1日起，要求≥6个月）"),
    "form": (True, "就业形式为单位就业"),
    "form wanted": (False, "就业形式为单位就业，要求灵活就业、自主创业"),
    "form unrecorded": (False, "就业形式为未登记，要求单位就业"),
    "kind unrecorded": (False, "用人单位类型未登记（本项补贴限小微企业等）"),
    "kind": (True, "用人单位类型为小微企业"),
    "kind wanted": (False, "用人单位类型为小微企业，本项补贴限社会组织、个体工商户"),
    "place unrecorded": (False, "务工地点未登记，要求跨省"),
    "place": (True, "务工地点深圳市南山区，属跨省"),
    "place wanted": (False, "务工地点深圳市南山区，属跨省，要求县内、省内跨县"),
    "new, no job": (False, "没有就业记录"),
    "worked away before": (
        False,
        "此前已有跨省、省内跨县务工经历（2023年2月1日起在深圳市南山区），不属于新跨省、省内跨县务工",
    ),
    "new away": (True, "此前没有跨省、省内跨县务工经历，属新跨省、省内跨县务工"),
    "worked away recently": (
        False,
        "近12个月内已有跨省、省内跨县务工经历（2023年2月1日起在深圳市南山区），不属于新跨省、省内跨县务工",
    ),
    "new away, anywhere": (True, "此前没有外出务工经历，属新外出务工"),
    "returned, no job": (False, "没有就业记录"),
    "nothing before": (False, "入职前没有登记外出务工经历，不能认定为新返乡"),
    "last not away": (
        False,
        "入职前最近一段就业在贵州省毕节市七星关区市东街道（县内），不属于返乡",
    ),
    "last place unrecorded": (False, "入职前最近一段就业在地点未登记（地点未登记），不属于返乡"),
    "still away": (False, "入职时在深圳市南山区的务工（2023年2月1日起）尚未结束"),
    "returned long ago": (False, "2024年12月31日结束在深圳市南山区的务工，返乡已超过1个月"),
    "returned": (True, "2024年12月31日结束在深圳市南山区的务工返乡，2025年3月1日入职"),
    "organized": (True, "通过有组织劳务输出就业（七星关区劳务公司）"),
    "organized, no agency": (True, "通过有组织劳务输出就业"),
    "not organized, as wanted": (True, "非有组织劳务输出"),
    "not organized": (False, "不是通过有组织劳务输出就业"),
    "organized, unwanted": (False, "属有组织劳务输出"),
    "first export, no job": (False, "没有就业记录"),
    "first export": (True, "首次通过有组织劳务输出就业"),
    "exported before": (
        False,
        "此前已通过有组织劳务输出就业（2023年2月1日起，毕节劳务公司），非首次",
    ),
    "exported before, no agency": (
        False,
        "此前已通过有组织劳务输出就业（2023年2月1日起，输出机构未登记），非首次",
    ),
    "recorded not first": (False, "登记为非首次有组织劳务输出"),
    "casual": (True, "临时务工（临工）"),
    "not casual": (False, "非临工"),
    "contract unrecorded": (False, "劳动合同（协议）期限未登记（要求≥12个月、≤36个月）"),
    "contract": (True, "劳动合同（协议）期限12个月（要求≥12个月、≤36个月）"),
    "contract at most": (False, "劳动合同（协议）期限12个月（要求≤6个月）"),
    "insurance unrecorded": (False, "社会保险缴费月数未登记（要求≥3个月）"),
    "insurance": (True, "缴纳社会保险3个月（要求≥3个月）"),
    "business before": (False, "此前已有创业记录（2023年2月1日起）"),
    "first business": (True, "首次创业"),
    "training": (False, "培训5天（要求≥10天）"),
    "stable, no job": (False, "没有就业记录"),
    "stable": (True, "稳定就业6个月（2025年3月1日起，要求≥3个月）"),
    "too short": (False, "该段就业2025年3月1日至2025年6月30日，仅3个月，不足12个月"),
    "stable so far": (False, "稳定就业 6/12 个月，2026年3月1日起可申请"),
}

#: The judge's own reasons as it said them before (met, words), by `judged`.
JUDGED_BEFORE: dict[str, list[tuple[bool, str]]] = {
    "claimed": [
        (True, "已申领（已提交，2025年3月1日的事项），限享受一次"),
    ],
    "claimed, no day": [
        (True, "已申领（草稿），限享受一次"),
    ],
    "claimed, counted from": [
        (True, "已申领（县审批，2025年3月1日的事项），限享受一次（自2024年1月1日起计）"),
    ],
    "claimed on the other row": [
        (
            True,
            "已申领（已提交，2025年3月1日的事项；此人在台账上登记了两遍，申领在另一条登记上），"
            "限享受一次",
        ),
    ],
    "claimed on the row deleted": [
        (
            True,
            "已申领（已提交，2025年3月1日的事项；此人在台账上登记了两遍，申领在已删除的那条登记上），"
            "限享受一次",
        ),
    ],
    "began in force, open-ended": [
        (True, "就业开始于2025年3月1日，在政策有效期（2023年6月15日至长期）内"),
        (True, "2025年3月1日 属于脱贫人口"),
        (True, "务工地点深圳市南山区，属跨省"),
        (True, "稳定就业6个月（2025年3月1日起，要求≥3个月）"),
    ],
    "began out of force": [
        (False, "就业开始于2026年3月1日，不在政策有效期（2021年1月1日至2025年12月31日）内"),
        (True, "2026年3月1日 属于脱贫人口"),
        (True, "务工地点深圳市南山区，属跨省"),
        (True, "此前没有跨省务工经历，属新跨省务工"),
        (False, "稳定就业 1/3 个月，2026年6月1日起可申请"),
    ],
    "monthly, in the agreement": [
        (True, "按月发放：2026年3月在政策有效期（2021年1月1日至2027年12月31日）内"),
        (True, "就业形式为公益性岗位"),
        (True, "劳动合同（协议）期限6个月（要求≤12个月）"),
        (True, "2026年3月仍在公益性岗位（2026年1月1日起）"),
        (True, "2026年3月在协议（2026年1月1日起6个月，至2026年6月30日）期内"),
    ],
    "monthly, agreement ended": [
        (True, "按月发放：2026年9月在政策有效期（2021年1月1日至2027年12月31日）内"),
        (True, "就业形式为公益性岗位"),
        (True, "劳动合同（协议）期限6个月（要求≤12个月）"),
        (True, "2026年9月仍在公益性岗位（2026年1月1日起）"),
        (
            False,
            "协议（2026年1月1日起6个月，至2026年6月30日）已到期，2026年9月不在协议期内（续签后请登记新的协议）",
        ),
    ],
    "monthly, left": [
        (True, "按月发放：2026年5月在政策有效期（2021年1月1日至2027年12月31日）内"),
        (True, "就业形式为公益性岗位"),
        (True, "劳动合同（协议）期限6个月（要求≤12个月）"),
        (False, "公益性岗位已于2026年2月28日结束，2026年5月不在公益性岗位"),
        (True, "2026年5月在协议（2026年1月1日起6个月，至2026年6月30日）期内"),
    ],
    "monthly, out of force": [
        (False, "按月发放：2028年2月不在政策有效期（2021年1月1日至2027年12月31日）内"),
        (True, "就业形式为公益性岗位"),
        (True, "劳动合同（协议）期限6个月（要求≤12个月）"),
        (True, "2028年2月仍在公益性岗位（2026年1月1日起）"),
        (
            False,
            "协议（2026年1月1日起6个月，至2026年6月30日）已到期，2028年2月不在协议期内（续签后请登记新的协议）",
        ),
    ],
    "yearly": [
        (True, "按年度发放：2025年度在政策有效期（2023年6月15日至长期）内"),
        (True, "2025年度 属于就业困难人员"),
        (True, "就业形式为灵活就业"),
        (True, "缴纳社会保险3个月（要求≥1个月）"),
        (True, "2025年度仍在灵活就业（2024年1月1日起）"),
    ],
    "yearly, out of force": [
        (False, "按年度发放：2022年度不在政策有效期（2023年6月15日至长期）内"),
        (True, "2022年度 属于就业困难人员"),
        (True, "就业形式为灵活就业"),
        (True, "缴纳社会保险3个月（要求≥1个月）"),
        (True, "2022年度仍在灵活就业（2021年1月1日起）"),
    ],
    "no job": [
        (False, "截至2025年9月1日没有就业记录"),
    ],
    "no training": [
        (False, "截至2025年9月1日没有职业培训记录"),
    ],
}


def templates(part: Part) -> set[str]:
    """The templates a sentence (and the sentences among its parts) is made of."""
    if not isinstance(part, Sentence):
        return set()
    return {part.template}.union(*(templates(p) for p in part.parts))


def said_here() -> set[str]:
    """The templates the scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    said = [judge().said() for judge in scenarios().values()]
    said += [r.said for reasons in judged().values() for r in reasons if r.said is not None]
    return set().union(*(templates(part) for part in said))


def test_each_reason_says_what_it_said_before() -> None:
    judged = {name: judge() for name, judge in scenarios().items()}
    assert {name: (o.met, o.words()) for name, o in judged.items()} == BEFORE
    for outcome in judged.values():
        assert isinstance(outcome.said(), Sentence)
        assert str(outcome.said()) == outcome.words()


def test_the_judges_own_reasons_say_what_they_said_before() -> None:
    said = judged()
    assert {name: [(r.met, r.text) for r in reasons] for name, reasons in said.items()} == (
        JUDGED_BEFORE
    )
    for reason in (r for reasons in said.values() for r in reasons):
        assert isinstance(reason.said, Sentence) and str(reason.said) == reason.text


def test_every_template_of_the_reasons_is_said() -> None:
    mine = {
        value
        for module in (conditions, eligibility)
        for name, value in vars(module).items()
        if isinstance(value, str)
        and value in sentences.TEMPLATES
        and (module is conditions or name in REASON_TEMPLATES)
    }
    assert len(mine) > 70
    assert mine - said_here() == set()
