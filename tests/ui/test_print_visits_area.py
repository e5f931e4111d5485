"""打印 → 走访记录表 on a ledger not enrolled for one village (the demo, a first-wave laptop, a
township's device): the 村/安置点 box opened on the county (or township), and 预览 printed a
16-page sheet of every household titled 5205262026年12月就业帮扶台账月报 with
村（社区）/安置点：520526 — a code where the village's name belongs, for no village. The box
now opens on the first village or site of the area, and a county or township chosen is said
in Chinese (choose a village or site) instead of printed."""

from __future__ import annotations

from tests.ui.conftest import wait_idle


def test_the_visit_sheet_opens_on_a_village_and_refuses_a_county(
    demo_window, qtbot, warnings_shown
):
    from fieldapp.ui.pdf_preview import PdfPreview

    page = demo_window.show_page("print")
    page.paper.setCurrentIndex(page.paper.findData("visits"))
    kinds = {r.code: r.kind for r in page.areas.rows}
    assert len(page.area.code()) >= 12, page.area.currentText()
    assert kinds.get(page.area.code()) in ("村", "安置点"), page.area.currentText()
    county = page.areas.rows[0].code
    assert len(county) == 6
    page.area.set_code(county)
    opened: list[PdfPreview] = []
    page.preview(on_open=opened.append)
    wait_idle(qtbot, page)
    assert not opened
    assert warnings_shown and "村或安置点" in warnings_shown[-1]
    assert county not in warnings_shown[-1]  # named, not coded
