"""Services due (levels, progress, deadlines, urgency) and household duties."""

from __future__ import annotations

from fieldapp.domain.enums import UnemploymentLevel
from fieldapp.policy.due import DueListBuilder, Urgency, level_of, level_status
from fieldapp.policy.facts import HouseholdFacts, MonthFacts, RegistrationFacts, ServiceFacts
from fieldapp.policy.households import DutyKind, household_duties
from fieldapp.policy.pack import Policy
from tests.policy.helpers import LIFTED, D, person, spell

MONTHS = tuple(MonthFacts(f"2025-{m:02d}", "未就业") for m in range(1, 13))


def test_levels_by_months_registered() -> None:
    reg = D(2025, 1, 31)
    assert level_of(reg, D(2025, 2, 28)) is UnemploymentLevel.SHORT
    assert level_of(reg, D(2025, 3, 1)) is UnemploymentLevel.MEDIUM_SHORT
    assert level_of(reg, D(2025, 7, 31)) is UnemploymentLevel.MEDIUM_SHORT
    assert level_of(reg, D(2025, 8, 1)) is UnemploymentLevel.MEDIUM_LONG
    assert level_of(reg, D(2026, 2, 1)) is UnemploymentLevel.LONG


def test_minimum_services_progress(policy: Policy) -> None:
    reg = RegistrationFacts("r", D(2025, 3, 1), D(2025, 3, 3), "具备初级技能")
    services = (
        ServiceFacts("a", D(2025, 3, 10), "岗位推荐"),
        ServiceFacts("b", D(2025, 4, 10), "岗位推荐"),
        ServiceFacts("c", D(2025, 4, 12), "职业指导"),
    )
    facts = person(registrations=(reg,), services=services)
    status = level_status(policy, facts, reg, D(2025, 5, 1))
    assert status is not None and status.level is UnemploymentLevel.MEDIUM_SHORT
    assert status.progress_text() == "职业指导 1/1、岗位推荐 2/3"
    assert not status.complete and status.due_date == D(2025, 9, 3)


def test_due_list_1311_and_registration_over_national_day(policy: Policy) -> None:
    found = RegistrationFacts("r", D(2025, 9, 26), None)
    facts = person(registrations=(found,), months=MONTHS)
    items = {i.kind: i for i in DueListBuilder(policy).for_person(facts, D(2025, 10, 9))}
    assert items["1311服务"].due_date == D(2025, 10, 10)
    assert items["1311服务"].urgency is Urgency.DUE_SOON
    assert items["失业登记"].due_date == D(2025, 10, 13)
    late = {i.kind: i for i in DueListBuilder(policy).for_person(facts, D(2025, 10, 11))}
    assert late["1311服务"].urgency is Urgency.OVERDUE


def test_served_person_has_no_1311_item(policy: Policy) -> None:
    facts = person(
        registrations=(RegistrationFacts("r", D(2025, 9, 26), D(2025, 9, 28)),),
        services=(ServiceFacts("s", D(2025, 9, 29), "职业指导"),),
        months=MONTHS,
    )
    kinds = [i.kind for i in DueListBuilder(policy).for_person(facts, D(2025, 10, 9))]
    assert "1311服务" not in kinds and "失业登记" not in kinds
    assert "分级服务" in kinds


def test_monthly_update_and_follow_up(policy: Policy) -> None:
    placed = person(
        spells=(spell(D(2025, 8, 1), organized_export=True),),
        months=(MonthFacts("2025-08", "已就业"),),
    )
    items = DueListBuilder(policy).for_person(placed, D(2025, 9, 26))
    by_kind = {i.kind: i for i in items}
    # August is recorded; September is due by the 25th and is now late.
    assert by_kind["月度更新"].title.startswith("2025-09")
    assert by_kind["月度更新"].urgency is Urgency.OVERDUE
    assert by_kind["月度更新"].due_date == D(2025, 9, 25)
    assert by_kind["跟踪回访"].due_date == D(2025, 9, 1)
    assert by_kind["跟踪回访"].urgency is Urgency.OVERDUE
    visited = person(
        spells=(spell(D(2025, 8, 1), organized_export=True),),
        services=(ServiceFacts("f", D(2025, 8, 30), "跟踪回访"),),
        months=MONTHS,
    )
    follow = [
        i
        for i in DueListBuilder(policy).for_person(visited, D(2025, 10, 20))
        if i.kind == "跟踪回访"
    ]
    assert follow[0].due_date == D(2025, 11, 1) and follow[0].progress == "跟踪回访 1/2"


def test_no_monthly_update_for_people_without_labour(policy: Policy) -> None:
    old = person(birth="19500101")
    weak = person(labour_ability="丧失劳动力")
    builder = DueListBuilder(policy)
    assert builder.for_person(old, D(2025, 10, 1)) == []
    assert builder.for_person(weak, D(2025, 10, 1)) == []


def test_due_list_sorted_by_urgency(policy: Policy) -> None:
    a = person(
        person_id="a", registrations=(RegistrationFacts("r", D(2025, 9, 1), None),), months=MONTHS
    )
    b = person(
        person_id="b", registrations=(RegistrationFacts("r", D(2025, 10, 8), None),), months=MONTHS
    )
    items = DueListBuilder(policy).build([b, a], D(2025, 10, 9))
    assert [i.urgency for i in items] == sorted((i.urgency for i in items), key=list(Urgency).index)
    assert items[0].person_id == "a" and items[0].urgency is Urgency.OVERDUE


# -- household duties --------------------------------------------------------------------------------


def _household(*members, lifted: bool = False) -> HouseholdFacts:  # noqa: ANN002
    return HouseholdFacts("h", "520502001001", "007", "", is_lifted=lifted, members=list(members))


def test_one_per_household_and_zero_employment(policy: Policy) -> None:
    idle = person(person_id="x", categories=LIFTED)
    flags = household_duties(policy, [_household(idle, lifted=True)], D(2025, 10, 1))
    assert {f.kind for f in flags} == {DutyKind.ONE_PER_HOUSEHOLD, DutyKind.ZERO_EMPLOYMENT}
    working = person(person_id="y", spells=(spell(D(2025, 1, 1)),))
    assert household_duties(policy, [_household(idle, working, lifted=True)], D(2025, 10, 1)) == []


def test_welfare_post_income_above_line_six_months(policy: Policy) -> None:
    post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    rich = tuple(MonthFacts(f"2025-{m:02d}", "已就业", 900.0) for m in range(3, 9))
    holder = person(spells=(post,), months=rich)
    flags = household_duties(policy, [_household(holder)], D(2025, 9, 10))
    assert [f.kind for f in flags] == [DutyKind.INCOME_ABOVE_LINE]
    assert "连续6个月" in flags[0].text and "2025-03 至 2025-08" in flags[0].text
    five = person(spells=(post,), months=rich[1:])
    assert household_duties(policy, [_household(five)], D(2025, 9, 10)) == []


def test_one_person_two_posts(policy: Policy) -> None:
    a = spell(D(2025, 1, 1), id="p1", form="公益性岗位", employer="保洁岗")
    b = spell(D(2025, 3, 1), id="p2", form="公益性岗位", employer="护林岗")
    flags = household_duties(policy, [_household(person(spells=(a, b)))], D(2025, 4, 1))
    assert [f.kind for f in flags] == [DutyKind.TWO_POSTS]
    assert "保洁岗" in flags[0].text and "护林岗" in flags[0].text
