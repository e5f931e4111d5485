"""What a use-case changed: the change set every service returns and the UI refreshes from.

A service never says "persons changed" by hand: the one write path (`fieldapp.services.writer`)
records the kind and id of every row it wrote, and the service returns that record. A page asks
`Kind.PERSONS in changes` or `changes.ids(Kind.PERSONS)` and refreshes just that.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from fieldapp.domain.sentences import Sentence


class Kind(StrEnum):
    """A kind of thing a use-case can change: a kind of ledger record, or local state."""

    AREAS = "areas"
    HOUSEHOLDS = "households"
    PERSONS = "persons"
    CATEGORIES = "person_categories"
    SPELLS = "employment_spells"
    REGISTRATIONS = "unemployment_registrations"
    VISITS = "visits"
    SERVICES = "services"
    MONTHLY_STATUS = "monthly_status"
    CLAIMS = "claims"
    BATCHES = "batches"
    CLAIM_EVENTS = "claim_events"
    PRINT_LOG = "print_log"
    #: The county's signed policy packs and the county device's drafts of them (issue 14).
    POLICY_PACKS = "policy_packs"
    POLICY_DRAFTS = "policy_drafts"
    #: Device-local state, not rows of the synced ledger.
    SETTINGS = "settings"
    POLICY = "policy"
    SYNC = "sync"
    CONFLICTS = "conflicts"

    @classmethod
    def of_table(cls, table: str) -> Kind:
        """The kind of a row of a store table (every synced table has one)."""
        return cls(table)


#: A person's own records: a change to any of them changes what the person's page shows.
PERSON_RECORDS = frozenset(
    {
        Kind.PERSONS,
        Kind.CATEGORIES,
        Kind.SPELLS,
        Kind.REGISTRATIONS,
        Kind.SERVICES,
        Kind.MONTHLY_STATUS,
    }
)


@dataclass(frozen=True)
class ChangeSet:
    """Per kind, the ids of the rows a use-case changed; `id` names the row it was about.

    Empty (falsy) when nothing changed, e.g. a save with no edits. `warnings` carries what the
    user should read although the write went ahead (a namesake confirmed, an unknown region, a
    month left at the income set by hand): Chinese text, or a `Sentence` the desktop says in
    the language shown (`str()` of either is the Chinese).
    """

    rows: Mapping[Kind, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    id: str | None = None
    warnings: tuple[str | Sentence, ...] = ()

    @classmethod
    def of(cls, kind: Kind, ids: Iterable[str] = (), **extra: object) -> ChangeSet:
        """A change set of one kind (ids may be empty: "something of this kind changed")."""
        return cls(MappingProxyType({kind: frozenset(ids)}), **extra)  # type: ignore[arg-type]

    def __contains__(self, kind: object) -> bool:
        return kind in self.rows

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __iter__(self) -> Iterator[Kind]:
        return iter(self.rows)

    def ids(self, kind: Kind) -> frozenset[str]:
        """The ids of the changed rows of one kind (empty when none)."""
        return self.rows.get(kind, frozenset())

    def touches(self, kinds: Iterable[Kind]) -> bool:
        """True when any of `kinds` changed."""
        return any(kind in self.rows for kind in kinds)

    def __or__(self, other: ChangeSet) -> ChangeSet:
        """Both change sets at once (the first's `id` wins)."""
        merged = {k: self.ids(k) | other.ids(k) for k in (*self.rows, *other.rows)}
        return ChangeSet(
            MappingProxyType(merged), self.id or other.id, self.warnings + other.warnings
        )

    def with_id(self, row_id: str | None, warnings: Iterable[str | Sentence] = ()) -> ChangeSet:
        """The same changes, about `row_id`, with `warnings` added."""
        return ChangeSet(self.rows, row_id, self.warnings + tuple(warnings))

    def describe(self) -> str:
        """'persons×2 households×1' for logs and test failures."""
        return " ".join(f"{k.value}×{len(v)}" for k, v in self.rows.items()) or "（无改动）"


#: Nothing changed.
NO_CHANGES = ChangeSet()

_TABLE_KINDS = {kind.value: kind for kind in Kind}


def of_log(entries: Iterable[tuple[str, str]]) -> ChangeSet:
    """The change set of change-log entries given as (table, row id): a merged bundle's."""
    rows: dict[Kind, set[str]] = {}
    for table, row_id in entries:
        kind = _TABLE_KINDS.get(table)
        if kind is not None:
            rows.setdefault(kind, set()).add(row_id)
    return ChangeSet(MappingProxyType({k: frozenset(v) for k, v in rows.items()}))
