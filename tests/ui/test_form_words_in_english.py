"""In English the forms offered the program's own words in Chinese: the 走访 page's service
tick boxes (岗位推荐, 职业培训 …) and training kinds, the combos of a job's form, a relation, a
category …, and the 申领 tab's claim states. They are now said in English, while what is stored
stays the Chinese word: a visit saved in English stores exactly what the same visit saved in
Chinese does; a kind typed by hand is stored as typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from fieldapp.domain.enums import EmploymentForm, Relation
from fieldapp.domain.models import ServiceRecord
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.ui.widgets import EnumCombo
from tests.english import in_english
from tests.records import Records
from tests.ui.conftest import wait_idle
from tests.ui.test_visit_in_progress import person
from tests.ui.welfare_post import post_worker  # noqa: F401 - a fixture


def _save_a_training_visit(window, notes: str) -> tuple[list[str], list[str]]:
    """李建国 visited, 岗位推荐 and 职业培训 ticked, the training 创业培训 (the list's second)
    chosen; the boxes' words, and the training's kinds as the list says them."""
    page = window.show_page("visits")
    page.prefill(person(window, "李建国").id, "岗位推荐")
    page.service_checks["职业培训"].setChecked(True)
    page.training_kind.setCurrentIndex(1)
    page.notes.setText(notes)
    words = [check.text() for check in page.service_checks.values()]
    kinds = [page.training_kind.itemText(n) for n in range(page.training_kind.count())]
    assert page.save(), page.status.text()
    return words, kinds


def _stored(window, notes: str) -> list[tuple[str, str]]:
    services = Records(window.session.ledger).select(ServiceRecord, "notes = ?", [notes])
    return sorted((str(s.service_type), s.training_kind) for s in services)


def test_a_visit_saved_in_english_stores_what_one_saved_in_chinese_does(window, warnings_shown):
    words, kinds = _save_a_training_visit(window, "想学开网店")
    assert "岗位推荐" in words and "创业培训" in kinds
    chinese = _stored(window, "想学开网店")
    assert chinese == [("岗位推荐", ""), ("职业培训", "创业培训")]
    window.set_language("en")
    try:
        words, kinds = _save_a_training_visit(window, "想学开网店（二）")  # the same, in English
        assert "Job recommendation" in words and "Vocational training" in words, words
        assert kinds[1] == "Start-up training", kinds
        assert all(word.isascii() for word in words + kinds), (words, kinds)
        assert _stored(window, "想学开网店（二）") == chinese
        assert "Vocational training (5 day(s))" in window.show_page("visits").status.text()
        # A kind typed by hand is stored as typed.
        page = window.show_page("visits")
        page.prefill(person(window, "李建国").id, "职业培训")
        page.training_kind.setEditText("电商直播培训")
        assert page.chosen_training_kind() == "电商直播培训"
        page.training_kind.setEditText("Start-up training")
        assert page.chosen_training_kind() == "创业培训"
        page.discard_unsaved()
    finally:
        window.set_language("zh_CN")
    assert not warnings_shown


def test_a_combo_of_the_programs_words_shows_english_and_gives_the_chinese(qapp):
    with in_english():
        combo = EnumCombo(EmploymentForm)
        combo.set_value("灵活就业")
        assert combo.currentText() == "Flexible employment" and combo.value() == "灵活就业"
        relation = EnumCombo(Relation)
        assert relation.itemText(relation.findData("配偶")) == "Spouse"
        relation.set_value("干亲")  # a word this program does not have: shown as it is
        assert relation.currentText() == "干亲" and relation.value() == "干亲"
    assert EnumCombo(EmploymentForm).itemText(0) == str(list(EmploymentForm)[0])


def test_a_claims_state_is_said_in_english(post_worker, window, qtbot, warnings_shown):  # noqa: F811
    page = window.show_page("subsidies")
    page.on.set_value(dt.date(2026, 11, 30))
    page.find_eligible()
    wait_idle(qtbot, page)
    row = next(n for n, r in enumerate(page.results.rows) if r.name == "赵六")
    page.results_view.selectRow(row)
    claim = page.create_claim()
    assert claim is not None, warnings_shown
    window.set_language("en")
    try:
        english = window.show_page("subsidies")
        english.refresh_claims()
        model = english.claims
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert model.index(0, headers.index("State")).data() == "Draft", headers
        english.show_claim(claim.id)
        assert "Draft" in english.claim_steps.toPlainText()
        offered = [english.target.itemText(n) for n in range(english.target.count())]
        assert offered == ["Submitted"], offered
        assert english.target.currentData() == "已提交"
    finally:
        window.set_language("zh_CN")
    assert ClaimQueries(window.session.ledger).get(claim.id).state == "草稿"
