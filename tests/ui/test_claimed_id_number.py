"""The person editor on an enrolled village laptop: the ID number of a person whose claim is
on its way to payment is the county's to correct (`claimed_id`, judged again at the hub) — the
form says so in Chinese, in the person's and the subsidy's names, and nothing is saved."""

from __future__ import annotations

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.idnumber import make_check_char
from fieldapp.domain.models import Person
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force
from fieldapp.store.queries import records
from fieldapp.ui.dialogs.person_editor import PersonEditor
from tests.ui.subsidies_claim import enrol_as_its_village, find_and_claim


def _another_number(number: str) -> str:
    """The same region, birthday and sex, another sequence: a typo's 'correction'."""
    seq = f"{(int(number[14:16]) + 1) % 100:02d}{number[16]}"
    first = number[:14] + seq
    return first + make_check_char(first)


def test_the_number_of_a_person_claimed_for_is_refused_in_the_editor(
    demo_window, qtbot, warnings_shown, tmp_path
):
    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    ledger = enrol_as_its_village(page, claim, tmp_path)
    service = ClaimService(ledger, policy_in_force(ledger), page.session.actor)
    service.collect_evidence(claim.id, service.queries.get(claim.id).missing_evidence())
    service.advance(claim.id, ClaimState.SUBMITTED)
    person = records.get(ledger, Person, claim.person_id)
    editor = PersonEditor(page.session, person, parent=page)
    editor.id_number.setText(_another_number(person.id_number))
    editor.save()
    said = editor.error.text()
    assert "只有县里可以更正" in said and person.name in said and "已提交" in said, said
    assert ledger.get("persons", person.id)["id_number"] == person.id_number
    assert editor.isVisible() or editor.result() == 0
