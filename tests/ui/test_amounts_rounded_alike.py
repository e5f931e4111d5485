"""An amount of yuan reads the same on the page, in the history and on paper.

The window's lists, a person's history and the printed rosters formatted a float by hand with
Python's ``:,.2f`` (the float's binary value rounded half to even: 2.675 → 2.67, 0.125 → 0.12,
12345.665 → 12345.66), the 务工证明 printed it as stored (12345.665), while every sentence
(`domain.money.yuan`) rounds half up (2.68, 0.13, 12345.67). Now all of them say it through
`yuan`: one amount, one figure, wherever it is shown or printed (the page groups thousands as
its other columns do; paper writes the figure plain).
"""

from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from fieldapp.domain.dates import today
from fieldapp.domain.enums import EmploymentForm
from fieldapp.domain.models import EmploymentSpell
from fieldapp.paperwork.jobs import certificate_job, rosters_job
from fieldapp.services import work
from tests.ui.conftest import VILLAGE
from tests.ui.person_panel import history_texts, person, shown

#: An amount typed or imported, as the page (grouped) and paper (plain) say it: half up.
AMOUNTS = {
    "张长英": (0.125, "0.13", "0.13"),
    "李建国": (12345.665, "12,345.67", "12345.67"),
    "王小明": (2.675, "2.68", "2.68"),
}


@pytest.mark.parametrize("name", list(AMOUNTS))
def test_an_amount_reads_the_same_on_page_history_and_paper(window, name):
    income, on_page, on_paper = AMOUNTS[name]
    session = window.session
    ledger, actor = session.ledger, session.actor
    who = person(window, name)
    spell = EmploymentSpell(
        person_id=who.id,
        start_date=dt.date(2026, 3, 1),
        employer="黔丰农业",
        form=EmploymentForm.EMPLOYEE,
        monthly_income=2000,
    )
    saved = spell.model_copy(
        update={"id": session.apply(work.save_record(ledger, actor, spell)).id}
    )
    changed = saved.model_copy(update={"monthly_income": income})
    session.apply(work.save_record(ledger, actor, changed, loaded=saved))

    page, panel = shown(window, name)
    column = [c.header for c in panel.spells.columns].index("月收入")
    cell = panel.spells.data(panel.spells.index(0, column))
    assert cell == on_page, cell
    line = history_texts(panel)[0]
    assert line == f"就业经历·月收入：2,000 → {on_page}", line

    job = rosters_job(ledger, VILLAGE, today(), "劳动力名册")
    (section,) = job.view.sections
    row = next(r for r in section.rows if name in r)
    printed = row[section.columns.index("月收入（元）")]
    assert printed == on_paper, printed
    certificate = certificate_job(ledger, who.id_number)
    assert certificate.view.monthly_income == on_paper, certificate.view.monthly_income
    # ... and so on the PDFs themselves.
    for paper in (job, certificate):
        words = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(paper.render())).pages)
        assert on_paper in words.replace(" ", ""), paper.title
