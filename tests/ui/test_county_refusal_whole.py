"""The county editor's 检查 showed only the first line of a refusal (`splitlines()[0]`): one
running to several lines lost the rest — a value pasted from a spreadsheet with its line
breaks was said cut off inside its quotes, without what the field wants. The refusal is now
shown whole, in the word-wrapped line above the buttons."""

from __future__ import annotations

from tests.ui.county_editor import _editor, county_hub  # noqa: F401 - a fixture


def test_a_refusal_of_several_lines_is_shown_whole(county_hub, window, qtbot) -> None:  # noqa: F811
    dialog = _editor(window, qtbot)
    dialog.doc_number.setText("七人社通〔2026〕3号")
    # Two cells of a sheet copied together: their dates, a line break between.
    dialog.doc_date.setText("2026-02-30\n2026-03-01")
    assert dialog.doc_date.text() == "2026-02-30\n2026-03-01"
    assert not dialog.check()
    assert (
        dialog.error.text() == "请检查：文件日期：“2026-02-30\n2026-03-01”不是日期（如 2026-12-31）"
    )
    assert dialog.error.wordWrap()
