"""Columns the store computes from logged fields: a person's sex, birth date and search words."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import idnumber
from fieldapp.store.changelog import register_derived
from fieldapp.store.pinyin import search_words


def _person(row: dict[str, Any]) -> dict[str, Any]:
    facts = idnumber.birth_and_sex(row.get("id_number") or "")
    birth, sex = (facts[0].isoformat(), facts[1]) if facts else (None, None)
    return {"sex": sex, "birth_date": birth, "search_words": search_words(row.get("name") or "")}


register_derived("persons", {"id_number", "name"}, {"sex", "birth_date", "search_words"}, _person)
