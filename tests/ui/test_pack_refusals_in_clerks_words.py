"""A pack refused on the desktop is said in the clerk's words, not the pack's keys: the county
editor's 0 元 figure (请停用这项补贴, not enabled = false), and a county pack installed from the
settings page that lacks a document or lists it nowhere (not figure_document, [[documents]],
valid_to) — the keys are the command line's, for the pack's author
(`tests.policy.test_combine_refusals_said`)."""

from __future__ import annotations

import re

import pytest

from tests.policy.test_combine_refusals_said import SCENARIOS
from tests.policy.test_pack import COUNTY
from tests.ui.test_county_policy import _editor, county_hub  # noqa: F401

_KEYS = re.compile(r"[a-z]+_[a-z_]+|\[\[|= false|\bfigure\b|\bvalid_to\b|（document）")


def test_the_county_editor_says_a_zero_figure_in_the_clerks_words(
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:
    dialog = _editor(window, qtbot)
    dialog.doc_number.setText("七人社通〔2026〕9号")
    dialog.figure_edits["transport_cross_county"].setText("0")
    assert not dialog.check()
    said = dialog.error.text()
    assert "须大于 0 元；本县不实行这项补贴的，请停用这项补贴" in said, said
    assert not _KEYS.search(said), said


@pytest.mark.parametrize(
    "name", ["zero", "figure_undocumented", "document_no_end", "end_unlisted", "line_undocumented"]
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
