"""王五's claim approved by the county while his row names one card (`_approved`, `OLD`), and
his card changed afterwards through the write door (`_set_account`, `NEW`)."""

from __future__ import annotations

from fieldapp.domain.account import card_number
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Person
from fieldapp.policy.pack import Policy
from fieldapp.services import persons
from fieldapp.services.claims import ClaimService
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import D, populate
from tests.records import Records

RULE = "transport_cross_county"
OLD = card_number("622848001234567")  # 王五's card when the county approved his claim
NEW = card_number("622700098765432")  # the card his row names afterwards
S = ClaimState


def _set_account(ledger: Ledger, person_id: str, bank: str, number: str) -> None:
    """The person's card changed through the write door, as the person editor saves it."""
    person = Person.model_validate(ledger.get("persons", person_id))
    changed = person.model_copy(update={"account_bank": bank, "account_number": number})
    persons.save(ledger, actor_of(ledger), changed, loaded=person)


def _approved(repo: Records, policy: Policy) -> tuple[ClaimService, str, str]:
    """王五's claim, approved by the county while his row names OLD; (service, claim, person)."""
    ids = populate(repo)
    service = ClaimService(repo.ledger, policy)
    claim = service.create(ids["worker"], RULE, on=D(2025, 6, 5))
    _set_account(repo.ledger, claim.person_id, "中国农业银行", OLD)
    service.set_missing_reason(claim.id, "材料在村委")
    for step in (S.SUBMITTED, S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED, S.COUNTY_APPROVED):
        claim = service.advance(claim.id, step)
    return service, claim.id, claim.person_id
