"""What the hub owes one device, worked out from what changed since its last confirmed answer.

A device's scope is what is in its area now (`live_scope`): its area's households, the people
who live in them, the rows hanging off those, every row of the county-wide tables (areas, the
county's policy packs); and the rows it was sent that have since left its area (a person or a
family who moved away), until it confirmed the answer that told it so. After that it keeps
them as they were (read-only: outside its area) and gets none of their later changes — a new
phone, a bank account, the jobs and claims of the new village (`docs/security.md`). One that
comes back into its area gets its whole history again. Working that scope out afresh reads
the whole area on every exchange, and reading every change of it costs what the area holds,
not what changed.

So the hub keeps, per device, the rows it sent (`sync_sent_rows`), those that left its area
(`HubLog.away_rows`, with the answer that first showed them gone) and its version vector at
the last answer the device confirmed (`sync_issued`). An answer then reads:

1. the changes that arrived since that vector (a range of each origin's primary key), minus
   the device's own;
2. for the rows those changes touch that the device does not hold yet, whether they are in
   its scope now (a household moved into its area, a person who moved into one of its
   households, a claim on one of its people) — and for each such row, what hangs off it;
3. the full history of those newly relevant rows (and of rows first sent in bundles the
   device never confirmed).

A row can only leave the scope by a change of a link of a row the device holds (a household's
area, a person's household, a claim's person…: `moves_held`) or of the area tree; either
has the answer worked out in full, which finds the rows gone.

A row in scope may point at a row of a wider area that the device needs to read but never
owns: a claim of the village batched by the township or the county. Such a row (`PARENTS`)
travels, with its later changes, to every device holding a row that points at it, read-only
(the trust rules still judge a change to it by its own place); nothing hangs off it in return
(a batch does not bring the other villages' claims in it). It leaves the scope, as a family
that moved out does, when no row of the area points at it any more (the village's last claim
in it batched anew): `moves_held` has that answer worked out in full.

Nothing arrived → nothing is read but the vector. The full computation (`live_scope`, with
the rows sent that left the area and are not yet confirmed gone: `Hub.plan_answer`) is used
for a device's first answer, after a re-enrolment with another area, when the area tree
itself changed or a held row moved; a test holds the two equal.

Index-friendly forms only: each link is its own indexed look-up (an `OR` of links would scan).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from fieldapp.store import arrivals, postgres
from fieldapp.store.changelog import CHANGE_COLUMNS
from fieldapp.store.dump import synced_tables
from fieldapp.store.hlc import parse_stamp
from fieldapp.store.queries.claims import NUMBER_COUNT

#: Columns that point at an area, a household or a person (the first ring of a scope).
FIRST_RING = ("person_id", "household_id", "area_code")
#: Tables every device receives whole, whatever its area: the area tree, the policy packs the
#: county's hub signed, and the county's drafts of them with the hub's answer (issue 14).
COUNTY_WIDE = ("areas", "policy_packs", "policy_drafts")
#: The county-wide table only county devices receive: the county office's drafts of its pack,
#: its notes and the hub's answers (signed as which edition, or refused and why). A village or
#: township device holds what the hub published (`policy_packs`), never what the county is
#: still weighing (`county_only`).
COUNTY_DEVICES_ONLY = "policy_drafts"
#: Table → columns pointing at a row of a wider area that a device holding the row receives
#: read-only: a claim's batch (made by the township or the county under its own area code).
#: Followed from the row to the one it names, never back: the batch brings none of its claims.
PARENTS: dict[str, tuple[str, ...]] = {"claims": ("batch_id",)}
#: `_id` columns that are not links to rows (policy rule and pack ids, key ids), are followed
#: in the first ring, or name a parent (a batch: the print log of a batch stays with the
#: device's area, the batch's other claims with theirs).
NOT_ROW_LINKS = frozenset(
    {"rule_id", "person_id", "household_id", "head_person_id", "pack_id", "key_id", "batch_id"}
)
#: What a scope holds changed in this version (parents, 2; rows that left the area stop, 3): a
#: hub opened by it works every device's next answer out in full once, so that rows now in
#: scope reach devices that had their answers from the version before (and rows gone leave).
SCOPE_RULES = "3"

#: Look-ups the hub makes that a device never does; built on a hub only. (Visits by person
#: were one until every ledger got that index, migration 24.)
HUB_INDEXES = (
    "CREATE INDEX IF NOT EXISTS hub_claims_area ON claims(area_code)",
    "CREATE INDEX IF NOT EXISTS hub_claims_spell ON claims(spell_id)",
    "CREATE INDEX IF NOT EXISTS hub_batches_area ON batches(area_code)",
    "CREATE INDEX IF NOT EXISTS hub_monthly_spell ON monthly_status(spell_id)",
    "CREATE INDEX IF NOT EXISTS hub_print_log_claim ON print_log(claim_id)",
    "CREATE INDEX IF NOT EXISTS hub_print_log_person ON print_log(person_id)",
    "CREATE INDEX IF NOT EXISTS hub_print_log_area ON print_log(area_code)",
    "CREATE INDEX IF NOT EXISTS hub_services_visit ON services(visit_id)",
    "CREATE INDEX IF NOT EXISTS hub_services_household ON services(household_id)",
    # A claim or batch by its printed number (`ClaimQueries.by_number`: accepting a held one
    # asks whether its number is taken). A device asks for its own village's rows only.
    f"CREATE INDEX IF NOT EXISTS hub_claims_number ON claims({NUMBER_COUNT})",
    f"CREATE INDEX IF NOT EXISTS hub_batches_number ON batches({NUMBER_COUNT})",
)

_CHANGE_FIELDS = [c.strip() for c in CHANGE_COLUMNS.split(",")]
_TBL, _ROW, _DATA, _PARENTS = (
    _CHANGE_FIELDS.index(n) for n in ("tbl", "row_id", "data", "parents")
)


def prepare_hub(db: sqlite_utils.Database) -> None:
    """Build the hub's own indexes (idempotent; a few seconds once on a big existing hub), and
    have every device's next answer worked out in full when the scope rules changed."""
    tables = set(db.table_names())
    row = db.execute("SELECT value FROM meta WHERE key = 'answer_scope_rules'").fetchone()
    if (row[0] if row else None) != SCOPE_RULES:
        db.execute("DELETE FROM hub_answer_scope")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('answer_scope_rules', ?)", [SCOPE_RULES])
    existing = postgres.index_names(db)
    if "hub_visits_person" in existing and "idx_visits_person" in existing:
        db.execute("DROP INDEX hub_visits_person")  # the same index twice costs every insert
    for unused in ("hub_changes_household_area", "hub_changes_person_household"):
        if unused in existing:  # "who ever lived here" (scope rules 2): costs every insert
            db.execute(f"DROP INDEX {unused}")
    for sql in HUB_INDEXES:
        name = sql.split(" EXISTS ", 1)[1].split(" ", 1)[0]
        table = sql.split(" ON ", 1)[1].split("(", 1)[0]
        if table in tables and name not in existing:
            db.execute(sql)


def changes_after(
    db: sqlite_utils.Database, now: dict[str, int], then: dict[str, int]
) -> list[tuple[Any, ...]]:
    """Log rows past the vector `then` up to the vector `now`, by origin and seq."""
    found: list[tuple[Any, ...]] = []
    for device, top in sorted(now.items()):
        start = then.get(device, 0)
        if top <= start:
            continue
        found.extend(
            tuple(r)
            for r in db.execute(
                f"SELECT {CHANGE_COLUMNS} FROM changes WHERE device_id = ? AND seq > ? "
                "AND seq <= ? ORDER BY seq",
                [device, start, top],
            ).fetchall()
        )
    return found


def history_of(
    db: sqlite_utils.Database, rows: Iterable[str], now: dict[str, int], exclude: Iterable[str]
) -> list[tuple[Any, ...]]:
    """Every change of `rows` up to the vector `now`, but none written under `exclude`."""
    rows = list(rows)
    if not rows:
        return []
    _fill(db, "temp._full", rows)
    skip = set(exclude)
    # CROSS JOIN keeps the row list outside (SQLite does not reorder it): SQLite knows nothing
    # of a temp table's size and would otherwise scan the whole log.
    found = db.execute(
        f"SELECT {', '.join('c.' + c for c in _CHANGE_FIELDS)} FROM temp._full f "
        "CROSS JOIN changes c WHERE c.row_id = f.v"
    ).fetchall()
    return [tuple(r) for r in found if r[0] not in skip and r[1] <= now.get(r[0], 0)]


#: Columns whose change takes a row to another place: a person's household, a household's
#: area, a job's or a claim's person — and the household a person is offered to (`OFFER`):
#: an offer cleared (taken in elsewhere, or not) takes them out of the offered area.
MOVING = frozenset(FIRST_RING) | {"moving_to"}

#: A person's column naming the household of another area they are offered to move into
#: (`Person.moving_to`): the device of that household's area receives them with all that
#: hangs off them, read-only until it takes them in, as if they lived there.
OFFER = "moving_to"


#: Where a change stands in the hub's order: the note it was taken at (`arrivals.taken`), then
#: its stamp (`hlc.parse_stamp`: the counter's digits vary) among those taken at one note.
Taken = tuple[int, int, int]


def taken_keys(
    db: sqlite_utils.Database, changes: Iterable[tuple[Any, ...]]
) -> dict[tuple[str, int], Taken]:
    """Each of `changes` (log rows) by (origin, seq) → where it stands in the order the hub took
    them (`Taken`): by the hub's notes of arrival, not by its author's clock."""
    changes = list(changes)
    notes = arrivals.taken(db, changes)
    hlc = _CHANGE_FIELDS.index("hlc")
    keys: dict[tuple[str, int], Taken] = {}
    for change in changes:
        at = (str(change[0]), int(change[1]))
        keys[at] = (notes[at], *parse_stamp(change[hlc]))
    return keys


def departures(
    db: sqlite_utils.Database, rows: Iterable[str], now: dict[str, int], since: dict[str, int]
) -> dict[str, Taken]:
    """When each of `rows` (rows a device holds that have left its area) left it, in the order
    the hub took the changes (`taken_keys`): the latest change past `since` (up to `now`) of
    where it belongs — a person's household, a household's area, a job's person — else, for a
    row that did not move itself (a family moved with their household, a job of a person who
    moved), the latest departure of the rows it points at now. Rows whose leaving no such
    change explains are left out — the area tree moved them (a group put under another
    village: its households' own changes never say so) — and the caller sends those nothing
    taken after `since` (`Hub.plan_answer`: fail closed, never their every change).

    By the hub's order, not the authors' stamps: a new village whose clock runs more than a day
    behind (it then does not follow the move's stamp) writes after the move with earlier
    stamps, and those must not reach the old village either."""
    found = history_of(db, rows, now, ())
    keys = taken_keys(db, (c for c in found if c[1] > since.get(c[0], 0)))
    left: dict[str, Taken] = {}
    tables: dict[str, str] = {}
    for change in found:
        row = str(change[_ROW])
        tables[row] = str(change[_TBL])
        if change[1] <= since.get(change[0], 0):
            continue
        try:
            data = json.loads(change[_DATA])
        except (TypeError, ValueError):
            continue
        if isinstance(data, dict) and MOVING & data.keys():
            left[row] = max(left.get(row, (-1, -1, -1)), keys[(str(change[0]), int(change[1]))])
    pointed = _pointed(db, {row: table for row, table in tables.items() if row not in left})
    # A claim's event → the claim → its person → the person's household: until nothing moves.
    for _ in range(len(pointed)):
        moved = False
        for row, targets in pointed.items():
            stamps = [left[t] for t in targets if t in left]
            if stamps and max(stamps) != left.get(row):
                left[row], moved = max(stamps), True
        if not moved:
            break
    return left


def places_then(
    db: sqlite_utils.Database, asks: Iterable[tuple[str, int]], window_ms: int = 0
) -> dict[tuple[str, int], tuple[str, ...]]:
    """Where each person of `asks` (person id, a wall time in ms) lay at that time, by the
    hub's log: their household then (the latest change of the person setting it, stamped at
    or before the time), and that household's area then (likewise) — the place at the time
    first. `window_ms`: every place they lay in within that long before the time too (a move
    stamped by another device's clock, minutes off). A person the log knows nothing of by
    then — not yet created, or a household without an area then — is left out. Two
    look-ups, whatever the number asked: the people's changes, then their households'. By
    the authors' stamps: the time asked is an author's word too."""
    asks = set(asks)
    if not asks:
        return {}
    households = _held(db, "persons", {p for p, _ in asks}, "household_id", asks, window_ms)
    homes = {(str(h), at) for (_, at), held in households.items() for h in held if h}
    areas = _held(db, "households", {h for h, _ in homes}, "area_code", homes, window_ms)
    found: dict[tuple[str, int], tuple[str, ...]] = {}
    for (person, at), held in households.items():
        places = [str(a) for h in held if h for a in areas.get((str(h), at), ()) if a]
        if places:
            found[(person, at)] = tuple(dict.fromkeys(places))
    return found


def _held(
    db: sqlite_utils.Database,
    table: str,
    rows: set[str],
    column: str,
    asks: set[tuple[str, int]],
    window_ms: int,
) -> dict[tuple[str, int], list[Any]]:
    """Per (row, time) of `asks`, the values `column` held then: the one the latest change
    of the row setting it, stamped at or before the time, set it to, first; then those it
    held within `window_ms` before the time (absent when none did)."""
    if not rows:
        return {}
    _fill(db, "temp._then", rows)
    found = db.execute(
        "SELECT c.row_id, c.hlc, c.data FROM temp._then f CROSS JOIN changes c "
        "WHERE c.row_id = f.v AND c.tbl = ?",
        [table],
    ).fetchall()
    setting: dict[str, list[tuple[tuple[int, int], Any]]] = {}
    for row, stamp, data in found:
        try:
            values = json.loads(data)
            when = parse_stamp(str(stamp))
        except (TypeError, ValueError):
            continue
        if isinstance(values, dict) and column in values:
            setting.setdefault(str(row), []).append((when, values[column]))
    held: dict[tuple[str, int], list[Any]] = {}
    for row, at in asks:
        before = sorted((s for s in setting.get(row, ()) if s[0][0] <= at), key=lambda s: s[0])
        if not before:
            continue
        since = at - window_ms
        settled = [s for s in before if s[0][0] <= since][-1:]  # what it held at the start
        within = [s for s in before if s[0][0] > since]
        held[(row, at)] = [before[-1][1], *(s[1] for s in settled + within[:-1])]
    return held


def _pointed(db: sqlite_utils.Database, rows: Mapping[str, str]) -> dict[str, list[str]]:
    """What each of `rows` (row id → its table) points at now: a person's household, the
    first-ring and other row links of the rest (a table linking nothing is left out). One
    look-up per table, whatever the number of rows: a whole village moving at once."""
    links = Links.of(db)
    by_table: dict[str, list[str]] = {}
    for row, table in rows.items():
        by_table.setdefault(table, []).append(row)
    pointed: dict[str, list[str]] = {}
    for table, ids in by_table.items():
        columns = ("household_id",) if table == "persons" else links.first.get(table, ())
        columns += tuple(c for c in links.rows.get(table, ()) if c not in columns)
        if not columns:
            continue
        _fill(db, "temp._leaving", ids)
        found = db.execute(
            f"SELECT id, {', '.join(f'[{c}]' for c in columns)} FROM [{table}] "
            "WHERE id IN temp._leaving"
        ).fetchall()
        now = {str(r[0]): r[1:] for r in found}
        for row in ids:
            pointed[row] = [str(v) for v in now.get(row, ()) if v]
    return pointed


# -- scope -----------------------------------------------------------------------------------


def area_codes(db: sqlite_utils.Database, root: str) -> set[str]:
    """The area code and every code below it (by the area tree and by code prefix)."""
    codes = {root}
    frontier = [root]
    while frontier:
        _fill(db, "temp._frontier", frontier)
        rows = db.execute("SELECT code FROM areas WHERE parent_code IN temp._frontier").fetchall()
        frontier = [r[0] for r in rows if r[0] and r[0] not in codes]
        codes.update(frontier)
    low, high = root, root + "\uffff"
    prefixed = db.execute(
        "SELECT code FROM areas WHERE code >= ? AND code < ? UNION "
        "SELECT DISTINCT area_code FROM households WHERE area_code >= ? AND area_code < ?",
        [low, high, low, high],
    ).fetchall()
    codes.update(r[0] for r in prefixed if r[0])
    return codes


def _fill(db: sqlite_utils.Database, table: str, values: Iterable[str]) -> None:
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (v TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute(f"DELETE FROM {table}")
    # One statement, whatever the number of values: row by row, PostgreSQL took a round trip
    # each (most of a village's first answer there).
    db.execute(f"INSERT OR IGNORE INTO {table} SELECT value FROM json_each(?)", [_json(values)])


def _json(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _ids(db: sqlite_utils.Database, sql: str, params: Sequence[object] = ()) -> set[str]:
    return {r[0] for r in db.execute(sql, list(params)).fetchall() if r[0]}


@dataclass(frozen=True)
class Links:
    """Which columns of which synced tables point at what."""

    #: table → first-ring columns it has (person_id, household_id, area_code).
    first: dict[str, tuple[str, ...]]
    #: table → other `_id` columns pointing at rows (a claim event's claim_id).
    rows: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, db: sqlite_utils.Database) -> Links:
        """Read the links from the schema."""
        first: dict[str, tuple[str, ...]] = {}
        rows: dict[str, tuple[str, ...]] = {}
        for table in synced_tables(db):
            columns = {c.name for c in db[table].columns}
            if table not in {*COUNTY_WIDE, "households", "persons"}:
                first[table] = tuple(c for c in FIRST_RING if c in columns)
            rows[table] = tuple(
                sorted(c for c in columns if c.endswith("_id") and c not in NOT_ROW_LINKS)
            )
        return cls(first, rows)


def live_scope(db: sqlite_utils.Database, area: str) -> set[str]:
    """Row ids in a device of `area`'s area now: its area's households, the people who live in
    them or are offered to them (`OFFER`), everything hanging off those, every area row, and
    the parents of all these."""
    links = Links.of(db)
    codes = area_codes(db, area)
    _fill(db, "temp._codes", codes)
    households = _ids(db, "SELECT id FROM households WHERE area_code IN temp._codes")
    persons = _persons_of(db, households)
    first = households | persons | _county_wide(db)
    first |= _hanging(db, links, persons, households, with_codes=True)
    rows = first | _row_linked(db, links, first)
    return rows | _parents(db, rows)


def _parents(db: sqlite_utils.Database, rows: Iterable[str]) -> set[str]:
    """The rows that `rows` point at through `PARENTS` (the batches of claims), as they are now:
    one distinct look-up per link, so a village's thousands of claims return its few batches."""
    found: set[str] = set()
    _fill(db, "temp._cand", rows)
    for table, columns in PARENTS.items():
        for column in columns:
            found |= _ids(
                db,
                f"SELECT DISTINCT t.[{column}] FROM temp._cand f CROSS JOIN [{table}] t "
                "WHERE t.id = f.v",
            )
    return found


def county_only(
    db: sqlite_utils.Database, changes: list[tuple[Any, ...]], rows: set[str]
) -> tuple[list[tuple[Any, ...]], set[str]]:
    """`changes` and `rows` of an answer to a device below the county, without the county's
    drafts (`COUNTY_DEVICES_ONLY`): none of their changes, none of their rows counted sent."""
    kept = [c for c in changes if c[_TBL] != COUNTY_DEVICES_ONLY]
    if COUNTY_DEVICES_ONLY not in db.table_names():
        return kept, rows
    return kept, rows - _ids(db, f"SELECT id FROM [{COUNTY_DEVICES_ONLY}]")


def _county_wide(db: sqlite_utils.Database) -> set[str]:
    """Every row of the county-wide tables."""
    tables = set(db.table_names())
    found: set[str] = set()
    for table in COUNTY_WIDE:
        if table in tables:
            found |= _ids(db, f"SELECT id FROM [{table}]")
    return found


def _persons_of(db: sqlite_utils.Database, households: set[str]) -> set[str]:
    """People who live in `households`, or are offered to one of them (`OFFER`)."""
    _fill(db, "temp._households", households)
    living = _ids(db, "SELECT id FROM persons WHERE household_id IN temp._households")
    return living | _ids(db, f"SELECT id FROM persons WHERE [{OFFER}] IN temp._households")


def _hanging(
    db: sqlite_utils.Database,
    links: Links,
    persons: set[str],
    households: set[str],
    with_codes: bool,
) -> set[str]:
    """Rows of the other tables whose person, household (or, `with_codes`, area) is given."""
    _fill(db, "temp._persons", persons)
    _fill(db, "temp._households", households)
    sources = {"person_id": "temp._persons", "household_id": "temp._households"}
    if with_codes:
        sources["area_code"] = "temp._codes"
    found: set[str] = set()
    for table, columns in links.first.items():
        for column in columns:
            if column in sources:
                found |= _ids(db, f"SELECT id FROM [{table}] WHERE [{column}] IN {sources[column]}")
    return found


def _row_linked(db: sqlite_utils.Database, links: Links, chosen: set[str]) -> set[str]:
    """Rows hanging off rows already chosen (a claim's events hang off the claim)."""
    if not chosen:
        return set()
    _fill(db, "temp._rows", chosen)
    found: set[str] = set()
    for table, columns in links.rows.items():
        for column in columns:
            found |= _ids(db, f"SELECT id FROM [{table}] WHERE [{column}] IN temp._rows")
    return found


def newly_relevant(
    db: sqlite_utils.Database,
    area: str,
    known: set[str],
    arrived: Sequence[tuple[Any, ...]],
    live: set[str] | None = None,
) -> set[str]:
    """Rows touched by `arrived` (log rows) or hanging off them that a device of `area`,
    holding `known` (of which `live` are in its area; all by default), must now receive in
    full. Same answer as `live_scope` minus `known`, as long as neither the area tree
    (`touches_area_tree`) nor a link of a row it holds (`moves_held`) changed."""
    links = Links.of(db)
    codes = area_codes(db, area)
    live = known if live is None else live

    def in_area(code: object) -> bool:
        return isinstance(code, str) and (code in codes or code.startswith(area))

    touched: dict[str, set[str]] = {}
    for change in arrived:
        if change[_ROW] not in known:
            touched.setdefault(change[_TBL], set()).add(change[_ROW])
    if not touched:
        return set()
    new = {row for table in COUNTY_WIDE for row in touched.get(table, set())}
    # Households in the area now.
    current = _current(db, "households", touched.get("households", set()), "area_code")
    new_households = {h for h, code in current.items() if in_area(code)}
    holding = live | new_households
    # People in one of its households now (or offered to one), and those of a household that
    # just became its own.
    where = ("household_id", OFFER)
    current_persons = _current_many(db, "persons", touched.get("persons", set()), where)
    new_persons = {p for p, v in current_persons.items() if any(v.get(c) in holding for c in where)}
    new_persons |= _persons_of(db, new_households) - known
    people = live | new_persons
    # The first ring: rows on its people, households or area.
    first_new = new | new_households | new_persons
    first_new |= _hanging(db, links, new_persons, new_households, with_codes=False) - known
    for table, rows in touched.items():
        if table in {*COUNTY_WIDE, "households", "persons"}:
            continue
        values = _current_many(db, table, rows, links.first.get(table, ()))
        for row_id, v in values.items():
            if (
                v.get("person_id") in people
                or v.get("household_id") in holding
                or in_area(v.get("area_code"))
            ):
                first_new.add(row_id)
    # Rows hanging off a row of the first ring (one step, as in `live_scope`).
    first_all = live | first_new
    new_rows = first_new | (_row_linked(db, links, first_new) - known)
    for table, rows in touched.items():
        columns = links.rows.get(table, ())
        if not columns:
            continue
        values = _current_many(db, table, rows, columns)
        for row_id, v in values.items():
            if any(v.get(c) in first_all for c in columns):
                new_rows.add(row_id)
    # Parents of the rows it gets now, and of those it holds that a change just pointed
    # elsewhere (a claim batched anew: not a move, unless the batch it was in left or the one
    # it is in now had, `moves_held`).
    pointing = new_rows | {
        change[_ROW] for change in arrived if change[_TBL] in PARENTS and change[_ROW] in live
    }
    return (new_rows | _parents(db, pointing)) - known


def moves_held(
    db: sqlite_utils.Database,
    area: str,
    held: set[str],
    live: set[str],
    arrived: Sequence[tuple[Any, ...]],
) -> bool:
    """True when a change that arrived set a link of a row in `held` (of which `live` are in
    the area) so that it may have left the area or come back: a household whose area is now
    in it or not, unlike before; a person whose household now is, unlike before; a change of
    any other row's person, household, area or of the row it hangs off (not worked out here).
    """
    links = Links.of(db)
    codes: set[str] | None = None

    def in_area(code: object) -> bool:
        nonlocal codes
        codes = area_codes(db, area) if codes is None else codes
        return isinstance(code, str) and (code in codes or code.startswith(area))

    moved: dict[str, set[str]] = {}
    repointed: set[str] = set()
    for change in arrived:
        if change[_ROW] not in held:
            continue  # a row made since: it came with its links, and a later change moves it
        # A change naming no parent moves a held row all the same (a device writes its parents,
        # or names none): taken for the row's making, a household moved out so was held still,
        # and its device went on hearing of the new village's writes there for good.
        table = change[_TBL]
        if change[_ROW] in live and any(
            c in json.loads(change[_DATA]) for c in PARENTS.get(table, ())
        ):
            repointed.add(change[_ROW])
        if table == "households":
            columns: tuple[str, ...] = ("area_code",)
        elif table == "persons":
            columns = ("household_id", OFFER)
        else:
            columns = links.first.get(table, ()) + links.rows.get(table, ())
        if any(c in json.loads(change[_DATA]) for c in columns):
            if table not in ("households", "persons"):
                return True
            moved.setdefault(table, set()).add(change[_ROW])
    if repointed and _parents_moved(db, held, live, repointed):
        return True
    areas = _current(db, "households", moved.get("households", set()), "area_code")
    if any(in_area(code) != (row in live) for row, code in areas.items()):
        return True
    wheres = ("household_id", OFFER)
    homes = _current_many(db, "persons", moved.get("persons", set()), wheres)
    unknown = {
        h for v in homes.values() for h in v.values() if isinstance(h, str) and h not in live
    }
    home_areas = _current(db, "households", unknown, "area_code")

    def held_there(home: object) -> bool:
        return bool(home) and (home in live or in_area(home_areas.get(str(home))))

    return any(
        any(held_there(home) for home in v.values()) != (row in live) for row, v in homes.items()
    )


def _parents_moved(
    db: sqlite_utils.Database, held: set[str], live: set[str], rows: set[str]
) -> bool:
    """True when `rows` (held rows in the area whose `PARENTS` link changed: a claim batched
    anew) may have taken a parent out of the scope or brought one back: one they point at now
    is a row that left it, or one they pointed at before is in the area's rows and no row of
    the area points at it now (the village's last claim in a batch moved to another batch: the
    batch leaves, kept as it was and told nothing after, as a family that moved out).
    Reads the history of `rows` and the rows pointing at those parents, nothing of the area."""
    if _parents(db, rows) & (held - live):
        return True
    _fill(db, "temp._repointed", rows)
    found = db.execute(
        "SELECT c.tbl, c.data FROM temp._repointed f CROSS JOIN changes c WHERE c.row_id = f.v"
    ).fetchall()
    before: dict[tuple[str, str], set[str]] = {}
    for table, data in found:
        try:
            values = json.loads(data)
        except (TypeError, ValueError):
            continue
        for column in PARENTS.get(str(table), ()):
            if isinstance(values, dict) and isinstance(values.get(column), str):
                before.setdefault((str(table), column), set()).add(values[column])
    for (table, column), parents in before.items():
        parents &= live
        if not parents:
            continue
        _fill(db, "temp._was", parents)
        pointing = db.execute(
            f"SELECT [{column}], id FROM [{table}] WHERE [{column}] IN temp._was"
        ).fetchall()
        if parents - {str(p) for p, row in pointing if row in live}:
            return True
    return False


def _current(
    db: sqlite_utils.Database, table: str, rows: Iterable[str], column: str
) -> dict[str, object]:
    values = _current_many(db, table, rows, (column,))
    return {r: v.get(column) for r, v in values.items()}


def _current_many(
    db: sqlite_utils.Database, table: str, rows: Iterable[str], columns: Sequence[str]
) -> dict[str, dict[str, object]]:
    """Current values of `columns` of some rows of `table`."""
    rows = list(rows)
    if not rows or not columns:
        return {}
    _fill(db, "temp._cand", rows)
    selected = ", ".join(f"[{c}]" for c in columns)
    found = db.execute(f"SELECT id, {selected} FROM [{table}] WHERE id IN temp._cand")
    return {r[0]: dict(zip(columns, r[1:], strict=True)) for r in found.fetchall()}


def touches_area_tree(
    db: sqlite_utils.Database, area: str, arrived: Sequence[tuple[Any, ...]]
) -> bool:
    """True when a change that arrived recodes or reparents an area (`area`'s tree may have
    shrunk: a village moved out of a township's tree leaves it), or makes one coded or
    parented into `area`'s tree (it grew)."""
    codes: set[str] | None = None
    for change in arrived:
        if change[_TBL] != "areas":
            continue
        data = json.loads(change[_DATA])
        values = [v for k, v in data.items() if k in {"code", "parent_code"} and v]
        if not values:
            continue
        if change[_PARENTS]:  # an area that was there before: where it was is not known here
            return True
        codes = area_codes(db, area) if codes is None else codes
        if any(isinstance(v, str) and (v in codes or v.startswith(area)) for v in values):
            return True
    return False
