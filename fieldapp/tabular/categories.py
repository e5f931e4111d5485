"""The 人员类别 cell: '脱贫人口（2016-12-31）、低保户' as the ledger's categories with their dates.

A cell may list several categories, each with the day it was recognised (and the day it ended)
in brackets; village words (低保户, 脱贫户 …) are read as the ledger's and reported as mapped.
Parsed once per distinct cell or item per import (`forget` empties the caches when it ends).
"""

from __future__ import annotations

import re
from functools import lru_cache

from fieldapp.domain.enums import OTHER_RURAL, Category
from fieldapp.domain.sentences import Sentence, Word, said, template
from fieldapp.tabular import cells
from fieldapp.tabular.cells import CellError, nfkc
from fieldapp.tabular.columns import CATEGORY_ALIASES

#: Cells and items parsed once each per import. Dates make them varied (a 100 000-row ledger
#: has about 35 000 distinct cells, 18 000 distinct items); the caches are emptied when an
#: import ends, so the app does not keep them.
CATEGORY_CACHE = 1 << 16
_CATEGORY_SPLIT = re.compile(r"[、,，;；/\s]+(?![^()]*\))")
_CATEGORY_ITEM = re.compile(r"^([^()]+?)(?:\(([^)]*)\))?$")
_RANGE_SPLIT = re.compile(r"\s*(?:~|～|至|到|—|--)\s*")
#: The other brackets a date is written in (【】 of the input method, [] and 〔〕), as ().
_BRACKETS = str.maketrans("【[〔】]〕", "((()))")
_OTHER_BRACKETS = frozenset("【[〔】]〕")
#: Spaces before a bracket: the date belongs to the word before it.
_SPACE_BEFORE_BRACKET = re.compile(r"\s+(?=\()")


def _items(text: str) -> list[str]:
    """The items of a cell, each with its dates in round brackets."""
    plain = nfkc(text)
    if not _OTHER_BRACKETS.isdisjoint(plain):  # rare: a translation of each character else
        plain = plain.translate(_BRACKETS)
    return _CATEGORY_SPLIT.split(_SPACE_BEFORE_BRACKET.sub("", plain))


#: A cell as read: the words read as another category (`mapped_words`), what is said of the
#: items dated by a year alone (`years_only`), its categories with their dates (`parse`) and
#: those ended in a month alone (`month_ends`).
Read = tuple[
    tuple[tuple[str, str], ...],
    tuple[Sentence, ...],
    tuple[tuple[str, str | None, str | None], ...],
    tuple[tuple[str, str], ...],
]


@lru_cache(maxsize=CATEGORY_CACHE)
def read(text: str) -> Read:
    """(`mapped_words`, `years_only`, `parse`, `month_ends`) of a cell, or the CellError the
    first of them raises (in that order), the cell split into its items once (dates make most
    cells distinct: an import split each three times, a quarter of reading a person's row)."""
    items = _items(text)
    return _mapped_words(items), _years_only(items), _parse(items), _month_ends(items)


def _month_ends(items: list[str]) -> tuple[tuple[str, str], ...]:
    """(category, the end as written) of each category whose end names a month and no day
    (失业人员（2025-05-10至2025-06）): `parse` gives it as the month's first day, and the day it
    means (its last, today's for the month running: `cells.month_end`) depends on today, which
    a cached reading cannot know; the row takes it (`person_row`)."""
    found: dict[str, tuple[str, str] | None] = {}
    for item in items:
        if not item or item == OTHER_RURAL:
            continue
        category = _category_item(item)[0]
        if category in found:
            continue  # `parse` keeps a category's first item
        match = _CATEGORY_ITEM.match(item)
        dates = (match.group(2) or "").strip() if match else ""
        parts = _RANGE_SPLIT.split(dates, maxsplit=1) if dates else []
        ended = len(parts) > 1 and not _YEAR_ONLY.match(dates) and cells.month_only(parts[1])
        found[category] = (category, parts[1]) if ended else None
    return tuple(f for f in found.values() if f is not None)


def parse(text: str) -> tuple[tuple[str, str | None, str | None], ...]:
    """'脱贫人口（2016-12-31）、低保' → ((category, start, end), …), or CellError naming the bad
    item; once per distinct text (many rows repeat one)."""
    return _parse(_items(text))


def _parse(items: list[str]) -> tuple[tuple[str, str | None, str | None], ...]:
    found: dict[str, tuple[str, str | None, str | None]] = {}
    for item in items:
        if item and item != OTHER_RURAL:  # of no group, as the app's own papers write it
            parsed = _category_item(item)
            found.setdefault(parsed[0], parsed)
    return tuple(found.values())


def mapped_words(text: str) -> tuple[tuple[str, str], ...]:
    """The 人员类别 words of a cell that were read as another category (低保户 → 农村低保对象)."""
    return _mapped_words(_items(text))


def _mapped_words(items: list[str]) -> tuple[tuple[str, str], ...]:
    found = []
    for item in items:
        match = _CATEGORY_ITEM.match(item) if item and item != OTHER_RURAL else None
        if match:
            word = match.group(1).strip()
            category = _category_item(item)[0]
            if word != category:
                found.append((word, category))
    return tuple(found)


# A category cell's item refused, each with the item or the word as written.
BAD_ITEM = template("人员类别“%1”格式不对")
#: A category's dates, said as the column of a date refused (脱贫人口的认定日期“…”不是有效日期).
START_OF = template("%1的认定日期")
END_OF = template("%1的结束日期")
#: 三类人员, a name for several categories (no part).
#: A category dated by its year alone (%1 the item as written, %2 the year as written, %3
#: the category): kept without a date.
YEAR_ONLY = template(
    "人员类别“%1”只写了年份“%2”：已记为%3，认定日期没有记录（要记下日期，请写成 2016-12-31 这样）"
)
COLLECTIVE = template(
    "“三类人员”是统称，请写明具体类别（脱贫人口、农村低收入人口、易地搬迁人口等）"
)
#: … and the categories known.
UNKNOWN = template("未知的人员类别“%1”（可用：%2）")


@lru_cache(maxsize=CATEGORY_CACHE)
def _category_item(item: str) -> tuple[str, str | None, str | None]:
    """One '脱贫人口(2016-12-31)' of a cell: (category, start, end)."""
    match = _CATEGORY_ITEM.match(item)
    if not match:
        raise CellError(said(BAD_ITEM, item))
    word, dates = match.group(1).strip(), (match.group(2) or "").strip()
    category = _category(word)
    start = end = None
    if _YEAR_ONLY.match(dates):
        return category, None, None  # 脱贫人口（2016年）: no day made up (said by `years_only`)
    if dates:
        parts = _RANGE_SPLIT.split(dates, maxsplit=1)
        start_day = cells.date(parts[0], said(START_OF, Word(category))) if parts[0] else None
        end_day = cells.date(parts[1], said(END_OF, Word(category))) if len(parts) > 1 else None
        start = start_day.isoformat() if start_day else None
        end = end_day.isoformat() if end_day else None
    return category, start, end


#: A year alone in a category's brackets: the year a household left poverty (脱贫年度).
_YEAR_ONLY = re.compile(r"^(19|20)\d\d\s*(年度?)?$")


def years_only(text: str) -> tuple[Sentence, ...]:
    """What to say of each item of a cell dated by its year alone (脱贫人口（2016年）): the
    category is kept without a date."""
    return _years_only(_items(text))


def _years_only(items: list[str]) -> tuple[Sentence, ...]:
    notes = []
    for item in items:
        match = _CATEGORY_ITEM.match(item) if item else None
        dates = (match.group(2) or "").strip() if match else ""
        if _YEAR_ONLY.match(dates):
            category = _category_item(item)[0]
            notes.append(said(YEAR_ONLY, item, dates, Word(category)))
    return tuple(notes)


#: The ledger's categories as written (脱贫人口 …), each to the enum's own text (one object
#: shared by every row that names it, as `Category(word).value` gave it).
_CATEGORY_NAMES: dict[str, str] = {c.value: c.value for c in Category}


def _category(word: str) -> str:
    if word == "三类人员":
        raise CellError(said(COLLECTIVE))
    named = _CATEGORY_NAMES.get(word)  # a dict's lookup: the enum's, and its exception, cost more
    if named is not None:
        return named
    if word in CATEGORY_ALIASES:
        return CATEGORY_ALIASES[word].value
    known = cells.words_listed(tuple(c.value for c in Category))
    raise CellError(said(UNKNOWN, word, known))


def forget() -> None:
    """Empty the caches of parsed cells (the app lives on after an import)."""
    for cache in (read, _category_item):
        cache.cache_clear()
