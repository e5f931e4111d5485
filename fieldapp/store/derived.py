"""Columns the store computes from logged fields: a person's sex, birth date and search words.

`DERIVED` and `DERIVED_COLUMNS` are the whole table of them, written out here (the projector
and the bulk path read it); nothing registers itself as a side effect of an import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from fieldapp.domain import idnumber
from fieldapp.store.pinyin import search_words

if TYPE_CHECKING:
    from fieldapp.store.changelog import Change

#: Computes a row's derived columns from its fields.
Deriver = Callable[[dict[str, Any]], dict[str, Any]]
#: The same column by column, for bulk writes: each source's values in, each output's out.
ColumnDeriver = Callable[[dict[str, list[Any]]], dict[str, list[Any]]]


def _birth_and_sex(number: str | None) -> tuple[str | None, str | None]:
    facts = idnumber.birth_and_sex(number or "")
    return (facts[0].isoformat(), facts[1]) if facts else (None, None)


def _person(row: dict[str, Any]) -> dict[str, Any]:
    birth, sex = _birth_and_sex(row.get("id_number"))
    return {"sex": sex, "birth_date": birth, "search_words": _words(row.get("name") or "")}


def _persons(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`_person` for a bulk write's columns at once."""
    facts = list(map(_birth_and_sex, columns["id_number"]))
    return {
        "sex": [sex for _birth, sex in facts],
        "birth_date": [birth for birth, _sex in facts],
        "search_words": [_words(name or "") for name in columns["name"]],
    }


#: Columns recomputed whenever one of their sources changes: table → (sources, outputs, function).
DERIVED: dict[str, tuple[frozenset[str], frozenset[str], Deriver]] = {
    "persons": (
        frozenset({"id_number", "name"}),
        frozenset({"sex", "birth_date", "search_words"}),
        _person,
    ),
}
#: The same, column by column, for bulk writes.
DERIVED_COLUMNS: dict[str, ColumnDeriver] = {"persons": _persons}


#: Search words of names about to be merged, worked out ahead by whoever decoded their bundle (a
#: hub's decoding child process: `words_ahead`, `take_words`); each is taken once, by the
#: projection of its row. Cleared before it would grow past `_MADE_MAX` (held changes never take
#: theirs).
_MADE: dict[str, str] = {}
_MADE_MAX = 100_000


def words_ahead(changes: Iterable[Change]) -> dict[str, str]:
    """The search words of the names `changes` set, by name (`search_words`).

    The pinyin work is most of a person's projection; a hub has it done where it decodes the
    next bundle while one merges (in a child process, which hands these back: `take_words`).
    """
    words = {}
    for change in changes:
        if change.tbl == "persons":
            name = change.data.get("name")
            if isinstance(name, str):
                words[name] = search_words(name)
    return words


def take_words(words: Mapping[str, str]) -> None:
    """Keep `words_ahead`'s answer until the projection takes each name's words."""
    if len(_MADE) + len(words) > _MADE_MAX:
        _MADE.clear()  # names of held changes, never taken
    _MADE.update(words)


def _words(name: str) -> str:
    made = _MADE.pop(name, None)
    return search_words(name) if made is None else made
