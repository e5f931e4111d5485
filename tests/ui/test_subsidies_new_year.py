"""The 符合条件人员 list at the new year, before the county's extension reaches the laptop."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.services.policy_admin import install_local
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import COUNTY_PACK
from tests.ui.conftest import UI_USER, wait_idle


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
        "一次性交通补助（脱贫人口新跨省务工）的执行期已于 2026-12-31 结束："
        "此后开始的就业、培训和此后的月份不再符合条件，县里延续执行（随政策包下发）后恢复"
    )
    page.on.set_value(dt.date(2026, 12, 1))
    page.find_eligible()
    wait_idle(qtbot, page)
    assert not page.ended_label.isVisible() and page.ended_label.text() == ""
