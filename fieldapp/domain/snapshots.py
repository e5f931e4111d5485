"""Snapshots: slim read-only views of records whose fields are the records' own, by name.

The pydantic models in `fieldapp.domain.models` are the single source for each record. Slimmer
shapes that other rooms need for speed — the policy engine's facts, a row of the ledger table,
a search hit — are dataclasses marked with the models they are taken from (`snapshot_of`);
each of their fields is the field (or derived property) of the same name of the first of those
models that has it. Loaders select columns and build snapshots from the field names
(`snapshot_fields`, `snapshot_maker`), never from hand-kept column lists, and
tests/store/test_records_agree.py holds every snapshot's names and types to its models'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import fields
from enum import Enum
from typing import Any, ClassVar, Protocol, TypeVar, get_type_hints

from fieldapp.domain.models import Record


class DataclassInstance(Protocol):
    """Any dataclass (what `dataclasses.fields` accepts)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]


S = TypeVar("S", bound=DataclassInstance)

#: Snapshot class → the models its fields come from (the first that has a field wins), and
#: the names that are no model's (a storage column such as a table's rowid).
SNAPSHOTS: dict[type, tuple[tuple[type[Record], ...], frozenset[str]]] = {}


def snapshot_of(
    *models: type[Record], extra: frozenset[str] = frozenset()
) -> Callable[[type[S]], type[S]]:
    """Mark a dataclass as a snapshot of `models`: each field is theirs, by name."""

    def mark(cls: type[S]) -> type[S]:
        SNAPSHOTS[cls] = (models, extra)
        return cls

    return mark


def snapshot_fields(cls: type[DataclassInstance]) -> tuple[str, ...]:
    """A snapshot's field names, in declaration order (the order of its positional init)."""
    return tuple(f.name for f in fields(cls))


def source_model(cls: type[DataclassInstance], name: str) -> type[Record] | None:
    """The model a snapshot's field comes from (None for an `extra` name)."""
    models, extra = SNAPSHOTS[cls]
    if name in extra:
        return None
    for model in models:
        if name in model.model_fields or isinstance(getattr(model, name, None), property):
            return model
    raise KeyError(f"{cls.__name__}.{name} is a field of none of {[m.__name__ for m in models]}")


def snapshot_maker(cls: type[S]) -> Callable[[Sequence[Any]], S]:
    """Builds `cls` from its fields' values in `snapshot_fields` order, stored or model form.

    Each value is brought to the field's annotated type: ISO text to a date, 0/1 to a bool,
    an enum to its text. A missing or blank text stays blank (''), never the field's default:
    a default is what a new record starts with, not what a blank stored value meant (a blank
    `form` read as 单位就业, a blank 劳动能力 as 普通劳动力, would be paid or counted on).
    """
    made = _MAKERS.get(cls)
    if made is not None:
        return made
    hints = get_type_hints(cls)
    steps: list[tuple[int, Callable[[Any], Any]]] = []
    for index, spec in enumerate(fields(cls)):
        convert = _converter(hints[spec.name])
        if convert is not None:
            steps.append((index, convert))

    def make(values: Sequence[Any]) -> S:
        row = list(values)
        for index, convert in steps:
            row[index] = convert(row[index])
        return cls(*row)

    _MAKERS[cls] = make
    return make


_MAKERS: dict[type, Callable[[Sequence[Any]], Any]] = {}


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    if hint is dt.date:
        return _date
    if hint == dt.date | None:
        return _optional(_date)
    if hint is bool:
        return bool
    if hint == bool | None:
        return _optional(bool)
    if hint is str:
        return _text
    if hint == str | None:
        return _optional(_text)
    return None  # numbers are stored as they are


def _optional(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else convert(value)


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _text(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    return "" if value is None else str(value)
