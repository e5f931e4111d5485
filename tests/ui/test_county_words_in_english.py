"""The county editor's table of 就业状态 words named a refused row in Chinese in the English
window: the pack's refusal (`pack.status_word_problem`) was one Chinese string, and the
form's own 写了两次 another. Both are now the pack's (`pack.status_word_refusals`, which the
command line asks too), a sentence and its parts: the English window says the sentence in
English with the word as the county wrote it and the program's statuses in English; the
Chinese window, the command line and publishing say exactly what they said."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from fieldapp.policy.pack import status_word_problem, status_word_refusal, status_word_sentences
from fieldapp.services.policy_admin import draft_answers
from fieldapp.ui.dialogs.county_policy import CountyPolicyDialog
from fieldapp.ui.status_words_said import refusal_said
from tests.english import in_english
from tests.policy.test_status_word_refusals import ROWS
from tests.ui.county_editor import _editor, county_hub  # noqa: F401 - a fixture

ENGLISH = [
    "Status word “已就业” is itself an employment status; it cannot be read as “Not employed”",
    "Status word “务工” already reads as “Employed” in this program; it cannot be made to "
    "mean “Not employed” (imports would still read it the program’s way)",
    "One of the status words is empty (the row read as “In school”)",
    "",
    "Status words “在家” and “ 在家 ” differ only by spaces before or after: the same word "
    "written twice",
    "",
]


def _fill(dialog: CountyPolicyDialog, qtbot) -> None:  # noqa: ANN001
    for word, status, _said in ROWS:
        qtbot.mouseClick(dialog.add_word_button, Qt.MouseButton.LeftButton)
        row = dialog.words.rowCount() - 1
        dialog.words.item(row, 0).setText(word)
        box = dialog.words.cellWidget(row, 1)
        box.setCurrentIndex(box.findData(status))


def _told(dialog: CountyPolicyDialog) -> list[str]:
    return [dialog.words.item(row, 2).text() for row in range(dialog.words.rowCount())]


def test_the_english_county_editor_says_why_a_word_is_refused_in_english(
    county_hub,  # noqa: F811
    window,
    qtbot,
) -> None:
    assert window.set_language("en")
    try:
        dialog = _editor(window, qtbot)
        box = dialog.words.cellWidget(dialog.add_word(), 1)
        shown = [box.itemText(n) for n in range(box.count())]
        assert shown == ["Employed", "Not employed", "In school", "Not applicable"], shown
        dialog.words.removeRow(0)
        _fill(dialog, qtbot)
        assert not dialog.check()
        told = _told(dialog)
        assert told == ENGLISH, told
        assert dialog.error.text() == "Please check: " + ENGLISH[0]
        # Nothing of a Chinese sentence is left: only, in quotes, the words the county wrote.
        for text in told:
            assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"“[^”]*”", "", text)), text
        assert not dialog.submit() and draft_answers(window.session.ledger) == []
    finally:
        window.set_language("zh_CN")
    # The same rows in the Chinese window: what the command line says, word for word.
    chinese = _editor(window, qtbot)
    _fill(chinese, qtbot)
    assert not chinese.check()
    assert _told(chinese) == [said for _w, _s, said in ROWS]
    assert chinese.error.text() == "请检查：" + ROWS[0][2]


def test_a_status_no_one_has_is_said_with_the_programs_statuses_in_english(qapp) -> None:
    """A status the form cannot offer (a pack written by hand, `--word 在家=失业`)."""
    refusal = status_word_refusal("在家", "失业")
    assert refusal is not None
    chinese = "就业状态用词“在家”读作“失业”不行：就业状态只有已就业、未就业、在校、无需就业"
    assert str(refusal) == status_word_problem("在家", "失业") == chinese
    assert refusal_said(refusal) == chinese
    with in_english():
        assert refusal_said(refusal) == (
            "Status word “在家” cannot be read as “失业”: the employment statuses are "
            "Employed, Not employed, In school, Not applicable"
        )


def test_the_catalogue_marks_the_packs_sentences() -> None:
    """The sentences live in the pack (lupdate cannot read them out of constants): the
    translation catalogue marks each, so none is left untranslated."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    import update_translations

    marked = update_translations.CATALOGUE.read_text(encoding="utf-8")
    assert marked == update_translations.catalogue(), "run python packaging/update_translations.py"
    for sentence in status_word_sentences():
        assert f'QT_TRANSLATE_NOOP("StatusWords", "{sentence}")' in marked, sentence
