"""Why a person was deleted or moved, as stored, said in the window's language.

The forms offer the reasons in the language shown and store the Chinese word (迁出、死亡、重复录入;
分户、合户、婚迁), with what the user typed after a full-width colon (迁出：嫁到纳雍县). Where a
stored reason was shown again — the 已删除人员 list's 原因 column, the person's history
(删除（原因：迁出）、迁户…（原因：婚迁）), a held change's line — the English window said it in
Chinese. Now the form's word is said in the language shown and the words typed after it are
kept as typed; a reason that starts with no word of the form's is said as it is.
"""

from __future__ import annotations

import pytest

from fieldapp.services import persons
from tests.ui.person_panel import _rows, history_texts, shown
from tests.ui.test_person_moves_words import _other_household, _press

_DELETED = {"王小明": "迁出：嫁到纳雍县", "张长英": "重复录入"}


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _deleted_list(window) -> dict[str, str]:
    """王小明 and 张长英 deleted with their reasons: the 已删除人员 list's 原因, by name (what
    is stored stays the Chinese)."""
    session = window.session
    for name, reason in _DELETED.items():
        page, panel = shown(window, name)
        who = panel.person.id
        session.apply(persons.delete(session.ledger, session.actor, who, reason))
        assert session.ledger.get("persons", who)["change_reason"] == reason
    dialog = page.show_deleted()
    model = dialog.model
    try:
        return {model.rows[r].name: model.index(r, 5).data() for r in range(model.rowCount())}
    finally:
        dialog.close()


def test_the_deleted_list_says_the_reasons_in_english(english):
    assert _deleted_list(english) == {
        "王小明": "Moved away: 嫁到纳雍县",
        "张长英": "Entered twice",
    }


def test_the_deleted_list_says_the_reasons_as_stored_in_chinese(window):
    assert _deleted_list(window) == _DELETED


def _typed_and_restored(window) -> list[str]:
    """王小明 deleted with words of no form's (说明：户口迁到城里), restored (误删), then
    deleted as 迁出：嫁到纳雍县, restored as 死亡 (typed alone): his history, newest first."""
    session = window.session
    page, panel = shown(window, "王小明")
    who = panel.person.id
    session.apply(persons.delete(session.ledger, session.actor, who, "说明：户口迁到城里"))
    session.apply(persons.restore(session.ledger, session.actor, who, "误删"))
    session.apply(persons.delete(session.ledger, session.actor, who, "迁出：嫁到纳雍县"))
    session.apply(persons.restore(session.ledger, session.actor, who, "死亡"))
    page.panel.show_person(who)
    return history_texts(page.panel)[:4]


def test_the_history_says_the_reasons_in_english(english):
    assert _typed_and_restored(english) == [
        "Restored (reason: Died)",
        "Deleted (reason: Moved away: 嫁到纳雍县)",
        "Restored (reason: 误删)",
        "Deleted (reason: 说明：户口迁到城里)",
    ]


def test_the_history_says_the_reasons_in_chinese(window):
    assert _typed_and_restored(window) == [
        "恢复（原因：死亡）",
        "删除（原因：迁出：嫁到纳雍县）",
        "恢复（原因：误删）",
        "删除（原因：说明：户口迁到城里）",
    ]


def _moved(window, reason: str) -> str:
    """王小明 moved to 赵大山's household for `reason` (婚迁, then typed words): the line."""
    _other_household(window)
    page, panel = shown(window, "王小明")
    dialog = panel.move_person()
    dialog.choose(next(r for r in _rows(window, "赵大山")))
    _press(dialog, reason)
    dialog.words.setText("嫁到赵家")
    dialog.relocate()
    assert dialog.error.text() == ""
    page.panel.show_person(panel.person.id)
    return history_texts(page.panel)[0]


def test_a_move_in_the_history_says_its_reason_in_english(english):
    line = _moved(english, "Moved by marriage")
    assert line.endswith(" (reason: Moved by marriage: 嫁到赵家)"), line


def test_a_move_in_the_history_says_its_reason_in_chinese(window):
    line = _moved(window, "婚迁")
    assert line.endswith("（原因：婚迁：嫁到赵家）"), line


def test_a_held_deletions_reason_in_english(english):
    from fieldapp.ui.held_words import HeldLine

    reason = "迁出：嫁到纳雍县"
    line = HeldLine().said(
        "persons",
        "王小明",
        "",
        True,
        [("change_reason", "原因", reason)],
        {"change_reason": reason},
    )
    assert "Moved away: 嫁到纳雍县" in line and "迁出" not in line, line
    typed = "说明：户口迁到城里"
    line = HeldLine().said(
        "persons", "王小明", "", True, [("change_reason", "原因", typed)], {"change_reason": typed}
    )
    assert typed in line, line
