"""Working-day deadlines on the Chinese statutory calendar, with make-up workdays."""

from __future__ import annotations

import pytest

from fieldapp.policy.workdays import WorkCalendar
from tests.policy.helpers import D


@pytest.mark.parametrize(
    ("found", "days", "due"),
    [
        # Spring Festival 2026: 2-15…2-23 off, Saturday 2-14 is a make-up workday.
        (D(2026, 2, 12), 5, D(2026, 2, 26)),
        (D(2026, 2, 13), 1, D(2026, 2, 14)),
        # National Day 2025: 10-1…10-8 off, Sunday 9-28 and Saturday 10-11 are workdays.
        (D(2025, 9, 26), 5, D(2025, 10, 10)),
        (D(2025, 9, 26), 7, D(2025, 10, 13)),
        (D(2025, 9, 30), 1, D(2025, 10, 9)),
        # An ordinary week.
        (D(2025, 11, 3), 5, D(2025, 11, 10)),
    ],
    ids=[
        "spring_festival_1311",
        "spring_festival_makeup_saturday",
        "national_day_1311",
        "national_day_registration",
        "national_day_next_workday",
        "ordinary_week",
    ],
)
def test_deadline_in_working_days(found, days, due) -> None:
    assert WorkCalendar().add_workdays(found, days) == due


def test_makeup_days_are_workdays() -> None:
    cal = WorkCalendar()
    assert cal.is_workday(D(2026, 2, 14)) and cal.is_workday(D(2025, 9, 28))
    assert not cal.is_workday(D(2025, 10, 6)) and not cal.is_workday(D(2026, 2, 16))
    assert cal.workdays_between(D(2025, 9, 30), D(2025, 10, 9)) == 1


def test_pack_adds_days_the_package_lacks() -> None:
    plain = WorkCalendar()
    assert plain.add_workdays(D(2027, 1, 29), 1) == D(2027, 2, 1)
    patched = WorkCalendar(
        extra_holidays=[D(2027, 2, 1), D(2027, 2, 2)], extra_workdays=[D(2027, 1, 30)]
    )
    assert patched.add_workdays(D(2027, 1, 29), 1) == D(2027, 1, 30)
    assert patched.add_workdays(D(2027, 1, 30), 1) == D(2027, 2, 3)
