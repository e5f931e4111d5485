"""Visits quick entry, the month view, and the due list updating after a service."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Qt

from fieldapp.domain.models import Person, ServiceRecord, UnemploymentRegistration, Visit
from fieldapp.services import work
from tests.records import Records
from tests.ui.conftest import wait_idle, when_modal


def test_record_a_visit_with_a_few_keys(window, qtbot):
    page = window.show_page("visits")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.picker.hasFocus)
    qtbot.keyClicks(page.picker, "ljg")
    qtbot.waitUntil(lambda: page.hits.count() == 1, timeout=5000)
    qtbot.keyClick(page.picker, Qt.Key.Key_Return)
    assert page.chosen is not None and page.chosen.name == "李建国"
    page.set_services(["岗位推荐"])
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
    assert re.search(r"李建国 \d{4}年\d{1,2}月\d{1,2}日 岗位推荐", page.status.text())  # no ISO day
    assert page.households.rows[-1].visits == 1  # visited households sort last
    assert "已走访 1 户" in page.summary.text()


def test_visit_needs_a_person(window, qtbot):
    page = window.show_page("visits")
    assert page.save() is None
    assert "请先选择" in page.status.text()


def test_due_list_updates_after_the_service(window, qtbot):
    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    from fieldapp.domain.dates import today

    found = today() - dt.timedelta(days=1)
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
    assert visits.chosen_services() == ["职业指导"]
    visits.notes.setText("讲解政策，推荐岗位")
    assert visits.save()
    with qtbot.waitSignal(due.updated, timeout=30000):
        window.show_page("due")  # a hidden due page refreshes when shown again
    wait_idle(qtbot, due)
    # One service is not "1311": the item stays, with the guidance counted.
    (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "1311服务"]
    assert "职业指导 1/1" in item.progress and "岗位推荐 0/3" in item.progress


def test_monthly_update_from_the_due_list(window, qtbot):
    from fieldapp.domain.dates import add_months, month_key, written_text
    from fieldapp.domain.models import MonthlyStatus

    # Tracked two months ago: last month's and this month's updates are due.
    session = window.session
    person = Records(session.ledger).select(Person, "name = '李建国'")[0]
    before = month_key(add_months(dt.date.today().replace(day=1), -2))
    status = MonthlyStatus(person_id=person.id, month=before, status="已就业", income=3000)
    session.apply(work.set_monthly_status(session.ledger, session.actor, status))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    monthly = [i for i in due.model.rows if i.kind == "月度更新"]
    assert [i.person_id for i in monthly] == [person.id]
    item = monthly[0]
    due.table.selectRow(due.model.rows.index(item))
    due.open_selected()
    # The household's grid opens for that month, the person's row pre-filled.
    grid = window.pages["monthly"]
    assert window.current_key() == "monthly"
    assert grid.household_id == person.household_id
    assert str(grid.model.month) == item.month and item.title.startswith(written_text(item.month))
    with qtbot.waitSignal(due.updated, timeout=30000):
        assert grid.save() >= 1
        window.show_page("due")
    wait_idle(qtbot, due)
    rows = window.session.ledger.db.execute(
        "SELECT month, status FROM monthly_status WHERE person_id = ? AND month = ?",
        [item.person_id, str(grid.model.month)],
    ).fetchall()
    assert rows == [(str(grid.model.month), "已就业")]


def test_a_visit_with_three_services_and_training_days(window, qtbot):
    page = window.show_page("visits")
    person = Records(window.session.ledger).select(Person, "name = '王小明'")[0]
    page.prefill(person.id, "")
    # Space ticks the focused service, as a keyboard user does.
    for kind in ("政策宣传", "岗位推荐"):
        check = page.service_checks[kind]
        check.setFocus()
        qtbot.keyClick(check, Qt.Key.Key_Space)
    page.service_checks["职业培训"].setChecked(True)
    assert page.training_row.isEnabled()
    page.training_days.setValue(12)
    page.training_kind.setCurrentText("创业培训")
    page.notes.setText("讲解政策，推荐岗位，报名创业培训")
    assert page.save()
    services = Records(window.session.ledger).person_records(ServiceRecord, person.id)
    assert sorted(s.service_type for s in services) == ["岗位推荐", "政策宣传", "职业培训"]
    (visit,) = Records(window.session.ledger).select(Visit, "person_id = ?", [person.id])
    assert {s.visit_id for s in services} == {visit.id}
    training = next(s for s in services if s.service_type == "职业培训")
    assert training.training_days == 12 and training.training_kind == "创业培训"
    assert training.end_date == training.service_date + dt.timedelta(days=11)
    assert "职业培训（12天）" in page.status.text()
    assert page.chosen_services() == []  # the form is empty for the next visit


def test_an_unemployment_registration_due_is_done_in_its_own_form(window, qtbot):
    """王小明 found unemployed yesterday: the due list says 7个工作日内办结失业登记. 办理所选 took
    the coordinator to 走访 with 失业登记 ticked; she saved the visit and the item stayed due —
    only the registration's 登记日期 closes it, in a form she was never shown. 办理 now opens
    王小明's 失业登记 with 登记日期 set to today; saved, the item is gone."""
    from fieldapp.ui.dialogs.records import UnemploymentDialog

    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    from fieldapp.domain.dates import today

    found = today() - dt.timedelta(days=1)
    registration = UnemploymentRegistration(person_id=person.id, found_date=found)
    session.apply(work.save_record(session.ledger, session.actor, registration))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "失业登记"]
    seen: list[tuple[object, object]] = []

    def answer(form: UnemploymentDialog) -> None:
        seen.append((form.found.value(), form.registered.value()))
        form.save_and_accept()
        if form.isVisible():
            form.discard()

    when_modal(UnemploymentDialog, answer)
    due.table.selectRow(due.model.rows.index(item))
    due.open_selected()
    assert seen == [(found, today())]  # China's day (a UTC clock is behind till 08:00)
    (kept,) = Records(session.ledger).person_records(UnemploymentRegistration, person.id)
    assert kept.registered_date == today() and kept.found_date == found
    with qtbot.waitSignal(due.updated, timeout=30000):
        window.show_page("due")
    wait_idle(qtbot, due)
    assert not [i for i in due.model.rows if i.person_id == person.id and i.kind == "失业登记"]


def test_handling_a_1311_item_again_ticks_a_service_still_short(window, qtbot):
    """王小明's 1311 item after a visit giving 职业指导 (职业指导 1/1, the rest short): 办理所选
    ticked 职业指导 again, as it does on a fresh item — saved as it came, the visit recorded a
    second guidance, counted for nothing, and the item stayed. It now ticks the first service
    still short (政策宣传 0/1)."""
    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    from fieldapp.domain.dates import today

    found = today() - dt.timedelta(days=1)
    registration = UnemploymentRegistration(person_id=person.id, found_date=found)
    session.apply(work.save_record(session.ledger, session.actor, registration))
    due = window.show_page("due")
    wait_idle(qtbot, due)

    def handle() -> list[str]:
        (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "1311服务"]
        due.table.selectRow(due.model.rows.index(item))
        due.open_selected()
        return window.pages["visits"].chosen_services()

    assert handle() == ["职业指导"]  # a fresh item: as before
    assert window.pages["visits"].save()
    with qtbot.waitSignal(due.updated, timeout=30000):
        window.show_page("due")
    wait_idle(qtbot, due)
    assert handle() == ["政策宣传"]


def test_a_1311_item_short_only_of_training_or_internship_ticks_nothing_given(window, qtbot):
    """王小明's 1311 item with 政策宣传, 岗位推荐 ×3 and 职业指导 given, only 职业培训或就业见习
    0/1 left: 办理所选 ticked 职业指导 again (nothing on a line naming one service was short) —
    saved as it came, a second guidance counted for nothing and the item stayed. It now ticks
    no service: which of the two the person takes is the coordinator's to tick."""
    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    from fieldapp.domain.dates import today

    found = today() - dt.timedelta(days=1)
    registration = UnemploymentRegistration(person_id=person.id, found_date=found)
    session.apply(work.save_record(session.ledger, session.actor, registration))
    for kind in ("政策宣传", "岗位推荐", "岗位推荐", "岗位推荐", "职业指导"):
        given = ServiceRecord(
            person_id=person.id,
            household_id=person.household_id,
            service_date=today(),
            service_type=kind,
        )
        session.apply(work.save_record(session.ledger, session.actor, given))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "1311服务"]
    assert "职业培训或就业见习 0/1" in item.progress and "职业指导 1/1" in item.progress
    due.table.selectRow(due.model.rows.index(item))
    qtbot.mouseClick(due.open_button, Qt.MouseButton.LeftButton)
    visits = window.pages["visits"]
    assert window.current_key() == "visits" and visits.chosen.id == person.id
    assert visits.chosen_services() == []


def test_a_registration_done_meanwhile_opens_no_new_one(window, qtbot):
    """The due list made before the registration was done (on the panel, or another copy):
    办理 on its stale 失业登记 item opened an empty registration dated today — saved, a
    second registration of the same spell of unemployment. It now only shows the tab."""
    from fieldapp.ui.dialogs.records import UnemploymentDialog

    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    from fieldapp.domain.dates import today

    found = today() - dt.timedelta(days=1)
    registration = UnemploymentRegistration(person_id=person.id, found_date=found)
    session.apply(work.save_record(session.ledger, session.actor, registration))
    due = window.show_page("due")
    wait_idle(qtbot, due)
    (item,) = [i for i in due.model.rows if i.person_id == person.id and i.kind == "失业登记"]
    (kept,) = Records(session.ledger).person_records(UnemploymentRegistration, person.id)
    done = kept.model_copy(update={"registered_date": dt.date.today()})
    work.save_record(session.ledger, session.actor, done, kept)  # the list not told: stale
    opened: list[object] = []

    def answer(form: UnemploymentDialog) -> None:
        opened.append(form)
        form.save_and_accept()

    when_modal(UnemploymentDialog, answer, polls=50)
    due.table.selectRow(due.model.rows.index(item))
    due.open_selected()
    qtbot.wait(200)
    assert opened == []
    assert len(Records(session.ledger).person_records(UnemploymentRegistration, person.id)) == 1
    panel = window.pages["ledger"].panel
    assert panel.tabs.currentWidget() is panel.registrations_view.parentWidget()


def test_the_months_households_are_read_on_a_1280x720_screen(demo_window, qtbot):
    """走访 on a 1280×720 laptop: the picker's empty list of hits kept 110 px under the name
    box, and 本月走访情况 — the households still to visit, what the coordinator looks down — showed
    two rows and a half. The hits now take room only while there are hits: five rows and more
    of households are read, and the hits still show while a name is typed."""
    from PySide6.QtCore import Qt

    window = demo_window
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 720 - 72)
    page = window.show_page("visits")
    qtbot.wait(100)
    table = page.table
    rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows >= 5, rows
    page.picker.setText("何")  # typed (keyClicks takes no Chinese)
    qtbot.waitUntil(lambda: page.hits.count() > 0, timeout=5000)
    assert page.hits.isVisible() and page.hits.height() > 40
    page.picker.clear()
    qtbot.waitUntil(lambda: not page.hits.isVisible(), timeout=5000)
