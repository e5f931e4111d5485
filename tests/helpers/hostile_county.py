"""The hostile-device tests' second village (`OTHER`, 远村) and a claim as the program makes it
(`claim`); their county is the fixture `county` of tests/sync/conftest.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def named(made: dict[str, Any]) -> dict[str, Any]:
    """`made` naming its subsidy as the program writes it: its rule's title and the clause the
    rule cites for the day it pays, by the county's pack the hub publishes (a hand-made claim
    printing another subsidy's name or clause is held, `claim_named_wrong`)."""
    from fieldapp.policy.eligibility import rule_as_judged
    from tests.services.policy_refusal_scenarios import policy

    rule = policy().rule(made["rule_id"])
    event = made.get("event_date")
    then = rule_as_judged(
        rule,
        dt.date.fromisoformat(made["claim_date"]),
        dt.date.fromisoformat(event) if event else None,
    )
    return made | {"rule_title": rule.title, "source_clause": then.citation}
