"""One person and one job (training) for each way a rule's condition explains itself
(`fieldapp.policy.conditions`): every reason the judge can say, met or not, in its Chinese and
as the sentence the English window says (`tests.policy.test_reasons_said`,
`tests.ui.test_policy_reasons_in_english`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from fieldapp.policy import conditions
from fieldapp.policy.conditions import Outcome
from fieldapp.policy.eligibility import Reason, evaluate_rule, limit_key
from fieldapp.policy.facts import (
    ClaimFacts,
    NamesakeFacts,
    PersonFacts,
    RegistrationFacts,
    ServiceFacts,
    SpellFacts,
)
from fieldapp.policy.pack import Conditions
from tests.policy.helpers import HOME, IN_COUNTY, LIFTED, D, person, spell

JOB = spell(D(2025, 3, 1))  # 深圳市南山区 (跨省), 某电子厂, 小微企业, 12-month contract, 3 insured
ON = D(2025, 9, 1)
AWAY = spell(D(2023, 2, 1), id="away", end_date=D(2024, 12, 31))
NEARBY = spell(D(2024, 5, 1), id="near", place_code=IN_COUNTY, place_name="")
AT_HOME = spell(D(2024, 5, 1), id="home", place_code=HOME, place_name="本村合作社")
TRAINING = ServiceFacts("t", D(2025, 3, 1), "职业培训", training_days=5)


def _judged(
    kw: dict[str, Any],
    facts: PersonFacts | None = None,
    job: SpellFacts | None = JOB,
    *,
    on: dt.date = ON,
    held: frozenset[str] | None = None,
    service: ServiceFacts | None = None,
    module: Any = conditions,
) -> Callable[[], Outcome]:
    def judge() -> Outcome:
        check = module.compile_checks(Conditions(**kw))[-1]  # (the one named last)
        facts_ = facts or person(categories=LIFTED, spells=(job,) if job else ())
        day = job.start_date if job else (service.service_date if service else on)
        cats = frozenset({"脱贫人口"}) if held is None else held
        return check(module.Ctx(facts_, on, day, job, service, cats))

    return judge


def _registered(*regs: RegistrationFacts) -> PersonFacts:
    return person(spells=(JOB,), registrations=regs)


def _graduate(year: int | None, left: str | None, *spells: SpellFacts) -> PersonFacts:
    return person(spells=(JOB, *spells), graduation_year=year, left_school_month=left)


def scenarios(module: Any = conditions) -> dict[str, Callable[[], Outcome]]:
    """Each way a condition explains itself, by name (`module`: the conditions judged)."""

    def j(kw: dict[str, Any], *a: Any, **k: Any) -> Callable[[], Outcome]:
        return _judged(kw, *a, module=module, **k)

    any_of = {"categories_any": ["脱贫人口", "防返贫监测对象"]}
    moved = {**any_of, "or_rural_transferred": True}
    none_of = {"categories_none": ["脱贫人口", "退役军人"]}
    away = {"place_scopes": ["跨省", "省内跨县"], "new_to_scope": True}
    reg = RegistrationFacts("r", registered_date=D(2024, 10, 1))
    ended = RegistrationFacts("r", registered_date=D(2024, 10, 1), ended_date=D(2024, 12, 1))
    returned = replace(JOB, place_code=IN_COUNTY, place_name="七星关区某合作社")
    exported = replace(JOB, organized_export=True, export_agency="七星关区劳务公司")
    earlier_export = replace(AWAY, organized_export=True, export_agency="毕节劳务公司")
    business = replace(JOB, form="自主创业")
    return {
        "categories held": j(any_of),
        "categories not held": j(any_of, held=frozenset()),
        "transferred": j(moved, person(spells=(AWAY, JOB)), held=frozenset()),
        "neither held nor transferred": j(
            moved, person(spells=(AT_HOME,)), AT_HOME, held=frozenset()
        ),
        "categories none held": j(none_of, held=frozenset()),
        "categories held elsewhere": j(none_of),
        "age": j({"age_at_event_min": 16, "age_at_event_max": 35}),
        "age no upper": j({"age_at_event_min": 16}),
        "no graduation year": j({"graduate_window_months": 24}, _graduate(None, None)),
        "not yet graduated": j({"graduate_window_months": 24}, _graduate(2026, None)),
        "graduation year": j({"graduate_window_months": 24}, _graduate(2025, None)),
        "no leaving month": j({"graduate_window_months": 24}, _graduate(2023, None)),
        "no leaving month, months": j({"graduate_window_months": 18}, _graduate(2023, None)),
        "within the window": j({"graduate_window_months": 24}, _graduate(2024, "2024-07")),
        "beyond the window": j({"graduate_window_months": 24}, _graduate(2022, "2022-07")),
        "unemployed, nothing recorded": j({"graduate_unemployed": True}, _graduate(None, None)),
        "worked since leaving": j(
            {"graduate_unemployed": True},
            _graduate(2024, "2024-07", replace(NEARBY, start_date=D(2024, 9, 1))),
        ),
        "not worked since leaving": j({"graduate_unemployed": True}, _graduate(2024, "2024-07")),
        "not registered": j({"registered_unemployed": True}, _registered(ended)),
        "registered": j({"registered_unemployed": True}, _registered(reg)),
        "registered months": j({"registered_unemployed_months_min": 6}, _registered(reg)),
        "form": j({"forms": ["单位就业"]}),
        "form wanted": j({"forms": ["灵活就业", "自主创业"]}),
        "form unrecorded": j({"forms": ["单位就业"]}, job=replace(JOB, form="")),
        "kind unrecorded": j({"employer_kinds": ["小微企业"]}, job=replace(JOB, employer_kind="")),
        "kind": j({"employer_kinds": ["小微企业"]}),
        "kind wanted": j({"employer_kinds": ["社会组织", "个体工商户"]}),
        "place unrecorded": j({"place_scopes": ["跨省"]}, job=replace(JOB, place_code="")),
        "place": j({"place_scopes": ["跨省"]}),
        "place wanted": j({"place_scopes": ["县内", "省内跨县"]}),
        "new, no job": j({"new_to_scope": True}, job=None),
        "worked away before": j(away, person(spells=(AWAY, JOB))),
        "new away": j(away),
        "worked away recently": j({**away, "new_lookback_months": 12}, person(spells=(AWAY, JOB))),
        "new away, anywhere": j({"new_to_scope": True}),
        "returned, no job": j({"newly_returned": True}, job=None),
        "nothing before": j({"newly_returned": True}),
        "last not away": j({"newly_returned": True}, person(spells=(NEARBY, JOB))),
        "last place unrecorded": j(
            {"newly_returned": True},
            person(spells=(replace(NEARBY, place_code=""), JOB)),
        ),
        "still away": j(
            {"newly_returned": True},
            person(spells=(replace(AWAY, end_date=None), returned)),
            returned,
        ),
        "returned long ago": j(
            {"newly_returned": True, "returned_within_months": 1},
            person(spells=(AWAY, returned)),
            returned,
        ),
        "returned": j({"newly_returned": True}, person(spells=(AWAY, returned)), returned),
        "organized": j({"organized_export": True}, job=exported),
        "organized, no agency": j(
            {"organized_export": True}, job=replace(exported, export_agency="")
        ),
        "not organized, as wanted": j({"organized_export": False}),
        "not organized": j({"organized_export": True}),
        "organized, unwanted": j({"organized_export": False}, job=exported),
        "first export, no job": j({"first_export": True}, job=None),
        "first export": j({"first_export": True}, job=exported),
        "exported before": j(
            {"first_export": True}, person(spells=(earlier_export, exported)), exported
        ),
        "exported before, no agency": j(
            {"first_export": True},
            person(spells=(replace(earlier_export, export_agency=""), exported)),
            exported,
        ),
        "recorded not first": j(
            {"first_export": True}, job=replace(exported, is_first_export=False)
        ),
        "casual": j({"casual_work": True}, job=replace(JOB, is_casual=True)),
        "not casual": j({"casual_work": True}),
        "contract unrecorded": j(
            {"contract_months_min": 12, "contract_months_max": 36},
            job=replace(JOB, contract_months=None),
        ),
        "contract": j({"contract_months_min": 12, "contract_months_max": 36}),
        "contract at most": j({"contract_months_max": 6}),
        "insurance unrecorded": j(
            {"insurance_months_min": 3}, job=replace(JOB, insurance_months=None)
        ),
        "insurance": j({"insurance_months_min": 3}),
        "business before": j(
            {"first_business": True},
            person(spells=(replace(AWAY, form="自主创业"), business)),
            business,
        ),
        "first business": j({"first_business": True}, job=business),
        "training": j({"training_days_min": 10}, job=None, service=TRAINING),
        "stable, no job": j({"stable_months_min": 3}, job=None),
        "stable": j({"stable_months_min": 3}),
        "too short": j({"stable_months_min": 12}, job=replace(JOB, end_date=D(2025, 6, 30))),
        "stable so far": j({"stable_months_min": 12}),
    }


def _rule(rule_id: str, **limit: Any) -> Any:
    from tests.policy.helpers import extended_policy

    rule = next(r for r in extended_policy().rules if r.id == rule_id)
    if limit:
        rule = rule.model_copy(update={"limit": rule.limit.model_copy(update=limit)})
    return rule


def judged() -> dict[str, list[Reason]]:
    """The judge's own reasons (`eligibility`): a claim already made, the rule's period, the
    month (year) paid and the job then, the agreement, nothing to judge — by name, each a
    rule judged for one person on one day with every condition explained."""
    post = spell(D(2026, 1, 1), id="post", form="公益性岗位", place_code=HOME, contract_months=6)
    posted = person(categories=LIFTED, spells=(post,))
    left = person(categories=LIFTED, spells=(replace(post, end_date=D(2026, 2, 28)),))
    worker = person(categories=LIFTED, spells=(JOB,))
    late = person(categories=LIFTED, spells=(spell(D(2026, 3, 1)),))
    flexible = spell(D(2024, 1, 1), form="灵活就业", place_code=HOME)
    hard = {"就业困难人员": (D(2020, 1, 1), None)}
    flexible_worker = person(categories=hard, spells=(flexible,))
    early = person(categories=hard, spells=(replace(flexible, start_date=D(2021, 1, 1)),))

    def claimed(rule: Any, state: str, event: dt.date | None) -> PersonFacts:
        key = limit_key(rule, "p1", ON, JOB.id)
        claim = ClaimFacts("c1", rule.id, key, state, event_date=event)
        return replace(worker, claims=(claim,))

    once = _rule("transport_cross_county")
    counted = _rule("transport_cross_county", count_from=D(2024, 1, 1))
    # one person entered twice: the claim made on the other row (the same ID number)
    twice = NamesakeFacts("p2", spells=(replace(JOB, id="job2"),), claims=(
        ClaimFacts("c2", once.id, limit_key(once, "p2", ON, "job2"), "已提交", JOB.start_date),))  # fmt: skip
    cases: dict[str, tuple[Any, PersonFacts, dt.date]] = {
        "claimed": (once, claimed(once, "已提交", JOB.start_date), ON),
        "claimed, no day": (once, claimed(once, "草稿", None), ON),
        "claimed, counted from": (counted, claimed(counted, "县审批", JOB.start_date), ON),
        "claimed on the other row": (once, replace(worker, namesakes=(twice,)), ON),
        "claimed on the row deleted": (
            once,
            replace(worker, namesakes=(replace(twice, deleted=True),)),
            ON,
        ),
        "began in force, open-ended": (once, worker, ON),
        "began out of force": (_rule("transport_cross_province_lifted"), late, D(2026, 4, 1)),
        "monthly, in the agreement": (_rule("welfare_post_subsidy"), posted, D(2026, 3, 10)),
        "monthly, agreement ended": (_rule("welfare_post_subsidy"), posted, D(2026, 9, 10)),
        "monthly, left": (_rule("welfare_post_subsidy"), left, D(2026, 5, 10)),
        "monthly, out of force": (_rule("welfare_post_subsidy"), posted, D(2028, 2, 1)),
        "yearly": (_rule("flexible_social_insurance"), flexible_worker, D(2025, 3, 10)),
        "yearly, out of force": (_rule("flexible_social_insurance"), early, D(2022, 6, 1)),
        "no job": (once, person(categories=LIFTED), ON),
        "no training": (_rule("training_living"), person(categories=LIFTED), ON),
    }
    return {
        name: evaluate_rule(rule, facts, on, detail=True).reasons
        for name, (rule, facts, on) in cases.items()
    }
