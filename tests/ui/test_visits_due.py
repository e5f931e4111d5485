"""Visits quick entry, the month view, and the due list updating after a service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from fieldapp.domain.models import Person, ServiceRecord, UnemploymentRegistration, Visit
from fieldapp.services import work
from tests.records import Records
from tests.ui.conftest import wait_idle


def test_record_a_visit_with_a_few_keys(window, qtbot):
    page = window.show_page("visits")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.picker.hasFocus)
    qtbot.keyClicks(page.picker, "ljg")
    qtbot.waitUntil(lambda: page.hits.count() == 1, timeout=5000)
    qtbot.keyClick(page.picker, Qt.Key.Key_Return)
    assert page.chosen is not None and page.chosen.name == "李建国"
    page.service.set_value("岗位推荐")
    page.notes.setText("希望到县内务工")
    page.outcome.setFocus()
    qtbot.keyClicks(page.outcome, "ok")
    qtbot.keyClick(page.outcome, Qt.Key.Key_Return)
    repo = Records(page.session.ledger)
    person = repo.person_by_id_number(
        page.session.ledger.db.execute(
            "SELECT id_number FROM persons WHERE name = '李建国'"
        ).fetchone()[0]
    )
    visits = repo.select(Visit, "person_id = ?", [person.id])
    services = repo.person_records(ServiceRecord, person.id)
    assert len(visits) == 1 and visits[0].notes == "希望到县内务工"
    assert len(services) == 1 and services[0].service_type == "岗位推荐"
    assert services[0].visit_id == visits[0].id
    assert "已记入台账" in page.status.text()
    assert page.households.rows[-1].visits == 1  # visited households sort last
    assert "已走访 1 户" in page.summary.text()


def test_visit_needs_a_person(window, qtbot):
    page = window.show_page("visits")
    assert page.save() is None
    assert "请先选择" in page.status.text()


def test_due_list_updates_after_the_service(window, qtbot):
    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    found = dt.date.today() - dt.timedelta(days=1)
    registration = UnemploymentRegistration(person_id=person.id, found_date=found)
    session.apply(work.save_record(session.ledger, session.actor, registration))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    items = [i for i in due.model.rows if i.person_id == person.id and i.kind == "1311服务"]
    assert len(items) == 1
    due.table.selectRow(due.model.rows.index(items[0]))
    due.open_selected()
    visits = window.pages["visits"]
    assert window.current_key() == "visits"
    assert visits.chosen.id == person.id
    assert visits.service.value() == "职业指导"
    visits.notes.setText("讲解政策，推荐岗位")
    assert visits.save()
    with qtbot.waitSignal(due.updated, timeout=30000):
        window.show_page("due")  # a hidden due page refreshes when shown again
    wait_idle(qtbot, due)
    # One service is not "1311": the item stays, with the guidance counted.
    (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "1311服务"]
    assert "职业指导 1/1" in item.progress and "岗位推荐 0/3" in item.progress


def test_monthly_update_from_the_due_list(window, qtbot, monkeypatch):
    from fieldapp.domain.dates import add_months, month_key
    from fieldapp.domain.models import MonthlyStatus
    from fieldapp.ui.dialogs.monthly_status import MonthlyStatusDialog

    # Tracked two months ago: last month's and this month's updates are due.
    session = window.session
    person = Records(session.ledger).select(Person, "name = '李建国'")[0]
    before = month_key(add_months(dt.date.today().replace(day=1), -2))
    status = MonthlyStatus(person_id=person.id, month=before, status="已就业")
    session.apply(work.set_monthly_status(session.ledger, session.actor, status))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    monthly = [i for i in due.model.rows if i.kind == "月度更新"]
    assert [i.person_id for i in monthly] == [person.id]
    item = monthly[0]
    monkeypatch.setattr(MonthlyStatusDialog, "exec", lambda self: self.save_and_accept() or 1)
    due.table.selectRow(due.model.rows.index(item))
    with qtbot.waitSignal(due.updated, timeout=30000):
        due.open_selected()
    wait_idle(qtbot, due)
    rows = window.session.ledger.db.execute(
        "SELECT month, status FROM monthly_status WHERE person_id = ?", [item.person_id]
    ).fetchall()
    assert rows and rows[0][1] == "已就业"
