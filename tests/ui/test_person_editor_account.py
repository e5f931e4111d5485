"""The person editor checks the bank or social-security card account a subsidy is paid into, as
it checks the phone: letters or a handful of digits are refused with the reason, on that field;
spaces and full-width digits (as copied from a card or a phone) are tidied to the digits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.domain.models import Person
from tests.english import in_english
from tests.records import Records


def open_editor(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    editor = page.edit_person(who.id)
    return page, editor, who


def stored_account(window, person_id: str) -> str:
    return window.session.ledger.get("persons", person_id)["account_number"]


def test_an_account_with_letters_or_too_few_digits_is_refused_on_its_field(window, qtbot):
    _page, editor, who = open_editor(window, qtbot)
    for typed, words in (("6221 abc 52", "只能有数字"), ("62215214", "8 位")):
        editor.account.setText(typed)
        editor.save()
        assert editor.isVisible(), typed
        assert words in editor.error.text() and typed.strip() in editor.error.text()
        assert editor.account.hasFocus() or editor.focusWidget() is editor.account
        assert stored_account(window, who.id) == ""
    editor.discard()


def test_spaces_and_full_width_digits_are_saved_as_plain_digits(window, qtbot):
    page, editor, who = open_editor(window, qtbot)
    editor.account.setText("６２２１ 5214 1947 1687 740")
    with qtbot.waitSignal(page.updated, timeout=5000):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert stored_account(window, who.id) == "6221521419471687740"


def test_an_account_already_in_the_ledger_does_not_block_other_edits(window, qtbot):
    """An odd account written before the check (an older program's, another device's by a
    sync) is left as it is when another field is edited."""
    from fieldapp.services.changes import ChangeSet, Kind
    from fieldapp.services.writer import writing

    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    # Written as a logged edit that met no check (`persons.save` refuses it now, as typed).
    with writing(window.session.ledger, window.session.actor) as writer:
        writer.update(Person, who.id, {"account_number": "存折 123"})
    window.session.apply(ChangeSet.of(Kind.PERSONS))
    page, editor, who = open_editor(window, qtbot)
    editor.notes.setText("已核对")
    with qtbot.waitSignal(page.updated, timeout=5000):
        editor.save()
    assert stored_account(window, who.id) == "存折 123"


def test_an_account_copied_from_a_sheet_where_excel_rounded_it_is_refused(window, qtbot):
    # Copied from a sheet showing 6217002870012340000 (Excel kept 15 of its 19 digits), it was
    # saved and printed on the 申请表 as the account the subsidy is paid into.
    _page, editor, who = open_editor(window, qtbot)
    editor.account.setText("6217002870012340000")
    editor.save()
    assert editor.isVisible()
    assert "Excel" in editor.error.text() and "6217002870012340000" in editor.error.text()
    assert stored_account(window, who.id) == ""
    editor.discard()


def test_an_account_refused_is_said_in_the_english_window(window, qtbot):
    # The editor once took the account's Chinese only: the English window said it so.

    _page, editor, who = open_editor(window, qtbot)
    with in_english():
        editor.account.setText("62215214")
        editor.save()
        said = editor.error.text()
    assert said.startswith("Account “62215214” has 8 digits, which is wrong"), said
    assert "账号" not in said
    assert stored_account(window, who.id) == ""
    editor.discard()


def test_a_phone_typed_with_spaces_and_hyphens_is_saved_as_the_import_keeps_it(window, qtbot):
    # The editor kept "0857-822 1234" as typed while the import and the service keep digits
    # (`domain.phone.entered`): the same number was written two ways in one ledger.
    page, editor, who = open_editor(window, qtbot)
    editor.phone.setText(" （0857）822-1234 ")
    with qtbot.waitSignal(page.updated, timeout=5000):
        editor.save()
    assert window.session.ledger.get("persons", who.id)["phone"] == "08578221234"


def test_a_phone_of_several_numbers_is_checked_number_by_number(window, qtbot):
    # The import keeps "138…、0857-…" and checks each number; the editor took the field as one
    # number and refused a good pair for its '、' (and never found the short one in a pair).
    page, editor, who = open_editor(window, qtbot)
    editor.phone.setText("13812345678、1381234567")
    editor.save()
    assert editor.isVisible()
    assert "1381234567" in editor.error.text() and "11 位" in editor.error.text()
    assert window.session.ledger.get("persons", who.id)["phone"] == ""
    editor.phone.setText("13812345678，0857-8221234")
    with qtbot.waitSignal(page.updated, timeout=5000):
        editor.save()
    assert window.session.ledger.get("persons", who.id)["phone"] == "13812345678、08578221234"


def test_an_old_phone_another_program_changed_meanwhile_does_not_block_the_save(window, qtbot):
    """The editor loaded an odd phone written before the check; another program (a second
    copy, a sync) saved a good one while it was open. The service checked the old phone the
    user never touched against the ledger's new one and refused the save."""
    from fieldapp.services.changes import ChangeSet, Kind
    from fieldapp.services.writer import writing

    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    with writing(window.session.ledger, window.session.actor) as writer:
        writer.update(Person, who.id, {"phone": "1380000000"})
    window.session.apply(ChangeSet.of(Kind.PERSONS))
    page, editor, who = open_editor(window, qtbot)
    with writing(window.session.ledger, window.session.actor) as writer:
        writer.update(Person, who.id, {"phone": "13912345678"})  # the other program's
    editor.notes.setText("已核对")
    with qtbot.waitSignal(page.updated, timeout=5000):
        editor.save()
    row = window.session.ledger.get("persons", who.id)
    assert (row["phone"], row["notes"]) == ("13912345678", "已核对")


def test_a_phone_typed_with_the_chinese_zero_is_saved_as_the_import_keeps_it(window, qtbot):
    # The pinyin input method gives 〇 for "ling": the import kept 138〇… as 1380…, the
    # editor refused it (电话号码“138〇…”只能有数字). A short one is refused with its count.
    page, editor, who = open_editor(window, qtbot)
    editor.phone.setText("138〇〇〇〇〇〇〇")
    editor.save()
    assert editor.isVisible()
    assert "11 位" in editor.error.text() and "10 位" in editor.error.text()
    assert window.session.ledger.get("persons", who.id)["phone"] == ""
    editor.phone.setText("138〇〇〇〇〇〇〇2")
    with qtbot.waitSignal(page.updated, timeout=5000):
        editor.save()
    assert window.session.ledger.get("persons", who.id)["phone"] == "13800000002"
