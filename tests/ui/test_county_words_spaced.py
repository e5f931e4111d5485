"""The county editor's publish of 就业状态 words differing only by spaces ("在家", " 在家"): its
table names both spellings next to the later row, in Chinese, and nothing is submitted; a
pack's text so written is refused where the county device submits it, as the hub refuses it
when publishing (`tests/tabular/test_county_status_words_spaced.py`)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldapp.policy.pack import PackError
from fieldapp.services.policy_admin import draft_answers, submit_draft
from tests.policy.helpers import COUNTY_PACK
from tests.ui.test_county_policy import _editor, county_hub  # noqa: F401 - a fixture

SAID = "就业状态用词“在家”和“ 在家”只差前后的空格，是同一个词写了两次"


def test_the_county_editor_names_both_spellings_and_submits_nothing(
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:
    dialog = _editor(window, qtbot)
    for word, status in (("在家", "未就业"), (" 在家", "已就业")):
        qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
        row = dialog.words.rowCount() - 1
        dialog.words.item(row, 0).setText(word)
        box = dialog.words.cellWidget(row, 1)
        box.setCurrentIndex(box.findData(status))
    assert not dialog.submit()
    assert dialog.words.item(0, 2).text() == ""
    assert dialog.words.item(1, 2).text() == SAID
    assert dialog.error.text() == "请检查：" + SAID
    assert draft_answers(window.session.ledger) == []
    # The later row removed, the word is submitted once.
    dialog.words.selectRow(1)
    qtbot.mouseClick(dialog.remove_word_button, Qt.MouseButton.LeftButton)
    assert dialog.submit(), dialog.error.text()
    assert "status_words" in dialog.text and '"在家" = "未就业"' in dialog.text
    assert len(draft_answers(window.session.ledger)) == 1


def test_a_text_so_written_is_refused_where_the_county_device_submits_it(
    county_hub,  # noqa: F811
    window,
) -> None:
    text = COUNTY_PACK + '\n[status_words]\n"在家" = "未就业"\n" 在家" = "已就业"\n'
    line = text.splitlines().index('" 在家" = "已就业"') + 1
    with pytest.raises(PackError) as refused:
        submit_draft(window.session.ledger, text)
    assert str(refused.value) == f"政策包 county.toml 第 {line} 行：{SAID}"
    assert draft_answers(window.session.ledger) == []
