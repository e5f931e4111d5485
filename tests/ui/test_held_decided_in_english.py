"""After a county office decided one held change on the desktop, the line above the list said
“Dismissed: 张0的人员信息（与户主关系为“邻居”）” (or “Accepted: …”) in the English window — the hub's Chinese line,
while the table the clerk had just chosen it from said it in English (`content_shown`). The
line now says the change as the table does; in Chinese it is the same as before."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from fieldapp.hub.server import ServerThread
from fieldapp.ui.dialogs.held_review import DecisionDialog
from tests.english import in_english
from tests.ui.conftest import wait_idle
from tests.ui.county_review import county_desk

CONTENT = 2


def _dismiss_the_neighbour(page, qtbot) -> tuple[str, str]:  # noqa: ANN001
    """Dismiss the held 邻居 change; what its row said and the line said after."""
    review = page.held_review
    review.refresh()
    wait_idle(qtbot, page)
    table = review.table
    (row,) = [r for r in range(table.rowCount()) if "邻居" in table.item(r, CONTENT).text()]
    listed = table.item(row, CONTENT).text()
    table.selectRow(row)
    assert review.decide_selected(False)
    wait_idle(qtbot, page)
    return listed, review.summary.text()


def test_a_decided_change_is_said_as_the_list_said_it(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
) -> None:
    def answer(dialog: DecisionDialog) -> int:
        dialog.note.setText("不是本村的人")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DecisionDialog, "exec", answer)
    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    with in_english(), ServerThread(hub.root) as server:
        page.url.setText(server.url)
        listed, said = _dismiss_the_neighbour(page, qtbot)
    assert "人员信息" not in listed, listed  # the list says it in English …
    first = said.splitlines()[0]
    assert first.startswith("Dismissed: ") and listed in first, said  # … and so does the line
    assert "人员信息" not in said and "与户主关系" not in said, said
    assert warnings_shown == []
    village.close()
    hub.close()
