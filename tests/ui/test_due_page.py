"""The due list a coordinator can trust: nothing overdue before its first deadline, filters by
item, urgency and name, counts per item."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.models import Person, UnemploymentRegistration
from fieldapp.policy.due import Urgency
from fieldapp.services import work
from tests.conftest import make_id
from tests.records import Records
from tests.ui.conftest import wait_idle


def test_a_person_added_today_has_nothing_overdue(window, qtbot):
    page = window.show_page("ledger")
    editor = page.new_person()
    editor.name.setText("赵新来")
    editor.id_number.setText(make_id(birth="19920315", seq="441"))
    editor.address.setText("大坝村三组 2 号")
    editor.save()
    person = Records(window.session.ledger).select(Person, "name = '赵新来'")[0]
    due = window.show_page("due")
    wait_idle(qtbot, due)
    mine = [i for i in due.items if i.person_id == person.id]
    assert mine == []  # the first monthly update is next month's
    # Found unemployed today: 1311 and registration are due, neither is overdue yet.
    session = window.session
    found = UnemploymentRegistration(person_id=person.id, found_date=dt.date.today())
    session.apply(work.save_record(session.ledger, session.actor, found))
    due.refresh()
    wait_idle(qtbot, due)
    mine = [i for i in due.items if i.person_id == person.id]
    assert {i.kind for i in mine} == {"1311服务", "失业登记"}
    assert all(i.urgency is not Urgency.OVERDUE for i in mine)
    assert all(i.workdays_left > 0 for i in mine)


def test_filters_and_counts(demo_window, qtbot):
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    items = due.items
    assert items
    kinds = {i.kind for i in items}
    # Every kind's count is on its button and adds up to the whole.
    total = 0
    for kind, button in due.kind_buttons.items():
        if kind:
            count = sum(1 for i in items if i.kind == kind)
            assert button.text().endswith(f" {count}")
            total += count
    assert due.kind_buttons[""].text().endswith(str(len(items))) and total == len(items)
    kind = sorted(kinds)[0]
    due.kind_buttons[kind].click()
    assert due.model.rowCount() == sum(1 for i in items if i.kind == kind)
    assert all(row.kind == kind for row in due.model.rows)
    due.set_kind("")
    due.urgency.setCurrentIndex(due.urgency.findData(str(Urgency.OVERDUE)))
    assert all(row.urgency is Urgency.OVERDUE for row in due.model.rows)
    due.urgency.setCurrentIndex(0)
    name = items[0].name
    due.name_filter.setText(name)
    assert due.model.rowCount() >= 1 and all(name in r.name for r in due.model.rows)
    assert "显示" in due.shown_label.text() or due.model.rowCount() == len(items)
    due.name_filter.clear()
    assert due.model.rowCount() == len(items)


def test_demo_due_list_is_a_realistic_mix(demo_window, qtbot):
    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    items = due.items
    overdue = [i for i in items if i.urgency is Urgency.OVERDUE]
    # Most of the work is done: a few items overdue, not a wall of red.
    assert items and len(overdue) <= len(items) // 3, (len(overdue), len(items))
    assert max((-i.workdays_left for i in overdue), default=0) < 60


def test_a_big_area_arrives_village_by_village(demo_window, qtbot, monkeypatch):
    from fieldapp.ui import pieces

    due = demo_window.show_page("due")
    wait_idle(qtbot, due)
    whole = sorted((i.person_id, i.kind, i.due_date) for i in due.items)
    # As if the county were big: worked out in parts, each shown as it arrives.
    monkeypatch.setattr(pieces, "PIECEWISE_HOUSEHOLDS", 1)
    parts: list[int] = []
    original = due._add_part
    monkeypatch.setattr(due, "_add_part", lambda items: (parts.append(len(items)), original(items)))
    due.refresh()
    wait_idle(qtbot, due)
    assert len(parts) > 1
    assert sorted((i.person_id, i.kind, i.due_date) for i in due.items) == whole
    assert due.kind_buttons[""].text().endswith(str(len(whole)))
    # The final list is sorted most urgent first, as a single pass sorts it.
    keys = [i.sort_key() for i in due.model.rows]
    assert keys == sorted(keys)


def test_the_estimated_calendar_notice_says_what_makes_it_exact(demo_window, qtbot):
    """In December the list reaches into next year, whose 放假调休安排 is not out yet: the page
    said the deadlines were estimated (“2027年放假调休安排尚未载入，期限按法定节假日估算”) but
    not what the coordinator could do about it. It now says the schedule comes with the
    county's policy pack (an exchange, or 设置 → 政策包) and to check deadlines near holidays."""
    due = demo_window.show_page("due")
    due.on.set_value(dt.date(2026, 12, 4))
    wait_idle(qtbot, due)
    note = due.calendar_note
    assert not note.isHidden()
    assert "2027年放假调休安排尚未载入" in note.text()
    assert "同步" in note.text() and "设置 → 政策包" in note.text()
    assert "核对" in note.text()


def test_the_estimated_calendar_notice_is_in_english_in_english(demo_window, qtbot):
    """In English the notice's first line stayed Chinese (2027年放假调休安排尚未载入…) above
    the translated line saying what makes the deadlines exact."""
    demo_window.set_language("en")
    try:
        due = demo_window.show_page("due")
        due.on.set_value(dt.date(2026, 12, 4))
        wait_idle(qtbot, due)
        lines = due.calendar_note.text().splitlines()
        assert lines[0].startswith("The official holiday schedule for 2027 is not loaded"), lines
        assert not any("\u4e00" <= ch <= "\u9fff" for line in lines for ch in line), lines
    finally:
        demo_window.set_language("zh_CN")
