"""Long jobs run off the GUI thread, report progress, and stop safely when cancelled."""

from __future__ import annotations

import threading

from fieldapp.domain.models import Household, Person
from fieldapp.domain.progress import Cancelled
from fieldapp.ui.dialogs.household import HouseholdDialog
from fieldapp.ui.operations import OperationPanel, OperationProgress
from tests.records import Records


def test_cancel_stops_the_job_and_nothing_is_written(window, qtbot):
    panel = OperationPanel()
    qtbot.addWidget(panel)
    session = window.session
    started = threading.Event()
    outcome: list[object] = []
    before = session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]

    def work(progress: OperationProgress) -> int:
        with session.worker_ledger() as ledger, ledger.transaction():
            for step in range(10_000):
                ledger.set_meta(f"scratch.{step}", "x")
                progress.report(step, 10_000)
                started.set()
                progress.check()  # raises Cancelled: the transaction rolls back
        return 1

    panel.run("测试", work, outcome.append, outcome.append)
    qtbot.waitUntil(started.is_set)
    assert panel.busy and panel.isVisible()
    panel.cancel()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert isinstance(outcome[0], Cancelled)
    assert "已取消" in str(outcome[0])
    assert session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert session.ledger.get_meta("scratch.0") is None


def test_progress_is_shown(window, qtbot):
    panel = OperationPanel()
    qtbot.addWidget(panel)
    gate = threading.Event()
    done: list[object] = []

    def work(progress: OperationProgress) -> str:
        progress.report(3, 10, "第 3 步")
        gate.wait(5)
        return "完成"

    panel.run("测试", work, done.append, done.append)
    qtbot.waitUntil(lambda: panel.bar.value() == 3)
    assert panel.bar.maximum() == 10 and panel.label.text() == "第 3 步"
    gate.set()
    qtbot.waitUntil(lambda: done == ["完成"])
    assert not panel.isVisible()


def test_household_dialog_saves_flags(window, qtbot):
    session = window.session
    person = Records(session.ledger).select(Person, "name = '张长英'")[0]
    dialog = HouseholdDialog(session, person.household_id, window)
    dialog.relocated.setChecked(True)
    dialog.address.setText("幸福社区 3 栋 2 单元 501")
    dialog.save_and_accept()
    household = Records(session.ledger).get(Household, person.household_id)
    assert household.is_relocated and household.address == "幸福社区 3 栋 2 单元 501"


def test_delete_person_is_logged_and_leaves_the_list(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    session = window.session
    person = Records(session.ledger).select(Person, "name = '王小明'")[0]
    page.panel.show_person(person.id)
    with qtbot.waitSignal(page.updated, timeout=5000):
        assert page.panel.delete_person(reason="迁出")
    assert page.model.rowCount() == 2
    row = session.ledger.get("persons", person.id)
    assert row["deleted"] == 1 and row["name"] == "王小明" and row["change_reason"] == "迁出"


def test_cancelled_read_only_job_drops_its_result(window, qtbot):
    panel = OperationPanel()
    qtbot.addWidget(panel)
    gate = threading.Event()
    shown: list[object] = []
    failed: list[object] = []

    def work(progress: OperationProgress) -> str:
        gate.wait(5)
        return "旧结果"

    panel.run("测试", work, shown.append, failed.append, read_only=True)
    panel.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not panel.busy)
    assert shown == [] and isinstance(failed[0], Cancelled)


def test_run_modal_keeps_the_window_alive_and_says_what_happens(qtbot):
    """Re-encrypting or restoring runs on a thread: the GUI thread keeps turning (its timer
    ticks while the work waits for it), a modal dialog says what is happening, and the work's
    result or error comes back on the GUI thread."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from fieldapp.ui.operations import run_modal

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    shown = threading.Event()

    def look() -> None:  # on the GUI thread, while the work runs
        for dialog in window.findChildren(QProgressDialog):
            if dialog.isVisible() and "重新加密" in dialog.labelText():
                shown.set()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(look)
    timer.start()
    gui_thread = threading.get_ident()

    def work() -> int:
        assert threading.get_ident() != gui_thread
        assert shown.wait(10), "the GUI thread stood still or no dialog was shown"
        return 42

    assert run_modal(window, "正在用新钥匙重新加密台账…", work) == 42

    def fails() -> int:
        raise ValueError("钥匙文件损坏")

    try:
        run_modal(window, "正在从备份恢复台账…", fails)
    except ValueError as error:
        assert "钥匙文件损坏" in str(error)
    else:
        raise AssertionError("the work's error was swallowed")
    timer.stop()
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_guarded_buttons_are_off_while_work_runs_and_back_as_they_were(qtbot):
    from PySide6.QtWidgets import QPushButton

    panel = OperationPanel()
    qtbot.addWidget(panel)
    start, never_on = QPushButton("导出"), QPushButton("未登记时不可用")
    never_on.setEnabled(False)
    panel.guard(start, never_on)
    release = threading.Event()
    outcome: list[object] = []

    def work(_progress: OperationProgress) -> int:
        release.wait(10)
        return 1

    panel.run("一", work, outcome.append, outcome.append)
    assert not start.isEnabled()
    panel.run("二", work, outcome.append, outcome.append)  # started again by the program
    assert not start.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    assert start.isEnabled() and not never_on.isEnabled()
