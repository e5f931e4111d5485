"""The program's own selections in the lists that take several rows (申领, 符合条件的人员) are of one
row whatever keys are held: a coordinator holding Ctrl (to pick a second person) while the list
is refreshed, or a claim is made, got the program's row added to her own — and 创建申领 then made
claims for people she had not chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.store.queries.claims import ClaimQueries
from tests.ui.conftest import wait_idle
from tests.ui.subsidies_claim import eligible_row


def test_the_lists_own_selection_is_one_row_while_ctrl_is_held(demo_window, qtbot):
    page = demo_window.show_page("subsidies")
    qtbot.keyPress(page.results_view, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        page.find_eligible()
        wait_idle(page=page, qtbot=qtbot)
        assert len(page.results_view.selectionModel().selectedRows()) == 1  # the first row
        row = eligible_row(page)
        page.results_view.clearSelection()
        page.results_view.selectionModel().select(
            page.results.index(row, 0),
            page.results_view.selectionModel().SelectionFlag.ClearAndSelect
            | page.results_view.selectionModel().SelectionFlag.Rows,
        )
        result = page.results.rows[row]
        claim = page.create_claim()
        assert claim is not None and claim.person_id == result.person_id
        chosen = page.results_view.selectionModel().selectedRows()
        assert [i.row() for i in chosen] == [row], "the claimed row alone stays selected"
        made = ClaimQueries(page.session.ledger).select()
        assert [c.person_id for c in made] == [result.person_id]
    finally:
        qtbot.keyRelease(page.results_view, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
