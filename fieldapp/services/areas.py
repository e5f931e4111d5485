"""The ledger's area tree: creating areas (each once: its id derives from its code)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fieldapp.domain.models import Area
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, Writer, writing
from fieldapp.store.ids import natural_id

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def area_id(code: str) -> str:
    """The row id of an area: the same on every device for the same code."""
    return natural_id("areas", str(code))


def ensure(ledger: Ledger, actor: Actor, areas: Iterable[Area]) -> ChangeSet:
    """Create the areas the ledger does not hold yet (by code); the others stay as they are."""
    with writing(ledger, actor) as writer:
        for area in areas:
            ensure_in(writer, area)
    return writer.changes


def ensure_in(writer: Writer, area: Area) -> str:
    """`ensure` inside a use-case's own writer; returns the area's row id."""
    row_id = area_id(area.code)
    if writer.ledger.get(Area.TABLE, row_id) is None:
        writer.insert(area.model_copy(update={"id": row_id}))
    return row_id


def add_new(writer: Writer, rows: Iterable[dict[str, Any]]) -> list[str]:
    """Create many areas known to be new (an import's or a demo's), in one bulk write.

    Each row is `code, name, kind, parent_code`; its id is derived from its code here.
    """
    return writer.insert_many(Area, [dict(row, id=area_id(str(row["code"]))) for row in rows])


def add_created(ledger: Ledger, actor: Actor, rows: Iterable[dict[str, Any]]) -> ChangeSet:
    """Create the new areas an area resolver made up (`code, name, kind, parent_code` rows)."""
    with writing(ledger, actor) as writer:
        add_new(writer, rows)
    return writer.changes
