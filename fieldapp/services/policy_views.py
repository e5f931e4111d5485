"""Due lists, household duties, monthly figures and rosters over a ledger (no Qt, no SQL here)."""

from __future__ import annotations

import datetime as dt

from fieldapp.bulk import paused_gc
from fieldapp.domain.dates import add_months, month_key
from fieldapp.policy.due import DueItem, DueListBuilder
from fieldapp.policy.households import DutyFlag, household_duties
from fieldapp.policy.pack import Policy
from fieldapp.store.facts import FactsLoader
from fieldapp.store.ledger import Ledger


def due_list(
    ledger: Ledger, policy: Policy, on: dt.date, area_prefix: str | None = None
) -> list[DueItem]:
    """Services due for the persons of an area (or the whole ledger), most urgent first."""
    with paused_gc():
        # The due list looks at this month's and last month's updates, and the month before
        # (a person tracked then is due for last month even if entered in the ledger since).
        since = month_key(add_months(on.replace(day=1), -2))
        people = FactsLoader(ledger).persons(
            area_prefix=area_prefix, with_months=True, months_since=since
        )
        return DueListBuilder(policy).build(people, on)


def duties(
    ledger: Ledger, policy: Policy, on: dt.date, area_prefix: str | None = None
) -> list[DutyFlag]:
    """Household duty flags for an area (or the whole ledger)."""
    households = FactsLoader(ledger).households(area_prefix=area_prefix)
    return household_duties(policy, households, on)
