"""A coordinator whose laptop's date is days off the county hub's, saving a visit: the write
door refuses it (`services.clock`), and the form stays open with everything typed; the box
says that nothing was saved, that the typing is kept, and how to set the date (Windows's own
words: 右下角的时间 → 调整日期/时间). Once the date is right the same form saves. The window's
banner and the 同步 page say it in the language shown. (The reading is the hub's clock as its
answer gave it, noted through `clock.note` as an import notes it; the door's own tests are
tests/hub/test_clock_told.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.models import Visit
from tests.records import Records
from tests.ui.hub_time import _hub_reads
from tests.ui.test_visit_in_progress import started_visit

NOTES = "希望到县内务工，月薪四千以上"


def _visits(window) -> int:
    return len(Records(window.session.ledger).select(Visit, "1 = 1", []))


@pytest.mark.parametrize(
    ("hub_days", "told"),
    [(-3, "本机日期比县里快了约3天。"), (40, "本机日期比县里慢了约40天。")],
)
def test_a_visit_refused_for_the_date_keeps_the_form_and_says_how_to_set_it(
    window, qtbot, warnings_shown, hub_days, told
):
    before = _visits(window)
    _hub_reads(window, hub_days)
    window.check_clock()
    assert window.clock_banner.isVisible() or not window.isVisible()
    assert window.clock_banner.text().startswith(told)
    assert "右键点屏幕右下角的时间，选“调整日期/时间”" in window.clock_banner.text()
    page = started_visit(window)
    page.outcome.setText("已推荐到县工业园")
    assert page.save() is None
    assert len(warnings_shown) == 1
    said = warnings_shown[0]
    assert said.startswith("这次的修改没有保存，填写的内容还在：把日期改对后再保存一次即可。")
    assert told in said and "调整日期/时间" in said
    assert _visits(window) == before  # nothing written
    # The form as it was: the person, the service ticked, the words typed.
    assert page.chosen.name == "李建国" and page.chosen_services() == ["岗位推荐"]
    assert page.notes.text() == NOTES and page.outcome.text() == "已推荐到县工业园"
    assert page.has_unsaved()
    # The date put right (the hub's answer says so): the same form saves.
    _hub_reads(window, 0)
    window.check_clock()
    assert window.clock_banner.isHidden() and window.clock_banner.text() == ""
    assert page.save()
    assert _visits(window) == before + 1 and len(warnings_shown) == 1


def test_the_date_is_said_in_english_in_english(window, qtbot, warnings_shown):
    _hub_reads(window, -3)
    window.set_language("en")
    try:
        assert window.clock_banner.text().startswith(
            "This computer's date is about 3 day(s) ahead of the county's. Right-click the time"
        ), window.clock_banner.text()
        window.show_page("sync").refresh()
        assert window.clock_banner.text().startswith("This computer's date")
        page = started_visit(window)
        assert page.save() is None
        assert warnings_shown[-1].startswith(
            "Not saved; what you typed is still there. Set the right date, then save again."
        ), warnings_shown[-1]
        assert "“Adjust date/time”" in warnings_shown[-1]
        assert page.notes.text() == NOTES
        _hub_reads(window, 40)
        window.check_clock()
        assert "about 40 day(s) behind" in window.clock_banner.text()
    finally:
        window.show_page("visits").discard_unsaved()
        window.set_language("zh_CN")
    assert window.clock_banner.text().startswith("本机日期比县里慢了约40天。")


@pytest.mark.parametrize("days", [-40, 3])
def test_the_forms_today_from_the_wrong_date_is_saved_as_the_right_today(
    window, qtbot, warnings_shown, days
):
    """The form's date starts at today as the laptop's date gives it: 40 days back (or 3
    ahead). Refused for that date, then saved once the date is put right, the visit was dated
    40 days back without a word (or refused as 晚于今天). Today as the wrong date gave it is
    now saved as the right today; a day the coordinator set is kept."""
    _hub_reads(window, 0)
    with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=days), tick=True):
        page = started_visit(window)
        wrong_today = page.date.value()
        assert page.save() is None and len(warnings_shown) == 1
    right_today = dt.datetime.now(CHINA).date()
    assert wrong_today != right_today and page.notes.text() == NOTES
    assert page.save()
    saved = Records(window.session.ledger).select(Visit, "notes = ?", [NOTES])
    assert [v.visit_date for v in saved] == [right_today], saved


def test_a_day_the_coordinator_set_is_kept_after_the_date_is_put_right(
    window, qtbot, warnings_shown
):
    _hub_reads(window, 0)
    with time_machine.travel(dt.datetime.now(CHINA) - dt.timedelta(days=40), tick=True):
        page = started_visit(window)
        set_day = page.date.value() - dt.timedelta(days=2)
        page.date.set_value(set_day)
        assert page.save() is None and len(warnings_shown) == 1
    assert page.save()
    saved = Records(window.session.ledger).select(Visit, "notes = ?", [NOTES])
    assert [v.visit_date for v in saved] == [set_day]
