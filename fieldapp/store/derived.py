"""Columns the store computes from logged fields: a person's sex, birth date and search words."""

from __future__ import annotations

from typing import Any

from fieldapp.domain import idnumber
from fieldapp.domain.errors import InvalidIdNumber
from fieldapp.store.changelog import register_derived
from fieldapp.store.pinyin import search_words


def _person(row: dict[str, Any]) -> dict[str, Any]:
    number = row.get("id_number") or ""
    sex = birth = None
    try:
        info = idnumber.validate(number)
        sex, birth = info.sex, info.birth_date.isoformat()
    except InvalidIdNumber:
        pass
    return {"sex": sex, "birth_date": birth, "search_words": search_words(row.get("name") or "")}


register_derived("persons", {"id_number", "name"}, {"sex", "birth_date", "search_words"}, _person)
