"""The conflicts a spreadsheet update left undecided, kept for the clerk to decide later.

An update's conflict (a cell the sheet would change that the ledger changed after the sheet's
date) not decided in the preview used to be named in the report and then forgotten. The import
now keeps each (`keep`): the file, when and by whom it was imported, the person and field, the
sheet's value and the ledger's with the stamp of the ledger's edit then. The conflicts page and
`conflicts resolve` decide them: the sheet's value is written as an import decision is (one
logged edit, attributed to whoever decides, through the trust check) — refused when the ledger's
cell changed since the import (it stays open, counted); the ledger's value closes it, nothing
written. These are this device's own list: never sent as sync conflicts (`store.sheet_conflicts`).

A closed one keeps its personal data (the person's name and ID number, the two values: phones,
incomes) `KEPT_DAYS` after its decision, then they are cleared (`clear_decided`); the record of
the decision (who, when, which side, the cell, the change written) stays for good.
"""

from __future__ import annotations

import datetime as dt
import enum
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.conflict_numbers import long_enough, number_range
from fieldapp.domain.dates import CHINA, month_key, now_stamp
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.errors import NotFound, ValidationFailed
from fieldapp.domain.models import MonthlyStatus
from fieldapp.domain.sentences import Sentence
from fieldapp.domain.values import same_value
from fieldapp.services.changes import Kind
from fieldapp.services.chunked import Counts, chunked
from fieldapp.services.clock import ClockWrong
from fieldapp.services.work import month_follows
from fieldapp.services.writer import Actor, Writer, actor_of, writing
from fieldapp.store import sheet_conflicts as store
from fieldapp.store.changelog import Change
from fieldapp.store.connection import OperationalError
from fieldapp.store.hlc import stamp_to_iso
from fieldapp.store.ids import natural_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.monthly import months_naming_jobs
from fieldapp.store.sheet_conflicts import KeptConflict


class SheetSide(enum.Enum):
    """Which value a decision keeps."""

    #: The sheet's value: written to the ledger.
    SHEET = "sheet"
    #: The ledger's value, as it is: nothing written.
    LEDGER = "ledger"


@dataclass(frozen=True)
class Undecided:
    """A conflict the import left undecided, as the import hands it over."""

    sheet: str
    row: int
    name: str
    id_number: str
    table: str
    row_id: str
    field: str
    sheet_value: Any
    ledger_value: Any
    stamp: str
    author: str


@dataclass(frozen=True)
class SheetConflict:
    """A kept conflict as the clerk sees it: `conflict_id` (its 编号), where it came from, the
    two values, and who changed the ledger's value when."""

    conflict_id: str
    file: str
    imported_at: str
    imported_by: str
    sheet: str
    row: int
    name: str
    id_number: str
    table: str
    row_id: str
    field: str
    sheet_value: Any
    ledger_value: Any
    #: The ledger's edit the import saw: its clock stamp, its time (China, ISO) and author.
    stamp: str
    edited_at: str
    edited_by: str

    def as_dict(self) -> dict[str, Any]:
        """JSON form (`conflicts --json`)."""
        return {
            "conflict_id": self.conflict_id,
            "source": "sheet",
            "file": self.file,
            "imported_at": self.imported_at,
            "imported_by": self.imported_by,
            "sheet": self.sheet,
            "row": self.row,
            "name": self.name,
            "id_number": self.id_number,
            "table": self.table,
            "row_id": self.row_id,
            "field": self.field,
            "sheet_value": self.sheet_value,
            "ledger_value": self.ledger_value,
            "edited_at": self.edited_at,
            "edited_by": self.edited_by,
        }


def _shown(kept: KeptConflict) -> SheetConflict:
    return SheetConflict(
        kept.id,
        kept.file,
        kept.imported_at,
        kept.imported_by,
        kept.sheet,
        kept.sheet_row,
        kept.name,
        kept.id_number,
        kept.tbl,
        kept.row_id,
        kept.field,
        kept.sheet_value,
        kept.ledger_value,
        kept.ledger_stamp,
        stamp_to_iso(kept.ledger_stamp),
        kept.ledger_author,
    )


#: Days a decided (or replaced) conflict keeps the person's name, ID number and the two values.
#: Why: the ledger keeps what it needs without them — the value the decision wrote is in the
#: change log as every edit is, the person in the ledger (the row's id stays here) — while a
#: table of old names, ID numbers and phones kept for good is exactly what a lost or copied
#: laptop should not hold, and a county asks a village to keep personal data only as long as
#: its work needs it. A month covers the work: the clerk looks back at a decision while the
#: month's report is made and checked, the next import (a month's sheet) comes after it. An
#: open conflict keeps them until decided: the clerk cannot decide without the two values.
KEPT_DAYS = 30


def _cleared_before(now: dt.datetime) -> str:
    """The decision time before which a closed one is cleared, `KEPT_DAYS` before `now`."""
    return (now.astimezone(CHINA) - dt.timedelta(days=KEPT_DAYS)).isoformat(timespec="seconds")


def clear_decided(writer: Writer, now: dt.datetime | None = None) -> int:
    """Clear the name, ID number and both values of every kept conflict closed more than
    `KEPT_DAYS` ago (`store.clear_decided`); the decision's record stays, open ones are
    untouched. Run where the ledger already writes conflicts: in an import's transaction, where
    it keeps them, and in a decision's (`decided`), so a ledger whose conflicts are decided
    without another import keeps the days too; and when the ledger is opened, if one is due
    (`clear_at_open`). Returns how many were cleared."""
    before = _cleared_before(now or dt.datetime.now(CHINA))
    cleared = store.clear_decided(writer.ledger.db, before, now_stamp())
    if cleared:
        writer.touched(Kind.CONFLICTS)
    return cleared


def clear_at_open(ledger: Ledger, now: dt.datetime | None = None) -> int:
    """`clear_decided` when the ledger is opened (`services.ledgers.open_ledger`), so a ledger
    nobody imports into or decides on keeps the days too. Most opens find nothing due: one
    read of the index of rows not yet cleared (version 46), nothing written, no write lock
    taken. When one is due it is cleared in its own transaction, unless this laptop's date is
    far off the hub's (`ClockWrong`: a date set ahead would clear what is still to be kept) or
    another program holds the file (its write is not waited on for housekeeping): then it is
    left for the next open, import or decision. Returns how many were cleared."""
    now = now or dt.datetime.now(CHINA)  # one moment for the look and the clearing
    try:
        # The look too: the open waits on nothing for housekeeping, so a read SQLite answers
        # busy (a journal being recovered) leaves it for later, never fails the open.
        if not store.any_to_clear(ledger.db, _cleared_before(now)):
            return 0
        with writing(ledger, actor_of(ledger)) as writer:
            return clear_decided(writer, now)
    except (ClockWrong, OperationalError):
        return 0


def keep(writer: Writer, file: str, undecided: Iterable[Undecided]) -> int:
    """Keep an import's undecided conflicts (inside its transaction: a cancelled or dry-run
    import keeps none); an open one of an earlier import on the same cell is replaced.
    Decided ones past `KEPT_DAYS` are cleared (`clear_decided`). Returns how many were kept."""
    clear_decided(writer)
    now = now_stamp()
    by = writer.actor.author
    rows = [
        KeptConflict(
            secrets.token_hex(5),
            file,
            now,
            by,
            u.sheet,
            u.row,
            u.name,
            u.id_number,
            u.table,
            u.row_id,
            u.field,
            u.sheet_value,
            u.ledger_value,
            u.stamp,
            u.author,
        )
        for u in undecided
    ]
    if rows:
        store.add(writer.ledger.db, rows, now)
        writer.touched(Kind.CONFLICTS)  # the conflicts page reads them again
    return len(rows)


def list_open(ledger: Ledger) -> list[SheetConflict]:
    """Every open kept conflict, the latest import's first."""
    return [_shown(k) for k in store.open_ones(ledger.db)]


def starting(ledger: Ledger, wanted: str) -> list[SheetConflict]:
    """The open kept conflicts whose 编号 starts with `wanted`, at most two (one, or too short
    to choose one); none when `wanted` is shorter than the numbers are (`SHORTEST_NUMBER`).
    Matched in the store's index (`number_range`), not every open one read and decoded."""
    if not long_enough(wanted):
        return []
    return [_shown(k) for k in store.open_between(ledger.db, *number_range(wanted))]


def find(ledger: Ledger, wanted: str) -> SheetConflict | None:
    """The open kept conflict whose 编号 starts with `wanted` (at least `SHORTEST_NUMBER`
    characters, one match); None when none or several do (`starting` tells which)."""
    matches = starting(ledger, wanted)
    return matches[0] if len(matches) == 1 else None


def open_ids(ledger: Ledger) -> list[str]:
    """The 编号 (whole) of every open kept conflict, nothing else read: for the short numbers."""
    return store.open_ids(ledger.db)


def changed_since(ledger: Ledger, conflict: SheetConflict) -> bool:
    """True when the ledger's cell is no longer what the import saw: edited since (a later
    change in the log), another value (an exchange brought one), or its record gone."""
    row = ledger.get(conflict.table, conflict.row_id)
    if row is None or row.get("deleted"):
        return True
    if not same_value(row.get(conflict.field), conflict.ledger_value):
        return True
    return store.edited_after(
        ledger.db, conflict.table, conflict.row_id, conflict.field, conflict.stamp
    )


#: Said when the sheet's value is refused: the ledger's cell changed since the import.
CHANGED_SINCE = "台账中这一格在导入之后又改过，没有改用表格中的值；请看台账现在的值后再决定"


class ChangedSince(ValidationFailed):
    """The sheet's value refused: the ledger's cell changed since the import (`CHANGED_SINCE`)."""

    def __init__(self) -> None:
        super().__init__(CHANGED_SINCE)


#: Said when the conflict is no longer open (decided meanwhile, in another window).
NOT_OPEN = "找不到这处表格带来的冲突（可能已经处理过）"


@dataclass
class SheetDecision:
    """One decision: the change written (None: the ledger's value kept, or already the
    sheet's), the change this month's status naming the job took with it (its income), and
    what is said (a month whose income was set by hand apart from its job, left)."""

    change: Change | None = None
    month: Change | None = None
    said: list[Sentence] = field(default_factory=list)


def _write(writer: Writer, conflict: SheetConflict) -> SheetDecision:
    """The sheet's value written as an import decision writes it: one logged edit. A job's
    月收入 gives this month's status naming the job that income too, in the same transaction,
    by the one rule of the import and the job editor (`work.month_follows`): a month whose
    income was set by hand after the job's is left, and that is said (`MONTH_KEPT`)."""
    decision = SheetDecision()
    month = None
    if (conflict.table, conflict.field) == ("employment_spells", "monthly_income"):
        job = writer.ledger.get(conflict.table, conflict.row_id)
        if job is not None:
            month_id = natural_id("monthly_status", job["person_id"], month_key(china_today()))
            month = months_naming_jobs(writer.ledger, {month_id: conflict.row_id}).get(
                conflict.row_id
            )
    decision.change = writer.update_row(
        conflict.table, conflict.row_id, {conflict.field: conflict.sheet_value}
    )
    if month is not None and decision.change is not None:
        follows = month_follows(month, conflict.ledger_value, conflict.sheet_value)
        if isinstance(follows, Sentence):
            decision.said.append(follows)
        elif follows:
            decision.month = writer.update(
                MonthlyStatus, str(month["id"]), {"income": conflict.sheet_value}
            )
    return decision


def decide(
    ledger: Ledger, conflict: SheetConflict, side: SheetSide, *, actor: Actor | None = None
) -> Change | None:
    """Decide one kept conflict: the sheet's value written (the change returned; None when the
    ledger already holds it), or the ledger's kept. Refused (ValidationFailed, it stays open)
    when the sheet's value is chosen and the ledger's cell changed since the import
    (`ChangedSince`); NotFound when it is no longer open. `decided` tells the month too."""
    return decided(ledger, conflict, side, actor=actor).change


def decided(
    ledger: Ledger,
    conflict: SheetConflict,
    side: SheetSide,
    *,
    actor: Actor | None = None,
) -> SheetDecision:
    """`decide`, with the month's status that followed a job's income and what was said.
    Conflicts decided more than `KEPT_DAYS` ago are cleared in the same transaction
    (`clear_decided`: one read of an index, version 46)."""
    actor = actor or actor_of(ledger)
    with writing(ledger, actor) as writer:
        decision = _decide_in(writer, conflict, side)
        clear_decided(writer)
    return decision


def _decide_in(writer: Writer, conflict: SheetConflict, side: SheetSide) -> SheetDecision:
    """One decision inside `writer`'s transaction. NotFound and ChangedSince are raised
    before anything is written, so a caller may count them and go on in the same
    transaction (`decide_many`)."""
    ledger = writer.ledger
    decision = SheetDecision()
    kept = store.one(ledger.db, conflict.conflict_id)
    if kept is None or kept.status != store.OPEN:
        raise NotFound(NOT_OPEN)
    if side is SheetSide.SHEET:
        if changed_since(ledger, conflict):
            raise ChangedSince
        decision = _write(writer, conflict)
    store.close(
        ledger.db,
        conflict.conflict_id,
        side.value,
        now_stamp(),
        writer.actor.author,
        decision.change.id if decision.change is not None else None,
    )
    return decision


@dataclass
class SheetDecided:
    """What deciding many did: the changes written, how many were decided (written or kept),
    how many refused because the ledger's cell changed since the import (left open), and how
    many were no longer open."""

    changes: list[Change] = field(default_factory=list)
    #: This month's statuses that took a job's income with it (`SheetDecision.month`).
    months: list[Change] = field(default_factory=list)
    #: What the decisions said (a month's income set by hand, left as it was).
    said: list[Sentence] = field(default_factory=list)
    decided: int = 0
    changed: int = 0
    gone: int = 0
    stopped: bool = False


#: Decisions written in one transaction by `decide_many`: a commit (and its wait for the disk)
#: per few hundred rather than per decision, each still checked and re-read as one.
CHUNK = 250


def decide_many(
    ledger: Ledger,
    conflicts: Sequence[SheetConflict],
    side: SheetSide,
    *,
    actor: Actor | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    into: SheetDecided | None = None,
) -> SheetDecided:
    """Decide each of `conflicts` for the same side, each exactly as a single decision is
    (through the one write door and its trust check, attributed, logged), `CHUNK` of them to
    a transaction. One whose ledger cell changed since is left and counted, never
    overwritten: it is re-read inside the transaction that would write it, and refused before
    anything of it is written. `cancelled` stops between two: every decision written before
    stays written. A chunk that fails is rolled back and decided again one by one
    (`services.chunked`), so that what stands when the error comes is what deciding them one
    at a time leaves. Conflicts past the days kept are cleared in each transaction that
    decides one (`clear_decided`: one read of an index, version 46; one a chunk, not one a
    conflict).

    `into`, when given, is filled as the decisions are written, so that when an error is
    raised it says what stands: the decisions written before the failing one (the rest were
    not). `progress` never steps back, not while a failed chunk is decided again."""
    done = into if into is not None else SheetDecided()

    def one(n: int, writer: Writer | None) -> None:
        assert writer is not None  # every chunk is written in a transaction
        try:
            decision = _decide_in(writer, conflicts[n], side)
        except NotFound:
            done.gone += 1
            return
        except ChangedSince:
            done.changed += 1
            return
        done.decided += 1
        if decision.change is not None:
            done.changes.append(decision.change)
        if decision.month is not None:
            done.months.append(decision.month)
        done.said += decision.said

    def closing(writer: Writer, before: Counts) -> None:
        if done.decided > before["decided"]:  # the clearing, where a decision was written
            clear_decided(writer)

    chunked(
        ledger,
        actor or actor_of(ledger),
        len(conflicts),
        one,
        done,
        chunk=CHUNK,
        progress=progress,
        cancelled=cancelled,
        closing=closing,
    )
    return done
