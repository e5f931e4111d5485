"""The one-time guard: a pure check that no subsidy is paid beyond its rule's limit.

Every claim carries a `limit_key` (limit group | person | period, see
`fieldapp.policy.eligibility.limit_key`). Two live claims (not rejected, not reversed, not
deleted) with the same key break the limit. The check needs nothing but the claims, so the hub
re-runs it on merged data from every device:

    from fieldapp.policy.guard import find_limit_violations
    for v in find_limit_violations(all_claims):   # any objects with the Claim attributes below
        print(v.message)                           # names the repeat and the first claim

The first claim is an approved (县审批) or paid one when there is one — a newcomer never pushes
the claim the county has approved or paid into the place of the repeat, whatever stamp it
carries — and otherwise the one created first: by its creating change's key (`_ckey`: the
stamp, then the change id), as the store lists claims, the same order on every replica, so all
devices agree on which claim is the repeat. A claim the ledger holds no creating change of (a
bare record) is placed by its `created_at` read as a time, and one with neither as the caller
says (a claim not yet stored: after every other).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import china_iso, china_minute, written
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.idnumber import mask
from fieldapp.domain.numbers import row_number
from fieldapp.domain.sentences import QUOTED, Day, Part, Sentence, Word, template
from fieldapp.domain.sentences import said as sentence

if TYPE_CHECKING:
    from fieldapp.policy.pack import Policy

DEAD_STATES = frozenset({ClaimState.REJECTED.value, ClaimState.REVERSED.value})
#: States of a claim the county has approved or paid: it counts first, before any other.
SETTLED_STATES = frozenset({ClaimState.COUNTY_APPROVED.value, ClaimState.PAID.value})


class ClaimLike(Protocol):
    """What the guard reads of a claim (fieldapp.domain.claims.Claim fits)."""

    # Read-only (properties), so a claim whose state is a ClaimState (a str) fits.
    @property
    def id(self) -> str: ...
    @property
    def limit_key(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def created_at(self) -> str | None: ...
    @property
    def creating_key(self) -> str:
        """Its creating change's key (`_ckey`), '' when the ledger holds none."""
        ...

    @property
    def deleted(self) -> bool: ...
    @property
    def rule_id(self) -> str: ...
    @property
    def person_id(self) -> str: ...
    @property
    def person_name(self) -> str: ...
    @property
    def id_number(self) -> str: ...
    @property
    def rule_title(self) -> str: ...
    @property
    def created_by(self) -> str | None: ...
    @property
    def number(self) -> str:
        """The 申请编号 its 申请表 prints ('' for a claim the ledger holds no creating change of)."""
        ...


class LimitExceeded(FieldappError):
    """A claim beyond its rule's limit; `first` is the earlier claim."""

    def __init__(self, message: str | Sentence, first: ClaimLike) -> None:
        super().__init__(message)
        self.first = first


@dataclass(frozen=True)
class LimitViolation:
    """A repeat claim and the first claim it repeats."""

    limit_key: str
    first: ClaimLike
    repeat: ClaimLike
    #: The subsidy's title in the policy pack in force ('' when not known).
    pack_title: str = ""

    @property
    def message(self) -> str:
        """Chinese description naming the person, the subsidy and both claims: their 申请编号
        (what their 申请表 print and `claim show`/`claim advance` take), states, and who entered
        them when."""
        claim, first = self.repeat, self.first
        same = first.rule_id == claim.rule_id  # the pack's title is of the repeat's rule
        # A claim with no title and no 申请编号 is said by the other's title, of the same rule.
        titles = (self.pack_title or first.rule_title, self.pack_title or claim.rule_title)
        own, firsts = titles if same else (self.pack_title, "")
        person = claim.person_name or self.first.person_name or "同一人"
        number = claim.id_number or self.first.id_number
        if number:
            person += f"（身份证号 {mask(number)}）"
        return (
            f"{person}的{subsidy(self.repeat, self.first, self.pack_title)}重复申领，超出限额："
            f"申领 {said(claim, own)}（{_entered(claim)}）"
            f"重复了已有的申领 {said(first, firsts)}（{_entered(first)}）"
        )


#: A subsidy no claim and no pack in force names: said so, never by its rule's id.
UNNAMED = "同一项补贴"


def pack_title(policy: Policy | None, rule_id: str) -> str:
    """The title of rule `rule_id` in `policy` (the pack in force), '' when it holds none."""
    if policy is None or not rule_id or not policy.holds(rule_id):
        return ""
    return policy.rule(rule_id).title


def subsidy(claim: ClaimLike, first: ClaimLike | None = None, title: str = "") -> str:
    """A claim's subsidy as a sentence names it: “its title” (the claim's, else `title`, the
    pack in force's for its rule, else the first claim's of the same rule), or 同一项补贴 —
    never the rule's id, which is for machines (a claim made by a tampered program, or an old
    one, may carry no title; a limit shared by two rules leaves the other's title unsaid)."""
    same = first is not None and first.rule_id == claim.rule_id
    named = claim.rule_title or title or (first.rule_title if first is not None and same else "")
    return f"“{named}”" if named.strip() else UNNAMED


def said(claim: ClaimLike, title: str = "") -> str:
    """How a person names a claim: its 申请编号; one with none (a bare record, a claim a
    tampered program sent with no creating change) by whose it is, which subsidy (`subsidy`,
    `title` the pack in force's) and the day it was entered — never its id, a UUID for
    machines: 赵六的“一次性交通补助”（未编号，2026年12月1日录入）."""
    if claim.number:
        return claim.number
    day = _day(claim.created_at)
    when = f"，{written(day)}录入" if day is not None else ""
    return f"{claim.person_name or '同一人'}的{subsidy(claim, title=title)}（未编号{when}）"


def _day(stamp: str | None) -> dt.date | None:
    """The China day of a stored time (None for none, or text that is no time)."""
    try:
        return dt.date.fromisoformat(china_iso(stamp)[:10]) if stamp else None
    except ValueError:
        return None


def _entered(claim: ClaimLike) -> str:
    """A claim's state and who entered it when, as the county reads it."""
    return str(_entered_said(claim))


def _entered_said(claim: ClaimLike) -> Part:
    state = Word(str(claim.state))
    if not claim.created_by:
        return state
    if claim.created_at:
        return sentence(ENTERED_AT, state, claim.created_by, china_minute(claim.created_at))
    return sentence(ENTERED, state, claim.created_by)


def is_live(claim: ClaimLike) -> bool:
    """A claim that counts against the limit."""
    return not claim.deleted and str(claim.state) not in DEAD_STATES and bool(claim.limit_key)


def _order(claim: ClaimLike, unstamped: str = "") -> tuple[int, str, str]:
    """The guard's order: approved and paid claims first (a repeat stamped before one, by a
    clock set back or a tampered program, is still the repeat), then by creation (`_made`)."""
    settled = 0 if str(claim.state) in SETTLED_STATES else 1
    return (settled, _made(claim) or unstamped, claim.id)


def _made(claim: ClaimLike) -> str:
    """When a claim was made, as text that sorts in time: its creating change's key
    ('1764891000000-0000/device:7', the stamp's milliseconds first); else its created_at read
    as a time (no zone: this computer's, as `china_iso` reads it), in the key's form; else ''.
    Not created_at as text: two claims made in one second tie on it, and a time kept with no
    zone (01:15 on a UTC server) sorts before one kept with +08:00 (07:30) it came after."""
    if claim.creating_key:
        return claim.creating_key
    try:
        moment = dt.datetime.fromisoformat(china_iso(claim.created_at))
    except ValueError:
        return ""
    return f"{round(moment.timestamp() * 1000):013d}-0000/"


def find_limit_violations(
    claims: Iterable[ClaimLike], policy: Policy | None = None
) -> list[LimitViolation]:
    """Every live claim beyond its limit, each paired with the first claim under the same key
    (a claim with no title named by `policy`, the pack in force, when given)."""
    by_key: dict[str, list[ClaimLike]] = {}
    for claim in claims:
        if is_live(claim):
            by_key.setdefault(claim.limit_key, []).append(claim)
    found: list[LimitViolation] = []
    for key, group in sorted(by_key.items()):
        if len(group) < 2:
            continue
        group.sort(key=_order)
        found.extend(
            LimitViolation(key, group[0], repeat, pack_title(policy, repeat.rule_id))
            for repeat in group[1:]
        )
    return found


def earlier_claim(limit_key: str, existing: Iterable[ClaimLike]) -> ClaimLike | None:
    """The first live claim already holding `limit_key`, or None when a new claim is allowed."""
    live = [c for c in existing if is_live(c) and c.limit_key == limit_key]
    return min(live, key=_order) if live else None


@dataclass(frozen=True)
class ClaimRow:
    """A claim as a stored or incoming row gives it (its fields by name), for the guard."""

    id: str
    limit_key: str
    state: str
    created_at: str | None
    deleted: bool
    rule_id: str
    person_id: str
    person_name: str
    id_number: str
    rule_title: str
    created_by: str | None
    number: str = ""  # 申请编号, from the creating change's key when the row carries it
    creating_key: str = ""  # the creating change's key (`_ckey`), the guard's order

    @classmethod
    def of(cls, row_id: str, row: Mapping[str, Any]) -> ClaimRow:
        """The claim `row_id` whose fields are `row`."""

        def text(name: str) -> str:
            return str(row.get(name) or "")

        return cls(
            id=row_id,
            limit_key=text("limit_key"),
            state=text("state"),
            created_at=row.get("created_at") or None,
            deleted=bool(row.get("deleted")),
            rule_id=text("rule_id"),
            person_id=text("person_id"),
            person_name=text("person_name"),
            id_number=text("id_number"),
            rule_title=text("rule_title"),
            created_by=row.get("created_by") or None,
            number=row_number(row.get("_ckey")),
            creating_key=str(row.get("_ckey") or ""),
        )


def repeated(claim: ClaimLike, first: ClaimLike, policy: Policy | None = None) -> str:
    """What a review step says of a repeat: '赵六的“乡村公益性岗位补贴”（2026年12月）重复申领：
    已有一条（已提交，张三@红星村 于 … 录入）' — the paid month from its limit key; a claim
    with no title is named by `policy` (the pack in force), else 同一项补贴 (`subsidy`)."""
    return str(repeated_said(claim, first, policy))


REPEATED = template("%1的%2%3重复申领：已有一条（%4）")
REPEATED_UNNAMED = template("%1%2重复申领：已有一条（%3）")
#: … a person's repeat of a subsidy neither claim names (赵六的同一项补贴: the English says
#: 赵六 claims the same subsidy again, not 赵六's the same subsidy).
REPEATED_SAME = template("%1的同一项补贴%2重复申领：已有一条（%3）")
#: The month (year) a repeat is paid for, after its subsidy.
PAID_FOR = template("（%1）")
SUBSIDY_NAMED = QUOTED  # (a subsidy by its name)
ENTERED = template("%1，%2 录入")
ENTERED_AT = template("%1，%2 于 %3 录入")
#: The first claim of a repeat as the hub tells a device whose area it lies outside (a claim
#: of the same ID number elsewhere): only that it is there, by area only as far as that device
#: may know — a village's device (别的村), a township's (别的乡镇), a device of a part of a
#: village (本机区域以外) — never its state, who entered it, when, or its number: the repeat
#: check is no look-up of where a person is claimed for and who works on them. The county
#: (`hub violations`) sees both claims whole.
ELSEWHERE_VILLAGE = template("同一身份证号码在别的村已申领")
ELSEWHERE_TOWNSHIP = template("同一身份证号码在别的乡镇已申领")
ELSEWHERE_OUTSIDE = template("同一身份证号码在本机区域以外已申领")


def repeated_said(
    claim: ClaimLike,
    first: ClaimLike,
    policy: Policy | None = None,
    elsewhere: Sentence | None = None,
) -> Sentence:
    """`repeated` as a template and its parts (`fieldapp.domain.sentences`): a window says it
    in its language. `elsewhere`: said instead of the first claim's state and who entered it
    when (`ELSEWHERE_VILLAGE` …), to a device the first claim lies outside the area of; its
    title is then not said for `claim`'s either."""
    kind, _, period = claim.limit_key.rpartition("|")[2].partition(":")
    when: Part = ""
    if kind == "month" and len(period) == 7:
        try:
            when = sentence(PAID_FOR, Day(dt.date(int(period[:4]), int(period[5:]), 1), "month"))
        except ValueError:
            month = int(period[5:]) if period[5:].isdigit() else period[5:]
            when = sentence(PAID_FOR, f"{period[:4]}年{month}月")
    elif kind == "year":
        try:
            year = dt.date(int(period), 1, 1) if period == str(int(period)) else None
        except ValueError:
            year = None
        when = sentence(PAID_FOR, Day(year, "year") if year is not None else f"{period}年度")
    title = claim.rule_title or pack_title(policy, claim.rule_id)
    same = first.rule_id == claim.rule_id
    named = title or (first.rule_title if same and elsewhere is None else "")
    what = sentence(SUBSIDY_NAMED, named) if named.strip() else Word(UNNAMED)
    entered = _entered_said(first) if elsewhere is None else elsewhere
    if claim.person_name and not named.strip():
        return sentence(REPEATED_SAME, claim.person_name, when, entered)
    if claim.person_name:
        return sentence(REPEATED, claim.person_name, what, when, entered)
    return sentence(REPEATED_UNNAMED, what, when, entered)


def repeat_of(claim: ClaimLike, existing: Iterable[ClaimLike]) -> ClaimLike | None:
    """The first live claim `claim` repeats (the same limit key, ordered before it: the guard's
    order, a claim not yet stored last), or None when `claim` is the first or is not live."""
    if not is_live(claim):
        return None
    own = _order(claim, "\uffff")
    earlier = [
        c
        for c in existing
        if c.id != claim.id and is_live(c) and c.limit_key == claim.limit_key and _order(c) < own
    ]
    return min(earlier, key=_order) if earlier else None


def namesake_key(limit_key: str, person_id: str) -> str:
    """`limit_key` (limit group | person | period) counted for `person_id` instead: the key
    the same claim of another person row holding the same ID number has. '' for a key that
    counts per job or training (`event:`, whose event is that row's own) or reads as no key."""
    group, bar, rest = limit_key.partition("|")
    _person, bar2, period = rest.partition("|")
    if not (bar and bar2 and group and period) or period.startswith("event:"):
        return ""
    return f"{group}|{person_id}|{period}"


def namesake_repeat_of(claim: ClaimLike, namesakes: Iterable[ClaimLike]) -> ClaimLike | None:
    """The first live claim `claim` repeats among `namesakes` — claims of other person rows
    holding its person's ID number (`ClaimQueries.of_namesakes`), each counted under
    `claim`'s own key — or None. One person entered twice is paid once."""
    counted = [
        ClaimRow(
            id=other.id,
            limit_key=claim.limit_key,
            state=str(other.state),
            created_at=other.created_at,
            deleted=other.deleted,
            rule_id=other.rule_id,
            person_id=other.person_id,
            person_name=other.person_name,
            id_number=other.id_number,
            rule_title=other.rule_title,
            created_by=other.created_by,
            number=other.number,
            creating_key=other.creating_key,
        )
        for other in namesakes
        if other.person_id != claim.person_id
        and namesake_key(other.limit_key, claim.person_id) == claim.limit_key
    ]
    return repeat_of(claim, counted)


#: A new claim refused by the limit: its subsidy, the first claim and who entered it when.
ALREADY_CLAIMED = template("“%1”已申领过，不能重复申领：首次申领%2（%3）")
NUMBERED = template("编号 %1")
#: A claim with no 申请编号 (`said`): whose, which subsidy, and the day it was entered.
UNNUMBERED = template("%1的%2（未编号）")
UNNUMBERED_ON = template("%1的%2（未编号，%3录入）")
SOMEONE = template("同一人")
#: … of a subsidy it does not name (a bare record): whose claim of the same subsidy it is
#: (赵六的同一项补贴, 同一人的同一项补贴 — the English says so whole, not 's the same subsidy).
UNNUMBERED_SAME = template("%1的同一项补贴（未编号）")
UNNUMBERED_SAME_ON = template("%1的同一项补贴（未编号，%2录入）")


def _numbered_said(claim: ClaimLike) -> Part:
    """A claim after 首次申领: 编号 and its 申请编号, or one with none as `said` says it, as
    a template and its parts."""
    if claim.number:
        return sentence(NUMBERED, claim.number)
    who = claim.person_name or sentence(SOMEONE)
    day = _day(claim.created_at)
    if not claim.rule_title.strip():
        if day is not None:
            return sentence(UNNUMBERED_SAME_ON, who, Day(day))
        return sentence(UNNUMBERED_SAME, who)
    what = sentence(SUBSIDY_NAMED, claim.rule_title)
    if day is not None:
        return sentence(UNNUMBERED_ON, who, what, Day(day))
    return sentence(UNNUMBERED, who, what)


def check_new_claim(limit_key: str, rule_title: str, existing: Iterable[ClaimLike]) -> None:
    """Raise LimitExceeded naming the earlier claim when a new claim would break the limit."""
    first = earlier_claim(limit_key, existing)
    if first is not None:
        raise LimitExceeded(
            sentence(ALREADY_CLAIMED, rule_title, _numbered_said(first), _entered_said(first)),
            first,
        )
