"""Bulk loading of the policy engine's facts: one query per table, never one per person.

Whole-ledger eligibility (100k persons) reads persons, categories, spells, registrations,
services, claims and (when asked) monthly statuses in one pass each, and builds the slim
`PersonFacts` snapshots the pure policy code evaluates.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any, TypeVar

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.snapshots import (
    SNAPSHOTS,
    DataclassInstance,
    snapshot_fields,
    snapshot_maker,
)
from fieldapp.policy.facts import (
    PERSON_FIELDS,
    CategorySpan,
    ClaimFacts,
    HouseholdFacts,
    MonthFacts,
    NamesakeFacts,
    PersonFacts,
    RegistrationFacts,
    ServiceFacts,
    SpellFacts,
    birth_of,
    home_code_of,
    person_fields,
)
from fieldapp.store.filters import within_area
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.malformed import malformed, note
from fieldapp.store.queries.persons import HOUSEHOLD_HELD

F = TypeVar("F", bound="DataclassInstance")

_PERSONS = f"""
SELECT p.id, p.sex, p.birth_date, h.area_code, p.hukou_code, {", ".join(f"p.{n}" for n in PERSON_FIELDS)}
FROM persons p LEFT JOIN households h ON h.id = p.household_id
WHERE p.deleted = 0 {{where}}
"""


#: Up to this many persons in an area, their records are read by the persons' ids (found first)
#: and the record tables on the ledger's read pool, all at once. A larger scope (a county's
#: report) reads as before, one table after the other, each selecting the area's persons
#: itself: its rows are not all held at once, and a list of a million ids would not be smaller.
BY_IDS_LIMIT = 20_000

#: The ID numbers more than one person row holds, deleted rows counted (the duplicate the
#: program says to delete); the query reads the ID-number index alone (0.02 s at 100k).
_HELD_TWICE = "id_number IN (SELECT id_number FROM persons GROUP BY id_number HAVING COUNT(*) > 1)"

#: Of services, the trainings (all a subsidy rule looks at).
_TRAININGS = "AND service_type = '职业培训'"

#: Selects an area's records by the ids of its live persons, given as one JSON array.
_BY_IDS = "AND person_id IN (SELECT value FROM json_each(?))"


class FactsLoader:
    """Builds PersonFacts / HouseholdFacts for a whole ledger, an area, or some persons."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db

    def _scope(
        self, area_prefix: str | None, person_ids: list[str] | None
    ) -> tuple[str, str, list[Any]]:
        """(filter on persons p, filter on child rows by person_id, params)."""
        if person_ids is not None:
            marks = ", ".join("?" for _ in person_ids)
            return f"AND p.id IN ({marks})", f"AND person_id IN ({marks})", list(person_ids)
        if area_prefix:
            inside, params = within_area("h.area_code", area_prefix)
            sub = (
                "AND person_id IN (SELECT p.id FROM households h JOIN persons p "
                f"ON p.household_id = h.id WHERE {inside})"
            )
            return f"AND {inside}", sub, params
        # The whole ledger: its own people, as its 台账 list has them (`HOUSEHOLD_HELD`) — not
        # a person another village offers to it, held read-only with all that hangs off them
        # (nor one kept as they stood once the offer ended, or once they moved away). An
        # area's persons are those of its households already.
        return f"AND {HOUSEHOLD_HELD}", "", []

    def _query(self, cls: type[F], where: str, order: str = "") -> str:
        """The live rows of the facts class's table, person id first.

        The columns are the facts class's fields (the model's names), so a field added to the
        model and the facts class is loaded without touching this query.
        """
        table = SNAPSHOTS[cls][0][0].TABLE
        columns = ", ".join(snapshot_fields(cls))
        sql = f"SELECT person_id, {columns} FROM [{table}] WHERE deleted = 0 {where}"
        if order:
            sql += f" ORDER BY person_id, {order}"
        return sql

    def _grouped(self, cls: type[F], rows: list[Any]) -> dict[str, list[F]]:
        """Rows of `_query` made into facts and grouped by person (in the rows' order)."""
        table = SNAPSHOTS[cls][0][0].TABLE
        make = snapshot_maker(cls)
        grouped: dict[str, list[F]] = defaultdict(list)
        for row in rows:
            try:
                grouped[row[0]].append(make(row[1:]))
            except (ValueError, TypeError) as error:  # a stored value no model accepts
                names = snapshot_fields(cls)
                values = dict(zip(("person_id", *names), row, strict=False))
                note(self.db, malformed(table, values, error))
        return grouped

    def persons(
        self,
        *,
        area_prefix: str | None = None,
        person_ids: list[str] | None = None,
        with_months: bool = False,
        months_since: str | None = None,
        eligibility_only: bool = False,
    ) -> list[PersonFacts]:
        """Facts of every live person in scope (whole ledger when no filter is given).

        `eligibility_only` loads just what subsidy rules can use: persons with a spell, a
        training or a claim, and only their trainings among services.

        An area's persons are read first; up to `BY_IDS_LIMIT` of them, their records are read
        by their ids, each table on its own connection of the ledger's read pool at the same
        time (on a county-sized file not in the page cache, the tables' scattered pages are
        then waited for together instead of one table after another). The facts are the same
        whichever way they are read (`tests/store/test_facts_by_ids.py`).

        No ids (`person_ids=[]`) are no persons, unasked: `IN ()` is no SQL to PostgreSQL.
        """
        if person_ids is not None and not person_ids:
            return []
        p_where, c_where, params = self._scope(area_prefix, person_ids)
        service_filter = ""
        if eligibility_only:
            service_filter = _TRAININGS
            if area_prefix or person_ids is not None:
                # Correlated probes of each person's index entries: a village on a county-sized
                # ledger reads its own rows only (the list below, of every person with a spell,
                # a training or a claim in the whole ledger, took seconds at 1M persons).
                p_where += (
                    " AND (EXISTS (SELECT 1 FROM employment_spells s"
                    " WHERE s.person_id = p.id AND s.deleted = 0)"
                    " OR EXISTS (SELECT 1 FROM services v WHERE v.person_id = p.id"
                    " AND v.deleted = 0 AND v.service_type = '职业培训')"
                    " OR EXISTS (SELECT 1 FROM claims c WHERE c.person_id = p.id AND c.deleted = 0))"
                )
            else:  # the whole ledger: one pass over each table is quicker than a probe per person
                p_where += (
                    " AND p.id IN (SELECT person_id FROM employment_spells WHERE deleted = 0"
                    " UNION SELECT person_id FROM services WHERE deleted = 0"
                    " AND service_type = '职业培训' UNION SELECT person_id FROM claims"
                    " WHERE deleted = 0)"
                )
        person_rows: list[Any] | None = None
        c_params = params
        by_ids = False
        if area_prefix and person_ids is None:
            person_rows = self.db.execute(_PERSONS.format(where=p_where), params).fetchall()
            if len(person_rows) <= BY_IDS_LIMIT:
                by_ids = True
                # Sorted: each table's index is then walked forward, in one pass.
                ids = sorted({row[0] for row in person_rows})
                c_where, c_params = _BY_IDS, [json.dumps(ids)]
        tables: list[tuple[type[Any], str, list[Any], str]] = [
            (CategorySpan, c_where, c_params, ""),
            (SpellFacts, c_where + " AND start_date IS NOT NULL", c_params, "start_date, id"),
            (RegistrationFacts, c_where, c_params, ""),
            (
                ServiceFacts,
                f"AND service_date IS NOT NULL {service_filter} {c_where}",
                c_params,
                "",
            ),
            (ClaimFacts, c_where, c_params, ""),
        ]
        if with_months:
            since = "AND month >= ?" if months_since else ""
            since_params = [months_since] if months_since else []
            tables.append((MonthFacts, f"{since} {c_where}", since_params + c_params, "month"))
        queries = [(self._query(cls, where, order), ps) for cls, where, ps, order in tables]
        pool = self.ledger.read_pool() if by_ids else None
        if pool is not None:
            futures = pool.fetch(queries)
            found = [
                self._grouped(cls, future.result())
                for (cls, *_rest), future in zip(tables, futures, strict=True)
            ]
        else:
            found = [
                self._grouped(cls, self.db.execute(sql, ps).fetchall())
                for (cls, *_rest), (sql, ps) in zip(tables, queries, strict=True)
            ]
        cats, spells, regs, services, claims = found[:5]
        months: dict[str, list[Any]] = found[5] if with_months else {}
        if person_rows is None:
            person_rows = self.db.execute(_PERSONS.format(where=p_where), params).fetchall()
        empty: tuple[Any, ...] = ()
        out: list[PersonFacts] = []
        for row in person_rows:
            pid, sex, birth, area, hukou, *values = row
            copied = person_fields(values)
            number = copied["id_number"]
            try:
                born = dt.date.fromisoformat(birth) if birth else birth_of(number)
            except ValueError:
                continue  # an ID number too broken to give a birth date cannot be evaluated
            out.append(
                PersonFacts(
                    person_id=pid,
                    birth_date=born,
                    sex=sex or "",
                    area_code=area or "",
                    home_code=home_code_of(hukou, area, number),
                    categories=tuple(cats.get(pid, empty)),
                    spells=tuple(spells.get(pid, empty)),
                    registrations=tuple(regs.get(pid, empty)),
                    services=tuple(services.get(pid, empty)),
                    claims=tuple(claims.get(pid, empty)),
                    months=tuple(months.get(pid, empty)),
                    **copied,
                )
            )
        self._add_namesakes(out)
        return out

    def _add_namesakes(self, people: list[PersonFacts]) -> None:
        """Give each of `people` the other rows holding their ID number (one person entered
        twice): those rows' jobs, trainings and claims (`NamesakeFacts`), so a job claimed on
        one row is claimed on the other (`ClaimService` refuses the copy's claim). A deleted
        row counts — the duplicate the program says to delete: what was claimed on it was
        claimed — but for its drafts, which stop nothing (as `trust_check.drafted_gone`).
        One statement finds the rows; their records are read only when there are some."""
        numbers = sorted({p.id_number for p in people if p.id_number})
        if not numbers:
            return
        where, params = _HELD_TWICE, []  # a county's report: one pass over the index
        if len(numbers) <= BY_IDS_LIMIT:
            where, params = "id_number IN (SELECT value FROM json_each(?))", [json.dumps(numbers)]
        holders: dict[str, set[str]] = defaultdict(set)
        gone: set[str] = set()  # deleted rows: the duplicate the program says to delete
        for number, person, deleted in self.db.execute(
            f"SELECT id_number, id, deleted FROM persons WHERE {where}", params
        ).fetchall():
            holders[str(number)].add(str(person))
            if deleted:
                gone.add(str(person))
        others = {
            p.person_id: sorted(holders.get(p.id_number, set()) - {p.person_id}) for p in people
        }
        wanted = sorted({o for found in others.values() for o in found})
        if not wanted:
            return
        ids = [json.dumps(wanted)]

        def read(cls: type[F], kept: str, order: str = "") -> dict[str, list[F]]:
            return self._grouped(
                cls, self.db.execute(self._query(cls, kept, order), ids).fetchall()
            )

        spells = read(SpellFacts, f"AND start_date IS NOT NULL {_BY_IDS}", "start_date, id")
        services = read(ServiceFacts, f"AND service_date IS NOT NULL {_TRAININGS} {_BY_IDS}")
        claims = read(ClaimFacts, _BY_IDS)
        for other in gone & claims.keys():  # a deleted row's draft stops nothing (drafted_gone)
            claims[other] = [c for c in claims[other] if c.state != ClaimState.DRAFT.value]
        empty: tuple[Any, ...] = ()
        for person in people:
            person.namesakes = tuple(
                NamesakeFacts(
                    other,
                    tuple(spells.get(other, empty)),
                    tuple(services.get(other, empty)),
                    tuple(claims.get(other, empty)),
                    other in gone,
                )
                for other in others[person.person_id]
            )

    def households(
        self,
        *,
        area_prefix: str | None = None,
        with_months: bool = True,
        months_since: str | None = None,
    ) -> list[HouseholdFacts]:
        """Live households in scope with their members' facts."""
        inside, params = within_area("area_code", area_prefix)
        where = f"AND {inside}"
        found: dict[str, HouseholdFacts] = {}
        for hid, area, number, address, relocated, lifted in self.db.execute(
            f"""SELECT id, area_code, household_no, address, is_relocated, is_lifted
            FROM households WHERE deleted = 0 {where} ORDER BY area_code, household_no, id""",
            params,
        ).fetchall():
            found[hid] = HouseholdFacts(
                hid, area or "", number or "", address or "", bool(relocated), bool(lifted)
            )
        for person in self.persons(
            area_prefix=area_prefix, with_months=with_months, months_since=months_since
        ):
            household = found.get(person.household_id or "")
            if household is not None:
                household.members.append(person)
        return list(found.values())

    def area_names(self) -> dict[str, str]:
        """Area code → name, for every live area."""
        rows = self.db.execute("SELECT code, name FROM areas WHERE deleted = 0").fetchall()
        return {code: name for code, name in rows}
