"""The conflicts page lists the conflicts a spreadsheet update left undecided beside the sync
ones (来自 表格“文件名”) and decides them with the same buttons: the sheet's value written,
attributed and logged — refused when the ledger's cell changed since the import (said, left in
the list) — or the ledger's kept; several at once too."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.sheet_conflicts import (
    SheetConflict,
    SheetSide,
    Undecided,
    decide,
    keep,
    list_open,
)
from fieldapp.services.writer import actor_of, writing
from tests.ui.conflicts_made import _answer, _kept, make_conflicts


def _phone(ledger, pid: str) -> str:
    return str(ledger.get("persons", pid)["phone"])


def test_sheet_conflicts_are_listed_and_decided_on_the_page(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs import conflicts as page

    ledger = window.session.ledger
    make_conflicts(window.session, 1)
    taken, refused = _kept(ledger, 2)
    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 3
    sources = [review.model.index(r, 5).data() for r in range(3)]
    assert sources == ["别的设备", "表格“村里.xlsx”", "表格“村里.xlsx”"]
    rows = {c.row_id: r for r, c in enumerate(review.model.rows) if isinstance(c, SheetConflict)}
    # One decided for the sheet: written, by whoever decides.
    review.view.selectRow(rows[taken])
    assert [b.text() for b in review.choices.buttons()][0] == "13600000000"
    assert review.choices.checkedButton().property("value_id") == "ledger"
    assert not review.new_value.isEnabled()  # a sheet's conflict: one of its two values
    review.choose(0)
    assert review.resolve_selected()
    assert _phone(ledger, taken) == "13600000000"
    last = ledger.db.execute(
        "SELECT author FROM changes WHERE row_id = ? ORDER BY hlc DESC LIMIT 1", [taken]
    ).fetchone()[0]
    assert last == ledger.author
    assert review.model.rowCount() == 2
    # The other's ledger cell changed since the import: the sheet's value refused, said.
    with ledger.transaction():
        ledger.update("persons", refused, {"phone": "13911112222"})
    said: list[str] = []
    monkeypatch.setattr(page, "show_error", lambda _parent, text: said.append(str(text)))
    rows = {c.row_id: r for r, c in enumerate(review.model.rows) if isinstance(c, SheetConflict)}
    review.view.selectRow(rows[refused])
    review.choose(0)
    assert not review.resolve_selected()
    assert said and "导入表格之后又改过" in said[0]
    assert _phone(ledger, refused) == "13911112222" and len(list_open(ledger)) == 1
    # Together: every row selected, 表格中的值 for each — the sync conflict has none (left,
    # said), the changed cell refused (left, said).
    selection = review.view.selectionModel()
    selection.clearSelection()
    for r in range(review.model.rowCount()):
        selection.select(
            review.model.index(r, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    review.side.setCurrentIndex(review.side.findData("sheet"))
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    done = review.resolve_many_selected()
    assert asked == ["选中的 2 处冲突，每处都保留表格中的值？"]
    assert done is not None and done.changes == [] and done.no_value == 1
    text = review.outcome.text()
    assert "已处理冲突 0 处" in text and "1 处台账中的值在导入表格之后又改过" in text, text
    assert "1 处没有恰好一个表格中的值" in text
    # 台账中的值 for each: the sheet's conflict closed, nothing written; the sync one left.
    review.view.selectAll()
    review.side.setCurrentIndex(review.side.findData("ledger"))
    done = review.resolve_many_selected()
    assert done is not None and "已处理冲突 1 处" in review.outcome.text()
    assert list_open(ledger) == [] and _phone(ledger, refused) == "13911112222"
    assert review.model.rowCount() == 1  # the sync conflict, as it was
    # Then one decided alone: the bulk result beside the list is gone, not kept beside it.
    review.view.selectRow(0)
    review.choose(0)
    assert review.resolve_selected()
    assert review.model.rowCount() == 0 and review.outcome.text() == ""


def _job_and_month(ledger, month_income: float) -> tuple[str, str]:
    """A person's job at 2800 and this month's status naming it, its income then set to
    `month_income` by hand; the job's income left undecided by an update (its sheet: 3100)."""
    import datetime as dt

    from fieldapp.domain.dates import month_key
    from fieldapp.domain.dates import today as china_today
    from fieldapp.domain.models import EmploymentSpell, MonthlyStatus
    from fieldapp.services import work

    actor = actor_of(ledger)
    pid = ledger.db.execute("SELECT id FROM persons ORDER BY id LIMIT 1").fetchone()[0]
    job = EmploymentSpell(person_id=pid, start_date=dt.date(2025, 4, 1), monthly_income=2800.0)
    job_id = work.save_record(ledger, actor, job).id
    this = month_key(china_today())
    month = MonthlyStatus(
        person_id=pid, month=this, status="已就业", spell_id=job_id, income=2800.0
    )
    work.set_monthly_status(ledger, actor, month)
    month_id = ledger.db.execute(
        "SELECT id FROM monthly_status WHERE person_id = ? AND month = ?", [pid, this]
    ).fetchone()[0]
    with ledger.transaction():
        ledger.update("monthly_status", month_id, {"income": month_income})
    stamp, author = ledger.db.execute(
        "SELECT hlc, author FROM changes WHERE row_id = ? ORDER BY hlc DESC LIMIT 1", [job_id]
    ).fetchone()
    row = ledger.get("persons", pid)
    undecided = Undecided(
        "台账", 2, row["name"], row["id_number"], "employment_spells", job_id,
        "monthly_income", 3100.0, 2800.0, stamp, author,
    )  # fmt: skip
    with writing(ledger, actor) as writer:
        keep(writer, "村里.xlsx", [undecided])
    return job_id, month_id


def test_a_jobs_income_decided_for_the_sheet_says_a_month_set_by_hand(window, qtbot):
    """The sheet's 3100 for a job whose month's income was set by hand (2600): the job takes
    it, the month is left, and the page says so beside the list (the job editor's sentence)."""
    ledger = window.session.ledger
    job_id, month_id = _job_and_month(ledger, 2600.0)
    review = window.show_page("sync").conflicts
    review.refresh()
    [row] = [r for r, c in enumerate(review.model.rows) if isinstance(c, SheetConflict)]
    review.view.selectRow(row)
    review.choose(0)
    assert review.resolve_selected()
    assert ledger.get("employment_spells", job_id)["monthly_income"] == 3100.0
    assert ledger.get("monthly_status", month_id)["income"] == 2600.0
    text = review.outcome.text()
    assert "另行修改" in text and "2600" in text and "3100" in text, text


def test_the_conflicts_are_read_again_only_when_something_changed(window, qtbot):
    """Shown again with nothing changed, the list is not read again (the row the clerk was
    on stays selected); a commit by another connection, or a write this program tells of,
    is read on the next showing."""
    ledger = window.session.ledger
    _kept(ledger, 2)
    page = window.show_page("sync")
    review = page.conflicts
    assert review.model.rowCount() == 2
    review.view.selectRow(1)
    window.show_page("ledger")
    window.show_page("sync")
    assert review.view.selectionModel().selectedRows()[0].row() == 1  # not read again
    # Another connection (an import on a worker's, another program) keeps a third (the
    # two of the same cells replaced).
    other = ledger.sibling()
    try:
        _kept(other, 3)
    finally:
        other.close()
    window.show_page("ledger")
    window.show_page("sync")
    assert review.model.rowCount() == 3
    # A decision elsewhere on this program's own connection, told by its change set.
    review.view.selectRow(2)
    first = review.model.rows[0]
    assert isinstance(first, SheetConflict)
    decide(ledger, first, SheetSide.LEDGER)
    window.session.apply(ChangeSet.of(Kind.CONFLICTS))
    window.show_page("ledger")
    window.show_page("sync")
    assert review.model.rowCount() == 2
