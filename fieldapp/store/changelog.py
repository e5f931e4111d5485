"""The change log: what a change is, how it is written as canonical JSON, and what a table derives.

Every write, local or received by sync, is a `Change`: one row of one table, the fields it sets,
and per field the versions its author had seen (`parents`). `fieldapp.store.projector` is the
only code that turns changes into table rows (through `fieldapp.store.new_rows` for the changes
that create rows).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

META_COLUMNS = frozenset(
    {
        "id",
        "created_at",
        "created_by",
        "created_device",
        "updated_at",
        "updated_by",
        "updated_device",
        "_origin",
        "_heads",
        "_ckey",
        "_ukey",
    }
)


#: Bulk search indexing per table: the set-based form of its insert trigger (m0001, m0005).
SEARCH_INDEXING: dict[str, tuple[str, ...]] = {
    "persons": (
        "INSERT INTO person_words(rowid, search_words) "
        "SELECT rowid, search_words FROM persons WHERE rowid > {since}",
        "INSERT INTO person_digits(rowid, id_number, phone) "
        "SELECT rowid, id_number, phone FROM persons WHERE rowid > {since}",
    )
}


@contextmanager
def search_indexed_after(conn: sqlite3.Connection, table: str) -> Iterator[None]:
    """Insert rows of `table` inside this block; a searchable table's are indexed at its end.

    The m0005 switch: while `_search_deferred` holds a row the per-row search trigger stands
    aside; the `SEARCH_INDEXING` statements then index every row inserted since, which is
    what the trigger would have done, about three times faster. Set and cleared inside the
    caller's transaction, so no commit ever sees it set.
    """
    indexing = SEARCH_INDEXING.get(table)
    if not indexing:
        yield
        return
    conn.execute(f"INSERT INTO _search_deferred SELECT coalesce(max(rowid), 0) FROM [{table}]")
    try:
        yield
    finally:
        if conn.in_transaction:
            since = "(SELECT since_rowid FROM _search_deferred)"
            for sql in indexing:
                conn.execute(sql.format(since=since))
            conn.execute("DELETE FROM _search_deferred")


_DUMPS = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
# The C encoder `json.dumps` builds on every call with these options, built once: encoding
# every change of a bundle is a noticeable share of an import. No cycle check (the markers
# dict): logged values are plain JSON, and a failed call must not leave markers behind.
_C_DUMPS = (
    c_make_encoder(None, _DUMPS.default, encode_basestring, None, ":", ",", True, False, True)
    if c_make_encoder is not None
    else None
)


def dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, Chinese kept as is."""
    if _C_DUMPS is None:
        return _DUMPS.encode(value)
    return "".join(_C_DUMPS(value, 0))


#: Plain values, stored as they are (exactly these types: a subclass may be an enum).
_AS_GIVEN = frozenset({str, int, float, bool, type(None)})


def to_storable(value: Any) -> Any:
    """Dates as ISO text, enums as their value; everything else as given."""
    if type(value) in _AS_GIVEN:  # nearly every value an import or a sync writes
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, (int, float, str, bool)):
        return value.value
    return value


@dataclass(frozen=True)
class Change:
    """One logged write: who, which device, when (HLC), which row, which fields, what was seen."""

    device_id: str
    seq: int
    hlc: str
    author: str
    tbl: str
    row_id: str
    data: dict[str, Any]
    parents: dict[str, list[str]] | None = None

    @cached_property
    def id(self) -> str:
        """Globally unique change id: device id and sequence number (worked out once: a hub's
        screen and projection ask it several times a change; kept in the instance's
        `__dict__`, where each later reading finds it without a call)."""
        return f"{self.device_id}:{self.seq}"

    @property
    def key(self) -> str:
        """Total order used to pick the shown value among concurrent ones."""
        return f"{self.hlc}/{self.id}"

    @property
    def data_json(self) -> str:
        """`data` as the log stores it (canonical JSON), worked out once per change.

        Kept beside the fields (not one of them: equality ignores it). A hub works it out on
        the thread that decodes a bundle while the previous one merges (`encode_ahead`);
        `data` is never changed in place once a change exists.
        """
        found: str | None = self.__dict__.get("_data_json")
        if found is None:
            found = self.__dict__["_data_json"] = dumps(self.data)
        return found

    def as_row(self) -> tuple[str, int, str, str, str, str, str, str | None]:
        """The `changes` table row."""
        parents = dumps(self.parents) if self.parents else None
        return (
            self.device_id,
            self.seq,
            self.hlc,
            self.author,
            self.tbl,
            self.row_id,
            self.data_json,
            parents,
        )

    @classmethod
    def of_fields(cls, fields: dict[str, Any]) -> Change:
        """A change from a dict already validated to hold exactly its fields (`parents` may be
        left out), built without the frozen dataclass's `__init__`.

        A received bundle builds hundreds of thousands of changes; the generated `__init__`
        of a frozen dataclass sets each field through `object.__setattr__`, which costs more
        than validating the line did. The instance is the same: its `__dict__` holds the
        fields, `parents` falls back to the class default when absent.
        """
        change = object.__new__(cls)
        change.__dict__.update(fields)
        return change

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Change:
        """Rebuild from a `changes` table row (column order of `as_row`)."""
        device_id, seq, hlc, author, tbl, row_id, data, parents = row
        return cls(
            device_id,
            int(seq),
            hlc,
            author,
            tbl,
            row_id,
            json.loads(data),
            json.loads(parents) if parents else None,
        )


def encode_ahead(changes: Iterable[Change]) -> None:
    """Work out each change's `data_json` now (a hub, on its read-ahead thread)."""
    for change in changes:
        change.data_json  # noqa: B018 - the property keeps it


CHANGE_COLUMNS = "device_id, seq, hlc, author, tbl, row_id, data, parents"
