"""A person's work: employment spells, unemployment registrations, the monthly status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.domain.bounds import JOB_BOUNDS, MOST_DAYS, MOST_MONTHS, beyond
from fieldapp.domain.dates import month_key
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.labels import field_label
from fieldapp.domain.models import (
    EmploymentSpell,
    MonthlyStatus,
    ServiceRecord,
    UnemploymentRegistration,
)
from fieldapp.domain.month import Month
from fieldapp.domain.sentences import Day, Sentence, Word, said, template
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


#: A job's figure past what `domain.bounds` lets be (`job_in_bounds`): the person's name, the
#: field (月收入, 劳动合同期限（月）…), the figure as given, the bound — an income's written in
#: (100 万元, `bounds.MOST_AMOUNT`), so that English says it as 1,000,000 yuan.
JOB_TOO_MUCH = template("%1的%2“%3”超过 100 万元，不会是一个月的收入")
JOB_TOO_LONG = template("%1的%2“%3”超过 %4 年，不会有这么长的期限")
JOB_TOO_MANY_DAYS = template("%1的%2“%3”超过 %4 天，不会有这么长的培训")
#: … below zero, or no finite number (the person, the field, the figure).
JOB_NEGATIVE = template("%1的%2“%3”不能为负数")
JOB_NO_NUMBER = template("%1的%2“%3”不是数字")
#: A job's person whom the ledger does not hold (yet) by name.
THIS_PERSON = "这个人"


def job_in_bounds(
    ledger: Ledger, record: EmploymentSpell, loaded: EmploymentSpell | None = None
) -> None:
    """Refuse (`ValidationFailed`, naming the person and the field) a job whose 月收入 is below
    zero or past 100 万元, or whose 劳动合同期限, 社保缴费月数 or 培训天数 is below zero or past
    its bound (`domain.bounds.JOB_BOUNDS`), as the sheet's cells and the job editor's boxes
    refuse them — but only a figure this write changes: one the editor showed (`loaded`) or
    the ledger holds as it is stays, an older import's 999,999 months kept until edited."""
    stored = ledger.get(record.TABLE, record.id) if record.id else None
    shown = loaded.fields() if loaded is not None and loaded.id == record.id else None
    for name in JOB_BOUNDS:
        value = getattr(record, name)
        wrong = beyond(name, value)
        if wrong is None:
            continue
        if shown is not None and _same_figure(shown.get(name), value):
            continue  # not touched in the editor: not written
        if stored is not None and _same_figure(stored.get(name), value):
            continue  # as the ledger holds it: nothing changes
        person = ledger.get("persons", record.person_id)
        who = str(person["name"]) if person is not None and person.get("name") else THIS_PERSON
        parts = (who, Word(field_label(name, record.TABLE)), _figure_shown(value))
        if wrong == "negative":
            raise ValidationFailed(said(JOB_NEGATIVE, *parts))
        if wrong == "no_number":
            raise ValidationFailed(said(JOB_NO_NUMBER, *parts))
        if name == "monthly_income":
            raise ValidationFailed(said(JOB_TOO_MUCH, *parts))
        if name == "training_days":
            raise ValidationFailed(said(JOB_TOO_MANY_DAYS, *parts, str(MOST_DAYS)))
        raise ValidationFailed(said(JOB_TOO_LONG, *parts, str(MOST_MONTHS // 12)))


def _figure_shown(value: Any) -> str:
    """A refused figure as typed (2000000, 1e+300 — not its 301 digits), at most 30 characters."""
    text = repr(value) if isinstance(value, float) and abs(value) >= 1e15 else _figure(value)
    return text if len(text) <= 30 else text[:29] + "…"


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
    whose income was set apart by hand is left, and the change set's warnings say so. A job's
    figure past its bound that this changes is refused (`job_in_bounds`), nothing written."""
    if isinstance(record, EmploymentSpell):
        job_in_bounds(ledger, record, loaded if isinstance(loaded, EmploymentSpell) else None)
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
    before it starts — all written or none; the change set's id is the new job's. A figure of
    the new job past its bound is refused (`job_in_bounds`), nothing written."""
    job_in_bounds(ledger, spell)
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
