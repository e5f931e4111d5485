"""A person the ledger holds twice after a sync (`persons.entered_twice`, said on the sync page
after an import) was a Chinese f-string, said in Chinese in the English window. It is a
template with its parts (the number masked, how many, each copy's name, place and who entered
it); a real ledger holding one person twice makes it here, its Chinese as it always was, and
the English window says it in English. The templates met (`said_here`) count for
`tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain import idnumber
from fieldapp.domain.models import Household, Person
from fieldapp.domain.sentences import Sentence
from fieldapp.services import persons
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.services.sentence_checks import templates

NUMBER = make_id(birth="19900101", seq="015")
#: A village of 七星关区 (碧阳街道 大坝村 in the division table).
VILLAGE = "520502001001"


def twice(tmp_path: Path) -> list[Sentence]:
    """What a ledger holding 罗明 twice (two devices each entered him offline, one by a
    known user, one before users were kept) says of him."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    ledger = Ledger.open(tmp_path / "台账.db", author="王专员")
    try:
        with ledger.transaction():
            household = ledger.insert("households", Household(area_code=VILLAGE).fields())
            for by in ("李专员", ""):
                person = Person(name="罗明", id_number=NUMBER, household_id=household)
                row = ledger.insert("persons", person.fields())
                ledger.db.execute(
                    "UPDATE persons SET created_by = ? WHERE id = ?", [by or None, row]
                )
        return persons.entered_twice(ledger)
    finally:
        ledger.close()


def said_here(tmp_path: Path) -> set[str]:
    """The templates said (for `test_every_template_is_met_by_a_scenario`)."""
    return {t for line in twice(tmp_path) for t in templates(line)}


def test_a_person_entered_twice_is_a_sentence_saying_what_it_said(tmp_path):
    [line] = twice(tmp_path)
    assert {persons.ENTERED_TWICE, persons.ENTERED_BY, persons.ENTERED_BY_UNKNOWN} <= templates(
        line
    )
    text = str(line)
    masked = idnumber.mask(NUMBER)
    assert text.startswith(f"身份证号 {masked} 在本台账中登记了 2 次：罗明（"), text
    assert "，李专员 录入）；罗明（" in text and "，未知 录入）。" in text, text
    assert text.endswith("请核对后删除重复录入的一条（删除原因选“重复录入”）"), text


def test_a_person_entered_twice_is_said_in_english(qapp, tmp_path):
    from fieldapp.ui.held_words import sentence_shown
    from tests.english import in_english

    [line] = twice(tmp_path)
    with in_english():
        shown = sentence_shown(line)
    assert shown.startswith(f"ID number {idnumber.mask(NUMBER)} is entered 2 times"), shown
    assert "entered by 李专员" in shown and "entered by someone unknown" in shown, shown
    assert "请核对" not in shown and "录入" not in shown, shown
