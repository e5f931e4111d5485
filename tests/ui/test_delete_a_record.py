"""A job, an unemployment registration or a service entered by mistake (on the wrong person,
twice) could be changed but never removed — in the desktop or anywhere: it stayed in the
rosters, the figures and the eligibility for good. Each tab of a person's panel now has 删除,
asking first; the deletion is logged (the person's 修改记录 says it) and kept in the ledger."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import (
    EmploymentSpell,
    ServiceRecord,
    UnemploymentRegistration,
)
from tests.records import Records
from tests.ui import with_records
from tests.ui.conftest import answered

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
person_with_records = with_records.person_with_records


@pytest.mark.parametrize(
    ("model", "view", "delete", "named"),
    [
        (EmploymentSpell, "spells_view", "delete_spell", "录错的厂"),
        (UnemploymentRegistration, "registrations_view", "delete_registration", "2026年11月2日"),
        (ServiceRecord, "services_view", "delete_service", "岗位推荐"),
    ],
)
def test_a_record_entered_by_mistake_is_deleted_after_asking(
    person_with_records, monkeypatch, model, view, delete, named
):
    panel, person = person_with_records
    records = Records(panel.session.ledger)
    assert len(records.person_records(model, person.id)) == 1
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    getattr(panel, view).selectRow(0)
    getattr(panel, delete)()
    assert len(asked) == 1 and named in asked[0]
    assert "2026-11-02" not in asked[0]  # every day said as the desktop says it, not ISO
    assert len(records.person_records(model, person.id)) == 1  # 否: nothing deleted

    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    getattr(panel, view).selectRow(0)
    getattr(panel, delete)()
    assert records.person_records(model, person.id) == []
    assert getattr(panel, view).model().rowCount() == 0
    assert any("删除" in line.text for line in panel.history.rows)


def test_delete_with_nothing_chosen_says_what_to_choose(person_with_records, warnings_shown):
    panel, _person = person_with_records
    panel.spells_view.clearSelection()
    panel.spells_view.setCurrentIndex(panel.spells_view.model().index(-1, -1))
    panel.delete_spell()
    assert warnings_shown and "请先在列表里选一条就业经历" in warnings_shown[-1]


def test_a_registration_with_no_date_is_asked_of_as_such(person_with_records, monkeypatch):
    """A registration kept with neither day (an old sheet's) is asked of as 这条没有日期的失业登记,
    not by an empty day (的这条失业登记)."""
    from fieldapp.services import work

    panel, person = person_with_records
    session = panel.session
    bare = UnemploymentRegistration(person_id=person.id)
    session.apply(work.save_record(session.ledger, session.actor, bare))
    panel.show_person(person.id)
    view = panel.registrations_view
    rows = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert len(rows) == 2
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    for row in range(2):
        view.selectRow(row)
        panel.delete_registration()
    assert any("这条没有日期的失业登记" in text for text in asked), asked
    assert not any(text.startswith("的") or "“的这条" in text for text in asked), asked
    assert any("2026年11月2日的这条失业登记" in text for text in asked), asked
