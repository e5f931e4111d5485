"""One person's subsidies (the person panel's 补贴…): every rule the person does not qualify
for said “待县里核定标准” in 金额 — 一次性吸纳就业补贴, whose 500 元 the pack sets, too — as if
the county had not set its figures. A rule not met has no amount: the cell is empty (the pane
beside it says no amount either); an eligible one whose figure is the county's still says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.models import Person
from fieldapp.policy.eligibility import Status
from tests.records import Records


def test_a_rule_not_met_shows_no_amount(demo_window, qtbot, warnings_shown):
    page = demo_window.show_page("subsidies")
    ledger = page.session.ledger
    jobless = ledger.db.execute(
        "SELECT p.id FROM persons p WHERE p.deleted = 0 AND NOT EXISTS "
        "(SELECT 1 FROM employment_spells s WHERE s.person_id = p.id) LIMIT 1"
    ).fetchone()[0]
    person = Records(ledger).select(Person, "id = ?", [jobless])[0]
    page.show_person(person.id)
    qtbot.wait(20)
    model = page.results
    column = next(
        c for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "金额（元）"
    )  # fmt: skip
    shown = {(r.rule_id, r.status): model.index(i, column).data() for i, r in enumerate(model.rows)}
    not_met = [said for (_rule, status), said in shown.items() if status is Status.NOT_ELIGIBLE]
    assert not_met, "a person with no job qualifies for nothing"
    assert all(said in ("", None) for said in not_met), not_met
    assert warnings_shown == []
