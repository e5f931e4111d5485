"""Subsidy claims, batches and the claim event trail, read back (the SQL of claims lives here).

Writes are `fieldapp.services.claims`' (through the one write path, so each step of a claim is
attributable and syncs); the rules about which writes are allowed live in
`fieldapp.policy.claim_flow` and the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fieldapp.domain.claims import Batch, Claim, ClaimEvent, ClaimState, ClaimStep
from fieldapp.domain.errors import NotFound
from fieldapp.domain.numbers import made_day, parse_number, row_number
from fieldapp.domain.sentences import said, template
from fieldapp.policy.guard import namesake_key
from fieldapp.store.filters import within_area
from fieldapp.store.queries.records import (
    PEOPLE_PER_QUERY,
    accepted_rows,
    to_model,
    to_models,
)

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: A claim or a batch asked for by its printed number (%1) that no row is printed with.
NO_CLAIM_NUMBERED = template("找不到申请编号为 %1 的申领")
NO_BATCH_NUMBERED = template("找不到批次编号为 %1 的批次")
#: Several rows (%1 how many) printed with one number (%2): two devices' parts coincide.
CLAIMS_NUMBERED_ALIKE = template(
    "有 %1 条申领的编号都是 %2（不同电脑编的），请按纸上的姓名、身份证号核对"
)
BATCHES_NUMBERED_ALIKE = template(
    "有 %1 条批次的编号都是 %2（不同电脑编的），请按纸上的姓名、身份证号核对"
)
#: An id's beginning (%2) shared by several claims (%1 how many), or by several batches.
CLAIMS_PREFIXED = template("有 %1 条申领的编号以 %2 开头，请多写几位或写完整编号")
BATCHES_PREFIXED = template("有多个批次的编号以 %1 开头，请多写几位或写完整编号")
#: No claim or batch of this id (%1).
NO_CLAIM = template("找不到申领记录 %1")
NO_BATCH = template("找不到批次 %1")


#: The count part of a claim's (batch's) creating key, `_ckey` ('stamp/device:count': a change
#: id holds one colon, `sync.bundle.ChangeId`), as `by_number` looks it up and a hub indexes it
#: (`store.answers.HUB_INDEXES`): the count of a printed number is found without reading every
#: key; the device part, a digest of the device's id, is then told from the keys found.
NUMBER_COUNT = "substr(_ckey, instr(_ckey, ':') + 1)"


#: The claim's person (`claims` unaliased), where the ledger holds them but not their household:
#: another village's (`persons.HOUSEHOLD_HELD` false).
_PERSON_NOT_HELD = (
    "SELECT 1 FROM persons p WHERE p.id = claims.person_id"
    " AND p.household_id IS NOT NULL AND p.household_id != ''"
    " AND NOT EXISTS (SELECT 1 FROM households h WHERE h.id = p.household_id)"
)


class ClaimQueries:
    """Reads of claims, batches and claim events over one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.db = ledger.db

    # -- claims -----------------------------------------------------------------------------

    def get(self, claim_id: str) -> Claim:
        """One claim by id or by its printed number (申请编号; a unique prefix of the id is
        accepted), or NotFound."""
        if parse_number(claim_id):
            # A number is looked up as one only: a row whose id reads as another's number (a
            # tampered program's; held at the hub, `numbered_id`) never answers for it.
            row = self._numbered(Claim.TABLE, claim_id, CLAIMS_NUMBERED_ALIKE)
            if row is None:
                raise NotFound(said(NO_CLAIM_NUMBERED, claim_id.strip().upper()))
            return to_model(Claim, row)
        row = self.ledger.get(Claim.TABLE, claim_id)
        if row is None and len(claim_id) >= 6:
            rows = self._rows("id LIKE ?", [claim_id.replace("%", "").replace("_", "") + "%"])
            if len(rows) == 1:
                return rows[0]
            if rows:
                # Ids made in the same minute share their first 13 characters.
                raise NotFound(said(CLAIMS_PREFIXED, str(len(rows)), claim_id))
        if row is None:
            raise NotFound(said(NO_CLAIM, claim_id))
        return to_model(Claim, row)

    def _rows(self, where: str, params: Iterable[Any] = ()) -> list[Claim]:
        cursor = self._live(where, params)
        names = [d[0] for d in cursor.description]
        return to_models(self.db, Claim, names, cursor.fetchall())

    def _live(self, where: str, params: Iterable[Any]) -> Any:
        """The cursor of the live claims `where` says, oldest first."""
        return self.db.execute(
            f"SELECT * FROM claims WHERE deleted = 0 AND ({where}) ORDER BY _ckey, id",
            list(params),
        )

    def select(
        self,
        *,
        rule_id: str | None = None,
        states: Iterable[ClaimState] | None = None,
        person_id: str | None = None,
        area_prefix: str | None = None,
        batch_id: str | None = None,
        funding_source: str | None = None,
        listed_by: str | None = None,
    ) -> list[Claim]:
        """Live claims matching every given filter, oldest first; none, unasked, for no states
        (`states=()`; `IN ()` is no SQL to PostgreSQL), where `states=None` is any state.

        `listed_by` (with no `area_prefix`: over every area): the area of the device listing
        them — a claim of that area, or of a person the ledger lists as its own
        (`HOUSEHOLD_HELD`), not one that a person another village offers to this one (or
        once offered, or moved away) brought with them: their claims stay that village's."""
        where, params = ["1 = 1"], []  # (PostgreSQL takes no bare 1 as a condition)
        for column, value in (
            ("rule_id", rule_id),
            ("person_id", person_id),
            ("batch_id", batch_id),
            ("funding_source", funding_source),
        ):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if states is not None:
            chosen = [str(s) for s in states]
            if not chosen:
                return []
            where.append(f"state IN ({', '.join('?' for _ in chosen)})")
            params.extend(chosen)
        if area_prefix:
            inside, area_params = within_area("area_code", area_prefix)
            where.append(inside)
            params.extend(area_params)
        elif listed_by:
            inside, area_params = within_area("area_code", listed_by)
            where.append(f"({inside} OR NOT EXISTS ({_PERSON_NOT_HELD}))")
            params.extend(area_params)
        return self._rows(" AND ".join(where), params)

    def with_limit_key(self, limit_key: str) -> list[Claim]:
        """Live claims sharing one limit key (the one-time guard's unit), oldest first."""
        return self._rows("limit_key = ?", [limit_key])

    def with_limit_keys(self, limit_keys: Iterable[str]) -> dict[str, list[Claim]]:
        """`with_limit_key` of many keys at once, by key (each asked for is a key, with none
        for a key no live claim has): one statement per `PEOPLE_PER_QUERY` keys."""
        return self._grouped("limit_key", limit_keys)

    def holders(self, id_numbers: Iterable[str], *, deleted: bool = False) -> dict[str, set[str]]:
        """The ids of the live persons holding each ID number (each asked for is a key, with
        none for a number nobody holds): one statement per `PEOPLE_PER_QUERY` numbers.
        `deleted`: the deleted persons too (a row deleted as entered twice is still the
        number's: what was paid on it was paid to that person)."""
        wanted = sorted(set(id_numbers) - {""})
        found: dict[str, set[str]] = {number: set() for number in wanted}
        live = "" if deleted else "deleted = 0 AND "
        for start in range(0, len(wanted), PEOPLE_PER_QUERY):
            chunk = wanted[start : start + PEOPLE_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            cursor = self.db.execute(
                f"SELECT id_number, id FROM persons WHERE {live}id_number IN ({marks})",
                chunk,
            )
            for number, person in cursor.fetchall():
                found[str(number)].add(str(person))
        return found

    def of_namesakes(self, id_number: str, person_id: str, limit_key: str) -> list[Claim]:
        """Live claims under `limit_key`'s limit group and period (`guard.namesake_key`) of the
        persons other than `person_id` holding `id_number`: one person entered twice (two
        villages, two laptops), whose claims the one-time guard, counting person rows, takes
        for two people's. A deleted row's too (the duplicate deleted: what was paid on it was
        paid to that person), but for its drafts, never passed on. None for no ID number or
        no namesake."""
        if not id_number:
            return []
        gone = {  # the rows holding the number, each deleted or not: one statement
            str(person): bool(deleted)
            for person, deleted in self.db.execute(
                "SELECT id, deleted FROM persons WHERE id_number = ?", [id_number]
            ).fetchall()
            if str(person) != person_id
        }
        keys = {key for other in gone if (key := namesake_key(limit_key, other))}
        return [
            c
            for found in self.with_limit_keys(keys).values()
            for c in found
            if not gone.get(c.person_id) or c.state != ClaimState.DRAFT
        ]

    def of_people(self, person_ids: Iterable[str]) -> dict[str, list[Claim]]:
        """`select(person_id=…)` of many persons at once, by person id (each asked for is a
        key, with none for a person who has no live claim): one statement per
        `PEOPLE_PER_QUERY` persons."""
        return self._grouped("person_id", person_ids)

    def _grouped(self, column: str, values: Iterable[str]) -> dict[str, list[Claim]]:
        wanted = sorted(set(values))
        found: dict[str, list[Claim]] = {value: [] for value in wanted}
        for start in range(0, len(wanted), PEOPLE_PER_QUERY):
            chunk = wanted[start : start + PEOPLE_PER_QUERY]
            marks = ", ".join("?" * len(chunk))
            for claim in self._rows(f"{column} IN ({marks})", chunk):
                found[str(getattr(claim, column) or "")].append(claim)
        return found

    def naming(self, row_id: str) -> list[str]:
        """Ids of the live claims that may pay for the job or training `row_id` (its id as
        their `spell_id`, or within their frozen facts): the caller reads each to be sure."""
        like = f"%{row_id}%"  # (a % or _ of the id matches itself among others)
        cursor = self.db.execute(
            "SELECT id FROM claims WHERE deleted = 0 AND (spell_id = ? OR facts LIKE ?)",
            [row_id, like],
        )
        return [str(r[0]) for r in cursor.fetchall()]

    def all(self) -> list[Claim]:
        """Every live claim, oldest first."""
        return self._rows("1 = 1")

    # -- events -----------------------------------------------------------------------------

    def events(self, claim_id: str) -> list[ClaimEvent]:
        """A claim's trail in order, with who/when/device filled from the log."""
        cursor = self.db.execute(
            "SELECT * FROM claim_events WHERE deleted = 0 AND claim_id = ? ORDER BY _ckey, id",
            [claim_id],
        )
        names = [d[0] for d in cursor.description]
        return to_models(self.db, ClaimEvent, names, cursor.fetchall())

    def steps(self, area_prefix: str | None = None) -> dict[str, list[ClaimStep]]:
        """Each live claim's changes of state (in the area), in order, on China's day of the
        step's stamp (its creating change's wall clock, UTC+8): what the 月报 counts by."""
        inside, params = within_area("c.area_code", area_prefix)
        cursor = self.db.execute(
            "SELECT e.claim_id, e.from_state, e.to_state, e._ckey FROM claim_events e "
            "JOIN claims c ON c.id = e.claim_id "
            f"WHERE e.deleted = 0 AND c.deleted = 0 AND e.from_state != e.to_state AND {inside} "
            "ORDER BY e._ckey, e.id",
            params,
        )
        found: dict[str, list[ClaimStep]] = {}
        for claim_id, before, after, key in cursor.fetchall():
            day = _china_day(key)
            if day is not None:
                found.setdefault(claim_id, []).append(ClaimStep(before or "", after or "", day))
        return found

    def by_number(
        self, number: str, tables: Iterable[str] = (Claim.TABLE, Batch.TABLE)
    ) -> list[str]:
        """The ids of the live claims and batches printed with `number` (申请编号、批次编号,
        as typed: `numbers.parse_number`): one, unless two devices' parts ever coincide."""
        parsed = parse_number(number)
        if parsed is None:
            return []
        part, seq = parsed
        found = []
        for table in tables:
            cursor = self.db.execute(
                f"SELECT id, _ckey FROM {table} WHERE deleted = 0 AND {NUMBER_COUNT} = ? "
                "ORDER BY id",
                [str(seq)],
            )
            found += [str(i) for i, key in cursor.fetchall() if row_number(key) == f"{part}-{seq}"]
        return found

    def _numbered(self, table: str, number: str, alike: str) -> dict[str, Any] | None:
        """The one row of `table` printed with `number`; None when none is, NotFound naming
        them when several are (two devices whose parts coincide: told apart by name; `alike`
        the template saying so)."""
        found = self.by_number(number, (table,))
        if len(found) > 1:
            raise NotFound(said(alike, str(len(found)), number.strip().upper()))
        return self.ledger.get(table, found[0]) if found else None

    # -- batches ----------------------------------------------------------------------------

    def batch(self, batch_id: str) -> Batch:
        """One batch by id or by its printed number (批次编号; a unique prefix of the id is
        accepted, as for claims), or NotFound."""
        if parse_number(batch_id):
            # By number only, as a claim's (`get`).
            row = self._numbered(Batch.TABLE, batch_id, BATCHES_NUMBERED_ALIKE)
            if row is None:
                raise NotFound(said(NO_BATCH_NUMBERED, batch_id.strip().upper()))
            return to_model(Batch, row)
        row = self.ledger.get(Batch.TABLE, batch_id)
        if row is None and len(batch_id) >= 6:
            rows = self.db.execute(
                "SELECT id FROM batches WHERE deleted = 0 AND id LIKE ? LIMIT 2",
                [batch_id.replace("%", "").replace("_", "") + "%"],
            ).fetchall()
            if len(rows) > 1:
                raise NotFound(said(BATCHES_PREFIXED, batch_id))
            if rows:
                row = self.ledger.get(Batch.TABLE, rows[0][0])
        if row is None:
            raise NotFound(said(NO_BATCH, batch_id))
        return to_model(Batch, row)

    def batches(self) -> list[Batch]:
        """Every live batch, oldest first."""
        cursor = self.db.execute("SELECT * FROM batches WHERE deleted = 0 ORDER BY _ckey, id")
        names = [d[0] for d in cursor.description]
        return to_models(self.db, Batch, names, cursor.fetchall())

    def batch_claims(self, batch_id: str) -> list[Claim]:
        """The live claims of one batch, oldest first."""
        return self._rows("batch_id = ?", [batch_id])

    def batch_claim_rows(self, batch_id: str) -> list[dict[str, Any]]:
        """`batch_claims` as the ledger stores them (`Ledger.get`'s rows), for the trust checks
        of a batch, which read a claim's stored values (`trust_check.claims_batched`)."""
        cursor = self._live("batch_id = ?", [batch_id])
        names = [d[0] for d in cursor.description]
        return accepted_rows(self.db, Claim, names, cursor.fetchall())


def _china_day(key: str | None) -> dt.date | None:
    """China's day of a row's creating stamp (`_ckey`: 'wall ms-counter/change id')."""
    return made_day(key)
