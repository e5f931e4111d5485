"""Monthly visit sheets and work certificates, from a real ledger."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fieldapp.domain.enums import ServiceType, WorkStatus
from fieldapp.domain.errors import FieldappError, NotFound
from fieldapp.domain.models import EmploymentSpell, MonthlyStatus, ServiceRecord, Visit
from fieldapp.paperwork.jobs import certificate_job, visits_job
from tests.paperwork.builders import VILLAGE, add_areas, add_household, id_for
from tests.paperwork.pdftext import assert_fonts_embedded, page_texts
from tests.paperwork.visited_village import _typed_on_the_sheet, _village
from tests.records import Records


def _flat(pdf: bytes) -> str:
    """The PDF's text, all its pages, without white space (a cell's words wrap)."""
    return "".join("".join(page_texts(pdf)).split())


def _first_person(ledger, people: list[list[str]]) -> tuple[str, str]:
    """The first household's first member (at work in Ningbo): id and 身份证号."""
    person = people[0][0]
    return person, ledger.get("persons", person)["id_number"]


def _found_unemployed(ledger, person: str, found: dt.date):
    """`person` found unemployed on `found` (owed the 1311 service), and the policy a sheet's
    deadlines are counted by without the State Council's holiday schedules (estimated)."""
    from pathlib import Path

    from fieldapp.domain.models import UnemploymentRegistration
    from fieldapp.policy.registry import PolicyRegistry

    with ledger.transaction():
        ledger.insert(
            "unemployment_registrations",
            UnemploymentRegistration(person_id=person, found_date=found).fields(),
        )
    return PolicyRegistry(local=Path("/nonexistent")).load()


def _works_since_march(ledger, person: str, place_name: str, place_code: str = "") -> Records:
    """`person` at work since 1 March 2026 at a mushroom farm of the county (播州区), at the
    place as recorded; the ledger's records, to add more."""
    records = Records(ledger)
    records.save(
        EmploymentSpell(
            person_id=person,
            start_date=dt.date(2026, 3, 1),
            place_name=place_name,
            place_code=place_code,
            employer="播州区某食用菌基地",
        )
    )
    return records


def test_visit_sheet_shows_status_services_visits_and_due(ledger):
    people = _village(ledger)
    due = {people[1][0]: ["失业登记（10月20日前，已逾期）"]}
    job = visits_job(ledger, VILLAGE, "2026-10", due=lambda pid: due.get(pid, []))
    pdf = job.render()
    text = "\n".join(page_texts(pdf))
    flat = "".join(text.split())
    # The place, then the month a space apart (as a printed title sets them; see
    # test_a_groups_visit_sheet_sets_its_place_apart_from_its_month).
    assert text.startswith("龙坑街道 大坪村 2026年10月就业帮扶台账月报（走访记录）\n"), text[:80]
    for expected in (
        "H00000",
        "H00001",
        "已就业",
        "未就业",
        "宁波某某电子有限公司",
        "10月12日岗位推荐",
    ):
        assert expected in flat, expected
    assert "10月5日罗志强需推荐岗位" in flat
    assert "失业登记（10月20日前，已逾期）" in flat
    # Households 1 and 2 have nobody at work this month: zero-employment, named in the summary.
    assert flat.count("零就业家庭") >= 3
    assert re.search(r"共3户9人", flat)
    assert_fonts_embedded(pdf)


def test_households_are_never_split_across_pages(ledger):
    _village(ledger, households=24, members=3)
    texts = page_texts(visits_job(ledger, VILLAGE, "2026-10", due=lambda pid: []).render())
    assert len(texts) > 1
    seen: dict[str, int] = {}
    for n, text in enumerate(texts):
        for number in set(re.findall(r"H\d{5}", text)):
            assert number not in seen, f"{number} on pages {seen[number]} and {n}"
            seen[number] = n
    assert len(seen) == 24
    for n, text in enumerate(texts, start=1):
        assert f"第 {n} 页 共 {len(texts)} 页" in text


def test_visit_sheet_refuses_bad_input(ledger):
    _village(ledger, households=1)
    with pytest.raises(FieldappError, match="月份应写成“年-月”.*2026-13"):
        visits_job(ledger, VILLAGE, "2026-13")
    with pytest.raises(NotFound, match="999999999999"):
        visits_job(ledger, "999999999999", "2026-10", due=lambda pid: [])


def test_visit_sheet_with_the_policy_due_list(ledger):
    from fieldapp.policy.registry import PolicyRegistry

    _village(ledger, households=1)
    job = visits_job(ledger, VILLAGE, "2026-10", policy=PolicyRegistry().load())
    assert job.note == ""  # the due column came from the policy handed in
    assert page_texts(job.render())


def test_visit_sheet_without_a_policy_says_what_its_due_column_holds(ledger):
    _village(ledger, households=1)
    job = visits_job(ledger, VILLAGE, "2026-10")
    assert "政策包" in job.note and "本月状态" in job.note
    assert page_texts(job.render())


def test_certificates_stable_and_casual(ledger):
    people = _village(ledger, households=1)
    _, number = _first_person(ledger, people)
    stable = _flat(certificate_job(ledger, number).render())
    for expected in (
        "务工证明",
        number,
        "宁波某某电子有限公司",
        "浙江省宁波市北仑区",
        "2026年3月1日",
        "用工单位（盖章）",
        "劳动合同期限",
        "缴纳社会保险",
    ):
        assert expected in stable, expected
    assert "临时务工" not in stable
    casual = _flat(certificate_job(ledger, number, casual=True).render())
    for expected in (
        "务工证明（临时务工）",
        number,
        "累计务工天数",
        "日工资",
        "用工方（签字或盖章）",
        "核实意见",
    ):
        assert expected in casual, expected
    with pytest.raises(NotFound, match="没有身份证号"):
        certificate_job(ledger, "520321199001011234")


def test_certificate_has_this_months_wage_and_the_months_of_stable_work(ledger):
    from fieldapp.domain.dates import add_months
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.month import Month

    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    repo = Records(ledger)
    today = china_today()  # the paper's day is China's, whatever zone this computer keeps
    # A job that started five whole months ago, at 4800 a month on the spell …
    start = add_months(today, -5)
    repo.save(
        EmploymentSpell(
            person_id=person,
            start_date=start,
            place_name="广东省东莞市",
            employer="东莞某某电子有限公司",
            monthly_income=4800.0,
        )
    )
    # … and this month's update, recorded just now, says 5200.
    month = str(Month.of(today))
    repo.set_monthly_status(
        MonthlyStatus(person_id=person, month=month, status=WorkStatus.EMPLOYED, income=5200.0)
    )
    text = _flat(certificate_job(ledger, number).render())
    assert "东莞某某电子有限公司" in text
    assert "5200元" in text and "4800" not in text
    assert f"5个月（截至{today.year}年{today.month}月{today.day}日）" in text
    assert not re.search(r"\d\.0(?!\d)", text)  # money never as 4800.0


def _held_at(ledger, person: str, income: float | None, months_ago: int = 5) -> tuple[str, str]:
    """`person` at work at 东莞某某电子有限公司 since `months_ago` months, at `income` a month
    on the job; the job's id and last month ('YYYY-MM')."""
    from fieldapp.domain.dates import add_months
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.month import Month
    from fieldapp.services import work
    from fieldapp.services.writer import actor_of

    today = china_today()
    made = work.save_record(
        ledger,
        actor_of(ledger),
        EmploymentSpell(
            person_id=person,
            start_date=add_months(today, -months_ago),
            place_name="广东省东莞市",
            employer="东莞某某电子有限公司",
            monthly_income=income,
        ),
    )
    return made.id or "", str(Month.of(today).previous())


def test_a_certificate_says_the_jobs_income_as_edited_not_last_months(ledger):
    # With no status this month, the 务工证明 printed last month's income before the job's:
    # a job's income corrected since printed as it was.
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.month import Month
    from fieldapp.services import work
    from fieldapp.services.writer import actor_of

    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    job_id, last = _held_at(ledger, person, 4800.0)
    actor = actor_of(ledger)
    work.set_monthly_status(
        ledger,
        actor,
        MonthlyStatus(
            person_id=person, month=last, status=WorkStatus.EMPLOYED, spell_id=job_id, income=4500.0
        ),
    )
    job = ledger.get("employment_spells", job_id)
    work.save_record(
        ledger, actor, EmploymentSpell(**{**job, "monthly_income": 5600.0}), EmploymentSpell(**job)
    )
    assert Records(ledger).select(MonthlyStatus, f"month = '{Month.of(china_today())}'") == []
    text = _flat(certificate_job(ledger, number).render())
    assert "5600元" in text and "4500" not in text and "4800" not in text


def test_a_certificate_prints_last_months_income_only_for_a_job_of_no_figure(ledger):
    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    job_id, last = _held_at(ledger, person, None)
    Records(ledger).set_monthly_status(
        MonthlyStatus(
            person_id=person, month=last, status=WorkStatus.EMPLOYED, spell_id=job_id, income=4500.0
        )
    )
    assert "4500元" in _flat(certificate_job(ledger, number).render())


def test_this_months_income_said_before_the_jobs_was_edited_is_not_printed(ledger):
    # This month's status naming no job (the monthly page left it unnamed) does not follow
    # the job's edits: its figure, said before the job's, is not what the job pays now.
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.month import Month
    from fieldapp.services import work
    from fieldapp.services.writer import actor_of

    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    job_id, _ = _held_at(ledger, person, 4800.0)
    month = str(Month.of(china_today()))
    records = Records(ledger)
    records.set_monthly_status(
        MonthlyStatus(person_id=person, month=month, status=WorkStatus.EMPLOYED, income=5200.0)
    )
    assert "5200元" in _flat(certificate_job(ledger, number).render())  # said after the job's
    job = ledger.get("employment_spells", job_id)
    work.save_record(
        ledger,
        actor_of(ledger),
        EmploymentSpell(**{**job, "monthly_income": 6100.0}),
        EmploymentSpell(**job),
    )
    assert records.get(MonthlyStatus, natural_id_of(person, month)).income == 5200.0
    text = _flat(certificate_job(ledger, number).render())
    assert "6100元" in text and "5200" not in text


def test_a_months_income_of_another_job_is_not_printed_for_this_one(ledger):
    # He holds a job and works casually too; this month's status names the casual work: its
    # figure is not the job's.
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.month import Month

    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    _held_at(ledger, person, 4800.0)
    records = Records(ledger)
    casual = records.save(
        EmploymentSpell(
            person_id=person,
            start_date=china_today(),
            employer="村里砌墙",
            is_casual=True,
            monthly_income=1500.0,
        )
    )
    records.set_monthly_status(
        MonthlyStatus(
            person_id=person,
            month=str(Month.of(china_today())),
            status=WorkStatus.EMPLOYED,
            spell_id=casual,
            income=1900.0,
        )
    )
    stable = _flat(certificate_job(ledger, number, casual=False).render())
    assert "4800元" in stable and "1900" not in stable and "1500" not in stable


def natural_id_of(person: str, month: str) -> str:
    from fieldapp.store.ids import natural_id

    return natural_id("monthly_status", person, month)


def test_a_certificate_of_a_job_recorded_by_its_code_alone_names_the_place(ledger):
    # The 务工证明's 务工地点 was left blank for a job whose place came as a code alone.
    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    start = dt.date.today() - dt.timedelta(days=40)
    Records(ledger).save(
        EmploymentSpell(person_id=person, start_date=start, place_code="441900", employer="某厂")
    )
    text = _flat(certificate_job(ledger, number).render())
    assert "某厂" in text and "广东省东莞市" in text and "441900" not in text


def test_a_visit_sheet_whose_deadlines_are_estimated_says_so(ledger):
    """The coordinator prints February's visit sheet on 2027-02-03: its 应办事项 column gives
    each 1311 service's deadline, counted across the Spring Festival on 2027's statutory
    holidays alone (the State Council's schedule not loaded) — the due list says so, the sheet
    the coordinator carries from door to door did not."""
    people = _village(ledger)
    policy = _found_unemployed(ledger, people[1][0], dt.date(2027, 2, 1))
    job = visits_job(ledger, VILLAGE, "2027-02", policy=policy, today=dt.date(2027, 2, 3))
    assert "发现失业" in _flat(job.render())  # a cell's words wrap where they fit
    assert job.note == (
        "“应办事项”中的期限是估算的：2027年放假调休安排尚未载入，期限按法定节假日估算"
    )
    autumn = visits_job(ledger, VILLAGE, "2026-10", policy=policy, today=dt.date(2026, 10, 20))
    assert "估算" not in autumn.note


def test_the_visit_sheet_counts_zero_employment_households_as_the_monthly_report(ledger):
    """A household of two 66-year-olds still able to work (普通劳动力), no job: the visit sheet
    marked it 零就业家庭 and its summary counted and named it (须动态清零), while the month's
    月报 and the 户级责任清单 count only households with labour of working age (16–60) — the
    village's sheet said 零就业家庭 22 户, its 月报 12. The sheet now counts as the report does:
    the working-age household jobless is a 零就业家庭, the elderly one is not."""
    from fieldapp.domain.models import Household, Person
    from tests.conftest import make_id
    from tests.paperwork.builders import GROUP

    repo = Records(ledger)
    with ledger.transaction():
        add_areas(repo)
        _young, _ids = add_household(repo, 1, 1)  # 1970s-born, jobless
        old = ledger.insert(
            "households",
            Household(area_code=GROUP, address="9号", household_no="H00099").fields(),
        )
        head = ledger.insert(
            "persons",
            Person(household_id=old, name="杨老汉", id_number=make_id("520321", "19600316", "131"),
                   relation="户主").fields(),
        )  # fmt: skip
        ledger.insert(
            "persons",
            Person(household_id=old, name="李老太", id_number=make_id("520321", "19600520", "142"),
                   relation="配偶").fields(),
        )  # fmt: skip
        ledger.update("households", old, {"head_person_id": head})
    pdf = visits_job(ledger, VILLAGE, "2026-12", due=lambda pid: []).render()
    flat = _flat(pdf)
    assert "零就业家庭1户" in flat, flat[-300:]
    assert flat.count("零就业家庭") == 2  # the young household's mark and the summary
    summary = flat[flat.index("零就业家庭1户") :]
    assert "杨老汉" not in summary


def test_a_deadline_in_the_next_year_says_its_year_on_decembers_sheet(ledger):
    """December's visit sheet, carried door to door on 29 December: a person found unemployed
    on 28 December is owed the 1311 service within 5 working days, by 5 January — the sheet
    said （1月5日前，即将到期）, a date of the sheet's own year long past. A deadline in another
    year than the sheet's month now says its year: （2027年1月5日前，即将到期）; one within the
    year reads as before."""
    people = _village(ledger)
    policy = _found_unemployed(ledger, people[1][0], dt.date(2026, 12, 28))
    job = visits_job(ledger, VILLAGE, "2026-12", policy=policy, today=dt.date(2026, 12, 29))
    flat = _flat(job.render())
    assert re.search(r"（2027年1月\d+日前，", flat), flat
    assert not re.search(r"（1月\d+日前", flat), flat
    assert "（11月30日前" in flat  # deadlines of the sheet's own year: no year


def test_the_visit_sheet_carried_door_to_door_names_no_sensitive_category(ledger):
    """The visit sheet goes from house to house and lies open on neighbours' tables: its
    人员类别 column printed every category held, 刑满释放人员, 戒毒康复人员 and 残疾人 too. It now
    leaves those three out (as a posted notice does) and keeps the rest; the 月报 and the
    rosters, which are not carried around, still count and print them."""
    from fieldapp.domain.enums import Category
    from fieldapp.domain.models import CategoryMembership

    people = _village(ledger, households=1, members=3)
    with ledger.transaction():
        for pid, category in zip(
            people[0], (Category.RELEASED, Category.REHAB, Category.DISABLED), strict=True
        ):
            ledger.insert(
                "person_categories",
                CategoryMembership(
                    person_id=pid, category=category, start_date=dt.date(2020, 1, 1)
                ).fields(),
            )
    flat = _flat(visits_job(ledger, VILLAGE, "2026-10").render())
    for hidden in ("刑满释放", "戒毒", "残疾"):
        assert hidden not in flat, hidden
    assert flat.count("脱贫人口") == 3  # every member's other categories still show


def test_the_training_roster_names_each_trainings_type_and_days(ledger):
    """The printed 培训名册 gave each training its date and days only: the county's roster
    columns are 培训类型 and 培训天数, and a clerk copying it up had to look every 创业培训 up
    again. It now prints the type the coordinator recorded beside the days; a training whose
    days or type were not recorded leaves its cell blank."""
    from fieldapp.paperwork.jobs import rosters_job

    people = _village(ledger, households=1, members=2)
    with ledger.transaction():
        for pid, kind, days in ((people[0][0], "创业培训", 10), (people[0][1], "", None)):
            ledger.insert(
                "services",
                ServiceRecord(
                    person_id=pid,
                    service_date=dt.date(2026, 9, 8),
                    service_type=ServiceType.TRAINING,
                    training_kind=kind,
                    training_days=days,
                ).fields(),
            )
    job = rosters_job(ledger, VILLAGE, dt.date(2026, 10, 31), "培训名册")
    flat = _flat(job.render())
    assert "培训类型" in flat and "培训天数" in flat
    assert "创业培训" in flat
    assert "None" not in flat


def test_a_visit_sheet_of_an_area_the_ledger_does_not_list_names_it(ledger):
    """Households moved in from a sheet under a village the ledger does not list (鸭池镇's
    520502100200): the sheet's title and its 村（社区）/安置点 cell printed the twelve digits;
    they now name the place from the division table."""
    from fieldapp.domain.models import Household, Person

    unlisted = "520502100200"
    repo = Records(ledger)
    with ledger.transaction():
        household = repo.save(Household(area_code=unlisted, address="某组3号", household_no="H9"))
        repo.add_person(
            Person(name="罗明", id_number=id_for(501), household_id=household, relation="户主")
        )
    text = _flat(visits_job(ledger, unlisted, "2026-10").render())
    assert text.startswith("贵州省毕节市七星关区鸭池镇2026年10月"), text
    # The place cell names it; the code keeps its own cell (代码) and the footer's.
    assert "村（社区）/安置点：贵州省毕节市七星关区鸭池镇代码：520502100200" in text, text


def test_the_visit_sheet_says_where_each_job_is_in_the_villages_words(ledger):
    """The 走访记录's 就业去向 printed a job in the county as 贵州省遵义市播州区龙坑街道 — four
    lines in a narrow column that ran over the row's borders on the sheet carried door to
    door — and left a job recorded by its code alone without any place. A job in the
    sheet's own county is now named from below the county (龙坑街道), any other by its name
    (广东省东莞市), never as digits."""
    people = _village(ledger, households=3, members=2)
    records = _works_since_march(ledger, people[1][0], "贵州省遵义市播州区龙坑街道")
    records.save(
        EmploymentSpell(
            person_id=people[2][0],
            start_date=dt.date(2026, 3, 1),
            place_code="441900",
            employer="某厂",
        )
    )
    text = _flat(visits_job(ledger, VILLAGE, "2026-10").render())
    assert "龙坑街道播州区某食用菌基地" in text, text
    assert "贵州省遵义市播州区龙坑街道" not in text
    assert "广东省东莞市某厂" in text and "441900" not in text


def test_the_printed_rosters_name_a_job_in_the_county_from_below_it(ledger):
    """The printed 劳动力名册 and 转移就业名册 gave a job in the county as
    贵州省遵义市播州区鸭溪镇 — three and four lines in their 就业地点 and 务工地点 columns,
    crowding the rows of a village's roster — beside a 地点范围 of 县内 that already says
    where it is. The paper now names it from below the county (鸭溪镇), as the 走访记录
    does; a job outside the county keeps its whole name."""
    from fieldapp.paperwork.jobs import rosters_job

    people = _village(ledger, households=2, members=2)
    _works_since_march(ledger, people[1][0], "贵州省遵义市播州区鸭溪镇", "520321102")
    for which in ("劳动力名册", "转移就业名册"):
        job = rosters_job(ledger, VILLAGE, dt.date(2026, 10, 31), which)
        flat = _flat(job.render())
        assert "鸭溪镇" in flat and "县内" in flat, which
        assert "贵州省遵义市播州区鸭溪镇" not in flat, which
        assert which != "劳动力名册" or "浙江省宁波市北仑区" in flat


def test_a_certificate_says_its_dates_in_one_form(ledger):
    """The 务工证明 an employer stamps said 就业起止时间 2026-03-01 起至今在岗 two rows above
    连续稳定就业 … （截至2026年12月4日） and beside blanks of 年 月 日: two forms of date on one
    paper. Every date on it is now 2026年3月1日; the casual one's 至 date too."""
    people = _village(ledger, households=1)
    person, number = _first_person(ledger, people)
    Records(ledger).save(
        EmploymentSpell(
            person_id=person,
            start_date=dt.date(2026, 7, 6),
            end_date=dt.date(2026, 8, 20),
            place_name="本县",
            employer="某工地",
            is_casual=True,
        )
    )
    stable = _flat(certificate_job(ledger, number).render())
    assert "2026年3月1日起至今在岗" in stable and "2026-03-01" not in stable
    casual = _flat(certificate_job(ledger, number, casual=True).render())
    assert "2026年7月6日至2026年8月20日" in casual, casual
    assert not re.search(r"\d{4}-\d\d-\d\d(?!\d)", casual.split("打印时间")[0])


def test_the_sheets_headers_say_their_day_and_month_as_their_titles_do(ledger):
    """The 走访记录 was titled 大坪村2026年10月就业帮扶台账月报 over 统计月份：2026-10, and the
    printed 一库五册 said 截至 2026-10-31 above 填报日期： 年 月 日 — two forms of one date on
    a paper. Their headers now say 统计月份：2026年10月 and 截至2026年10月31日."""
    from fieldapp.paperwork.jobs import rosters_job

    _village(ledger, households=1, members=2)
    sheet = _flat(visits_job(ledger, VILLAGE, "2026-10").render())
    assert "统计月份：2026年10月" in sheet and "统计月份：2026-10" not in sheet
    roster = rosters_job(ledger, VILLAGE, dt.date(2026, 10, 31), "劳动力名册").render()
    text = _flat(roster)
    assert "截至2026年10月31日" in text and "2026-10-31" not in text, text


def test_a_worker_of_no_group_is_other_rural_labour_on_the_visit_sheet(ledger):
    """The 走访记录 carried door to door left 陈七's 人员类别 blank, where his 申请表 and the
    一库五册 say 其他农村劳动力. A member of working age able to work, of no group, is now
    named so there too; his son of eight, no 劳动力, stays blank (the words are not his)."""
    from fieldapp.domain.models import Household, Person
    from fieldapp.paperwork.paper_data import PaperData
    from tests.conftest import make_id
    from tests.paperwork.builders import COUNTY, GROUP

    repo = Records(ledger)
    with ledger.transaction():
        add_areas(repo)
        home = repo.save(Household(area_code=GROUP, household_no="H00077", address="7号"))
        for name, born, relation in (("陈七", "19880808", "户主"), ("陈小七", "20180808", "子女")):
            repo.add_person(
                Person(
                    household_id=home,
                    name=name,
                    id_number=make_id(COUNTY, born, "335"),
                    relation=relation,
                )
            )
    sheet = PaperData(ledger).visit_sheet(VILLAGE, "2026-10")
    members = {m.name: m for h in sheet.households for m in h.members}
    assert members["陈七"].categories == "其他农村劳动力"
    assert members["陈小七"].categories == ""
    flat = "".join("".join(page_texts(visits_job(ledger, VILLAGE, "2026-10").render())).split())
    assert "其他农村劳动力" in flat


def test_a_member_of_private_categories_alone_reads_on_the_visit_sheet_as_one_of_none(ledger):
    """The 走访记录 carried door to door leaves out 残疾人, 戒毒康复人员 and 刑满释放人员, and
    printed the 人员类别 of a worker who held nothing else blank — beside 其他农村劳动力 for a
    worker of no group, so the blank itself said which houses hide one of the three. A worker
    holding only those now reads 其他农村劳动力 as a worker of no group does; a child holding
    only those stays blank, as a child of no group does."""
    from fieldapp.domain.enums import Category
    from fieldapp.domain.models import CategoryMembership, Household, Person
    from tests.conftest import make_id
    from tests.paperwork.builders import COUNTY, GROUP

    repo = Records(ledger)
    held = {"吴八": Category.DISABLED, "吴小八": Category.DISABLED, "吴九": Category.RELEASED}
    with ledger.transaction():
        add_areas(repo)
        home = repo.save(Household(area_code=GROUP, household_no="H00077", address="7号"))
        for n, (name, born, relation) in enumerate(
            (
                ("陈七", "19880808", "户主"),
                ("吴八", "19890909", "配偶"),
                ("吴九", "19700101", "兄弟姐妹"),
                ("陈小七", "20180808", "子女"),
                ("吴小八", "20190909", "子女"),
            )
        ):
            pid, _warnings = repo.add_person(
                Person(
                    household_id=home,
                    name=name,
                    id_number=make_id(COUNTY, born, f"{331 + n}"),
                    relation=relation,
                )
            )
            if name in held:
                ledger.insert(
                    "person_categories",
                    CategoryMembership(
                        person_id=pid, category=held[name], start_date=dt.date(2020, 1, 1)
                    ).fields(),
                )
    from fieldapp.paperwork.paper_data import PaperData

    sheet = PaperData(ledger).visit_sheet(VILLAGE, "2026-10")
    said = {m.name: m.categories for h in sheet.households for m in h.members}
    assert said == {
        "陈七": "其他农村劳动力",
        "吴八": "其他农村劳动力",
        "吴九": "其他农村劳动力",
        "陈小七": "",
        "吴小八": "",
    }
    flat = _flat(visits_job(ledger, VILLAGE, "2026-10").render())
    assert not any(word in flat for word in ("残疾", "刑满释放", "戒毒"))
    assert flat.count("其他农村劳动力") == 3, flat


def test_a_private_word_typed_on_the_visit_sheet_is_pointed_out_before_it_is_carried(ledger):
    """The visit sheet leaves 残疾人, 戒毒康复人员 and 刑满释放人员 out of 人员类别, but prints
    what was typed as typed: a visit's outcome (残疾证已办), a month's status note (刑满释放
    后在家), a county rule's title in 应办事项 (残疾人就业补贴) — and the sheet lies open on
    neighbours' tables. The words are the coordinator's, so they still print as written (a
    word cut out of a note can change what it says); the print now says, before the sheet
    leaves the office, who and which column carries such a word, to reword or cover; a
    sheet with none says nothing of it."""
    people = _village(ledger, households=1, members=2)
    first, second = people[0]
    plain = visits_job(ledger, VILLAGE, "2026-10", due=lambda person_id: [])
    assert "遮" not in plain.note, plain.note
    household = ledger.get("persons", first)["household_id"]
    _typed_on_the_sheet(ledger, household, second, "残疾证已办，需推荐岗位", "刑满释放后在家")
    names = {pid: ledger.get("persons", pid)["name"] for pid in (first, second)}

    def due(person_id: str) -> list[str]:
        return ["残疾人就业补贴（11月30日前，即将到期）"] if person_id == first else []

    job = visits_job(ledger, VILLAGE, "2026-10", due=due)
    flat = _flat(job.render())
    assert "残疾证已办" in flat and "刑满释放后在家" in flat  # printed as written
    note = job.note
    assert "残疾" in note and "刑满释放" in note, note
    assert f"{names[second]}的就业去向" in note, note
    assert f"{names[first]}的应办事项" in note, note
    assert f"{names[first]}家的走访" in note, note
    assert "改写" in note and "遮" in note, note


def test_the_visit_sheet_from_a_county_pack_names_no_private_rule_and_flags_its_due_items(
    ledger, tmp_path
):
    """Under a county pack with rules of its own titled 一次性求职创业补贴（残疾人首次外出务工）
    and 刑满释放人员就业补贴, the visit sheet's 应办事项 (the pack's due list: 1311, 失业登记,
    分级服务, 月度更新, 跟踪回访) names no rule; what it does carry of the coordinator's words —
    a 跟踪回访 due after a placement names the employer (某某残疾人托养中心) — is pointed out
    as the sheet's other free text is, before it goes door to door."""
    from fieldapp.policy.registry import PolicyRegistry, base_dir
    from tests.paperwork.packs import PRIVATE_RULES

    local = tmp_path / "packs"
    local.mkdir()
    (local / "bozhou.toml").write_text(PRIVATE_RULES, encoding="utf-8")
    policy = PolicyRegistry(base=base_dir(), local=local).load()
    people = _village(ledger, households=1)
    person = people[0][1]
    with ledger.transaction():
        ledger.insert(
            "employment_spells",
            EmploymentSpell(
                person_id=person,
                start_date=dt.date(2026, 8, 1),
                place_name="播州区",
                employer="播州区某某残疾人托养中心",
                form="公益性岗位",
            ).fields(),
        )
    job = visits_job(ledger, VILLAGE, "2026-10", policy=policy, today=dt.date(2026, 10, 20))
    sheet = job.view
    due = [d for h in sheet.households for m in h.members for d in m.due]
    assert any("跟踪回访" in d and "残疾人托养中心" in d for d in due), due
    assert not any(r.title in d for r in policy.rules for d in due)
    name = ledger.get("persons", person)["name"]
    assert f"{name}的应办事项" in job.note and "遮" in job.note, job.note


def test_a_visit_sheet_writes_its_days_as_papers_do(ledger):
    """The 走访记录 said 本月走访 10-05 罗志强 需推荐岗位, 本月服务 10-12 岗位推荐 and, in 应办事项,
    2026-10-03发现失业，5个工作日内提供“1311”就业服务 under a heading 2026年10月 (the due
    list's words, which say 2026-11 就业状态按月更新 too): the county sends ISO days back. They
    are written as the papers' other days now (10月5日, 2026年10月3日)."""
    from tests.paperwork.pdftext import pdftotext

    people = _village(ledger)
    policy = _found_unemployed(ledger, people[1][0], dt.date(2026, 10, 3))
    job = visits_job(ledger, VILLAGE, "2026-10", policy=policy, today=dt.date(2026, 10, 31))
    said = "".join("".join(pdftotext(job.render(), layout=False)).split())
    assert "10月5日罗志强需推荐岗位" in said
    assert "10月12日岗位推荐" in said
    assert "2026年10月3日发现失业" in said
    assert not re.findall(r"\d{4}-\d\d|(?<!\d)\d\d-\d\d(?!\d)", said)


def test_a_visit_sheets_month_in_numbers_adds_up_to_its_labour():
    """本月小结 said 其中劳动力 212 人；已就业 127 人，未就业 69 人，本月状态未更新 10 人 — 206,
    not 212: 已就业 and 未就业 counted everyone (a 64-year-old at work too), 在校 and 无需就业
    not at all. Its labour is now broken down as the 月报 counts it, adding up to the whole,
    and anyone at work beyond it is said apart."""
    from fieldapp.paperwork.views import HouseholdMonth, MemberMonth, VisitSheetView
    from fieldapp.paperwork.visits import render_visits
    from tests.paperwork.pdftext import pdftotext

    able = "普通劳动力"
    members = (
        MemberMonth("甲", age="40", labour_ability=able, status="已就业"),
        MemberMonth("乙", age="38", labour_ability=able, status="未就业"),
        MemberMonth("丙", age="18", labour_ability=able, status="在校"),
        MemberMonth("丁", age="30", labour_ability=able, status="无需就业"),
        MemberMonth("戊", age="25", labour_ability=able),
        MemberMonth("己", age="64", labour_ability=able, status="已就业"),
        MemberMonth("庚", age="9", labour_ability="无劳动力", status="在校"),
    )
    sheet = VisitSheetView(
        "520321101001", "大坪村", "2026-11", (HouseholdMonth("H1", "甲", members=members),)
    )
    said = "".join("".join(pdftotext(render_visits(sheet), layout=False)).split())
    summary = said[said.index("本月小结") :]
    assert (
        "共1户7人，其中劳动力5人：已就业1人，未就业1人，在校1人，无需就业1人，本月状态未更新1人"
        in summary
    )
    assert "劳动力以外已就业1人" in summary


def test_a_visit_sheets_summary_never_stands_on_a_page_of_no_household():
    """A village whose households filled the last page to its foot printed 本月小结 and the
    signature lines on a page of their own, under the column header and no household: a
    page the village head signs under nothing. The last household now goes over with them."""
    from fieldapp.paperwork import visits
    from fieldapp.paperwork.views import HouseholdMonth, MemberMonth, VisitSheetView
    from fieldapp.paperwork.visits import render_visits

    per_page = int(visits.ROOM // visits.MIN_BLOCK)  # households of one member filling a page
    for count in range(per_page - 1, per_page + 2):
        households = tuple(
            HouseholdMonth(f"H{n:03d}户", f"户主{n}", members=(MemberMonth(f"户主{n}", age="40"),))
            for n in range(1, count + 1)
        )
        sheet = VisitSheetView("520321101001", "大坪村", "2026-11", households)
        pages = ["".join(t.split()) for t in page_texts(render_visits(sheet))]
        held = [re.findall(r"H(\d{3})户", page) for page in pages]
        assert all(held), (count, [len(h) for h in held])
        assert sorted({int(n) for h in held for n in h}) == list(range(1, count + 1))
        assert "本月小结" in pages[-1]


def test_a_visits_visitor_is_never_cut_across_lines(ledger):
    """本月走访 printed 10月16日 欧阳 / 志强 家庭成员就 / 业稳定: the visitor's name cut in two
    across the narrow column's lines. Each visit now says its day on a line and the visitor
    from the start of the next, so a name of up to four characters stays whole."""
    from tests.paperwork.pdftext import pdftotext

    people = _village(ledger)
    household = ledger.get("persons", people[0][0])["household_id"]
    with ledger.transaction():
        for day, visitor, outcome in (
            (16, "欧阳志强", "家庭成员就业稳定"),
            (24, "陈德明", "已更新"),
        ):
            ledger.insert(
                "visits",
                Visit(
                    household_id=household,
                    visit_date=dt.date(2026, 10, day),
                    visitor=visitor,
                    outcome=outcome,
                ).fields(),
            )
    pages = pdftotext(visits_job(ledger, VILLAGE, "2026-10").render(), layout=False)
    said = "".join(pages)
    assert "欧阳志强" in said and "陈德明" in said and "罗志强" in said, said


def test_a_groups_visit_sheet_sets_its_place_apart_from_its_month(ledger):
    """A group's 走访记录 was titled 龙坑街道 大坪村 三组2026年10月就业帮扶台账月报 and named
    …三组2026年10月走访记录.pdf: the group's name run into the year, as no printed title sets
    them. The place and the month are now a space apart, on the page and in the file's name."""
    from tests.paperwork.builders import GROUP

    _village(ledger, households=1, members=2)
    job = visits_job(ledger, GROUP, "2026-10")
    assert job.file_name() == "龙坑街道 大坪村 三组 2026年10月走访记录.pdf"
    first = page_texts(job.render())[0]
    assert first.startswith("龙坑街道 大坪村 三组 2026年10月就业帮扶台账月报（走访记录）\n")
    assert "三组2026" not in first


def test_last_months_sheet_printed_after_a_deadline_says_it_passed(ledger):
    """November's visit sheet, printed on 5 December: a person found unemployed on 24 November
    was owed the 1311 service by the end of November. The due list was taken as of the month's
    end, and the sheet said （11月…日前，即将到期） of a deadline already passed on the day it
    went door to door. A deadline past on the printing day now reads 已逾期, as the due page
    says it; the same sheet printed on the month's last day still says 即将到期."""
    people = _village(ledger)
    policy = _found_unemployed(ledger, people[1][0], dt.date(2026, 11, 24))
    late = visits_job(ledger, VILLAGE, "2026-11", policy=policy, today=dt.date(2026, 12, 5))
    flat = _flat(late.render())
    passed = re.findall(r"（11月(\d+)日前，([^）]+)）", flat)
    assert passed, flat
    assert all(words == "已逾期" for _, words in passed), passed
    assert "即将到期" not in flat
    on_time = visits_job(ledger, VILLAGE, "2026-11", policy=policy, today=dt.date(2026, 11, 30))
    flat = _flat(on_time.render())
    assert re.search(r"（11月\d+日前，即将到期）", flat), flat
