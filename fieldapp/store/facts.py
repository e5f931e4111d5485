"""Bulk loading of the policy engine's facts: one query per table, never one per person.

Whole-ledger eligibility (100k persons) reads persons, categories, spells, registrations,
services, claims and (when asked) monthly statuses in one pass each, and builds the slim
`PersonFacts` snapshots the pure policy code evaluates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, TypeVar

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

F = TypeVar("F", bound="DataclassInstance")

_PERSONS = f"""
SELECT p.id, p.sex, p.birth_date, h.area_code, p.hukou_code, {", ".join(f"p.{n}" for n in PERSON_FIELDS)}
FROM persons p LEFT JOIN households h ON h.id = p.household_id
WHERE p.deleted = 0 {{where}}
"""


class FactsLoader:
    """Builds PersonFacts / HouseholdFacts for a whole ledger, an area, or some persons."""

    def __init__(self, ledger: Ledger) -> None:
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
        return "", "", []

    def _records(
        self, cls: type[F], where: str, params: list[Any], order: str = ""
    ) -> dict[str, list[F]]:
        """Live rows of the facts class's table, made into facts and grouped by person.

        The columns are the facts class's fields (the model's names), so a field added to the
        model and the facts class is loaded without touching this query.
        """
        table = SNAPSHOTS[cls][0][0].TABLE
        columns = ", ".join(snapshot_fields(cls))
        sql = f"SELECT person_id, {columns} FROM [{table}] WHERE deleted = 0 {where}"
        if order:
            sql += f" ORDER BY person_id, {order}"
        make = snapshot_maker(cls)
        grouped: dict[str, list[F]] = defaultdict(list)
        for row in self.db.execute(sql, params).fetchall():
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
        """
        p_where, c_where, params = self._scope(area_prefix, person_ids)
        service_filter = ""
        if eligibility_only:
            service_filter = "AND service_type = '职业培训'"
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
        cats = self._records(CategorySpan, c_where, params)
        spells = self._records(
            SpellFacts, c_where + " AND start_date IS NOT NULL", params, "start_date, id"
        )
        regs = self._records(RegistrationFacts, c_where, params)
        services = self._records(
            ServiceFacts, f"AND service_date IS NOT NULL {service_filter} {c_where}", params
        )
        claims = self._records(ClaimFacts, c_where, params)
        months: dict[str, list[Any]] = {}
        if with_months:
            since = "AND month >= ?" if months_since else ""
            months = self._records(
                MonthFacts,
                f"{since} {c_where}",
                ([months_since] if months_since else []) + params,
                "month",
            )
        empty: tuple[Any, ...] = ()
        out: list[PersonFacts] = []
        for row in self.db.execute(_PERSONS.format(where=p_where), params).fetchall():
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
        return out

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
