"""One person entered twice (a second row holding 赵六's ID number, his post recorded on it, come
from another laptop): once November's post subsidy is claimed on his first row, the 补贴 page's
list offered the second row's as 符合条件 still — the coordinator claimed it, and the claim was
refused when submitted (重复申领). The second row is listed as 已申领, as the refusal says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.models import EmploymentSpell
from fieldapp.policy.eligibility import Status
from fieldapp.store.ids import natural_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries
from tests.sync.hostile import forge
from tests.ui import welfare_post
from tests.ui.conftest import UI_USER, wait_idle

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
post_worker = welfare_post.post_worker

NOVEMBER = dt.date(2026, 11, 30)
RULE = "welfare_post_subsidy"


@pytest.fixture
def entered_twice(post_worker: Path) -> Path:
    """赵六's second row (his ID number, a household of its own) with his post recorded on it."""
    ledger = Ledger.open(post_worker, credentials=UI_USER)
    try:
        (pid,) = ledger.db.execute("SELECT id FROM persons WHERE name = '赵六'").fetchone()
        me = ledger.get("persons", pid)
        home = ledger.get("households", me["household_id"])
        house = natural_id("households", "twin", "赵六")
        forge(ledger, "households", house, {"area_code": home["area_code"], "household_no": "901"})
        twin = natural_id("persons", "twin", "赵六")
        forge(ledger, "persons", twin, {"name": me["name"], "id_number": me["id_number"],
                                        "household_id": house})  # fmt: skip
        (job_id,) = ledger.db.execute(
            "SELECT id FROM employment_spells WHERE person_id = ?", [pid]
        ).fetchone()
        job = ledger.get("employment_spells", job_id)
        kept = set(EmploymentSpell.model_fields) - {"id", "person_id", "created_at", "created_by",
            "created_device", "updated_at", "updated_by", "updated_device", "deleted"}  # fmt: skip
        forge(ledger, "employment_spells", natural_id("employment_spells", "twin", "赵六"),
              {k: job[k] for k in kept if job.get(k) is not None} | {"person_id": twin})  # fmt: skip
    finally:
        ledger.close()
    return post_worker


def _rows(page) -> dict[str, object]:
    """赵六's results of the post subsidy on the page's list, by person row."""
    return {r.person_id: r for r in page.results.rows if r.name == "赵六" and r.rule_id == RULE}


def test_the_second_rows_post_subsidy_is_not_offered_once_claimed(
    entered_twice, window, qtbot, warnings_shown
) -> None:
    page = window.show_page("subsidies")
    page.on.set_value(NOVEMBER)
    page.find_eligible()
    wait_idle(qtbot, page)
    found = _rows(page)
    assert len(found) == 2 and {r.status for r in found.values()} == {Status.ELIGIBLE}
    row = next(n for n, r in enumerate(page.results.rows) if r in found.values())
    page.results_view.selectRow(row)
    claim = page.create_claim()
    assert claim is not None, warnings_shown

    page.find_eligible()
    wait_idle(qtbot, page)
    found = _rows(page)
    assert {p: r.status for p, r in found.items()} == dict.fromkeys(found, Status.CLAIMED)
    assert {r.claim_id for r in found.values()} == {claim.id}
    other = next(n for n, r in enumerate(page.results.rows)
                 if r.person_id in found and r.person_id != claim.person_id)  # fmt: skip
    assert page.results.index(other, 2).data() == "已申领"  # 结果, beside the person
    page.results_view.selectRow(other)
    reasons = page.reasons.toPlainText()
    assert "结果：已申领" in reasons and "申领在另一条登记上" in reasons, reasons
    assert page.create_claim() is None  # nothing made for the second row
    assert len(ClaimQueries(window.session.ledger).all()) == 1
