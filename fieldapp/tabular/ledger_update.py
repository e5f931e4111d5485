"""Updating people who are already in the ledger from a sheet: a plan of cell changes.

A sheet row of a person the ledger knows is compared cell by cell with the ledger. Only cells
the sheet filled in count (a blank cell never clears anything), and only values that differ
become changes: `CellChange(table, row, field, old → new)`, or new rows (a category, a spell,
this month's status). 未就业 in a month the status column's header names ends the person's open
jobs from before that month (on the last day of the month before), a change like any other. A change to a field the ledger changed *after the sheet's date* is a
conflict: someone edited it since the sheet went out, so it is shown and kept as the ledger has
it unless the user decides for the sheet. `services.imports.apply_import` writes the plan as
ordinary logged edits; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, NamedTuple

from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.labels import FIELD_LABELS
from fieldapp.domain.sentences import Day, said, template
from fieldapp.domain.values import same_value
from fieldapp.services.imports import Packed
from fieldapp.store.ledger import natural_id, new_id
from fieldapp.store.queries import tabular as store
from fieldapp.store.queries.tabular import Edit, Edits
from fieldapp.tabular import cells
from fieldapp.tabular.person_row import FORM_NOT_GIVEN, ended_before

#: 未就业 in a month (%1) of a person whose job started that month (%2) is still open in the
#: ledger, the job named by its employer or place (%3), or by neither: left as it is, said.
STILL_WORKING = template(
    "%1就业状态填的是“未就业”，但台账中%2开始的务工（%3）仍在进行，未作修改，请核对"
)
STILL_WORKING_UNNAMED = template(
    "%1就业状态填的是“未就业”，但台账中%2开始的务工（未填单位）仍在进行，未作修改，请核对"
)

#: Sheet column → person field, for the columns an update may change.
PERSON_FIELDS = {
    "name": "name",
    "relation": "relation",
    "phone": "phone",
    "labour_ability": "labour_ability",
    "health": "health",
    "education": "education",
    "graduation_year": "graduation_year",
    "left_school_month": "left_school_month",
    "account_bank": "account_bank",
    "account_number": "account_number",
    "hukou_code": "hukou_code",
    "notes": "notes",
}
#: Sheet column → household field (from any member's row; the ledger sheet repeats them).
HOUSEHOLD_FIELDS = {
    "address": "address",
    "household_no": "household_no",
    "household_notes": "notes",
}
#: Spell field → the sheet columns that give it.
SPELL_FIELDS = {
    "place_name": ("workplace", "workplace_code"),
    "place_code": ("workplace", "workplace_code"),
    "form": ("form",),
    "employer": ("employer",),
    "employer_kind": ("employer_kind",),
    "monthly_income": ("monthly_income",),
    "contract_months": ("contract_months",),
    "insurance_months": ("insurance_months",),
    "organized_export": ("organized_export",),
    "export_agency": ("export_agency",),
    # A job end the people sheet names (务工结束日期, 返乡时间: ledger_import reads it).
    "end_date": ("job_end",),
}
TABLE_LABELS = {
    "persons": "",
    "households": "户：",
    "person_categories": "人员类别：",
    "employment_spells": "就业经历：",
    "unemployment_registrations": "失业登记：",
    "services": "服务：",
    "visits": "走访：",
    "monthly_status": "月度状态：",
}


def label_of(table: str, field_name: str) -> str:
    """'就业经历：月收入' — what a change is to, in the user's words."""
    return TABLE_LABELS.get(table, "") + FIELD_LABELS.get(field_name, field_name)


def shown(value: Any) -> str:
    """A stored value as the preview shows it."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def as_read(field_name: str, old: Any) -> Any:
    """A ledger's text as the import reads it back from a sheet (trimmed, without invisible
    marks; a phone tidied: 138 0000 0001 → 13800000001): an export of it brought back
    unchanged changes nothing. None for what is not text."""
    if not isinstance(old, str):
        return None
    shown = cells.visible(old)
    return cells.phone(shown) if field_name == "phone" else shown


def differs(name: str, old: Any, new: Any) -> bool:
    """True when a sheet's value of field `name` changes the ledger's `old` (`same_value`,
    and a text as the import reads it back, `as_read`)."""
    return not same_value(old, new) and as_read(name, old) != new


@dataclass(slots=True)
class CellChange:
    """One cell of a ledger row the sheet changes (old → new); `conflict` when the ledger
    changed that field after the sheet's date."""

    table: str
    row_id: str
    field: str
    old: Any
    new: Any
    conflict: Edit | None = None
    #: Both values as the preview says them, where not as stored (a household's area: its
    #: place's names, not its code).
    words: tuple[str, str] | None = None

    @property
    def old_shown(self) -> str:
        """The ledger's value as the preview shows it."""
        return self.words[0] if self.words else shown(self.old)

    @property
    def new_shown(self) -> str:
        """The sheet's value as the preview shows it."""
        return self.words[1] if self.words else shown(self.new)

    @property
    def key(self) -> str:
        """Names this cell in a decision (`take_sheet`)."""
        return f"{self.table}/{self.row_id}/{self.field}"

    @property
    def label(self) -> str:
        """What the cell is, in Chinese."""
        return label_of(self.table, self.field)


def item_named(label: str, names: Iterable[str]) -> bool:
    """True when a conflict's item (联系电话, 就业经历：结束日期) is one of `names`, said whole
    or by its own name after the sheet's (结束日期)."""
    return any(label == name or label.endswith("：" + name) for name in names)


class EveryConflict:
    """A decision for the sheet's value of every conflict the import finds — or of those of
    the items named (`item_named`) — made as the one pass that finds them plans them
    (`import --update --keep sheet [--column 项目]`): the file is read and planned once, not
    previewed first to list the conflicts and then read and planned again to take them. No
    decision is made on values shown earlier, so none can be overtaken in between; `- keys`
    leaves some out all the same (`LedgerImporter._overtake`)."""

    __slots__ = ("_left", "items")

    def __init__(self, items: Iterable[str] = (), left: AbstractSet[str] = frozenset()) -> None:
        self.items = tuple(items)
        self._left = frozenset(left)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or key in self._left:
            return False
        if not self.items:
            return True
        table, field_name = key.split("/", 1)[0], key.rsplit("/", 1)[-1]
        return item_named(label_of(table, field_name), self.items)

    def __sub__(self, keys: AbstractSet[str]) -> EveryConflict:
        return EveryConflict(self.items, self._left | keys)


#: Every shape (keys in order) of a new record planned, once: a record's keys are this tuple.
_SHAPES: dict[tuple[str, ...], tuple[str, ...]] = {}


@dataclass(slots=True)
class RowPlan:
    """What one sheet row does to the ledger: cell changes and new rows."""

    sheet: str
    row: int
    person_id: str
    name: str
    id_number: str
    # Tuples, the empty one shared: an import of a 100 000-person workbook keeps some 400 000
    # plans for its preview, most adding one record and changing none, and two lists each
    # (one empty, one over-allocated) cost 30 MB of its peak.
    changes: Sequence[CellChange] = ()
    #: The new records, each packed flat as (table, keys, *values) (`Packed`), the keys one
    #: tuple shared by every record of its shape; the one record of most plans as it is,
    #: several as a tuple of them (`records`). Held for the preview: 400 000 dicts of a dozen
    #: fields each were the largest part of a 100 000-person import's memory, and a tuple of
    #: the values, another of (table, keys, values) and one holding that, a plan's third.
    packed: tuple[Any, ...] = ()

    @property
    def records(self) -> tuple[Packed, ...]:
        """The new records, each (table, keys, *values)."""
        packed = self.packed
        if not packed:
            return ()
        return (packed,) if type(packed[0]) is str else packed

    @property
    def inserts(self) -> tuple[tuple[str, tuple[str, ...], tuple[Any, ...]], ...]:
        """The new records as (table, keys, values)."""
        return tuple((record[0], record[1], record[2:]) for record in self.records)

    def is_empty(self) -> bool:
        """True when the row matches the ledger."""
        return not self.changes and not self.packed

    def add_change(self, change: CellChange) -> None:
        """One more changed cell."""
        self.changes = (*self.changes, change)

    def add_insert(self, table: str, row: dict[str, Any]) -> None:
        """One more new record of `table` (kept packed, `packed`)."""
        keys = tuple(row)
        record = (table, _SHAPES.setdefault(keys, keys), *row.values())
        self.packed = (*self.records, record) if self.packed else record

    def new_rows(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The new records as (table, row)."""
        for record in self.records:
            yield record[0], dict(zip(record[1], record[2:], strict=True))

    def describe_insert(self, table: str, row: dict[str, Any]) -> str:
        """'新增就业经历：2024-03-01 起，深圳市…' for the preview."""
        what = TABLE_LABELS.get(table, table).rstrip("：")
        parts = [
            f"{FIELD_LABELS.get(k, k)} {shown(v)}"
            for k, v in row.items()
            if k not in ("id", "person_id", "household_id", "visit_id", "spell_id")
            and v not in (None, "", False)
        ]
        return f"新增{what}：" + "，".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """JSON form of the preview."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "name": self.name,
            "id_number": self.id_number,
            "changes": [
                {"column": c.label, "from": c.old_shown, "to": c.new_shown, "key": c.key}
                for c in self.changes
                if c.conflict is None
            ],
            "new": [self.describe_insert(t, r) for t, r in self.new_rows()],
        }


class Seen(NamedTuple):
    """What a conflict decided for the sheet's value was decided on (`Conflict.seen`): the
    ledger's edit it showed (its clock stamp) and the sheet's value as it showed it. The
    decision holds only while both are still so: a cell the ledger changed again, or a sheet
    cell edited between the preview and the import, stays a conflict (counted as overtaken)."""

    stamp: str
    sheet: str


@dataclass(frozen=True)
class Conflict:
    """A cell the sheet would change but the ledger changed after the sheet's date."""

    plan: RowPlan
    change: CellChange

    @property
    def seen(self) -> Seen:
        """The ledger's edit this conflict shows (its clock stamp) and the sheet's value as
        shown: a decision made on them holds only while that edit is still the cell's last and
        the sheet still says that value (`import_ledger(take_sheet=…)`)."""
        edit = self.change.conflict
        assert edit is not None
        return Seen(edit.stamp, self.change.new_shown)

    def as_dict(self) -> dict[str, Any]:
        """JSON form: where, what, the ledger's and the sheet's value, who changed it when."""
        edit = self.change.conflict
        assert edit is not None
        return {
            "sheet": self.plan.sheet,
            "row": self.plan.row,
            "name": self.plan.name,
            "id_number": self.plan.id_number,
            "column": self.change.label,
            "ledger": self.change.old_shown,
            "sheet_value": self.change.new_shown,
            "edited_at": stamp_text(edit.stamp),
            "edited_by": edit.author,
            "key": self.change.key,
        }


def stamp_text(stamp: str) -> str:
    """A clock stamp as China time, '2024-11-05 14:03'."""
    millis = int(stamp.split("-")[0])
    moment = dt.datetime.fromtimestamp(millis / 1000, dt.UTC) + dt.timedelta(hours=8)
    return moment.strftime("%Y-%m-%d %H:%M")


class Differ:
    """Compares sheet values with ledger rows and collects a row's plan (one per sheet row)."""

    def __init__(self, edits: Edits, seen: Mapping[str, Seen] | None = None) -> None:
        self.edits = edits
        #: The decisions for the sheet's value, each with what it was decided on (`Seen`).
        self.seen: Mapping[str, Seen] = seen or {}
        #: Of those, the cells whose sheet value is not the one decided on (the file edited
        #: since the preview): the decision does not hold (`overtaken`).
        self.overtaken: set[str] = set()

    def change(
        self,
        plan: RowPlan,
        table: str,
        row: dict[str, Any],
        updates: dict[str, Any],
        *,
        follows: bool = False,
    ) -> None:
        """Add a CellChange per field whose value differs from `row`'s. `follows`: these
        follow another change of the plan (a month's income its job's), whose conflict, if it
        is one, is decided there — none of their own (a month a job's income edited by hand
        moved in the ledger after the sheet was made would ask a second time)."""
        for name, value in updates.items():
            old = row.get(name)
            if not differs(name, old, value):
                continue
            edit = None if follows else self.edits.get((row["id"], name))
            change = CellChange(table, row["id"], name, old, value, edit)
            if edit is not None:
                self.overtaken.update(sheet_changed(change, self.seen))
            plan.add_change(change)


class PersonPlanner:
    """Plans the update of existing persons from their ledger-sheet rows."""

    def __init__(
        self, db: Any, stamp: str | None, month: str, months: dict[str, str] | None = None
    ) -> None:
        self.db = db
        self.stamp = stamp
        self.month = month
        self.months = months or {}  # sheet → the month its status column's header names

    def plan(
        self, items: list[tuple[Any, str]], persons: dict[str, dict[str, Any]]
    ) -> list[RowPlan]:
        """One RowPlan per (ParsedRow, sheet) whose person is in `persons` (by ID number).

        Planned `BATCH` rows at a time, each batch's persons' records read for it and let go
        after it: an update of a whole exported workbook held every person's categories, jobs
        and month at once (nothing is written while planning, and a row's plan reads only its
        own person's records, so the plans are the same)."""
        plans: list[RowPlan] = []
        for start in range(0, len(items), self.BATCH):
            plans += self._plan_batch(items[start : start + self.BATCH], persons)
        return plans

    #: How many rows `plan` plans on one read of their persons' records.
    BATCH = 2000

    def _plan_batch(
        self, items: list[tuple[Any, str]], persons: dict[str, dict[str, Any]]
    ) -> list[RowPlan]:
        """`plan` for a few rows: their persons' records read once for all of them."""
        ids = [persons[i.person["id_number"]]["id"] for i, _ in items]
        # Read only what the sheet can change: a monthly sheet of names, ID numbers and a
        # status column needs this month's status rows and the running jobs, nothing else.
        given = frozenset().union(*(i.given for i, _ in items)) if items else frozenset()
        households = (
            store.household_rows(
                self.db, [persons[i.person["id_number"]]["household_id"] or "" for i, _ in items]
            )
            if given & set(HOUSEHOLD_FIELDS) or any(i.group_move for i, _ in items)
            else {}
        )
        categories = (
            store.fact_rows(self.db, "person_categories", ids) if "categories" in given else {}
        )
        needs_spells = any(i.spell is not None or i.month_status for i, _ in items)
        spells = store.fact_rows(self.db, "employment_spells", ids) if needs_spells else {}
        # Each row's month status row id, made once (a natural id is a hash).
        month_ids = [
            natural_id(
                "monthly_status",
                persons[i.person["id_number"]]["id"],
                self.months.get(sheet, self.month),
            )
            if i.month_status
            else ""
            for i, sheet in items
        ]
        statuses: dict[str, list[dict[str, Any]]] = {}
        wanted = [m for m in month_ids if m]
        for row in store.rows_by_id(self.db, "monthly_status", wanted) if wanted else ():
            statuses.setdefault(row["person_id"], []).append(row)
        # The edits after the sheet's date were read before the import wrote anything (its
        # own new rows are no conflict): the importer marks the conflicts (see ledger_import).
        edits: dict[tuple[str, str], Edit] = {}
        differ = Differ(edits)
        plans = []
        for (item, sheet), month_id in zip(items, month_ids, strict=True):
            person = persons[item.person["id_number"]]
            plan = RowPlan(sheet, item.row, person["id"], person["name"], person["id_number"])
            given = item.given
            differ.change(
                plan,
                "persons",
                person,
                {f: item.person[f] for k, f in PERSON_FIELDS.items() if k in given},
            )
            household = households.get(person["household_id"] or "")
            if household is not None:
                differ.change(
                    plan,
                    "households",
                    household,
                    {f: item.household[f] for k, f in HOUSEHOLD_FIELDS.items() if k in given},
                )
                if item.group_move is not None:  # into the group its sheet is named for
                    code, before, after = item.group_move
                    if household["area_code"] != code:
                        plan.add_change(
                            CellChange(
                                "households",
                                household["id"],
                                "area_code",
                                household["area_code"],
                                code,
                                differ.edits.get((household["id"], "area_code")),
                                (before, after),
                            )
                        )
            self._categories(plan, differ, item, categories.get(person["id"], []))
            spell_id = self._spell(plan, differ, item, spells.get(person["id"], []))
            if spell_id is None:  # the job still running, if the month's status is 已就业
                spell_id = next(
                    (str(r["id"]) for r in spells.get(person["id"], []) if r["end_date"] is None),
                    None,
                )
            month = self.months.get(sheet, self.month)
            rows = statuses.get(person["id"], [])
            self._status(plan, differ, item, rows, spell_id, month, month_id)
            if sheet in self.months:
                self._not_employed(plan, differ, item, spells.get(person["id"], []), month)
            plans.append(plan)
        return plans

    def _categories(
        self, plan: RowPlan, differ: Differ, item: Any, rows: list[dict[str, Any]]
    ) -> None:
        if "categories" not in item.given:
            return
        by_name: dict[str, dict[str, Any]] = {}
        for row in rows:
            by_name.setdefault(row["category"], row)
        for category, start, end in item.categories:
            found = by_name.get(category)
            if found is None:
                plan.add_insert(
                    "person_categories",
                    {
                        "id": new_id(),
                        "person_id": plan.person_id,
                        "category": category,
                        "start_date": start,
                        "end_date": end,
                    },
                )
                continue
            updates = {}
            if start:
                updates["start_date"] = start
            if end:
                updates["end_date"] = end
            differ.change(plan, "person_categories", found, updates)

    def _spell(
        self, plan: RowPlan, differ: Differ, item: Any, rows: list[dict[str, Any]]
    ) -> str | None:
        spell = item.spell
        if spell is None:
            return None
        same = [r for r in rows if r["start_date"] == spell["start_date"]]
        if same:
            given = item.given
            if "form" not in given and FORM_NOT_GIVEN in item.warnings:
                item.warnings.remove(FORM_NOT_GIVEN)  # the ledger's job keeps its own form
            updates = {
                f: spell[f]
                for f, columns in SPELL_FIELDS.items()
                if any(c in given for c in columns)
            }
            # Two jobs may start on one day: the one the row repeats, else the one the ledger
            # sheet shows for the person (the latest running one, as the export picks it).
            running = [r for r in same if r["end_date"] is None] or same
            match = next(
                (r for r in same if all(same_value(r.get(f), v) for f, v in updates.items())),
                running[-1],
            )
            differ.change(plan, "employment_spells", match, updates)
            return str(match["id"])
        start = dt.date.fromisoformat(spell["start_date"])
        for row in rows:  # the job before this one ends the day before it starts
            if row["end_date"] is None and row["start_date"] < spell["start_date"]:
                end = (start - dt.timedelta(days=1)).isoformat()
                differ.change(plan, "employment_spells", row, {"end_date": end})
        spell_id = new_id()
        plan.add_insert("employment_spells", {"id": spell_id, "person_id": plan.person_id, **spell})
        return spell_id

    def _not_employed(
        self, plan: RowPlan, differ: Differ, item: Any, rows: list[dict[str, Any]], month: str
    ) -> None:
        """未就业 in a month the sheet names ends the jobs still open from before that month on
        the last day of the month before: the village says the person no longer works there.

        A job that started during that month is left as it is, with a warning (which is true
        cannot be told from the sheet); one that started later does not contradict it.
        """
        if item.month_status != WorkStatus.NOT_EMPLOYED.value:
            return
        first = dt.date.fromisoformat(f"{month}-01")
        before = (first - dt.timedelta(days=1)).isoformat()
        next_month = (first + dt.timedelta(days=31)).replace(day=1).isoformat()
        for row in rows:
            if row["end_date"] is not None:
                continue
            if row["start_date"] < first.isoformat():
                differ.change(plan, "employment_spells", row, {"end_date": before})
            elif row["start_date"] < next_month:
                job = row["employer"] or row["place_name"]
                said_month = Day(first, "month")
                started = Day(dt.date.fromisoformat(row["start_date"]))
                item.warnings.append(
                    said(STILL_WORKING, said_month, started, job)
                    if job
                    else said(STILL_WORKING_UNNAMED, said_month, started)
                )

    def _status(
        self,
        plan: RowPlan,
        differ: Differ,
        item: Any,
        rows: list[dict[str, Any]],
        spell_id: str | None,
        month: str,
        row_id: str,
    ) -> None:
        """This month's status row (`row_id`, its natural id): changed, or added."""
        # Only the monthly-status column records a month: 就业状态 beside it is the latest one
        # the sheet was exported with, and writing it again would invent a month's record.
        status = item.month_status
        if status is None:
            return
        income = item.spell["monthly_income"] if item.spell else None
        if status == WorkStatus.EMPLOYED.value and item.spell:
            ended = ended_before(item.spell, month)
            if ended:  # which job is not written: kept as written, not linked, and said
                spell_id = income = None
                item.warnings.append(ended)
        existing = [r for r in rows if r["id"] == row_id and not r.get("deleted")]
        if existing:
            updates: dict[str, Any] = {"status": status}
            if income is not None:
                updates["income"] = income
            if spell_id is not None and status == WorkStatus.EMPLOYED.value:
                updates["spell_id"] = spell_id
            differ.change(plan, "monthly_status", existing[0], updates)
            return
        if status != WorkStatus.EMPLOYED.value:
            spell_id = None
        plan.add_insert(
            "monthly_status",
            {
                "id": row_id,
                "person_id": plan.person_id,
                "month": month,
                "status": status,
                "spell_id": spell_id,
                "income": income,
                "notes": "表格更新",
            },
        )


def writes_of(
    plans: Iterable[RowPlan], take_sheet: Container[str] = ()
) -> tuple[dict[tuple[str, str], dict[str, Any]], dict[str, list[Packed]]]:
    """What the plans write: (table, row id) → changed fields, and table → new rows (the
    plans' own packed records); a conflicting cell only when decided for the sheet
    (`take_sheet`)."""
    updates: dict[tuple[str, str], dict[str, Any]] = {}
    inserts: dict[str, list[Packed]] = {}
    for plan in plans:
        for change in plan.changes:
            if change.conflict is None or change.key in take_sheet:
                updates.setdefault((change.table, change.row_id), {})[change.field] = change.new
        for record in plan.records:
            inserts.setdefault(record[0], []).append(record)
    return updates, inserts


def sheet_changed(change: CellChange, seen: Mapping[str, Seen]) -> tuple[str, ...]:
    """`change`'s key when a decision for the sheet's value was made on another sheet value
    than this one (the file edited between the preview and the import); else nothing."""
    decided = seen.get(change.key)
    if decided is None or decided.sheet == change.new_shown:
        return ()
    return (change.key,)


def conflicts_of(plans: Iterable[RowPlan]) -> list[Conflict]:
    """Every conflicting cell of these plans, in sheet order."""
    return [Conflict(p, c) for p in plans for c in p.changes if c.conflict is not None]
