"""Bulk loading of the policy engine's facts: one query per table, never one per person.

Whole-ledger eligibility (100k persons) reads persons, categories, spells, registrations,
services, claims and (when asked) monthly statuses in one pass each, and builds the slim
`PersonFacts` snapshots the pure policy code evaluates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from fieldapp.policy.facts import (
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
)
from fieldapp.store.ledger import Ledger

_PERSONS = """
SELECT p.id, p.id_number, p.name, p.sex, p.birth_date, p.household_id, h.area_code,
       p.hukou_code, p.labour_ability, p.graduation_year, p.relation
FROM persons p LEFT JOIN households h ON h.id = p.household_id
WHERE p.deleted = 0 {where}
"""


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


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
            # A range on the code (not LIKE) so the area index is used; codes nest by prefix.
            sub = (
                "AND person_id IN (SELECT p.id FROM households h JOIN persons p "
                "ON p.household_id = h.id WHERE h.area_code >= ? AND h.area_code < ?)"
            )
            return (
                "AND h.area_code >= ? AND h.area_code < ?",
                sub,
                [area_prefix, area_prefix + "\uffff"],
            )
        return "", "", []

    def _grouped(
        self, sql: str, params: list[Any], make: Callable[[tuple[Any, ...]], Any]
    ) -> dict[str, list[Any]]:
        grouped: dict[str, list[Any]] = defaultdict(list)
        for row in self.db.execute(sql, params).fetchall():
            grouped[row[0]].append(make(row))
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
            p_where += (
                " AND p.id IN (SELECT person_id FROM employment_spells WHERE deleted = 0"
                " UNION SELECT person_id FROM services WHERE deleted = 0"
                " AND service_type = '职业培训' UNION SELECT person_id FROM claims"
                " WHERE deleted = 0)"
            )
        cats = self._grouped(
            f"SELECT person_id, category, start_date, end_date FROM person_categories "
            f"WHERE deleted = 0 {c_where}",
            params,
            lambda r: CategorySpan(r[1], _day(r[2]), _day(r[3])),
        )
        spells = self._grouped(
            f"""SELECT person_id, id, start_date, end_date, place_code, place_name, form, employer,
                monthly_income, contract_months, insurance_months, organized_export,
                export_agency, is_first_export, is_casual
            FROM employment_spells WHERE deleted = 0 AND start_date IS NOT NULL {c_where}
            ORDER BY person_id, start_date, id""",
            params,
            lambda r: SpellFacts(
                r[1],
                dt.date.fromisoformat(r[2]),
                _day(r[3]),
                r[4] or "",
                r[5] or "",
                r[6] or "单位就业",
                r[7] or "",
                r[8],
                r[9],
                r[10],
                bool(r[11]),
                r[12] or "",
                None if r[13] is None else bool(r[13]),
                bool(r[14]),
            ),
        )
        regs = self._grouped(
            f"""SELECT person_id, id, found_date, registered_date, unemployment_class, ended_date
            FROM unemployment_registrations WHERE deleted = 0 {c_where}""",
            params,
            lambda r: RegistrationFacts(r[1], _day(r[2]), _day(r[3]), r[4], _day(r[5])),
        )
        services = self._grouped(
            f"""SELECT person_id, id, service_date, service_type, training_days FROM services
            WHERE deleted = 0 AND service_date IS NOT NULL {service_filter} {c_where}""",
            params,
            lambda r: ServiceFacts(r[1], dt.date.fromisoformat(r[2]), r[3] or "", r[4]),
        )
        claims = self._grouped(
            f"""SELECT person_id, id, rule_id, limit_key, state, event_date, created_at
            FROM claims WHERE deleted = 0 {c_where}""",
            params,
            lambda r: ClaimFacts(r[1], r[2] or "", r[3] or "", r[4] or "", _day(r[5]), r[6] or ""),
        )
        months: dict[str, list[Any]] = {}
        if with_months:
            since = "AND month >= ?" if months_since else ""
            months = self._grouped(
                f"""SELECT person_id, month, status, income FROM monthly_status
                WHERE deleted = 0 {since} {c_where} ORDER BY person_id, month""",
                ([months_since] if months_since else []) + params,
                lambda r: MonthFacts(r[1], r[2] or "", r[3]),
            )
        empty: tuple[Any, ...] = ()
        out: list[PersonFacts] = []
        for row in self.db.execute(_PERSONS.format(where=p_where), params).fetchall():
            pid, number, name, sex, birth, household, area, hukou, ability, grad, rel = row
            try:
                born = dt.date.fromisoformat(birth) if birth else birth_of(number)
            except ValueError:
                continue  # an ID number too broken to give a birth date cannot be evaluated
            out.append(
                PersonFacts(
                    person_id=pid,
                    id_number=number,
                    name=name or "",
                    birth_date=born,
                    sex=sex or "",
                    household_id=household,
                    area_code=area or "",
                    home_code=home_code_of(hukou, area, number),
                    labour_ability=ability or "普通劳动力",
                    graduation_year=grad,
                    relation=rel or "",
                    categories=tuple(cats.get(pid, empty)),
                    spells=tuple(spells.get(pid, empty)),
                    registrations=tuple(regs.get(pid, empty)),
                    services=tuple(services.get(pid, empty)),
                    claims=tuple(claims.get(pid, empty)),
                    months=tuple(months.get(pid, empty)),
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
        params: list[Any] = []
        where = ""
        if area_prefix:
            where = "AND area_code >= ? AND area_code < ?"
            params = [area_prefix, area_prefix + "\uffff"]
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

    def area_kinds(self) -> dict[str, tuple[str, str | None]]:
        """Area code → (kind, parent code)."""
        rows = self.db.execute(
            "SELECT code, kind, parent_code FROM areas WHERE deleted = 0"
        ).fetchall()
        return {code: (kind, parent) for code, kind, parent in rows}
