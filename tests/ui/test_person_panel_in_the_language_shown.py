"""The person panel said in the window's language.

The English window showed a person's stored option words as stored, in Chinese: the household
members' 与户主关系, 性别 and 劳动能力 (男, 配偶, 普通劳动力), and the summary's 性别 / 出生,
与户主关系, 劳动能力, 健康状况, 人员类别 and this month's status (已就业), and a job's form.
The panel now says them as the ledger list does (`held_words.stored_word`); what is stored
stays Chinese, and the Chinese window shows what it showed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import EmploymentForm, LabourAbility, WorkStatus
from fieldapp.domain.models import EmploymentSpell, MonthlyStatus
from fieldapp.domain.month import Month
from fieldapp.services import persons, work
from tests.ui.person_panel import person, shown


@pytest.fixture
def english(window):
    window.set_language("en")
    yield window
    window.set_language("zh_CN")


def _panel(window):
    """李建国 made weak or partial labour, employed this month, with a flexible job: his panel."""
    session = window.session
    ledger, actor = session.ledger, session.actor
    who = person(window, "李建国")
    weak = who.model_copy(update={"labour_ability": LabourAbility.WEAK})
    session.apply(persons.save(ledger, actor, weak, loaded=who, confirmed=True))
    status = MonthlyStatus(
        person_id=who.id, month=str(Month.current()), status=WorkStatus.EMPLOYED, income=4800
    )
    session.apply(work.set_monthly_status(ledger, actor, status))
    spell = EmploymentSpell(
        person_id=who.id,
        start_date=dt.date(2026, 3, 1),
        form=EmploymentForm.FLEXIBLE,
        employer="黔丰农业",
    )
    session.apply(work.save_record(ledger, actor, spell))
    _page, panel = shown(window, "李建国")
    return panel


def _members(panel) -> dict[str, tuple[str, str, str]]:
    model = panel.members
    return {
        model.index(row, 0).data(): tuple(model.index(row, column).data() for column in (1, 2, 4))
        for row in range(model.rowCount())
    }


def test_the_panel_says_its_words_in_english(english):
    panel = _panel(english)
    assert _members(panel) == {
        "张长英": ("Head", "Male", "Ordinary labour"),
        "李建国": ("Spouse", "Male", "Weak or partial labour"),
        "王小明": ("Child", "Male", "Ordinary labour"),
    }
    text = panel.summary.text()
    for word in ("Male", "Spouse", "Healthy", "Employed"):
        assert word in text
    for word in ("男", "配偶", "劳动力", "健康", "已就业", "："):
        assert word not in text
    assert panel.spells.index(0, 1).data() == "Flexible employment"
    # What is stored stays Chinese.
    row = panel.members.rows[1]
    assert (row.sex, row.relation) == ("男", "配偶")


def test_the_panel_says_its_words_in_chinese(window):
    panel = _panel(window)
    assert _members(panel) == {
        "张长英": ("户主", "男", "普通劳动力"),
        "李建国": ("配偶", "男", "弱劳动力或半劳动力"),
        "王小明": ("子女", "男", "普通劳动力"),
    }
    text = panel.summary.text()
    for word in ("男", "配偶", "弱劳动力或半劳动力", "健康", "：已就业 4,800 元"):
        assert word in text
    assert panel.spells.index(0, 1).data() == "灵活就业"
