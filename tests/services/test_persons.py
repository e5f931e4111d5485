"""Persons: the entry rules (duplicate ID refused naming the existing person, namesakes
confirmed), categories kept with their history, a new household and its head, deletion."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import Category, Relation
from fieldapp.domain.errors import DuplicateIdNumber, NeedsConfirmation
from fieldapp.domain.models import Area, CategoryMembership, EmploymentSpell, Household, Person
from fieldapp.domain.places_said import say_place
from fieldapp.reference import divisions
from fieldapp.services import areas, persons
from fieldapp.services.changes import Kind
from fieldapp.services.writer import actor_of
from fieldapp.store.queries import records
from fieldapp.store.queries.areas import listed_places
from fieldapp.store.queries.history import person_history
from tests.conftest import make_id

VILLAGE = "520502101001"


@pytest.fixture
def actor(ledger):
    return actor_of(ledger)


@pytest.fixture
def household(ledger, actor, repo):
    areas.ensure(
        ledger,
        actor,
        [
            Area(code="520502101", name="碧海街道", kind="乡镇", parent_code="520502"),
            Area(code=VILLAGE, name="红星村", kind="村", parent_code="520502101"),
        ],
    )
    return repo.save(Household(area_code=VILLAGE, address="一组"))


def _count(ledger) -> int:
    return ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]


def test_same_id_anywhere_is_refused_naming_the_existing_person(ledger, actor, household):
    number = make_id()
    persons.save(ledger, actor, Person(name="王芳", id_number=number, household_id=household))
    with pytest.raises(DuplicateIdNumber) as err:
        persons.save(ledger, actor, Person(name="王小芳", id_number=" " + number.lower()))
    assert err.value.existing_name == "王芳"
    assert "红星村" in str(err.value) and number in str(err.value)
    assert _count(ledger) == 1


def test_same_name_and_birth_date_needs_confirmation(ledger, actor, household):
    persons.save(
        ledger, actor, Person(name="王芳", id_number=make_id(seq="124"), household_id=household)
    )
    twin = Person(name="王芳", id_number=make_id(region="520302", seq="126"))
    with pytest.raises(NeedsConfirmation, match="同名同出生日期") as asked:
        persons.save(ledger, actor, twin)
    assert asked.value.said is not None and asked.value.said.template == persons.NAMESAKE
    assert _count(ledger) == 1
    changes = persons.save(ledger, actor, twin, confirmed=True)
    assert any("同名同出生日期" in str(w) for w in changes.warnings)
    assert _count(ledger) == 2


def test_unknown_region_saves_with_a_warning(ledger, actor):
    changes = persons.save(ledger, actor, Person(name="刘一", id_number=make_id(region="529999")))
    assert changes.warnings and "529999" in str(changes.warnings[0])


def test_deleted_person_id_can_be_entered_again_but_history_remains(ledger, actor):
    number = make_id()
    first = persons.save(ledger, actor, Person(name="王芳", id_number=number)).id
    deleted = persons.delete(ledger, actor, first)
    assert deleted.ids(Kind.PERSONS) == {first}
    again = persons.save(ledger, actor, Person(name="王芳", id_number=number)).id
    assert again != first
    assert ledger.get("persons", first)["deleted"] == 1


def test_history_lists_every_field_change_with_old_and_new(ledger, actor, household, repo):
    pid = persons.save(
        ledger, actor, Person(name="王芳", id_number=make_id(), household_id=household)
    ).id
    for phone in ("13800000000", "13900000000"):
        person = records.get(ledger, Person, pid).model_copy(update={"phone": phone})
        persons.save(ledger, actor, person)
    repo.save(EmploymentSpell(person_id=pid, start_date="2026-03-01", employer="遵义某厂"))
    history = person_history(ledger, pid)
    phone = [(h.old, h.new) for h in history if h.field == "phone"]
    assert phone == [("", "13800000000"), ("13800000000", "13900000000")]
    assert any(h.table == "employment_spells" and h.new == "遵义某厂" for h in history)
    assert all(h.author == "测试员" and h.device_id == ledger.device_id for h in history)


def test_a_place_is_said_up_the_ledgers_tree(ledger, household):
    assert say_place(VILLAGE, divisions(), listed_places(ledger)) == "碧海街道 红星村"


def test_a_new_household_and_its_head_in_one_change_set(ledger, actor, household):
    head = Person(name="张长英", id_number=make_id(seq="301"), relation=Relation.HEAD)
    changes = persons.save(
        ledger,
        actor,
        head,
        new_household=Household(area_code=VILLAGE, address="二组 3 号"),
        categories=[Category.LIFTED],
    )
    saved = records.get(ledger, Person, changes.id or "")
    home = records.get(ledger, Household, saved.household_id or "")
    assert home.head_person_id == saved.id and home.address == "二组 3 号"
    assert changes.ids(Kind.PERSONS) == {saved.id}
    assert changes.ids(Kind.HOUSEHOLDS) == {home.id}
    assert len(changes.ids(Kind.CATEGORIES)) == 1


def test_a_refused_person_leaves_no_household_behind(ledger, actor, household):
    number = make_id(seq="303")
    persons.save(ledger, actor, Person(name="甲", id_number=number, household_id=household))
    before = ledger.db.execute("SELECT count(*) FROM households").fetchone()[0]
    with pytest.raises(DuplicateIdNumber):
        persons.save(
            ledger,
            actor,
            Person(name="乙", id_number=number),
            new_household=Household(area_code=VILLAGE),
        )
    assert ledger.db.execute("SELECT count(*) FROM households").fetchone()[0] == before


def test_categories_start_and_end_on_the_day_and_history_stays(ledger, actor, household):
    person = Person(name="李四", id_number=make_id(seq="305"), household_id=household)
    day1, day2 = dt.date(2026, 3, 1), dt.date(2026, 5, 1)
    pid = persons.save(
        ledger, actor, person, categories=[Category.LIFTED, Category.RELOCATED], on=day1
    ).id
    saved = records.get(ledger, Person, pid or "")
    changes = persons.save(ledger, actor, saved, categories=[Category.RELOCATED], on=day2)
    held = records.person_records(ledger, CategoryMembership, pid or "")
    by_category = {m.category: m for m in held}
    assert by_category[Category.LIFTED].end_date == day2  # ended, not deleted
    assert by_category[Category.RELOCATED].end_date is None
    assert changes.ids(Kind.CATEGORIES) == {by_category[Category.LIFTED].id}
    unchanged = persons.save(ledger, actor, saved, categories=[Category.RELOCATED], on=day2)
    assert not unchanged  # nothing to write: an empty change set


def test_an_account_typed_wrong_is_refused_where_the_person_is_saved(ledger, actor, household):
    """The account a subsidy is paid into is checked by the service that writes it, not only
    by the editor and the import: a save from anywhere with a slip in it (a letter, too few
    digits, Excel's zeros) is refused saying what is wrong; one already in the ledger, left as
    it is, is not refused again when another field is saved."""
    from fieldapp.domain import account
    from fieldapp.domain.errors import ValidationFailed

    number = make_id()
    for wrong, template in (
        ("6217 0000 12A4", account.NOT_DIGITS),
        ("62170000", account.LENGTH),
        ("6217002870012340000", account.EXCEL_ZEROS),
    ):
        with pytest.raises(ValidationFailed) as refused:
            persons.save(
                ledger,
                actor,
                Person(name="王芳", id_number=number, household_id=household, account_number=wrong),
            )
        assert refused.value.said is not None and refused.value.said.template == template
        assert wrong.strip() in str(refused.value)
    assert _count(ledger) == 0
    good = account.card_number("621700001234567")
    pid = persons.save(
        ledger,
        actor,
        Person(name="王芳", id_number=number, household_id=household, account_number=good),
    ).id
    # A short account written before the check (an old ledger, a sync): kept, another field
    # saved around it; changed, it is checked.
    ledger.db.execute("UPDATE persons SET account_number = '12345' WHERE id = ?", [pid])
    kept = records.get(ledger, Person, pid)
    persons.save(ledger, actor, kept.model_copy(update={"phone": "13800000000"}))
    assert records.get(ledger, Person, pid).account_number == "12345"
    with pytest.raises(ValidationFailed):
        persons.save(ledger, actor, kept.model_copy(update={"account_number": "123456"}))


def test_a_phone_and_account_saved_from_a_script_are_kept_as_the_editor_keeps_them(
    ledger, actor, household
):
    """The service keeps a phone and an account typed as the editor and the import keep them
    (`domain.phone.entered`, `domain.account.entered`): a script's "6217 0000 …" or
    "0857-…" saved as digits, a phone of spaces as none; those already in the ledger, however
    written, left as they are and not checked again when another field is saved."""
    from fieldapp.domain import account

    good = account.card_number("621700001234567")
    spaced = " ".join(good[i : i + 4] for i in range(0, len(good), 4))
    pid = persons.save(
        ledger,
        actor,
        Person(
            name="王芳",
            id_number=make_id(),
            household_id=household,
            phone=" 0857-８２２3344 ",
            account_number=f" {spaced} ",
        ),
    ).id
    saved = records.get(ledger, Person, pid)
    assert (saved.phone, saved.account_number) == ("08578223344", good)
    # Several numbers as the import keeps them; a phone of spaces is none.
    other = persons.save(
        ledger,
        actor,
        Person(name="李强", id_number=make_id(seq="125"), household_id=household, phone="   "),
    ).id
    assert records.get(ledger, Person, other).phone == ""
    # Written before the checks (an old ledger, a sync): kept as written, spaces around aside.
    ledger.db.execute(
        "UPDATE persons SET phone = '138 0000 000', account_number = '6217 0000' WHERE id = ?",
        [pid],
    )
    kept = records.get(ledger, Person, pid)
    persons.save(
        ledger,
        actor,
        kept.model_copy(
            update={"phone": " 138 0000 000", "account_number": "6217 0000 ", "notes": "外出"}
        ),
    )
    now = records.get(ledger, Person, pid)
    assert (now.phone, now.account_number, now.notes) == ("138 0000 000", "6217 0000", "外出")


def test_a_phone_of_several_numbers_is_checked_number_by_number(ledger, actor, household):
    """The import keeps several numbers joined by '、' and checks each; the service took the
    whole field as one number, so a good pair was refused and a changed one never checked."""
    from fieldapp.domain.errors import ValidationFailed

    pid = persons.save(
        ledger,
        actor,
        Person(name="王芳", id_number=make_id(), household_id=household, phone="13812345678"),
    ).id
    kept = records.get(ledger, Person, pid)
    persons.save(ledger, actor, kept.model_copy(update={"phone": "13812345678，0857-8221234"}))
    assert records.get(ledger, Person, pid).phone == "13812345678、08578221234"
    kept = records.get(ledger, Person, pid)
    with pytest.raises(ValidationFailed) as err:
        persons.save(ledger, actor, kept.model_copy(update={"phone": "13812345678、1381234567"}))
    assert "1381234567" in str(err.value) and "11 位" in str(err.value)
    assert records.get(ledger, Person, pid).phone == "13812345678、08578221234"


def test_an_old_phone_the_editor_loaded_is_not_checked_when_another_program_changed_it(
    ledger, actor, household
):
    """`check_entry` measured "changed" against the ledger's row: when another program saved
    the phone and account while an editor was open, the odd old ones the editor loaded (and
    the user never touched) were checked and the save refused. Measured against what the
    editor loaded now; only what changed from it is written."""
    from fieldapp.domain import account
    from fieldapp.domain.errors import ValidationFailed

    pid = persons.save(
        ledger, actor, Person(name="王芳", id_number=make_id(), household_id=household)
    ).id
    # Written before the checks (an old ledger): what the editor loads.
    ledger.db.execute(
        "UPDATE persons SET phone = '1380000000', account_number = '12345' WHERE id = ?", [pid]
    )
    loaded = records.get(ledger, Person, pid)
    good = account.card_number("621700001234567")
    # Another program corrects them while the editor is open.
    ledger.db.execute(
        "UPDATE persons SET phone = '13912345678', account_number = ? WHERE id = ?", [good, pid]
    )
    edited = loaded.model_copy(update={"notes": "外出"})
    with pytest.raises(ValidationFailed):  # no editor: the ledger's row is what it started from
        persons.save(ledger, actor, edited)
    persons.save(ledger, actor, edited, loaded=loaded)
    now = records.get(ledger, Person, pid)
    assert (now.phone, now.account_number, now.notes) == ("13912345678", good, "外出")
    # A phone changed in the editor is still checked, against what it loaded.
    with pytest.raises(ValidationFailed):
        persons.save(
            ledger, actor, loaded.model_copy(update={"phone": "1381234567"}), loaded=loaded
        )
    assert records.get(ledger, Person, pid).phone == "13912345678"
    # The row gone meanwhile: every field would be written, so each is checked as typed.
    ledger.db.execute("DELETE FROM persons WHERE id = ?", [pid])
    with pytest.raises(ValidationFailed):
        persons.save(ledger, actor, edited, loaded=loaded)


def test_a_phone_typed_with_the_chinese_zero_is_saved_as_its_digits(ledger, actor, household):
    """The import read 〇 (the input method's "ling") in a phone as 0 and kept 138〇… as
    1380…; the service refused the same number as not digits. One rule: kept as the import
    keeps it, a short one refused with its count."""
    from fieldapp.domain.errors import ValidationFailed

    pid = persons.save(
        ledger,
        actor,
        Person(
            name="王芳", id_number=make_id(), household_id=household, phone="138〇〇〇〇〇〇〇2"
        ),
    ).id
    assert records.get(ledger, Person, pid).phone == "13800000002"
    kept = records.get(ledger, Person, pid)
    with pytest.raises(ValidationFailed) as err:
        persons.save(ledger, actor, kept.model_copy(update={"phone": "138〇〇〇〇〇〇〇"}))
    assert "11 位" in str(err.value) and "10 位" in str(err.value)
    assert records.get(ledger, Person, pid).phone == "13800000002"


def test_a_person_deleted_while_the_editor_was_open_is_saved_tidied_as_checked(
    ledger, actor, household
):
    """`check_entry` checks every field as typed when the row the editor loaded is gone (the
    save writes the whole person again), but the save tidied the phone and account against
    what the editor loaded: "138 0000 0000" passed the check as a number typed and was
    written with its spaces, as no person typed now is. One base for both: the row gone,
    the phone and account are kept as typed ones are."""
    from fieldapp.domain import account

    good = account.card_number("621700001234567")
    spaced = " ".join(good[i : i + 4] for i in range(0, len(good), 4))
    pid = persons.save(
        ledger, actor, Person(name="王芳", id_number=make_id(), household_id=household)
    ).id
    # Written before the tidying (an old ledger): what the editor loads.
    ledger.db.execute(
        "UPDATE persons SET phone = '138 0000 0000', account_number = ? WHERE id = ?",
        [spaced, pid],
    )
    loaded = records.get(ledger, Person, pid)
    ledger.db.execute("DELETE FROM persons WHERE id = ?", [pid])  # another program's
    persons.save(ledger, actor, loaded.model_copy(update={"notes": "外出"}), loaded=loaded)
    now = records.get(ledger, Person, pid)
    assert (now.phone, now.account_number, now.notes) == ("13800000000", good, "外出")
    # The row there, what the editor loaded and the user left stays as it is.
    ledger.db.execute("UPDATE persons SET phone = '138 0000 0000' WHERE id = ?", [pid])
    kept = records.get(ledger, Person, pid)
    persons.save(ledger, actor, kept.model_copy(update={"notes": "在家"}), loaded=kept)
    assert records.get(ledger, Person, pid).phone == "138 0000 0000"


def test_an_edit_reads_the_persons_row_once_for_its_checks_and_its_correction(
    ledger, actor, household
):
    """A save from the editor read the person's row three times itself before the writer
    read it: for the phone and account checks, again to tidy them, and again for its
    unreadable fields (7 reads of the row in all). The service reads it once (5 in all, the
    writer's own left); the edit is still written."""
    pid = persons.save(
        ledger, actor, Person(name="王芳", id_number=make_id(), household_id=household)
    ).id
    loaded = records.get(ledger, Person, pid)
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        persons.save(ledger, actor, loaded.model_copy(update={"notes": "外出"}), loaded=loaded)
    finally:
        ledger.db.conn.set_trace_callback(None)
    reads = [s for s in statements if s == f"SELECT * FROM [persons] WHERE id = '{pid}'"]
    assert len(reads) <= 5, reads
    assert records.get(ledger, Person, pid).notes == "外出"
