"""A coordinator laptop forging the county's people: a `users` row (an administrator, a
county clerk) sent in a validly signed bundle. Users are each ledger's own (the hub's keep its
command line's logins, never synced): the hub refuses the whole bundle as one carrying a table
no ledger syncs, and nothing of the hub's users, nor the claim step the forged 县管理员 signs in
the same bundle, reaches its ledger."""

from __future__ import annotations

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.store import users as user_rows
from fieldapp.sync.errors import BundleRefused
from tests.helpers.hostile_county import claim
from tests.sync.helpers import VILLAGE
from tests.sync.hostile import forge


def test_a_forged_user_refuses_its_bundle_and_makes_no_user(county, hub):
    village = county["village"]
    before = user_rows.users(hub.ledger.db)
    forge(village, "users", "县管理员", {"name": "县管理员", "admin": 1, "disabled": 0})
    with village.transaction():
        mine = village.insert("claims", claim(county["mine"], area=VILLAGE))
    forge(village, "claims", mine, {"state": ClaimState.COUNTY_APPROVED.value},
          author="县管理员@红星村")  # fmt: skip
    with pytest.raises(BundleRefused) as refused:
        county["exchange"](village, "红星村")
    assert "users" in str(refused.value), str(refused.value)
    assert user_rows.users(hub.ledger.db) == before
    assert hub.ledger.get("claims", mine) is None
    assert hub.rejected() == []
