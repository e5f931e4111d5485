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


def test_minimum_services_progress_counts_from_the_day_the_level_starts(policy: Policy) -> None:
    reg = RegistrationFacts("r", D(2025, 3, 1), D(2025, 3, 3), "具备初级技能")
    services = (
        ServiceFacts("a", D(2025, 3, 10), "岗位推荐"),  # during 短期失业: not this level's
        ServiceFacts("b", D(2025, 4, 10), "岗位推荐"),
        ServiceFacts("c", D(2025, 4, 12), "职业指导"),
    )
    facts = person(registrations=(reg,), services=services)
    status = level_status(policy, facts, reg, D(2025, 5, 1))
    assert status is not None and status.level is UnemploymentLevel.MEDIUM_SHORT
    assert status.started == D(2025, 4, 4)
    assert list(status.progress.items()) == [("职业指导", (1, 1)), ("岗位推荐", (1, 3))]
    assert not status.complete and status.due_date == D(2025, 9, 3)


def test_level_item_listed_from_the_day_the_level_starts(policy: Policy) -> None:
    """Not only in the level's last month: 中长期 (due at 12 months) shows from its first day."""
    reg = RegistrationFacts("r", D(2025, 1, 2), D(2025, 1, 2))
    facts = person(registrations=(reg,), months=MONTHS)
    builder = DueListBuilder(policy)
    first_day = {i.kind: i for i in builder.for_person(facts, D(2025, 7, 3))}
    item = first_day["分级服务"]
    assert item.title.startswith("中长期失业") and "2025年7月3日起计" in item.title
    # 12 months end on 2026-01-02, a 元旦 holiday: due on the make-up working Sunday 01-04.
    assert (
        item.due_date == D(2026, 1, 4)
        and item.progress == "职业指导 0/1、岗位推荐 0/3、职业培训 0/1"
    )
    assert item.urgency is Urgency.DUE
    before = {i.kind: i for i in builder.for_person(facts, D(2025, 7, 2))}
    assert before["分级服务"].title.startswith("中短期失业")


def test_due_list_1311_and_registration_over_national_day(policy: Policy) -> None:
    found = RegistrationFacts("r", D(2025, 9, 26), None)
    facts = person(registrations=(found,), months=MONTHS)
    items = {i.kind: i for i in DueListBuilder(policy).for_person(facts, D(2025, 10, 9))}
    assert items["1311服务"].due_date == D(2025, 10, 10)
    assert items["1311服务"].urgency is Urgency.DUE_SOON
    assert items["失业登记"].due_date == D(2025, 10, 13)
    late = {i.kind: i for i in DueListBuilder(policy).for_person(facts, D(2025, 10, 11))}
    assert late["1311服务"].urgency is Urgency.OVERDUE


def test_1311_cleared_only_by_the_services_that_make_it_up(policy: Policy) -> None:
    reg = (RegistrationFacts("r", D(2025, 9, 26), D(2025, 9, 28)),)
    one = person(
        registrations=reg, services=(ServiceFacts("s", D(2025, 9, 29), "职业指导"),), months=MONTHS
    )
    items = {i.kind: i for i in DueListBuilder(policy).for_person(one, D(2025, 10, 9))}
    assert (
        items["1311服务"].progress
        == "政策宣传 0/1、岗位推荐 0/3、职业指导 1/1、职业培训或就业见习 0/1"
    )
    assert "失业登记" not in items
    given = [
        ServiceFacts("p", D(2025, 9, 27), "政策宣传"),
        *(ServiceFacts(f"j{n}", D(2025, 9, 29), "岗位推荐") for n in range(3)),
        ServiceFacts("g", D(2025, 9, 30), "职业指导"),
    ]
    four = person(registrations=reg, services=tuple(given), months=MONTHS)
    items = {i.kind: i for i in DueListBuilder(policy).for_person(four, D(2025, 10, 9))}
    assert items["1311服务"].progress.endswith("职业培训或就业见习 0/1")
    internship = ServiceFacts("x", D(2025, 10, 8), "就业见习")
    done = person(registrations=reg, services=(*given, internship), months=MONTHS)
    kinds = [i.kind for i in DueListBuilder(policy).for_person(done, D(2025, 10, 9))]
    assert "1311服务" not in kinds
    before = person(
        registrations=reg,
        services=(ServiceFacts("o", D(2025, 9, 1), "政策宣传"), *given[1:], internship),
        months=MONTHS,
    )
    items = {i.kind: i for i in DueListBuilder(policy).for_person(before, D(2025, 10, 9))}
    assert items["1311服务"].progress.startswith("政策宣传 0/1")  # given before being found


def test_monthly_update_and_follow_up(policy: Policy) -> None:
    placed = person(
        spells=(spell(D(2025, 8, 1), organized_export=True),),
        months=(MonthFacts("2025-08", "已就业"),),
    )
    items = DueListBuilder(policy).for_person(placed, D(2025, 9, 26))
    by_kind = {i.kind: i for i in items}
    # August is recorded; September is due by the month's end (the county has set no day).
    assert by_kind["月度更新"].title == "2025年9月就业状态按月更新"
    assert by_kind["月度更新"].month == "2025-09"  # what the 按月更新 grid opens at
    assert by_kind["月度更新"].due_date == D(2025, 9, 30)
    assert by_kind["月度更新"].urgency is Urgency.DUE
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
    # Three months end on Saturday 2025-11-01: due on Monday 11-03.
    assert follow[0].due_date == D(2025, 11, 3) and follow[0].progress == "跟踪回访 1/2"


def test_no_monthly_update_for_people_without_labour(policy: Policy) -> None:
    old = person(birth="19500101")
    weak = person(labour_ability="丧失劳动力")
    builder = DueListBuilder(policy)
    assert builder.for_person(old, D(2025, 10, 1)) == []
    assert builder.for_person(weak, D(2025, 10, 1)) == []


def test_the_monthly_update_at_the_new_year_follows_the_age_in_the_month_due(
    policy: Policy,
) -> None:
    """On 2027-01-05 the December update is still open. A schoolgirl who turned 16 on
    2027-01-01 was 15 all December: she was listed as overdue for 2026-12 (her age was taken on
    the day the list was made). A man who turned 61 on 2027-01-01 was 60, of working age, all
    December, and his December update vanished from the list on New Year's Day."""
    on = D(2027, 1, 5)
    builder = DueListBuilder(policy)
    sixteen = [i for i in builder.for_person(person(birth="20110101"), on) if i.kind == "月度更新"]
    assert [i.month for i in sixteen] == ["2027-01"]
    sixty_one = [
        i for i in builder.for_person(person(birth="19660101"), on) if i.kind == "月度更新"
    ]
    assert [i.month for i in sixty_one] == ["2026-12"]
    assert sixty_one[0].urgency is Urgency.OVERDUE
    # One who turned 61 in mid-December is not in December's 按月更新 grid (its ages are taken
    # on the month's last day): no December update is asked of him either.
    older = [i for i in builder.for_person(person(birth="19651215"), on) if i.kind == "月度更新"]
    assert older == []
    # Once December is recorded nothing is due of him: January he is past working age.
    recorded = person(birth="19660101", months=(MonthFacts("2026-12", "已就业"),))
    assert [i for i in builder.for_person(recorded, on) if i.kind == "月度更新"] == []


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


def test_income_line_unset_until_the_county_sets_it(policy: Policy) -> None:
    post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    rich = tuple(MonthFacts(f"2025-{m:02d}", "已就业", 9000.0) for m in range(1, 9))
    holder = person(spells=(post,), months=rich)
    assert policy.line("welfare_post_income_line") is None
    assert household_duties(policy, [_household(holder)], D(2025, 9, 10)) == []


def test_welfare_post_income_above_line_six_months(county_policy: Policy) -> None:
    policy = county_policy
    post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    rich = tuple(MonthFacts(f"2025-{m:02d}", "已就业", 900.0) for m in range(3, 9))
    holder = person(spells=(post,), months=rich)
    flags = household_duties(policy, [_household(holder)], D(2025, 9, 10))
    assert [f.kind for f in flags] == [DutyKind.INCOME_ABOVE_LINE]
    assert "连续6个月" in flags[0].text and "2025年3月至2025年8月" in flags[0].text
    five = person(spells=(post,), months=rich[1:])
    assert household_duties(policy, [_household(five)], D(2025, 9, 10)) == []


def test_a_new_monitoring_line_from_the_new_year_leaves_the_old_years_months_to_the_old_line() -> (
    None
):
    """The county raises the monitoring line from 650 to 700 元/月 from 2027-01-01. A post
    holder earning 680 元 a month from August 2026 (above the line of the day) and 720 in
    January was above the line six months running, yet was not flagged in February: every
    month, 2026's too, was measured against the new line. Each month is now measured against
    the line in force in it, and both documents are cited."""
    import tempfile
    from pathlib import Path

    from fieldapp.policy.combine import combine
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.registry import PolicyRegistry
    from tests.policy.helpers import COUNTY_PACK

    text = (
        COUNTY_PACK.replace(
            'welfare_post_income_line = 650\nwelfare_post_income_line_document = "七人社通〔2026〕3号"',
            'welfare_post_income_line = 700\nwelfare_post_income_line_document = "七人社通〔2026〕20号"\n'
            "welfare_post_income_line_from = 2027-01-01\nwelfare_post_income_line_before = 650\n"
            'welfare_post_income_line_before_document = "七人社通〔2026〕3号"',
        )
        + '\n[[documents]]\nnumber = "七人社通〔2026〕20号"\ntitle = "关于2027年监测收入线的通知"\n'
    )
    assert "line_from" in text
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])
    post = spell(D(2024, 1, 1), form="公益性岗位", place_code="520502001", employer="保洁岗")
    months = [MonthFacts(f"2026-{m:02d}", "已就业", 680.0) for m in range(8, 13)]
    holder = person(spells=(post,), months=(*months, MonthFacts("2027-01", "已就业", 720.0)))
    (flag,) = household_duties(policy, [_household(holder)], D(2027, 2, 10))
    assert flag.kind is DutyKind.INCOME_ABOVE_LINE
    assert "连续6个月（2026年8月至2027年1月）超过当月的监测线" in flag.text
    assert "（2027年1月1日起 700 元/月，此前 650 元/月）" in flag.text  # as the county writes it
    assert "监测收入线：七人社通〔2026〕20号、七人社通〔2026〕3号" in flag.clause
    # 680 元 in January is under the new line: the run ends there.
    below = person(spells=(post,), months=(*months, MonthFacts("2027-01", "已就业", 680.0)))
    assert household_duties(policy, [_household(below)], D(2027, 2, 10)) == []


def test_one_person_two_posts(policy: Policy) -> None:
    a = spell(D(2025, 1, 1), id="p1", form="公益性岗位", employer="保洁岗")
    b = spell(D(2025, 3, 1), id="p2", form="公益性岗位", employer="护林岗")
    flags = household_duties(policy, [_household(person(spells=(a, b)))], D(2025, 4, 1))
    assert [f.kind for f in flags] == [DutyKind.TWO_POSTS]
    assert "保洁岗" in flags[0].text and "护林岗" in flags[0].text
    # Printed on the 户级责任清单: the days as the paper writes them, not 2025-01-01.
    assert "保洁岗（2025年1月1日起）与 护林岗（2025年3月1日起）" in flags[0].text


def test_a_deadline_in_months_that_lands_on_a_day_off_moves_to_the_next_working_day(
    policy: Policy,
) -> None:
    """民法典 第二百零三条: a period whose last day is a day off ends on the next working day,
    counted on the app's calendar (a 调休 Sunday is a working day)."""
    builder = DueListBuilder(policy)
    # A follow-up due Sunday 2027-01-03 is due Monday 2027-01-04, not overdue that Monday.
    placed = person(
        spells=(spell(D(2026, 12, 3), organized_export=True),),
        months=(MonthFacts("2026-12", "已就业"), MonthFacts("2027-01", "已就业")),
    )
    follow = {i.kind: i for i in builder.for_person(placed, D(2027, 1, 4))}["跟踪回访"]
    assert follow.due_date == D(2027, 1, 4)
    assert follow.urgency is Urgency.DUE_SOON
    assert "2027年放假调休安排尚未载入" in follow.note
    # A level's minimum services due on 2026-01-02 (元旦 holiday) are due on the make-up
    # working Sunday 2026-01-04.
    reg = RegistrationFacts("r", D(2025, 7, 2), D(2025, 7, 2))
    waiting = person(registrations=(reg,), months=MONTHS)
    level = {i.kind: i for i in builder.for_person(waiting, D(2025, 8, 10))}["分级服务"]
    assert level.due_date == D(2026, 1, 4)
    # January's update, due at the month's end (Saturday 2026-01-31), is due Monday 02-02.
    recorded = tuple(MonthFacts(f"2025-{m:02d}", "已就业") for m in range(1, 13))
    idle = person(months=recorded)
    monthly = {i.kind: i for i in builder.for_person(idle, D(2026, 2, 1))}["月度更新"]
    assert monthly.month == "2026-01" and monthly.due_date == D(2026, 2, 2)
    assert monthly.urgency is not Urgency.OVERDUE


def test_a_bundle_item_of_either_service_is_said_as_one_sentence_of_the_either_template():
    """A 1311 item any of whose services counts (职业培训或就业见习1次) was joined as a list
    with a template of its own and failed `listed`'s check (not a list of several); it is now
    the one either-sentence the write door's refusals use (村/安置点专员或县级设备)."""
    from fieldapp.domain.sentences import EITHER, Sentence, Word
    from fieldapp.policy.due import bundle_said
    from fieldapp.policy.pack import ServiceBundle

    bundle = ServiceBundle.model_validate(
        {
            "name": "1311",
            "items": [
                {"services": ["政策宣传"], "count": 1},
                {"services": ["职业培训", "就业见习", "职业指导"], "count": 2},
            ],
        }
    )
    shown = bundle_said(bundle)
    assert str(shown) == bundle.describe() == "政策宣传1次、职业培训或就业见习或职业指导2次"
    assert isinstance(shown, Sentence)
    item = shown.parts[1]
    assert isinstance(item, Sentence)
    either = item.parts[0]
    assert isinstance(either, Sentence) and either.template == EITHER
    assert either.parts[0] == Word("职业培训", common=True)
