"""The 申领 screens say the day a claim was made and the month it pays, not the day it was
judged on (a month's subsidy is judged on the month's last day and claimed after it)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from fieldapp.domain.dates import today as laptops_day
from fieldapp.policy.eligibility import Status
from fieldapp.store.queries.claims import ClaimQueries
from tests.ui import welfare_post
from tests.ui.conftest import wait_idle
from tests.ui.plain import assert_plain

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
post_worker = welfare_post.post_worker


def test_a_claim_for_last_month_shows_the_day_it_was_made_and_the_month_it_pays(
    post_worker, window, qtbot, warnings_shown
) -> None:
    """November's post subsidy claimed today (the page's 日期 set to 30 November, as the
    coordinator is told to): the 申领 tab's 申领日期 said 2026-11-30, a day nobody applied,
    and the refused repeat 赵六 已于 2026年11月30日 申领过 — the day it was judged on. They now
    say the day it was made (today), and the month it pays, 2026年11月."""
    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2026, 11, 30))
    page.find_eligible()
    wait_idle(qtbot, page)
    row = next(
        n
        for n, r in enumerate(page.results.rows)
        if r.name == "赵六" and r.rule_id == "welfare_post_subsidy"
    )
    assert page.results.rows[row].status is Status.ELIGIBLE
    page.results_view.selectRow(row)
    claim = page.create_claim()
    assert claim is not None, warnings_shown
    today = laptops_day()  # China's day, the day the laptop keeps on the claim

    page.refresh_claims()
    model = page.claims
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = dict(
        zip(headers, (model.index(0, c).data() for c in range(model.columnCount())), strict=True)
    )
    assert cells["申请日期"] == today.isoformat()
    assert cells["发放月份"] == "2026年11月"
    assert "申领日期" not in headers
    page.show_claim(claim.id)
    steps = page.claim_steps.toPlainText()
    said = f"{today.year}年{today.month}月{today.day}日"  # as its 申请表 and the list below
    assert f"申请日期：{said}" in steps and "发放月份：2026年11月" in steps
    window.set_language("en")  # the same words in an English window: the day in English
    try:
        english = window.show_page("subsidies")  # the pages are built anew in English
        english.show_claim(claim.id)
        steps = english.claim_steps.toPlainText()
        assert "November 2026" in steps and "2026年11月" not in steps, steps
        assert f"{today.day} {today:%B} {today.year}" in steps, steps
    finally:
        window.set_language("zh_CN")
    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2026, 11, 30))
    page.find_eligible()
    wait_idle(qtbot, page)

    page.results_view.selectRow(row)
    assert page.create_claim() is None
    text = page.repeat_box.text()
    assert_plain(text)
    assert f"赵六 已于 {today.year}年{today.month}月{today.day}日 申领过" in text
    assert "2026年11月的“乡村公益性岗位补贴”" in text
    assert "2026年11月30日" not in text


def test_two_months_claims_are_told_apart_where_a_form_is_printed(
    post_worker, window, qtbot, warnings_shown
) -> None:
    """赵六's post subsidy claimed for November and for December: 打印 → 单人申请表's 申领 list
    and his panel's 打印 menu both read 赵六 乡村公益性岗位补贴 草稿 twice — the coordinator
    could not tell which form was November's. Each now names the month it pays."""
    page = window.show_page("subsidies")
    for on in (dt.date(2026, 11, 30), dt.date.today()):
        page.on.set_value(on)
        page.find_eligible()
        wait_idle(qtbot, page)
        row = next(
            n
            for n, r in enumerate(page.results.rows)
            if r.name == "赵六" and r.rule_id == "welfare_post_subsidy"
        )
        page.results_view.selectRow(row)
        assert page.create_claim() is not None, warnings_shown
    months = ("2026年11月", f"{dt.date.today().year}年{dt.date.today().month}月")

    printing = window.show_page("print")
    labels = [printing.claim.itemText(i) for i in range(printing.claim.count())]
    assert len(labels) == 2 and len(set(labels)) == 2, labels
    assert sorted(m for m in months for label in labels if m in label) == sorted(months)
    # Each with the 申请编号 its form prints (as the claims page lists it).
    numbers = sorted(c.number for c in ClaimQueries(window.session.ledger).all())
    assert sorted(label.rsplit(" ", 1)[-1] for label in labels) == numbers, labels

    person_id = window.session.ledger.db.execute(
        "SELECT id FROM persons WHERE name = '赵六'"
    ).fetchone()[0]
    window.open_person(person_id)
    panel = window.show_page("ledger").panel
    panel._fill_print_menu()
    forms = [a.text() for a in panel.print_menu.actions() if a.text().startswith("申请表")]
    assert len(forms) == 2 and len(set(forms)) == 2, forms
    assert sorted(m for m in months for text in forms if m in text) == sorted(months)
    assert sorted(text.rsplit(" ", 1)[-1] for text in forms) == numbers, forms
