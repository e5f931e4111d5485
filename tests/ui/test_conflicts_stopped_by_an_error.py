"""Many conflicts resolved together, some from another device, some a spreadsheet left, and the
database refusing one of them midway (a chunk of 250 rolled back, then written again one by
one up to the one that fails): one bar for both kinds that never steps back, and the page says
how many were resolved and that the rest were not, which are still in the list."""

from __future__ import annotations

from fieldapp.services import sheet_conflicts as S
from fieldapp.services.sheet_conflicts import SheetConflict, list_open
from fieldapp.sync import conflicts as C
from fieldapp.sync.conflicts import list_conflicts
from tests.ui.conflicts_made import _answer, _kept, make_conflicts

from PySide6.QtWidgets import QMessageBox  # isort: skip


def test_an_error_midway_says_how_many_were_resolved_and_the_bar_never_steps_back(
    window, qtbot, monkeypatch
):
    from fieldapp.ui.dialogs import conflicts as page

    ledger = window.session.ledger
    make_conflicts(window.session, 3)  # the ledger's three persons' phones
    _kept(ledger, 3)
    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 6
    sheets = [c for c in review.model.rows if isinstance(c, SheetConflict)]
    # The third sheet conflict cannot be closed: the database refuses it (a real refusal of
    # the file, not a stand-in), in a chunk of three: rolled back, then one by one.
    ledger.db.execute(
        "CREATE TRIGGER refuse_one BEFORE UPDATE ON sheet_conflicts "
        f"WHEN OLD.row_id = '{sheets[2].row_id}' BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    monkeypatch.setattr(C, "CHUNK", 2)
    monkeypatch.setattr(S, "CHUNK", 3)
    monkeypatch.setattr(page, "MANY_ON_THREAD", 1)  # the threaded path, with its bar
    seen: list[tuple[int, int]] = []
    modal = page.run_modal_stoppable

    def watched(parent, text, work):  # the real dialog; the bar's steps noted on the way
        def noted(progress, cancelled):
            def told(done: int, total: int) -> None:
                seen.append((done, total))
                progress(done, total)

            return work(told, cancelled)

        return modal(parent, text, noted)

    monkeypatch.setattr(page, "run_modal_stoppable", watched)
    said: list[str] = []
    monkeypatch.setattr(page, "show_error", lambda _parent, _error, text: said.append(text))
    review.view.selectAll()
    review.side.setCurrentIndex(review.side.findData("shown"))  # sheets: the ledger's kept
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    done = review.resolve_many_selected()
    assert done is not None
    # One bar for the six, never back: the sheets' counted on from the syncs'.
    assert {total for _, total in seen} == {6}, seen
    steps = [n for n, _ in seen]
    assert steps == sorted(steps) and steps[-1] == 5, seen
    # Three from the device and two from the sheet written; the third refused, still listed.
    assert list_conflicts(ledger) == []
    assert [c.row_id for c in list_open(ledger)] == [sheets[2].row_id]
    text = review.outcome.text()
    assert "已处理冲突 5 处" in text, text
    assert "其余 1 处没有处理，仍在列表中" in text, text
    assert said == [text]
    assert review.model.rowCount() == 1
