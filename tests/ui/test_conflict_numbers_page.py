"""The conflicts page shows each conflict's 编号 as the command line says and takes it (a clerk
told "冲突 b2e7" on the phone finds it), and its filter box keeps the conflicts a number (its
start is enough) or a name names; the number then resolves it on the command line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.cli.main import main as cli
from fieldapp.domain.conflict_numbers import short_numbers
from fieldapp.services.sheet_conflicts import SheetConflict
from tests.ui.conflicts_made import _kept, make_conflicts
from tests.ui.conftest import UI_USER


def _numbers(review) -> list[str]:  # noqa: ANN001
    return [review.model.index(r, 0).data() for r in range(review.model.rowCount())]


def test_each_conflict_shows_the_number_the_listing_says(window, qtbot, capsys, monkeypatch):
    ledger = window.session.ledger
    make_conflicts(window.session, 3)
    _kept(ledger, 2)
    review = window.show_page("sync").conflicts
    review.refresh()
    rows = list(review.model.rows)
    assert len(rows) == 5 and review.model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    # No row numbers down the side to be taken for the 编号 beside them.
    assert review.view.verticalHeader().isHidden()
    expected = short_numbers(c.conflict_id for c in rows)
    assert _numbers(review) == [expected[c.conflict_id] for c in rows]
    # The same numbers `conflicts` prints, a sync's and a sheet's alike.
    monkeypatch.setenv("FIELDAPP_PASSWORD", UI_USER.password)
    assert cli(["--db", str(ledger.path), "--user", UI_USER.user, "conflicts"]) == 0
    listed = capsys.readouterr().out
    for number in _numbers(review):
        assert f"冲突 {number} " in listed

    # Typed in the filter box (as heard: upper case, spaces): only that conflict is left,
    # selected, its values shown; the count says how many of how many.
    sheet = next(c for c in rows if isinstance(c, SheetConflict))
    number = expected[sheet.conflict_id]
    review.filter.setText(f" {number.upper()} ")
    assert review.model.rows == [sheet]
    assert review.selected() == sheet
    assert review.summary.text() == "待处理冲突 5 处，符合查找的 1 处"
    assert review.choices.buttons()  # its two values to choose from
    # Longer than the number (the whole id) still finds it; a name finds that person's.
    review.filter.setText(sheet.conflict_id)
    assert review.model.rows == [sheet]
    review.filter.setText(sheet.name)
    assert sheet in review.model.rows and len(review.model.rows) < 5
    # One that names none: an empty list, nothing to resolve.
    review.filter.setText("zzzz")
    assert review.model.rowCount() == 0 and not review.resolve_button.isEnabled()
    assert review.summary.text() == "待处理冲突 5 处，符合查找的 0 处"
    # Cleared: all of them again; a refresh keeps the filter as typed.
    review.filter.setText(number)
    review.refresh()
    assert review.model.rows == [sheet]
    review.filter.clear()
    assert len(review.model.rows) == 5 and review.summary.text() == "待处理冲突 5 处"
