"""台账 → 新增人员 (a new household) on a ledger not enrolled for one village — a first-wave
laptop, the demo — or on a township's or county's device: 所在区域 opened on the county
(威宁彝族回族苗族自治县), the first row of the list, and 保存 kept the household there — in
no village or site, on no village's laptop, its people listed under the county. The box now
offers villages and sites (and their groups and buildings) only, opening on the first."""

from __future__ import annotations

from tests.ui.conftest import VILLAGE


def test_a_new_household_is_put_in_a_village_not_the_county(window, qtbot):
    page = window.show_page("ledger")
    page.area.set_code("")  # 全部区域
    editor = page.new_person()
    try:
        codes = editor.area._codes
        assert codes and all(len(code) >= 12 for code in codes), codes
        assert editor.area.code() == VILLAGE, editor.area.currentText()
    finally:
        editor.discard()
