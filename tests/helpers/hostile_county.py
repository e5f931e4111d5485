"""The hostile-device tests' second village (`OTHER`, 远村) and a claim as the program makes it
(`claim`); their county is the fixture `county` of tests/sync/conftest.py."""

from __future__ import annotations

from tests.sync.helpers import JOB_START, VILLAGE, job_of

OTHER = "520502202001"


def claim(person_id: str, state: str = "草稿", amount: float = 500.0, area: str = VILLAGE) -> dict:
    """The transport subsidy for the person's job (`add_job`), dated and placed as the program
    makes it (a claim with no 申领日期, or placed elsewhere than its person, is held)."""
    return {
        "person_id": person_id,
        "area_code": area,
        "claim_date": "2026-06-05",
        "rule_id": "transport_cross_county",
        "limit_key": f"transport|{person_id}|ever",
        "state": state,
        "amount": amount,
        "spell_id": job_of(person_id),
        "event_date": JOB_START,
    }
