"""A person's work: employment spells, unemployment registrations, the monthly status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.domain.dates import month_key
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.models import (
    EmploymentSpell,
    MonthlyStatus,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.domain.month import Month
from fieldapp.domain.sentences import Day, Sentence, said, template
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, Writer, writing
from fieldapp.store.ids import natural_id
from fieldapp.store.queries.monthly import months_naming_jobs

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


#: Why this month's status naming a job keeps its income when the job's changes: the month's
#: (%1), its income (%2), the job's new income (%3). Said by the job editor's save and at the
#: import's row alike.
MONTH_KEPT = template(
    "%1的就业状态中月收入是 %2，是在这份务工的月收入之后另行修改的，没有随务工改为 %3；请核对哪个对"
)


def _figure(value: Any) -> str:
    """An income as people write it (2800, not 2800.0); `month_follows` says only figures
    there are (a month or a job without one takes nothing)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same_figure(a: Any, b: Any) -> bool:
    """True when two incomes are one figure (2800 is 2800.0; none is none)."""
    if a is None or b is None:
        return a is None and b is None
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)


def month_follows(month: Mapping[str, Any] | None, job_income: Any, income: Any) -> bool | Sentence:
    """Whether `month` — the status of the import's (the editor's) month naming a job, as
    `store.queries.monthly.months_naming_jobs` reads it — takes `income`, the job's new income,
    the job having said `job_income` until now. The one rule for `import --update` and the
    job editor: the month says the income of the job it names.

    True: it takes it. False: nothing to take — no such month, a month of no income (no
    figure to move), an income cleared (not known is no new figure: the month keeps what was
    earned), or the month says `income` already. A sentence (`MONTH_KEPT`) when the month's
    income is not the job's and was changed after it in the log — set by hand apart from
    the job: it is not overwritten silently, it is left and this is said."""
    if month is None or month["income"] is None or income is None:
        return False
    if _same_figure(month["income"], income):
        return False
    if not _same_figure(month["income"], job_income) and (
        month["income_at"] > month["job_income_at"]
    ):
        return said(
            MONTH_KEPT,
            Day(Month(month["month"]).first_day, "month"),
            _figure(month["income"]),
            _figure(income),
        )
    return True


def save_record(
    ledger: Ledger,
    actor: Actor,
    record: EmploymentSpell | UnemploymentRegistration,
    loaded: EmploymentSpell | UnemploymentRegistration | None = None,
) -> ChangeSet:
    """Add or edit a spell or a registration; the change set's id is the record's. With
    `loaded` (the record as an editor showed it) only what was changed from it is written.

    A job whose monthly income this writes gives it to this month's status naming it, in the
    same transaction, logged as the actor's (`month_follows`, the import's rule too); a month
    whose income was set apart by hand is left, and the change set's warnings say so."""
    with writing(ledger, actor) as writer:
        # Only a job edited has a month that may follow it: a registration reads nothing.
        job = isinstance(record, EmploymentSpell) and bool(record.id)
        before = ledger.get(record.TABLE, record.id) if job else None
        month = None
        if before is not None:
            month_id = natural_id("monthly_status", before["person_id"], month_key(china_today()))
            month = months_naming_jobs(ledger, {month_id: record.id}).get(record.id)
        record_id = writer.save(record, loaded)
        warnings = _month_follows_job(writer, before, month)
    return writer.changes.with_id(record_id, warnings)


def _month_follows_job(
    writer: Writer, before: Mapping[str, Any] | None, month: Mapping[str, Any] | None
) -> list[Sentence]:
    """This month's status naming the job (`month`, read before the job was written) given
    the job's income as now written, the job having been `before` (`month_follows`)."""
    if before is None or month is None:
        return []
    after = writer.ledger.get(EmploymentSpell.TABLE, str(before["id"]))
    if after is None or _same_figure(before["monthly_income"], after["monthly_income"]):
        return []
    follows = month_follows(month, before["monthly_income"], after["monthly_income"])
    if isinstance(follows, Sentence):
        return [follows]
    if follows:
        writer.update(MonthlyStatus, str(month["id"]), {"income": after["monthly_income"]})
    return []


def start_job(
    ledger: Ledger, actor: Actor, spell: EmploymentSpell, ending: Sequence[EmploymentSpell]
) -> ChangeSet:
    """A new job, and the person's earlier jobs it follows (`ending`, still open) ended the day
    before it starts — all written or none; the change set's id is the new job's."""
    with writing(ledger, actor) as writer:
        for old in ending:
            ended = old.model_copy(update={"end_date": spell.start_date - dt.timedelta(days=1)})
            writer.save(ended, old)
        record_id = writer.save(spell)
    return writer.changes.with_id(record_id)


def delete_record(
    ledger: Ledger,
    actor: Actor,
    model: type[EmploymentSpell | UnemploymentRegistration | ServiceRecord],
    row_id: str,
) -> ChangeSet:
    """Mark a person's job, registration or service deleted (one entered by mistake): logged,
    the row and its history kept."""
    with writing(ledger, actor) as writer:
        writer.delete(model, row_id)
    return writer.changes.with_id(row_id)


def set_monthly_status(ledger: Ledger, actor: Actor, status: MonthlyStatus) -> ChangeSet:
    """Record a month's status; its id derives from (person, month), so devices agree."""
    return set_monthly_statuses(ledger, actor, [status])


def set_monthly_statuses(
    ledger: Ledger, actor: Actor, statuses: Sequence[MonthlyStatus]
) -> ChangeSet:
    """Record many persons' statuses at once (the monthly grid): all are written or none.

    Each is its own logged change (who, when, on which device); a status already so is not
    written again. Ids derive from (person, month), so devices agree on the row.
    """
    with writing(ledger, actor) as writer:
        last = ""
        for status in statuses:
            last = natural_id("monthly_status", status.person_id, status.month)
            writer.save(status.model_copy(update={"id": last}))
    return writer.changes.with_id(last or None)
