"""A held claim the county accepts keeps its village's 申请编号 on a PostgreSQL hub as on
SQLite (`tests/sync/test_accepted_keeps_number.py`, on both stores)."""

from __future__ import annotations

import pytest

from tests.sync import test_accepted_keeps_number as kept
from tests.sync.test_accepted_keeps_number import village  # noqa: F401 - the fixture

pytestmark = pytest.mark.today("2027-03-01")


def test_a_held_claim_keeps_its_number_on_either_store(village, hub, tmp_path):  # noqa: F811
    kept.test_a_held_claim_the_county_accepts_keeps_the_number_its_village_printed(
        village, hub, tmp_path
    )
