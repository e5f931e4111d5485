"""The township's list of claims held every claim of its villages — drafts, those it had
passed, rejected and paid ones, year after year — with nothing to pick out those waiting for
its 乡镇审核 (no state filter, no sorting). 待本机办理 now lists only the claims waiting for
this device's own review (the township: 村审核; the county: 乡镇审核 and 县审批), in both
languages."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.claims import ClaimState as S
from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.ui.test_role_view import COUNTY, TOWNSHIP, VILLAGE, _claims_in, role_window  # noqa: F401


def _claims(made: dict[str, list[str]]):  # noqa: ANN202
    def prepare(led: Ledger) -> None:
        from fieldapp.services.claims import ClaimService
        from fieldapp.services.policy_admin import load_policy
        from fieldapp.services.writer import actor_of

        made["claims"] = [_waiting, passed, rejected] = _claims_in(led, VILLAGE, 3)
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        service.advance(passed, S.TOWNSHIP_REVIEWED, "")
        service.advance(rejected, S.REJECTED, "材料不全")

    return prepare


def test_the_township_lists_the_claims_waiting_for_its_review(role_window, qtbot):  # noqa: F811
    made: dict[str, list[str]] = {}
    win = role_window(Role.TOWNSHIP, TOWNSHIP, _claims(made))
    page = win.show_page("subsidies")
    page.tabs.setCurrentIndex(1)
    waiting, passed, rejected = made["claims"]
    assert {c.id for c in page.claims.rows} == {waiting, passed, rejected}
    assert page.awaiting.text() == "待本机办理" and not page.awaiting.isChecked()
    qtbot.mouseClick(page.awaiting, Qt.MouseButton.LeftButton)
    assert [c.id for c in page.claims.rows] == [waiting]
    assert page.claims_label.text() == "共 1 条申领"
    win.set_language("en")
    try:
        page = win.show_page("subsidies")
        assert page.awaiting.text() == "Awaiting this device"
    finally:
        win.set_language("zh_CN")
    page = win.show_page("subsidies")
    page.awaiting.setChecked(False)
    assert len(page.claims.rows) == 3


def test_the_county_lists_the_claims_waiting_for_its_decision(role_window, qtbot):  # noqa: F811
    made: dict[str, list[str]] = {}
    win = role_window(Role.COUNTY, COUNTY, _claims(made))
    page = win.show_page("subsidies")
    page.tabs.setCurrentIndex(1)
    waiting, passed, rejected = made["claims"]
    qtbot.mouseClick(page.awaiting, Qt.MouseButton.LeftButton)
    # The county may take every level's step, but waits on its own: 县审批 of those the
    # township passed (and 已发放 of those approved), not the township's 村审核 ones.
    assert [c.id for c in page.claims.rows] == [passed]
    assert waiting and rejected
