"""The conflicts page resolves many at once: rows selected, one side's value kept for each,
asked once naming how many; each written as a single resolution is; a conflict changed since
it was listed is skipped and said."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.sync.conflicts import Side, list_conflicts
from tests.ui.conflicts_made import _answer, make_conflicts


def test_selected_conflicts_keep_the_other_devices_values(window, qtbot, monkeypatch):
    ids = make_conflicts(window.session, 3)
    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 3
    selection = review.view.selectionModel()
    selection.clearSelection()
    for r in (0, 2):
        selection.select(
            review.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = review.chosen()
    review.side.setCurrentIndex(review.side.findData(Side.OTHER.value))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    assert review.resolve_many_selected() is None  # 否: nothing written
    assert asked == ["选中的 2 处冲突，每处都保留别的设备改的值？"]
    assert len(list_conflicts(window.session.ledger)) == 3
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    done = review.resolve_many_selected()
    assert done is not None and len(done.changes) == 2 and done.changed == 0
    assert review.model.rowCount() == 1
    assert review.outcome.text() == "已处理冲突 2 处"
    db = window.session.ledger.db
    for conflict in chosen:
        phone = db.execute("SELECT phone FROM persons WHERE id = ?", [conflict.row_id])
        assert phone.fetchone()[0].startswith("139")  # the other device's
    [left] = list_conflicts(window.session.ledger)
    assert left.row_id in ids and left.row_id not in {c.row_id for c in chosen}


def test_a_conflict_changed_since_it_was_listed_is_skipped_and_said(window, qtbot, monkeypatch):
    make_conflicts(window.session, 2)
    review = window.show_page("sync").conflicts
    review.refresh()
    review.view.selectAll()
    # Resolved meanwhile (an exchange brought another device's resolution): stale in the list.
    from fieldapp.sync.conflicts import resolve

    first = review.model.rows[0]
    resolve(window.session.ledger, first.conflict_id, keep=first.values[0].value_id)
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    done = review.resolve_many_selected()
    assert done is not None and (len(done.changes), done.changed) == (1, 1)
    assert "1 处在列出之后又变了" in review.outcome.text()
    # The resolution made meanwhile stands: not overwritten by the shown value.
    phone = window.session.ledger.db.execute(
        "SELECT phone FROM persons WHERE id = ?", [first.row_id]
    ).fetchone()[0]
    assert phone == first.values[0].value
    assert list_conflicts(window.session.ledger) == []


def test_many_go_off_the_gui_thread_and_nothing_selected_is_said(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs import conflicts as page

    review = window.show_page("sync").conflicts
    said: list[str] = []
    monkeypatch.setattr(page, "show_error", lambda _parent, text: said.append(str(text)))
    review.refresh()
    review.view.clearSelection()
    assert review.resolve_many_selected() is None and "选中" in said[0]
    make_conflicts(window.session, 3)
    review.refresh()
    review.view.selectAll()
    monkeypatch.setattr(page, "MANY_ON_THREAD", 1)  # 3 > 1: the threaded path, its ledger
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    done = review.resolve_many_selected()
    assert done is not None and len(done.changes) == 3
    assert list_conflicts(window.session.ledger) == []


def test_a_value_come_in_since_the_page_showed_the_conflict_is_not_overruled_unseen(
    window, qtbot, monkeypatch
):
    """The page shows a conflict's two values; before the coordinator clicks 保留, an exchange
    brings a third device's value of the same field. Keeping the value ticked set aside every
    value the conflict had by then, the third too, which nobody saw: now refused as changed,
    the list read again, the third value still in the conflict."""
    from fieldapp.ui.dialogs import conflicts as page

    [person_id] = make_conflicts(window.session, 1)
    review = window.show_page("sync").conflicts
    review.refresh()
    shown = review.selected()
    assert shown is not None and len(shown.values) == 2
    said: list[str] = []
    monkeypatch.setattr(page, "show_error", lambda _parent, text: said.append(str(text)))
    led = window.session.ledger
    first = min(shown.values, key=lambda v: v.at).value_id
    before = led.projector.load_change(first)
    assert before is not None
    third = Change("third-device", 1, format_stamp(1_700_000_000_500, 0), "王五", "persons",
                   person_id, {"phone": "13700000000"}, before.parents)  # fmt: skip
    led.apply_changes([third])
    review.choose(0)
    assert review.resolve_selected() is False
    assert said and "已经变了" in said[0]
    [conflict] = list_conflicts(led)
    assert third.id in {v.value_id for v in conflict.values} and len(conflict.values) == 3
    assert review.selected() is not None and len(review.selected().values) == 3
