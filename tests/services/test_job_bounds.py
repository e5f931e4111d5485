"""The job service (`work.save_record`, `work.start_job`) refuses a job's figure no job has — a
月收入 below zero or past 100 万元, a 劳动合同期限 or 社保缴费月数 past 100 years, a 培训天数 of
a million days — as the sheet's cells and the job editor's boxes refuse them, naming the person
and the field, nothing written. A figure stored before the bound came (an older import kept
999,999 months) stays, and the job keeps saving, until that figure is edited."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest

from fieldapp.domain.bounds import MOST_AMOUNT, MOST_DAYS, MOST_MONTHS
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.models import Area, EmploymentSpell, Household, Person
from fieldapp.services import work
from fieldapp.services.writer import actor_of
from tests.conftest import make_id
from tests.english import said_in_english

START = dt.date(2026, 3, 1)


@pytest.fixture
def person(repo):
    repo.ensure_area(Area(code="520502101001", name="红星村", kind="村"))
    home = repo.save(Household(area_code="520502101001"))
    number = make_id("520502", "19800115", "301")
    found, _ = repo.add_person(Person(name="张三", id_number=number, household_id=home))
    return found


def _job(person_id: str, **figures: object) -> EmploymentSpell:
    return EmploymentSpell(person_id=person_id, start_date=START, employer="某电子厂", **figures)


def _jobs(ledger) -> int:
    return ledger.db.execute("SELECT count(*) FROM employment_spells").fetchone()[0]


#: Each refusal: the figures of a new job, and how its Chinese begins.
REFUSED: list[tuple[dict[str, float], str]] = [
    (
        {"monthly_income": MOST_AMOUNT + 0.01},
        "张三的月收入“1000000.01”超过 100 万元，不会是一个月的收入",
    ),
    ({"monthly_income": 1e300}, "张三的月收入“1e+300”超过 100 万元"),
    ({"monthly_income": -1.0}, "张三的月收入“-1”不能为负数"),
    ({"monthly_income": math.inf}, "张三的月收入“inf”不是数字"),
    (
        {"contract_months": MOST_MONTHS + 1},
        "张三的劳动合同期限（月）“1201”超过 100 年，不会有这么长的期限",
    ),
    ({"insurance_months": 12_000_000}, "张三的社保缴费月数“12000000”超过 100 年"),
    ({"insurance_months": -3}, "张三的社保缴费月数“-3”不能为负数"),
    (
        {"training_days": MOST_DAYS + 1},
        "张三的培训天数“1000000”超过 999999 天，不会有这么长的培训",
    ),
]


@pytest.mark.parametrize(("figures", "said"), REFUSED)
def test_a_new_job_past_a_bound_is_refused_naming_the_person_and_field(
    ledger, person, figures, said
):
    with pytest.raises(ValidationFailed) as refused:
        work.save_record(ledger, actor_of(ledger), _job(person, **figures))
    assert str(refused.value).startswith(said), str(refused.value)
    assert _jobs(ledger) == 0
    with pytest.raises(ValidationFailed):
        work.start_job(ledger, actor_of(ledger), _job(person, **figures), [])
    assert _jobs(ledger) == 0


def test_the_bounds_themselves_are_taken(ledger, person):
    made = work.save_record(
        ledger,
        actor_of(ledger),
        _job(person, monthly_income=float(MOST_AMOUNT), contract_months=MOST_MONTHS,
             insurance_months=0, training_days=MOST_DAYS),
    )  # fmt: skip
    row = ledger.get("employment_spells", made.id)
    assert (row["monthly_income"], row["contract_months"]) == (MOST_AMOUNT, MOST_MONTHS)


def _stored_long_ago(repo, person: str) -> EmploymentSpell:
    """A job an older import stored with 999,999 months and 2,000,000 元 (written past the job
    service, as that import wrote it)."""
    spell = _job(person, monthly_income=2_000_000.0, contract_months=999_999, insurance_months=12)
    return repo.get(EmploymentSpell, repo.save(spell))


def test_an_old_figure_past_a_bound_keeps_saving_until_it_is_edited(ledger, repo, person):
    old = _stored_long_ago(repo, person)
    actor = actor_of(ledger)
    # The editor's way: what it showed, and the field changed.
    edited = old.model_copy(update={"employer": "某服装厂"})
    work.save_record(ledger, actor, edited, old)
    # A caller without what was shown: the whole record, its old figures as stored.
    again = edited.model_copy(update={"insurance_months": 24})
    work.save_record(ledger, actor, again)
    row = ledger.get("employment_spells", old.id)
    assert (row["employer"], row["insurance_months"]) == ("某服装厂", 24)
    assert (row["contract_months"], row["monthly_income"]) == (999_999, 2_000_000)
    # Edited, the figure is judged: another figure past the bound is refused, named.
    logged = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    for figures, said in (
        ({"contract_months": 999_998}, "张三的劳动合同期限（月）“999998”超过 100 年"),
        ({"monthly_income": 3_000_000.0}, "张三的月收入“3000000”超过 100 万元"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            work.save_record(ledger, actor, again.model_copy(update=figures), again)
        assert str(refused.value).startswith(said), str(refused.value)
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == logged
    # Brought within the bound, it saves.
    work.save_record(ledger, actor, again.model_copy(update={"contract_months": 36}), again)
    assert ledger.get("employment_spells", old.id)["contract_months"] == 36


def test_a_new_job_ends_an_old_one_with_a_figure_past_a_bound(ledger, repo, person):
    """Starting a job ends the open one before it: its old 999,999 months are not touched."""
    old = _stored_long_ago(repo, person)
    new = _job(person, monthly_income=3000.0).model_copy(update={"start_date": dt.date(2026, 6, 1)})
    work.start_job(ledger, actor_of(ledger), new, [old])
    row = ledger.get("employment_spells", old.id)
    assert row["end_date"] == "2026-05-31" and row["contract_months"] == 999_999
    assert _jobs(ledger) == 2


def test_the_refusal_is_said_in_english_too(ledger, person, qapp):
    refusals = {}
    for key, figures in (("income", {"monthly_income": 2e6}), ("term", {"contract_months": 5000})):
        with pytest.raises(ValidationFailed) as refused:
            work.save_record(ledger, actor_of(ledger), _job(person, **figures))
        refusals[key] = refused.value
    english = said_in_english(refusals)
    assert "张三" in english["income"] and "Monthly income" in english["income"], english
    assert "more than 1,000,000 yuan" in english["income"], english  # not 100 × 10,000
    assert "100" in english["term"] and "张三" in english["term"], english
    assert not any("\u4e00" <= c <= "\u9fff" for c in english["term"].replace("张三", "")), english


def said_here(tmp_path: Path) -> set[str]:
    """The templates of `REFUSED`, each said by the job service of a real ledger (for
    `test_every_template_is_met_by_a_scenario`)."""
    from fieldapp.domain.sentences import Sentence
    from fieldapp.store.ledger import Ledger
    from tests.records import Records
    from tests.services.sentence_checks import templates

    tmp_path.mkdir(exist_ok=True)
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    try:
        repo = Records(ledger)
        repo.ensure_area(Area(code="520502101001", name="红星村", kind="村"))
        home = repo.save(Household(area_code="520502101001"))
        number = make_id("520502", "19800115", "301")
        found, _ = repo.add_person(Person(name="张三", id_number=number, household_id=home))
        met: set[str] = set()
        for figures, _said in REFUSED:
            with pytest.raises(ValidationFailed) as refused:
                work.save_record(ledger, actor_of(ledger), _job(found, **figures))
            assert isinstance(refused.value.said, Sentence)
            met |= templates(refused.value.said)
        return met
    finally:
        ledger.close()
