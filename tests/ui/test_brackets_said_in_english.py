"""Brackets, colons and separators the English window took from the code as the Chinese writes
them, around words it said in English or around the ledger's own names:

- the person chosen to print for, to visit or to move into the household of, named in
  full-width brackets (“Chosen: 王小明（贵州省…）”, “Into: 王小明所在的户（…）” — the move's
  words 所在的户 not said at all);
- 导出到's drives said in Chinese (“U盘（/media/u，可用 3.2 GB）”);
- a row gone from the ledger's list named “（已删除）”;
- a form refused for several fields, the fields joined with the Chinese ；;
- a person editor's field the program cannot read, its note in full-width brackets;
- the 补贴 page's subsidies list and the reasons pane (“title（clause）”), a claim refused
  among several (“王五：…”), and the person panel's print menu naming a claim by its state in
  Chinese in full-width brackets (“Application form: …（草稿）”).

Each is said with the window's brackets and separators, the ledger's names as they are; the
Chinese window says them as before."""

from __future__ import annotations

import datetime as dt
import re
from array import array

from pydantic import ValidationError

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Household
from fieldapp.policy.eligibility import Status
from fieldapp.store.queries.persons import rows_by_id
from fieldapp.ui import policy_access
from fieldapp.ui.errors import invalid_input
from tests.english import in_english
from tests.ui.conftest import wait_idle
from tests.ui.in_english import CHINESE
from tests.ui.person_panel import person, shown
from tests.ui.test_skipped_rows_named import _blank_labour, open_with  # noqa: F401 - fixture


def _left(text: str, *stored: str) -> str:
    """`text` without the ledger's own words (names, places, numbers), which stay as they are."""
    for word in sorted(stored, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def test_a_chosen_person_is_said_in_the_windows_brackets(window, qtbot):
    (row,) = rows_by_id(window.session.ledger, [person(window, "王小明").id])
    printing = window.show_page("print")
    place = printing.person.areas.path(row.area_code)
    stored = (row.name, row.id_number, place, row.address or "")
    _page, panel = shown(window, "李建国")
    window.set_language("en")
    try:
        printing = window.show_page("print")
        printing.person.choose(row)
        text = printing.person.label.text()
        assert text == f"Chosen: {row.name} ({place})", text
        visits = window.show_page("visits")
        visits.choose(row)
        text = visits.chosen_label.text()
        assert not CHINESE.search(_left(text, *stored)), text
        # The place after the bracket, not run into it (“(5205…)贵州省…”).
        assert f"{row.name} ({row.id_number}) {place}" in text, text
        _page, panel = shown(window, "李建国")
        dialog = panel.move_person()
        qtbot.addWidget(dialog)
        dialog.choose(row)
        text = dialog.chosen.text()
        assert text.startswith("Into: ") and not CHINESE.search(_left(text, *stored)), text
        assert row.name in text and place in text, text
        dialog.reject()
    finally:
        window.set_language("zh_CN")
    printing = window.show_page("print")
    printing.person.choose(row)
    assert printing.person.label.text() == f"已选：{row.name}（{place}）"
    _page, panel = shown(window, "李建国")
    dialog = panel.move_person()
    qtbot.addWidget(dialog)
    dialog.choose(row)
    assert dialog.chosen.text().startswith(f"迁入：{row.name}所在的户（{place}")
    assert dialog.chosen.text().endswith("）")
    dialog.reject()


def test_a_drive_a_gone_row_and_a_refused_form_in_the_windows_words(window, qtbot):
    from fieldapp.ui.pages.sync import drive_label

    model = window.show_page("ledger").model
    try:
        Household.model_validate({"area_code": [], "address": 5})
    except ValidationError as error:
        refused = error
    with in_english():
        drive = drive_label("U盘", "/media/u", 3.25)
        gone = model.__class__(lambda ids: [])
        gone.show_rowids(array("q", [987654]))
        name = gone.index(0, 0).data()
        said = invalid_input(refused)
    assert drive == "U盘 (/media/u, 3.2 GB free)", drive
    assert not CHINESE.search(name), name
    assert "；" not in said and not CHINESE.search(said), said
    assert drive_label("U盘", "/media/u", 3.25) == "U盘（/media/u，可用 3.2 GB）"
    gone = model.__class__(lambda ids: [])
    gone.show_rowids(array("q", [987654]))
    assert gone.index(0, 0).data() == "（已删除）"
    assert "；" in invalid_input(refused)


def test_an_unreadable_fields_note_is_in_the_windows_brackets(open_with, qtbot):  # noqa: F811
    win = open_with(_blank_labour, "en")
    page = win.show_page("ledger")
    (person_id,) = win.session.ledger.db.execute(
        "SELECT id FROM persons WHERE labour_ability = ''"
    ).fetchone()
    editor = page.edit_person(person_id)
    assert editor is not None
    label = editor.form.labelForField(editor.labour).text()
    assert "(" in label and not CHINESE.search(label), label


def _two_claims(page, qtbot) -> None:  # noqa: ANN001
    """Claims made for two eligible people with a figure, the claims tab shown."""
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    rows = page.results.rows
    eligible = [r for r, res in enumerate(rows) if res.status is Status.ELIGIBLE and res.amount]
    # Two people for one subsidy (one person's two subsidies may exclude each other).
    rule = rows[eligible[0]].rule_title
    people = {rows[r].name: r for r in eligible if rows[r].rule_title == rule}
    eligible = list(people.values())
    model = page.results_view.selectionModel()
    page.results_view.clearSelection()
    for row in eligible[:2]:
        model.select(
            page.results.index(row, 0), model.SelectionFlag.Select | model.SelectionFlag.Rows
        )
    page.create_claim()
    page.tabs.setCurrentIndex(1)


def test_the_subsidies_page_and_a_claims_form_in_the_windows_brackets(
    demo_window, qtbot, warnings_shown
):
    window = demo_window
    page = window.show_page("subsidies")
    _two_claims(page, qtbot)
    claims = page.claims.rows
    assert len(claims) >= 2, claims
    window.set_language("en")
    try:
        page = window.show_page("subsidies")
        # The subsidies list: the pack's titles and citations, the window's brackets.
        items = [page.rule.itemText(i) for i in range(1, page.rule.count())]
        rules = [r for r in policy_access.policy(window.session.ledger).rules if r.enabled]
        assert items == [f"{r.title} ({r.citation})" for r in rules], items
        # The reasons pane's first line: name — title (clause).
        page.tabs.setCurrentIndex(0)
        page.find_eligible()
        wait_idle(page=page, qtbot=qtbot)
        page.results_view.selectRow(0)
        result = page.results.rows[0]
        first = page.reasons.toPlainText().split("\n")[0]
        assert first == f"{result.name} — {result.rule_title} ({result.clause})", first
        # Two claims sent on together without their papers: the one refused named by the
        # window's colon.
        page.tabs.setCurrentIndex(1)
        view = page.claims_view
        selection = view.selectionModel()
        view.clearSelection()
        for row in range(2):
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            selection.setCurrentIndex(page.claims.index(row, 0), flags)
        assert len(page.selected_claims()) == 2
        page.target.setCurrentIndex(page.target.findData(ClaimState.SUBMITTED.value))
        warnings_shown.clear()
        assert page.advance_selected(reason="") is None
        (refused,) = warnings_shown
        name = page.selected_claims()[0].person_name
        assert f"{name}: " in refused and "：" not in refused, refused
        # The person panel's print menu: a claim's state in English, in the window's brackets.
        claim = claims[0]
        window.open_person(claim.person_id)
        panel = window.show_page("ledger").panel
        qtbot.waitUntil(lambda: panel.person is not None and panel.person.id == claim.person_id)
        panel._fill_print_menu()
        forms = [a.text() for a in panel.print_menu.actions() if a.text().startswith("Applic")]
        assert forms, [a.text() for a in panel.print_menu.actions()]
        for text in forms:
            left = _left(text, claim.rule_title, claim.number or "")
            assert not CHINESE.search(left) and re.search(r"\(\w", left), text
    finally:
        window.set_language("zh_CN")
    panel._fill_print_menu()
    forms = [a.text() for a in panel.print_menu.actions() if a.text().startswith("申请表")]
    assert any(f"（{claim.state}）" in text for text in forms), forms


def test_the_jobs_still_open_are_listed_with_the_windows_separator(window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.domain.models import EmploymentSpell
    from fieldapp.ui.dialogs.records import SpellDialog
    from tests.records import Records
    from tests.ui.conftest import when_modal

    who = person(window, "王小明")
    repo = Records(window.session.ledger)
    for employer, day in (("遵义某某厂", dt.date(2026, 3, 1)), ("贵阳某某店", dt.date(2026, 5, 1))):
        repo.save(EmploymentSpell(person_id=who.id, start_date=day, employer=employer))
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        box.reject()

    window.set_language("en")
    try:
        dialog = SpellDialog(window.session, who.id)
        qtbot.addWidget(dialog)
        when_modal(QMessageBox, answer)
        later = EmploymentSpell(person_id=who.id, start_date=dt.date(2026, 9, 1), employer="新厂")
        assert dialog.write(later) is None
    finally:
        window.set_language("zh_CN")
    (text,) = asked
    assert "遵义某某厂" in text and "贵阳某某店" in text, text
    assert not CHINESE.search(_left(text, "遵义某某厂", "贵阳某某店", who.name)), text


def test_a_user_disabled_and_the_key_changed_are_said_with_the_windows_separator(
    window, monkeypatch
):
    from tests.ui.test_key_change_cancel import _disable_wang

    window.set_language("en")
    try:
        page = _disable_wang(window, monkeypatch)
        assert page.disable_selected()
        said = window.statusBar().currentMessage()
    finally:
        window.set_language("zh_CN")
    assert "; " in said and not CHINESE.search(_left(said, "王强")), said
