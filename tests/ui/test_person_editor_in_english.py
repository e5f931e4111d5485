"""The person editor in the English window: a phone or an account it refuses is said in English
(the refusal's sentence, as the import says it), the ID number checked once a keystroke."""

from __future__ import annotations

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Person
from tests.conftest import make_id
from tests.records import Records

_CJK = ("\u4e00", "\u9fff")


def _chinese(text: str) -> bool:
    return any(_CJK[0] <= c <= _CJK[1] for c in text)


def _editor(window, qtbot):  # noqa: ANN202 - (PersonEditor, Person)
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    return page.edit_person(who.id), who


@pytest.mark.parametrize(
    ("field", "typed", "english", "chinese"),
    [
        ("phone", "138001380", "A mobile number has 11 digits; “138001380” has 9", "应为 11 位"),
        ("phone", "0851-12", "A landline is an area code and 7–8 digits", "固定电话"),
        ("account", "6221 abc 52", "Account “6221 abc 52” may hold only digits", "只能有数字"),
        ("account", "62215214", "Account “62215214” has 8 digits", "8 位"),
        ("account", "6217002870012340000", "has only zeros after its 15th digit", "Excel"),
    ],
)
def test_a_refused_phone_or_account_is_said_in_the_language_shown(
    window, qtbot, field, typed, english, chinese
):
    said, focused = _refused(window, qtbot, field, typed)
    assert chinese in said and typed in said and focused, said

    window.set_language("en")
    try:
        said, focused = _refused(window, qtbot, field, typed)
    finally:
        window.set_language("zh_CN")
    assert english in said and focused, said
    assert not _chinese(said), said  # (what was typed is digits and letters)


def _refused(window, qtbot, field: str, typed: str) -> tuple[str, bool]:
    """What the editor says when `typed` into `field` is saved, and whether it put the cursor
    there; nothing saved, the editor closed after."""
    editor, who = _editor(window, qtbot)
    try:
        getattr(editor, field).setText(typed)
        editor.save()
        assert editor.isVisible()
        stored = window.session.ledger.get("persons", who.id)
        assert stored["phone"] == who.phone and stored["account_number"] == who.account_number
        return editor.error.text(), editor.focusWidget() is getattr(editor, field)
    finally:
        editor.discard()


def test_the_service_refuses_a_phone_with_its_sentence(window):
    """The write door's own refusal (a form that did not check) carries the sentence, which a
    window says in its language (`message_for`)."""
    from fieldapp.services import persons
    from fieldapp.ui.errors import message_for

    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    with pytest.raises(ValidationFailed) as refused:
        persons.save(
            window.session.ledger,
            window.session.actor,
            who.model_copy(update={"phone": "1380013800"}),
        )
    assert refused.value.said is not None
    assert str(refused.value) == "手机号码应为 11 位，“1380013800”是 10 位，请核对"
    window.set_language("en")
    try:
        assert message_for(refused.value) == (
            "A mobile number has 11 digits; “1380013800” has 10: please check"
        )
    finally:
        window.set_language("zh_CN")


def test_the_id_number_is_checked_once_a_keystroke(window, qtbot, monkeypatch):
    checks: list[str] = []
    real = idnumber.validate

    def counted(raw: str) -> idnumber.IdInfo:
        checks.append(raw)
        return real(raw)

    monkeypatch.setattr(idnumber, "validate", counted)
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    from fieldapp.ui.dialogs.person_editor import ID_WARNING, PersonEditor

    editor = PersonEditor(window.session, parent=page)
    editor.show()
    qtbot.waitExposed(editor)
    unknown = make_id(region="529999", birth="19900101", seq="215")  # valid, its region unknown
    checks.clear()
    try:
        qtbot.keyClicks(editor.id_number, unknown)
        state, line, warned = editor.id_state, editor.id_status.text(), editor._id_warnings
    finally:
        editor.discard()
    assert checks == [unknown[: n + 1] for n in range(len(unknown))]
    # Checked once, the line and the warning said before the save both from that one check.
    assert state == ID_WARNING and "行政区划代码 529999 未知或已撤销" in line
    assert warned == {str(w) for w in idnumber.warnings_said(real(unknown))}
