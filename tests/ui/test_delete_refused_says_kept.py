"""A delete the write door refused — this laptop's date days off the hub's, or a record no
longer this laptop's to change (its family moved to another village meanwhile) — said only
the refusal; for the date it said 这次的修改没有保存，填写的内容还在 …再保存一次, the words of
a form, though nothing had been typed. Every refused delete of the person's panel (a person, a
job, a registration, a service, a visit) and of the claims list (a draft) now says, as the
forms do, that nothing was removed and everything shown is still there — and it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.models import (
    Area,
    EmploymentSpell,
    Household,
    Person,
    ServiceRecord,
    UnemploymentRegistration,
    Visit,
)
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries
from tests.records import Records
from tests.ui.conftest import UI_USER, VILLAGE, answered, enrol_as, fill_ledger
from tests.ui.hub_time import _hub_reads
from tests.ui.subsidies_claim import find_and_claim
from tests.ui.with_records import person_with_records  # noqa: F401 - a fixture

KEPT = "这次没有删除任何内容，显示的记录都还在"
OTHER_VILLAGE = "520502001002"

#: Each delete of the person's panel: its list, its call, the model it removes.
PANEL_DELETES = [
    ("spells_view", "delete_spell", EmploymentSpell),
    ("registrations_view", "delete_registration", UnemploymentRegistration),
    ("services_view", "delete_service", ServiceRecord),
    ("visits_view", "delete_visit", Visit),
]


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, with a second village, enrolled as 大坝村's laptop."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    Records(ledger).ensure_area(
        Area(code=OTHER_VILLAGE, name="小河村", kind=AreaKind.VILLAGE, parent_code="520502001")
    )
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    ledger.close()
    return path


def _refused_everywhere(panel, person, monkeypatch, warnings_shown) -> list[str]:
    """Try every delete of the panel, answering 是; returns what each refusal said. Nothing
    is removed, and each list still shows its row."""
    records = Records(panel.session.ledger)
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, []))
    said: list[str] = []
    for view, delete, model in PANEL_DELETES:
        before = len(warnings_shown)
        getattr(panel, view).selectRow(0)
        getattr(panel, delete)()
        assert len(warnings_shown) == before + 1, delete
        said.append(warnings_shown[-1])
        assert len(records.person_records(model, person.id)) == 1, delete
        assert getattr(panel, view).model().rowCount() == 1, delete
    assert not panel.delete_person("重复录入")  # the dialog keeps its question open
    said.append(panel.delete_dialog.error.text())
    assert panel.delete_dialog.error.wordWrap()  # the date's long words wrapped, not a wide box
    assert records.select(Person, "id = ?", [person.id])
    assert panel.person is not None and panel.person.id == person.id
    return said


@pytest.fixture
def dated_ahead(window, person_with_records):  # noqa: F811 - tests/ui/test_delete_a_record.py's
    """张长英's panel with her records, on a laptop whose date runs 3 days ahead of the hub's."""
    _hub_reads(window, -3)
    return person_with_records


def _moved_out(window, person) -> None:
    """Her family moved to 小河村 behind the panel's back (by the laptop's other window)."""
    records = Records(window.session.ledger)
    home = records.select(Household, "id = ?", [person.household_id])[0]
    records.save(home.model_copy(update={"area_code": OTHER_VILLAGE}))


def test_a_delete_refused_for_the_date_says_nothing_was_removed(
    window, dated_ahead, monkeypatch, warnings_shown
):
    panel, person = dated_ahead
    for said in _refused_everywhere(panel, person, monkeypatch, warnings_shown):
        assert said.startswith(KEPT + "：把日期改对后再删除一次即可。"), said
        assert "本机日期比县里快了约3天。" in said and "调整日期/时间" in said, said
        assert "填写的内容还在" not in said and "保存一次" not in said, said
    # The date put right: the same delete goes through.
    _hub_reads(window, 0)
    panel.spells_view.selectRow(0)
    panel.delete_spell()
    assert Records(window.session.ledger).person_records(EmploymentSpell, person.id) == []


def test_a_delete_refused_by_the_trust_rules_says_nothing_was_removed(
    window,
    person_with_records,  # noqa: F811 - the fixture of tests/ui/test_delete_a_record.py
    monkeypatch,
    warnings_shown,
):
    """The family moved to 小河村 (by the laptop's other window, say) while her panel was open:
    the records are no longer this laptop's to change, and the door refuses each delete."""
    panel, person = person_with_records
    _moved_out(window, person)
    for said in _refused_everywhere(panel, person, monkeypatch, warnings_shown):
        assert said.startswith(KEPT + "。\n\n"), said
        assert "不在" in said and "负责的范围内" in said, said


def test_a_refused_delete_says_so_in_english(window, dated_ahead, monkeypatch, warnings_shown):
    panel, person = dated_ahead
    window.set_language("en")
    try:
        said = _refused_everywhere(panel, person, monkeypatch, warnings_shown)
        for text in said:
            assert text.startswith(
                "Nothing was deleted; everything shown is still there. Set the right date, "
                "then delete again.\n\nThis computer's date is about 3 day(s) ahead"
            ), text
        _hub_reads(window, 0)
        _moved_out(window, person)
        said = _refused_everywhere(panel, person, monkeypatch, warnings_shown)
        for text in said:
            assert text.startswith("Nothing was deleted; everything shown is still there.\n\n")
    finally:
        window.set_language("zh_CN")


def test_a_draft_claims_delete_refused_for_the_date_says_it_is_kept(
    demo_window, qtbot, monkeypatch, warnings_shown
):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    assert claim is not None and claim.state == ClaimState.DRAFT
    page.tabs.setCurrentIndex(1)
    page._select_claim(claim.id)
    _hub_reads(demo_window, 40)
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, []))
    page.delete_button.click()
    assert len(warnings_shown) == 1, warnings_shown
    said = warnings_shown[0]
    assert said.startswith(KEPT + "：把日期改对后再删除一次即可。"), said
    assert "本机日期比县里慢了约40天。" in said, said
    assert ClaimQueries(page.session.ledger).get(claim.id).state == ClaimState.DRAFT
    assert claim.id in {c.id for c in page.claims.rows}


def test_a_trust_refusal_is_said_in_english_in_the_english_window(
    window,
    person_with_records,  # noqa: F811 - the fixture of tests/ui/test_delete_a_record.py
    monkeypatch,
    warnings_shown,
):
    """The write door's reason was its Chinese sentence in the English window too, then only
    the refusing rule's words (Outside this computer's area): it is now the door's whole
    sentence in English — which record, where it belongs, which device — the place and the
    device's name as stored. The Chinese window keeps the Chinese sentence."""
    panel, person = person_with_records
    window.set_language("en")
    try:
        _moved_out(window, person)
        said = _refused_everywhere(panel, person, monkeypatch, warnings_shown)
    finally:
        window.set_language("zh_CN")
    # (A visit's delete takes its services with it: the first the door refuses is a service.)
    records = ["Employment", "Unemployment registration", "Services", "Services"]
    outside = (
        "” belongs to 七星关区 市西街道 小河村, outside the area of 大坝村 "
        "(Village/site coordinator · 大坝村)"
    )
    kept = "Nothing was deleted; everything shown is still there.\n\n"
    assert said[:4] == [f"{kept}This “{record}{outside}" for record in records], said
    assert said[4].endswith(f"This “Person{outside}"), said[4]


def test_another_villages_deleted_person_is_said_in_english(window, monkeypatch):
    """已删除人员 of another village: the restore button's reason, in the language shown."""
    from fieldapp.services import persons

    session = window.session
    person = Records(session.ledger).select(Person, "name = '张长英'")[0]
    session.apply(persons.delete(session.ledger, session.actor, person.id, "重复录入"))
    _moved_out(window, person)
    english = "This “Person” belongs to 七星关区 市西街道 小河村, outside the area of 大坝村"
    for lang, said in (
        ("zh_CN", "不在大坝村（村/安置点专员 · 大坝村）负责的范围内"),
        ("en", english),
    ):
        window.set_language(lang)
        page = window.show_page("ledger")
        page.area.set_code("520502001")  # the township: both villages' people
        dialog = page.show_deleted()
        dialog.view.selectRow(0)
        assert not dialog.restore_button.isEnabled()
        assert said in dialog.restore_button.toolTip(), dialog.restore_button.toolTip()
        dialog.close()
    window.set_language("zh_CN")
