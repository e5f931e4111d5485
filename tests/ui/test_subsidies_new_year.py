"""The 符合条件人员 list at the new year, before the county's extension reaches the laptop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.services.policy_admin import install_local
from fieldapp.store.ledger import Ledger
from tests.english import in_english
from tests.policy.helpers import COUNTY_PACK
from tests.ui.conftest import UI_USER, wait_idle
from tests.ui.welfare_post import post_worker  # noqa: F401 - a fixture


@pytest.fixture
def extended_to_2026(ledger_path: Path, tmp_path: Path) -> Path:
    """The county's 2026 pack: the cross-province transport subsidy extended to 2026-12-31."""
    pack = tmp_path / "county.toml"
    pack.write_text(
        COUNTY_PACK
        + '\n[[overrides]]\nrule = "transport_cross_province_lifted"\nvalid_to = 2026-12-31\n'
        'document = "七人社通〔2026〕3号"\n',
        encoding="utf-8",
    )
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    try:
        install_local(ledger, pack)
    finally:
        ledger.close()
    return ledger_path


@pytest.mark.today("2027-01-02")
def test_the_list_says_which_subsidies_ended_at_the_new_year(
    extended_to_2026, window, qtbot
) -> None:
    """On 2 January the list of who may claim lost the people of the subsidies that ended on
    2026-12-31 (the county's 2027 pack not yet received) with no word of why."""
    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2027, 1, 2))
    page.find_eligible()
    wait_idle(qtbot, page)
    assert page.ended_label.isVisible()
    assert page.ended_label.text() == (
        "一次性交通补助（脱贫人口新跨省务工）的执行期已于2026年12月31日结束："
        "此后开始的就业、培训和此后的月份不再符合条件，县里延续执行（随政策包下发）后恢复"
    )
    page.on.set_value(dt.date(2026, 12, 1))
    page.find_eligible()
    wait_idle(qtbot, page)
    assert not page.ended_label.isVisible() and page.ended_label.text() == ""


def _raised(pack: Path) -> Path:
    """The county's next pack: 700 元/月 from 2027-01-01, 600 before."""
    text = pack.read_text(encoding="utf-8")
    raised = pack.with_name("2027.toml")
    raised.write_text(
        text.replace('version = "2026.1"', 'version = "2026.2"').replace(
            'figure = 600\nfigure_document = "七人社通〔2026〕3号"',
            'figure = 700\nfigure_document = "七人社通〔2026〕3号"\nfigure_from = 2027-01-01\n'
            'figure_before = 600\nfigure_before_document = "七人社通〔2026〕3号"',
        ),
        encoding="utf-8",
    )
    return raised


@pytest.fixture
def january_claim_at_600(post_worker: Path, tmp_path: Path) -> Path:  # noqa: F811
    """The county's 2026 pack (posts 600 元/月, extended to 2027), as `post_worker` installed
    it with 赵六 on his 保洁岗, and January's claim under it; the pack's file."""
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import policy_in_force
    from tests.conftest import make_id

    ledger = Ledger.open(post_worker, credentials=UI_USER)
    try:
        service = ClaimService(ledger, policy_in_force(ledger))
        number = make_id(birth="19800505", seq="311")
        service.create(number, "welfare_post_subsidy", on=dt.date(2027, 1, 31))
    finally:
        ledger.close()
    return tmp_path / "2026.toml"


@pytest.mark.today("2027-01-31")
def test_installing_the_new_standard_names_the_claim_made_at_the_old_one(
    january_claim_at_600, window, monkeypatch
) -> None:
    """A county without a hub installs its 2027 standard in 设置: January's claim, made at
    2026's figure before it, went on unsaid."""
    from PySide6.QtWidgets import QMessageBox

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, title, text, *a, **k: (
            told.append((title, text)) or QMessageBox.StandardButton.Ok
        ),
    )
    page = window.show_page("settings")
    assert page.install_pack(_raised(january_claim_at_600))
    ((title, text),) = told
    assert title == "政策包已启用"
    assert "赵六的乡村公益性岗位补贴（2027年1月）按原标准 600 元申领，现行标准为 700 元" in text


def test_the_date_says_a_monthly_subsidy_is_claimed_for_its_month(window) -> None:
    """In early January the coordinator claims December's post subsidy: the page judged and
    claimed as of its 日期 (today, January) and nothing said that a monthly subsidy is claimed
    for the month of that date — December's was made as January's."""
    page = window.show_page("subsidies")
    tip = page.on.toolTip()
    assert "按月发放的补贴申领这一天所在的月份" in tip and "申领上个月的，请选上个月的日期" in tip


@pytest.mark.today("2026-12-03")
def test_a_month_not_yet_come_cannot_be_picked(window, qtbot) -> None:
    """The 日期 of the 补贴 page could be set to next June, and only the claim was refused
    (申领日期还没有到): the picker now ends at today, by China's date as the rules count it."""
    from PySide6.QtCore import QDate

    page = window.show_page("subsidies")
    assert page.on.maximumDate() == QDate(2026, 12, 3)
    page.on.set_value(dt.date(2027, 6, 5))
    assert page.on.value() == dt.date(2026, 12, 3)
    page.on.set_value(dt.date(2026, 11, 30))  # last month's claim: still picked
    assert page.on.value() == dt.date(2026, 11, 30)


def test_the_date_follows_a_new_day_with_the_page_left_open(window, qtbot) -> None:
    """The coordinator left the 补贴 page open at 23:50 and came back in the morning: the 日期
    still ended at yesterday — the new day could not be picked (held to yesterday) until she
    went to another page and back. Now the page follows the day: clicking into the date, and
    on its own within the minute; the date she had set is kept (a list found for it stays
    right for the claims made from it). A date never set by hand follows the new day itself
    (tests/ui/test_subsidies_new_day.py)."""
    import time_machine
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QLineEdit

    from fieldapp.domain.dates import CHINA

    evening = dt.datetime(2026, 12, 3, 23, 50, tzinfo=CHINA)
    with time_machine.travel(evening, tick=True) as clock:
        page = window.show_page("subsidies")
        assert page.on.maximumDate() == QDate(2026, 12, 3)
        page.on.set_value(dt.date(2026, 12, 1))  # set by hand
        clock.move_to(dt.datetime(2026, 12, 4, 8, 0, tzinfo=CHINA))
        window.activateWindow()
        qtbot.mouseClick(page.on.findChild(QLineEdit), Qt.MouseButton.LeftButton)  # its text
        assert page.on.maximumDate() == QDate(2026, 12, 4)
        assert page.on.value() == dt.date(2026, 12, 1)  # what was set is kept
        page.on.set_value(dt.date(2026, 12, 4))
        assert page.on.value() == dt.date(2026, 12, 4)
        page.on.set_value(dt.date(2026, 12, 2))
        # Untouched, the page follows the day too (its check runs every minute).
        clock.move_to(dt.datetime(2026, 12, 5, 0, 1, tzinfo=CHINA))
        page.day_timer.setInterval(20)
        qtbot.waitUntil(lambda: page.on.maximumDate() == QDate(2026, 12, 5), timeout=5000)
        assert page.on.value() == dt.date(2026, 12, 2)


@pytest.mark.today("2027-01-31")
def test_the_english_window_names_the_claim_made_at_the_old_standard_in_english(
    january_claim_at_600, window, monkeypatch
) -> None:
    """The same notice in the English window: it was said in Chinese."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.in_english import CHINESE

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "information",
        lambda _parent, title, text, *a, **k: (
            told.append((title, text)) or QMessageBox.StandardButton.Ok
        ),
    )
    with in_english():
        page = window.show_page("settings")
        assert page.install_pack(_raised(january_claim_at_600))
    ((_title, text),) = told
    assert text == (
        "The new standard differs from claims not yet approved: 赵六's 乡村公益性岗位补贴 "
        "(January 2027) was claimed at the old standard of 600 yuan; the standard now is 700 "
        "yuan. Reject them before the county approves them, and claim again at the standard in "
        "force"
    )
    assert not CHINESE.search(text.replace("赵六", "").replace("乡村公益性岗位补贴", ""))


@pytest.mark.today("2027-01-02")
def test_the_english_window_says_which_subsidies_ended(extended_to_2026, window, qtbot) -> None:
    """The notice above the list was the Chinese sentence in the English window too."""

    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2027, 1, 2))
    with in_english():
        page.find_eligible()
        wait_idle(qtbot, page)
        shown = page.ended_label.text()
    assert shown == (
        "The period of 一次性交通补助（脱贫人口新跨省务工） ended on 31 December 2026: jobs and "
        "trainings begun after it, and the months after it, no longer qualify; they qualify "
        "again once the county extends it (sent in a policy pack)"
    ), shown
