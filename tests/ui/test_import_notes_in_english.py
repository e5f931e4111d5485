"""The import report's notes on a sheet hidden or old, a header again, a column hidden, a
formula's error, a head placed by the rows' order or named otherwise than the ledger, a job
left running under 未就业, a category dated by its year (`tests.tabular.test_import_notes_said`
makes each from a real sheet) were Chinese f-strings, said in Chinese in the English window
(`import_report.reason_shown`). Each is said in English there, nothing Chinese left but what
the sheet itself holds (its sheets' names, a person's, a header's words), and the Chinese
window says what it always said."""

from __future__ import annotations

import pytest

from fieldapp.ui.dialogs.import_report import reason_shown
from tests.english import in_english
from tests.tabular.test_import_notes_said import SCENARIOS, YEAR_SCENARIOS, said_of, year_note
from tests.ui.in_english import CHINESE, _stored

#: Notes naming the headings a sheet must have, said in Chinese in either window: the words
#: to look for in the sheet (“姓名”, “身份证号码”, “户主姓名”), not the program's.
HEADINGS_ASKED = {"passed_over"}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_an_import_note_is_said_in_english_in_the_english_window(qapp, name, tmp_path):
    found = said_of(name, tmp_path)
    for template, chinese in SCENARIOS[name][1]:
        note = found[template]
        assert reason_shown(note) == chinese  # the Chinese window: as it always was
        with in_english():
            shown = reason_shown(note)
        assert note.said is not None
        left = shown
        for part in sorted(_stored(note.said), key=len, reverse=True):
            left = left.replace(part, "")
        if name in HEADINGS_ASKED:
            for heading in ("“姓名”", "“身份证号码”", "“户主姓名”"):
                left = left.replace(heading, "")
        assert not CHINESE.search(left), shown


def test_a_few_notes_word_for_word(qapp, tmp_path):
    hidden = said_of("hidden_column", tmp_path)
    job = said_of("still_working", tmp_path)
    head = said_of("other_head", tmp_path)
    from fieldapp.tabular import ledger_import, ledger_update, placing

    with in_english():
        column = reason_shown(hidden[ledger_import.HIDDEN_COLUMN])
        running = reason_shown(job[ledger_update.STILL_WORKING_UNNAMED])
        other = reason_shown(head[placing.HEAD_OTHER])
    assert column == (
        "Column “户主身份证号码” (column C) is hidden in the spreadsheet; what it holds was read "
        "as usual; please check (to leave the column out, delete it, then import again)"
    )
    assert running.startswith("The employment status for May 2026 is “Not employed”"), running
    assert "(no employer given) still running" in running, running
    assert other.startswith("The head's ID number "), other
    assert "in the household of 张长英 (" in other, other


@pytest.mark.parametrize("name", sorted(YEAR_SCENARIOS))
def test_where_the_year_was_read_is_said_in_english(qapp, name, tmp_path):
    """The note on months written without their year named where it took the year in Chinese
    in the English window (按标题“…”中的, 列名“…”, 第 2 行的“…”): said in English, the
    sheet's own words as they are."""
    note = year_note(name, tmp_path)
    with in_english():
        shown = reason_shown(note)
    assert note.said is not None
    left = shown
    for part in sorted(_stored(note.said), key=len, reverse=True):
        left = left.replace(part, "")
    assert not CHINESE.search(left), shown
