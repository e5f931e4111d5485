"""A write the door refuses was said, in the English window, by the refusing rule's short name
alone (Outside this computer's area): the sentence — which record, where, whose claim, which
step and who may take it — was lost. The door now keeps each refusal as a template and its
parts (`fieldapp.domain.sentences`): the English window fills the template's English with the
parts in English where they are the program's words (a table, a field, a claim's state, a
role), names and places as stored; the Chinese window says the door's Chinese sentence."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.domain import sentences
from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.domain.models import EmploymentSpell, Person
from fieldapp.services.trust_check import TrustRefused
from fieldapp.store.ledger import Ledger
from fieldapp.ui import held_words
from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.records import Records
from tests.services.refusal_scenarios import SCENARIOS
from tests.ui.conftest import UI_USER, VILLAGE, answered, enrol_as, fill_ledger
from tests.ui.in_english import CHINESE, _stored
from tests.ui.with_records import person_with_records  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, enrolled as 大坝村's laptop (the door judges its writes)."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    ledger.close()
    return path


@pytest.fixture
def english(qapp):
    with in_english():
        yield


def test_every_refusal_is_said_whole_in_english(english):
    for name, make in SCENARIOS.items():
        verdict = make()
        assert verdict.said is not None, name
        shown = held_words.reason_shown(verdict.rule, verdict.reason, verdict.said)
        assert shown != held_words.rule_word(verdict.rule), name  # more than the rule's name
        left = shown
        for stored in sorted(_stored(verdict.said), key=len, reverse=True):
            assert stored in shown, (name, stored, shown)
            left = left.replace(stored, "")
        assert not CHINESE.search(left), (name, shown)  # every word of the program's English
        assert not shown[:1].islower(), shown


def test_a_refusal_fills_its_parts_in_english(english):
    verdict = SCENARIOS["claim_step"]()
    error = TrustRefused(verdict)
    assert message_for(error) == (
        "Taking a claim from “Village reviewed” to “Township reviewed” is the township review: "
        "only a township or county device can do it (红星村 (Village/site coordinator · "
        "a village in 七星关区梨树镇))"
    )
    assert str(error) == verdict.reason  # the Chinese, as stored and printed, unchanged


def test_the_chinese_window_says_the_doors_sentence(qapp):
    for make in SCENARIOS.values():
        verdict = make()
        error = TrustRefused(verdict)
        assert message_for(error) == verdict.reason
        assert held_words.reason_shown(verdict.rule, verdict.reason, verdict.said) == (
            verdict.reason
        )


def _waiting_claim(window) -> Person:
    """张长英 with a claim submitted and waiting for its payment: her deletion is refused."""
    records = Records(window.session.ledger)
    person = records.select(Person, "name = '张长英'")[0]
    records.save(
        Claim(
            person_id=person.id,
            rule_id="r1",
            rule_title="乡村公益性岗位补贴",
            amount=500.0,
            state=ClaimState.SUBMITTED,
            area_code=VILLAGE,
            person_name=person.name,
            claim_date=dt.date(2026, 11, 2),
        )
    )
    return person


def _deletion_refused(window, person: Person) -> str:
    window.open_person(person.id)
    panel = window.show_page("ledger").panel
    assert not panel.delete_person("重复录入")
    assert Records(window.session.ledger).select(Person, "name = '张长英'")
    return panel.delete_dialog.error.text()


def test_a_refused_deletion_is_said_in_english_in_the_english_window(window):
    person = _waiting_claim(window)
    window.set_language("en")
    try:
        said = _deletion_refused(window, person)
    finally:
        window.set_language("zh_CN")
    assert said.endswith(
        "张长英's “乡村公益性岗位补贴” is “Submitted” and waiting to be paid: 张长英 cannot be "
        "deleted. Deleted, the roster would still pay the money to someone the ledger no longer "
        "holds. If they must be deleted, first reject the claim (the county reverses an approved "
        "one), then delete the person"
    ), said
    assert "等待发放" not in said


def test_a_refused_deletion_is_said_in_chinese_in_the_chinese_window(window):
    said = _deletion_refused(window, _waiting_claim(window))
    assert said.endswith(
        "张长英的“乡村公益性岗位补贴”已「已提交」，等待发放，张长英不能删除：删除以后花名册照样会"
        "把这笔钱发给台账上已没有的人。如确需删除，请先驳回这条申领（已审批的由县里撤销），"
        "再删除这个人"
    ), said


def test_the_check_fails_while_a_template_lacks_english(tmp_path, monkeypatch, capsys):
    """A template added to the door without its English: `update_translations.py --check`
    says so and fails (the catalogue written from the templates, as the script writes it)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import update_translations

    new = "测试：%1还没有英文"
    monkeypatch.setitem(sentences.TEMPLATES, new, None)
    catalogue = tmp_path / update_translations.CATALOGUE.name
    catalogue.write_text(update_translations.catalogue(), encoding="utf-8")
    assert new in catalogue.read_text(encoding="utf-8")
    everything = update_translations.sources()
    monkeypatch.setattr(update_translations, "CATALOGUE", catalogue)
    monkeypatch.setattr(
        update_translations,
        "sources",
        lambda: [*(s for s in everything if not s.endswith(catalogue.name)), str(catalogue)],
    )
    assert update_translations.main(["--check"]) == 1
    assert capsys.readouterr().out == f"no English for: {new!r}\n"


def _claimed_job(window, with_records, monkeypatch, warnings_shown) -> str:
    """张长英's job, paid for by her claim waiting for payment: its delete refused."""
    panel, person = with_records
    records = Records(window.session.ledger)
    job = records.person_records(EmploymentSpell, person.id)[0]
    records.save(
        Claim(
            person_id=person.id,
            rule_id="r1",
            rule_title="就业补贴",
            amount=500.0,
            state=ClaimState.SUBMITTED,
            area_code=VILLAGE,
            person_name=person.name,
            spell_id=job.id,
            event_date=job.start_date,
            claim_date=job.start_date,
        )
    )
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.Yes, []))
    panel.spells_view.selectRow(0)
    panel.delete_spell()
    assert records.person_records(EmploymentSpell, person.id) == [job]
    assert len(warnings_shown) == 1, warnings_shown
    return warnings_shown[0]


def test_a_claimed_jobs_delete_is_refused_in_english(
    window,
    person_with_records,  # noqa: F811 - the fixture of tests/ui/test_delete_a_record.py
    monkeypatch,
    warnings_shown,
):
    window.set_language("en")
    try:
        said = _claimed_job(window, person_with_records, monkeypatch, warnings_shown)
    finally:
        window.set_language("zh_CN")
    assert said == (
        "Nothing was deleted; everything shown is still there.\n\n"
        "张长英's job begun on 2 November 2026 is claimed for “就业补贴” (Submitted): the job "
        "cannot be deleted, as the claim rests on it — its start date, employer, place and form "
        "stay as they were when claimed. To correct it, first reject the claim (the county "
        "reverses an approved one), then correct the job and claim again"
    )


def test_a_claimed_jobs_delete_is_refused_in_chinese(
    window,
    person_with_records,  # noqa: F811 - the fixture of tests/ui/test_delete_a_record.py
    monkeypatch,
    warnings_shown,
):
    said = _claimed_job(window, person_with_records, monkeypatch, warnings_shown)
    assert said == (
        "这次没有删除任何内容，显示的记录都还在。\n\n"
        "张长英2026年11月2日开始的就业已申领“就业补贴”（已提交），这条就业不能删除：申领以它为依据，"
        "开始日期、单位、地点和就业形式以申领时为准。如确需更正，请先驳回这条申领（已审批的由县里"
        "撤销），再更正就业并重新申领"
    )
