"""Whose each held change is (`rejected.subject_of`), said for every held change at once: the
rows they name are read together, a statement per table, not four lookups a change (2,000 held
changes took 434 ms). Said as before: a person by name, a household as 张三家 or its address."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.enums import Category, Relation
from fieldapp.domain.models import CategoryMembership, Household, Person
from fieldapp.store.ledger import Ledger
from fieldapp.sync.rejected import Subjects, subject_of
from tests.conftest import make_id
from tests.records import Records


def _village(ledger: Ledger) -> list[tuple[str, str, dict[str, Any]]]:
    """Changes of every kind `subject_of` tells apart, with whose each is."""
    repo = Records(ledger)
    headed = repo.save(Household(area_code="520502001001", address="大坝村一组 8 号"))
    headless = repo.save(Household(area_code="520502001001", address="大坝村二组 3 号"))
    head, _ = repo.add_person(
        Person(name="王大山", id_number=make_id(seq="111"), household_id=headed)
    )
    child, _ = repo.add_person(
        Person(
            name="王小明",
            id_number=make_id(birth="20100101", seq="131"),
            household_id=headed,
            relation=Relation.CHILD,
        )
    )
    lodger, _ = repo.add_person(
        Person(
            name="李四",
            id_number=make_id(birth="19900101", seq="151"),
            household_id=headless,
            relation=Relation.OTHER,
        )
    )
    category = repo.save(CategoryMembership(person_id=child, category=Category.RETURNED))
    gone, _ = repo.add_person(
        Person(name="赵五", id_number=make_id(birth="19700101", seq="171"), household_id=headless)
    )
    ledger.delete("persons", gone)
    return [
        ("persons", child, {"phone": "13800138000"}),  # 王小明
        ("persons", "p-not-here", {"name": "新来的"}),  # a new person's own name
        ("person_categories", category, {"end_date": "2026-01-01"}),  # 王小明's
        ("households", headed, {"address": "大坝村一组 9 号"}),  # 王大山家
        ("households", headless, {}),  # no head: its address
        ("persons", lodger, {"phone": "1"}),  # 李四
        ("person_categories", "c-not-here", {"person_id": gone}),  # deleted, still named
        ("visits", "v-not-here", {"household_id": headless}),  # 大坝村二组 3 号
        ("visits", "v-nobody", {"note": "x"}),  # '' (whose unknown)
        ("", "", {}),
    ]


EXPECTED = ["王小明", "新来的", "王小明", "王大山家", "大坝村二组 3 号", "李四", "赵五"]
EXPECTED += ["大坝村二组 3 号", "", ""]


def test_subjects_said_together_are_those_said_one_by_one(ledger):
    changes = _village(ledger)
    one_by_one = [subject_of(ledger, *change) for change in changes]
    assert one_by_one == EXPECTED
    subjects = Subjects(ledger, changes)
    assert [subjects.of(*change) for change in changes] == EXPECTED


def test_the_rows_are_read_together_not_per_change(ledger):
    changes = _village(ledger)
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        Subjects(ledger, changes[:1])
        few = len(statements)
        statements.clear()
        subjects = Subjects(ledger, changes * 40)  # 400 changes
        [subjects.of(*change) for change in changes * 40]
        many = len(statements)
    finally:
        ledger.db.conn.set_trace_callback(None)
    # A statement per table named and one each for persons, households and heads — however
    # many changes (one by one it was up to four a change).
    assert 1 <= few <= 4 and 4 <= many <= 7, (few, many, statements)
