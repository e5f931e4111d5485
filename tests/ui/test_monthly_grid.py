"""The monthly update of a village in one grid: pre-filled from last month, typed with the
keyboard, saved at once with every row its own logged change."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from fieldapp.domain.month import Month
from fieldapp.ui.pages.monthly import INCOME, STATUS
from tests.ui.conftest import wait_idle
from tests.ui.demo_ledger import biggest_village


def logged(ledger, month: str) -> list[tuple]:
    return ledger.db.execute(
        "SELECT c.device_id, c.seq, c.author, m.person_id FROM changes c "
        "JOIN monthly_status m ON m.id = c.row_id WHERE m.month = ? ORDER BY c.seq",
        [month],
    ).fetchall()


def test_fifty_people_updated_in_one_save_each_logged(demo_window, qtbot):
    window = demo_window
    ledger = window.session.ledger
    page = window.show_page("monthly")
    page.area.set_code(biggest_village(ledger))
    month = str(Month.current())
    model = page.model
    assert model.rowCount() >= 50
    before = logged(ledger, month)
    table = page.table
    table.setFocus()
    # Keyboard: in the status column, 2 (未就业) for ten selected rows at once …
    selection = table.selectionModel()
    table.setCurrentIndex(model.index(0, STATUS))
    for row in range(10):
        selection.select(model.index(row, STATUS), QItemSelectionModel.SelectionFlag.Select)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert all(model.entries[r].status == "未就业" for r in range(10))
    # … then row by row: 1 (已就业) goes down a row each time.
    table.setCurrentIndex(model.index(10, STATUS))
    selection.clearSelection()
    for _ in range(40):
        qtbot.keyClick(table, Qt.Key.Key_1)
    assert table.currentIndex().row() == 50
    assert all(model.entries[r].status == "已就业" for r in range(10, 50))
    # An income typed into its cell.
    assert model.setData(model.index(12, INCOME), "4800")
    assert model.entries[12].income == 4800
    assert page.has_unsaved()
    pending = {e.row.person_id for e in model.pending()}
    assert len(pending) >= 50
    saved = page.save()
    assert saved == len(pending)
    after = logged(ledger, month)
    new = after[len(before) :] if after[: len(before)] == before else after
    mine = [row for row in new if row[3] in pending]
    # Every saved person has their own change-log entry, all from this device and user.
    assert {row[3] for row in mine} == pending
    assert len({(row[0], row[1]) for row in mine}) >= len(pending)
    assert {row[2] for row in mine} == {window.session.ledger.author}
    assert "已把" in page.note.text() and "保存到本台账" in page.note.text()
    # Saved: nothing pending, the grid shows what is stored.
    assert not page.has_unsaved() and not model.pending()
    assert model.entries[12].income == 4800 and model.entries[0].status == "未就业"


def test_this_month_starts_from_last_month(demo_window, qtbot):
    page = demo_window.show_page("monthly")
    page.area.set_code(biggest_village(demo_window.session.ledger))
    prefilled = [e for e in page.model.entries if e.prefilled]
    assert prefilled
    for entry in prefilled:
        assert entry.status == entry.row.last_status and not entry.row.status
    assert "按上月预填" in page.summary.text()


def test_leaving_with_typed_changes_asks_first(demo_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = demo_window.show_page("monthly")
    village = biggest_village(demo_window.session.ledger)
    page.area.set_code(village)
    page.model.setData(page.model.index(0, STATUS), "在校")
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel,
    )
    page.area.setCurrentIndex(0)
    assert asked and page.area.code() == village and page.model.entries[0].status == "在校"
    assert demo_window.has_unsaved()
    wait_idle(qtbot, demo_window.show_page("due"))


def test_the_keys_do_what_the_hint_above_the_grid_says(demo_window, qtbot):
    """The hint read 按 1 已就业、2 未就业…，回车到下一行 — but 1–4 already go down a row by
    themselves, so a coordinator typing 1 ⏎ 2 ⏎ as told gave the second person's 未就业 to the
    third (王明超, 已就业 last month, now 未就业) and skipped every other row. The hint now says
    that a key moves on by itself and that Enter leaves a row as it is."""
    page = demo_window.show_page("monthly")
    page.area.set_code(biggest_village(demo_window.session.ledger))
    model, table = page.model, page.table
    assert "自动到下一行" in page.hint.text() and "回车不改这一行" in page.hint.text()
    table.setFocus()
    table.setCurrentIndex(model.index(0, STATUS))
    kept = model.entries[2].status
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.keyClick(table, Qt.Key.Key_2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert [model.entries[r].status for r in range(3)] == ["已就业", "未就业", kept]
    assert table.currentIndex().row() == 3


def test_ctrl_s_saves_the_grid(demo_window, qtbot):
    # The page's Save shortcut, pressed as a user presses it, saves what was typed.
    page = demo_window.show_page("monthly")
    page.area.set_code(biggest_village(demo_window.session.ledger))
    demo_window.activateWindow()
    qtbot.waitActive(demo_window)
    model, table = page.model, page.table
    table.setFocus()
    table.setCurrentIndex(model.index(0, STATUS))
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert page.has_unsaved()
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.has_unsaved() and model.entries[0].status == "未就业"
    assert "保存到本台账" in page.note.text()
