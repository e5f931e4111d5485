"""A person's history said whole in the window's language.

The English window said a history line in Chinese but for its reason: 删除, 恢复, 迁户：, 原因,
the fields' names, 空, the program's own words (劳动能力's 普通劳动力), 新增就业经历. Now every
piece is said in the language shown — the fields' and tables' names as the held lines name them,
a stored word of the program's through its translation, a day as `ui.days` says it, the reason as
`held_words.why_shown` — and what people typed stays as typed. The Chinese window says what it
said (a day now written 2026年3月1日, as the rest of the window writes it).
"""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import EmploymentForm, LabourAbility
from fieldapp.domain.models import EmploymentSpell
from fieldapp.services import persons, work
from tests.ui.person_panel import history_texts, person, shown
from tests.ui.test_reasons_shown import _moved


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _history(window) -> list[str]:
    """李建国's phone, labour ability and notes edited at once; a job added, then its start and
    form changed, then deleted; he deleted (迁出：嫁到纳雍县) and restored (误删): his
    history, newest first."""
    session = window.session
    ledger, actor = session.ledger, session.actor
    who = person(window, "李建国")
    edited = who.model_copy(
        update={"phone": "13800001111", "labour_ability": LabourAbility.WEAK, "notes": "腿脚不便"}
    )
    session.apply(persons.save(ledger, actor, edited, loaded=who, confirmed=True))
    spell = EmploymentSpell(person_id=who.id, start_date=dt.date(2026, 3, 1), employer="黔丰农业")
    job = session.apply(work.save_record(ledger, actor, spell))
    saved = spell.model_copy(update={"id": job.id})
    changed = saved.model_copy(
        update={"start_date": dt.date(2026, 4, 5), "form": EmploymentForm.FLEXIBLE}
    )
    session.apply(work.save_record(ledger, actor, changed, loaded=saved))
    session.apply(work.delete_record(ledger, actor, EmploymentSpell, job.id))
    session.apply(persons.delete(ledger, actor, who.id, "迁出：嫁到纳雍县"))
    session.apply(persons.restore(ledger, actor, who.id, "误删"))
    page, panel = shown(window, "李建国")
    return history_texts(panel)[:6]


def test_the_history_is_said_in_english(english):
    lines = _history(english)
    assert lines == [
        "Restored (reason: 误删)",
        "Deleted (reason: Moved away: 嫁到纳雍县)",
        "Employment: deleted",
        "Employment · Employment form: Employed by an organisation → Flexible employment; "
        "Start date: 1 March 2026 → 5 April 2026",
        "Employment: added",
        "Labour ability: Ordinary labour → Weak or partial labour; Notes: (empty) → 腿脚不便; "
        "Phone: (empty) → 13800001111",
    ], lines


def test_the_history_is_said_in_chinese(window):
    lines = _history(window)
    assert lines == [
        "恢复（原因：误删）",
        "删除（原因：迁出：嫁到纳雍县）",
        "删除就业经历",
        "就业经历·就业形式：单位就业 → 灵活就业；开始日期：2026年3月1日 → 2026年4月5日",
        "新增就业经历",
        "劳动能力：普通劳动力 → 弱劳动力或半劳动力；备注：空 → 腿脚不便；联系电话：空 → 13800001111",
    ], lines


def test_a_move_is_said_in_english(english):
    line = _moved(english, "Moved by marriage")
    # The households by their head and place, in the window's words (the names as typed).
    assert line == (
        "Moved household: household of 张长英 (大坝村 大坝村一组 8 号) → "
        "household of 赵大山 (大坝村 大坝村二组 3 号); Relation to head: Child → Spouse "
        "(reason: Moved by marriage: 嫁到赵家)"
    ), line


def test_a_move_is_said_in_chinese(window):
    line = _moved(window, "婚迁")
    assert line == (
        "迁户：张长英户（大坝村 大坝村一组 8 号） → 赵大山户（大坝村 大坝村二组 3 号）；"
        "与户主关系：子女 → 配偶（原因：婚迁：嫁到赵家）"
    ), line


def _households_said() -> list[str]:
    from fieldapp.store.queries.persons import HouseholdParts
    from fieldapp.ui.history_said import household_said

    return [
        household_said(
            HouseholdParts(head, "大坝村" if place else "", "一组 8 号" if place else "")
        )
        for head in ("张长英", "")
        for place in (True, False)
    ]


def test_a_household_without_a_head_or_a_place_in_english(english):
    assert _households_said() == [
        "household of 张长英 (大坝村 一组 8 号)",
        "household of 张长英",
        "a household with no head (大坝村 一组 8 号)",
        "a household with no head",
    ]


def test_a_household_without_a_head_or_a_place_in_chinese(window):
    assert _households_said() == [
        "张长英户（大坝村 一组 8 号）",
        "张长英户",
        "无户主户（大坝村 一组 8 号）",
        "无户主户",
    ]
