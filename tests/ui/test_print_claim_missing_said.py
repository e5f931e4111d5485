"""打印 → 申请表 with no claim in the ledger said only “还没有申领” (No claims yet), where its
花名册 with no batch says where one is made (请先在“补贴”页把申领编成批次). It now says
where a claim is made too: the 补贴 page, for the person chosen among those eligible — in
Chinese, and in English in the English window."""

from __future__ import annotations

from fieldapp.store.queries.claims import ClaimQueries
from tests.ui.in_english import CHINESE


def _refused(window) -> str:  # noqa: ANN001
    page = window.show_page("print")
    page.refresh()
    page.paper.setCurrentIndex(page.paper.findData("form"))
    assert page.claim.count() == 0
    warned: list[str] = []
    page.preview(on_open=lambda _p: warned.append("opened"))
    return warned[0] if warned else ""


def test_a_form_with_no_claim_says_where_a_claim_is_made(window, qtbot, warnings_shown):
    assert ClaimQueries(window.session.ledger).all() == []
    _refused(window)
    (chinese,) = warnings_shown
    assert chinese.startswith("还没有申领：") and "“补贴”页" in chinese, chinese
    assert "为所选人员创建申领" in chinese, chinese
    warnings_shown.clear()
    window.set_language("en")
    try:
        _refused(window)
    finally:
        window.set_language("zh_CN")
    (english,) = warnings_shown
    assert english.startswith("No claims yet: ") and "Subsidies" in english, english
    assert "Create claim for selected" in english and not CHINESE.search(english), english
