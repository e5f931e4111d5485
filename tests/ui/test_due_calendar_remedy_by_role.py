"""待办's estimated-calendar notice told every device the year's 放假安排 comes “同步一次，或在
‘设置 → 政策包’载入”: a township's (or village's) device has no 载入 there — its rules come
from the county, installing a pack by hand is refused — so the clerk went looking for a button
that is not offered. A device the county rules is told to exchange data once; a device not
enrolled (and the county's) is still told of 设置 → 政策包."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.roles import Role
from tests.english import in_english
from tests.ui.conftest import wait_idle
from tests.ui.test_role_view import TOWNSHIP, role_window  # noqa: F401


def test_a_township_is_not_sent_to_load_a_pack(role_window, qtbot) -> None:  # noqa: F811
    win = role_window(Role.TOWNSHIP, TOWNSHIP)
    due = win.show_page("due")
    due.on.set_value(dt.date(2026, 12, 4))  # the list reaches into 2027, not yet scheduled
    wait_idle(qtbot, due)
    note = due.calendar_note.text()
    assert not due.calendar_note.isHidden() and "2027年放假调休安排尚未载入" in note, note
    assert "同步" in note and "核对" in note, note
    assert "设置 → 政策包" not in note, note
    with in_english():
        due._show(([], ["2027年放假调休安排尚未载入，期限按法定节假日估算"]))
        english = due.calendar_note.text()
    assert "Settings" not in english and "exchang" in english.lower(), english


def test_a_device_not_enrolled_is_still_told_of_the_settings(demo_window, qtbot) -> None:
    due = demo_window.show_page("due")
    due.on.set_value(dt.date(2026, 12, 4))
    wait_idle(qtbot, due)
    assert "设置 → 政策包" in due.calendar_note.text()
