"""Columns the store computes from logged fields: a person's sex, birth date and search words."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import idnumber
from fieldapp.store.changelog import register_derived
from fieldapp.store.pinyin import search_words


def _birth_and_sex(number: str | None) -> tuple[str | None, str | None]:
    facts = idnumber.birth_and_sex(number or "")
    return (facts[0].isoformat(), facts[1]) if facts else (None, None)


def _person(row: dict[str, Any]) -> dict[str, Any]:
    birth, sex = _birth_and_sex(row.get("id_number"))
    return {"sex": sex, "birth_date": birth, "search_words": search_words(row.get("name") or "")}


def _persons(columns: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`_person` for a bulk write's columns at once."""
    facts = list(map(_birth_and_sex, columns["id_number"]))
    return {
        "sex": [sex for _birth, sex in facts],
        "birth_date": [birth for birth, _sex in facts],
        "search_words": [search_words(name or "") for name in columns["name"]],
    }


register_derived(
    "persons", {"id_number", "name"}, {"sex", "birth_date", "search_words"}, _person, _persons
)
