"""设置 → 打印用语 at 1366×768: the 申请人承诺语 is longer than its box, and the box showed its
end — …受同类补贴。如有虚假，愿退回所领补贴资金并承担相应法律责任。 — cut mid-sentence, the
start (本人承诺…) out of sight. It now reads from its start, the whole of it in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import as_drawn


def test_the_pledge_reads_from_its_start(window, qtbot) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768 - 72)
    page = window.show_page("settings")
    qtbot.wait(100)
    pledge = page.paper_fields["pledge"]
    text = pledge.text()
    assert pledge.fontMetrics().horizontalAdvance(text) > pledge.width()  # longer than its box
    assert pledge.cursorPosition() == 0  # the box shows what is at the cursor: its start
    assert as_drawn(pledge.toolTip()) == text
    pledge.setText("本人承诺所填信息真实。")
    assert as_drawn(pledge.toolTip()) == "本人承诺所填信息真实。"
    pledge.setText("本人<b>承诺</b>")  # typed as markup: the tooltip shows it as typed
    assert as_drawn(pledge.toolTip()) == "本人<b>承诺</b>", pledge.toolTip()
