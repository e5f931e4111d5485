"""A pack refused on the desktop is said in the clerk's words, not the pack's keys: the county
editor's 0 元 figure (leave it blank, which the form can do — not enabled = false, nor
请停用这项补贴, which it cannot), and a county pack installed from the
settings page that lacks a document or lists it nowhere (not figure_document, [[documents]],
valid_to) — the keys are the command line's, for the pack's author
(`tests.policy.test_combine_refusals_said`)."""

from __future__ import annotations

import re

import pytest

from tests.english import in_english
from tests.policy.test_combine_refusals_said import SCENARIOS
from tests.policy.test_pack import COUNTY
from tests.ui.county_editor import _editor, county_hub  # noqa: F401

_KEYS = re.compile(
    r"[a-z]+_[a-z_]+|\[\[|= false|\bfigure\b|\bvalid_to\b|（document）|\btrue\b|qixingguan\b"
    r"|guizhou-2023"
)


@pytest.mark.parametrize("typed", ["0", "-5"])
def test_the_county_editor_says_a_zero_figure_in_the_clerks_words(
    typed: str,
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:
    """The form cannot switch a subsidy off (the pack's refusal said 请停用这项补贴): it says
    what the clerk can do in it — leave the figure blank, the subsidy stays pending and no
    village claims it — and that switching off is the hub's, in the pack."""
    dialog = _editor(window, qtbot)
    dialog.doc_number.setText("七人社通〔2026〕9号")
    dialog.figure_edits["transport_cross_county"].setText(typed)
    title = dialog.figures["transport_cross_county"].title
    assert not dialog.check()
    said = dialog.error.text()
    assert said == (
        f"请检查：“{title}”的县定金额须大于 0 元。本县不实行这项补贴的，请把金额空着："
        "这项补贴仍为待县里核定标准，各村不能申领（本表不能停用补贴，停用须由县级汇总中心改写政策包）"
    ), said
    assert not _KEYS.search(said), said
    # What it says to do is what the form does: the figure left blank checks.
    dialog.figure_edits["transport_cross_county"].setText("")
    assert dialog.check(), dialog.error.text()
    assert dialog.edit().figures.get("transport_cross_county") is None


def test_the_english_county_editor_says_a_zero_figure_in_english(
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:

    with in_english():
        dialog = _editor(window, qtbot)
        dialog.doc_number.setText("七人社通〔2026〕9号")
        dialog.figure_edits["transport_cross_county"].setText("0")
        assert not dialog.check()
        said = dialog.error.text()
    assert "must be above 0 yuan" in said and "leave its figure blank" in said, said
    assert "cannot switch a subsidy off" in said, said


@pytest.mark.parametrize(
    "name",
    [
        "zero",
        "figure_undocumented",
        "document_no_end",
        "end_unlisted",
        "line_undocumented",
        # conditions made looser (no place_scopes, categories_any, true) and the built-in id
        # taken (no example id)
        "looser_sets",
        "looser_categories",
        "looser_bounds",
        "own_id",
    ],
)
def test_a_pack_installed_on_the_settings_page_is_refused_in_the_clerks_words(
    name: str, window, tmp_path, warnings_shown
) -> None:
    text = COUNTY
    for old, new in SCENARIOS[name]:
        text = text.replace(old, new, 1)
    path = tmp_path / "county.toml"
    path.write_text(text, encoding="utf-8")
    page = window.show_page("settings")
    assert not page.install_pack(path)
    (said,) = warnings_shown
    assert said.startswith("政策包 county.toml："), said
    assert not _KEYS.search(said), said
