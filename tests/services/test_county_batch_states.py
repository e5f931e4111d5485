"""A county office's device made a batch of every claim of the subsidy past the draft stage —
one a village had submitted that morning, reviewed by neither the village nor the township,
went onto the county's 发放花名册 for payment, and the township could no longer batch and
post it (a claim sits in one batch). A county's batch now takes, as a township's does, the
claims the township has passed (乡镇审核 on); a state named (`batch create --state`) is taken
as before."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import ClaimState as S
from fieldapp.domain.roles import Role
from fieldapp.services.claims import ClaimRefused, ClaimService
from fieldapp.services.writer import Actor
from tests.policy.helpers import COUNTY_PACK, D, populate
from tests.records import Records
from tests.services.test_claim_notice_sentences import TRANSPORT, _pack


def test_a_county_batches_only_what_the_township_passed(repo: Records) -> None:
    ids = populate(repo)
    policy = _pack(COUNTY_PACK)
    village = ClaimService(repo.ledger, policy)
    claim = village.create(ids["worker"], TRANSPORT, on=D(2025, 7, 1))
    village.advance(claim.id, S.SUBMITTED, "材料后补")
    county = ClaimService(
        repo.ledger, policy, Actor("县里的科员", "county-laptop", Role.COUNTY, "520502")
    )
    with pytest.raises(ClaimRefused) as refused:
        county.create_batch(TRANSPORT)
    assert "乡镇审核" in str(refused.value), str(refused.value)
    assert repo.ledger.get("claims", claim.id)["batch_id"] in (None, "")
    for step in (S.VILLAGE_REVIEWED, S.TOWNSHIP_REVIEWED):
        village.advance(claim.id, step, "")
    _batch, claims = county.create_batch(TRANSPORT)
    assert [(c.id, c.state) for c in claims] == [(claim.id, S.TOWNSHIP_REVIEWED)]
