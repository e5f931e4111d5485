"""补贴 → 申领: the number a 申请表 prints (申请编号) is in the list and finds its claim, as a
clerk types it from a paper or a phone call."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_claims_columns import claim_for
from tests.ui.welfare_post import post_worker  # noqa: F401


def test_a_claim_is_found_by_the_number_its_form_prints(post_worker, window, qtbot):  # noqa: F811
    page, _claim = claim_for(window, qtbot, "赵六")
    page.tabs.setCurrentIndex(1)
    model = page.claims_view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    listed = page.claims.rows[0]
    number = listed.number
    assert number and "-" in number
    assert model.index(0, headers.index("申请编号")).data() == number
    page.claims_view.clearSelection()
    page.claims_view.setCurrentIndex(model.index(-1, -1))

    # Read out over the phone, typed in lower case with spaces around it: found and selected.
    page.number_search.setText(f" {number.lower()} ")
    qtbot.keyClick(page.number_search, Qt.Key.Key_Return)
    assert page.selected_claim() is not None and page.selected_claim().id == listed.id

    page.number_search.setText("ABCDE-999999")
    qtbot.keyClick(page.number_search, Qt.Key.Key_Return)
    assert page.claims_label.text() == "没有申请编号为 ABCDE-999999 的申领"
