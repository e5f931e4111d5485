"""Lists the English window said with the Chinese 、 between their items, and a visit's
services said in the ledger's Chinese: the person panel's categories (“Relocated、Lifted out of
poverty”), the question before a visit is deleted (“…and the services recorded on it:
岗位推荐、职业指导”), the question asked when a claim is submitted with papers missing
(“Still missing: 身份证复印件、…”), and a household duty's names. Each is listed with the
window's separator, the services in English; the ledger keeps its Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from fieldapp.domain.claims import ClaimState
from tests.ui.conftest import answered
from tests.ui.subsidies_claim import find_and_claim


def test_lists_in_the_english_window_are_said_in_english(
    demo_window, qtbot, monkeypatch, warnings_shown
):
    window = demo_window
    ledger = window.session.ledger
    person_id = ledger.db.execute(
        "SELECT person_id FROM person_categories GROUP BY person_id HAVING count(*) > 1"
    ).fetchone()[0]
    page = window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    assert claim.missing_evidence()
    window.set_language("en")
    try:
        # The panel's categories.
        window.open_person(person_id)
        panel = window.show_page("ledger").panel
        qtbot.waitUntil(lambda: panel.person is not None and panel.person.id == person_id)
        summary = panel.summary.text()
        assert "、" not in summary, summary
        # A visit of two services, then the question before it is deleted.
        visits = window.show_page("visits")
        visits.prefill(person_id, "岗位推荐")
        visits.set_services(["岗位推荐", "职业指导"])
        assert visits.save()
        window.open_person(person_id)
        panel = window.show_page("ledger").panel
        qtbot.waitUntil(lambda: panel.visits_view.model().rowCount() > 0)
        asked: list[str] = []
        monkeypatch.setattr(
            QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
        )
        panel.visits_view.selectRow(0)
        panel.delete_visit()
        (question,) = asked
        assert "Job recommendation" in question and "Career guidance" in question, question
        assert "、" not in question and "岗位推荐" not in question, question
        # The papers still missing when the claim is submitted.
        subsidies = window.show_page("subsidies")
        subsidies.show_claim(claim.id)
        target = subsidies.target
        target.setCurrentIndex(target.findData(ClaimState.SUBMITTED.value))
        labels: list[str] = []

        def get_text(_parent, _title, label, *args, **kwargs):  # noqa: ANN001, ANN202
            labels.append(label)
            return "", False

        monkeypatch.setattr(QInputDialog, "getText", get_text)
        assert subsidies.advance_selected() is None
        (label,) = labels
        assert "Still missing" in label and "、" not in label, label
        # A household duty's names.
        duties = window.show_page("duties")
        duties.refresh()
        qtbot.waitUntil(lambda: not duties.busy(), timeout=20000)
        model = duties.model
        names = [
            model.index(r, 2).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
        ]
        assert any(len(n.split(", ")) > 1 for n in names), names
        assert not any("、" in n for n in names), names
    finally:
        window.set_language("zh_CN")
    assert warnings_shown == []
