"""A sheet conflict kept from a hostile file (its name and its sheet's holding ESC[2J) is shown
on the conflicts page as typed: the window's labels and buttons draw text and run no terminal
escape, so nothing is escaped there (the command line prints the same `\\u001b[2J`,
`cli.common.escaped`); plain text, so markup in a name stays characters."""

from __future__ import annotations

from fieldapp.services.sheet_conflicts import SheetConflict, Undecided, keep
from fieldapp.services.writer import actor_of, writing
from tests.ui.conflicts_made import make_conflicts

FILE = "村里\x1b[2J<b>粗</b>.xlsx"


def test_a_hostile_files_name_is_shown_as_typed(window, qtbot):
    ledger = window.session.ledger
    make_conflicts(window.session, 1)
    pid = ledger.db.execute("SELECT id FROM persons ORDER BY id LIMIT 1").fetchone()[0]
    row = ledger.get("persons", pid)
    stamp = ledger.db.execute("SELECT max(hlc) FROM changes").fetchone()[0]
    with writing(ledger, actor_of(ledger)) as writer:
        keep(writer, FILE, [Undecided(
            "劳动力台账\x1b[2J", 3, row["name"], row["id_number"], "persons", pid, "notes",
            "备注\x07", row["notes"], stamp, "测试员",
        )])  # fmt: skip
    review = window.show_page("sync").conflicts
    review.refresh()
    [at] = [r for r, c in enumerate(review.model.rows) if isinstance(c, SheetConflict)]
    assert review.model.index(at, 5).data() == f"表格“{FILE}”"
    review.view.selectRow(at)
    assert review.choices.buttons()[0].text() == "备注\x07"
    where = review.grid.itemAtPosition(1, 3).widget()
    assert where.text() == f"表格“{FILE}”（导入）" and where.textFormat().name == "PlainText"
