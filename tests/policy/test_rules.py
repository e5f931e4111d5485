"""Every rule of the seeds' pack, table-driven; each test is named after the clause it encodes
(黔府发〔2023〕12号 is `黔府发2023_12号`, the six departments' opinion on 三类人员 is `就业帮扶意见`).

Each case gives a person's facts, the as-of date and the expected status (and amount, funding,
the date it becomes eligible). Boundaries: exactly 3 months vs 2 months 30 days, 29 February,
spells straddling a policy's end date, a category starting after the event, first vs second
organized export, in-province vs out-of-province, 16 vs 25 at hiring; and the rules read
against their clauses again: "新" (新跨省务工, 新返乡) on the person's earlier spells, the employer's
kind, the graduate window counted from the month of leaving school and "未就业", the training
allowance for 三类人员 and rural transferred labour only. Amounts the county sets show unset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from fieldapp.domain.dates import written
from fieldapp.policy.eligibility import Status, evaluate_rule
from fieldapp.policy.facts import ClaimFacts, PersonFacts, RegistrationFacts, ServiceFacts
from fieldapp.policy.pack import Policy
from tests.policy.helpers import IN_COUNTY, IN_PROVINCE, LIFTED, D, person, spell

#: Expected amount of a rule whose figure is the county's and not yet set.
UNSET = "unset"

THREE_KINDS_LOW = {"农村低保对象": (D(2020, 1, 1), None)}
RELOCATED = {"易地搬迁人口": (D(2019, 1, 1), None)}


@dataclass
class Case:
    """One row of a rule table."""

    name: str
    facts: PersonFacts
    on: dt.date
    status: Status
    amount: float | str | None = None
    funding: str | None = None
    eligible_from: dt.date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _check(policy: Policy, rule_id: str, case: Case) -> None:
    result = evaluate_rule(policy.rule(rule_id), case.facts, case.on)
    explained = "\n".join(str(r) for r in result.reasons)
    assert result.status is case.status, f"{case.name}: {result.status}\n{explained}"
    if case.amount == UNSET:
        assert result.amount is None and result.amount_text == "待县里核定标准"
    elif case.amount is not None:
        assert result.amount == case.amount
    if case.funding is not None:
        assert result.funding_source == case.funding
    if case.eligible_from is not None:
        assert result.eligible_from == case.eligible_from
        # The day as a coordinator writes it (it read 2025-06-05 起可申请).
        assert f"{written(case.eligible_from)}起可申请" in result.summary
    for key, value in case.extra.items():
        assert getattr(result, key) == value, key
    # Every reason cites the clause of the rule it explains, by the document's official number.
    assert all(r.clause == policy.rule(rule_id).citation for r in result.reasons)
    assert not any(code in result.clause for code in ("001 ", "004（"))


def _ids(cases: list[Case]) -> list[str]:
    return [c.name for c in cases]


# -- 黔府发〔2023〕12号 附件2 第（四）条: transport subsidy for cross-county work ------------------------------------

TRANSPORT_CROSS_COUNTY = [
    Case(
        "exactly_3_months",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        UNSET,
        "衔接推进乡村振兴补助资金",
    ),
    Case(
        "2_months_30_days",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 4),
        Status.NOT_YET,
        eligible_from=D(2025, 6, 5),
    ),
    Case(
        "in_province_cross_county",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE),)),
        D(2025, 7, 1),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "same_county_not_cross",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), place_code=IN_COUNTY),)),
        D(2025, 7, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "category_starts_after_event",
        person(categories={"脱贫人口": (D(2025, 4, 1), None)}, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 7, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "29_february_not_yet",
        person(categories=LIFTED, spells=(spell(D(2023, 11, 29)),)),
        D(2024, 2, 28),
        Status.NOT_YET,
        eligible_from=D(2024, 2, 29),
    ),
    Case(
        "29_february_reached",
        person(categories=LIFTED, spells=(spell(D(2023, 11, 29)),)),
        D(2024, 2, 29),
        Status.ELIGIBLE,
    ),
    Case(
        "spell_ended_short",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), end_date=D(2025, 5, 20)),)),
        D(2025, 7, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "dibao_paid_from_employment_fund",
        person(categories=THREE_KINDS_LOW, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 7, 1),
        Status.ELIGIBLE,
        UNSET,
        "就业补助资金",
    ),
    Case(
        "before_policy_issued",
        person(categories=LIFTED, spells=(spell(D(2023, 5, 1)),)),
        D(2023, 9, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "already_claimed",
        person(
            categories=LIFTED,
            spells=(spell(D(2025, 3, 5)),),
            claims=(
                ClaimFacts("c1", "transport_cross_province_lifted", "transport|p1|ever", "已发放"),
            ),
        ),
        D(2025, 7, 1),
        Status.CLAIMED,
        extra={"claim_id": "c1"},
    ),
    Case(
        "rejected_claim_does_not_count",
        person(
            categories=LIFTED,
            spells=(spell(D(2025, 3, 5)),),
            claims=(ClaimFacts("c1", "transport_cross_county", "transport|p1|ever", "驳回"),),
        ),
        D(2025, 7, 1),
        Status.ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", TRANSPORT_CROSS_COUNTY, ids=_ids(TRANSPORT_CROSS_COUNTY))
def test_黔府发2023_12号_附件2_第四条_transport_cross_county(policy: Policy, case: Case) -> None:
    _check(policy, "transport_cross_county", case)


# -- 就业帮扶意见 第（四）条: transport subsidy for lifted people newly working out of province -----------------

# Before the rules were in force: the earlier job itself cannot be the "new" one.
EARLIER_OUT = spell(D(2019, 3, 1), id="s0", end_date=D(2020, 10, 31), place_name="宁波市")
EARLIER_IN_PROVINCE = spell(
    D(2019, 3, 1), id="s0", end_date=D(2020, 10, 31), place_code=IN_PROVINCE
)

TRANSPORT_004 = [
    Case(
        "out_of_province",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        UNSET,
        "衔接推进乡村振兴补助资金",
    ),
    Case(
        "not_new_earlier_out_of_province_job",
        person(categories=LIFTED, spells=(EARLIER_OUT, spell(D(2025, 3, 5)))),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "new_after_an_in_province_job",
        person(categories=LIFTED, spells=(EARLIER_IN_PROVINCE, spell(D(2025, 3, 5)))),
        D(2025, 6, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "in_province_refused",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "monitored_counts_as_lifted",
        person(
            categories={"防返贫监测对象": (D(2022, 1, 1), None)}, spells=(spell(D(2025, 3, 5)),)
        ),
        D(2025, 6, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "spell_straddles_end_date",
        person(categories=LIFTED, spells=(spell(D(2025, 11, 1)),)),
        D(2026, 2, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "spell_starts_after_end_date",
        person(categories=LIFTED, spells=(spell(D(2026, 1, 5)),)),
        D(2026, 4, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "relocated_only_refused",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", TRANSPORT_004, ids=_ids(TRANSPORT_004))
def test_就业帮扶意见_第四条_transport_cross_province_lifted(policy: Policy, case: Case) -> None:
    _check(policy, "transport_cross_province_lifted", case)


# -- 黔府发〔2023〕12号 附件2 第（四）条: other rural labour newly working out of province ------------------------------

TRANSPORT_OTHER = [
    Case(
        "out_of_province",
        person(spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        100,
        "就业补助资金",
    ),
    Case(
        "in_province_refused",
        person(spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_new_earlier_out_of_province_job",
        person(spells=(EARLIER_OUT, spell(D(2025, 3, 5)))),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "new_after_an_in_province_job",
        person(spells=(EARLIER_IN_PROVINCE, spell(D(2025, 3, 5)))),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        100,
    ),
    Case(
        "lifted_use_their_own_rule",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "2_months_30_days",
        person(spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 4),
        Status.NOT_YET,
        eligible_from=D(2025, 6, 5),
    ),
]


@pytest.mark.parametrize("case", TRANSPORT_OTHER, ids=_ids(TRANSPORT_OTHER))
def test_黔府发2023_12号_附件2_第四条_transport_other_rural_cross_province(
    policy: Policy, case: Case
) -> None:
    _check(policy, "transport_other_rural_cross_province", case)


# -- 就业帮扶意见 第（四）条: job-search subsidy for the first organized export ---------------------------------

EXPORTED = {"organized_export": True, "export_agency": "某劳务公司"}
FIRST_OUT = spell(D(2025, 3, 5), id="s2", **EXPORTED)
EARLIER = spell(D(2024, 3, 1), id="s1", end_date=D(2024, 12, 31), **EXPORTED)
EARLIER_IN = spell(
    D(2024, 3, 1), id="s1", end_date=D(2024, 12, 31), place_code=IN_PROVINCE, **EXPORTED
)

JOB_SEARCH_IN = [
    Case(
        "first_export_in_province",
        person(
            categories=RELOCATED, spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE, **EXPORTED),)
        ),
        D(2025, 3, 10),
        Status.ELIGIBLE,
        500,
        "就业补助资金",
    ),
    Case(
        "out_of_province_is_the_other_rule",
        person(categories=RELOCATED, spells=(FIRST_OUT,)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "second_export_refused",
        person(
            categories=RELOCATED,
            spells=(EARLIER, spell(D(2025, 3, 5), id="s2", place_code=IN_PROVINCE, **EXPORTED)),
        ),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_organized",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE),)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "no_category",
        person(spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE, **EXPORTED),)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
]

JOB_SEARCH_OUT = [
    Case(
        "first_export_out_of_province",
        person(categories=LIFTED, spells=(FIRST_OUT,)),
        D(2025, 3, 10),
        Status.ELIGIBLE,
        1000,
        "衔接推进乡村振兴补助资金",
    ),
    Case(
        "second_export_refused",
        person(categories=LIFTED, spells=(EARLIER_IN, FIRST_OUT)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "recorded_as_not_first",
        person(
            categories=LIFTED, spells=(spell(D(2025, 3, 5), is_first_export=False, **EXPORTED),)
        ),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "in_province_is_the_other_rule",
        person(
            categories=LIFTED, spells=(spell(D(2025, 3, 5), place_code=IN_PROVINCE, **EXPORTED),)
        ),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "after_end_date",
        person(categories=LIFTED, spells=(spell(D(2026, 1, 2), **EXPORTED),)),
        D(2026, 2, 1),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", JOB_SEARCH_IN, ids=_ids(JOB_SEARCH_IN))
def test_就业帮扶意见_第四条_job_search_export_in_province(policy: Policy, case: Case) -> None:
    _check(policy, "job_search_export_in_province", case)


@pytest.mark.parametrize("case", JOB_SEARCH_OUT, ids=_ids(JOB_SEARCH_OUT))
def test_就业帮扶意见_第四条_job_search_export_out_of_province(policy: Policy, case: Case) -> None:
    _check(policy, "job_search_export_out_of_province", case)


# -- 就业帮扶意见 第（四）条: tracking-service subsidy paid to the agency ----------------------------------------

TRACKING = [
    Case(
        "agency_paid",
        person(categories=LIFTED, spells=(FIRST_OUT,)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        500,
        extra={"payee": "经营性人力资源服务机构", "payee_name": "某劳务公司"},
    ),
    Case(
        "contract_11_months",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), contract_months=11, **EXPORTED),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "insurance_2_months",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), insurance_months=2, **EXPORTED),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_organized",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", TRACKING, ids=_ids(TRACKING))
def test_就业帮扶意见_第四条_tracking_service_agency(policy: Policy, case: Case) -> None:
    _check(policy, "tracking_service_agency", case)


# -- 就业帮扶意见 第（五）条, 黔府发〔2023〕12号 附件2 第（十四）条: employers hiring 三类人员 ----------------------

LOCAL_JOB = {"place_code": IN_COUNTY, "employer": "某合作社", "employer_kind": "农民专业合作社"}
COMPANY_JOB = {"place_code": IN_COUNTY, "employer": "某公司", "employer_kind": "小微企业"}

ABSORB_THREE = [
    Case(
        "exactly_3_months",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5), **LOCAL_JOB),)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        500,
        "就业补助资金",
        extra={"payee": "用人单位", "payee_name": "某合作社"},
    ),
    Case(
        "2_months_30_days",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5), **LOCAL_JOB),)),
        D(2025, 6, 4),
        Status.NOT_YET,
        eligible_from=D(2025, 6, 5),
    ),
    Case(
        "spell_straddles_end_date",
        person(categories=RELOCATED, spells=(spell(D(2025, 12, 1), **LOCAL_JOB),)),
        D(2026, 3, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "hired_after_end_date",
        person(categories=RELOCATED, spells=(spell(D(2026, 1, 1), **LOCAL_JOB),)),
        D(2026, 4, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "flexible_work_refused",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5), form="灵活就业", **LOCAL_JOB),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "no_insurance",
        person(
            categories=RELOCATED, spells=(spell(D(2025, 3, 5), insurance_months=None, **LOCAL_JOB),)
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "family_farm",
        person(
            categories=RELOCATED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": "家庭农场"})),),
        ),
        D(2025, 6, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "employer_kind_not_recorded",
        person(
            categories=RELOCATED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": ""})),),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "public_body_is_not_a_named_employer",
        person(
            categories=RELOCATED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": "机关事业单位"})),),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "large_enterprise_is_not_a_named_employer",
        person(
            categories=RELOCATED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": "大中型企业"})),),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
]

ABSORB_LIFTED = [
    Case(
        "lifted",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), **LOCAL_JOB),)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        500,
        "衔接推进乡村振兴补助资金",
    ),
    Case(
        # A job imported without its 就业形式 is kept as 未登记: not taken for 单位就业.
        "form_not_known_refused",
        person(categories=LIFTED, spells=(spell(D(2025, 3, 5), form="未登记", **LOCAL_JOB),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "relocated_only_refused",
        person(categories=RELOCATED, spells=(spell(D(2025, 3, 5), **LOCAL_JOB),)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "workshop",
        person(
            categories=LIFTED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": "就业帮扶车间"})),),
        ),
        D(2025, 6, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "sole_trader_is_not_a_named_employer",
        person(
            categories=LIFTED,
            spells=(spell(D(2025, 3, 5), **(LOCAL_JOB | {"employer_kind": "个体工商户"})),),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "no_end_date_2026",
        person(categories=LIFTED, spells=(spell(D(2026, 2, 1), **LOCAL_JOB),)),
        D(2026, 5, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "other_absorb_claim_on_same_spell",
        person(
            categories=LIFTED,
            spells=(spell(D(2025, 3, 5), id="sx", **LOCAL_JOB),),
            claims=(ClaimFacts("c9", "absorb_three_kinds", "absorb|p1|event:sx", "县审批"),),
        ),
        D(2025, 6, 5),
        Status.CLAIMED,
    ),
]


@pytest.mark.parametrize("case", ABSORB_THREE, ids=_ids(ABSORB_THREE))
def test_就业帮扶意见_第五条_absorb_three_kinds(policy: Policy, case: Case) -> None:
    _check(policy, "absorb_three_kinds", case)


@pytest.mark.parametrize("case", ABSORB_LIFTED, ids=_ids(ABSORB_LIFTED))
def test_黔府发2023_12号_附件2_第十四条_absorb_lifted(policy: Policy, case: Case) -> None:
    _check(policy, "absorb_lifted", case)


# -- 黔府发〔2023〕12号 附件2 第（八）条: newly returned rural workers --------------------------------------------------

RETURNED = {"返乡农村劳动力": (D(2025, 1, 20), None)}
AWAY = spell(D(2023, 3, 1), id="s0", end_date=D(2025, 1, 15), place_name="深圳市")
HOME_JOB = spell(D(2025, 3, 5), id="s1", **LOCAL_JOB)
ABSORB_RETURNED = [
    Case(
        "returned_hired",
        person(categories=RETURNED, spells=(AWAY, HOME_JOB)),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        500,
    ),
    Case(
        "returned_from_another_county_in_province",
        person(
            categories=RETURNED,
            spells=(
                spell(D(2023, 3, 1), id="s0", end_date=D(2025, 1, 15), place_code=IN_PROVINCE),
                HOME_JOB,
            ),
        ),
        D(2025, 6, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "no_earlier_job_away_not_new_return",
        person(categories=RETURNED, spells=(HOME_JOB,)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "only_the_first_job_after_returning",
        person(
            categories=RETURNED,
            spells=(
                AWAY,
                spell(D(2025, 1, 20), id="s05", end_date=D(2025, 3, 1), **LOCAL_JOB),
                HOME_JOB,
            ),
        ),
        D(2025, 6, 5),
        Status.ELIGIBLE,
        extra={"event_id": "s05"},
    ),
    Case(
        "second_job_after_returning_not_new",
        person(
            categories=RETURNED,
            spells=(
                spell(D(2020, 3, 1), id="s0", end_date=D(2022, 1, 15)),
                spell(D(2022, 2, 1), id="s05", end_date=D(2023, 1, 31), **LOCAL_JOB),
                HOME_JOB,
            ),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "still_away_when_hired",
        person(categories=RETURNED, spells=(spell(D(2023, 3, 1), id="s0"), HOME_JOB)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "insurance_2_months",
        person(
            categories=RETURNED,
            spells=(AWAY, spell(D(2025, 3, 5), id="s1", insurance_months=2, **LOCAL_JOB)),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "public_body_is_not_a_business",
        person(
            categories=RETURNED,
            spells=(
                AWAY,
                spell(D(2025, 3, 5), id="s1", **(LOCAL_JOB | {"employer_kind": "机关事业单位"})),
            ),
        ),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "returned_after_hiring",
        person(categories={"返乡农村劳动力": (D(2025, 4, 1), None)}, spells=(AWAY, HOME_JOB)),
        D(2025, 6, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "after_end_date",
        person(categories=RETURNED, spells=(AWAY, spell(D(2026, 1, 1), id="s1", **LOCAL_JOB))),
        D(2026, 6, 1),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", ABSORB_RETURNED, ids=_ids(ABSORB_RETURNED))
def test_黔府发2023_12号_附件2_第八条_absorb_returned(policy: Policy, case: Case) -> None:
    _check(policy, "absorb_returned", case)


# -- 黔府发〔2023〕12号 附件3 第（六）条第3项: hiring people registered unemployed half a year ------------------------


def _registered(since: dt.date, ended: dt.date | None = None) -> tuple[RegistrationFacts, ...]:
    return (RegistrationFacts("r1", since, since, "缺乏基本技能", ended),)


ABSORB_LONG = [
    Case(
        "registered_exactly_6_months",
        person(
            registrations=_registered(D(2024, 9, 5), D(2025, 3, 5)),
            spells=(spell(D(2025, 3, 5), **COMPANY_JOB),),
        ),
        D(2025, 3, 10),
        Status.ELIGIBLE,
        500,
        "就业补助资金",
    ),
    Case(
        "cooperative_is_not_an_enterprise",
        person(
            registrations=_registered(D(2024, 9, 5), D(2025, 3, 5)),
            spells=(spell(D(2025, 3, 5), **LOCAL_JOB),),
        ),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "registered_5_months_30_days",
        person(
            registrations=_registered(D(2024, 9, 6), D(2025, 3, 5)),
            spells=(spell(D(2025, 3, 5), **COMPANY_JOB),),
        ),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "never_registered",
        person(spells=(spell(D(2025, 3, 5), **COMPANY_JOB),)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", ABSORB_LONG, ids=_ids(ABSORB_LONG))
def test_黔府发2023_12号_附件3_第六条第3项_absorb_long_unemployed(
    policy: Policy, case: Case
) -> None:
    _check(policy, "absorb_long_unemployed", case)


# -- 黔府发〔2023〕12号 附件1 第（一）条: graduates and unemployed youth (to 2023-12-31) --------------------------------


def _graduate(year: int, left: str | None, *spells: Any) -> PersonFacts:
    return person(graduation_year=year, left_school_month=left, spells=spells)


HIRED = {"id": "hire", **COMPANY_JOB}
ABSORB_GRADUATE = [
    Case(
        "left_july_2021_hired_in_the_24th_month",
        _graduate(2021, "2021-07", spell(D(2023, 6, 30), **HIRED)),
        D(2023, 7, 5),
        Status.ELIGIBLE,
        1000,
    ),
    Case(
        "left_july_2021_hired_after_2_years",
        _graduate(2021, "2021-07", spell(D(2023, 7, 1), **HIRED)),
        D(2023, 7, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "left_december_2021_hired_november_2023",
        _graduate(2021, "2021-12", spell(D(2023, 11, 30), **HIRED)),
        D(2023, 12, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "graduation_year_itself",
        _graduate(2023, None, spell(D(2023, 7, 1), **HIRED)),
        D(2023, 9, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "month_of_leaving_not_recorded",
        _graduate(2022, None, spell(D(2023, 9, 1), **HIRED)),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "worked_since_leaving_not_unemployed",
        _graduate(
            2022,
            "2022-07",
            spell(D(2022, 10, 1), id="first", end_date=D(2023, 5, 31), **COMPANY_JOB),
            spell(D(2023, 9, 1), **HIRED),
        ),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "student_job_before_leaving_does_not_count",
        _graduate(
            2022,
            "2022-07",
            spell(D(2021, 7, 1), id="summer", end_date=D(2021, 8, 31), **COMPANY_JOB),
            spell(D(2023, 9, 1), **HIRED),
        ),
        D(2023, 9, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "hired_after_end_date",
        _graduate(2023, "2023-07", spell(D(2024, 1, 2), **HIRED)),
        D(2024, 2, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "contract_6_months",
        _graduate(2022, "2022-07", spell(D(2023, 9, 1), contract_months=6, **HIRED)),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "cooperative_is_not_an_enterprise",
        _graduate(2022, "2022-07", spell(D(2023, 9, 1), **(HIRED | LOCAL_JOB))),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
]

YOUTH_REG = _registered(D(2023, 6, 20), D(2023, 9, 1))
ABSORB_YOUTH = [
    Case(
        "16_at_hiring",
        person(
            birth="20070901", registrations=YOUTH_REG, spells=(spell(D(2023, 9, 1), **COMPANY_JOB),)
        ),
        D(2023, 9, 5),
        Status.ELIGIBLE,
        1000,
    ),
    Case(
        "24_at_hiring",
        person(
            birth="19980902", registrations=YOUTH_REG, spells=(spell(D(2023, 9, 1), **COMPANY_JOB),)
        ),
        D(2023, 9, 5),
        Status.ELIGIBLE,
    ),
    Case(
        "25_at_hiring",
        person(
            birth="19980801", registrations=YOUTH_REG, spells=(spell(D(2023, 9, 1), **LOCAL_JOB),)
        ),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "15_at_hiring",
        person(
            birth="20070902", registrations=YOUTH_REG, spells=(spell(D(2023, 9, 1), **LOCAL_JOB),)
        ),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_registered",
        person(birth="20030101", spells=(spell(D(2023, 9, 1), **LOCAL_JOB),)),
        D(2023, 9, 5),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", ABSORB_GRADUATE, ids=_ids(ABSORB_GRADUATE))
def test_黔府发2023_12号_附件1_第一条_absorb_graduate(policy: Policy, case: Case) -> None:
    _check(policy, "absorb_graduate", case)


@pytest.mark.parametrize("case", ABSORB_YOUTH, ids=_ids(ABSORB_YOUTH))
def test_黔府发2023_12号_附件1_第一条_absorb_unemployed_youth(policy: Policy, case: Case) -> None:
    _check(policy, "absorb_unemployed_youth", case)


# -- 就业帮扶意见 第（十七）条: training living allowance, 40 元 a day --------------------------------------------

TRAINING = [
    Case(
        "ten_days",
        person(
            categories=RELOCATED, services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", 10),)
        ),
        D(2025, 11, 1),
        Status.ELIGIBLE,
        400,
        "就业补助资金",
        extra={"event_id": "t1"},
    ),
    Case(
        "lifted_funding",
        person(categories=LIFTED, services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", 3),)),
        D(2025, 11, 1),
        Status.ELIGIBLE,
        120,
        "衔接推进乡村振兴补助资金",
    ),
    Case(
        "rural_transferred_labour",
        person(
            spells=(spell(D(2024, 3, 1), end_date=D(2025, 8, 31)),),
            services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", 5),),
        ),
        D(2025, 11, 1),
        Status.ELIGIBLE,
        200,
        "就业补助资金",
    ),
    Case(
        "worked_only_in_home_township_not_transferred",
        person(
            spells=(spell(D(2024, 3, 1), place_code="520502001"),),
            services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", 5),),
        ),
        D(2025, 11, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "anyone_else_who_trains_refused",
        person(services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", 10),)),
        D(2025, 11, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "after_end_date",
        person(categories=RELOCATED, services=(ServiceFacts("t1", D(2026, 1, 9), "职业培训", 10),)),
        D(2026, 2, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "no_days_recorded",
        person(
            categories=RELOCATED, services=(ServiceFacts("t1", D(2025, 10, 9), "职业培训", None),)
        ),
        D(2025, 11, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_a_training",
        person(
            categories=RELOCATED, services=(ServiceFacts("t1", D(2025, 10, 9), "岗位推荐", None),)
        ),
        D(2025, 11, 1),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", TRAINING, ids=_ids(TRAINING))
def test_就业帮扶意见_第十七条_training_living(policy: Policy, case: Case) -> None:
    _check(policy, "training_living", case)


# -- 黔府发〔2023〕12号 附件3 第（九）条: first business operating a year ------------------------------------------------

BUSINESS = {"form": "自主创业", "place_code": IN_COUNTY, "employer": "某小吃店"}
STARTUP = [
    Case(
        "operating_12_months",
        person(spells=(spell(D(2024, 2, 29), **BUSINESS),)),
        D(2025, 2, 28),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "operating_11_months",
        person(spells=(spell(D(2024, 3, 5), **BUSINESS),)),
        D(2025, 2, 28),
        Status.NOT_YET,
        eligible_from=D(2025, 3, 5),
    ),
    Case(
        "second_business",
        person(
            spells=(
                spell(D(2020, 1, 1), id="b1", end_date=D(2021, 1, 1), **BUSINESS),
                spell(D(2024, 1, 1), id="b2", **BUSINESS),
            )
        ),
        D(2025, 6, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "employee_not_founder",
        person(spells=(spell(D(2024, 1, 1)),)),
        D(2025, 6, 1),
        Status.NOT_ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", STARTUP, ids=_ids(STARTUP))
def test_黔府发2023_12号_附件3_第九条_startup_once(policy: Policy, case: Case) -> None:
    _check(policy, "startup_once", case)


# -- 黔府发〔2023〕12号 附件3 第（十二）条: flexible-work social insurance ---------------------------------------------

FLEX = {"form": "灵活就业", "place_code": IN_COUNTY, "insurance_months": 2}
FLEXIBLE = [
    Case(
        "hard_to_employ",
        person(
            categories={"就业困难人员": (D(2024, 1, 1), None)},
            spells=(spell(D(2025, 1, 1), **FLEX),),
        ),
        D(2025, 6, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "graduate",
        person(
            categories={"高校毕业生": (D(2024, 7, 1), None)}, spells=(spell(D(2025, 1, 1), **FLEX),)
        ),
        D(2025, 6, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "no_category",
        person(spells=(spell(D(2025, 1, 1), **FLEX),)),
        D(2025, 6, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "not_insured",
        person(
            categories={"就业困难人员": (D(2024, 1, 1), None)},
            spells=(spell(D(2025, 1, 1), **(FLEX | {"insurance_months": None})),),
        ),
        D(2025, 6, 1),
        Status.NOT_ELIGIBLE,
    ),
]


# Paid year by year: the year paid must be one the person worked flexibly in.
FLEXIBLE += [
    Case(
        "year_after_the_flexible_work_ended",
        person(
            categories={"就业困难人员": (D(2024, 1, 1), None)},
            spells=(spell(D(2024, 3, 1), end_date=D(2025, 11, 30), **FLEX),),
        ),
        D(2026, 1, 5),
        Status.NOT_ELIGIBLE,
        extra={"summary": "灵活就业已于2025年11月30日结束，2026年度不在灵活就业"},
    ),
    Case(
        "flexible_work_ended_within_the_year",
        person(
            categories={"就业困难人员": (D(2024, 1, 1), None)},
            spells=(spell(D(2024, 3, 1), end_date=D(2025, 11, 30), **FLEX),),
        ),
        D(2025, 12, 20),
        Status.ELIGIBLE,
    ),
]


# Paid year by year: the person must be 就业困难人员 (or a graduate) in the year paid, not on
# the day the flexible work began.
FLEXIBLE += [
    Case(
        "found_hard_to_employ_after_the_work_began",
        person(
            categories={"就业困难人员": (D(2025, 3, 1), None)},
            spells=(spell(D(2024, 1, 1), **FLEX),),
        ),
        D(2025, 6, 1),
        Status.ELIGIBLE,
    ),
    Case(
        "no_longer_hard_to_employ_in_the_year_paid",
        person(
            categories={"就业困难人员": (D(2023, 1, 1), D(2024, 6, 30))},
            spells=(spell(D(2024, 1, 1), **FLEX),),
        ),
        D(2025, 6, 1),
        Status.NOT_ELIGIBLE,
        extra={"summary": "2025年度 不属于就业困难人员、高校毕业生"},
    ),
    Case(
        "hard_to_employ_part_of_the_year_paid",
        person(
            categories={"就业困难人员": (D(2023, 1, 1), D(2025, 4, 30))},
            spells=(spell(D(2024, 1, 1), **FLEX),),
        ),
        D(2025, 10, 1),
        Status.ELIGIBLE,
    ),
]


@pytest.mark.parametrize("case", FLEXIBLE, ids=_ids(FLEXIBLE))
def test_黔府发2023_12号_附件3_第十二条_flexible_social_insurance(
    policy: Policy, case: Case
) -> None:
    _check(policy, "flexible_social_insurance", case)


# -- 就业帮扶意见 第（十三）条: public-welfare post subsidy ---------------------------------------------------------

POST = {"form": "公益性岗位", "place_code": "520502001", "employer": "红星村保洁岗"}
WELFARE = [
    Case(
        "one_year_agreement",
        person(spells=(spell(D(2025, 1, 1), contract_months=12, **POST),)),
        D(2025, 3, 1),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "two_year_agreement_refused",
        person(spells=(spell(D(2025, 1, 1), contract_months=24, **POST),)),
        D(2025, 3, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "claimed_this_month",
        person(
            spells=(spell(D(2025, 1, 1), contract_months=12, **POST),),
            claims=(
                ClaimFacts(
                    "w1", "welfare_post_subsidy", "welfare_post_subsidy|p1|month:2025-03", "已发放"
                ),
            ),
        ),
        D(2025, 3, 20),
        Status.CLAIMED,
    ),
    Case(
        "next_month_open",
        person(
            spells=(spell(D(2025, 1, 1), contract_months=12, **POST),),
            claims=(
                ClaimFacts(
                    "w1", "welfare_post_subsidy", "welfare_post_subsidy|p1|month:2025-03", "已发放"
                ),
            ),
        ),
        D(2025, 4, 2),
        Status.ELIGIBLE,
    ),
]


# Paid month by month: the month paid must lie in the rule's period and in the post.
WELFARE += [
    Case(
        "month_after_the_rule_ended",
        person(spells=(spell(D(2024, 3, 1), contract_months=12, **POST),)),
        D(2026, 12, 15),
        Status.NOT_ELIGIBLE,
        extra={"summary": "按月发放：2026年12月不在政策有效期（2021年1月1日至2025年12月31日）内"},
    ),
    Case(
        "last_month_of_the_rule",
        person(spells=(spell(D(2025, 3, 1), contract_months=12, **POST),)),
        D(2025, 12, 31),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "post_begun_before_the_rule_paid_in_its_period",
        person(spells=(spell(D(2020, 6, 1), contract_months=12, **POST),)),
        D(2021, 3, 1),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "month_after_the_post_ended",
        person(spells=(spell(D(2025, 1, 1), end_date=D(2025, 2, 28), contract_months=12, **POST),)),
        D(2025, 4, 2),
        Status.NOT_ELIGIBLE,
        extra={"summary": "公益性岗位已于2025年2月28日结束，2025年4月不在公益性岗位"},
    ),
    Case(
        "a_company_job_is_told_its_form_first",
        person(spells=(spell(D(2025, 1, 1), end_date=D(2025, 2, 28), place_code="520502001"),)),
        D(2025, 4, 2),
        Status.NOT_ELIGIBLE,
        extra={"summary": "就业形式为单位就业，要求公益性岗位"},
    ),
    Case(
        "post_ended_within_the_month",
        person(spells=(spell(D(2025, 1, 1), end_date=D(2025, 4, 10), contract_months=12, **POST),)),
        D(2025, 4, 20),
        Status.ELIGIBLE,
        UNSET,
    ),
]


# 每次签订期限不超过1年: the month paid must lie in the agreement signed when the post began.
WELFARE += [
    Case(
        "month_after_the_agreement_ran_out",
        person(spells=(spell(D(2024, 3, 1), contract_months=12, **POST),)),
        D(2025, 3, 10),
        Status.NOT_ELIGIBLE,
        extra={
            "summary": "协议（2024年3月1日起12个月，至2025年2月28日）已到期，"
            "2025年3月不在协议期内（续签后请登记新的协议）"
        },
    ),
    Case(
        "last_month_of_the_agreement",
        person(spells=(spell(D(2024, 3, 1), contract_months=12, **POST),)),
        D(2025, 2, 20),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "agreement_begun_mid_month_still_runs_that_month",
        person(spells=(spell(D(2024, 3, 15), contract_months=12, **POST),)),
        D(2025, 3, 5),
        Status.ELIGIBLE,
        UNSET,
    ),
    Case(
        "six_month_agreement",
        person(spells=(spell(D(2025, 1, 1), contract_months=6, **POST),)),
        D(2025, 7, 1),
        Status.NOT_ELIGIBLE,
    ),
    Case(
        "renewed_agreement_recorded",
        person(
            spells=(
                spell(D(2024, 3, 1), id="a1", end_date=D(2025, 2, 28), contract_months=12, **POST),
                spell(D(2025, 3, 1), id="a2", contract_months=12, **POST),
            )
        ),
        D(2025, 3, 10),
        Status.ELIGIBLE,
        UNSET,
    ),
]


@pytest.mark.parametrize("case", WELFARE, ids=_ids(WELFARE))
def test_就业帮扶意见_第十三条_welfare_post_subsidy(policy: Policy, case: Case) -> None:
    _check(policy, "welfare_post_subsidy", case)


# -- 黔府发〔2023〕12号 第（十一）条: accident insurance for new-form workers, off by default -------


def test_黔府发2023_12号_第十一条_new_form_accident_insurance_off_by_default(
    policy: Policy,
) -> None:
    rule = policy.rule("new_form_accident_insurance")
    assert not rule.enabled
    assert rule not in policy.active_rules
    facts = person(spells=(spell(D(2025, 1, 1), form="灵活就业"),))
    assert evaluate_rule(rule, facts, D(2025, 6, 1)).status is Status.ELIGIBLE


def test_every_rule_has_a_table(policy: Policy) -> None:
    tested = {
        "transport_cross_county",
        "transport_cross_province_lifted",
        "transport_other_rural_cross_province",
        "job_search_export_in_province",
        "job_search_export_out_of_province",
        "tracking_service_agency",
        "absorb_three_kinds",
        "absorb_lifted",
        "absorb_returned",
        "absorb_long_unemployed",
        "absorb_graduate",
        "absorb_unemployed_youth",
        "training_living",
        "startup_once",
        "flexible_social_insurance",
        "welfare_post_subsidy",
        "new_form_accident_insurance",
    }
    assert {r.id for r in policy.rules} == tested


def test_reasons_explain_unmet_conditions_in_chinese(policy: Policy) -> None:
    facts = person(
        categories=LIFTED,
        spells=(spell(D(2025, 3, 5), place_code=IN_COUNTY, contract_months=None),),
    )
    result = evaluate_rule(policy.rule("tracking_service_agency"), facts, D(2025, 7, 1))
    unmet = [r.text for r in result.reasons if not r.met]
    assert "不是通过有组织劳务输出就业" in unmet
    assert any("劳动合同（协议）期限未登记" in t for t in unmet)


ALL_CASES = [
    c
    for table in (
        TRANSPORT_CROSS_COUNTY,
        TRANSPORT_004,
        TRANSPORT_OTHER,
        JOB_SEARCH_IN,
        JOB_SEARCH_OUT,
        TRACKING,
        ABSORB_THREE,
        ABSORB_LIFTED,
        ABSORB_RETURNED,
        ABSORB_LONG,
        ABSORB_GRADUATE,
        ABSORB_YOUTH,
        TRAINING,
        STARTUP,
        FLEXIBLE,
        WELFARE,
    )
    for c in table
]


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{i}_{c.name}" for i, c in enumerate(ALL_CASES)])
def test_bulk_path_matches_detailed_path(policy: Policy, case: Case) -> None:
    from fieldapp.policy.eligibility import evaluate_all, explain

    fast = {r.rule_id: r for r in evaluate_all(policy, [case.facts], case.on)}
    full = evaluate_all(policy, [case.facts], case.on, include_not_eligible=True)
    for slow in full:
        if slow.status is Status.NOT_ELIGIBLE:
            assert slow.rule_id not in fast
            continue
        quick = fast[slow.rule_id]
        assert (quick.status, quick.amount, quick.funding_source, quick.eligible_from) == (
            slow.status,
            slow.amount,
            slow.funding_source,
            slow.eligible_from,
        )
        assert (quick.event_id, quick.limit_key, quick.payee_name) == (
            slow.event_id,
            slow.limit_key,
            slow.payee_name,
        )
        assert explain(policy, quick, case.facts, case.on).reasons == slow.reasons


def test_a_claim_already_made_is_said_with_its_day_as_written(policy: Policy) -> None:
    """The reason under 已申领 read （已发放，2025-03-05 的事项）; now 2025年3月5日的事项."""
    claimed = ClaimFacts(
        "c1", "transport_cross_province_lifted", "transport|p1|ever", "已发放", D(2025, 3, 5)
    )
    facts = person(categories=LIFTED, spells=(spell(D(2025, 3, 5)),), claims=(claimed,))
    result = evaluate_rule(policy.rule("transport_cross_province_lifted"), facts, D(2025, 7, 1))
    assert result.status is Status.CLAIMED
    said = "\n".join(str(r) for r in result.reasons)
    assert "已申领（已发放，2025年3月5日的事项）" in said, said


def test_a_monthly_claim_already_made_is_not_said_as_the_jobs_first_day(policy: Policy) -> None:
    """乡村公益性岗位补贴 of March 2025, claimed: its 已申领 line read （已发放，2025年1月1日的事项）
    — the day the post began, in the row of March, as if March's claim were January's. A
    subsidy paid by the month (year) is claimed for the row's own month: no other day is said;
    one paid once for a job still names the job's day (above)."""
    post = spell(D(2025, 1, 1), contract_months=12, **POST)
    claimed = ClaimFacts(
        "w1",
        "welfare_post_subsidy",
        "welfare_post_subsidy|p1|month:2025-03",
        "已发放",
        D(2025, 1, 1),
    )
    facts = person(spells=(post,), claims=(claimed,))
    result = evaluate_rule(policy.rule("welfare_post_subsidy"), facts, D(2025, 3, 20))
    assert result.status is Status.CLAIMED
    said = "\n".join(str(r) for r in result.reasons)
    assert "已申领（已发放）" in said and "2025年1月1日" not in said, said
