"""补贴 → 申领 kept an empty 发放月份 column for one-off subsidies (一次性交通补助 is paid once,
for no month), taking a 1366 screen's room before 申请编号. It now takes no room when every
claim listed is for a one-off subsidy, and is back as soon as a monthly one is listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fieldapp.domain.models import CategoryMembership, EmploymentSpell, Household, Person
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.policy.helpers import OUT_OF_PROVINCE
from tests.records import Records
from tests.ui.conftest import UI_USER, VILLAGE, wait_idle
from tests.ui.welfare_post import post_worker  # noqa: F401

TRANSPORT = "transport_cross_county"
POST = "welfare_post_subsidy"


@pytest.fixture
def ledger_path(post_worker: Path) -> Path:  # noqa: F811
    """赵六 on the village's 保洁岗 (a monthly subsidy), and 王五, 脱贫人口, in a Shenzhen
    factory since March 2025 (一次性交通补助, paid once)."""
    ledger = Ledger.open(post_worker, credentials=UI_USER)
    try:
        repo = Records(ledger)
        with ledger.transaction():
            home = repo.save(Household(area_code=VILLAGE, address="大坝村一组 1 号"))
            pid, _ = repo.add_person(
                Person(household_id=home, name="王五", id_number=make_id(birth="19850316"))
            )
            repo.save(
                CategoryMembership(
                    person_id=pid, category="脱贫人口", start_date=dt.date(2016, 1, 1)
                )
            )
            repo.save(
                EmploymentSpell(
                    person_id=pid,
                    start_date=dt.date(2025, 3, 5),
                    place_code=OUT_OF_PROVINCE,
                    place_name="深圳市南山区",
                    employer="某电子厂",
                    contract_months=12,
                    insurance_months=3,
                )
            )
    finally:
        ledger.close()
    return post_worker


def _claim(page, name: str, rule_id: str) -> None:
    """Claim `rule_id` for `name` from 符合条件人员, as a coordinator does."""
    row = next(
        n for n, r in enumerate(page.results.rows) if r.name == name and r.rule_id == rule_id
    )
    page.results_view.selectRow(row)
    assert page.create_claim() is not None


def _show_rule(page, rule_id: str | None) -> None:
    found = page.rule.findData(rule_id) if rule_id else 0
    assert found >= 0, rule_id
    page.rule.setCurrentIndex(found)
    page.refresh_claims()


def test_paid_for_takes_no_room_for_one_off_subsidies(window, qtbot):
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768 - 72)
    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2026, 11, 30))
    page.find_eligible()
    wait_idle(qtbot, page)
    _claim(page, "王五", TRANSPORT)
    _claim(page, "赵六", POST)
    page.tabs.setCurrentIndex(1)
    view = page.claims_view
    model = page.claims
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    made, paid, number = (headers.index(h) for h in ("申请日期", "发放月份", "申请编号"))

    _show_rule(page, TRANSPORT)  # the one-off subsidy's claims only
    assert [c.person_name for c in model.rows] == ["王五"]
    assert model.index(0, paid).data() == ""
    qtbot.wait(50)
    assert view.isColumnHidden(paid) and view.columnWidth(paid) == 0
    # 申请编号 right after 申请日期, on the screen with the rest
    end_of_made = view.columnViewportPosition(made) + view.columnWidth(made)
    assert view.columnViewportPosition(number) == end_of_made

    _show_rule(page, POST)  # a monthly subsidy: the month it pays is said
    assert not view.isColumnHidden(paid)
    assert view.columnWidth(paid) >= view.sizeHintForColumn(paid) > 0

    _show_rule(page, None)  # both: shown (王五's cell empty, 赵六's 2026年11月)
    assert not view.isColumnHidden(paid)
    assert sorted(model.index(r, paid).data() for r in range(model.rowCount())) == [
        "",
        "2026年11月",
    ]
