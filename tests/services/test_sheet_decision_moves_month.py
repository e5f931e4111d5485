"""A kept conflict on a job's 月收入 decided later for the sheet's value moves this month's
status naming the job, as the import and the job editor do (`work.month_follows`): the job
said the sheet's income while the month kept the old one. A month whose income was set by
hand after the job's is left and said, in the same sentence (`MONTH_KEPT`)."""

from __future__ import annotations

from fieldapp.cli.main import main
from fieldapp.domain.models import EmploymentSpell, MonthlyStatus
from fieldapp.services import work
from fieldapp.services.sheet_conflicts import (
    SheetSide,
    Undecided,
    decide_many,
    decided,
    keep,
    list_open,
)
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.records import get
from tests.services.test_job_income_moves_month import _income, village

__all__ = ["village"]


def _kept(ledger: Ledger, job: EmploymentSpell, sheet_income: float) -> None:
    """The update of a stale sheet left the job's income undecided: kept, as the import keeps
    it (the ledger's value with the stamp of its last edit)."""
    stamp, author = ledger.db.execute(
        "SELECT hlc, author FROM changes WHERE row_id = ? ORDER BY hlc DESC LIMIT 1", [job.id]
    ).fetchone()
    row = ledger.get("employment_spells", job.id)
    with writing(ledger, actor_of(ledger)) as writer:
        undecided = Undecided(
            "台账", 2, "李秀", "", "employment_spells", job.id, "monthly_income",
            sheet_income, row["monthly_income"], stamp, author,
        )  # fmt: skip
        assert keep(writer, "村里改的.xlsx", [undecided]) == 1


def test_the_sheets_income_decided_later_moves_this_month(village):
    ledger, job, month_id = village
    _kept(ledger, job, 3100.0)
    [conflict] = list_open(ledger)
    decision = decided(ledger, conflict, SheetSide.SHEET)
    assert ledger.get("employment_spells", job.id)["monthly_income"] == 3100.0
    assert _income(ledger, month_id) == 3100.0
    assert decision.change is not None and decision.month is not None and decision.said == []
    assert decision.month.row_id == month_id and decision.month.data == {"income": 3100.0}
    logged = ledger.db.execute(
        "SELECT tbl, author FROM changes ORDER BY seq DESC LIMIT 2"
    ).fetchall()
    assert logged == [("monthly_status", "村协理员"), ("employment_spells", "村协理员")]


def test_the_ledgers_income_kept_leaves_the_month(village):
    ledger, job, month_id = village
    _kept(ledger, job, 3100.0)
    done = decide_many(ledger, list_open(ledger), SheetSide.LEDGER)
    assert done.decided == 1 and done.changes == [] and done.said == []
    assert _income(ledger, month_id) == 2800.0


def test_a_month_set_by_hand_is_left_and_said(village, capsys):
    """The month's income set apart by hand (2600, after the job's 2800): the sheet's 3100
    goes to the job only; the CLI says why the month kept 2600, in the job editor's words."""
    ledger, job, month_id = village
    month = get(ledger, MonthlyStatus, month_id)
    work.set_monthly_status(ledger, actor_of(ledger), month.model_copy(update={"income": 2600.0}))
    _kept(ledger, job, 3100.0)
    [conflict] = list_open(ledger)
    db = str(ledger.path)
    ledger.close()
    assert main(["--db", db, "conflicts", "resolve", conflict.conflict_id, "--keep", "sheet"]) == 0
    out = capsys.readouterr().out
    assert "改用表格“村里改的.xlsx”中的值" in out
    assert "提示：" in out and "2600" in out and "3100" in out and "另行修改" in out
    again = Ledger.open(db, author="村协理员")
    try:
        assert again.get("employment_spells", job.id)["monthly_income"] == 3100.0
        assert _income(again, month_id) == 2600.0
    finally:
        again.close()


def test_decided_together_the_month_follows_and_its_change_is_told(village):
    ledger, job, month_id = village
    _kept(ledger, job, 3100.0)
    done = decide_many(ledger, list_open(ledger), SheetSide.SHEET)
    assert done.decided == 1 and done.said == []
    assert [(c.tbl, c.row_id) for c in done.changes] == [("employment_spells", job.id)]
    assert [(c.tbl, c.row_id) for c in done.months] == [("monthly_status", month_id)]
    assert _income(ledger, month_id) == 3100.0


def test_resolve_json_tells_the_month_and_a_cell_changed_since(village, capsys):
    """`conflicts resolve --json` of a sheet's conflict answers as for a sync one: the change,
    the month's that followed it; refused when the ledger's cell changed since (exit 1)."""
    import json

    ledger, job, month_id = village
    _kept(ledger, job, 3100.0)
    [conflict] = list_open(ledger)
    db = str(ledger.path)
    ledger.close()
    args = ["--db", db, "conflicts", "resolve", conflict.conflict_id, "--keep", "sheet"]
    assert main([*args, "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["resolved"] is True and said["source"] == "sheet" and said["kept"] == "sheet"
    again = Ledger.open(db, author="村协理员")
    try:
        logged = again.db.execute(
            "SELECT device_id || ':' || seq, tbl FROM changes ORDER BY seq DESC LIMIT 2"
        ).fetchall()
        assert [said["month_change"], said["change"]] == [i for i, _t in logged]
        assert [t for _i, t in logged] == ["monthly_status", "employment_spells"]
        assert said["said"] == [] and _income(again, month_id) == 3100.0
        # Another kept, then the job's income edited in the ledger: refused, said as JSON.
        job = get(again, EmploymentSpell, job.id)
        _kept(again, job, 3500.0)
        [conflict] = list_open(again)
        with again.transaction():
            again.update("employment_spells", job.id, {"monthly_income": 3200.0})
    finally:
        again.close()
    args = ["--db", db, "conflicts", "resolve", conflict.conflict_id, "--keep", "sheet"]
    assert main([*args, "--json"]) == 1
    said = json.loads(capsys.readouterr().out)
    assert said == {"resolved": False, "changed_meanwhile": True, "source": "sheet"}


def test_resolve_all_json_lists_the_months_and_what_was_said(village, capsys):
    """`conflicts resolve-all --keep sheet --json`: the months' changes listed apart from the
    conflicts' own, and a month set by hand said."""
    import json

    ledger, job, month_id = village
    month = get(ledger, MonthlyStatus, month_id)
    work.set_monthly_status(ledger, actor_of(ledger), month.model_copy(update={"income": 2600.0}))
    _kept(ledger, job, 3100.0)
    db = str(ledger.path)
    ledger.close()
    assert main(["--db", db, "conflicts", "resolve-all", "--keep", "sheet", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["resolved"] == 1 and len(said["changes"]) == 1 and said["month_changes"] == []
    [sentence] = said["said"]
    assert "2600" in sentence and "3100" in sentence and "另行修改" in sentence
