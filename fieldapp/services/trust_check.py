"""The trust rules applied to a real ledger: the store says where rows are, the rules decide.

`fieldapp.services.trust` is pure; this module gathers what it needs (`Context`) from the
ledger through `fieldapp.store.places`, for the two places the rules run:

- `screen`: the hub judges every change of an incoming bundle, in order, as if applying them
  one by one (each sees the ones accepted before it), and splits them into those it applies
  and those it holds for the county's review;
- `TrustCheck`: a device asks before each write (the services' write gateway calls it) and
  refuses with `TrustRefused`, a Chinese reason naming the role that may.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import sqlite_utils

if TYPE_CHECKING:
    from fieldapp.policy.pack import Policy
    from fieldapp.store.ledger import Ledger

from fieldapp.domain.account import brief, kept_account, same_account
from fieldapp.domain.areacode import AreaLevel, area_at
from fieldapp.domain.claims import ClaimState, batch_name
from fieldapp.domain.dates import CHINA, today
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    Record,
    UnemploymentRegistration,
)
from fieldapp.domain.places_said import PlaceWording, place_part, say_place
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import (
    QUOTED,
    Day,
    Part,
    Sentence,
    Word,
    said,
    sentence_or_none,
    template,
)
from fieldapp.policy.eligibility import (
    claim_beyond_policy,
    claim_category_excluded,
    claim_category_unfounded,
    claim_category_unmet,
    claim_event_id,
    claim_event_unfounded,
    claim_facts_unfounded,
    claim_funding_wrong,
    claim_job_altered,
    claim_month_unfounded,
    claim_named_wrong,
    claim_not_yet_due,
    claim_out_of_force,
    claim_payee_wrong,
    claim_person_deleted,
    claim_person_wrong,
    rests_on_records,
    said_claim,
    training_days_paid,
    training_id,
)
from fieldapp.policy.guard import (
    ELSEWHERE_OUTSIDE,
    ELSEWHERE_TOWNSHIP,
    ELSEWHERE_VILLAGE,
    ClaimLike,
    ClaimRow,
    namesake_key,
    namesake_repeat_of,
    repeat_of,
    repeated_said,
)
from fieldapp.policy.pack import LimitKind
from fieldapp.reference import divisions
from fieldapp.services.actor import Actor as WriterActor
from fieldapp.services.actor import ChangeCheck, ProposedChange
from fieldapp.services.trust import (
    ALLOWED,
    AREA,
    CLAIM_NAMED,
    CLEARABLE,
    KEPT_AT_APPROVAL,
    LINKS,
    MODELS,
    NAMED,
    NUMBERED,
    OFFER_KEPT_ROWS,
    Actor,
    Context,
    Origins,
    Proposal,
    Verdict,
    check,
    check_author,
    check_origin,
    check_parents,
    check_values,
    claim_named,
    clears_new_row,
    may_add_at,
    may_change,
    may_step,
    numbered_ahead,
    numbered_first,
    person_named,
    printable,
    refuse,
    row_id_taken,
    stamped_ahead,
    table_name,
)
from fieldapp.store.answers import places_then
from fieldapp.store.changelog import Change, to_storable
from fieldapp.store.held import HeldChanges, logged_rows, logged_tables
from fieldapp.store.hlc import MAX_DRIFT_MS
from fieldapp.store.places import PlaceFinder, asked_rows
from fieldapp.store.projector import row_heads
from fieldapp.store.queries import records
from fieldapp.store.queries.areas import listed_places

#: A claim's fields that say what it pays for which month (job, training), and under which
#: subsidy's name and clause it is printed: a change setting any of them, or taking the claim
#: a step on in review, is judged against the policy (`PolicyJudge`).
PAID_FIELDS: frozenset[str] = frozenset(
    {"amount", "rule_id", "claim_date", "event_date", "limit_key", "person_id", "spell_id", "facts",
     "payee", "payee_name", "person_name", "id_number", "funding_source", "rule_title",
     "source_clause"}
)  # fmt: skip
#: A claim's fields that say which fund pays it (`claim_funding_wrong`): its rule, and the
#: categories it holds (in its facts).
FUNDING_FIELDS: frozenset[str] = frozenset({"funding_source", "rule_id", "facts"})
#: … and the fields of a claim naming its subsidy as the papers print it (`claim_named_wrong`).
NAMED_FIELDS: frozenset[str] = frozenset(
    {"rule_title", "source_clause", "rule_id", "claim_date", "event_date"}
)
#: Review steps that pass a claim on towards payment.
ONWARD: frozenset[str] = frozenset(
    s.value
    for s in (
        ClaimState.SUBMITTED,
        ClaimState.VILLAGE_REVIEWED,
        ClaimState.TOWNSHIP_REVIEWED,
        ClaimState.COUNTY_APPROVED,
    )
)

#: Review steps a repeat claim is held at: a repeat made on two laptops offline is submitted
#: before either knows of the other, and reaches the county's review (`hub violations`); it
#: goes no further than submitted from any device below the county.
REVIEWED: frozenset[str] = frozenset(
    {ClaimState.VILLAGE_REVIEWED.value, ClaimState.TOWNSHIP_REVIEWED.value}
)

#: Fields that say which job (training) a one-time claim pays for, and for whom: a claim made
#: or changed in one is judged against the ledger's jobs and trainings (`policy_judge`).
EVENT_FIELDS: frozenset[str] = frozenset(
    {"rule_id", "person_id", "event_date", "spell_id", "limit_key", "facts", "payee", "payee_name",
     "person_name", "id_number"}
)  # fmt: skip
#: Fields that say whom a claim is for, as its papers print it.
PERSON_FIELDS: frozenset[str] = frozenset({"person_id", "person_name", "id_number"})
#: Fields that say which month (job) a claim pays: setting one dates the claim anew.
DATED_FIELDS: frozenset[str] = frozenset({"claim_date", "limit_key", "event_date"})
DRAFT = ClaimState.DRAFT.value
#: Steps towards the money a claim dated after today may not take (paid, too: a payment
#: recorded for a month not yet come is the same money paid for work not yet done).
DUE_STEPS: frozenset[str] = ONWARD | {ClaimState.PAID.value}


def asks_due(table: str, data: Mapping[str, Any], exists: bool) -> bool:
    """True when a change is judged by its claim date (`claim_not_yet_due`), by anyone: a new
    claim, a claim's month (job) set again, or a claim taken a step on towards payment."""
    if table != "claims":
        return False
    return not exists or bool(DATED_FIELDS.intersection(data)) or data.get("state") in DUE_STEPS


def not_yet_due(
    row: Mapping[str, Any], on: dt.date, said: str = "今天"
) -> Verdict:  # fmt: skip
    """`claim_not_yet_due` of a claim's whole row (its change applied) as a verdict: a claim
    dated after `on` refused; a deleted one is not judged."""
    if row.get("deleted"):
        return ALLOWED
    found = claim_not_yet_due(row, on, said)
    return refuse(*found) if found is not None else ALLOWED


def made_out_of_time(
    stamp: str | None, row: Mapping[str, Any], arrived: dt.date, sets_day: bool = False
) -> Verdict:
    """A claim's 申请日期 judged by the hub's own day the bundle `arrived`: never before the
    claim's own date (no laptop makes a claim before its day, `claim_not_yet_due`), never after
    the day it arrived (a day's grace for a clock a little ahead). A forged day prints on the
    claim's form and moves it in and out of the year's report.

    The day is the one the making laptop kept on the claim (`applied_on`); a claim an older
    program made keeps none, and its day is its creating change's stamp (`stamp`, written by
    the sending laptop's clock), counted both by China's date and the hub's, as `today` counts
    it. `stamp` None: a change that is not the claim's creation (only a day it sets is judged).

    `sets_day`: the change writes the day kept (a laptop writes it once, with the claim's
    creation, from the same clock at the same moment as its stamp): the day must then agree
    with the creating change's stamp (`stamp`) by China's date, a day either way (`_KEPT_SLACK`)
    — a stamp far off an honest-looking day re-dates the claim's 创建时间 and history, a day far
    off an honest stamp moves the claim into a month (and a report) already handed in.
    """
    if row.get("deleted"):
        return ALLOWED
    kept = row.get("applied_on")
    if kept not in (None, ""):
        day = _claim_day(kept)
        days = (day, day) if day is not None else (dt.date.max, dt.date.max)
        by = KEPT_DAY
    elif stamp is None:
        return ALLOWED
    else:
        by = STAMPED_DAY
        try:
            wall = int(stamp.split("-", 1)[0]) / 1000
            days = (
                dt.datetime.fromtimestamp(wall, CHINA).date(),
                dt.datetime.fromtimestamp(wall).date(),
            )
        except (ValueError, OverflowError, OSError):
            days = (dt.date.max, dt.date.max)
    made, claimed = days[0], _claim_day(row.get("claim_date"))
    name = said_claim(row)
    # (days as the ledger stores them, 2026-06-05; a day that is none as it was written)
    raw = str(kept if kept not in (None, "") else stamp)
    shown: Part = str(made) if made != dt.date.max else said(QUOTED, raw)
    if claimed is not None and max(days) < claimed:
        return refuse("claim_made", said(MADE_BEFORE, name, shown, Word(by), str(claimed)))
    if min(days) > arrived + dt.timedelta(days=1):
        return refuse("claim_made", said(MADE_AFTER, name, shown, Word(by), str(arrived)))
    if sets_day and kept not in (None, "") and stamp is not None:
        return _kept_by_stamp(name, made, stamp, arrived)
    return ALLOWED


#: How a claim's 申请日期 is known: the day its laptop kept on it, or its creating change's stamp.
KEPT_DAY, STAMPED_DAY = "提交它的电脑记下的日期", "提交它的电脑的时钟"
MADE_BEFORE = template(
    "%1的申请日期 %2（%3）在申领日期 %4 之前：申领只能在申领日期当天或以后提出，申请日期不对；"
    "请核对那台电脑的日期和时间后重新申领"
)
MADE_AFTER = template(
    "%1的申请日期 %2（%3）在中心收到它的日期 %4 之后：申请日期不对；"
    "请核对那台电脑的日期和时间后重新申领"
)
KEPT_NOT_STAMPED = template(
    "%1的申请日期 %2（提交它的电脑记下的日期）与建立这条申领的时间 %3（那台电脑的时钟）对不上："
    "申请日期就是建立申领的那一天，两者是同一台电脑同一时刻记下的，申请日期不对；"
    "请核对那台电脑的日期和时间后重新申领"
)

#: How far a claim's kept day (its laptop's China date) may be from its creating change's stamp:
#: the stamp runs up to a day ahead of the laptop's own time (its clock carried by a sync,
#: `hlc.followed`), and `dates.today` takes this computer's date when a zone ahead of China's
#: makes it later.
_KEPT_SLACK = dt.timedelta(days=1)


def _kept_by_stamp(name: Part, kept: dt.date, stamp: str, arrived: dt.date) -> Verdict:
    """`claim_made` when the day a claim keeps (`kept`) is not its creating `stamp`'s day; a
    stamp after the day the bundle `arrived` is left to `numbered_ahead` (which says that
    the clock ran ahead)."""
    try:
        wall = int(stamp.split("-", 1)[0]) / 1000
        day: dt.date | None = dt.datetime.fromtimestamp(wall, CHINA).date()
    except (ValueError, OverflowError, OSError):
        day = None
    if day is not None and (abs(kept - day) <= _KEPT_SLACK or day > arrived + _KEPT_SLACK):
        return ALLOWED
    shown: Part = str(day) if day is not None else said(QUOTED, stamp)
    return refuse("claim_made", said(KEPT_NOT_STAMPED, name, str(kept), shown))


def _claim_day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


#: A row as it will be once the changes allowed so far apply: (table, row id) → row or None.
RowLookup = Callable[[str, str], Mapping[str, Any] | None]

#: Judges a claim (its id, its whole row) against the policy in force and the claims under its
#: limit key, as a `RowLookup` gives them: allowed, or why it asks too much.
#: (claim id, the claim as it will be, rows as they will be, the ids of the `SENT_FACTS` rows
#: the bundle being judged writes: a claim may rest on a category, registration or job that
#: comes with it).
JudgeClaim = Callable[[str, Mapping[str, Any], RowLookup, Collection[str]], Verdict]


@dataclass(frozen=True)
class PolicyJudge:
    """A `JudgeClaim`, told beforehand (`expect`) which claims a bundle brings: what the ledger
    holds that those claims are judged against (their persons' categories, registrations, jobs
    and claims, the claims under their limit keys) is then read for all of them at once, not
    claim by claim. `expect` returns the (table, row id) of the rows it found, for the caller
    to read at once too (`PlaceFinder.preload`: the judge looks each up as it will be)."""

    judge: JudgeClaim
    #: Told the claims about to be judged (each change's row as the ledger and the change
    #: give it: its person, rule, limit key).
    expect: Callable[[Iterable[Mapping[str, Any]]], list[tuple[str, str]]]
    #: How often a claim (its row) is paid, as its rule in the policy says (`limit_kind_of`).
    kind: Callable[[Mapping[str, Any]], str] = lambda claim: str(claim.get("limit_kind") or "")

    def __call__(
        self, row_id: str, row: Mapping[str, Any], lookup: RowLookup, added: Collection[str] = ()
    ) -> Verdict:
        return self.judge(row_id, row, lookup, added)


def limit_kind_of(policy: Policy | None, claim: Mapping[str, Any]) -> str:
    """How often a claim's subsidy is paid (a `LimitKind` value: once per job, by the month …)
    as its rule in `policy` says; the claim's own `limit_kind` only where the policy holds no
    such rule. The claim's is its maker's word: a tampered program wrote a claim on a job
    recorded twice saying it is paid once ever (or nothing), and the repeat check asking only
    claims paid once per job passed it — one training paid twice; a month's claim saying
    nothing let its post end before the month it pays (`claimed_event`)."""
    if policy is not None:
        try:
            return policy.rule(str(claim.get("rule_id") or "")).limit.kind.value
        except FieldappError:
            pass
    return str(claim.get("limit_kind") or "")


def rule_kinds(ledger: Ledger) -> Callable[[Mapping[str, Any]], str]:
    """`limit_kind_of` by the policy in force on `ledger`, read once, on the first claim asked
    about (a ledger whose policy cannot be read: each claim's own word)."""
    made: list[Policy | None] = []

    def kind(claim: Mapping[str, Any]) -> str:
        if not made:
            from fieldapp.policy.pack import PackError
            from fieldapp.services.policy_admin import policy_in_force

            try:
                made.append(policy_in_force(ledger))
            except (PackError, FieldappError):
                made.append(None)
        return limit_kind_of(made[0], claim)

    return kind


UNEMPLOYED = UnemploymentRegistration.TABLE
#: The tables of a person's rows a claim may rest on that the bundle bringing it may bring too.
SENT_FACTS = frozenset({CategoryMembership.TABLE, UNEMPLOYED, EmploymentSpell.TABLE})


def policy_judge(ledger: Ledger, repeats: bool = True, told: Actor | None = None) -> PolicyJudge:
    """The policy in force on `ledger` judging claims (`claim_beyond_policy`), read once, on
    the first claim it is asked about (a ledger whose policy cannot be read judges no amount);
    a one-time claim made, or changed in the job (training) it pays, founded on that job of
    the ledger, beginning that day (`claim_event_unfounded`);
    and the one-time guard: a claim reviewed (村审核, 乡镇审核) that repeats a live claim of the
    ledger, or one allowed before it by the same judge (`guard.repeat_of`), is refused — unless
    `repeats` is False (the county's own devices: repeats are for the county's review).
    `told`: the device the refusal is told to (the hub's sender): a repeat's first claim
    outside its area is said only as being elsewhere (`repeat_place`); None says it whole."""
    made: list[Policy | None] = []
    seen: dict[str, set[str]] = {}
    # What the ledger holds of the claims a bundle brings, read at once for all of them
    # (`expect`: a judge made for one bundle, whose ledger does not change while it judges),
    # by person (or limit key) and table: the ids of its live rows. Any other person's (key's)
    # are read when asked, as before.
    held: dict[str, dict[str, set[str]]] = {}

    def policy_of() -> Policy | None:
        if not made:
            from fieldapp.policy.pack import PackError
            from fieldapp.services.policy_admin import policy_in_force

            try:
                made.append(policy_in_force(ledger))
            except (PackError, FieldappError):
                made.append(None)
        return made[0]

    earlier: dict[str, Policy | None] = {}

    def policy_made_under(row: Mapping[str, Any]) -> Policy | None:
        """The policy a claim says it was made under (`pack_version`) when it is not the one in
        force here and the county published it (`published_policy`): a laptop not yet synced
        claims under the pack it holds, its papers printing that pack's names and clauses."""
        version, now = str(row.get("pack_version") or ""), policy_of()
        if not version or now is None or version == now.version:
            return None
        if version not in earlier:
            earlier[version] = published_policy(ledger, version)
        return earlier[version]

    def keep(table: str, found: Mapping[str, Iterable[Record]]) -> list[tuple[str, str]]:
        """Keep `found` (rows of `table` by person or key); their (table, row id)."""
        ids = {key: {r.id for r in rows} for key, rows in found.items()}
        held.setdefault(table, {}).update(ids)
        return [(table, i) for rows in ids.values() for i in rows]

    def expect(claims: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
        rows = list(claims)
        if not rows:
            return []
        from fieldapp.store.queries.claims import ClaimQueries

        def wanted(
            table: str, of: Iterable[Mapping[str, Any]], field: str = "person_id"
        ) -> set[str]:
            return {str(r.get(field) or "") for r in of} - {""} - held.get(table, {}).keys()

        # (None asked for, none read: each read below costs no statement.)
        people = wanted(CategoryMembership.TABLE, rows)
        found = keep(
            CategoryMembership.TABLE, records.people_records(ledger, CategoryMembership, people)
        )
        policy = policy_of()
        if policy is not None:
            # The job (training) each pays for, read with the rest.
            named = (claim_event_id(policy, r) for r in rows)
            found += [(t, i) for t, i in filter(None, named) if i]
            resting = [r for r in rows if rests_on_records(policy, r)]
            for model in (UnemploymentRegistration, EmploymentSpell):
                people = wanted(model.TABLE, resting)
                found += keep(model.TABLE, records.people_records(ledger, model, people))
        if repeats:
            claims_of = ClaimQueries(ledger)
            keys = wanted(_BY_KEY, rows, "limit_key")
            # The same person's other rows (one ID number): their claims under the same limit
            # group and period, read with the rest (`namesake_repeat_of`).
            reviewed = [r for r in rows if str(r.get("state") or "") in REVIEWED]
            once = [r for r in rows if limit_kind_of(policy, r) == _PER_EVENT]
            # … and their claims of a subsidy paid once per job (training): the same job
            # recorded on each row is one job (`twin_claim`). The rows deleted too: a row
            # deleted as entered twice is still the number's, what was paid on it was paid.
            numbers = wanted(_HOLDERS, reviewed + once, "id_number")
            every = claims_of.holders(numbers, deleted=True) if numbers else {}
            held.setdefault(_HOLDERS, {}).update(every)
            holders = held[_HOLDERS]
            keys |= (
                {
                    namesake_key(str(r.get("limit_key") or ""), other)
                    for r in reviewed
                    for other in holders.get(str(r.get("id_number") or ""), ())
                }
                - {""}
                - held.get(_BY_KEY, {}).keys()
            )
            found += keep(_BY_KEY, claims_of.with_limit_keys(keys))
            if policy is not None:
                people = wanted(_BY_PERSON, once) | (
                    {p for r in once for p in holders.get(str(r.get("id_number") or ""), ())}
                    - held.get(_BY_PERSON, {}).keys()
                )
                found += keep(_BY_PERSON, claims_of.of_people(people))
        return [("claims" if t in (_BY_KEY, _BY_PERSON) else t, i) for t, i in found]

    def held_of(table: str, key: str, read: Callable[[], Iterable[Record]]) -> set[str]:
        """The ids of the live rows of `table` (by person or key) the ledger holds of `key`:
        as `expect` read them, or read now."""
        known = held.get(table, {}).get(key)
        return known if known is not None else {r.id for r in read()}

    def categories_of(person: str) -> set[str]:
        return held_of(CategoryMembership.TABLE, person,
                       lambda: records.person_records(ledger, CategoryMembership, person))  # fmt: skip

    def namesakes_of(claim: ClaimRow, row: Mapping[str, Any], lookup: RowLookup) -> set[str]:
        """The ids of the other persons of the ledger, deleted ones too (`one_person`),
        holding the ID number of `claim` (its `row`) or of its person."""
        from fieldapp.store.queries.claims import ClaimQueries

        person = lookup("persons", claim.person_id) or {}
        numbers = {str(row.get("id_number") or ""), str(person.get("id_number") or "")} - {""}
        holders = held.setdefault(_HOLDERS, {})
        others: set[str] = set()
        for number in numbers:
            if number not in holders:
                holders.update(ClaimQueries(ledger).holders([number], deleted=True))
            others |= holders.get(number, set())
        return others - {claim.person_id}

    def namesake_claims(
        claim: ClaimRow, row: Mapping[str, Any], lookup: RowLookup
    ) -> list[ClaimRow]:
        """The claims, as they will be, of the other persons holding the ID number of
        `claim` (its `row`) or of its person (`namesakes_of`), under its limit group and
        period; a deleted row's drafts left out (`drafted_gone`)."""
        from fieldapp.store.queries.claims import ClaimQueries

        found: list[ClaimRow] = []
        for other in sorted(namesakes_of(claim, row, lookup)):
            key = namesake_key(claim.limit_key, other)
            if not key:
                continue
            ids = held_of(_BY_KEY, key, functools.partial(ClaimQueries(ledger).with_limit_key, key))
            found += [
                ClaimRow.of(i, now)
                for i in sorted(ids)
                if (now := lookup("claims", i)) and not drafted_gone(now, lookup)
            ]
        return found

    def judge(
        row_id: str, row: Mapping[str, Any], lookup: RowLookup, added: Collection[str] = ()
    ) -> Verdict:
        policy = policy_of()
        if policy is not None and not policy.holds(str(row.get("rule_id") or "")):
            # A subsidy no pack of the county holds: no figure, no conditions to judge it by.
            return rule_unheld(row)
        days = None
        if policy is not None:
            # A subsidy paid by the day is judged by its training's days on the ledger, no
            # more than the calendar gives it (none recorded, or no such training: none paid).
            named = claim_event_id(policy, row)
            event = lookup(*named) if named is not None and named[1] else None
            given = event.get("training_days") if event is not None else None
            days = given if isinstance(given, int) and not isinstance(given, bool) else None
            if named is not None and named[0] == "services":
                start, end = (event or {}).get("service_date"), (event or {}).get("end_date")
                days = training_days_paid(days, start, end, row.get("claim_date")) or 0
        found = claim_beyond_policy(policy, row, days) if policy is not None else None
        if found is not None:
            return refuse(*found)
        before = lookup("claims", row_id)
        # Made, moved onto another person, or passed on: for a person the ledger holds (not
        # deleted before, nor earlier in the same bundle: as the changes so far leave it).
        verdict = person_gone(before, row, lookup)
        if not verdict.allowed:
            return verdict
        if policy is not None and (
            before is None
            or any(before.get(f) != row.get(f) for f in EVENT_FIELDS)
            or (before.get("state") == DRAFT and row.get("state") in ONWARD)
        ):
            # Made, said to pay for another job (training), or submitted (a draft holds no
            # job: it may have been changed since; a submitted claim's job is held as it is,
            # `claimed_event`): it must be on the ledger (as the changes allowed so far leave
            # it: the job may come in the same bundle).
            named = claim_event_id(policy, row)
            if named is not None:
                event = lookup(*named) if named[1] else None
                found = claim_event_unfounded(policy, row, event)
                if found is not None:
                    return refuse(*found)
            else:
                # A month's (year's) subsidy for a job: the job covers the month it pays.
                job = str(row.get("spell_id") or "")
                found = claim_month_unfounded(
                    policy, row, lookup("employment_spells", job) if job else None
                )
                if found is not None:
                    return refuse(*found)
            # The job its rule saw (frozen on it when made, or when its facts are rewritten)
            # is the ledger's job: none of its judged fields written past the log elsewhere.
            if "facts" in row and (before is None or before.get("facts") != row.get("facts")):
                job = str(row.get("spell_id") or "")
                found = claim_job_altered(row, lookup("employment_spells", job) if job else None)
                if found is not None:
                    return refuse(*found)
            # Resting on categories the ledger gives its person (a row written into the
            # laptop's file past its log gives none here): those it says, in the days it pays.
            whose = str(row.get("person_id") or "")
            held = (
                lookup("person_categories", i) for i in sorted(categories_of(whose) | set(added))
            )
            memberships = [r for r in held if r is not None]
            # (counted on the days the device's judge counts them, `categories_days`: of a
            # month (year) paid, those in the job it names, as the ledger has it)
            job = str(row.get("spell_id") or "")
            worked = lookup("employment_spells", job) if job else None
            found = claim_category_unfounded(policy, row, memberships, worked)
            if found is None and str(row.get("state") or "") in ONWARD:
                # Made or submitted for its person: they hold a category it is paid to (a
                # claim that writes none is judged here, not by the categories it writes).
                found = claim_category_unmet(policy, row, memberships, worked)
            if found is None and str(row.get("state") or "") in ONWARD:
                # … and none of those it is not paid to (`categories_none`).
                found = claim_category_excluded(policy, row, memberships, worked)
            if found is None and str(row.get("state") or "") in ONWARD:
                # … for a job (training) begun, or a month (year), in its rule's period.
                found = claim_out_of_force(policy, row)
            if found is not None:
                return refuse(*found)
            # Resting on the registrations (graduation, jobs since) the ledger has: a day written
            # back past the log on the laptop is judged here by the ledger's own day.
            # (Read only for a rule that looks at them: most claims' do not.)
            if rests_on_records(policy, row):

                def person_rows(table: str, model: type[Record]) -> list[Mapping[str, Any]]:
                    """The person's rows of `table` as they will be, each with its id (a row
                    of this bundle is given without)."""
                    ids = held_of(model.TABLE, whose,
                                  lambda: records.person_records(ledger, model, whose))  # fmt: skip
                    got = ((i, lookup(table, i)) for i in sorted(ids | set(added)))
                    return [{**r, "id": i} for i, r in got if r is not None]

                found = claim_facts_unfounded(
                    policy,
                    row,
                    lookup("persons", whose) if whose else None,
                    person_rows(UNEMPLOYED, UnemploymentRegistration),
                    person_rows(EmploymentSpell.TABLE, EmploymentSpell),
                )
                if found is not None:
                    return refuse(*found)
            # Printed under its person's own name and ID number (as written: a name the
            # ledger corrects later leaves a draft as it was made).
            if before is None or any(before.get(f) != row.get(f) for f in PERSON_FIELDS):
                person = lookup("persons", str(row.get("person_id") or ""))
                found = claim_person_wrong(row, person)
                if found is not None:
                    return refuse(*found)
            # Paid to whom the policy pays: the person, or the employer (agency) of the job.
            if named is None and row.get("spell_id"):
                named = ("employment_spells", str(row.get("spell_id")))
            event = lookup(*named) if named is not None and named[1] else None
            found = claim_payee_wrong(policy, row, event)
            if found is not None:
                return refuse(*found)
        if policy is not None and (
            before is None or any(before.get(f) != row.get(f) for f in FUNDING_FIELDS)
        ):
            # Paid from the fund its rule gives for the categories it holds (`claim_category`).
            found = claim_funding_wrong(policy, row)
            if found is not None and (then := policy_made_under(row)) is not None:
                found = claim_funding_wrong(then, row)  # as the pack it was made under says
            if found is not None:
                return refuse(*found)
        if policy is not None and (
            before is None or any(before.get(f) != row.get(f) for f in NAMED_FIELDS)
        ):
            # Printed under its rule's title and the clause it cites for the day it pays.
            found = claim_named_wrong(policy, row)
            if found is not None and (then := policy_made_under(row)) is not None:
                found = claim_named_wrong(then, row)  # as the pack it was made under names it
            if found is not None:
                return refuse(*found)
        claim = ClaimRow.of(row_id, row)
        if repeats and claim.state in REVIEWED and claim.limit_key:
            from fieldapp.store.queries.claims import ClaimQueries

            # Each as it will be: one rejected earlier in the same bundle no longer counts.
            key = claim.limit_key
            ids = set(held_of(_BY_KEY, key, lambda: ClaimQueries(ledger).with_limit_key(key)))
            ids |= seen.get(key, set())
            others = [
                ClaimRow.of(i, now) for i in sorted(ids) if (now := lookup("claims", i)) is not None
            ]
            first = repeat_of(claim, others)
            if first is None:
                # One person entered twice (two villages' rows, one ID number): one person's
                # month (subsidy) paid once, whichever row claims it.
                first = namesake_repeat_of(claim, namesake_claims(claim, row, lookup))
            if first is not None:
                return repeat_refused(claim, first, policy, repeat_place(told, first, lookup))
        if (
            repeats
            and policy is not None
            and claim.state in ONWARD
            and limit_kind_of(policy, row) == _PER_EVENT
        ):
            # A claim on a job (training) recorded twice repeats the one on the other record:
            # held on its way to payment, as a repeat under one key is reviewed no further.
            from fieldapp.store.queries.claims import ClaimQueries

            # (the person's own claims, and those of the other rows holding their ID number:
            # one person entered twice, the job recorded on each row, is one job)
            theirs: set[str] = set()
            for whose in sorted({claim.person_id} | namesakes_of(claim, row, lookup)):
                theirs |= held_of(
                    _BY_PERSON,
                    whose,
                    functools.partial(ClaimQueries(ledger).select, person_id=whose),
                )
            theirs |= {i for made in seen.values() for i in made}
            rows = {i: now for i in sorted(theirs) if (now := lookup("claims", i)) is not None}
            first = twin_claim(policy, claim, row, rows, lookup)
            if first is not None:
                where = repeat_place(told, first, lookup)
                return twin_refused(claim, first, policy, row, where)
        seen.setdefault(claim.limit_key, set()).add(row_id)
        return ALLOWED

    return PolicyJudge(judge, expect, lambda claim: limit_kind_of(policy_of(), claim))


#: A subsidy paid once per job (training): `twin_claim` asks about its claims only.
_PER_EVENT = LimitKind.ONCE_PER_SPELL.value
#: What `policy_judge` keeps of the ledger's claims: by limit key, and by person.
_BY_KEY, _BY_PERSON = "claims by limit key", "claims by person"
#: … and the persons holding an ID number (by number), deleted ones too: one person entered
#: twice, the duplicate row deleted (`one_person`).
_HOLDERS = "persons by ID number"


def published_policy(ledger: Ledger, version: str) -> Policy | None:
    """The policy of `version` (a claim's `pack_version`: 'guizhou-2023@…+county@2026.1') when
    one of its packs is a county pack published to this ledger and signed by its hub: the
    built-in packs with it. None when none is, or it no longer combines."""
    from fieldapp.policy.combine import combine
    from fieldapp.policy.registry import PolicyRegistry
    from fieldapp.services.policy_admin import hub_sign_key, published

    key, names = hub_sign_key(ledger), set(version.split("+"))
    for pack in published(ledger):
        if pack.name in names and key is not None and pack.verified_by(key):
            try:
                return combine([*PolicyRegistry().base_files(), (pack.name, pack.read())])
            except FieldappError:
                return None
    return None


def twin_claim(
    policy: Policy,
    claim: ClaimRow,
    row: Mapping[str, Any],
    others: Mapping[str, Mapping[str, Any]],
    lookup: RowLookup,
) -> ClaimRow | None:
    """The first live claim of `others` (rows by id, as they will be) that pays for the same
    job (training) as `claim` (its `row`) recorded twice under another id (`event_twin`), of a
    subsidy paid once per job (training), in the guard's order; None when there is none or
    `claim` comes first. The job of one person: of the claim's person row, or of another
    person row holding the same ID number (`one_person`: one person entered twice, the job
    recorded on each row — a job is its person's, whichever row records it), a deleted row's
    claims past the draft too (the duplicate deleted, what was paid on it stays paid)."""
    from fieldapp.policy.eligibility import event_twin

    if limit_kind_of(policy, row) != _PER_EVENT:
        return None
    named = claim_event_id(policy, row)
    mine = lookup(*named) if named is not None and named[1] else None
    if named is None or mine is None:
        return None
    group, _, rest = claim.limit_key.partition("|")
    whose = rest.partition("|")[0]
    twins = []
    for other_id, other in others.items():
        their_group, _, their_rest = str(other.get("limit_key") or "").partition("|")
        theirs_whose = their_rest.partition("|")[0]
        if other_id == claim.id or their_group != group:
            continue
        if theirs_whose != whose and not one_person(lookup, whose, theirs_whose):
            continue
        if theirs_whose != whose and drafted_gone(other, lookup):
            continue
        theirs = claim_event_id(policy, other)
        if theirs is None or theirs[0] != named[0] or theirs[1] == named[1] or not theirs[1]:
            continue
        event = lookup(*theirs)
        if event is not None and str(event.get("person_id") or "") == theirs_whose:
            event = {**event, "person_id": mine.get("person_id")}
        if event is not None and event_twin(named[0], mine, event):
            twins.append(dataclasses.replace(ClaimRow.of(other_id, other),
                                             limit_key=claim.limit_key))  # fmt: skip
    found = repeat_of(claim, twins)
    return found if isinstance(found, ClaimRow) else None


def drafted_gone(claim: Mapping[str, Any], lookup: RowLookup) -> bool:
    """True for a draft of a deleted person (`lookup` gives): never passed on, it pays
    nothing, and stops no claim of that person's other row (`one_person`)."""
    if str(claim.get("state") or "") != DRAFT:
        return False
    whose = str(claim.get("person_id") or "")
    return bool(whose) and bool((lookup("persons", whose) or {}).get("deleted"))


def one_person(lookup: RowLookup, one: str, other: str) -> bool:
    """True when the person rows `one` and `other` (ids, rows as `lookup` gives them) are one
    person: holding the same ID number — `other` deleted too (the row the program says to
    delete of one person entered twice: what was paid on it was paid to that person)."""
    if one == other:
        return True
    rows = [lookup("persons", p) for p in (one, other)]
    if any(r is None for r in rows) or (rows[0] or {}).get("deleted"):
        return False
    numbers = {str((r or {}).get("id_number") or "").strip().upper() for r in rows}
    return len(numbers) == 1 and "" not in numbers


def _twin_what(policy: Policy, row: Mapping[str, Any]) -> Word:
    named = claim_event_id(policy, row)
    return Word("就业" if named is not None and named[0] == "employment_spells" else "培训")


UNTITLED = "一项没有名称的补贴"
#: The words this module's refusals may hold, said in the language shown (`trust.SAID_WORDS`
#: holds the rules' own).
SAID_WORDS: tuple[str, ...] = (KEPT_DAY, STAMPED_DAY, UNTITLED)
RULE_UNHELD = template(
    "%1申领的“%2”不在县里的政策中：只能申领政策中有的补贴，请在程序中按政策重新申领"
)
REVIEWED_NO_FURTHER = template("%1，不能再往下审核")
TWIN = template(
    "%1；两条申领的%2是同一次（同一天开始，登记了两遍），只能申领一次，"
    "这条不能往下提交或审核，请驳回"
)


def person_gone(
    before: Mapping[str, Any] | None, row: Mapping[str, Any], lookup: RowLookup
) -> Verdict:
    """`claim_person`: a claim (`before` and `row`: as it was and will be) made, moved onto
    another person, or passed on towards payment, for a person `lookup` gives as deleted
    (`claim_person_deleted`). By any device: no program makes a claim for a deleted person."""
    if row.get("deleted"):
        return ALLOWED
    state = row.get("state")
    if (
        before is not None
        and to_storable(before.get("person_id")) == to_storable(row.get("person_id"))
        and (before.get("state") == state or state not in ONWARD)
    ):
        return ALLOWED
    whose = str(row.get("person_id") or "")
    found = claim_person_deleted(row, lookup("persons", whose) if whose else None)
    return refuse(*found) if found is not None else ALLOWED


def rule_unheld(row: Mapping[str, Any]) -> Verdict:
    """`claim_rule`: a claim (its `row`) of a subsidy no pack of the county holds."""
    what = str(row.get("rule_title") or "").strip() or Word(UNTITLED)
    who = str(row.get("person_name") or "") or Word("此人")
    return refuse("claim_rule", said(RULE_UNHELD, who, what))


def repeat_place(told: Actor | None, first: ClaimLike, lookup: RowLookup) -> Sentence | None:
    """How a repeat's `first` claim is said to the device `told` (the sender of the repeat):
    None — whole, its state and who entered it when — to the county (or no one named), and
    to a device whose area holds it: its claim's place, or its person's home now (the hub
    sends a device those claims: `answers.live_scope`). Else only that the same ID number is
    claimed for elsewhere, by area only as far as the device may know (`ELSEWHERE_VILLAGE`
    …): the place a person is claimed for, the claim's state, who works on it and when are
    not a village's to learn by entering someone's ID number and taking a claim on."""
    if told is None or told.county_level:
        return None
    person = lookup("persons", first.person_id) if first.person_id else None
    household = str((person or {}).get("household_id") or "")
    home = lookup("households", household) if household else None
    claim = lookup("claims", first.id) or {}
    places = {str(claim.get("area_code") or ""), str((home or {}).get("area_code") or "")}
    places -= {""}
    if any(told.covers(p) for p in places):
        return None
    if told.role is Role.TOWNSHIP:
        return said(ELSEWHERE_TOWNSHIP)
    village = area_at(told.scope or "", AreaLevel.VILLAGE)
    if village != (told.scope or "") and any(p.startswith(village) for p in places):
        return said(ELSEWHERE_OUTSIDE)  # another part of its own village
    return said(ELSEWHERE_VILLAGE)


def repeat_refused(
    claim: ClaimLike, first: ClaimLike, policy: Policy | None, where: Sentence | None = None
) -> Verdict:
    """`claim_repeat`: a reviewed `claim` repeating `first` under its limit key; `where`: the
    first claim said as elsewhere (`repeat_place`), None whole."""
    repeat = repeated_said(claim, first, policy, where)
    return refuse("claim_repeat", said(REVIEWED_NO_FURTHER, repeat))


def twin_refused(
    claim: ClaimLike,
    first: ClaimLike,
    policy: Policy,
    row: Mapping[str, Any],
    where: Sentence | None = None,
) -> Verdict:
    """`claim_repeat`: `claim` (its `row`) on a job (training) recorded twice, `first` on the
    other record (`twin_claim`); `where` as `repeat_refused` takes it."""
    repeat = repeated_said(claim, first, policy, where)
    return refuse("claim_repeat", said(TWIN, repeat, _twin_what(policy, row)))


#: What a claim is founded on, per table of the job (training) it pays for: its deletion, or
#: any of these set to another value, leaves a claim standing on a job that no longer is — a
#: job made anew under another id could then be claimed for again (`claimed_event`).
FOUNDING: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "employment_spells": frozenset(
            {
                "deleted",
                "person_id",
                "start_date",
                "place_code",
                "form",
                "employer",
                "employer_kind",
                "export_agency",
            }
        ),  # fmt: skip
        "services": frozenset(
            {"deleted", "person_id", "service_date", "service_type", "training_days"}
        ),
    }
)
#: A claim in these states pays nothing: its job may be changed (a draft is judged against its
#: job again when it is submitted, `policy_judge`).
_PAYS_NOTHING: frozenset[str] = frozenset(
    s.value for s in (ClaimState.DRAFT, ClaimState.REJECTED, ClaimState.REVERSED)
)

#: Judges a change of a job (training) — its table, id, the row before and the change's data —
#: against the live claims paying for it, as a `RowLookup` gives them.
EventJudge = Callable[[str, str, Mapping[str, Any], Mapping[str, Any], RowLookup], Verdict]


def asks_founding(
    actor: Actor | None, table: str, before: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> bool:
    """True when a change by `actor` deletes, or changes what a claim is founded on, of an
    existing job (training) — by a device below the county (the county corrects its data)."""
    if before is None or table not in FOUNDING or (actor is not None and actor.county_level):
        return False
    return bool(_changed(FOUNDING[table] | _ENDS.get(table, frozenset()), before, data))


#: A job's end: a month's (year's) claim stands on the job covering the month it pays.
_ENDS: Mapping[str, frozenset[str]] = MappingProxyType(
    {"employment_spells": frozenset({"end_date"})}
)


def _changed(
    fields: frozenset[str], before: Mapping[str, Any], data: Mapping[str, Any]
) -> set[str]:
    return {f for f in fields if f in data and to_storable(before.get(f)) != to_storable(data[f])}


def pays_for(claim: Mapping[str, Any], table: str, row_id: str) -> bool:
    """True when `claim` (a row) pays for the job (`spell_id`) or training (its frozen facts'
    `event_id`) `row_id` of `table`."""
    if table == "employment_spells":
        return str(claim.get("spell_id") or "") == row_id
    return training_id(claim) == row_id


_CORRECT_FIRST = "如确需更正，请先驳回这条申领（已审批的由县里撤销），"
#: A job (training) a live claim pays for, changed or deleted: by who began it when (or who,
#: the day unknown), the claim, its state, and 删除 or 修改.
CLAIMED_JOB = template(
    "%1%2开始的就业已申领“%3”（%4），这条就业不能%5：申领以它为依据，开始日期、单位、地点和"
    "就业形式以申领时为准。" + _CORRECT_FIRST + "再更正就业并重新申领"
)
CLAIMED_JOB_UNDATED = template(
    "%1开始的就业已申领“%2”（%3），这条就业不能%4：申领以它为依据，开始日期、单位、地点和"
    "就业形式以申领时为准。" + _CORRECT_FIRST + "再更正就业并重新申领"
)
CLAIMED_TRAINING = template(
    "%1%2开始的培训已申领“%3”（%4），这条培训不能%5：申领以它为依据，培训日期、类型和天数"
    "以申领时为准。" + _CORRECT_FIRST + "再更正培训并重新申领"
)
CLAIMED_TRAINING_UNDATED = template(
    "%1开始的培训已申领“%2”（%3），这条培训不能%4：申领以它为依据，培训日期、类型和天数"
    "以申领时为准。" + _CORRECT_FIRST + "再更正培训并重新申领"
)
ENDED_BEFORE = template(
    "%1已申领%2（%3），这份工作的结束日期%4不能早于%5：申领以%2在岗为依据。"
    + _CORRECT_FIRST
    + "再更正工作的结束日期"
)


def claimed_event(
    table: str,
    row_id: str,
    before: Mapping[str, Any],
    data: Mapping[str, Any],
    claims: Iterable[Mapping[str, Any]],
    kind_of: Callable[[Mapping[str, Any]], str] | None = None,
) -> Verdict:
    """A change of the job (training) `row_id` (`before`: its row) refused while a live claim
    of `claims` (rows as they will be) pays for it (`asks_founding` says which changes ask):
    what the claim was founded on changed, or the job ended before a month (year) it pays.
    `kind_of`: how often a claim is paid, as its rule says (`limit_kind_of`); None: as the
    claim says it."""
    founding = _changed(FOUNDING.get(table, frozenset()), before, data)
    for claim in claims:
        if claim.get("deleted") or str(claim.get("state") or "") in _PAYS_NOTHING:
            continue
        if not pays_for(claim, table, row_id):
            continue
        if not founding:
            kind = kind_of(claim) if kind_of is not None else claim.get("limit_kind")
            ended = _ended_before(claim, data.get("end_date"), kind)
            if ended is not None:
                return ended
            continue
        spell = table == "employment_spells"
        begun = _claim_day(claim.get("event_date"))
        done = Word("删除" if data.get("deleted") else "修改")
        title: Part = str(claim.get("rule_title") or "") or Word("补贴")
        whose, state = person_named(claim), Word(str(claim.get("state")))
        if begun is None:
            undated = CLAIMED_JOB_UNDATED if spell else CLAIMED_TRAINING_UNDATED
            return refuse("claimed_event", said(undated, whose, title, state, done))
        dated = CLAIMED_JOB if spell else CLAIMED_TRAINING
        return refuse("claimed_event", said(dated, whose, Day(begun), title, state, done))
    return ALLOWED


def _ended_before(claim: Mapping[str, Any], end: object, paid: object) -> Verdict | None:
    """A job's end put before the first day of the month (year) a claim of a subsidy paid by
    the month (year) pays for it, refused; None when it is not. `paid`: how often the claim
    is paid (a `LimitKind` value)."""
    from fieldapp.policy.eligibility import paid_period
    from fieldapp.policy.pack import LimitKind

    try:
        kind = LimitKind(str(paid or ""))
        on = dt.date.fromisoformat(str(claim.get("claim_date")))
        day = dt.date.fromisoformat(str(end)) if end not in (None, "") else None
    except ValueError:
        return None
    if kind not in (LimitKind.ONCE_PER_MONTH, LimitKind.ONCE_PER_YEAR) or day is None:
        return None
    first, _last, _said = paid_period(kind, on)
    if day >= first:
        return None
    period = Day(on, "month" if kind is LimitKind.ONCE_PER_MONTH else "year")
    state = Word(str(claim.get("state")))
    return refuse(
        "claimed_event",
        said(ENDED_BEFORE, claim_named(claim), period, state, Day(day), Day(first)),
    )


#: Where a person's subsidies are paid: the 花名册 prints them as the ledger holds them.
ACCOUNT_FIELDS: frozenset[str] = frozenset({"account_bank", "account_number"})


def account_changed(
    actor: Actor, table: str, before: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> bool:
    """True when a device below the county changes the account (bank) of an existing person."""
    if table != "persons" or before is None or actor.county_level:
        return False
    return bool(_changed(ACCOUNT_FIELDS, before, data))


AWAITED_ACCOUNT = template(
    "%1已「%2」，等待发放，这时改社保卡（银行）账号，批准的钱就发到新账号：已交县里核对，"
    "县里核实后接受"
)
NOT_KEPT_ACCOUNT = template(
    "%1变为「%2」时记下的收款账号（%3）不是台账上此人这时的账号（%4）：花名册按审批时记下的"
    "账号发放，钱会发到别的账户。已交县里核对"
)
CLAIMED_PERSON = template(
    "%1已「%2」，等待发放，%3不能删除：删除以后花名册照样会把这笔钱发给台账上已没有的人。"
    "如确需删除，请先驳回这条申领（已审批的由县里撤销），再删除这个人"
)
_MOVE_ELSE = "（已审批的由县里撤销），或等发放以后再迁，或请县里办理迁移"
MOVED_OUT_OF_TOWNSHIP = template(
    "%1已「%2」，等待发放，%3不能迁出本乡镇（迁往%4）：申领仍记在原来的村，迁出以后花名册照样"
    "按原村发放，新的地方还可以再申领一次。要迁出先驳回申领" + _MOVE_ELSE
)
MOVED_AWAY = template(
    "%1已「%2」，等待发放，%3不能迁往%4：申领记在%5，迁走以后仍列在%5的公示表和批次里、按%5"
    "发放，%4却审核不了，还可以再申领一次。要迁走先驳回申领" + _MOVE_ELSE
)
MOVED_UNKNOWN = template(
    "%1已「%2」，等待发放，%3不能迁入台账上没有的户：定不了迁往哪里，申领记在%4，迁走以后仍列在%4"
    "的公示表和批次里、按%4发放。请先建好新的户再迁入；要迁出%4先驳回申领" + _MOVE_ELSE
)
BATCH_PAID_FROM = template(
    "批次“%1”里%2已「%3」：县里按这个批次的花名册发放，村、乡镇不能再修改或删除这个批次（%4），"
    "否则花名册会变、申领会漏发或再发一次；如有错误请县里处理"
)


REVIEWED_ACCOUNT = template(
    "%1已「%2」，乡镇审核、公示的是原来的社保卡（银行）账号，这时改账号，县里审批时就记下新账号，"
    "钱发到没有审核、公示过的账号：已交县里核对，县里核实后接受"
)


#: The states of a claim in which its person's account is not changed unseen, and why.
_ACCOUNT_AWAITED_IN = {
    ClaimState.COUNTY_APPROVED.value: AWAITED_ACCOUNT,
    ClaimState.TOWNSHIP_REVIEWED.value: REVIEWED_ACCOUNT,
}


def account_awaited(claims: Iterable[Mapping[str, Any]]) -> Verdict:
    """A person's account changed while one of `claims` (theirs, rows as they will be) is
    approved and not yet paid, held for the county: the approved money would go to it. So too
    while one is passed by the township (乡镇审核): the township reviewed it, and posted it
    on its 公示表, with the account then, and the county's approval keeps the account as it
    is when approving (`KEPT_AT_APPROVAL`): changed in between, the money would go to an
    account no review or notice had shown."""
    for claim in claims:
        state = str(claim.get("state") or "")
        sentence = _ACCOUNT_AWAITED_IN.get(state)
        if sentence is not None and not claim.get("deleted"):
            return refuse("paid_account", said(sentence, claim_named(claim), Word(state)))
    return ALLOWED


def account_not_kept(
    before: Mapping[str, Any] | None, data: Mapping[str, Any], person: Mapping[str, Any] | None
) -> Verdict:
    """A claim's approving change (to 县审批) whose kept bank and account (`KEPT_AT_APPROVAL`)
    are not its person's at that time (`person`, as the ledger and the bundle so far leave it),
    held for the county: the 花名册 pays to the account kept, which is then someone else's (or
    none, kept by no program that keeps it). Any device, the county's own included."""
    row = {**(before or {}), **data}
    approved = ClaimState.COUNTY_APPROVED.value
    if row.get("deleted") or row.get("state") != approved or person is None:
        return ALLOWED
    if (before or {}).get("state") == approved and not KEPT_AT_APPROVAL & data.keys():
        return ALLOWED
    if same_account(row, person):
        return ALLOWED
    kept: Part = _kept_said(row) or Word("空")
    is_now: Part = _kept_said(kept_account(person)) or Word("空")
    return refuse(
        "claim_account",
        said(NOT_KEPT_ACCOUNT, claim_named(row), Word(approved), kept, is_now),
    )


def _kept_said(kept: Mapping[str, Any]) -> str:
    """'中国农业银行 6228…1234' of a claim's kept fields (`KEPT_AT_APPROVAL`), for a reason."""
    bank, account = str(kept.get("approved_bank") or ""), str(kept.get("approved_account") or "")
    return " ".join(x for x in (bank, brief(account)) if x)


def person_deleted(
    actor: Actor | None, table: str, before: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> bool:
    """True when a device below the county deletes a live person (the county corrects its
    data: the roster leaves off its deleted persons' claims, `PaperData.batch_claims`)."""
    if table != "persons" or before is None or (actor is not None and actor.county_level):
        return False
    return bool(data.get("deleted")) and not before.get("deleted")


def claimed_person(claims: Iterable[Mapping[str, Any]]) -> Verdict:
    """A person's deletion refused while one of `claims` (theirs, rows as they will be) is past
    the draft and not yet paid: the batch's 花名册 would pay it to a person the ledger no longer
    holds (and the claim would stand for someone moved away or never there)."""
    return _claim_in(claims, ONWARD, "claimed_person", CLAIMED_PERSON)


def _claim_in(
    claims: Iterable[Mapping[str, Any]], states: Collection[str], rule: str, reason: str
) -> Verdict:
    """`rule` refusing a change of a person while one of `claims` (theirs) is in `states`,
    `reason` saying the claim, its state and the person; allowed when none is."""
    for claim in claims:
        if claim.get("deleted") or str(claim.get("state") or "") not in states:
            continue
        state = Word(str(claim.get("state")))
        return refuse(rule, said(reason, claim_named(claim), state, person_named(claim)))
    return ALLOWED


def id_changed(
    actor: Actor | None, table: str, before: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> bool:
    """True when a device below the county changes the ID number of an existing person."""
    if table != "persons" or before is None or (actor is not None and actor.county_level):
        return False
    return "id_number" in data and (data.get("id_number") or "") != (before.get("id_number") or "")


#: A claim counted by the repeat checks until rejected or reversed: passed on, or paid.
NUMBERED_BY: frozenset[str] = ONWARD | {ClaimState.PAID.value}

CLAIMED_ID = template(
    "%1已「%2」，%3的身份证号码只有县里可以更正：补贴按身份证号码核对是否重复申领，"
    "改了号码，原来的号码就可以再申领一次。号码确有错误的，请县里更正；"
    "或先驳回这条申领（已审批、已发放的由县里撤销），再改号码"
)


def claimed_id(claims: Iterable[Mapping[str, Any]]) -> Verdict:
    """A person's ID number changed (below the county) while one of `claims` (theirs, rows as
    they will be) is past the draft and not rejected or reversed: refused, the county's to
    correct. The repeat checks find a person's claims by the number (`one_person`): renumbered,
    the person could claim again under the old number on a second row."""
    return _claim_in(claims, NUMBERED_BY, "claimed_id", CLAIMED_ID)


#: The link whose change moves a row elsewhere: a household's area, a person's household.
_MOVES: Mapping[str, str] = MappingProxyType({"households": "area_code", "persons": "household_id"})


def moves(
    actor: Actor | None, table: str, before: Mapping[str, Any] | None, data: Mapping[str, Any]
) -> bool:
    """True when a device below the county moves an existing, live household to another area
    or person to another household (the county moves people as it decides)."""
    column = _MOVES.get(table)
    if column is None or before is None or column not in data or before.get("deleted"):
        return False
    if actor is not None and actor.county_level:
        return False
    return bool(to_storable(data[column]) != to_storable(before.get(column)))


def moved_out(
    actor: Actor,
    table: str,
    row_id: str,
    before: Mapping[str, Any],
    data: Mapping[str, Any],
    lookup: RowLookup,
    members: Callable[[str], Iterable[str]],
    claims: Callable[[str], Iterable[Mapping[str, Any]]],
) -> Verdict:
    """A household (person, `table`) moved (`moves`) away from where a claim of one of its
    people (the person) past the draft waits for payment, refused (`claimed_moved`): the claim
    stays placed in the village (area) left, on its 公示表 and in its batches, its 花名册 pays
    someone no longer there, the new place may claim again — out of the township or within it
    alike — and neither village can pass it on any more (`claim_area`). A move that keeps the
    claim where its person lives (another household of the same area, or back) is allowed.
    `lookup` gives rows as they will be, `members` a household's people by its id, `claims` a
    person's claims (rows) by the person's id."""
    unknown = False  # into a household the ledger does not hold
    if table == "households":
        old, new = before.get("area_code"), data.get("area_code")
        people: Iterable[str] = members(row_id)
    else:
        home = lookup("households", str(before.get("household_id") or ""))
        target = str(data.get("household_id") or "")
        there = lookup("households", target) if target else None
        old, new = (home or {}).get("area_code"), (there or {}).get("area_code")
        people = [row_id]
        # A home made after the move (in the same bundle, anywhere: a transfer's destination
        # may lie outside the scope) or never: where the claimant goes cannot be told. The
        # program makes the new home first, then moves its people into it.
        unknown = bool(target) and there is None
    old, new = str(old or ""), str(new or "")
    if not new and not unknown:
        return ALLOWED  # to nowhere known: the scope rules judge it
    where = place_part(new, divisions(), actor.places) if new else ""
    for person in people:
        for claim in claims(person):
            state = str(claim.get("state") or "")
            if claim.get("deleted") or state not in ONWARD:
                continue
            if str(claim.get("person_id") or "") != person:
                continue
            # Where the claim lies: its area (one made without, where its person lived).
            lies = str(claim.get("area_code") or "") or old
            if not unknown and (
                not lies or area_at(lies, AreaLevel.VILLAGE) == area_at(new, AreaLevel.VILLAGE)
            ):
                # The claim stays where its person lives: the village (site) whose 公示表 and
                # batches it is on, whichever of its 村民组 (楼栋) the family is put in.
                continue
            named, name = claim_named(claim), person_named(claim)
            if unknown:
                left: Part = say_place(lies, divisions(), actor.places, PlaceWording.KNOWN) or Word(
                    "原来的村"
                )
                return refuse("claimed_moved", said(MOVED_UNKNOWN, named, Word(state), name, left))
            if lies[:9] != new[:9]:
                return refuse(
                    "claimed_moved",
                    said(MOVED_OUT_OF_TOWNSHIP, named, Word(state), name, where),
                )
            left = say_place(lies, divisions(), actor.places, PlaceWording.KNOWN) or Word(
                "原来的村"
            )
            return refuse("claimed_moved", said(MOVED_AWAY, named, Word(state), name, where, left))
    return ALLOWED


#: Claims whose batch the county pays from: approved, or paid by its 花名册.
_PAID_FROM: frozenset[str] = frozenset({ClaimState.COUNTY_APPROVED.value, ClaimState.PAID.value})
#: A batch's wording, which its maker may still correct once the county pays from it (the
#: township's 更正 of a title reaches its villages); what it pays — rule, source, area, the
#: states it took, the batch itself — stays as the county approved it.
_BATCH_WORDING: frozenset[str] = frozenset({"title", "notes"})


#: Claims whose batch is the township's roster once it has passed them (乡镇审核): it posts
#: the batch's 公示表 and sends its roster on. A village holds the batch all the same when it
#: was made for that one village (`batch create --area <村>`, the area judging its scope).
_TOWNSHIP_POSTED: frozenset[str] = frozenset({ClaimState.TOWNSHIP_REVIEWED.value})
TOWNSHIP_POSTED = template(
    "批次“%1”里%2已「%3」：乡镇按这个批次公示、报送花名册，村里不能再修改或删除这个批次（%4），"
    "否则乡镇审核过的花名册会变；如有错误请乡镇处理"
)
BATCH_JOINED = template(
    "批次“%1”里%2已「%3」，是乡镇（县里）审核过、按它公示和发放的花名册：村里不能把申领编进"
    "这个批次（%4），否则花名册上多出没有经过乡镇审核的申领。请编进本村自己的批次"
)


def _batch_and_claim(batch: Mapping[str, Any], claim: Mapping[str, Any]) -> tuple[Part, Part]:
    """A batch refusal's batch (its name, no head count: `batch_name`) and the claim in it that
    keeps it (whose, for which subsidy)."""
    title: Part = batch_name(str(batch.get("title") or "")) or Word("这个批次")
    who: Part = str(claim.get("person_name") or "") or Word("有人")
    paid: Part = str(claim.get("rule_title") or "") or Word("补贴")
    return title, said(CLAIM_NAMED, who, paid)


def _locks(actor: Actor) -> frozenset[str]:
    """The states of a claim in a batch that keep the batch from `actor` (below the county):
    the county's approval from every such device; the township's review from a village."""
    return _PAID_FROM | (_TOWNSHIP_POSTED if actor.role is Role.COORDINATOR else frozenset())


def batch_joined(
    actor: Actor,
    claim_id: str,
    before: Mapping[str, Any] | None,
    data: Mapping[str, Any],
    batch: Mapping[str, Any] | None,
    claims: Iterable[Mapping[str, Any]],
) -> Verdict:
    """A village putting a claim into a batch that holds a claim the township has passed (or
    the county approved), refused (`claim_locked`): that batch is the township's (county's)
    roster, posted and paid from, even when made for this one village and so in its area —
    the claim would be on it with no review above the village (a claim the township has
    passed itself may join: a village's batch takes those last). `batch` is the batch named,
    `claims` its claims (rows) as they will be."""
    target = str(data.get("batch_id") or "")
    if actor.role is not Role.COORDINATOR or not target or batch is None:
        return ALLOWED
    if target == str((before or {}).get("batch_id") or ""):
        return ALLOWED
    if str({**(before or {}), **data}.get("state") or "") in _locks(actor):
        return ALLOWED  # passed by the township itself: on its roster as it reviewed it
    for claim in claims:
        state = str(claim.get("state") or "")
        if claim.get("deleted") or state not in _locks(actor) or claim.get("id") == claim_id:
            continue
        if str(claim.get("batch_id") or "") != target:
            continue
        title, named = _batch_and_claim(batch, claim)
        return refuse(
            "claim_locked", said(BATCH_JOINED, title, named, Word(state), actor.described())
        )
    return ALLOWED


def batch_paid_from(
    actor: Actor,
    batch_id: str,
    before: Mapping[str, Any] | None,
    data: Mapping[str, Any],
    claims: Iterable[Mapping[str, Any]],
) -> Verdict:
    """A village's (township's) own batch changed or deleted once the county approved a claim
    in it, refused (`claim_locked`): the county pays an approved claim by the 花名册 of the batch
    it lies in, whoever made it — its rule, source or area changed or the batch deleted, the
    roster paying it changes under the county, or the claim is left in no batch to print (nor
    to batch again). Its title and notes may still be corrected (`_BATCH_WORDING`).
    `claims` are the batch's claims (rows) as they will be; the county changes it as it
    decides. A village's device is refused so too once the township has passed a claim in it
    (乡镇审核): the township posts and sends on that batch's roster (`TOWNSHIP_POSTED`)."""
    if actor.county_level or before is None or before.get("deleted"):
        return ALLOWED
    changed = {k for k, v in data.items() if to_storable(v) != to_storable(before.get(k))}
    if changed <= _BATCH_WORDING:
        return ALLOWED
    for claim in claims:
        state = str(claim.get("state") or "")
        if claim.get("deleted") or state not in _locks(actor):
            continue
        if str(claim.get("batch_id") or "") != batch_id:
            continue
        title, named = _batch_and_claim(before, claim)
        sentence = BATCH_PAID_FROM if state in _PAID_FROM else TOWNSHIP_POSTED
        return refuse(
            "claim_locked",
            said(sentence, title, named, Word(state), actor.described()),
        )
    return ALLOWED


def claims_batched(ledger: Ledger) -> Callable[[str], list[dict[str, Any]]]:
    """A batch's live claims on `ledger` as it stores them (`Ledger.get`'s rows), by the
    batch's id: read whole once, not again claim by claim."""
    from fieldapp.store.queries.claims import ClaimQueries

    return ClaimQueries(ledger).batch_claim_rows


def household_members(ledger: Ledger) -> Callable[[str], list[str]]:
    """The ids of a household's people on `ledger`, by the household's id."""
    return lambda household_id: [p.id for p in records.members(ledger, household_id)]


def claims_paying(ledger: Ledger) -> Callable[[str], list[str]]:
    """The ids of the live claims on `ledger` that may pay for a job (training) by its id."""
    from fieldapp.store.queries.claims import ClaimQueries

    return ClaimQueries(ledger).naming


def claims_of(ledger: Ledger) -> Callable[[str], list[str]]:
    """The ids of a person's live claims on `ledger`, by the person's id."""
    from fieldapp.store.queries.claims import ClaimQueries

    queries = ClaimQueries(ledger)
    return lambda person_id: [c.id for c in queries.select(person_id=person_id)]


def asks_policy(actor: Actor, table: str, data: Mapping[str, Any]) -> bool:
    """True when a change by `actor` is one `PolicyJudge` judges: a claim's amount, rule, dates,
    month or person set, by anyone (a claim asking more than the policy pays, or for a job the
    ledger does not have, is wrong whoever writes it), or the claim passed on in review, by a
    device below the county (the county's steps of review are its own)."""
    if table != "claims":
        return False
    if PAID_FIELDS.intersection(data):
        return True
    return not actor.county_level and str(data.get("state") or "") in ONWARD


#: `Context.column_types` of a table with a domain model, which judges its values instead.
_NO_TYPES: Mapping[str, str] = MappingProxyType({})


class TrustRefused(FieldappError):
    """A write the trust rules refuse; str() is the Chinese reason, `rule` names the rule,
    `said` is the reason as its template and parts where the rule made it so (a window says
    it in its language), else None."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.said if verdict.said is not None else verdict.reason)
        self.rule = verdict.rule


def context_for(
    finder: PlaceFinder,
    table: str,
    row_id: str,
    data: Mapping[str, Any],
    fields: frozenset[str] | None,
    transfers: frozenset[str] = frozenset(),
    bundle_rows: Collection[tuple[str, str]] = (),
    printed_where: str = "",
    new_homes: Collection[str] = (),
) -> Context:
    """What the rules need to know about a change of `row_id`, from the ledger (and overlay).

    `transfers`: households the same sender moves its own people into (transfer targets).
    `bundle_rows`: (table, row id) of every row the same bundle changes.
    `printed_where`: a print log's person's place when it says it was printed (`printed_then`).
    `new_homes`: households the same bundle (the same use case, on a device) makes: a person
    moved into one is moved to a new home, not into a household the receiver held.
    """
    before = finder.row(table, row_id)
    merged = {**before, **data} if before else data
    places_after = finder.link_places(table, data, NAMED.get(table))
    coming: frozenset[str] = frozenset()
    if not all(places_after.values()):  # a link to a row the ledger does not know (yet)
        coming = frozenset(
            column
            for column, target in LINKS.get(table, ())
            if data.get(column) not in (None, "")
            and not places_after.get(column)
            and (target, str(data[column])) in bundle_rows
        )
    return Context(
        transfer_target=table == "households" and row_id in transfers,
        exists=before is not None,
        before=before or {},
        place_before=finder.place(table, before) if before is not None else None,
        places_after=places_after,
        targets=finder.targets(table, merged, NAMED.get(table)),
        fields=fields,
        # Declared types judge only the values of tables without a model (`check_values`).
        column_types=finder.column_types(table) if table not in MODELS else _NO_TYPES,
        coming=coming,
        official=official_area(data.get("code")) if table == AREA and before is None else None,
        printed_where=printed_where,
        offered_place=_offered_place(finder, table, data, before),
        offered_held=_offered_held(finder, table, data),
        person_before=_person_before(finder, table, data, before),
        new_home=table == "persons" and str(data.get("household_id") or "") in new_homes,
    )


def _offered_place(
    finder: PlaceFinder,
    table: str,
    data: Mapping[str, Any],
    before: Mapping[str, Any] | None,
) -> str:
    """For a person: where the household lies that the change (else the row) offers them to
    (`moving_to`); for a row kept with its person while offered (`trust.OFFER_KEPT_ROWS`),
    where its person is offered to; "" when none is named or it is unknown."""
    if table in OFFER_KEPT_ROWS:
        person_id = data.get("person_id") or (before or {}).get("person_id")
        person = finder.row("persons", str(person_id)) if person_id else None
        offered = (person or {}).get("moving_to")
        if not offered:  # taken off a person offered (`_person_before`)
            offered = _person_before(finder, table, data, before).get("moving_to")
    elif table != "persons":
        return ""
    else:
        offered = data.get("moving_to") or (before or {}).get("moving_to")
    if not offered:
        return ""
    return finder.place("households", finder.row("households", str(offered))) or ""


def _person_before(
    finder: PlaceFinder,
    table: str,
    data: Mapping[str, Any],
    before: Mapping[str, Any] | None,
) -> Mapping[str, Any]:
    """For a row a subsidy is judged by (`trust.OFFER_KEPT_ROWS`) that the change moves to
    another person: the person it hung on before, as the ledger holds them (empty when the
    change names no other person, or that person is unknown)."""
    if table not in OFFER_KEPT_ROWS or not before or "person_id" not in data:
        return {}
    was = before.get("person_id")
    if was in (None, "") or was == data.get("person_id"):
        return {}
    return finder.row("persons", str(was)) or {}


def _offered_held(finder: PlaceFinder, table: str, data: Mapping[str, Any]) -> bool:
    """For a change offering a person to a household (setting `moving_to`): whether the ledger
    holds that household, live, in an area it lists (`trust.Context.offered_held`) — a village
    whose device can answer the offer. True for any other change."""
    offered = data.get("moving_to") if table == "persons" else None
    if offered in (None, ""):
        return True
    household = finder.row("households", str(offered))
    if household is None or household.get("deleted"):
        return False
    area = str(household.get("area_code") or "")
    return bool(area) and finder.area_listed(area)


def official_area(code: object) -> dict[str, Any] | None:
    """The row the official table gives a county or township code (None for other codes)."""
    from fieldapp.domain.enums import AreaKind
    from fieldapp.reference import divisions

    if not isinstance(code, str) or len(code) not in (6, 9):
        return None
    division = divisions().get(code)
    if division is None:
        return None
    kind = AreaKind.COUNTY if len(code) == 6 else AreaKind.TOWNSHIP
    return {"code": code, "name": division.name, "kind": kind.value, "parent_code": division.parent}


# -- the hub: every incoming change ---------------------------------------------------------


@dataclass(frozen=True)
class Refusal:
    """An incoming change the hub holds, and why."""

    change: Change
    verdict: Verdict


def values_ahead(changes: Iterable[Change]) -> dict[str, Verdict]:
    """Per change id, what `check_values` says of the change if its row is new.

    A value check of a new row depends on the change alone (a first upload is nearly all new
    rows), so the hub makes it on the thread that decodes the next bundle while one merges;
    `screen` takes it for a change whose row does not exist when its turn comes, and checks
    every other change itself.
    """
    new_row = Context()
    anyone = Actor(Role.HUB, None)  # who sends the values does not change what they are
    return {
        change.id: check_values(anyone, Proposal(change.tbl, change.row_id, change.data), new_row)
        for change in changes
        if change.tbl in MODELS
    }


#: The rows a change names, as `screen` asks for them: its table's links, and what a print or
#: export log names (`NAMED`: judged by `logged_scope`, read with the rest of the bundle).
_ASKED: dict[str, tuple[tuple[str, str], ...]] = {**LINKS, **NAMED}


def rows_ahead(changes: Iterable[Change]) -> set[tuple[str, str]]:
    """The rows `screen` reads before its first verdict on `changes` (each change's own row,
    the rows its links name): they depend on the changes alone, so the hub works them out on
    the thread that decodes the next bundle while one merges."""
    return asked_rows(_ASKED, changes)


def screen(
    db: sqlite_utils.Database,
    actor: Actor,
    origins: Origins,
    changes: Sequence[Change],
    fields: Mapping[str, frozenset[str]],
    values: Mapping[str, Verdict] | None = None,
    asked: Collection[tuple[str, str]] | None = None,
    *,
    cleared: bool = True,
    paid: PolicyJudge | None = None,
    arrived: dt.date | None = None,
    paying: Callable[[str], list[str]] | None = None,
    awaiting: Callable[[str], list[str]] | None = None,
    members: Callable[[str], list[str]] | None = None,
    batched: Callable[[str], list[dict[str, Any]]] | None = None,
    vouched_ms: int | None = None,
) -> tuple[list[Change], list[Refusal]]:
    """Split a device's new changes (in its order) into those to apply and those to hold.

    Each change is judged against the hub's ledger plus the changes accepted before it in the
    same bundle. Parents must be changes the hub has logged, changes earlier in this bundle, or
    this device's own changes the hub holds (taking a held change back builds on it); and they
    must be of the same row (a parent elsewhere could cancel a change on another device).
    `values`: `values_ahead` of the bundle, when made; `asked`: `rows_ahead` of the bundle
    (or of any changes among which these are), when made. `paid`: the policy judging what a
    claim asks for (`policy_judge`), after the rules allow the change. `arrived`: the hub's
    own day the bundle arrived: a claim dated after it is held (`claim_future`), whoever sends
    it (the device's clock is the sender's word). `paying`: the live claims that may pay for a
    job (training) by its id (`claims_paying`): a change deleting it, or of what they were
    founded on, is held while one does (`claimed_event`). `awaiting`: a person's claims by
    the person's id (`claims_of`): their account changed while one is approved and not yet
    paid is held for the county (`paid_account`); with `members` (a household's people by its
    id, `household_members`), a household or person moved out of its township while a claim
    waits is held too (`claimed_moved`), out of the township or within it. `batched`: a
    batch's claims (rows) by its id (`claims_batched`): a batch changed by a device below the county
    while the county pays an approved claim from it is held (`claim_locked`). `vouched_ms`: the
    time the devices' accepted changes vouch for while the hub doubts its clock as behind
    (`hub.own_clock.vouched`): a stamp is judged ahead (`stamped_ahead`, `numbered_ahead`)
    against the later of it and the hub's clock.

    The common case — a change of the sender's own log, by an author it may name, creating a
    row inside its scope (`trust.clears_new_row`) — is allowed without building its `Context`;
    every other change is judged in full (`cleared=False` judges them all so: tests compare).
    """
    finder = PlaceFinder(db, LINKS)
    # Every row the rules will ask about, read a table at a time before the first verdict:
    # each change's own row and the rows its links name, and whatever those link to (rows
    # asked for more changes than these are read all the same, as the rules would).
    finder.preload(asked_rows(_ASKED, changes) if asked is None else asked)
    bundle_rows = {(c.tbl, c.row_id) for c in changes}
    named = {p for c in changes for ids in (c.parents or {}).values() for p in ids}
    known = logged_rows(db, named) if named else {}
    if named:
        own_held = {
            i: where
            for i, where in HeldChanges(db).rows_of(named - known.keys(), actor.device).items()
            if i.rsplit(":", 1)[0] in origins.own
        }
        known.update(own_held)
    transfers = _transfer_targets(finder, actor, changes)
    # Households the bundle moves people into whom it makes or takes in itself (a person
    # added, then moved to a new home in the same sitting): judged as the device judged them,
    # as the changes allowed before leave those people.
    movers = _movers_judged(finder, actor, changes)
    # Households the bundle makes (not held here before it): a person moved into one moves to
    # a new home (`trust._person_move`).
    new_homes = frozenset(
        c.row_id
        for c in changes
        if c.tbl == "households" and finder.stored("households", c.row_id) is None
    )
    printed = printed_then(db, finder, actor, changes)
    # The tables each row id of the bundle names a row of at the hub, and (`bundled`) in the
    # changes allowed earlier in it: an id names one row (`row_id_taken`).
    logged = logged_tables(db, {c.row_id for c in changes})
    bundled: dict[str, set[str]] = {}
    authors: dict[str, Verdict] = {}
    own = origins.own
    claimed: set[str] = set()  # claims allowed earlier in this bundle
    placed: set[str] = set()  # persons moved (made, deleted) earlier in this bundle (allowed)
    # The rows a claim may rest on that come with it (its person's categories, registrations,
    # jobs): each is looked up by its own table.
    categories_sent = {c.row_id for c in changes if c.tbl in SENT_FACTS}
    if paid is not None:
        # Which claims come: what they are judged against is read for all of them at once.
        finder.preload(
            paid.expect(
                {**(finder.row(c.tbl, c.row_id) or {}), **c.data}
                for c in changes
                if c.tbl == "claims"
            )
        )

    def claims_now(ids: Iterable[str]) -> list[Mapping[str, Any]]:
        """Claims by id as they will be: the ledger's, with those allowed earlier in this
        bundle (which a job's, or a person's, change after them in it must reckon with)."""
        found = (finder.row("claims", i) for i in sorted(set(ids) | claimed))
        return [r for r in found if r is not None]

    def batch_now(batch_id: str) -> list[Mapping[str, Any]]:
        """A batch's claims as they will be (`claims_now`): the ledger's, read whole by
        `batched` (and so not again by id), with those allowed earlier in this bundle."""
        assert batched is not None
        rows = batched(batch_id)
        finder.known("claims", rows)
        return claims_now(str(r["id"]) for r in rows)

    def members_now(household_id: str) -> list[str]:
        """A household's people as they will be: the ledger's, less those this bundle moved
        (or deleted) out of it, with those it moved (or made) in earlier — a person moved in
        and the household then moved away in one bundle is its people's move
        (`claimed_moved`)."""
        assert members is not None
        stayed = [i for i in members(household_id) if i not in placed]
        # (the persons this bundle touched as it leaves them: remembered, read no more)
        rows = ((i, finder.row("persons", i)) for i in sorted(placed))
        return stayed + [
            i
            for i, row in rows
            if row is not None
            and not row.get("deleted")
            and str(row.get("household_id") or "") == household_id
        ]

    def judged(change: Change) -> Verdict:
        if actor.disabled_users:
            verdict = _by_disabled(actor, change)
            if not verdict.allowed:
                return verdict
        taken = (logged.get(change.row_id, set()) | bundled.get(change.row_id, set())) - {
            change.tbl
        }
        if taken:
            return row_id_taken(change.tbl, min(taken))
        verdict = ruled(change)
        if verdict.allowed and change.tbl in NUMBERED:
            # Allowed otherwise (a re-dated claim is `claim_made`'s): not stamped before the
            # change that made its row, whose printed number that change gives.
            made = (finder.row(change.tbl, change.row_id) or {}).get("_ckey")
            verdict = numbered_first(change.tbl, change.key, made)
            if verdict.allowed and not made and change.hlc[:13] > followed_up_to:
                # Making it (its number): not stamped further ahead than clocks follow.
                verdict = numbered_ahead(change.tbl, change.hlc, now_ms, vouched)
        if verdict.allowed and change.hlc[:13] > followed_up_to:
            # Any change, of any table: not stamped further ahead than clocks follow.
            verdict = stamped_ahead(change.tbl, change.hlc, now_ms, vouched)
        return verdict

    def ruled(change: Change) -> Verdict:
        if cleared and _clears(finder, actor, own, change, fields, authors, values):
            return ALLOWED
        moving = transfers
        if change.row_id in movers.get(change.tbl, {}) and _mover_own(
            finder, actor, movers[change.tbl][change.row_id]
        ):
            moving = transfers | {change.row_id}
        verdict = _judge(
            finder, actor, change, known, fields, moving, bundle_rows, values, printed, new_homes
        )
        if verdict.allowed and arrived is not None:
            before = finder.row(change.tbl, change.row_id)
            if asks_due(change.tbl, change.data, before is not None):
                verdict = not_yet_due({**(before or {}), **change.data}, arrived, "中心收到时")
            dates = _dates_row(change, before)
            if (
                verdict.allowed
                and change.tbl == "claims"
                and (dates or "applied_on" in change.data)
            ):
                # Its creating change — or one stamped before it, which the row's created_at
                # takes instead (the earliest change of a row made it) — whose stamp is the
                # claim's 申请日期 when it keeps no day of its own; or a change setting the day
                # it keeps (a day cleared falls back to the stamp of the change that made it).
                stamp = change.hlc if dates else _made_stamp(before)
                verdict = made_out_of_time(
                    stamp,
                    {**(before or {}), **change.data},
                    arrived,
                    sets_day="applied_on" in change.data,
                )
        if verdict.allowed and paying is not None and change.tbl in FOUNDING:
            before = finder.row(change.tbl, change.row_id)
            if asks_founding(actor, change.tbl, before, change.data):
                rows = claims_now(paying(change.row_id))
                verdict = claimed_event(
                    change.tbl, change.row_id, before or {}, change.data, rows,
                    paid.kind if paid is not None else None,
                )  # fmt: skip
        if verdict.allowed and awaiting is not None and change.tbl == "persons":
            before = finder.row(change.tbl, change.row_id)
            account = account_changed(actor, change.tbl, before, change.data)
            deleted = person_deleted(actor, change.tbl, before, change.data)
            renumbered = id_changed(actor, change.tbl, before, change.data)
            if account or deleted or renumbered:
                rows = [
                    r
                    for r in claims_now(awaiting(change.row_id))
                    if str(r.get("person_id") or "") == change.row_id
                ]
                if account:
                    verdict = account_awaited(rows)
                if verdict.allowed and deleted:
                    verdict = claimed_person(rows)
                if verdict.allowed and renumbered:
                    verdict = claimed_id(rows)
        if (
            verdict.allowed
            and awaiting is not None
            and members is not None
            and change.tbl in _MOVES
        ):
            before = finder.row(change.tbl, change.row_id)
            if moves(actor, change.tbl, before, change.data):
                waiting = awaiting
                verdict = moved_out(
                    actor, change.tbl, change.row_id, before or {}, change.data, finder.row,
                    members_now, lambda p: claims_now(waiting(p)),
                )  # fmt: skip
        if verdict.allowed and batched is not None and change.tbl == "batches":
            verdict = batch_paid_from(
                actor, change.row_id, finder.row(change.tbl, change.row_id), change.data,
                batch_now(change.row_id),
            )  # fmt: skip
        if (
            verdict.allowed
            and batched is not None
            and change.tbl == "claims"
            and actor.role is Role.COORDINATOR
        ):
            joined = str(change.data.get("batch_id") or "")
            was = finder.row(change.tbl, change.row_id) or {}
            if joined and joined != str(was.get("batch_id") or ""):
                verdict = batch_joined(
                    actor, change.row_id, was, change.data,
                    finder.row("batches", joined), batch_now(joined),
                )  # fmt: skip
        if (
            verdict.allowed
            and change.tbl == "claims"
            and ("state" in change.data or KEPT_AT_APPROVAL & change.data.keys())
        ):
            before = finder.row(change.tbl, change.row_id)
            whose = str({**(before or {}), **change.data}.get("person_id") or "")
            verdict = account_not_kept(before, change.data, finder.row("persons", whose))
        if verdict.allowed:
            # Signed as the sender's own: once its rules allow it (`_signed`), so a change
            # held is held for what it does before how it is signed. (Before the policy: a
            # claim the signature holds is judged by it when the county accepts it.)
            verdict = _signed(actor, origins, change, known, authors)
        if verdict.allowed and paid is not None and asks_policy(actor, change.tbl, change.data):
            row = {**(finder.row(change.tbl, change.row_id) or {}), **change.data}
            if not row.get("deleted"):
                return paid(change.row_id, row, finder.row, categories_sent)
        return verdict

    now_ms = int(time.time() * 1000)  # the hub's clock, as `HybridClock.observe` reads it
    # Its clock doubted as behind: the later time its devices' accepted changes vouch for.
    vouched = vouched_ms is not None and vouched_ms > now_ms
    now_ms = max(now_ms, vouched_ms or 0)
    # The latest wall time clocks follow, as a stamp's 13 digits (`bundle.ChangeIn` checks the
    # form): compared as text, a stamp past it is one `stamped_ahead` judges (any other digit
    # sorts after the ASCII ones, and is judged too); the rest need no parsing, one per change.
    followed_up_to = f"{now_ms + MAX_DRIFT_MS:013d}"
    verdicts: dict[str, Verdict] = {}
    waiting = list(changes)
    while waiting:
        # A change whose place is a row later in the same bundle (a ledger filled before its
        # enrolment may log a sheet's people before their households) waits, with every later
        # change of its row, until the rest is judged; it is then judged again, as the device
        # judges such rows when its bulk write closes. Nothing is allowed that a bundle in
        # another order would not be: the same rules judge the same rows, once placed.
        later: list[Change] = []
        deferred_rows: set[tuple[str, str]] = set()
        for change in waiting:
            if (change.tbl, change.row_id) in deferred_rows:
                later.append(change)
                continue
            verdict = judged(change)
            known[change.id] = (change.tbl, change.row_id)
            if verdict.allowed:
                verdicts[change.id] = verdict
                finder.remember(change.tbl, change.row_id, change.data)
                bundled.setdefault(change.row_id, set()).add(change.tbl)
                if change.tbl == "claims":
                    claimed.add(change.row_id)
                elif change.tbl == "persons" and change.data.keys() & {"household_id", "deleted"}:
                    placed.add(change.row_id)
            elif _placed_later(change, verdict, bundle_rows):
                verdicts[change.id] = verdict
                deferred_rows.add((change.tbl, change.row_id))
                later.append(change)
            else:
                verdicts[change.id] = verdict
        if len(later) == len(waiting):
            for change in later:  # no progress: the last verdicts stand
                if change.id not in verdicts:
                    verdicts[change.id] = judged(change)
            break
        waiting = later
    # Every change has its verdict now, by id: as many verdicts as changes, the ids are
    # distinct (a bundle's always are), and the changes are in their order as given.
    ordered: Sequence[Change] = changes
    if len(verdicts) < len(changes):
        order = {change.id: n for n, change in enumerate(changes)}
        ordered = sorted(changes, key=lambda c: order[c.id])
    accepted = [c for c in ordered if verdicts[c.id].allowed]
    refused = [Refusal(c, verdicts[c.id]) for c in ordered if not verdicts[c.id].allowed]
    return accepted, _waiting_on_held(db, changes, refused, actor.device)


#: The reason `trust._check_scope` gives a row whose link names a row the hub does not have.
_NOT_AT_HUB = "指向的记录在中心不存在"


def _waiting_on_held(
    db: sqlite_utils.Database, changes: Sequence[Change], refused: list[Refusal], device: str
) -> list[Refusal]:
    """`refused`, with the reason of a row held only because the person or household it
    belongs to is itself held (in this bundle or an earlier one) saying so, in the words of a
    county clerk and of the village: whose it is, what that one waits on, what to do. The
    verdicts stay as they are: the hub cannot place the row until that one is decided.

    A first upload of a ledger kept across several villages by a device enrolled for one has
    every household of the other villages held (`pull_in`), and then each of their people and
    every record of those: 1,500 of 1,617 lines of a demo said only 月度状态的所属人员指向的记录
    在中心不存在，无法确定所属地区, as if each were a fault of its own.

    Of the held rows of earlier bundles, only `device`'s own: another device's held household
    is a row the hub does not have, to this device as to any (a reason naming its address and
    why it was held told a hostile village what another village's bundle held)."""
    if not any(r.verdict.rule == "no_place" and _NOT_AT_HUB in r.verdict.reason for r in refused):
        return refused
    # row id → (table, what its changes set, the first one's reason, and as said: its
    # sentence, or its text where it has none)
    rows: dict[str, tuple[str, dict[str, Any], str, Part]] = {}
    for each in refused:
        table, data, reason, told = rows.get(each.change.row_id, (each.change.tbl, {}, "", ""))
        if not reason:
            reason, told = each.verdict.reason, each.verdict.said or each.verdict.reason
        rows[each.change.row_id] = (table, {**data, **each.change.data}, reason, told)
    wanted = {
        str(r.change.data[column])
        for r in refused
        for column, _target in LINKS.get(r.change.tbl, ())
        if r.change.data.get(column) not in (None, "")
    } - rows.keys()
    for row_id, (table, data, reason, reason_said) in (
        HeldChanges(db).waiting_rows(wanted, device).items()
    ):
        rows.setdefault(row_id, (table, data, reason, sentence_or_none(reason_said) or reason))
    heads = {
        str(c.data.get("household_id")): printable(c.data.get("name"))
        for c in changes
        if c.tbl == "persons" and c.data.get("relation") == "户主" and c.data.get("name")
    }
    for table, data, _reason, _told in rows.values():
        if table == "persons" and data.get("relation") == "户主" and data.get("name"):
            heads.setdefault(str(data.get("household_id")), printable(data["name"]))

    def named(row_id: str) -> Part:
        table, data, _reason, _told = rows[row_id]
        if table == "persons":
            return said(PERSON_INFO, printable(data.get("name") or ""))
        if table == "households":
            whose = heads.get(row_id)
            if whose:
                return said(HOUSEHOLD_INFO, whose)
            return said(HOUSEHOLD_AT, printable(data.get("address") or ""))
        return Word(table_name(table))

    def waits_on(table: str, data: Mapping[str, Any]) -> str | None:
        for column, target in LINKS.get(table, ()):
            value = str(data.get(column) or "")
            if value and value in rows and rows[value][0] == target:
                return value
        return None

    out = []
    for each in refused:
        verdict = each.verdict
        parent = waits_on(each.change.tbl, each.change.data)
        if verdict.rule != "no_place" or _NOT_AT_HUB not in verdict.reason or parent is None:
            out.append(each)
            continue
        root, seen = parent, {parent}
        # Up to the row held for a reason of its own (a household outside the sender's area):
        # what is decided on it decides the rest.
        while (
            _NOT_AT_HUB in rows[root][2]
            and (up := waits_on(*rows[root][:2])) is not None
            and up not in seen
        ):
            root = up
            seen.add(up)
        cause = rows[root][3]
        which: Part | None = None if root == parent else named(root)
        if isinstance(cause, Sentence) and cause.template == WAITS_ON_HELD:
            # Held in an earlier bundle only because the one it belongs to is (its reason says
            # so): on to that one and its own cause, not "decide this one first" around it.
            which, cause = _held_cause(cause)
        # What to do first, the cause last: a reason clipped where it must be (the device's
        # report, `REPORT_TEXT_MAX`) keeps what to do; the cause is on that one's own line.
        if which is None:
            why = said(ITS_CAUSE, cause) if cause else said(IT_WAITS)
        else:
            why = said(WHOSE_CAUSE, which, cause) if cause else said(WHO_WAITS, which)
        waits = said(
            WAITS_ON_HELD,
            Word(table_name(each.change.tbl)),
            named(parent),
            named(root) if which is None else which,
            why,
        )
        out.append(Refusal(each.change, refuse(verdict.rule, waits)))
    return out


def _held_cause(waits: Sentence) -> tuple[Part, Part]:
    """Of a held row's reason saying it waits on another (`WAITS_ON_HELD`): the row it comes
    down to (named) and that one's own cause ('' where it only waits itself)."""
    _table, _parent, root, why = waits.parts
    if isinstance(why, Sentence) and why.template == ITS_CAUSE:
        return root, why.parts[0]
    if isinstance(why, Sentence) and why.template == WHOSE_CAUSE:
        return why.parts[0], why.parts[1]
    return root, ""


#: A row held only because the one it belongs to is held (`_waiting_on_held`): what it waits
#: on, what to do, and why that one waits (its own reason, or that it waits itself).
WAITS_ON_HELD = template(
    "%1跟着%2等县里审核，中心定不了它属于哪个地区。"
    "县里先处理%3：接受了它，这条也可以接受；不予采纳它，这条也一并不予采纳。%4"
)
ITS_CAUSE = template("它没有被接受的原因：%1")
IT_WAITS = template("它还在等县里审核")
WHOSE_CAUSE = template("%1没有被接受的原因：%2")
WHO_WAITS = template("%1还在等县里审核")
#: A held row as a clerk knows it: a person's by the name, a household's by its head's name
#: (or its address where no head is known).
PERSON_INFO = template("%1的人员信息")
HOUSEHOLD_INFO = template("%1家的户信息")
HOUSEHOLD_AT = template("户（%1）的户信息")


def _made_stamp(row: Mapping[str, Any] | None) -> str | None:
    """The stamp of the change that made a stored row (its `_ckey` is "stamp/change id")."""
    key = str((row or {}).get("_ckey") or "")
    return key.split("/", 1)[0] or None


def _dates_row(change: Change, before: Mapping[str, Any] | None) -> bool:
    """True when `change` sets its row's creation (created_at, by, device): the row is new, or
    the change is stamped before the one that made it (one of the same bundle: not known)."""
    return before is None or change.key < str(before.get("_ckey") or "~")


def _placed_later(
    change: Change, verdict: Verdict, bundle_rows: Collection[tuple[str, str]]
) -> bool:
    """A change refused only because a row it hangs on comes later in the same bundle."""
    if verdict.rule != "no_place":
        return False
    return any(
        (target, str(change.data[column])) in bundle_rows
        for column, target in LINKS.get(change.tbl, ())
        if change.data.get(column) not in (None, "")
    )


def _clears(
    finder: PlaceFinder,
    actor: Actor,
    own: frozenset[str],
    change: Change,
    fields: Mapping[str, frozenset[str]],
    authors: dict[str, Verdict],
    values: Mapping[str, Verdict] | None,
) -> bool:
    """True when `_judge` and `_signed` would allow `change` for sure: the sender's own
    change-log id, an author already judged allowed, no parents, a new row that
    `clears_new_row` clears (its links' places worked out as `context_for` works them out).
    False decides nothing."""
    if change.parents or change.device_id not in own or change.tbl not in CLEARABLE:
        return False
    author = authors.get(change.author)
    if author is None or not author.allowed:
        return False  # judged (once) by `_signed`, which says why when it refuses
    if finder.row(change.tbl, change.row_id) is not None:
        return False
    data = change.data
    verdict = values.get(change.id) if values else None
    if verdict is None:
        verdict = values_ahead((change,)).get(change.id, _UNJUDGED)
    places = finder.link_places(change.tbl, data)
    return clears_new_row(actor, change.tbl, data, fields.get(change.tbl), places, verdict)


#: No verdict on a change's values: `clears_new_row` clears nothing then.
_UNJUDGED = Verdict(False)


def _transfer_targets(
    finder: PlaceFinder, actor: Actor, changes: Sequence[Change]
) -> frozenset[str]:
    """Households a change of the bundle moves a person into, who lives in the sender's scope
    now: a new one of those may be created outside the scope (the person's new home)."""
    found = set()
    for change in changes:
        target = change.data.get("household_id") if change.tbl == "persons" else None
        if target and actor.covers(
            finder.place("persons", finder.stored("persons", change.row_id))
        ):
            found.add(str(target))
    return frozenset(found)


def _movers_judged(
    finder: PlaceFinder, actor: Actor, changes: Sequence[Change]
) -> dict[str, dict[str, frozenset[str]]]:
    """The people a change of the bundle moves into a household whom the hub does not store in
    the sender's scope — made by the bundle (a person added, then moved to a new home in the
    same sitting), or taken in by it (an offer accepted, then the person moved on) — by that
    household's id (under "households", as `_judge`'s table). Whether one is the sender's own
    is known only as the bundle is judged (`_mover_own`): `_transfer_targets` asks the hub's
    stored rows only."""
    found: dict[str, set[str]] = {}
    made: set[str] = set()
    for change in changes:
        if change.tbl != "persons":
            continue
        stored = finder.stored("persons", change.row_id)
        if stored is None and change.row_id not in made:
            made.add(change.row_id)  # its first change makes it: where it is added
            continue
        target = change.data.get("household_id")
        if target and (stored is None or not actor.covers(finder.place("persons", stored))):
            found.setdefault(str(target), set()).add(change.row_id)
    return {"households": {h: frozenset(p) for h, p in found.items()}} if found else {}


def _mover_own(finder: PlaceFinder, actor: Actor, people: Collection[str]) -> bool:
    """True when one of `people` (`_movers_judged`) lives in `actor`'s scope as the changes
    allowed so far leave them: made or taken in, and not yet moved out. The device makes
    the new home first, then moves them (`households.move_person`, `persons.move_out`): a new
    home judged then is the transfer of its own person, as its write door judged it."""
    for person in sorted(people):
        row = finder.row("persons", person)
        if (
            row is not None
            and not row.get("deleted")
            and actor.covers(finder.place("persons", row))
        ):
            return True
    return False


def printed_then(
    db: sqlite_utils.Database, finder: PlaceFinder, actor: Actor, changes: Iterable[Change]
) -> dict[str, str]:
    """Per print log of `changes` naming a person outside `actor`'s scope now, by change id:
    where the person lay when the log says it was printed (`answers.places_then`, read for
    the bundle at once; only when some log asks). A village prints a 务工证明 offline while
    the person is moved away, and syncs after: the paper was its own. A time the person
    was not its own (a printed_at before they came, or after they left) opens nothing.

    The move is stamped by another device's clock: a paper printed up to `PRINT_SKEW_MS`
    after it by the printer's own clock is the printer's still (two laptops' clocks minutes
    apart; one off by a day refuses to write, `services.clock`)."""
    asks: dict[str, tuple[str, int]] = {}
    if actor.role is Role.HUB or actor.county_level:
        return {}
    for change in changes:
        person = change.data.get("person_id") if change.tbl == "print_log" else None
        if not person:
            continue
        place = finder.link_places(change.tbl, {"person_id": person}, NAMED[change.tbl])
        if not place.get("person_id") or actor.covers(place["person_id"]):
            continue  # unknown (names nothing held), or its own now
        at = _wall_ms(change.data.get("printed_at"))
        if at is not None:
            asks[change.id] = (str(person), at)
    if not asks:
        return {}
    found = places_then(db, asks.values(), PRINT_SKEW_MS)
    then: dict[str, str] = {}
    for i, ask in asks.items():
        places = found.get(ask, ())
        own = [p for p in places if actor.covers(p)]
        if places:
            then[i] = (own or list(places))[0]  # the printer's if one was, else the place then
    return then


#: How long after another device's stamp of a person's move a print log's time may lie and
#: the paper still be the printer's (`printed_then`): two laptops' clocks minutes apart.
PRINT_SKEW_MS = 10 * 60 * 1000


def _wall_ms(text: object) -> int | None:
    """A time with its zone (printed_at) as a wall time in ms; None for anything else."""
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return int(moment.timestamp() * 1000)


def _judge(
    finder: PlaceFinder,
    actor: Actor,
    change: Change,
    known: Mapping[str, tuple[str, str]],
    fields: Mapping[str, frozenset[str]],
    transfers: frozenset[str] = frozenset(),
    bundle_rows: Collection[tuple[str, str]] = (),
    values: Mapping[str, Verdict] | None = None,
    printed: Mapping[str, str] | None = None,
    new_homes: Collection[str] = (),
) -> Verdict:
    if change.parents:
        parents = [p for ids in change.parents.values() for p in ids]
        # (a version the hub never logged is `_signed`'s: judged once the rules allow it)
        elsewhere = [p for p in parents if p in known and known[p] != (change.tbl, change.row_id)]
        if elsewhere:
            return parents_elsewhere(elsewhere[0])
        if finder.row(change.tbl, change.row_id) is None:
            return partial_row(change.tbl)
    context = context_for(
        finder, change.tbl, change.row_id, change.data, fields.get(change.tbl), transfers,
        bundle_rows, (printed or {}).get(change.id, ""), new_homes,
    )  # fmt: skip
    if change.tbl == "persons" and context.before.get("moving_to") and "moving_to" in change.data:
        # An answer to an offer answers the offer it saw: the latest version of `moving_to`
        # (an offer taken back and made again, the person changed between, is another offer).
        seen = set((change.parents or {}).get("moving_to") or ())
        standing = row_heads(finder.stored(change.tbl, change.row_id), "moving_to")
        context = context._replace(offer_seen=bool(standing) and set(standing) <= seen)
    elif (
        change.tbl == "persons"
        and context.exists
        and change.data.get("moving_to", "x") in (None, "")
        and (seen := set((change.parents or {}).get("moving_to") or ()))
    ):
        # No offer stands: clearing one, having seen a version of `moving_to` since replaced,
        # answers an offer taken back before the answer came (`trust.Context.offer_ended`).
        standing = row_heads(finder.stored(change.tbl, change.row_id), "moving_to")
        context = context._replace(offer_ended=bool(standing) and not set(standing) <= seen)
    ahead = values.get(change.id) if values and not context.exists else None
    return check(actor, Proposal(change.tbl, change.row_id, change.data), context, ahead)


def _by_disabled(actor: Actor, change: Change) -> Verdict:
    """A change authored as a user the hub holds disabled on the sending device
    (`user_disabled`), held as that before any other rule: no innocent reason to hide what it
    does behind — the county accepts it only once it has enabled the user again, and then
    over that alone (`rejected._untold` judges the sender's other rules)."""
    verdict = check_author(change.author, actor.device, actor.disabled_users)
    return verdict if verdict.rule == "user_disabled" else ALLOWED


#: The rules of how a change is signed (`_signed`), judged after the sender's rules.
SIGNED_RULES = frozenset({"hub_id", "foreign_id", "author", "parents"})


def _signed(
    actor: Actor,
    origins: Origins,
    change: Change,
    known: Mapping[str, tuple[str, str]],
    authors: dict[str, Verdict],
) -> Verdict:
    """How `change` is signed: one of the sender's own change-log ids (`hub_id`,
    `foreign_id`), by an author it may name (`author`), on versions the hub has (`parents`).

    Judged after the sender's rules (`screen`): a change held for its signature alone is one
    the county may accept as its own, and the county reads only the reason it is held for — a
    change another village's, or another level's, held for its author would be written by the
    county under its own name, the sender's rules never asked
    (`tests/sync/test_hostile_signature_first.py`)."""
    verdict = check_origin(change.device_id, origins)
    if verdict.allowed:
        known_author = authors.get(change.author)
        if known_author is None:  # a bundle has a handful of authors: each is judged once
            known_author = authors[change.author] = check_author(
                change.author, actor.device, actor.disabled_users
            )
        verdict = known_author
    if verdict.allowed and change.parents:
        parents = (p for ids in change.parents.values() for p in ids)
        verdict = check_parents(p for p in parents if p not in known)
    return verdict


PARENTS_ELSEWHERE = template("修改声称看过的版本（%1）属于另一条记录：依据的版本必须是同一条记录的")
PARTIAL_ROW = template("这条%1在中心不存在（新建它的修改未被接受），对它的修改也不能接受")


def parents_elsewhere(parent: str) -> Verdict:
    """`parents`: a change saying it saw a version (`parent`) of another row."""
    return refuse("parents", said(PARENTS_ELSEWHERE, parent))


def partial_row(table: str) -> Verdict:
    """`partial_row`: a change of a row of `table` the hub does not hold (its creation held)."""
    return refuse("partial_row", said(PARTIAL_ROW, Word(table_name(table))))


# -- a device: every local write ------------------------------------------------------------


class TrustCheck:
    """The rules as a device's write gateway asks them: call before each write.

    Built from the device's enrolment (role and area); an unenrolled ledger has no role yet and
    writes freely (the hub judges everything on the first exchange).
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        actor: Actor | None,
        transfers: frozenset[str] = frozenset(),
        fields: dict[str, frozenset[str] | None] | None = None,
        finder: PlaceFinder | None = None,
    ) -> None:
        self.db = db
        self.actor = actor
        self.transfers = transfers
        #: Where rows lie, read through `finder` when the caller keeps one for several writes
        #: judged against the same ledger (`GatewayCheck.together`), else afresh per write.
        self._finder = finder
        #: Each table's data fields, read from the schema once (`fields`: shared by the checks
        #: of one write gateway, whose schema does not change while it writes).
        self._fields: dict[str, frozenset[str] | None] = {} if fields is None else fields

    def fields(self, table: str) -> frozenset[str] | None:
        """The data fields of a table (cached; None when the ledger has no such table)."""
        if table not in self._fields:
            from fieldapp.store.replica import data_columns

            known = data_columns(self.db)
            self._fields.update({t: frozenset(f) for t, f in known.items()})
            self._fields.setdefault(table, None)
        return self._fields[table]

    def verdict(self, table: str, row_id: str, data: Mapping[str, Any]) -> Verdict:
        """The rules' verdict on writing `data` into `row_id` of `table` now."""
        if self.actor is None:
            return Verdict(True)
        finder = self._finder or PlaceFinder(self.db, LINKS)
        context = context_for(
            finder, table, row_id, data, self.fields(table), self.transfers,
            new_homes=self.transfers,
        )  # fmt: skip
        return check(self.actor, Proposal(table, row_id, data), context)

    def __call__(self, table: str, row_id: str, data: Mapping[str, Any]) -> None:
        """Raise `TrustRefused` when the rules refuse the write."""
        verdict = self.verdict(table, row_id, data)
        if not verdict.allowed:
            raise TrustRefused(verdict)


def device_actor(role: Role | None, area: str | None, name: str) -> Actor | None:
    """The actor of an enrolled device (None when the ledger is not enrolled)."""
    if role is None:
        return None
    return Actor(role, area or None, name)


def gateway_check(ledger: Ledger, transfers: Collection[str] = ()) -> GatewayCheck:
    """The trust rules as the write gateway's check (`fieldapp.services.writer`) on `ledger`.

    Judged as the hub will judge what the device sends: only the fields whose value changes,
    with the role and area of the device's enrolment; a ledger never enrolled writes freely.
    `transfers`: new households a move-out use case creates as its people's new home.
    """
    moving = frozenset(transfers)
    # Read once for all this gateway's writes: an import judges tens of thousands of rows, and
    # reading every table's columns for each took 30 times as long as the import itself.
    fields: dict[str, frozenset[str] | None] = {}
    actors: dict[tuple[Role, str | None], Actor] = {}  # its area named once, not per write
    judges: list[PolicyJudge] = []  # the policy read once, on the first claim it judges
    # How often a claim is paid, as its rule says (the policy read on the first claim asked).
    kinds = rule_kinds(ledger)
    # The ledger's tables, read on the first write judged (not once a write: an import of one
    # village's 2,000 persons had read them 17,000 times, a tenth of the import).
    tables: list[frozenset[str]] = []
    # While `GatewayCheck.together` is open: one finder for every write it judges (they are
    # judged against the same ledger, nothing written between them).
    shared: list[PlaceFinder] = []

    def finder() -> PlaceFinder:
        if shared:
            return shared[0]
        if not tables:
            tables.append(frozenset(ledger.db.table_names()))
        return PlaceFinder(ledger.db, LINKS, tables[0])

    @contextmanager
    def together(actor: WriterActor, rows: Iterable[Asked]) -> Iterator[None]:
        if shared:  # already together: the outer one's finder serves
            yield
            return
        shared.append(finder())
        if actor.role is not None:  # only an enrolled device's rules ask where rows lie
            shared[0].preload(
                key
                for table, row_id, data in rows
                for key in ((table, row_id), *shared[0].link_keys(table, data))
            )
        try:
            yield
        finally:
            shared.clear()

    def check_write(actor: WriterActor, change: ProposedChange) -> None:
        if not judges_table(actor, change.table):
            # An import passes every row of every sheet here: on a ledger never enrolled,
            # building each row's data for rules that judge none of them cost more than a
            # tenth of the import's writing.
            return
        data = {k: to_storable(v) for k, v in change.fields.items()}
        if change.before is not None:
            data = {k: v for k, v in data.items() if change.before.get(k) != v}
            if not data:
                return
        if asks_due(change.table, data, change.before is not None):
            # Enrolled or not, any role: a claim for a month not yet come is never written.
            before = {k: to_storable(v) for k, v in (change.before or {}).items()}
            due = not_yet_due({**before, **data}, today())
            if not due.allowed:
                raise TrustRefused(due)
        if change.table == "claims":
            # Enrolled or not, any role: a claim is made (passed on) for a person the ledger
            # holds, not for one deleted, as the hub judges it (`claim_person`).
            before = {k: to_storable(v) for k, v in (change.before or {}).items()}
            gone = person_gone(change.before and before, {**before, **data}, ledger.get)
            if not gone.allowed:
                raise TrustRefused(gone)
        if change.table == "claims" and change.before is not None:
            # Enrolled or not, any role: approved, a claim keeps its person's account as it is
            # (the roster pays to it), as the hub judges it (`claim_account`).
            before = {k: to_storable(v) for k, v in change.before.items()}
            whose = str({**before, **data}.get("person_id") or "")
            kept = account_not_kept(before, data, ledger.get("persons", whose))
            if not kept.allowed:
                raise TrustRefused(kept)
        if actor.role is None:
            return
        assert actor.role is not None
        key = (actor.role, actor.scope or None)
        who = actors.get(key) or actors.setdefault(key, own_actor(ledger, actor))
        TrustCheck(ledger.db, who, moving, fields, finder())(change.table, change.row_id, data)
        if who.county_level and asks_policy(who, change.table, data):
            # The county's own devices (the hub's ledger, the county office's desktop) are
            # judged by the policy as the hub judges a village's claims, but for repeats.
            before = {k: to_storable(v) for k, v in (change.before or {}).items()}
            row = {**before, **data}
            if not row.get("deleted"):
                if not judges:
                    judges.append(policy_judge(ledger, repeats=False))
                verdict = judges[0](change.row_id, row, ledger.get, ())
                if not verdict.allowed:
                    raise TrustRefused(verdict)
        if person_deleted(who, change.table, change.before, data):
            # A person whose claim waits for payment stays until the claim is rejected.
            rows = [ledger.get("claims", i) for i in claims_of(ledger)(change.row_id)]
            found = claimed_person(r for r in rows if r)
            if not found.allowed:
                raise TrustRefused(found)
        if id_changed(who, change.table, change.before, data):
            # Claimed for, a person's number is the county's to correct (the repeat checks
            # find their claims by it).
            rows = [ledger.get("claims", i) for i in claims_of(ledger)(change.row_id)]
            found = claimed_id(r for r in rows if r)
            if not found.allowed:
                raise TrustRefused(found)
        if change.before is not None and moves(who, change.table, change.before, data):
            # Away from where a claim waits (another village, in the township or out of it):
            # the claim would stay behind, on the old village's 公示表 and batches, and pay.
            ids = claims_of(ledger)
            found = moved_out(
                who, change.table, change.row_id, change.before, data, ledger.get,
                household_members(ledger),
                lambda p: [r for i in ids(p) if (r := ledger.get("claims", i)) is not None],
            )  # fmt: skip
            if not found.allowed:
                raise TrustRefused(found)
        if change.table == "batches" and change.before is not None:
            # A batch the county pays an approved claim from stays as the county has it.
            found = batch_paid_from(
                who, change.row_id, change.before, data, claims_batched(ledger)(change.row_id)
            )
            if not found.allowed:
                raise TrustRefused(found)
        if (
            change.table == "claims"
            and who.role is Role.COORDINATOR
            and data.get("batch_id")
            and data["batch_id"] != (change.before or {}).get("batch_id")
        ):
            # Not into the township's (county's) roster a claim it never passed (a village's
            # link only: the batch's claims are read for nothing else).
            joined = str(data["batch_id"])
            found = batch_joined(
                who, change.row_id, change.before, data, ledger.get("batches", joined),
                claims_batched(ledger)(joined),
            )  # fmt: skip
            if not found.allowed:
                raise TrustRefused(found)
        if change.before is not None and asks_founding(who, change.table, change.before, data):
            # The job (training) a submitted claim pays for stays as the claim says.
            rows = [ledger.get("claims", i) for i in claims_paying(ledger)(change.row_id)]
            found = claimed_event(
                change.table, change.row_id, change.before, data, [r for r in rows if r], kinds
            )
            if not found.allowed:
                raise TrustRefused(found)

    return GatewayCheck(check_write, together)


def judges_table(actor: WriterActor, table: str) -> bool:
    """Whether `gateway_check` judges any write of `table` by `actor`: every table on an
    enrolled device; on a ledger never enrolled only claims (a claim for a month not yet come,
    an approved claim's account, a claim made or passed on for a deleted person), by anyone."""
    return actor.role is not None or table == "claims"


#: A write `GatewayCheck.together` will judge: (table, row id, fields).
Asked = tuple[str, str, Mapping[str, Any]]


class GatewayCheck:
    """`gateway_check`'s check, which also says which tables it judges (`judges_table`): the bulk
    path passes it none of the rows it would let through unread (`CheckedBulkInserter`)."""

    __slots__ = ("_check", "_together")

    def __init__(
        self,
        check: ChangeCheck,
        together: Callable[[WriterActor, Iterable[Asked]], AbstractContextManager[None]],
    ) -> None:
        self._check = check
        self._together = together

    def __call__(self, actor: WriterActor, change: ProposedChange) -> None:
        self._check(actor, change)

    def together(
        self, actor: WriterActor, rows: Iterable[Asked] = ()
    ) -> AbstractContextManager[None]:
        """While open, the writes this check judges are judged against the same ledger:
        nothing may be written between them (the bulk path judges a batch's rows, then writes
        them). Where rows lie is then read once for them all, not once a write: a household
        once for each of its people. `rows` (table, row id, fields): the writes to come, their
        rows and the rows they link to read a table at a time (`PlaceFinder.preload`)."""
        return self._together(actor, rows)

    @staticmethod
    def judges(actor: WriterActor, table: str) -> bool:
        """See `judges_table`."""
        return judges_table(actor, table)


# -- the desktop app: what to offer before a form is filled ---------------------------------


def rules_actor(ledger: Ledger, actor: WriterActor) -> Actor | None:
    """The trust rules' actor for the writer's `actor` on `ledger` (None: not enrolled, every
    write allowed)."""
    if actor.role is None:
        return None
    return own_actor(ledger, actor)


def own_actor(ledger: Ledger, actor: WriterActor) -> Actor:
    """This device as the trust rules judge it (an enrolled `actor`), its area named as the
    ledger names it: its refusals say 鸭池镇审核（乡镇 · 鸭池镇）, not the area's code."""
    assert actor.role is not None
    return named_actor(ledger, actor.role, actor.scope, ledger.device_name or "本机")


def named_actor(ledger: Ledger, role: Role, scope: str | None, device: str) -> Actor:
    """The actor `device` (of `role`, for `scope`) with the places named from `ledger`'s area
    tree: a device's own door and the hub (judging a device's bundle) alike say 鸭池镇 and
    大坝村, the code only where the ledger does not know the area (places are looked up only
    when a refusal names them)."""
    scope = scope or None
    found = records.area(ledger, scope) if scope else None
    name = found.name if found is not None else ""
    return Actor(role, scope, device, name, listed_places(ledger))


def may_change_row(ledger: Ledger, actor: WriterActor, table: str, row_id: str) -> Verdict:
    """Whether `actor` may change the row `row_id` of `table` at all (its table and where it
    lies, `trust.may_change`): the UI asks before it offers an edit. A ledger never enrolled
    may change everything; a row the ledger does not hold is not judged here."""
    who = rules_actor(ledger, actor)
    if who is None:
        return ALLOWED
    finder = PlaceFinder(ledger.db, LINKS)
    row = finder.row(table, row_id)
    if row is None:
        return ALLOWED
    return may_change(who, table, finder.place(table, row))


def may_take_step(
    ledger: Ledger, actor: WriterActor, source: ClaimState, target: ClaimState
) -> Verdict:
    """Whether `actor`'s role may move a claim from `source` to `target` (`trust.may_step`):
    the UI says why a next step it does not offer is another level's. A ledger never enrolled
    may take every step."""
    who = rules_actor(ledger, actor)
    return ALLOWED if who is None else may_step(who, source, target)


def may_add_in(ledger: Ledger, actor: WriterActor, table: str, area: str) -> Verdict:
    """Whether `actor` may create a row of `table` placed in `area` (an area code, "" for
    none: a batch of the whole ledger): `trust.may_add_at`."""
    who = rules_actor(ledger, actor)
    return ALLOWED if who is None else may_add_at(who, table, area)


def may_add_to(
    ledger: Ledger, actor: WriterActor, table: str, owner_table: str, owner_id: str | None
) -> Verdict:
    """Whether `actor` may create a row of `table` hung on the row `owner_id` of
    `owner_table` (a visit for a person, a claim, a member of a household):
    `trust.may_add_at` at the owner's place. No owner (None: none chosen yet) asks about
    the role alone, as if the owner lay in the device's own area."""
    who = rules_actor(ledger, actor)
    if who is None:
        return ALLOWED
    if owner_id is None:
        return may_add_at(who, table, who.scope or "")
    finder = PlaceFinder(ledger.db, LINKS)
    row = finder.row(owner_table, owner_id)
    place = finder.place(owner_table, row) if row is not None else None
    return may_add_at(who, table, place)
