"""The sync page's line for a held change says a day as a paper writes it in Chinese
(申领日期为“2026年9月14日”, `change_said.value_said`); in English it read the same Chinese
day. It says it in the language shown now (14 September 2026, a month November 2026: `ui.days`); a day no calendar has
stays as it came."""

from __future__ import annotations

from fieldapp.store.ledger import Ledger, natural_id
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE
from tests.ui.held_on_device import held_alone


def test_a_held_changes_day_is_said_in_the_language_shown(window, qtbot, tmp_path, warnings_shown):
    def forged(ledger: Ledger) -> str:
        _, (person,) = add_family(ledger, VILLAGE, ["101"])
        claim = natural_id("claims", "paid", person)
        forge(ledger, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                        "amount": 1200.0, "claim_date": "2026-09-14",
                                        "applied_on": "2026-02-30"})  # fmt: skip
        return claim

    page, row = held_alone(window, qtbot, tmp_path, warnings_shown, forged)
    chinese = page.held.list.item(row).text()
    assert "申领日期为“2026年9月14日”" in chinese, chinese
    assert "申请日期为“2026-02-30”" in chinese, chinese

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        assert "“14 September 2026”" in english and "年" not in english.split(" — reason: ")[0], (
            english
        )
        assert "“2026-02-30”" in english, english
