"""The person panel as a coordinator uses it: delete (why; 否 by default), undo a deletion, move
to another household, the history in words, and the person's papers, visit and subsidies."""

from __future__ import annotations

import io

import pypdf
from PySide6.QtCore import Qt

from fieldapp.domain.models import Household, Person
from tests.english import in_english
from tests.records import Records
from tests.ui.conftest import wait_idle
from tests.ui.person_panel import _rows, history_texts, person, shown
from tests.ui.plain import assert_plain


def test_delete_asks_why_and_no_is_the_default(window, qtbot, monkeypatch):
    from fieldapp.ui.dialogs.person_moves import DeleteDialog

    page, panel = shown(window, "王小明")
    dialog = DeleteDialog(window.session, panel.person, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.no_button.isDefault() and not dialog.yes_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter answers 否
    assert dialog.result() == 0 and dialog.changes is None
    assert window.session.ledger.get("persons", panel.person.id)["deleted"] == 0
    # 是 without a reason is refused, with the reasons named.
    dialog = DeleteDialog(window.session, panel.person, panel)
    qtbot.addWidget(dialog)
    dialog.delete()
    assert "迁出" in dialog.error.text() and dialog.changes is None
    assert_plain(dialog.error.text())
    who = panel.person.id
    dialog.choose("死亡", "2026年11月病故")
    dialog.delete()
    row = window.session.ledger.get("persons", who)
    assert row["deleted"] == 1 and row["change_reason"] == "死亡：2026年11月病故"


def test_undo_a_deletion_from_the_ledger_page(window, qtbot):
    page, panel = shown(window, "王小明")
    who = panel.person.id
    assert panel.delete_person(reason="重复录入")
    dialog = page.show_deleted()
    assert dialog.model.rowCount() == 1
    assert dialog.model.rows[0].reason == "重复录入"
    dialog.view.selectRow(0)
    assert dialog.restore() is None  # no reason yet
    assert "原因" in dialog.error.text()
    dialog.reason.setText("误删")
    assert dialog.restore() == who
    assert window.session.ledger.get("persons", who)["deleted"] == 0
    page.panel.show_person(who)
    texts = history_texts(page.panel)
    assert texts[0] == "恢复（原因：误删）"
    assert "删除（原因：重复录入）" in texts


def test_move_to_another_household_by_marriage_and_split(window, qtbot):
    session = window.session
    repo = Records(session.ledger)
    other = repo.save(Household(area_code="520502001001", address="大坝村二组 3 号"))
    from fieldapp.domain.enums import Relation
    from tests.conftest import make_id

    repo.add_person(
        Person(
            name="赵大山",
            id_number=make_id(birth="19790101", seq="331"),
            household_id=other,
            relation=Relation.HEAD,
        )
    )
    head = repo.get(Household, other).model_copy(
        update={"head_person_id": person(window, "赵大山").id}
    )
    repo.save(head)
    page, panel = shown(window, "王小明")
    dialog = panel.move_person()
    dialog.choose(next(r for r in _rows(window, "赵大山")))
    dialog.relation.set_value("媳婿")
    for button in dialog.reasons.buttons():
        if button.text() == "婚迁":
            button.setChecked(True)
    dialog.relocate()
    moved = person(window, "王小明")
    assert moved.household_id == other and moved.relation == "媳婿"
    assert moved.change_reason == "婚迁"
    panel.show_person(moved.id)
    line = history_texts(panel)[0]
    assert line.startswith("迁户：张长英户") and "赵大山户" in line and "（原因：婚迁）" in line
    assert_plain(line)
    # 分户: a new household of their own, as its head.
    dialog = panel.move_person()
    dialog.into_new.setChecked(True)
    dialog.address.setText("大坝村二组 5 号")
    dialog.words.setText("成家后单独立户")
    for button in dialog.reasons.buttons():
        if button.text() == "分户":
            button.setChecked(True)
    dialog.relocate()
    alone = person(window, "王小明")
    household = Records(session.ledger).get(Household, alone.household_id)
    assert household.head_person_id == alone.id and alone.relation == "户主"
    assert alone.change_reason == "分户：成家后单独立户"


def test_history_shows_short_times_and_the_device_by_name(window):
    page = window.show_page("settings")
    page.device_name.setText("大坝村笔记本")
    page.save_device()
    ledger_page, panel = shown(window, "李建国")
    editor = ledger_page.edit_person(panel.person.id)
    editor.phone.setText("13800001111")
    editor.save()
    panel.show_person(person(window, "李建国").id)
    line = panel.history.rows[0]
    assert line.text == "联系电话：空 → 13800001111"
    assert line.device == "大坝村笔记本" and line.author == window.session.ledger.author
    assert len(line.when) <= 11  # '14:03' today; never a cut-off ISO stamp
    for row in panel.history.rows:
        assert_plain(f"{row.author} {row.device} {row.text}")


def test_certificate_by_name_visit_and_subsidies_from_the_panel(window, qtbot):
    page, panel = shown(window, "李建国")
    opened = []
    panel.print_certificate(on_open=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=30000)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(opened[0].pdf)).pages)
    assert "李建国" in text and "务工证明" in text
    opened[0].close()
    panel._fill_print_menu()
    assert [a.text() for a in panel.print_menu.actions()][:2] == [
        "务工证明",
        "务工证明（临时务工）",
    ]
    panel.visit_button.click()
    visits = window.pages["visits"]
    assert window.current_key() == "visits" and visits.chosen.name == "李建国"
    window.show_page("ledger")
    panel.subsidy_button.click()
    subsidies = window.pages["subsidies"]
    assert window.current_key() == "subsidies"
    assert "李建国" in subsidies.person_label.text() and subsidies.results.rowCount() > 0
    assert {r.name for r in subsidies.results.rows} == {"李建国"}
    wait_idle(qtbot, subsidies)


def test_the_status_button_opens_the_household_grid(window):
    page, panel = shown(window, "李建国")
    panel.status_button.click()
    grid = window.pages["monthly"]
    assert window.current_key() == "monthly"
    assert grid.household_id == panel.person.household_id
    assert "张长英户" in grid.household_button.text()


def test_print_page_finds_the_certificate_by_name(window, qtbot, warnings_shown):
    page = window.show_page("print")
    page.paper.setCurrentIndex(page.paper.findData("certificate"))
    page.preview()
    assert warnings_shown and "姓名" in warnings_shown[-1]  # nobody chosen yet: say how
    page.person.box.setText("李建国")  # a name, not an 18-digit ID
    qtbot.waitUntil(lambda: page.person.hits.count() == 1, timeout=5000)
    qtbot.keyClick(page.person.box, Qt.Key.Key_Return)
    assert page.person.chosen.name == "李建国"
    opened = []
    page.preview(opened.append)
    wait_idle(qtbot, page)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(opened[0].pdf)).pages)
    assert "李建国" in text
    opened[0].close()


def test_a_person_of_no_household_is_said_so_in_the_language_shown(window):
    """The panel's 所在地 of a person in no household (one whose household the ledger lacks)
    read 未分户 in the English window too — the program's own word, which the namesake
    sentence already says in English. The panel says it so now (No household); a place
    stays as the ledger writes it."""

    _page, panel = shown(window, "李建国")
    alone = person(window, "李建国").model_copy(update={"household_id": None})
    assert "所在地" in panel._summary_html(alone) and "未分户" in panel._summary_html(alone)
    with in_english():
        english = panel._summary_html(alone)
        placed = panel._summary_html(person(window, "李建国"))
    assert "No household" in english and "未分户" not in english, english
    assert "大坝村" in placed and "No household" not in placed
