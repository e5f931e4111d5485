"""A county office ticks 待本机办理 and selects every claim in it: the claims its township
passed (乡镇审核, next 县审批) and those it approved (县审批, next 已发放). They share no next
step, so 变为 stayed empty and 变更状态 grey — with no word why, as if the county could do
nothing with them. The button now says the selected claims are in different states, which and
how many, and to take them state by state."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from fieldapp.domain.claims import ClaimState as S
from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.english import in_english
from tests.ui.conftest import as_drawn
from tests.ui.test_role_view import COUNTY, VILLAGE, _claims_in, role_window  # noqa: F401


def test_claims_with_no_common_step_say_why(role_window) -> None:  # noqa: F811
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    made: dict[str, list[str]] = {}

    def claims(led: Ledger) -> None:
        made["claims"] = ids = _claims_in(led, VILLAGE, 3)
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        for claim in ids:
            service.advance(claim, S.TOWNSHIP_REVIEWED, "")
        service.advance(ids[0], S.COUNTY_APPROVED, "")

    win = role_window(Role.COUNTY, COUNTY, claims)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    page.awaiting.setChecked(True)
    assert {c.id for c in page.claims.rows} == set(made["claims"])
    chosen = QItemSelection()
    for row in range(len(page.claims.rows)):
        chosen.select(page.claims.index(row, 0), page.claims.index(row, 0))
    model = page.claims_view.selectionModel()
    model.select(
        chosen,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.setCurrentIndex(page.claims.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    assert page.target.count() == 0 and not page.advance_button.isEnabled()
    said = as_drawn(page.advance_button.toolTip())
    assert "没有共同的下一步" in said and "乡镇审核 2 条" in said and "县审批 1 条" in said, said
    with in_english():
        page._on_claim(page.claims_view.currentIndex(), None)
        said = as_drawn(page.advance_button.toolTip())
    assert "Township reviewed: 2" in said and "County approved: 1" in said, said
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in said), said
