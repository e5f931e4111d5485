"""A question before something is deleted or replaced was built by hand in each place: some had
否 as the default answer, others none (Qt then makes 是 the default), so Enter — pressed out of
habit to close a box — restored a backup over the ledger or disabled a user. Every such question
is now asked by `widgets.ask_yes_no`: 是 / 否, 否 the default. These tests press Enter on the
real box and find nothing deleted or replaced."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.services import backup, work
from fieldapp.ui.widgets import ask_yes_no
from tests.records import Records
from tests.ui.conftest import UI_USER, when_modal
from tests.ui.restore import restore_and_wait


def press_enter_on_the_question(seen: list[dict[str, object]]) -> None:
    """When the next question box shows, note its text, buttons and default, and press Enter."""

    def answer(box: QMessageBox) -> None:
        default = box.defaultButton()
        seen.append(
            {
                "text": box.text(),
                "buttons": sorted(b.text() for b in box.buttons()),
                "default": default.text() if default is not None else "",
            }
        )
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_modal(QMessageBox, answer)


def test_the_question_offers_yes_and_no_with_no_the_default(window, qtbot):
    seen: list[dict[str, object]] = []
    press_enter_on_the_question(seen)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not ask_yes_no(parent, "删除", "删除这条记录吗？")
    assert len(seen) == 1
    buttons = seen[0]["buttons"]
    assert isinstance(buttons, list) and len(buttons) == 2
    assert any("是" in str(b) for b in buttons) and any("否" in str(b) for b in buttons)
    assert "否" in str(seen[0]["default"])


def test_enter_on_delete_a_job_deletes_nothing(window, qtbot):
    session = window.session
    ledger = session.ledger
    person = Records(ledger).select(Person, "name = '张长英'")[0]
    job = EmploymentSpell(person_id=person.id, start_date=dt.date(2026, 11, 2), employer="厂")
    session.apply(work.save_record(ledger, session.actor, job))
    window.open_person(person.id)
    panel = window.show_page("ledger").panel
    panel.spells_view.selectRow(0)
    seen: list[dict[str, object]] = []
    press_enter_on_the_question(seen)
    panel.delete_spell()
    assert len(seen) == 1 and "厂" in str(seen[0]["text"])
    assert len(Records(ledger).person_records(EmploymentSpell, person.id)) == 1
    assert panel.spells_view.model().rowCount() == 1


def test_enter_on_restore_replaces_nothing(window, qtbot, warnings_shown):
    folder = Path(window.session.path).parent / "U盘"
    folder.mkdir()
    made = backup.back_up(window.session.ledger, folder / "备份.fieldbackup")
    before = Path(window.session.path).read_bytes()
    page = window.show_page("settings")
    seen: list[dict[str, object]] = []
    press_enter_on_the_question(seen)
    assert not restore_and_wait(page, qtbot, made, UI_USER)
    assert len(seen) == 1 and "备份中有 3 人" in str(seen[0]["text"])
    assert warnings_shown == []
    assert Path(window.session.path).read_bytes() == before
