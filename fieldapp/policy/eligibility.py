"""Who qualifies for which subsidy, and why: every rule of the policy against one person's facts.

A rule is evaluated as of its qualifying event's date (the start of an employment spell, or a
training), not today's: categories must be held on that date and the date must lie in the rule's
validity period. Time-driven conditions (months of stable employment) are measured up to the
as-of date; when only they are missing the result is "not yet" with the date it will be met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from fieldapp.domain.dates import add_months, whole_months_between
from fieldapp.domain.enums import ServiceType
from fieldapp.domain.regions import place_scope
from fieldapp.policy.facts import PersonFacts, ServiceFacts, SpellFacts
from fieldapp.policy.pack import EventKind, LimitKind, Policy, Rule


class Status(StrEnum):
    """A rule's result for one person."""

    ELIGIBLE = "eligible"
    NOT_YET = "not_yet"
    NOT_ELIGIBLE = "not_eligible"
    CLAIMED = "claimed"


STATUS_LABELS = {
    Status.ELIGIBLE: "符合条件",
    Status.NOT_YET: "暂未满足",
    Status.NOT_ELIGIBLE: "不符合",
    Status.CLAIMED: "已申领",
}

_RANK = {Status.ELIGIBLE: 0, Status.NOT_YET: 1, Status.CLAIMED: 2, Status.NOT_ELIGIBLE: 3}


@dataclass(frozen=True, slots=True)
class Reason:
    """One condition, met or not, explained in Chinese with its clause."""

    met: bool
    text: str
    clause: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {"met": self.met, "text": self.text, "clause": self.clause}

    def __str__(self) -> str:
        mark = "✓" if self.met else "✗"
        return f"{mark} {self.text}（{self.clause}）" if self.clause else f"{mark} {self.text}"


@dataclass(slots=True)
class RuleResult:
    """A rule's result for one person: status, amount, funding and the reasons."""

    person_id: str
    id_number: str
    name: str
    rule_id: str
    rule_title: str
    clause: str
    status: Status
    amount: float = 0.0
    funding_source: str = ""
    payee: str = ""
    payee_name: str = ""
    event_date: dt.date | None = None
    event_id: str | None = None
    eligible_from: dt.date | None = None
    limit_key: str = ""
    claim_id: str | None = None
    reasons: list[Reason] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One Chinese line: the first unmet reason, or the status."""
        if self.status is Status.CLAIMED:
            return next((r.text for r in self.reasons if r.text.startswith("已")), "已申领")
        unmet = [r for r in self.reasons if not r.met]
        if unmet:
            return unmet[0].text
        return STATUS_LABELS[self.status]

    def as_dict(self) -> dict[str, Any]:
        """JSON shape used by the CLI."""
        return {
            "id_number": self.id_number,
            "name": self.name,
            "rule_id": self.rule_id,
            "rule_title": self.rule_title,
            "clause": self.clause,
            "status": str(self.status),
            "amount": self.amount,
            "funding_source": self.funding_source,
            "payee": self.payee,
            "payee_name": self.payee_name,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "event_id": self.event_id,
            "eligible_from": self.eligible_from.isoformat() if self.eligible_from else None,
            "claim_id": self.claim_id,
            "summary": self.summary,
            "reasons": [r.as_dict() for r in self.reasons],
        }


@dataclass(slots=True)
class _Ctx:
    """What one check looks at: the person, the event and the as-of date."""

    facts: PersonFacts
    rule: Rule
    on: dt.date
    event_date: dt.date
    spell: SpellFacts | None
    service: ServiceFacts | None
    categories: set[str]


@dataclass(frozen=True, slots=True)
class _Outcome:
    """A check's verdict; `ready_on` is set when it is only a matter of time."""

    met: bool
    text: str | Callable[[], str]
    ready_on: dt.date | None = None
    hard: bool = True

    def words(self) -> str:
        """The explanation (built only when asked: the bulk path never needs it)."""
        return self.text() if callable(self.text) else self.text


Check = Callable[[_Ctx], _Outcome]


def _join(values: Iterable[Any]) -> str:
    return "、".join(str(v) for v in values)


def _checks(rule: Rule) -> list[Check]:
    """The rule's conditions as check functions, cheapest first."""
    c = rule.conditions
    checks: list[Check] = []
    if c.categories_any:
        wanted = {str(x) for x in c.categories_any}

        def categories_any(ctx: _Ctx) -> _Outcome:
            held = wanted & ctx.categories
            if held:
                return _Outcome(True, lambda: f"{ctx.event_date} 属于{_join(sorted(held))}")
            return _Outcome(False, lambda: f"{ctx.event_date} 不属于{_join(c.categories_any)}")

        checks.append(categories_any)
    if c.categories_none:
        unwanted = {str(x) for x in c.categories_none}

        def categories_none(ctx: _Ctx) -> _Outcome:
            held = unwanted & ctx.categories
            if held:
                return _Outcome(
                    False, lambda: f"{ctx.event_date} 属于{_join(sorted(held))}，应按专门政策办理"
                )
            return _Outcome(True, lambda: f"{ctx.event_date} 不属于{_join(c.categories_none)}")

        checks.append(categories_none)
    if c.forms:
        forms = {str(x) for x in c.forms}

        def form(ctx: _Ctx) -> _Outcome:
            got = ctx.spell.form if ctx.spell else ""
            if got in forms:
                return _Outcome(True, lambda: f"就业形式为{got}")
            return _Outcome(False, lambda: f"就业形式为{got or '未登记'}，要求{_join(c.forms)}")

        checks.append(form)
    if c.place_scopes:
        scopes = {str(x) for x in c.place_scopes}

        def place(ctx: _Ctx) -> _Outcome:
            spell = ctx.spell
            if spell is None or not spell.place_code:
                return _Outcome(False, lambda: f"务工地点未登记，要求{_join(c.place_scopes)}")
            got = str(place_scope(ctx.facts.home_code, spell.place_code))
            where = spell.place_name or spell.place_code
            if got in scopes:
                return _Outcome(True, lambda: f"务工地点{where}，属{got}")
            return _Outcome(False, lambda: f"务工地点{where}，属{got}，要求{_join(c.place_scopes)}")

        checks.append(place)
    if c.organized_export is not None:

        def organized(ctx: _Ctx) -> _Outcome:
            spell = ctx.spell
            got = bool(spell and spell.organized_export)
            if got == c.organized_export:
                who = f"（{spell.export_agency}）" if spell and spell.export_agency else ""
                return _Outcome(
                    True, lambda: "通过有组织劳务输出就业" + who if got else "非有组织劳务输出"
                )
            return _Outcome(
                False,
                lambda: "不是通过有组织劳务输出就业" if c.organized_export else "属有组织劳务输出",
            )

        checks.append(organized)
    if c.first_export is not None:
        checks.append(_first_export(c.first_export))
    if c.casual_work is not None:

        def casual(ctx: _Ctx) -> _Outcome:
            got = bool(ctx.spell and ctx.spell.is_casual)
            text = "临时务工（临工）" if got else "非临工"
            return _Outcome(got == c.casual_work, text)

        checks.append(casual)
    if c.contract_months_min is not None or c.contract_months_max is not None:
        checks.append(_contract(c.contract_months_min, c.contract_months_max))
    if c.insurance_months_min is not None:
        need = c.insurance_months_min

        def insurance(ctx: _Ctx) -> _Outcome:
            got = ctx.spell.insurance_months if ctx.spell else None
            if got is None:
                return _Outcome(False, lambda: f"社会保险缴费月数未登记（要求≥{need}个月）")
            return _Outcome(got >= need, lambda: f"缴纳社会保险{got}个月（要求≥{need}个月）")

        checks.append(insurance)
    if c.age_at_event_min is not None or c.age_at_event_max is not None:
        low, high = c.age_at_event_min, c.age_at_event_max

        def age(ctx: _Ctx) -> _Outcome:
            years = ctx.facts.age_on(ctx.event_date)
            span = f"{low if low is not None else 0}—{high if high is not None else '不限'}岁"
            ok = (low is None or years >= low) and (high is None or years <= high)
            return _Outcome(ok, lambda: f"{ctx.event_date} 时年龄{years}岁（要求{span}）")

        checks.append(age)
    if c.graduation_within_years is not None:
        years = c.graduation_within_years

        def graduation(ctx: _Ctx) -> _Outcome:
            grad = ctx.facts.graduation_year
            if grad is None:
                return _Outcome(False, lambda: "未登记毕业年份")
            gap = ctx.event_date.year - grad
            if gap < 0:
                return _Outcome(False, lambda: f"{grad}年毕业，事件发生时尚未毕业")
            text = f"{grad}年毕业，事件年份离校{gap}年（要求毕业年度或离校{years}年内）"
            return _Outcome(gap <= years, text)

        checks.append(graduation)
    if c.registered_unemployed or c.registered_unemployed_months_min:
        checks.append(_registered(c.registered_unemployed_months_min))
    if c.first_business is not None:

        def first_business(ctx: _Ctx) -> _Outcome:
            start = ctx.event_date
            earlier = [
                s
                for s in ctx.facts.spells
                if s.form == "自主创业" and s.start_date < start and s is not ctx.spell
            ]
            if earlier:
                return _Outcome(
                    not c.first_business, lambda: f"此前已有创业记录（{earlier[0].start_date} 起）"
                )
            return _Outcome(bool(c.first_business), lambda: "首次创业")

        checks.append(first_business)
    if c.training_days_min is not None:
        need_days = c.training_days_min

        def training(ctx: _Ctx) -> _Outcome:
            days = ctx.service.training_days if ctx.service else None
            return _Outcome((days or 0) >= need_days, f"培训{days or 0}天（要求≥{need_days}天）")

        checks.append(training)
    if c.stable_months_min is not None:
        checks.append(_stable(c.stable_months_min))
    return checks


def _first_export(wanted: bool) -> Check:
    def first_export(ctx: _Ctx) -> _Outcome:
        spell = ctx.spell
        if spell is None:
            return _Outcome(False, lambda: "没有就业记录")
        if spell.is_first_export is not None:
            first = spell.is_first_export
            earlier = None
        else:
            earlier = next(
                (
                    s
                    for s in ctx.facts.spells
                    if s.organized_export and s.start_date < spell.start_date and s.id != spell.id
                ),
                None,
            )
            first = earlier is None
        if first:
            text = "首次通过有组织劳务输出就业"
        elif earlier is not None:
            text = f"此前已通过有组织劳务输出就业（{earlier.start_date} 起，{earlier.export_agency or '输出机构未登记'}），非首次"
        else:
            text = "登记为非首次有组织劳务输出"
        return _Outcome(first == wanted, text)

    return first_export


def _contract(low: int | None, high: int | None) -> Check:
    def contract(ctx: _Ctx) -> _Outcome:
        got = ctx.spell.contract_months if ctx.spell else None
        want = "、".join(
            x for x in (f"≥{low}个月" if low else "", f"≤{high}个月" if high else "") if x
        )
        if got is None:
            return _Outcome(False, lambda: f"劳动合同（协议）期限未登记（要求{want}）")
        ok = (low is None or got >= low) and (high is None or got <= high)
        return _Outcome(ok, lambda: f"劳动合同（协议）期限{got}个月（要求{want}）")

    return contract


def _registered(months: int | None) -> Check:
    def registered(ctx: _Ctx) -> _Outcome:
        day = ctx.event_date
        regs = [
            r for r in ctx.facts.registrations if r.registered_date and r.registered_date <= day
        ]
        # The registration must still be open the day before the hire (hiring ends it).
        open_regs = [
            r for r in regs if r.ended_date is None or r.ended_date >= day - dt.timedelta(days=1)
        ]
        if not open_regs:
            return _Outcome(False, lambda: f"{day} 前未登记失业")
        start = min(r.registered_date for r in open_regs if r.registered_date)
        got = whole_months_between(start, day)
        if months is None:
            return _Outcome(True, lambda: f"{start} 起登记失业")
        return _Outcome(
            got >= months, lambda: f"入职前登记失业{got}个月（{start} 起，要求≥{months}个月）"
        )

    return registered


def _stable(months: int) -> Check:
    def stable(ctx: _Ctx) -> _Outcome:
        spell = ctx.spell
        if spell is None:
            return _Outcome(False, lambda: "没有就业记录")
        ready = add_months(spell.start_date, months)
        upto = min(spell.end_date, ctx.on) if spell.end_date else ctx.on
        got = whole_months_between(spell.start_date, upto)
        if got >= months:
            return _Outcome(
                True, lambda: f"稳定就业{got}个月（{spell.start_date} 起，要求≥{months}个月）"
            )
        if spell.end_date is not None and spell.end_date < ready:
            return _Outcome(
                False,
                lambda: (
                    f"该段就业{spell.start_date} 至 {spell.end_date}，仅{got}个月，不足{months}个月"
                ),
            )
        return _Outcome(
            False,
            lambda: f"稳定就业 {got}/{months} 个月，{ready} 起可申请",
            ready_on=ready,
            hard=False,
        )

    return stable


_CHECK_CACHE: dict[int, tuple[Rule, list[Check]]] = {}


def checks_for(rule: Rule) -> list[Check]:
    """The compiled checks of a rule (cached per rule object)."""
    cached = _CHECK_CACHE.get(id(rule))
    if cached is None or cached[0] is not rule:
        cached = (rule, _checks(rule))
        _CHECK_CACHE[id(rule)] = cached
    return cached[1]


def limit_key(rule: Rule, person_id: str, on: dt.date, event_id: str | None) -> str:
    """The key the one-time guard counts: limit group, person and period."""
    kind = rule.limit.kind
    if kind is LimitKind.ONCE_EVER:
        period = f"since:{rule.limit.count_from}" if rule.limit.count_from else "ever"
    elif kind is LimitKind.ONCE_PER_YEAR:
        period = f"year:{on.year}"
    elif kind is LimitKind.ONCE_PER_MONTH:
        period = f"month:{on.year:04d}-{on.month:02d}"
    else:
        period = f"event:{event_id}"
    return f"{rule.limit_group}|{person_id}|{period}"


def funding_for(rule: Rule, categories: set[str]) -> str:
    """The funding source for a person holding `categories` on the event date."""
    for option in rule.funding_by_category:
        if any(str(c) in categories for c in option.categories):
            return option.source
    return rule.funding_source


def _events(
    rule: Rule, facts: PersonFacts, on: dt.date
) -> list[tuple[dt.date, SpellFacts | None, ServiceFacts | None]]:
    if rule.event is EventKind.TRAINING:
        return [
            (s.service_date, None, s)
            for s in facts.services
            if s.service_type == ServiceType.TRAINING.value and s.service_date <= on
        ]
    return [(s.start_date, s, None) for s in facts.spells if s.start_date <= on]


def evaluate_rule(
    rule: Rule, facts: PersonFacts, on: dt.date, *, detail: bool = True
) -> RuleResult:
    """One rule for one person as of `on`; `detail=False` stops at the first unmet condition."""
    base = RuleResult(
        facts.person_id,
        facts.id_number,
        facts.name,
        rule.id,
        rule.title,
        rule.clause,
        Status.NOT_ELIGIBLE,
        payee=str(rule.payee_kind),
    )
    events = _events(rule, facts, on)
    if not events:
        what = "职业培训记录" if rule.event is EventKind.TRAINING else "就业记录"
        base.reasons.append(Reason(False, f"截至 {on} 没有{what}", rule.clause))
        return base
    best: RuleResult | None = None
    for event_date, spell, service in events:
        result = _evaluate_event(rule, facts, on, event_date, spell, service, detail)
        if best is None or _better(result, best):
            best = result
    assert best is not None
    return best


def _better(new: RuleResult, old: RuleResult) -> bool:
    if _RANK[new.status] != _RANK[old.status]:
        return _RANK[new.status] < _RANK[old.status]
    if new.status is Status.NOT_ELIGIBLE:
        new_unmet = sum(not r.met for r in new.reasons)
        old_unmet = sum(not r.met for r in old.reasons)
        if new_unmet != old_unmet:
            return new_unmet < old_unmet
    return (new.event_date or dt.date.min) > (old.event_date or dt.date.min)


def _evaluate_event(
    rule: Rule,
    facts: PersonFacts,
    on: dt.date,
    event_date: dt.date,
    spell: SpellFacts | None,
    service: ServiceFacts | None,
    detail: bool,
) -> RuleResult:
    event_id = spell.id if spell else service.id if service else None
    key = limit_key(rule, facts.person_id, on, event_id)
    categories = facts.categories_on(event_date)
    payee_name = facts.name
    if rule.payee == "employer":
        payee_name = spell.employer if spell else ""
    elif rule.payee == "agency":
        payee_name = spell.export_agency if spell else ""
    result = RuleResult(
        facts.person_id,
        facts.id_number,
        facts.name,
        rule.id,
        rule.title,
        rule.clause,
        Status.NOT_ELIGIBLE,
        amount=rule.amount.figure(service.training_days if service else None),
        funding_source=funding_for(rule, categories),
        payee=str(rule.payee_kind),
        payee_name=payee_name,
        event_date=event_date,
        event_id=event_id,
        limit_key=key,
    )
    claim = next((c for c in facts.claims if c.limit_key == key and c.live), None)
    if claim is not None:
        result.status = Status.CLAIMED
        result.claim_id = claim.id
        result.reasons.append(
            Reason(
                True,
                f"已申领（申领编号 {claim.id}，{claim.state}），{rule.limit.describe()}",
                rule.clause,
            )
        )
        return result
    reasons = result.reasons
    in_force = rule.in_force_on(event_date)
    reasons.append(
        Reason(
            in_force,
            f"{'就业' if spell else '培训'}开始于 {event_date}，"
            f"{'在' if in_force else '不在'}政策有效期（{rule.period_text()}）内",
            rule.clause,
        )
    )
    hard_fail = not in_force
    ready: dt.date | None = None
    if hard_fail and not detail:
        return result
    ctx = _Ctx(facts, rule, on, event_date, spell, service, categories)
    for check in checks_for(rule):
        outcome = check(ctx)
        reasons.append(Reason(outcome.met, outcome.words(), rule.clause))
        if not outcome.met:
            if outcome.hard:
                hard_fail = True
                if not detail:
                    return result
            else:
                ready = outcome.ready_on if ready is None else max(ready, outcome.ready_on or ready)
    if hard_fail:
        return result
    if ready is not None:
        result.status = Status.NOT_YET
        result.eligible_from = ready
        return result
    result.status = Status.ELIGIBLE
    return result


def explain(policy: Policy, result: RuleResult, facts: PersonFacts, on: dt.date) -> RuleResult:
    """The same result with every condition explained (for results of the bulk path)."""
    if result.reasons:
        return result
    return evaluate_rule(policy.rule(result.rule_id), facts, on, detail=True)


def evaluate_person(
    policy: Policy, facts: PersonFacts, on: dt.date, *, detail: bool = True
) -> list[RuleResult]:
    """Every active rule for one person as of `on`."""
    return [evaluate_rule(rule, facts, on, detail=detail) for rule in policy.active_rules]


@dataclass(frozen=True, slots=True)
class _Gate:
    """A rule's cheapest conditions, checked inline before anything is built (bulk path)."""

    rule: Rule
    training: bool
    valid_from: dt.date
    valid_to: dt.date
    forms: frozenset[str]
    any_of: frozenset[str]
    none_of: frozenset[str]
    checks: tuple[Check, ...]


def _gate(rule: Rule) -> _Gate:
    c = rule.conditions
    return _Gate(
        rule,
        rule.event is EventKind.TRAINING,
        rule.valid_from,
        rule.valid_to or dt.date.max,
        frozenset(str(f) for f in c.forms),
        frozenset(str(x) for x in c.categories_any),
        frozenset(str(x) for x in c.categories_none),
        tuple(checks_for(rule)),
    )


_TRAINING = ServiceType.TRAINING.value

Event = tuple[dt.date, SpellFacts | None, ServiceFacts | None, set[str]]


def _person_events(facts: PersonFacts, on: dt.date) -> tuple[list[Event], list[Event]]:
    """A person's spells and trainings up to `on`, each with the categories held that day."""
    spells = [
        (s.start_date, s, None, facts.categories_on(s.start_date))
        for s in facts.spells
        if s.start_date <= on
    ]
    trainings = [
        (s.service_date, None, s, facts.categories_on(s.service_date))
        for s in facts.services
        if s.service_type == _TRAINING and s.service_date <= on
    ]
    return spells, trainings


def _fast_result(
    gate: _Gate, facts: PersonFacts, on: dt.date, events: list[Event]
) -> RuleResult | None:
    """Status, amount and funding of one rule without building explanations (bulk path).

    Returns None when not eligible. Matches `evaluate_rule` for persons without claims (tested):
    the best event is eligible before not-yet, then the latest.
    """
    best: (
        tuple[bool, dt.date, dt.date | None, SpellFacts | None, ServiceFacts | None, set[str]]
        | None
    ) = None
    forms, any_of, none_of = gate.forms, gate.any_of, gate.none_of
    for day, spell, service, held in events:
        if day < gate.valid_from or day > gate.valid_to:
            continue
        if forms and (spell is None or spell.form not in forms):
            continue
        if any_of and not any_of & held:
            continue
        if none_of and none_of & held:
            continue
        ctx = _Ctx(facts, gate.rule, on, day, spell, service, held)
        ready: dt.date | None = None
        failed = False
        for check in gate.checks:
            outcome = check(ctx)
            if not outcome.met:
                if outcome.hard:
                    failed = True
                    break
                ready = outcome.ready_on if ready is None else max(ready, outcome.ready_on or ready)
        if failed:
            continue
        if best is None or (ready is None, day) > (best[0], best[1]):
            best = (ready is None, day, ready, spell, service, held)
    if best is None:
        return None
    eligible, day, ready, spell, service, held = best
    rule = gate.rule
    event_id = spell.id if spell else service.id if service else None
    payee_name = facts.name
    if rule.payee == "employer":
        payee_name = spell.employer if spell else ""
    elif rule.payee == "agency":
        payee_name = spell.export_agency if spell else ""
    return RuleResult(
        facts.person_id,
        facts.id_number,
        facts.name,
        rule.id,
        rule.title,
        rule.clause,
        Status.ELIGIBLE if eligible else Status.NOT_YET,
        amount=rule.amount.figure(service.training_days if service else None),
        funding_source=funding_for(rule, held),
        payee=str(rule.payee_kind),
        payee_name=payee_name,
        event_date=day,
        event_id=event_id,
        eligible_from=ready,
        limit_key=limit_key(rule, facts.person_id, on, event_id),
    )


def evaluate_all(
    policy: Policy,
    people: Iterable[PersonFacts],
    on: dt.date,
    *,
    detail: bool = False,
    include_not_eligible: bool = False,
) -> list[RuleResult]:
    """Every active rule for many persons.

    By default only the open results (eligible, not yet, claimed) are returned, without their
    reasons (call `explain` for the ones shown): most (person, rule) pairs fail a cheap first
    condition and are skipped without building anything, which keeps a 100k-person ledger
    within a couple of seconds. `include_not_eligible` returns every pair (with brief reasons
    unless `detail`).
    """
    rules = policy.active_rules
    out: list[RuleResult] = []
    if include_not_eligible:
        for facts in people:
            out.extend(evaluate_rule(rule, facts, on, detail=detail) for rule in rules)
        return out
    gates = [_gate(rule) for rule in rules]
    spell_gates = [g for g in gates if not g.training]
    training_gates = [g for g in gates if g.training]
    for facts in people:
        if facts.claims:
            out.extend(
                r
                for r in (evaluate_rule(rule, facts, on) for rule in rules)
                if r.status is not Status.NOT_ELIGIBLE
            )
            continue
        spells, trainings = _person_events(facts, on)
        if spells:
            for gate in spell_gates:
                result = _fast_result(gate, facts, on, spells)
                if result is not None:
                    out.append(result)
        if trainings:
            for gate in training_gates:
                result = _fast_result(gate, facts, on, trainings)
                if result is not None:
                    out.append(result)
    return out
