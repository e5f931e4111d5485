"""The UI tests' guard against a dialog nobody answers (`UnansweredDialogs`): one left waiting
is closed with its words noted, so a forgotten question fails its own test instead of holding
the whole run until the suite's timeout ends it unnamed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QProgressDialog

from tests.ui.conftest import UnansweredDialogs


def test_a_question_nobody_answers_is_closed_and_named(qtbot):
    watch = UnansweredDialogs(limit_s=0.3)
    watch.start(every_ms=50)
    try:
        answer = QMessageBox.question(None, "删除记录", "确定删除张长英的这次走访吗？")
    finally:
        watch.stop()
    assert answer != QMessageBox.StandardButton.Yes  # closed as Esc would: nothing done
    assert len(watch.closed) == 1
    assert "删除记录" in watch.closed[0] and "张长英" in watch.closed[0]


def test_a_busy_dialog_is_not_counted(qtbot):
    watch = UnansweredDialogs(limit_s=0.05)
    busy = QProgressDialog("正在导入……", "", 0, 0)
    busy.setModal(True)
    busy.show()
    try:
        qtbot.wait(300)
        for _ in range(5):
            watch.look()
            qtbot.wait(20)
    finally:
        busy.close()
    assert watch.closed == []
