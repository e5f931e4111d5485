"""SELECT lists made from snapshots: a view's columns are its fields' names, never a copy."""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.domain.models import Record
from fieldapp.domain.snapshots import SNAPSHOTS, DataclassInstance, snapshot_fields, source_model


def select_list(snapshot: type[DataclassInstance], aliases: Mapping[type[Record], str]) -> str:
    """`p.rowid, p.id, p.name, … h.area_code`: each field from its model's table alias.

    A name that is no model's field (`extra`, such as rowid) is read from the first model's
    table.
    """
    models, _extra = SNAPSHOTS[snapshot]
    first = aliases[models[0]]
    columns = []
    for name in snapshot_fields(snapshot):
        model = source_model(snapshot, name)
        columns.append(f"{aliases[model] if model is not None else first}.{name}")
    return ", ".join(columns)
