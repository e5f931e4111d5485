"""A job's income set by hand moves this month's status naming it, as `import --update` does.

李秀 is in a real ledger made by importing her village's 台账: her job at 砖厂 at 2800 and this
month's status 已就业 at 2800 naming it. The coordinator changed the job's income to 3100 in the
person panel's job editor (`work.save_record`): the job said 3100, the month kept 2800 — and the
policy engine (`flexible_income`) and the 务工证明 read the month's figure first, so both still
said 2800. Now the month takes 3100 in the same write, attributed and logged; a month whose
income was set by hand after the job's is left and said (as the import leaves and says it), and
a month gone by keeps what was earned then."""

from __future__ import annotations

import json

import openpyxl
import pytest

from fieldapp.domain.dates import month_key
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.models import EmploymentSpell, MonthlyStatus
from fieldapp.domain.month import Month
from fieldapp.services import work
from fieldapp.services.changes import Kind
from fieldapp.services.writer import actor_of
from fieldapp.store.ids import natural_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.records import get
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id

WIFE = make_id("520502", "19780520", "142")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}


def _book(path, income: int) -> None:
    """李秀's village 台账: she works at 砖厂 since 2025-04-01 for `income` a month."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(
        ["姓名", "身份证号码", "户主身份证号码", *PLACE, "就业状态", "务工单位", "务工开始日期"]
        + ["月收入"]
    )
    sheet.append(["李秀", WIFE, WIFE, *PLACE.values(), "已就业", "砖厂", "2025-04-01", income])
    book.save(path)


@pytest.fixture
def village(tmp_path):
    """The ledger the 台账 was imported into; 李秀's job and this month's status naming it."""
    path = tmp_path / "台账.xlsx"
    _book(path, 2800)
    ledger = Ledger.open(tmp_path / "l.db", author="村协理员")
    assert import_ledger(ledger, path).rejected == []
    month_id, job_id = ledger.db.execute(
        "SELECT m.id, m.spell_id FROM monthly_status m JOIN persons p ON p.id = m.person_id"
        " WHERE p.id_number = ?",
        [WIFE],
    ).fetchone()
    yield ledger, get(ledger, EmploymentSpell, job_id), month_id
    ledger.close()


def _income(ledger: Ledger, month_id: str) -> float | None:
    return ledger.get("monthly_status", month_id)["income"]


def _edit(ledger: Ledger, job: EmploymentSpell, income: float):
    """The job editor's save: the job as shown, its income changed."""
    edited = job.model_copy(update={"monthly_income": income})
    return work.save_record(ledger, actor_of(ledger), edited, job)


def test_a_jobs_income_edited_by_hand_moves_this_months_income(village):
    ledger, job, month_id = village
    assert ledger.get("monthly_status", month_id)["month"] == month_key(china_today())
    assert _income(ledger, month_id) == 2800.0
    changes = _edit(ledger, job, 3100.0)
    assert ledger.get("employment_spells", job.id)["monthly_income"] == 3100.0
    assert _income(ledger, month_id) == 3100.0
    assert changes.ids(Kind.MONTHLY_STATUS) == {month_id} and changes.id == job.id
    assert changes.warnings == ()
    # Logged like any write: by who made it, the month's change beside the job's.
    logged = ledger.db.execute(
        "SELECT tbl, row_id, data, author FROM changes ORDER BY seq DESC LIMIT 2"
    ).fetchall()
    assert [(t, r) for t, r, _d, _a in logged] == [
        ("monthly_status", month_id),
        ("employment_spells", job.id),
    ]
    assert json.loads(logged[0][2]) == {"income": 3100.0} and logged[0][3] == "村协理员"


def test_the_policy_engine_and_the_certificate_read_the_new_income(village):
    """What reads the month's figure first says the job's new income: the policy engine's
    flexible income, and the 务工证明's 月工资 as printed (it printed 2800 元)."""
    from fieldapp.paperwork.jobs import certificate_job
    from fieldapp.policy.households import flexible_income
    from fieldapp.store.facts import FactsLoader
    from tests.paperwork.pdftext import pdftotext

    ledger, job, _month_id = village
    _edit(ledger, job, 3100.0)
    [household] = FactsLoader(ledger).households(with_months=True)
    [wife] = household.members
    assert flexible_income(wife, month_key(china_today())) == 3100.0
    [page] = pdftotext(certificate_job(ledger, WIFE).render(), layout=False)
    said = "".join(page.split())
    assert "3100元" in said and "2800" not in said, page


def test_a_month_set_by_hand_after_the_jobs_income_is_left_and_said(village):
    """The month's income set apart by hand (2600, after the job's 2800): the job's 3100 does
    not overwrite it; the save says so in Chinese, naming the month and both figures. A later
    change of the job's income, made after the month's, moves it."""
    ledger, job, month_id = village
    actor = actor_of(ledger)
    month = get(ledger, MonthlyStatus, month_id)
    work.set_monthly_status(ledger, actor, month.model_copy(update={"income": 2600.0}))
    changes = _edit(ledger, job, 3100.0)
    assert _income(ledger, month_id) == 2600.0
    assert Kind.MONTHLY_STATUS not in changes
    [kept] = changes.warnings
    assert getattr(kept, "template", None) == work.MONTH_KEPT
    said = str(kept)
    this = Month.current()
    assert f"{this.year}年{this.month}月" in said
    assert "2600" in said and "3100" in said and "另行修改" in said
    job = get(ledger, EmploymentSpell, job.id)
    changes = _edit(ledger, job, 3300.0)
    assert _income(ledger, month_id) == 3300.0 and changes.warnings == ()


def test_a_month_gone_by_keeps_its_income(village):
    """Last month's status naming the job says what was earned then: not rewritten."""
    ledger, job, month_id = village
    last = str(Month.current().previous())
    work.set_monthly_status(
        ledger,
        actor_of(ledger),
        MonthlyStatus(
            person_id=job.person_id, month=last, status="已就业", spell_id=job.id, income=2800.0
        ),
    )
    _edit(ledger, job, 3100.0)
    assert _income(ledger, natural_id("monthly_status", job.person_id, last)) == 2800.0
    assert _income(ledger, month_id) == 3100.0


def test_an_edit_leaving_the_income_as_it_was_writes_no_month(village):
    """Another field of the job changed: the month is not written again."""
    ledger, job, month_id = village
    edited = job.model_copy(update={"employer": "大坝砖厂"})
    changes = work.save_record(ledger, actor_of(ledger), edited, job)
    assert Kind.MONTHLY_STATUS not in changes
    assert _income(ledger, month_id) == 2800.0
