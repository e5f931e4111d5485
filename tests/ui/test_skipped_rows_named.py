"""Stored rows no model accepts (a malformed row, or a choice only a newer program has) are
left out of the desktop's lists and figures as they are of the command line's — and the
window says so, once, in the status bar, in the user's words and language (no ids), not
silently; a choice only a newer program has says to upgrade this device, not that the county
must correct the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import LabourAbility
from fieldapp.domain.models import Person
from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.store.queries import records
from fieldapp.ui.dialogs.person_editor import PersonEditor
from tests.cli.test_malformed_rows import BAD_CLAIM, _garbage
from tests.ui.conftest import UI_USER, close_window


def _newer_job(ledger: Ledger, person_id: str, _household_id: str) -> None:
    """A job whose 就业形式 this program does not have (as 未登记 reached older devices)."""
    data = {
        "person_id": person_id,
        "start_date": "2026-03-01",
        "form": "平台就业",
        "deleted": False,
    }
    job = natural_id("employment_spells", "newer")
    ledger.apply_changes(
        [
            Change(
                "0badc0de0badc0de", 1, "1700000000001-0000", "县级", "employment_spells", job, data
            )
        ]
    )


@pytest.fixture
def open_with(qtbot, ledger_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Open the main window on the small ledger after `write(ledger, person, household)`."""
    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    windows = []

    def opened(write, lang: str = "zh_CN"):
        ledger = Ledger.open(ledger_path, credentials=UI_USER)
        person_id, household_id = ledger.db.execute(
            "SELECT id, household_id FROM persons LIMIT 1"
        ).fetchone()
        write(ledger, person_id, household_id)
        ledger.close()
        make_app()
        i18n.install_language(lang)
        win = open_window(ledger_path, UI_USER)
        win.show()
        windows.append(win)
        return win

    yield opened
    for win in windows:
        close_window(win, monkeypatch)
    i18n.install_language("zh_CN")


def test_status_bar_names_skipped_rows_once_without_ids(open_with, qtbot):
    win = open_with(_garbage)
    win.show_page("due")  # its figures leave out the malformed claims, jobs, services…
    bar = win.statusBar()
    qtbot.waitUntil(lambda: "数据不合格" in bar.currentMessage(), timeout=5000)
    text = bar.currentMessage()
    assert "没有显示" in text and "仍在台账中" in text and "请县里更正" in text
    assert "申领" in text and "就业经历" in text
    assert BAD_CLAIM[:8] not in text and "claims" not in text
    # Said once: another message stays; looking at pages again does not repeat the note.
    bar.showMessage("别的消息")
    for key in ("visits", "due", "duties"):
        win.show_page(key)
        qtbot.wait(600)
    assert bar.currentMessage() == "别的消息"


def test_a_choice_only_a_newer_program_has_says_upgrade_this_device(open_with, qtbot):
    win = open_with(_newer_job)
    ledger = win.session.ledger
    person_id = ledger.db.execute("SELECT id FROM persons LIMIT 1").fetchone()[0]
    win.open_person(person_id)  # the person's panel lists their jobs
    bar = win.statusBar()
    qtbot.waitUntil(lambda: "注意" in bar.currentMessage(), timeout=5000)
    text = bar.currentMessage()
    assert "本机程序没有的选项" in text and "请升级本机的程序" in text and "就业经历" in text
    assert "不合格" not in text and "请县里更正" not in text


def test_the_note_is_in_english_in_an_english_window(open_with, qtbot):
    win = open_with(_garbage, "en")
    win.show_page("due")
    bar = win.statusBar()
    qtbot.waitUntil(lambda: "Note" in bar.currentMessage(), timeout=5000)
    text = bar.currentMessage()
    assert "invalid data" in text and "Claims" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text


def test_a_person_no_model_accepts_is_said_on_the_panel_not_left_to_the_last_one(open_with, qtbot):
    """The ledger list shows a person whose stored row is malformed (a blank name, ID 123).
    Clicked, the program raised MalformedRow out of the panel: a box naming the row by its id
    (人员 fb3d7f58…) and the panel still showing the person clicked before — 编辑 changed
    张长英 while the malformed row was highlighted. The panel now empties, its buttons off, and
    says why in the user's words."""
    win = open_with(_garbage)
    page = win.show_page("ledger")
    ledger = win.session.ledger
    good = ledger.db.execute("SELECT id FROM persons WHERE name = '张长英'").fetchone()[0]
    win.open_person(good)
    assert page.panel.person is not None and page.panel.edit_button.isEnabled()
    bad = natural_id("persons", "bad")
    win.open_person(bad)
    panel = page.panel
    assert panel.person is None
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    text = panel.summary.text()
    assert "读不了" in text and "双击这个人打开" in text and "仍在台账中" in text
    assert bad[:8] not in text and "张长英" not in text
    # Enter or a double click on its row: no editor (its name and ID number, which have no
    # default, are what is wrong), said the same
    assert page.edit_person(bad) is None
    assert panel.person is None and "读不了" in panel.summary.text()


def _blank_labour(ledger: Ledger, person_id: str, _household_id: str) -> None:
    """What an older program left: an empty 劳动能力, straight into the row."""
    with ledger.db.conn:
        ledger.db.conn.execute("UPDATE persons SET labour_ability = '' WHERE id = ?", [person_id])


def test_a_person_with_an_unreadable_field_is_opened_corrected_and_saved(open_with, qtbot):
    """The panel says which field cannot be read and to double-click the person; the editor
    opens with that field at its default; the clerk sets it, saves, and the person reads again
    — the correction logged like any edit."""
    win = open_with(_blank_labour)
    page = win.show_page("ledger")
    ledger = win.session.ledger
    person_id, name = ledger.db.execute(
        "SELECT id, name FROM persons WHERE labour_ability = ''"
    ).fetchone()
    win.open_person(person_id)
    text = page.panel.summary.text()
    assert page.panel.person is None and "劳动能力" in text and "双击这个人打开" in text
    editor = page.edit_person(person_id)
    assert editor is not None and editor.person is not None and editor.person.name == name
    assert editor.labour.value() == LabourAbility.ORDINARY  # the default, for the clerk to set
    label = editor.form.labelForField(editor.labour)
    assert "存的是（空），本程序读不了，请选一项" in label.text()
    assert "读不了" in label.toolTip() and "读不了" in editor.labour.toolTip()
    _choose(editor.labour, LabourAbility.WEAK)
    assert label.text() == "劳动能力" and not editor.labour.toolTip()
    editor.save()
    stored = ledger.db.execute(
        "SELECT labour_ability FROM persons WHERE id = ?", [person_id]
    ).fetchone()[0]
    assert stored == LabourAbility.WEAK.value
    page.panel.show_person(person_id)
    assert page.panel.person is not None and page.panel.person.name == name
    lines = [row.text for row in page.panel.history.rows]
    assert any("劳动能力" in line and "弱劳动力或半劳动力" in line for line in lines), lines


def _choose(combo, value: str) -> None:
    """What a clerk's pick in the list does: the index set and `activated` emitted (also when
    the pick is the value already shown)."""
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _stored_labour(ledger: Ledger, person_id: str) -> str:
    return ledger.db.execute(
        "SELECT labour_ability FROM persons WHERE id = ?", [person_id]
    ).fetchone()[0]


def test_an_unreadable_field_not_chosen_is_not_saved_at_its_default(open_with, qtbot):
    """Saved without touching the marked 劳动能力, the form is refused in Chinese naming it and
    nothing is written (the default 普通劳动力 is nobody's choice); chosen — the default on
    purpose counts — it saves."""
    win = open_with(_blank_labour)
    page = win.show_page("ledger")
    ledger = win.session.ledger
    (person_id,) = ledger.db.execute("SELECT id FROM persons WHERE labour_ability = ''").fetchone()
    person, unreadable = records.person_for_repair(ledger, person_id)
    editor = PersonEditor(win.session, person, parent=page, unreadable=unreadable)
    qtbot.addWidget(editor)
    editor.notes.setText("已核实")
    editor.save()
    said = editor.error.text()
    assert "“劳动能力”存的是（空）" in said and "请在“劳动能力”中选一项后再保存" in said
    assert _stored_labour(ledger, person_id) == ""
    assert (
        ledger.db.execute("SELECT notes FROM persons WHERE id = ?", [person_id]).fetchone()[0]
        != "已核实"
    )
    _choose(editor.labour, LabourAbility.ORDINARY)  # the value shown, chosen on purpose
    assert not editor.error.text()
    editor.save()
    assert _stored_labour(ledger, person_id) == LabourAbility.ORDINARY.value
    assert records.get(ledger, Person, person_id).notes == "已核实"


def test_the_fields_of_a_person_no_model_accepts_are_listed_in_english(open_with, qtbot):
    """In an English window the panel said which fields of such a person cannot be read in
    Chinese and with the Chinese 、 (“…values this program cannot read (姓名、身份证号码、…)”);
    they are named in English, listed with the window's separator."""
    win = open_with(_garbage, "en")
    page = win.show_page("ledger")
    win.open_person(natural_id("persons", "bad"))
    text = page.panel.summary.text()
    assert page.panel.person is None and "ID number" in text, text
    assert not any("\u4e00" <= ch <= "\u9fff" or ch == "、" for ch in text), text
