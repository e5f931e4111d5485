"""Demo ledgers: deterministic for a seed, valid, and placed where --area says."""

from __future__ import annotations

import datetime as dt

from fieldapp.demo.generator import build_demo
from fieldapp.domain import idnumber
from fieldapp.reference import divisions
from fieldapp.store.ledger import Ledger

TODAY = dt.date(2026, 3, 10)


def content(ledger: Ledger) -> list[tuple]:
    """Everything but row ids and timestamps, keyed by ID number."""
    q = ledger.db.execute
    persons = q(
        "SELECT p.id_number, p.name, p.relation, p.labour_ability, p.health, h.area_code, "
        "hp.id_number, p.graduation_year, p.left_school_month FROM persons p JOIN households h ON h.id = p.household_id "
        "JOIN persons hp ON hp.id = h.head_person_id ORDER BY p.id_number"
    ).fetchall()
    categories = q(
        "SELECT p.id_number, c.category, c.start_date FROM person_categories c "
        "JOIN persons p ON p.id = c.person_id ORDER BY 1, 2, 3"
    ).fetchall()
    spells = q(
        "SELECT p.id_number, s.start_date, s.place_code, s.employer, s.monthly_income, "
        "s.employer_kind, s.insurance_months FROM employment_spells s JOIN persons p ON p.id = s.person_id ORDER BY 1, 2"
    ).fetchall()
    visits = q("SELECT visit_date, visitor, notes FROM visits ORDER BY 1, 2, 3").fetchall()
    registrations = q(
        "SELECT p.id_number, r.found_date, r.registered_date, r.ended_date "
        "FROM unemployment_registrations r JOIN persons p ON p.id = r.person_id ORDER BY 1, 2"
    ).fetchall()
    return [persons, categories, spells, visits, registrations]


def test_same_seed_same_ledger_other_seed_other_ledger(tmp_path):
    a = Ledger.open(tmp_path / "a.db")
    b = Ledger.open(tmp_path / "b.db")
    c = Ledger.open(tmp_path / "c.db")
    build_demo(a, 300, seed=5, today=TODAY)
    build_demo(b, 300, seed=5, today=TODAY)
    build_demo(c, 300, seed=6, today=TODAY)
    assert content(a) == content(b)
    assert content(a) != content(c)


def test_demo_is_valid_and_realistic(tmp_path):
    ledger = Ledger.open(tmp_path / "d.db")
    report = build_demo(ledger, 1000, seed=2, today=TODAY)
    q = ledger.db.execute
    assert report.persons == q("SELECT count(*) FROM persons").fetchone()[0] == 1000
    numbers = [r[0] for r in q("SELECT id_number FROM persons").fetchall()]
    assert len(set(numbers)) == len(numbers)
    assert all(idnumber.is_valid(n) for n in numbers)
    # Every household has a head who is one of its members, with relation 户主.
    bad_heads = q(
        "SELECT count(*) FROM households h LEFT JOIN persons p ON p.id = h.head_person_id "
        "WHERE p.id IS NULL OR p.household_id != h.id OR p.relation != '户主'"
    ).fetchone()[0]
    assert bad_heads == 0
    heads = q("SELECT count(*) FROM persons WHERE relation = '户主'").fetchone()[0]
    assert heads == report.households
    assert 2.5 <= 1000 / report.households <= 4.5
    kinds = {r[0] for r in q("SELECT DISTINCT kind FROM areas").fetchall()}
    assert {"县", "乡镇", "村", "组", "安置点", "楼栋"} <= kinds
    categories = dict(q("SELECT category, count(*) FROM person_categories GROUP BY 1").fetchall())
    assert 150 <= categories["脱贫人口"] <= 600
    assert categories.get("易地搬迁人口", 0) > 0
    places = {r[0][:2] for r in q("SELECT place_code FROM employment_spells").fetchall()}
    assert {"52", "44"} <= places  # local and cross-province work
    visit_days = [r[0] for r in q("SELECT visit_date FROM visits").fetchall()]
    assert min(visit_days) >= (TODAY - dt.timedelta(days=549)).isoformat()
    assert max(visit_days) <= TODAY.isoformat()
    assert q("SELECT count(*) FROM unemployment_registrations").fetchone()[0] > 0
    assert q("SELECT count(*) FROM services").fetchone()[0] > 0
    assert q("SELECT count(DISTINCT month) FROM monthly_status").fetchone()[0] == 3
    # Some older IDs carry retired region codes (IDs keep the code they were issued under).
    retired = divisions().retired_codes()
    assert sum(n[:6] in retired for n in numbers) >= 20
    # Every write went through the log.
    logged = q("SELECT count(*) FROM changes").fetchone()[0]
    assert logged == report.rows


def test_demo_records_employer_kinds_schooling_returns_and_registrations_before_a_job(tmp_path):
    # What the employer-paid 吸纳就业补贴 and the graduates' and returnees' rules look at, in a
    # village's shares: a kind for most jobs (as the name tells: a 合作社 is one), a month
    # of leaving school for every graduate, 高校毕业生 for the recent ones from that month,
    # 返乡农村劳动力 from the end of a job away for those working at home since, and now and
    # then a registration the job ended the day before it began.
    ledger = Ledger.open(tmp_path / "d.db")
    build_demo(ledger, 2000, seed=2, today=TODAY)
    q = ledger.db.execute
    kinds = dict(q("SELECT employer_kind, count(*) FROM employment_spells GROUP BY 1").fetchall())
    jobs = sum(kinds.values())
    assert kinds.get("", 0) < 0.1 * jobs
    assert {"小微企业", "大中型企业", "农民专业合作社", "就业帮扶车间", "个体工商户"} <= set(kinds)
    assert kinds["小微企业"] > 0.15 * jobs and kinds["大中型企业"] > 0.1 * jobs
    assert q(
        "SELECT count(*) FROM employment_spells WHERE employer LIKE '%合作社' "
        "AND form = '单位就业' AND employer_kind NOT IN ('农民专业合作社', '')"
    ).fetchone() == (0,)
    graduates = q(
        "SELECT graduation_year, left_school_month FROM persons WHERE graduation_year IS NOT NULL"
    ).fetchall()
    assert len(graduates) >= 50
    assert all(m is None or int(m[:4]) == year for year, m in graduates)
    assert sum(m is not None for _y, m in graduates) >= len(graduates) - 5
    recent = q(
        "SELECT count(*), count(c.person_id), sum(c.start_date = p.left_school_month || '-01') "
        "FROM persons p LEFT JOIN person_categories c ON c.person_id = p.id "
        "AND c.category = '高校毕业生' WHERE p.left_school_month > ?",
        [f"{TODAY.year - 5}-{TODAY.month:02d}"],
    ).fetchone()
    assert recent[0] > 0 and recent[0] == recent[1] == recent[2]
    # Those recorded as 高校毕业生 are graduates (no category without a graduation).
    assert q(
        "SELECT count(*) FROM person_categories c JOIN persons p ON p.id = c.person_id "
        "WHERE c.category = '高校毕业生' AND p.left_school_month IS NULL"
    ).fetchone() == (0,)
    returned_after_away = q(
        "SELECT count(DISTINCT c.person_id) FROM person_categories c JOIN employment_spells s "
        "ON s.person_id = c.person_id AND date(s.end_date, '+1 day') = c.start_date "
        "WHERE c.category = '返乡农村劳动力' AND s.place_code NOT LIKE '520%'"
    ).fetchone()[0]
    assert returned_after_away >= 10
    ended = q(
        "SELECT count(*) FROM unemployment_registrations r JOIN employment_spells s "
        "ON s.person_id = r.person_id AND date(r.ended_date, '+1 day') = s.start_date"
    ).fetchone()[0]
    assert ended >= 20
    # … and the person placed so is visited after (跟踪回访), as the due list asks.
    unvisited = q(
        "SELECT count(*) FROM unemployment_registrations r JOIN employment_spells s "
        "ON s.person_id = r.person_id AND date(r.ended_date, '+1 day') = s.start_date "
        "WHERE date(s.start_date, '+1 month') <= ? AND NOT EXISTS (SELECT 1 FROM services v "
        "WHERE v.person_id = r.person_id AND v.service_type = '跟踪回访' "
        "AND v.service_date >= s.start_date)",
        [TODAY.isoformat()],
    ).fetchone()[0]
    assert unvisited == 0
    flexible_insured = q(
        "SELECT count(*) FROM employment_spells WHERE form = '灵活就业' AND insurance_months > 0"
    ).fetchone()[0]
    assert flexible_insured >= 10


def test_area_places_every_household_under_the_code(tmp_path):
    ledger = Ledger.open(tmp_path / "v.db")
    build_demo(ledger, 120, seed=1, today=TODAY, area="520502010003")
    codes = {r[0] for r in ledger.db.execute("SELECT area_code FROM households").fetchall()}
    assert codes and all(c.startswith("520502010003") for c in codes)
    names = dict(ledger.db.execute("SELECT code, name FROM areas").fetchall())
    assert names["520502"] == "七星关区" and names["520502010"] == "碧阳街道"


def test_area_site_makes_relocated_households(tmp_path):
    ledger = Ledger.open(tmp_path / "s.db")
    build_demo(ledger, 60, seed=1, today=TODAY, area="520502010901")
    rows = ledger.db.execute("SELECT area_code, is_relocated FROM households").fetchall()
    assert rows and all(code.startswith("520502010901") and flag for code, flag in rows)


def test_serials_are_counted_in_a_fixed_table_and_aside_outside_it():
    from fieldapp.demo.generator import SERIAL_YEARS, _Serials

    today = dt.date(2026, 12, 1)
    serials = _Serials(["520502", "520402"], today)
    size = len(serials.counts)
    born = dt.date(1980, 3, 16)
    assert serials.used("520502", born, True) == 0
    serials.take("520502", born, True, 1)
    serials.take("520502", born, False, 7)
    assert serials.used("520502", born, True) == 1 and serials.used("520502", born, False) == 7
    assert serials.used("520402", born, True) == 0  # another region's counter
    # A region the demo never draws from (a renumbered older number), or a very old birth date,
    # is counted aside; the table itself never grows.
    old = dt.date(today.year - SERIAL_YEARS - 1, 5, 5)
    serials.take("110101", born, True, 3)
    serials.take("520502", old, True, 2)
    assert serials.used("110101", born, True) == 3 and serials.used("520502", old, True) == 2
    assert len(serials.counts) == size and len(serials.aside) == 2


def test_a_retired_or_other_province_county_is_refused_in_chinese_before_anything_is_written(
    tmp_path,
):
    """522427 is 威宁's old code: the table lists no township of it, so every local job's place
    was written as the bare digits '522427100'; now the demo refuses it up front and names the
    code to use. A county of another province and an unknown township are refused alike."""
    import pytest

    from fieldapp.domain.errors import ValidationFailed

    ledger = Ledger.open(tmp_path / "r.db")
    with pytest.raises(ValidationFailed) as refused:
        build_demo(ledger, 30, seed=1, today=TODAY, area="522427")
    assert "威宁彝族回族苗族自治县" in str(refused.value) and "520526" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        build_demo(ledger, 30, seed=1, today=TODAY, area="440305")
    assert "南山区" in str(refused.value) and "不在贵州省" in str(refused.value)
    with pytest.raises(ValidationFailed) as refused:
        build_demo(ledger, 30, seed=1, today=TODAY, area="520502999")
    assert "七星关区" in str(refused.value) and "乡镇" in str(refused.value)
    q = ledger.db.execute
    assert q("SELECT count(*) FROM persons").fetchone()[0] == 0
    assert q("SELECT count(*) FROM areas").fetchone()[0] == 0


def test_a_local_job_in_a_township_only_the_ledger_lists_is_named_in_words(tmp_path):
    """A township the ledger lists but the table does not (a county's own addition): its jobs'
    place is the county's whole name and the ledger's name of it, not its code."""
    from fieldapp.domain.models import Area
    from fieldapp.services.areas import ensure
    from fieldapp.services.writer import actor_of

    ledger = Ledger.open(tmp_path / "t.db")
    build_demo(ledger, 30, seed=1, today=TODAY, area="520502010")
    ensure(
        ledger,
        actor_of(ledger),
        [Area(code="520502990", name="新区镇", kind="乡镇", parent_code="520502")],
    )
    build_demo(ledger, 900, seed=3, today=TODAY, area="520502")
    rows = ledger.db.execute(
        "SELECT place_code, place_name FROM employment_spells WHERE place_code LIKE '5205029%'"
    ).fetchall()
    named = {code: name for code, name in rows}
    assert "520502990" in named, sorted(named)
    assert named["520502990"] == "贵州省毕节市七星关区新区镇"
    assert not any(name[-1].isdigit() for name in named.values())
