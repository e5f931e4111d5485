"""Domain models: derived facts, place scope, unemployment levels, date arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from fieldapp.domain.dates import add_months, parse_date, whole_months_between
from fieldapp.domain.enums import LabourAbility, UnemploymentLevel, parse_labour_ability
from fieldapp.domain.models import EmploymentSpell, Person, UnemploymentRegistration
from fieldapp.domain.regions import PlaceScope, is_cross_county, is_cross_province, place_scope
from tests.conftest import make_id


def test_person_derives_birth_date_sex_and_age():
    person = Person(name="王 小 芳", id_number=make_id(birth="20000229", seq="222"))
    assert person.name == "王小芳"
    assert person.sex == "女"
    assert person.birth_date == dt.date(2000, 2, 29)
    assert person.age_on(dt.date(2016, 2, 28)) == 15
    assert person.age_on(dt.date(2016, 2, 29)) == 16


def test_person_with_bad_id_is_refused():
    with pytest.raises(ValidationError) as err:
        Person(name="张三", id_number="520502198503161230")
    assert "校验位" in str(err.value) or "长度" in str(err.value)


@pytest.mark.parametrize(
    ("home", "work", "scope"),
    [
        ("520502101", "520502101001", PlaceScope.TOWNSHIP),
        ("520502101", "520502102", PlaceScope.COUNTY),
        ("520502", "520302", PlaceScope.PROVINCE),
        ("520502", "440305", PlaceScope.OUT_OF_PROVINCE),
    ],
)
def test_place_scope_from_region_codes(home, work, scope):
    assert place_scope(home, work) is scope


def test_cross_county_and_province():
    assert is_cross_county("520502", "520302") and not is_cross_province("520502", "520302")
    assert is_cross_province("520502", "330102")
    assert not is_cross_county("520502", "520502")


def test_spell_scope_and_activity():
    spell = EmploymentSpell(
        person_id="p",
        start_date=dt.date(2026, 1, 5),
        end_date=dt.date(2026, 6, 30),
        place_code="440305",
    )
    assert spell.scope("520502") is PlaceScope.OUT_OF_PROVINCE
    assert spell.active_on(dt.date(2026, 1, 5)) and not spell.active_on(dt.date(2026, 7, 1))


@pytest.mark.parametrize(
    ("on", "level"),
    [
        ("2026-03-15", UnemploymentLevel.SHORT),
        ("2026-03-16", UnemploymentLevel.MEDIUM_SHORT),
        ("2026-08-15", UnemploymentLevel.MEDIUM_SHORT),
        ("2026-08-16", UnemploymentLevel.MEDIUM_LONG),
        ("2027-02-15", UnemploymentLevel.MEDIUM_LONG),
        ("2027-02-16", UnemploymentLevel.LONG),
    ],
)
def test_unemployment_levels(on, level):
    reg = UnemploymentRegistration(person_id="p", registered_date=dt.date(2026, 2, 15))
    assert reg.level_on(dt.date.fromisoformat(on)) is level


def test_month_arithmetic_clamps_to_month_end():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)
    assert whole_months_between(dt.date(2026, 1, 5), dt.date(2026, 4, 4)) == 2
    assert whole_months_between(dt.date(2026, 1, 5), dt.date(2026, 4, 5)) == 3


def test_dates_parse_common_spreadsheet_forms():
    assert parse_date("2024/3/5") == dt.date(2024, 3, 5)
    assert parse_date("20240305") == dt.date(2024, 3, 5)
    assert parse_date("") is None
    with pytest.raises(ValueError, match="不是有效日期"):
        parse_date("2024-02-30")


def test_labour_ability_accepts_the_seeds_words():
    assert parse_labour_ability("半劳力") is LabourAbility.WEAK
    assert parse_labour_ability("技能劳动力") is LabourAbility.SKILLED
    with pytest.raises(ValueError, match="未知的劳动能力"):
        parse_labour_ability("很能干")


def test_an_area_code_is_checked_where_it_is_stored_and_a_stored_bad_one_is_named():
    """A household's or an area's code is 6, 9, 12 or 15 digits and nothing else; a row stored
    with another (an older program, a hand-edited file) reads back as a `MalformedRow` naming
    the field, never a traceback."""
    from pydantic import ValidationError

    from fieldapp.domain.errors import MalformedRow
    from fieldapp.domain.models import Area, Household
    from fieldapp.store.queries.records import to_model

    assert Household(area_code="520502101001").area_code == "520502101001"
    for bad in ("abc", "5205021010019", "520502101001 "):
        with pytest.raises(ValidationError):
            Household(area_code=bad)
        with pytest.raises(ValidationError):
            Area(code=bad, name="某村", kind="村")
    with pytest.raises(ValidationError):
        Area(code="520502101001", name="某村", kind="村", parent_code="52050210x")
    with pytest.raises(MalformedRow) as malformed:
        to_model(Household, {"id": "h1", "area_code": "老台账自编"})
    assert "所在区域" in str(malformed.value)
