"""The hub names the rows an ended offer leaves on the receiving device on either store it
keeps its ledger in (`store.forget` reads the log and the rows over SQLite and PostgreSQL
alike): withdrawn or turned down, the receiver forgets the person and what hangs on them, and
an offer made again brings them back (`tests/sync/test_offer_forgotten.py` for the rest)."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.store.forget import forgotten
from tests.sync.helpers import job_of
from tests.sync.test_move_in_offered import _offered, _trip


@pytest.mark.parametrize("how", ["withdrawn", "declined"])
def test_an_ended_offer_is_forgotten_and_an_offer_made_again_brings_it_back(
    tmp_path, hub, make_device, how: str
):
    village, site, _home, second, there = _offered(tmp_path, hub, make_device, job=True)
    if how == "withdrawn":
        households.withdraw_offer(village, actor_of(village), second)
        _trip(hub, village, "红星村", tmp_path, 4)
    else:
        households.decline_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert site.get("persons", second) is None
    assert site.get("employment_spells", job_of(second)) is None
    assert set(forgotten(site.db)) >= {second, job_of(second)}
    _trip(hub, site, "幸福安置点", tmp_path, 5)
    _trip(hub, village, "红星村", tmp_path, 5)  # the offering village hears the answer
    assert village.get("persons", second)["moving_to"] is None
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.SPOUSE, to_household_id=there
    )
    _trip(hub, village, "红星村", tmp_path, 6)
    _trip(hub, site, "幸福安置点", tmp_path, 6)
    assert site.get("persons", second)["moving_to"] == there
    assert site.get("employment_spells", job_of(second)) is not None
