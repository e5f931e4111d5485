"""新增家庭成员 on a household that has its head opened the editor at 与户主关系 户主: a
coordinator who typed the name and ID number and saved gave the household a second 户主 (the
household still naming the first as its head), with no word said. A new member of a household
with a head starts at 子女 — the member most often added (a birth, a child come home); a
new household's first person, or a household without a head, still starts at 户主."""

from __future__ import annotations

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Person
from tests.records import Records


def test_a_new_member_of_a_household_with_a_head_is_not_its_head(window, qtbot):
    page = window.show_page("ledger")
    ledger = window.session.ledger
    head = Records(ledger).select(Person, "name = ?", ["张长英"])[0]
    assert head.relation == Relation.HEAD  # (the household names no head: its member does)
    editor = page.new_person(head.household_id)
    try:
        assert editor.relation.value() == Relation.CHILD
    finally:
        editor.discard()
        editor.deleteLater()
    editor = page.new_person()  # a new household: its first person heads it
    try:
        assert editor.relation.value() == Relation.HEAD
    finally:
        editor.discard()
        editor.deleteLater()
