"""打印: the paper's inputs sit in a stack of one page per paper, and a stack is as tall as its
tallest page — the 公示表's (its batch, its period and the no-phone warning). The 花名册's and
the 申请表's one batch sat above an empty gap that tall. The box is now as tall as the chosen
paper's inputs."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QApplication

from tests.paperwork.builders import add_claims


def _stack_height(page, key: str) -> int:
    page.paper.setCurrentIndex(page.paper.findData(key))
    for _ in range(3):  # the layouts settle on the event loop
        QApplication.processEvents()
    return page.stack.height()


def test_the_print_box_is_as_tall_as_the_chosen_papers_inputs(window, qtbot):
    add_claims(window.session.ledger, 2)  # a batch; no complaint phone set: the warning shows
    page = window.show_page("print")
    page.refresh()
    notice = _stack_height(page, "notice")
    assert page.phone_warning.isVisibleTo(page)
    roster = _stack_height(page, "roster")
    if os.environ.get("FIELDAPP_SHOT"):
        page.grab().save(os.path.join(os.environ["FIELDAPP_SHOT"], "print-roster.png"))
    # The roster's inputs are its batch alone: the stack no taller than that row.
    assert roster <= page.batch.sizeHint().height() + 4, (roster, notice)
    assert roster < notice
    assert _stack_height(page, "forms") == roster
    # Back on the notice, its period and warning have their room again.
    assert _stack_height(page, "notice") == notice
    assert page.notice_start.isVisibleTo(page)
    if os.environ.get("FIELDAPP_SHOT"):
        page.grab().save(os.path.join(os.environ["FIELDAPP_SHOT"], "print-notice.png"))
    assert page.notice_start.geometry().bottom() <= page.stack.currentWidget().height()
