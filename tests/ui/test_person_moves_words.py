"""删除人员, 已删除人员 and 迁到别户 in the coordinator's words, in each language.

- In the English window the usual reasons (迁出、死亡、重复录入; 分户、合户、婚迁) and the
  其他 line's 写明原因 were Chinese: the buttons' words came from the services as they are,
  and the placeholder was looked up under a context lupdate never wrote. They are English now;
  what is stored stays the Chinese word, as every form's held words do.
- A restore or a move refused for this laptop's date said a save's words (这次的修改没有保存，
  填写的内容还在…再保存一次): now each says what it did not do and what its form still holds
  (the restore's reason; the move's choices), then how to set the date.
"""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from fieldapp.services import persons
from tests.conftest import make_id
from tests.records import Records
from tests.ui.hub_time import _hub_reads
from tests.ui.person_panel import _rows, shown


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _other_household(window) -> None:
    """赵大山's household, next door (the small ledger has one household)."""
    repo = Records(window.session.ledger)
    other = repo.save(Household(area_code="520502001001", address="大坝村二组 3 号"))
    head, _warnings = repo.add_person(
        Person(
            name="赵大山",
            id_number=make_id(birth="19790101", seq="331"),
            household_id=other,
            relation=Relation.HEAD,
        )
    )
    repo.save(repo.get(Household, other).model_copy(update={"head_person_id": head}))


def _texts(dialog) -> list[str]:
    return [button.text() for button in dialog.reasons.buttons()]


def _press(dialog, text: str) -> None:
    (button,) = [b for b in dialog.reasons.buttons() if b.text() == text]
    button.setChecked(True)


def test_the_delete_reasons_are_english_in_the_english_window_and_stored_in_chinese(english, qtbot):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog

    page, panel = shown(english, "王小明")
    dialog = DeleteDialog(english.session, panel.person, panel)
    qtbot.addWidget(dialog)
    assert _texts(dialog) == ["Moved away", "Died", "Entered twice", "Other"]
    assert dialog.words.placeholderText() == "Give the reason"
    _press(dialog, "Died")
    dialog.words.setText("2026年11月病故")
    who = panel.person.id
    dialog.delete()
    row = english.session.ledger.get("persons", who)
    assert row["deleted"] == 1 and row["change_reason"] == "死亡：2026年11月病故"


def test_the_move_reasons_are_english_in_the_english_window_and_stored_in_chinese(english, qtbot):
    _other_household(english)
    page, panel = shown(english, "王小明")
    dialog = panel.move_person()
    assert _texts(dialog) == [
        "Split off a new household",
        "Households merged",
        "Moved by marriage",
        "Other",
    ]
    assert dialog.words.placeholderText() == "Give the reason"
    dialog.choose(next(r for r in _rows(english, "赵大山")))
    _press(dialog, "Moved by marriage")
    dialog.relocate()
    assert dialog.error.text() == ""
    moved = Records(english.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    assert moved.change_reason == "婚迁"


def test_the_chinese_window_offers_the_chinese_reasons(window, qtbot):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog

    page, panel = shown(window, "王小明")
    dialog = DeleteDialog(window.session, panel.person, panel)
    qtbot.addWidget(dialog)
    assert _texts(dialog) == ["迁出", "死亡", "重复录入", "其他"]
    assert dialog.words.placeholderText() == "写明原因"
    assert _texts(panel.move_person()) == ["分户", "合户", "婚迁", "其他"]


def _deleted_then_restore(window):
    """王小明 deleted (重复录入), the laptop's date then 3 days ahead of the hub's, and the
    已删除人员 list open with him chosen and a reason typed."""
    page, panel = shown(window, "王小明")
    who = panel.person.id
    session = window.session
    session.apply(persons.delete(session.ledger, session.actor, who, "重复录入"))
    _hub_reads(window, -3)
    dialog = page.show_deleted()
    dialog.view.selectRow(0)
    dialog.reason.setText("误删")
    assert dialog.restore() is None
    assert session.ledger.get("persons", who)["deleted"] == 1
    assert dialog.isVisible() and dialog.reason.text() == "误删"
    return dialog, who


def test_a_restore_refused_for_the_date_says_the_reason_is_kept(window, qtbot):
    dialog, who = _deleted_then_restore(window)
    said = dialog.error.text()
    assert said.startswith("这次没有恢复，写的原因还在：把日期改对后再恢复一次即可。\n\n"), said
    assert "本机日期比县里快了约3天。" in said
    assert "保存一次" not in said and "填写的内容" not in said
    assert dialog.error.wordWrap()
    _hub_reads(window, 0)
    assert dialog.restore() == who


def test_a_move_refused_for_the_date_says_the_choices_are_kept(window, qtbot):
    _other_household(window)
    page, panel = shown(window, "王小明")
    dialog = panel.move_person()
    dialog.choose(next(r for r in _rows(window, "赵大山")))
    _press(dialog, "婚迁")
    _hub_reads(window, -3)
    dialog.relocate()
    said = dialog.error.text()
    assert said.startswith(
        "这次没有迁户，选好的和写下的都还在：把日期改对后再点一次“迁户”即可。\n\n"
    ), said
    assert "本机日期比县里快了约3天。" in said and "保存一次" not in said
    assert dialog.target is not None and dialog.reasons.checkedButton().text() == "婚迁"
    _hub_reads(window, 0)
    dialog.relocate()
    moved = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    assert moved.change_reason == "婚迁"


def test_the_date_refusals_in_english(english, qtbot):
    dialog, _who = _deleted_then_restore(english)
    assert dialog.error.text().startswith(
        "Nothing was restored; the reason you typed is still there. Set the right date, then "
        "restore again.\n\nThis computer's date is about 3 day(s) ahead"
    ), dialog.error.text()
    page, panel = shown(english, "张长英")
    move = panel.move_person()
    move.into_new.setChecked(True)
    _press(move, "Split off a new household")
    move.relocate()
    assert move.error.text().startswith(
        "The person was not moved; what you chose and typed is still there. Set the right "
        "date, then click Move again.\n\nThis computer's date is about 3 day(s) ahead"
    ), move.error.text()
