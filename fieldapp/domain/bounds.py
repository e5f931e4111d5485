"""How large a job's figures may be (月收入, 劳动合同期限, 社保缴费月数, 岗前培训天数): one copy for
the spreadsheet's cells (`fieldapp.tabular.cells`), the job editor's boxes (`ui.dialogs.records`),
the job service (`services.work`) and the hub's value check (`services.trust.check_values`).

Every bound is far past any true figure — it stops a number that is no figure (1e300, twelve
million months) from going into the ledger, its reports and its sums, not an odd one. A value
stored before a bound came (an older import kept 999,999 months) stays until it is edited:
each place judges only the figures a write changes.

The hub's value check does not hold a device's change for these bounds (it holds what no
store can keep: inf, nan, a count past 64 bits). A change it holds as a malformed value can be
accepted by no one, only dismissed (`hub.rejected`): an honest village's job imported by an
older program with 999,999 months would never reach the county, and every later edit of it
would be held as a change of a row the hub does not have. A figure past a bound harms the
county's sums, not a payment (a per-day training pays no more days than its dates give), and
a hostile device can as well send a false figure within them.
"""

from __future__ import annotations

import math
from typing import Literal

#: The most a month's income may be, in 元: 100 万. For the county's workers a month's pay is
#: some thousands, at most tens of thousands (DOMAIN.md); ten times the most of that still
#: passes (as does a year's pay typed in the month's column: a mistake, not an absurdity).
MOST_AMOUNT = 1_000_000
#: The longest term in months (劳动合同期限, 社保缴费月数): 100 years. A working life is some fifty
#: years and no fixed-term contract or contribution record comes near it (an open-ended
#: contract is 无固定期限, no number); twice that still passes a term typed oddly (a 720-month
#: contract has been seen).
MOST_MONTHS = 100 * 12
#: The most days a job's training (岗前培训天数) may count: six digits, as a sheet's days cell is
#: read (`tabular.cells.days`) — no training runs a million days, and a longer run of digits
#: is no count SQLite could keep. (A per-day subsidy pays no more days than the training's
#: dates give, `policy.eligibility.training_days_paid`.)
MOST_DAYS = 999_999

#: A job's (`EmploymentSpell`'s) bounded figures: field → the most it may be (none below 0).
JOB_BOUNDS: dict[str, int] = {
    "monthly_income": MOST_AMOUNT,
    "contract_months": MOST_MONTHS,
    "insurance_months": MOST_MONTHS,
    "training_days": MOST_DAYS,
}

#: What is wrong with a figure (`beyond`).
Beyond = Literal["negative", "too_much", "no_number"]


def beyond(field: str, value: object) -> Beyond | None:
    """What is wrong with `value` as the job's `field` (one of `JOB_BOUNDS`): below zero, past
    its bound, no finite number; None when it is fine, blank, or the field is not bounded."""
    most = JOB_BOUNDS.get(field)
    if most is None or value is None or isinstance(value, bool):
        return None
    if not isinstance(value, (int, float)):
        return None  # not a number at all: the model's own check says so
    if isinstance(value, float) and not math.isfinite(value):
        return "no_number"
    if value < 0:
        return "negative"
    if value > most:
        return "too_much"
    return None
