"""A working-day calendar that never runs out.

Past 2026 the `holidays` release knows only the statutory holidays: deadlines are counted on
them (never on weekends alone) and say plainly that the year's schedule is missing; once the
county's pack brings the State Council's schedule, deadlines follow it. The 2027 schedule below
is a test fixture with a made-up document number: the real one is not invented here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.policy.combine import combine
from fieldapp.policy.due import DueListBuilder, calendar_notices
from fieldapp.policy.facts import RegistrationFacts
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.policy.workdays import DaySource, WorkCalendar
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import COUNTY_PACK, D, person

NOTICE_2027 = "2027年放假调休安排尚未载入，期限按法定节假日估算"

#: A made-up 2027 schedule (8 days off from New Year's Eve, Saturday 20 February worked).
SCHEDULE_2027 = """
[[calendar.years]]
year = 2027
document = "国办发明电〔2099〕99号（测试用）"
days_off = [2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-02-12]
workdays = [2027-02-20]
"""


def _weekends_only(start: dt.date, days: int) -> dt.date:
    day = start
    while days:
        day += dt.timedelta(days=1)
        days -= day.weekday() < 5
    return day


@pytest.fixture(scope="module")
def with_schedule() -> Policy:
    base = PolicyRegistry(local=Path("/nonexistent")).base_files()
    text = COUNTY_PACK + SCHEDULE_2027
    return combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])


def test_2026_comes_from_the_library_with_make_up_days() -> None:
    calendar = WorkCalendar()
    assert calendar.source(2026) is DaySource.LIBRARY
    assert calendar.is_workday(D(2026, 2, 14)) and not calendar.is_workday(D(2026, 2, 20))


def test_2027_spring_festival_is_not_counted_as_working_days() -> None:
    calendar = WorkCalendar()
    found = D(2027, 2, 3)
    assert calendar.source(2027) is DaySource.ESTIMATED
    # Weekends only would put the 5th working day on New Year's week's Wednesday.
    assert _weekends_only(found, 5) == D(2027, 2, 10)
    # The statutory holidays (除夕 to 初三, and two weekdays in lieu of the weekend) are off.
    assert calendar.add_workdays(found, 5) == D(2027, 2, 16)
    assert not calendar.is_workday(D(2027, 2, 5)) and not calendar.is_workday(D(2027, 2, 10))
    assert calendar.estimated_used == {2027}


def test_with_the_2027_schedule_from_a_pack_deadlines_follow_it(with_schedule: Policy) -> None:
    calendar = WorkCalendar(with_schedule.calendar)
    assert calendar.source(2027) is DaySource.PACK
    assert calendar.add_workdays(D(2027, 2, 3), 5) == D(2027, 2, 18)
    assert calendar.is_workday(D(2027, 2, 20))  # a make-up Saturday
    assert not calendar.is_workday(D(2027, 2, 12))
    assert calendar.estimated_used == set()


def test_a_schedule_that_names_only_the_spring_festival_keeps_the_other_statutory_days(
    with_schedule: Policy, tmp_path: Path, capsys
) -> None:
    """A county that loads the Spring Festival's days alone (as typed into the editor) must not
    turn 国庆节, 元旦 and 劳动节 into working days: statutory holidays are days off by law,
    whatever a schedule lists; the days in lieu the estimate adds are not kept."""
    calendar = WorkCalendar(with_schedule.calendar)
    for day in (D(2027, 1, 1), D(2027, 4, 5), D(2027, 5, 1), D(2027, 10, 1), D(2027, 10, 2)):
        assert not calendar.is_workday(day), day
    assert calendar.is_workday(D(2027, 10, 4))  # a Monday in lieu only in the estimate
    # A registration found on 2027-09-29 has its 5th working day after 国庆 (Oct 1 is a Friday).
    assert calendar.add_workdays(D(2027, 9, 29), 5) == D(2027, 10, 7)
    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK + SCHEDULE_2027, encoding="utf-8")
    assert main(["--db", str(db), "policy", "install", str(pack)]) == 0
    capsys.readouterr()
    listed = _calendar(capsys, db, 2027)
    assert {"date": "2027-10-01", "name": "国庆节"} in listed["days_off"]
    assert {"date": "2027-02-12", "name": "放假"} in listed["days_off"]


def test_a_schedule_reaching_into_the_year_before_is_followed_there() -> None:
    """A State Council notice may begin New Year's holiday in the old year (the 2019 notice:
    2018-12-30 至 2019-01-01, with Saturday 2018-12-29 worked). Its days in 2026 were ignored,
    because 2026's days came from the library alone: a deadline across the new year counted
    2026-12-31 as a working day and the make-up Saturday as a day off."""
    text = COUNTY_PACK + (
        "\n[[calendar.years]]\nyear = 2027\n"
        'document = "国办发明电〔2099〕98号（测试用）"\n'
        "days_off = [2026-12-31, 2027-01-01, 2027-01-02, 2027-01-03]\n"
        "workdays = [2026-12-26]\n"
    )
    base = PolicyRegistry(local=Path("/nonexistent")).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(text, "county.toml"))])
    calendar = WorkCalendar(policy.calendar)
    assert not calendar.is_workday(D(2026, 12, 31))
    assert calendar.is_workday(D(2026, 12, 26))  # a Saturday worked
    assert calendar.add_workdays(D(2026, 12, 29), 2) == D(2027, 1, 4)
    assert calendar.workdays_between(D(2026, 12, 24), D(2026, 12, 31)) == 5
    assert (D(2026, 12, 31), "放假") in calendar.year_info(2026).days_off
    assert (D(2026, 12, 26), "调休上班") in calendar.year_info(2026).workdays


def test_due_list_says_plainly_when_a_deadline_is_estimated(
    policy: Policy, with_schedule: Policy
) -> None:
    found = person(registrations=(RegistrationFacts("r", D(2027, 2, 3), None),))
    on = D(2027, 2, 4)
    items = {i.kind: i for i in DueListBuilder(policy).for_person(found, on)}
    assert items["1311服务"].due_date == D(2027, 2, 16)
    assert items["1311服务"].note == NOTICE_2027
    assert NOTICE_2027 in calendar_notices(policy, on, items.values())
    followed = {i.kind: i for i in DueListBuilder(with_schedule).for_person(found, on)}
    assert followed["1311服务"].due_date == D(2027, 2, 18)
    assert followed["1311服务"].note == ""
    assert calendar_notices(with_schedule, on, followed.values()) == []
    # Within 2026 the library knows the schedule: nothing to say.
    assert calendar_notices(policy, D(2026, 6, 1)) == []


def test_schedule_dates_are_checked() -> None:
    bad = COUNTY_PACK + SCHEDULE_2027.replace("workdays = [2027-02-20]", "workdays = [2027-02-12]")
    with pytest.raises(Exception, match="既是休息日又是上班日"):
        parse_pack_text(bad, "county.toml")


def _calendar(capsys: pytest.CaptureFixture[str], db: Path, year: int) -> dict[str, object]:
    assert main(["--db", str(db), "calendar", "--year", str(year), "--json"]) == 0
    return dict(json.loads(capsys.readouterr().out))


def test_calendar_command_says_where_the_days_come_from(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ledger.db"
    Ledger.open(db).close()
    known = _calendar(capsys, db, 2026)
    assert known["source"] == "library" and not known["estimated"] and known["notice"] is None
    assert {"date": "2026-02-14", "name": "调休上班"} in known["workdays"]
    estimated = _calendar(capsys, db, 2027)
    assert estimated["source"] == "estimated" and estimated["notice"] == NOTICE_2027
    assert {"date": "2027-02-05", "name": "农历除夕"} in estimated["days_off"]
    assert estimated["workdays"] == []
    assert main(["--db", str(db), "calendar", "--year", "2027"]) == 0
    assert f"注意：{NOTICE_2027}" in capsys.readouterr().out
    # A pack that brings the schedule (installed by hand on a ledger not enrolled with a hub).
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK + SCHEDULE_2027, encoding="utf-8")
    assert main(["--db", str(db), "policy", "install", str(pack)]) == 0
    capsys.readouterr()
    loaded = _calendar(capsys, db, 2027)
    assert loaded["source"] == "pack" and not loaded["estimated"]
    assert "国办发明电〔2099〕99号（测试用）" in str(loaded["origin"])
    assert {"date": "2027-02-20", "name": "调休上班"} in loaded["workdays"]
