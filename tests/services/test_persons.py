"""Entry rules: duplicate ID refused with the existing record; same name + birth date warns."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import DuplicateIdNumber, NeedsConfirmation
from fieldapp.domain.models import Area, EmploymentSpell, Household, Person
from fieldapp.store.history import person_history
from tests.conftest import make_id


@pytest.fixture
def household(repo):
    repo.ensure_area(Area(code="520502101", name="碧海街道", kind="乡镇", parent_code="520502"))
    repo.ensure_area(Area(code="520502101001", name="红星村", kind="村", parent_code="520502101"))
    return repo.save(Household(area_code="520502101001", address="一组"))


def test_same_id_anywhere_is_refused_naming_the_existing_person(repo, household):
    number = make_id()
    repo.add_person(Person(name="王芳", id_number=number, household_id=household))
    with pytest.raises(DuplicateIdNumber) as err:
        repo.add_person(Person(name="王小芳", id_number=" " + number.lower()))
    assert err.value.existing_name == "王芳"
    assert "红星村" in str(err.value) and number in str(err.value)
    assert repo.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 1


def test_same_name_and_birth_date_needs_confirmation(repo, household):
    repo.add_person(Person(name="王芳", id_number=make_id(seq="124"), household_id=household))
    twin = Person(name="王芳", id_number=make_id(region="520302", seq="126"))
    with pytest.raises(NeedsConfirmation, match="同名同出生日期"):
        repo.add_person(twin)
    assert repo.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 1
    _, warnings = repo.add_person(twin, confirmed=True)
    assert any("同名同出生日期" in w for w in warnings)


def test_unknown_region_saves_with_a_warning(repo):
    _, warnings = repo.add_person(Person(name="刘一", id_number=make_id(region="529999")))
    assert warnings and "529999" in warnings[0]


def test_deleted_person_id_can_be_entered_again_but_history_remains(repo):
    number = make_id()
    pid, _ = repo.add_person(Person(name="王芳", id_number=number))
    repo.ledger.delete("persons", pid)
    new_id, _ = repo.add_person(Person(name="王芳", id_number=number))
    assert new_id != pid
    assert repo.ledger.get("persons", pid)["deleted"] == 1


def test_history_lists_every_field_change_with_old_and_new(repo, household):
    pid, _ = repo.add_person(Person(name="王芳", id_number=make_id(), household_id=household))
    repo.ledger.update("persons", pid, {"phone": "13800000000"})
    repo.ledger.update("persons", pid, {"phone": "13900000000"})
    repo.save(EmploymentSpell(person_id=pid, start_date="2026-03-01", employer="遵义某厂"))
    history = person_history(repo.ledger, pid)
    phone = [(h.old, h.new) for h in history if h.field == "phone"]
    assert phone == [("", "13800000000"), ("13800000000", "13900000000")]
    assert any(h.table == "employment_spells" and h.new == "遵义某厂" for h in history)
    assert all(h.author == "测试员" and h.device_id == repo.ledger.device_id for h in history)


def test_area_path_reads_up_the_tree(repo, household):
    assert repo.area_path("520502101001") == "碧海街道 红星村"
