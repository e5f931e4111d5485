"""A claim whose next step is another level's says whose it is: the township, having passed a
claim (乡镇审核), selected it and found 变为 empty and 变更状态 greyed with nothing said — not
that 县审批 is the county's (the village, likewise, at 村审核: nothing said of the township)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.roles import Role
from tests.english import in_english
from tests.ui.test_role_view import TOWNSHIP, VILLAGE, _claims_in, role_window  # noqa: F401


def _click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_claim_the_township_passed_says_the_county_decides_it(role_window, qtbot):  # noqa: F811
    made: dict[str, list[str]] = {}

    def claims(led) -> None:  # noqa: ANN001
        made["claims"] = _claims_in(led, VILLAGE, 2)

    win = role_window(Role.TOWNSHIP, TOWNSHIP, claims)
    page = win.show_page("subsidies")
    page.tabs.setCurrentIndex(1)
    row = next(n for n, c in enumerate(page.claims.rows) if c.id == made["claims"][0])
    _click_row(qtbot, page.claims_view, row)
    assert page.advance_button.isEnabled() and page.advance_button.toolTip() == ""
    page.target.setCurrentIndex(page.target.findData("乡镇审核"))
    qtbot.mouseClick(page.advance_button, Qt.MouseButton.LeftButton)
    row = next(n for n, c in enumerate(page.claims.rows) if c.id == made["claims"][0])
    _click_row(qtbot, page.claims_view, row)
    assert str(page.selected_claim().state) == "乡镇审核"
    assert page.target.count() == 0 and not page.advance_button.isEnabled()
    said = page.advance_button.toolTip()
    assert "「乡镇审核」变为「县审批」是县级审核，只有县级设备可以操作" in said, said
    assert TOWNSHIP not in said, said
    # Its materials may still be recorded (the trust rules allow it before 县审批).
    assert page.evidence_button.isEnabled() == bool(page.selected_claim().evidence_items())
    with in_english():
        page._on_claim(page.claims_view.currentIndex(), None)
        said = page.advance_button.toolTip()
    assert "county" in said and "Township reviewed" in said, said
    assert "县审批" not in said and "县级" not in said, said


def test_a_village_sees_the_township_reviews_next(role_window, qtbot):  # noqa: F811
    made: dict[str, list[str]] = {}

    def claims(led) -> None:  # noqa: ANN001
        made["claims"] = _claims_in(led, VILLAGE, 1)

    win = role_window(Role.COORDINATOR, VILLAGE, claims)
    page = win.show_page("subsidies")
    page.tabs.setCurrentIndex(1)
    page._select_claim(made["claims"][0])
    assert str(page.selected_claim().state) == "村审核"
    assert not page.advance_button.isEnabled()
    said = page.advance_button.toolTip()
    assert "「村审核」变为「乡镇审核」是乡镇级审核，只有乡镇或县级设备可以操作" in said, said
