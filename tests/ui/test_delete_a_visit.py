"""A visit (走访) recorded by mistake — on the wrong person, twice, a day not visited — could
not be deleted anywhere (jobs, registrations and services could since b4560e1): it counted in
本月走访情况 and printed on the month's 走访记录 for good. A person's panel now lists their visits
(走访记录) with 删除, asking first; the visit and the services given on it are marked deleted
through the write door, and the person's 修改记录 says so."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.models import ServiceRecord, Visit
from tests.records import Records
from tests.ui.conftest import answered
from tests.ui.with_records import person_with_records  # noqa: F401 - a fixture


def test_a_visit_recorded_by_mistake_is_deleted_after_asking(
    person_with_records,  # noqa: F811 - a fixture: a visit with a service on it, among others
    window,
    monkeypatch,
):
    panel, person = person_with_records
    ledger = window.session.ledger
    records = Records(ledger)
    assert len(records.person_records(Visit, person.id)) == 1
    assert panel.visits_view.model().rowCount() == 1

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, asked))
    panel.visits_view.selectRow(0)
    panel.delete_visit()
    assert len(asked) == 1 and "2026年11月2日" in asked[0] and "岗位推荐" in asked[0]
    assert "2026-11-02" not in asked[0]  # the day as the desktop says it, not ISO
    assert "2026年11月2日的这次走访" in asked[0]  # no space left from the ISO day before 的
    assert len(records.person_records(Visit, person.id)) == 1  # 否: kept

    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, asked))
    panel.visits_view.selectRow(0)
    panel.delete_visit()
    assert records.person_records(Visit, person.id) == []
    assert records.person_records(ServiceRecord, person.id) == []  # given on that visit
    assert panel.visits_view.model().rowCount() == 0
    assert any("删除走访" in line.text for line in panel.history.rows)
