"""A coordinator who visits a family (走访全户) could only record the visit as one person's: the
走访 form always wrote the chosen person, though the ledger, the import sheet (走访对象 本人 /
全户) and the month's sheet all know a visit to the whole household. The form now has
全户走访; such a visit shows in every member's 走访 tab (走访对象 全户) and is deleted there as a
person's visit is — asked first (否 the default), the services given on it with it, logged."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import Person, ServiceRecord, Visit
from fieldapp.store.queries import records as live
from tests.records import Records
from tests.ui.conftest import answered


def members(window) -> tuple[Person, Person]:
    found = Records(window.session.ledger)
    return (
        found.select(Person, "name = ?", ["张长英"])[0],
        found.select(Person, "name = ?", ["李建国"])[0],
    )


def test_a_visit_to_the_whole_household_is_recorded_and_shown_to_every_member(window, qtbot):
    head, spouse = members(window)
    page = window.show_page("visits")
    page.prefill(head.id, "岗位推荐")
    page.whole_household.setChecked(True)
    assert "全户" in page.chosen_label.text()
    page.notes.setText("全家在家，了解外出务工打算")
    visit_id = page.save()
    assert visit_id
    ledger = window.session.ledger
    visit = Records(ledger).get(Visit, visit_id)
    assert visit.person_id is None and visit.household_id == head.household_id
    assert "全户" in page.status.text()
    # The service ticked is the chosen person's, given on that visit.
    given = live.visit_services(ledger, visit_id)
    assert [(s.person_id, s.service_type) for s in given] == [(head.id, "岗位推荐")]
    # The form starts afresh: the next visit is one person's unless ticked again.
    assert not page.whole_household.isChecked()
    # Every member's panel lists it, as a visit to the whole household.
    window.open_person(spouse.id)
    panel = window.show_page("ledger").panel
    assert panel.visits.rows and panel.visits.rows[0].id == visit_id
    column = next(
        c
        for c in range(panel.visits.columnCount())
        if panel.visits.headerData(c, Qt.Orientation.Horizontal) == "走访对象"
    )
    assert panel.visits.index(0, column).data() == "全户"


def test_a_visit_to_the_whole_household_is_deleted_after_asking(window, monkeypatch):
    head, spouse = members(window)
    page = window.show_page("visits")
    page.prefill(head.id, "政策宣传")
    page.whole_household.setChecked(True)
    visit_id = page.save()
    assert visit_id
    ledger = window.session.ledger
    window.open_person(spouse.id)
    panel = window.show_page("ledger").panel
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    panel.visits_view.selectRow(0)
    panel.delete_visit()
    assert len(asked) == 1 and "全户" in asked[0] and "政策宣传" in asked[0]
    assert live.household_visits(ledger, head.household_id)  # 否: kept

    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    panel.visits_view.selectRow(0)
    panel.delete_visit()
    assert live.household_visits(ledger, head.household_id) == []
    assert live.visit_services(ledger, visit_id) == []
    assert Records(ledger).person_records(ServiceRecord, head.id) == []
    assert panel.visits.rows == []
    # Logged: the deletion is in the change log, by this user, and the member's history says it.
    deleted = ledger.db.execute(
        "SELECT deleted, updated_by FROM visits WHERE id = ?", [visit_id]
    ).fetchone()
    assert deleted[0] == 1 and deleted[1]
    assert any("删除走访" in line.text for line in panel.history.rows)
