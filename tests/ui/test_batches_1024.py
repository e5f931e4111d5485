"""补贴 → 批次与打印 on a 1024×768 screen, a township's batches: the columns had fixed widths
(批次 320 px, 资金来源 220, the rest 100), so 建立时间 read 2026-12-03 1… and a village's path
in 区域 or the device in 建立人 were cut, the batch's title took room its neighbours needed and
the clerk could not tell two batches of one subsidy and one day apart. The columns after the
title now take the width of what they show, the title the room left (its whole text in the
tooltip), all within the table at 1024 wide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.ui.test_role_view import TOWNSHIP, VILLAGE, _claim_in, role_window  # noqa: F401


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_townships_batches_are_read_whole_at_1024_wide(role_window, qtbot, lang):  # noqa: F811
    from fieldapp.domain.claims import ClaimState as S
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from fieldapp.services.writer import actor_of

    made: dict[str, str] = {}

    def reviewed(led: Ledger) -> None:
        made["claim"] = claim = _claim_in(led, VILLAGE)
        service = ClaimService(led, load_policy(led).policy, actor_of(led))
        for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED):
            service.advance(claim, step, "材料下周补交")

    win = role_window(Role.TOWNSHIP, TOWNSHIP, reviewed)
    page = win.show_page("subsidies")
    page.area.set_code("")
    page.tabs.setCurrentIndex(1)
    page._select_claim(made["claim"])
    page.rule.setCurrentIndex(page.rule.findData(page.selected_claim().rule_id))
    assert page.make_batch() is not None
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.set_language(lang)
    page = win.show_page("subsidies")
    page.tabs.setCurrentIndex(2)
    win.resize(1024, 768 - 72)  # a 1024×768 screen less its taskbar and title bar
    qtbot.wait(100)
    view = page.batches_view
    assert view.model().rowCount() == 1
    # Reviewed by the township, not yet approved: its 发放花名册 lists no one, the page says why.
    model = view.model()
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    counted = model.index(0, titles.index("花名册" if lang == "zh_CN" else "Roster")).data()
    assert counted == ("待批 1" if lang == "zh_CN" else "1 waiting"), (titles, counted)
    room = view.viewport().width()
    last = view.model().columnCount() - 1
    assert view.columnViewportPosition(last) + view.columnWidth(last) <= room
    for column in range(1, last + 1):
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
        header = view.horizontalHeader().sectionSizeFromContents(column).width()
        assert view.columnWidth(column) >= header, column
    assert view.columnWidth(0) >= 200  # the title keeps a useful room
    win.set_language("zh_CN")
