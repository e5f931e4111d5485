"""`check_values`' cheap path decides nothing the full checks would not: a value it takes as
stored as given is one `_storable` and `_canonical` allow, and the one-pass reading of a change
refuses in the order the checks always ran (control character, 已删除 flag, a required field
emptied, the model)."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.roles import Role
from fieldapp.services import trust
from fieldapp.services.trust import MODELS, Actor, Context, Proposal, check_values
from tests.conftest import make_id

HUB = Actor(Role.HUB, None)
NEW = Context()

raws = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.sampled_from([2**63 - 1, 2**63, -(2**63), -(2**63) - 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates().map(dt.date.isoformat),
    st.dates(),
    st.datetimes(),
    st.sampled_from(list(WorkStatus)),
    st.sampled_from([s.value for s in WorkStatus]),
    st.text(max_size=12),
)
values = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**65), max_value=2**65),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.sampled_from(list(WorkStatus)),
)


@given(values, raws)
def test_what_is_taken_as_given_the_full_checks_allow(value, raw):
    if trust._as_given(type(value), value, raw):
        assert trust._storable(value) and trust._canonical(value, raw)


@given(values)
def test_a_value_sent_as_the_program_writes_it_is_taken_as_given(value):
    raw = value.isoformat() if isinstance(value, dt.date) else value
    raw = raw.value if isinstance(raw, WorkStatus) else raw
    sure = not isinstance(value, dt.datetime) and not (
        isinstance(value, float) and not math.isfinite(value)
    )
    sure = sure and not (type(value) is int and not -(2**63) <= value < 2**63)
    assert trust._as_given(type(value), value, raw) == sure


def person(**extra):
    return {"name": "张三", "id_number": make_id(), "household_id": "h1", **extra}


def spell(**extra):
    return {"person_id": "p1", "start_date": "2024-03-01", "form": "单位就业", **extra}


def verdict(table: str, data: dict, context: Context = NEW):
    return check_values(HUB, Proposal(table, "r1", data), context)


def test_numbers_at_the_edges_of_what_is_stored():
    assert verdict("employment_spells", spell(contract_months=2**63 - 1)).allowed
    assert verdict("employment_spells", spell(contract_months=-(2**63))).allowed
    for big in (2**63, -(2**63) - 1):
        assert "不是能记下的数" in verdict("employment_spells", spell(contract_months=big)).reason
    assert verdict("employment_spells", spell(monthly_income=3000)).allowed
    assert verdict("employment_spells", spell(monthly_income=3000.5)).allowed
    assert verdict("employment_spells", spell(monthly_income=2**70)).allowed
    for odd in (math.inf, -math.inf, math.nan):
        assert not verdict("employment_spells", spell(monthly_income=odd)).allowed
    assert "不是规范的写法" in verdict("employment_spells", spell(monthly_income=True)).reason


def test_flags_dates_and_words_as_sent():
    for flag in (True, False, 1, 0):
        assert verdict("employment_spells", spell(is_casual=flag, deleted=flag)).allowed
    assert "不是规范的写法" in verdict("employment_spells", spell(is_casual="1")).reason
    assert verdict("employment_spells", spell(start_date=dt.date(2024, 3, 1))).rule == "malformed"
    assert verdict("employment_spells", spell(start_date=1709251200)).rule == "malformed"
    as_text = {"person_id": "p1", "month": "2024-03", "status": "已就业"}
    assert verdict("monthly_status", as_text).allowed
    as_member = {"person_id": "p1", "month": "2024-03", "status": WorkStatus("已就业")}
    assert verdict("monthly_status", as_member).allowed


def test_the_first_refusal_is_the_one_the_checks_always_gave():
    control = verdict("persons", person(phone=None, notes="a\x01", deleted="x", name=None))
    assert "备注「a\\u0001」含有看不见的控制字符" in control.reason
    first = verdict("persons", person(notes="a\x02", phone="b\x03"))
    assert "a\\u0002" in first.reason
    flag = verdict("persons", person(deleted="x", name=None))
    assert "已删除" in flag.reason
    emptied = verdict("persons", person(name=None, id_number=None))
    assert "姓名" in emptied.reason and emptied.rule == "malformed"


def test_an_edit_is_judged_with_the_row_it_makes():
    """A partial edit is judged with the row's current values; old garbage in a field the
    change leaves alone is not its fault, a value it sends is judged as sent."""
    edited = Context(exists=True, before=person())
    assert verdict("persons", {"phone": "13800000000", "name": "李四"}, edited).allowed
    garbage = Context(exists=True, before=person(id_number="520502198503161010"))
    assert verdict("persons", {"name": "李四"}, garbage).allowed
    spaced = verdict("persons", {"name": "李四 "}, edited)
    assert spaced.reason == "人员信息的姓名「李四 」不是规范的写法，应为「李四」"
    wrong = verdict("persons", {"id_number": "520502198503161010"}, edited)
    assert wrong.reason.startswith("人员信息的身份证号码「520502198503161010」不合格")


def test_logged_times_belong_to_tables_without_a_model():
    """`check_values` reads `_LOGGED_TIMES` only for tables without a model."""
    assert not set(trust._LOGGED_TIMES) & set(MODELS)
    late = {"paper": "x", "pages": 1, "printed_at": "2099-01-01T00:00:00+08:00"}
    assert verdict("print_log", late).rule == "logged_time"
