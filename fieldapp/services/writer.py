"""The one door every write of the application passes through.

A write travels one way: a dialog or a command calls a service function (`fieldapp.services.
persons.add`, `visits.record` …); the service opens a `Writer` with `writing(ledger, actor)`
and states each row it creates or changes; the writer asks the **trust rules** whether this
actor may make that change (`check`, below), then hands it to the store's logged write path
(`Ledger.insert/update/delete`: the row and its change-log entry in one `BEGIN IMMEDIATE`
transaction, gap-free sequence numbers); when the transaction commits, the service returns the
writer's `ChangeSet`, and the UI refreshes what it names. Sync sends the change-log entries to
the hub, where the same trust rules meet them again before the hub's store applies them.

THE TRUST HOOK. `check` is called with the actor and a `ProposedChange` (table, row id, the row
as it was, the fields as they will be) before every store write, single or bulk, and refuses by
raising a `FieldappError` with a Chinese reason; nothing of the transaction is then written.
The trust rules (`fieldapp.services.trust`) are the default check, judged against the writer's
own ledger (`trust_check.gateway_check`: where the row is, what the claim's state is); tests and
tools may pass another (`allow_all`). `Actor`, `ProposedChange` and `ChangeCheck` live in `services/actor.py`, so the
rules can use them without importing this module.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from fieldapp.domain.models import Record
from fieldapp.services import clock, users
from fieldapp.services.actor import Actor, ChangeCheck, ProposedChange, actor_of, allow_all
from fieldapp.services.changes import ChangeSet, Kind
from fieldapp.services.trust_check import Asked, GatewayCheck, TrustRefused, gateway_check
from fieldapp.store.ids import new_id

if TYPE_CHECKING:
    from fieldapp.store.bulk_insert import BulkInserter
    from fieldapp.store.changelog import Change
    from fieldapp.store.ledger import Ledger

__all__ = [
    "DEFAULT_CHECK",
    "Actor",
    "ChangeCheck",
    "CheckedBulkInserter",
    "ProposedChange",
    "Writer",
    "actor_of",
    "allow_all",
    "model_of",
    "writing",
]


#: The check every writer uses unless given another; None: the trust rules, judged against
#: the writer's own ledger (`fieldapp.services.trust_check.gateway_check`).
DEFAULT_CHECK: ChangeCheck | None = None


def model_of(table: str) -> type[Record]:
    """The record model of a synced table (a plan that names its rows by table)."""
    from fieldapp.domain import claims, models, prints

    for module in (models, claims, prints):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Record) and value.TABLE == table:
                return value
    raise KeyError(f"no record model for table {table!r}")


class Writer:
    """Writes rows for one use-case inside one transaction, checking each, recording each."""

    def __init__(self, ledger: Ledger, actor: Actor, check: ChangeCheck | None = None) -> None:
        self.ledger = ledger
        self.actor = actor
        self._check = check or DEFAULT_CHECK or gateway_check(ledger)
        self._rows: dict[Kind, set[str]] = {}

    # -- what changed ---------------------------------------------------------------------

    def _touch(self, table: str, row_id: str) -> None:
        self._rows.setdefault(Kind.of_table(table), set()).add(row_id)

    def touched(self, kind: Kind, ids: Sequence[str] = ()) -> None:
        """Record a change the writer did not make row by row (local settings, a merge)."""
        self._rows.setdefault(kind, set()).update(ids)

    @property
    def changes(self) -> ChangeSet:
        """Everything written so far, per kind."""
        return ChangeSet({kind: frozenset(ids) for kind, ids in self._rows.items()})

    # -- single rows ----------------------------------------------------------------------

    def save(self, record: Record, loaded: Record | None = None) -> str:
        """Create `record`, or write its changed fields when a row with its id exists.

        `loaded` is the record as an editor showed it: then only the fields changed from it
        are written. Another program with the ledger open (a second copy of the app, a sync)
        may have saved other fields since, which the editor's stale values must not put back.
        """
        if record.id and self.ledger.get(record.TABLE, record.id) is not None:
            fields = record.fields()
            if loaded is not None and loaded.id == record.id:
                before = loaded.fields()
                fields = {k: v for k, v in fields.items() if before.get(k) != v}
            if fields:
                self.update(type(record), record.id, fields)
            return record.id
        return self.insert(record)

    def insert(self, record: Record) -> str:
        """Create a new row from `record` (its id, or a new one); returns the id.

        A row with the record's id that exists already (a natural id: devices agree on it) gets
        the record's changed fields instead.
        """
        return self._insert(record.TABLE, record.fields(), record.id or None)

    def _insert(self, table: str, fields: dict[str, Any], row_id: str | None) -> str:
        if row_id and self.ledger.get(table, row_id) is not None:
            self.update_row(table, row_id, fields)
            return row_id
        row_id = row_id or new_id()
        self._check(self.actor, ProposedChange(table, row_id, None, dict(fields)))
        self.ledger.insert(table, fields, row_id)
        self._touch(table, row_id)
        return row_id

    def update(
        self,
        model: type[Record],
        row_id: str,
        fields: dict[str, Any],
        seen: dict[str, list[str]] | None = None,
    ) -> Change | None:
        """Write some fields of a row; `seen` names the versions the editor saw (see Ledger).

        Returns the logged change, None when every value was already so (nothing logged).
        """
        return self.update_row(model.TABLE, row_id, fields, seen)

    def update_row(
        self,
        table: str,
        row_id: str,
        fields: dict[str, Any],
        seen: dict[str, list[str]] | None = None,
    ) -> Change | None:
        """`update` for a row known by its table's name (a conflict names its row so)."""
        before = self.ledger.get(table, row_id)
        self._check(self.actor, ProposedChange(table, row_id, before, dict(fields)))
        change = self.ledger.update(table, row_id, fields, seen)
        if change is not None:
            self._touch(table, row_id)
        return change

    def update_rows(
        self, table: str, updates: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> list[Change | None]:
        """`update_row` of many rows of one table (row id, fields), through the store's bulk
        path: the same log entries and rows as one by one, in far fewer statements. The trust
        rules judge every row first, with the row as it was, as they judge a single write: a
        batch's rows together (`GatewayCheck.together`: nothing is written between their
        checks), where they lie read once for the batch, not once a row.

        Returns each update's change, None where every value was already so.
        """
        check, actor = self._check, self.actor

        def judge(row_id: str, before: dict[str, Any] | None, fields: Mapping[str, Any]) -> None:
            check(actor, ProposedChange(table, row_id, before, dict(fields)))

        def together(
            batch: Sequence[tuple[str, Mapping[str, Any]]],
        ) -> AbstractContextManager[None]:
            return _together(check, actor, [(table, row_id, fields) for row_id, fields in batch])

        changes = self.ledger.update_many(table, updates, judge, together)
        for (row_id, _fields), change in zip(updates, changes, strict=True):
            if change is not None:
                self._touch(table, row_id)
        return changes

    def delete(self, model: type[Record], row_id: str) -> Change | None:
        """Mark a row deleted (logged; the row and its history stay)."""
        return self.update(model, row_id, {"deleted": True})

    def undelete(self, model: type[Record], row_id: str) -> Change | None:
        """Bring back a deleted row (also logged)."""
        return self.update(model, row_id, {"deleted": False})

    # -- many new rows ----------------------------------------------------------------------

    def insert_many(self, model: type[Record], rows: Sequence[dict[str, Any]]) -> list[str]:
        """Create many new rows of one kind at once (the store's bulk path)."""
        if not rows:
            return []
        with self.bulk() as bulk:
            return bulk.insert_many(model, rows)

    def bulk(self, *, threaded: bool = False, undo: bool = True) -> CheckedBulkInserter:
        """A bulk inserter for many batches (an import), every row checked like single writes.

        On an enrolled device the check reads the ledger for each row (where it lies), and a
        threaded inserter's thread owns the connection while it is open: there the rows are
        written on this thread (a village's or township's ledger; a ledger never enrolled, the
        large first import, keeps the writer thread). Without `undo` its rows are not taken
        back alone on an error: the use-case's whole transaction is (`writing`), as an import's
        is; the savepoint that takes them back alone costs memory (`BulkInserter`)."""
        judged = self._check is not allow_all and self.actor.role is not None
        return CheckedBulkInserter(
            self, self.ledger.bulk_inserter(threaded=threaded and not judged, undo=undo)
        )


def _together(
    check: ChangeCheck, actor: Actor, rows: Sequence[Asked]
) -> AbstractContextManager[None]:
    """The trust rules' `GatewayCheck.together` where `check` is theirs (else nothing)."""
    if isinstance(check, GatewayCheck):
        return check.together(actor, rows)
    return nullcontext()


class CheckedBulkInserter:
    """The store's `BulkInserter` behind the trust hook, recording what it created."""

    def __init__(self, writer: Writer, inner: BulkInserter) -> None:
        self._writer = writer
        self._inner = inner
        #: New rows whose place was not known when they came: they name a row (a person's
        #: household) that this inserter creates later. Judged again once everything is in.
        self._waiting: list[ProposedChange] = []

    def insert_many(self, model: type[Record], rows: Sequence[dict[str, Any]]) -> list[str]:
        """Check every row, then create them all (see `BulkInserter.insert_many`).

        A row is judged as the single write of its fields (its id is the row's, not a field).
        A row refused only because its place is not known yet (an import writes a sheet's
        people before the households it found for them) is judged again when the inserter
        closes, with the rows created after it in place.
        """
        if not rows:
            return []
        table, check, actor = model.TABLE, self._writer._check, self._writer.actor
        # The trust rules' own check says which tables it judges at all: the rows of the
        # others (every row of a ledger never enrolled but claims) are not laid out for it.
        skipped = isinstance(check, GatewayCheck) and not check.judges(actor, table)
        if check is not allow_all and not skipped:
            # Nothing is written until every row is judged.
            asked = [(table, str(row.get("id") or ""), row) for row in rows]
            with _together(check, actor, asked):
                for row in rows:
                    fields = dict(row)
                    fields.pop("id", None)
                    change = ProposedChange(table, str(row.get("id") or ""), None, fields)
                    try:
                        check(actor, change)
                    except TrustRefused as refused:
                        if refused.rule != "no_place":
                            raise
                        self._waiting.append(change)
        ids = self._inner.insert_many(table, rows)
        self._writer.touched(Kind.of_table(table), ids)
        return ids

    def _judge_waiting(self) -> None:
        """Judge the rows whose place came later (raises the first refusal)."""
        waiting, self._waiting = self._waiting, []
        check, actor = self._writer._check, self._writer.actor
        # Everything is written by now; nothing more until these are judged.
        asked = [(c.table, c.row_id, c.fields) for c in waiting]
        with _together(check, actor, asked):
            for change in waiting:
                check(actor, change)

    def close(self) -> None:
        """Wait for the writer thread and raise what it raised."""
        self._inner.close()
        self._judge_waiting()

    def abandon(self) -> None:
        """Take back everything this inserter wrote (the transaction stays open)."""
        self._inner.abandon()

    def __enter__(self) -> CheckedBulkInserter:
        self._inner.__enter__()
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        self._inner.__exit__(kind, *rest)
        if kind is None:
            self._judge_waiting()


@contextmanager
def writing(ledger: Ledger, actor: Actor, check: ChangeCheck | None = None) -> Iterator[Writer]:
    """A `Writer` inside one ledger transaction: all of the use-case is written, or none.
    Refused (`clock.ClockWrong`) while this laptop's date is a day or more off the hub's:
    what it writes would be stamped so (held at the hub, or dated wrong); nothing is lost.
    Refused (`users.NotAllowed`) when the logged-in user was disabled since logging in: a
    window left open writes nothing more under their name."""
    clock.refuse_if_wrong(ledger)
    with ledger.transaction():
        users.refuse_if_disabled(ledger)
        yield Writer(ledger, actor, check)
