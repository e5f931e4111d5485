"""The 待办 list's and the 户级责任 list's 说明 kept as sentences (`DueItem.said`,
`DutyFlag.said`), and what the county has still to set (`Policy.unset_said`): in Chinese each
says, byte for byte, what the program said before the templates (recorded from its output), so
`fieldapp due`, `fieldapp duties`, the papers and the workbooks read the same; the desktop says
them in the window's language (`tests.ui.test_due_and_duties_in_english`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fieldapp.domain.sentences import Sentence
from fieldapp.policy.combine import combine
from fieldapp.policy.due import DueItem, DueListBuilder
from fieldapp.policy.facts import HouseholdFacts, MonthFacts, RegistrationFacts, ServiceFacts
from fieldapp.policy.households import (
    DutyFlag,
    DutyKind,
    above_each_months_line_said,
    above_line_said,
    household_duties,
)
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from tests.policy.helpers import COUNTY_PACK, LIFTED, D, person, spell
from tests.services.sentence_checks import filled, templates

#: What each item's 说明 said before the templates (the program's output at 77028139).
BEFORE: dict[str, str] = {
    "registration": "2025年9月26日发现失业，7个工作日内办结失业登记",
    "1311": "2025年9月26日发现失业，5个工作日内提供“1311”就业服务"
    "（政策宣传1次、岗位推荐3次、职业指导1次、职业培训或就业见习1次）",
    "monthly": "2025年9月就业状态按月更新",
    "follow_up": "2025年8月1日就业（某劳务公司）后第1次跟踪回访",
    "follow_up_form": "2025年8月1日就业（公益性岗位）后第1次跟踪回访",
    "level": "中长期失业（登记6个月）最低服务，2025年7月3日起计",
    "level_class": "中短期失业（登记1个月，具备初级技能）最低服务，2025年4月4日起计",
    "one_per_household": "有劳动力2人（张三、李四），无人就业",
    "zero_employment": "劳动年龄内有劳动能力2人，均未就业，需动态清零",
    "above_line": "王五 灵活就业收入连续6个月（2025年3月至2025年8月）超过监测线 650 元/月，应退出公益性岗位",
    "above_lines": "王五 灵活就业收入连续6个月（2026年8月至2027年1月）超过当月的监测线"
    "（2027年1月1日起 700 元/月，此前 650 元/月），应退出公益性岗位",
    "two_posts": "王五 同时在两个公益性岗位：保洁岗（2025年1月1日起）与 护林岗（2025年3月1日起）",
    "two_posts_unnamed": "王五 同时在两个公益性岗位：岗位一（2025年1月1日起）与 岗位二（2025年3月1日起）",
}
FLAGGED = {
    DutyKind.ONE_PER_HOUSEHOLD: "one_per_household",
    DutyKind.ZERO_EMPLOYMENT: "zero_employment",
}
#: What the built-in pack leaves to the county, as `policy list` said it before.
UNSET_BEFORE = "防止返贫监测收入线：待县里核定标准"


def _policies() -> tuple[Policy, Policy, Policy]:
    """The seeds' pack; with a county's figures; with a new monitoring line from 2027."""
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    county = combine([*base, ("county.toml", parse_pack_text(COUNTY_PACK, "county.toml"))])
    text = (
        COUNTY_PACK.replace(
            'welfare_post_income_line = 650\nwelfare_post_income_line_document = "七人社通〔2026〕3号"',
            'welfare_post_income_line = 700\nwelfare_post_income_line_document = "七人社通〔2026〕20号"\n'
            "welfare_post_income_line_from = 2027-01-01\nwelfare_post_income_line_before = 650\n"
            'welfare_post_income_line_before_document = "七人社通〔2026〕3号"',
        )
        + '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\ntitle = "关于2027年监测收入线的通知"\n'
    )
    raised = combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])
    return PolicyRegistry(local=Path(tempfile.mkdtemp())).load(), county, raised


def _hh(*members, lifted: bool = False) -> HouseholdFacts:  # noqa: ANN002
    return HouseholdFacts("h", "520502001001", "007", "", is_lifted=lifted, members=list(members))


def scenarios() -> dict[str, DueItem | DutyFlag]:
    """One item or flag for each way a 说明 is said."""
    policy, county, raised = _policies()
    builder = DueListBuilder(policy)
    out: dict[str, DueItem | DutyFlag] = {}

    def kinds(facts, on) -> dict[str, DueItem]:  # noqa: ANN001
        return {i.kind: i for i in builder.for_person(facts, on)}

    found = RegistrationFacts("r", D(2025, 9, 26), None)
    placed = person(
        registrations=(found,),
        spells=(spell(D(2025, 8, 1), organized_export=True, employer="某劳务公司"),),
        months=(MonthFacts("2025-08", "已就业"),),
    )
    items = kinds(placed, D(2025, 9, 29))
    out["registration"], out["1311"] = items["失业登记"], items["1311服务"]
    out["monthly"], out["follow_up"] = items["月度更新"], items["跟踪回访"]
    post = spell(D(2025, 8, 1), form="公益性岗位", employer="")
    out["follow_up_form"] = kinds(
        person(spells=(post,), months=(MonthFacts("2025-08", "已就业"),)), D(2025, 9, 29)
    )["跟踪回访"]
    months = tuple(MonthFacts(f"2025-{m:02d}", "已就业") for m in range(1, 13))
    registered = RegistrationFacts("r", D(2025, 1, 2), D(2025, 1, 2))
    out["level"] = kinds(person(registrations=(registered,), months=months), D(2025, 7, 3))[
        "分级服务"
    ]
    classed = RegistrationFacts("r", D(2025, 3, 1), D(2025, 3, 3), "具备初级技能")
    given = (ServiceFacts("b", D(2025, 4, 10), "岗位推荐"),)
    out["level_class"] = kinds(
        person(registrations=(classed,), services=given, months=months), D(2025, 5, 1)
    )["分级服务"]
    idle = [
        person(person_id="x", name="张三", categories=LIFTED),
        person(person_id="y", name="李四", id_number="522401199001011234"),
    ]
    for flag in household_duties(policy, [_hh(*idle, lifted=True)], D(2025, 10, 1)):
        out[FLAGGED[flag.kind]] = flag
    holder_post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    rich = tuple(MonthFacts(f"2025-{m:02d}", "已就业", 900.0) for m in range(3, 9))
    holder = person(name="王五", spells=(holder_post,), months=rich)
    (out["above_line"],) = household_duties(county, [_hh(holder)], D(2025, 9, 10))
    later = [MonthFacts(f"2026-{m:02d}", "已就业", 680.0) for m in range(8, 13)]
    raised_holder = person(
        name="王五", spells=(holder_post,), months=(*later, MonthFacts("2027-01", "已就业", 720.0))
    )
    (out["above_lines"],) = household_duties(raised, [_hh(raised_holder)], D(2027, 2, 10))
    for name, employers in (("two_posts", ("保洁岗", "护林岗")), ("two_posts_unnamed", ("", ""))):
        a = spell(D(2025, 1, 1), id="p1", form="公益性岗位", employer=employers[0])
        b = spell(D(2025, 3, 1), id="p2", form="公益性岗位", employer=employers[1])
        (out[name],) = household_duties(
            policy, [_hh(person(name="王五", spells=(a, b)))], D(2025, 4, 1)
        )
    return out


def _said(found: DueItem | DutyFlag) -> tuple[Sentence, str]:
    said = found.said
    assert isinstance(said, Sentence)
    return said, found.title if isinstance(found, DueItem) else found.text


def said_here() -> set[str]:
    """The templates these scenarios say (`tests.services.test_policy_refusal_sentences`)."""
    policy = _policies()[0]
    met = {t for s in policy.unset_said() for t in templates(s)}
    found = scenarios().values()
    clauses = [f.clause_said for f in found if isinstance(f, DutyFlag) and f.clause_said]
    progress = [f.progress_said for f in found if isinstance(f, DueItem) and f.progress_said]
    unset = {t for s in UNSET_LINES.values() for t in templates(s)}
    return (
        met
        | unset
        | {t for item in found for t in templates(_said(item)[0])}
        | {t for clause in clauses for t in templates(clause)}
        | {t for shown in progress for t in templates(shown)}
    )


#: A monitoring line while the county has not set it (a guard: no flag is raised against an
#: unset line), as the clerk says it, and what it said before (“待县里核定标准 元/月”).
UNSET_LINES: dict[str, Sentence] = {
    "超过监测线（监测线待县里核定）": above_line_said(None),
    "超过当月的监测线（2027年1月1日起的监测线待县里核定，此前 650 元/月）": (
        above_each_months_line_said(D(2027, 1, 1), None, 650)
    ),
}


def test_an_unset_monitoring_line_is_said_as_the_clerk_says_it() -> None:
    """While the line is unset the flag's words (the page, the papers, `fieldapp duties`) say
    监测线待县里核定, never a figure-shaped “超过监测线 待县里核定标准 元/月”."""
    for chinese, shown in UNSET_LINES.items():
        assert str(shown) == filled(shown) == chinese
        assert "待县里核定标准" not in chinese and "待县里核定 元" not in chinese
    assert str(above_line_said(650)) == "超过监测线 650 元/月"
    assert str(above_each_months_line_said(D(2027, 1, 1), 700, 650)) == (
        "超过当月的监测线（2027年1月1日起 700 元/月，此前 650 元/月）"
    )


#: What each item's 进度 said before it was a sentence (the program's output at ed45eb0d).
PROGRESS_BEFORE = {
    "1311": "政策宣传 0/1、岗位推荐 0/3、职业指导 0/1、职业培训或就业见习 0/1",
    "follow_up": "跟踪回访 0/2",
    "follow_up_form": "跟踪回访 0/2",
    "level": "职业指导 0/1、岗位推荐 0/3、职业培训 0/1",
    "level_class": "职业指导 0/1、岗位推荐 1/3",
}


def test_each_items_progress_says_in_chinese_what_it_said_before() -> None:
    """The 待办 list's 进度 kept as a sentence (`DueItem.progress_said`) so the page says the
    services' names and the list in the window's language; its Chinese is what it said."""
    found = scenarios()
    shown = {
        name: item for name, item in found.items() if isinstance(item, DueItem) and item.progress
    }
    assert set(shown) == set(PROGRESS_BEFORE)
    for name, item in shown.items():
        assert item.progress == PROGRESS_BEFORE[name], name
        assert isinstance(item.progress_said, Sentence), name
        assert str(item.progress_said) == filled(item.progress_said) == item.progress, name
        assert item.as_dict()["progress"] == item.progress


def test_the_clause_of_a_line_run_says_in_chinese_what_it_said_before() -> None:
    """The 依据 of a flag measured against monitoring lines (the pack's clause；监测收入线：the
    documents) kept as a sentence (`DutyFlag.clause_said`) whose Chinese is the clause."""
    found = scenarios()
    for name in ("above_line", "above_lines"):
        flag = found[name]
        assert isinstance(flag, DutyFlag) and isinstance(flag.clause_said, Sentence)
        assert str(flag.clause_said) == filled(flag.clause_said) == flag.clause
        assert flag.as_dict()["clause"] == flag.clause
    assert found["above_line"].clause.endswith("；监测收入线：七人社通〔2026〕3号")
    assert found["above_lines"].clause.endswith(
        "；监测收入线：七人社通〔2026〕20号、七人社通〔2026〕3号"
    )
    assert all(
        f.clause_said is None
        for f in found.values()
        if isinstance(f, DutyFlag) and f.kind is not DutyKind.INCOME_ABOVE_LINE
    )


def test_each_item_says_in_chinese_what_it_said_before() -> None:
    found = scenarios()
    assert set(found) == set(BEFORE)
    for name, item in found.items():
        said, text = _said(item)
        assert text == BEFORE[name], name
        assert str(said) == text and filled(said) == text, name
        assert item.as_dict()["title" if isinstance(item, DueItem) else "text"] == text


def test_what_the_county_still_has_to_set_says_what_it_said_before() -> None:
    policy, county, _raised = _policies()
    assert policy.unset_figures()[-1] == UNSET_BEFORE
    assert policy.unset_figures() == [str(s) for s in policy.unset_said()]
    assert all(filled(s) == str(s) for s in policy.unset_said())
    assert UNSET_BEFORE not in county.unset_figures()
