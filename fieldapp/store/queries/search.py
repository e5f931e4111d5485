"""One search box: Chinese name (any substring), pinyin (full or initials), ID or phone digits.

Two FTS5 indexes over `persons`: `person_words` (unicode61; each name character a token, plus
pinyin words) answers names of any length as phrase queries and pinyin as prefix queries, and
`person_digits` (trigram) answers any 4+ digits of an ID number or phone. Results come in rank
order: exact ID, exact name / pinyin word, name or word starting with the query, the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from fieldapp.domain import idnumber
from fieldapp.domain.models import Household, Person
from fieldapp.domain.snapshots import snapshot_of
from fieldapp.store.columns import select_list
from fieldapp.store.filters import within_area
from fieldapp.store.pinyin import RARE
from fieldapp.store.queries import Source, db_of
from fieldapp.store.queries.persons import HOUSEHOLD_HELD, PERSON_COLUMNS, PersonRow

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")
_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^\d{3,17}[\dX]?$")
_FTS_IN = re.compile(r"^p\.rowid IN \(SELECT rowid FROM (\w+) WHERE \1 MATCH \?\)")
#: The shortest phone number (a landline without its area code): shorter digits are never
#: looked up as a whole phone (that lookup reads every person whose phone holds the digits).
_PHONE_MIN = 7


@snapshot_of(Person, Household)
@dataclass(frozen=True)
class SearchHit:
    """One person found, with enough to show a result row (`Person` fields, the household's
    area code), read by name (`select_list`)."""

    id: str
    name: str
    id_number: str
    sex: str | None
    birth_date: str | None
    phone: str | None
    household_id: str | None
    area_code: str | None
    relation: str | None
    labour_ability: str | None

    def as_dict(self) -> dict[str, str | None]:
        """JSON-friendly form (the CLI's `search --json`)."""
        return dict(self.__dict__)


RESULT_COLUMNS = select_list(SearchHit, {Person: "p", Household: "h"})

R = TypeVar("R")


def normalise_query(text: str) -> str:
    """NFKC, lower case, no spaces or hyphens."""
    return re.sub(r"[\s\-]+", "", unicodedata.normalize("NFKC", text)).lower()


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class PersonSearch:
    """Ranked person search over one ledger database."""

    def __init__(self, source: Source) -> None:
        self.db = db_of(source)

    def search(self, text: str, limit: int = 50, area_prefix: str | None = None) -> list[SearchHit]:
        """People matching the query, best first (at most `limit`)."""
        return self._found(text, limit, area_prefix, RESULT_COLUMNS, 0, lambda r: SearchHit(*r))

    def rows(self, text: str, limit: int = 50, area_prefix: str | None = None) -> list[PersonRow]:
        """The same people as `search`, in the same order, as ledger table rows: one query per
        plan, where a search and then a fetch of its hits by id read every row twice."""
        return self._found(text, limit, area_prefix, PERSON_COLUMNS, 1, lambda r: PersonRow(*r))

    def _found(
        self,
        text: str,
        limit: int,
        area_prefix: str | None,
        columns: str,
        id_at: int,
        make: Callable[[Sequence[Any]], R],
    ) -> list[R]:
        """The first `limit` persons the plans find, as `make` builds them from `columns`
        (the person's id at position `id_at`: a person found by two plans is listed once)."""
        query = normalise_query(text)
        if not query:
            return []
        found: dict[str, R] = {}
        for where, params in self._plans(query):
            if len(found) >= limit:
                break
            for row in self._run(where, params, limit - len(found), area_prefix, columns):
                if row[id_at] not in found:
                    found[row[id_at]] = make(row)
        return list(found.values())[:limit]

    def _plans(self, query: str) -> list[tuple[str, list[str]]]:
        upper = query.upper()
        if _DIGITS.match(upper):
            plans: list[tuple[str, list[str]]] = []
            if len(upper) == 18:
                plans.append(("p.id_number = ?", [upper]))
            if len(upper) >= _PHONE_MIN:
                # Exact phone through its own index (migration 28). Through the trigram index
                # it read every row holding each three digits: 0.1–0.4 s a keystroke at a
                # million persons while an ID number was typed from its start.
                plans.append(("p.phone = ?", [upper]))
            if len(upper) >= 4:
                plans.append(
                    (
                        "p.rowid IN (SELECT rowid FROM person_digits WHERE person_digits MATCH ?)",
                        [_quote(upper)],
                    )
                )
            return plans
        if _LETTERS.match(query):
            # Usual readings first (whole word, then as a prefix); names found only through a
            # rare reading of a character (超 as tiao) come after all of them.
            words = "p.rowid IN (SELECT rowid FROM person_words WHERE person_words MATCH ?)"
            rare = _quote(RARE + query)
            return [
                (words, [_quote(query)]),
                (words, [_quote(query) + "*"]),
                (words, [rare]),
                (words, [rare + "*"]),
            ]
        if _CJK.search(query):
            chars = " ".join(query)
            words = "p.rowid IN (SELECT rowid FROM person_words WHERE person_words MATCH ?)"
            return [
                ("p.name = ?", [query]),
                (words, ["^ " + _quote(chars)]),
                (words, [_quote(chars)]),
            ]
        number = idnumber.normalise(query)
        return [("p.id_number = ?", [number])] if len(number) == 18 else []

    def _run(
        self, where: str, params: list[str], limit: int, area_prefix: str | None, columns: str
    ) -> list[Any]:
        join = ""
        fts = _FTS_IN.match(where)
        if fts:
            # A join streams FTS matches and stops at LIMIT; `rowid IN (subquery)` first
            # collected every match (13 ms for 4 digits common to 100k ID numbers).
            table = fts.group(1)
            join = f"JOIN {table} ON {table}.rowid = p.rowid "
            where = f"{table} MATCH ?" + where[fts.end() :]
        sql = (
            f"SELECT {columns} FROM persons p {join}"
            "LEFT JOIN households h ON h.id = p.household_id "
            f"WHERE p.deleted = 0 AND {HOUSEHOLD_HELD} AND {where}"
        )
        args: list[str | int] = list(params)
        if area_prefix:
            inside, area_params = within_area("h.area_code", area_prefix)
            sql += f" AND {inside}"
            args += area_params
        sql += " LIMIT ?"
        args.append(limit)
        return list(self.db.execute(sql, args).fetchall())
