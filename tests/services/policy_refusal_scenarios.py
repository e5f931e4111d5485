"""Scenarios: one refusal of each templated sentence of the policy's judge
(`fieldapp.policy.eligibility`, `fieldapp.policy.guard.repeated`) and of the write door's and
the hub's claim checks (`fieldapp.services.trust_check`), through their own functions."""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.domain.sentences import said
from fieldapp.policy import eligibility as e
from fieldapp.policy.combine import combine
from fieldapp.policy.guard import (
    ELSEWHERE_OUTSIDE,
    ELSEWHERE_TOWNSHIP,
    ELSEWHERE_VILLAGE,
    ClaimRow,
)
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services import trust_check as tc
from fieldapp.services.trust import Verdict, refuse
from tests.policy.helpers import COUNTY_PACK


@functools.cache
def policy() -> Policy:
    """The seeds' pack with the county's figures (`tests.policy.conftest.county_policy`)."""
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(COUNTY_PACK, "county.toml"))])


def _v(found: tuple[str, Any] | None) -> Verdict:
    assert found is not None
    return refuse(*found)


POST = {
    "person_id": "p1", "person_name": "王小明", "rule_id": "welfare_post_subsidy",
    "rule_title": "乡村公益性岗位补贴", "claim_date": "2026-06-05", "amount": 600.0,
    "limit_key": "welfare_post_subsidy|p1|month:2026-06", "spell_id": "s1", "state": "草稿",
}  # fmt: skip
TRANSPORT = {
    "person_id": "p1", "person_name": "王小明", "rule_id": "transport_cross_county",
    "rule_title": "一次性交通补助（跨县务工）", "claim_date": "2026-06-05",
    "event_date": "2026-05-01", "amount": 500.0, "spell_id": "s1", "state": "草稿",
    "limit_key": "transport_cross_county|p1|ever",
}  # fmt: skip
TRAINING = {
    "person_id": "p1", "person_name": "王小明", "rule_id": "training_living",
    "rule_title": "培训生活费补贴", "claim_date": "2026-06-05", "event_date": "2026-05-10",
    "amount": 200.0, "facts": json.dumps({"event_id": "t1"}), "state": "草稿",
    "limit_key": "training_living|p1|t1",
}  # fmt: skip
ABSORB = {
    "person_id": "p1", "person_name": "王小明", "rule_id": "absorb_three_kinds",
    "rule_title": "一次性吸纳就业补贴（吸纳三类人员）", "claim_date": "2026-06-05",
    "event_date": "2026-05-01", "amount": 500.0, "spell_id": "s1", "payee": "用人单位",
    "payee_name": "红星公司", "state": "草稿", "limit_key": "absorb_three_kinds|p1|s1",
}  # fmt: skip
JOB = {"person_id": "p1", "start_date": "2026-05-01", "employer": "红星公司", "deleted": 0}
FROZEN_JOB = {
    "spell": {"id": "s1", "person_id": "p1", "start_date": "2026-05-01", "place_code": "440300",
              "form": "灵活就业", "organized_export": True},
}  # fmt: skip


def _first(**extra: Any) -> ClaimRow:
    return ClaimRow.of(
        "c0",
        {**POST, "state": "已提交", "created_by": "张三@红星村",
         "created_at": "2026-06-05T01:00:00+00:00", **extra},
    )  # fmt: skip


def _claim(row: dict[str, Any]) -> ClaimRow:
    return ClaimRow.of("c1", row)


SCENARIOS: dict[str, Callable[[], Verdict]] = {
    # eligibility.claim_beyond_policy
    "undated": lambda: _v(e.claim_beyond_policy(policy(), {**POST, "claim_date": None})),
    "undated_unnamed": lambda: _v(
        e.claim_beyond_policy(policy(), {**POST, "claim_date": None, "person_name": ""})
    ),
    "zero": lambda: _v(e.claim_beyond_policy(policy(), {**POST, "amount": 0})),
    "period": lambda: _v(
        e.claim_beyond_policy(
            policy(), {**POST, "limit_key": "welfare_post_subsidy|p1|month:2026-05"}
        )
    ),
    "period_unwritten": lambda: _v(e.claim_beyond_policy(policy(), {**POST, "limit_key": ""})),
    "period_odd": lambda: _v(
        e.claim_beyond_policy(policy(), {**POST, "limit_key": "x|p1|month:2026-13"})
    ),
    "above_month": lambda: _v(e.claim_beyond_policy(policy(), {**POST, "amount": 900.0})),
    "above_event": lambda: _v(e.claim_beyond_policy(policy(), {**TRANSPORT, "amount": 900.0})),
    "above_unset": lambda: _v(
        e.claim_beyond_policy(
            policy(),
            {
                **TRANSPORT,
                "rule_id": "startup_once",
                "rule_title": "一次性自主创业补贴",
                "limit_key": "startup_once|p1|ever",
            },
        )
    ),  # fmt: skip
    "above_uncited": lambda: _v(
        e.claim_beyond_policy(
            policy(),
            {
                **TRANSPORT,
                "rule_id": "transport_other_rural_cross_province",
                "amount": 900.0,
                "limit_key": "transport_other_rural_cross_province|p1|ever",
            },
        )
    ),  # fmt: skip
    # eligibility.claim_not_yet_due
    "future_month": lambda: _v(e.claim_not_yet_due(POST, dt.date(2026, 5, 3))),
    "future_year": lambda: _v(
        e.claim_not_yet_due(
            {
                **POST,
                "limit_key": "",
                "limit_kind": "once_per_year",
                "person_name": "",
                "rule_title": "",
            },
            dt.date(2026, 5, 3),
            "中心收到时",
        )
    ),  # fmt: skip
    "future_event": lambda: _v(
        e.claim_not_yet_due(
            {**TRANSPORT, "limit_key": "x|p1|ever"}, dt.date(2026, 5, 3), "中心今天"
        )
    ),
    "future_undated_event": lambda: _v(
        e.claim_not_yet_due({**TRANSPORT, "limit_key": "", "event_date": None}, dt.date(2026, 5, 3))
    ),
    # eligibility.claim_category_unfounded
    "category_day": lambda: _v(
        e.claim_category_unfounded(
            policy(),
            {**TRANSPORT, "facts": json.dumps({"categories": ["脱贫人口", "防返贫监测对象"]})},
            [],
        )
    ),
    "category_month": lambda: _v(
        e.claim_category_unfounded(
            policy(),
            {**POST, "person_name": "", "facts": json.dumps({"categories": ["脱贫人口"]})},
            [],
        )
    ),
    # eligibility.claim_job_altered
    "job_altered": lambda: _v(
        e.claim_job_altered(
            {**TRANSPORT, "facts": json.dumps(FROZEN_JOB)},
            {**JOB, "id": "s1", "place_code": "520502", "form": "单位就业", "organized_export": 0},
        )
    ),
    "job_altered_unrecorded": lambda: _v(
        e.claim_job_altered(
            {**TRANSPORT, "facts": json.dumps(FROZEN_JOB)},
            {**JOB, "id": "s1", "place_code": "", "form": "灵活就业", "organized_export": 1},
        )
    ),
    # eligibility.claim_facts_unfounded
    "facts_said": lambda: _v(
        e.claim_facts_unfounded(
            policy(),
            {
                **ABSORB,
                "rule_id": "absorb_long_unemployed",
                "rule_title": "一次性吸纳就业补贴",
                "facts": json.dumps({"reasons": ["✓ 入职前登记失业8个月（2024-10-01 起）"]}),
            },
            {"id": "p1"},
            [],
            [],
        )
    ),  # fmt: skip
    "facts_unsaid": lambda: _v(
        e.claim_facts_unfounded(
            policy(), {**ABSORB, "rule_id": "absorb_long_unemployed"}, {"id": "p1"}, [], []
        )
    ),
    # eligibility.claim_event_unfounded
    "event_missing": lambda: _v(e.claim_event_unfounded(policy(), TRANSPORT, None)),
    "event_missing_training": lambda: _v(
        e.claim_event_unfounded(policy(), {**TRAINING, "event_date": None, "person_name": ""}, None)
    ),
    "event_day": lambda: _v(
        e.claim_event_unfounded(policy(), TRANSPORT, {**JOB, "start_date": "2026-04-01"})
    ),
    "event_day_unwritten": lambda: _v(
        e.claim_event_unfounded(
            policy(),
            {**TRAINING, "event_date": None},
            {"person_id": "p1", "service_type": "职业培训", "service_date": "2026-05-10"},
        )
    ),
    "event_day_unrecorded": lambda: _v(
        e.claim_event_unfounded(
            policy(),
            TRAINING,
            {"person_id": "p1", "service_type": "职业培训", "service_date": None},
        )
    ),
    "event_key": lambda: _v(
        e.claim_event_unfounded(policy(), {**TRANSPORT, "limit_key": "made-up"}, JOB)
    ),
    # eligibility.claim_month_unfounded
    "month_no_job": lambda: _v(e.claim_month_unfounded(policy(), {**POST, "spell_id": ""}, None)),
    "month_job_missing": lambda: _v(
        e.claim_month_unfounded(policy(), {**POST, "person_name": ""}, None)
    ),
    "month_not_at_work": lambda: _v(
        e.claim_month_unfounded(
            policy(), POST, {**JOB, "start_date": "2026-01-01", "end_date": "2026-05-20"}
        )
    ),
    "month_not_yet_at_work": lambda: _v(
        e.claim_month_unfounded(policy(), POST, {**JOB, "start_date": "2026-07-01"})
    ),
    "month_undated_job": lambda: _v(
        e.claim_month_unfounded(policy(), POST, {**JOB, "start_date": None})
    ),
    # eligibility.claim_person_wrong
    "person_wrong": lambda: _v(
        e.claim_person_wrong(
            {**POST, "id_number": "520502199001011234"},
            {"name": "王晓明", "id_number": "520502199001011234"},
        )
    ),
    # eligibility.claim_person_deleted
    "person_deleted": lambda: _v(
        e.claim_person_deleted(
            POST, {"name": "王小明", "id_number": "520502199001011234", "deleted": 1}
        )
    ),  # fmt: skip
    "person_deleted_untitled": lambda: _v(
        e.claim_person_deleted({**POST, "rule_title": ""}, {"name": "", "deleted": 1})
    ),
    # eligibility.claim_payee_wrong
    "payee_kind": lambda: _v(e.claim_payee_wrong(policy(), {**POST, "payee": "用人单位"}, None)),
    "payee_kind_named": lambda: _v(
        e.claim_payee_wrong(policy(), {**ABSORB, "payee": "个人", "payee_name": "王小明"}, None)
    ),
    "payee_name": lambda: _v(
        e.claim_payee_wrong(policy(), ABSORB, {**JOB, "employer": "黑山公司"})
    ),
    "payee_unrecorded": lambda: _v(e.claim_payee_wrong(policy(), ABSORB, {**JOB, "employer": ""})),
    "payee_blank": lambda: _v(
        e.claim_payee_wrong(policy(), {**ABSORB, "payee_name": ""}, {**JOB, "employer": "黑山公司"})
    ),
    # eligibility.claim_category_unmet
    "category_unmet": lambda: _v(e.claim_category_unmet(policy(), TRANSPORT, [])),
    # eligibility.claim_category_excluded
    "category_excluded": lambda: _v(
        e.claim_category_excluded(
            policy(),
            {
                **TRANSPORT,
                "rule_id": "transport_other_rural_cross_province",
                "rule_title": "一次性交通补助（其他农村劳动力新跨省务工）",
            },
            [{"person_id": "p1", "category": "脱贫人口", "start_date": "2016-01-01"}],
        )
    ),  # fmt: skip
    # eligibility.claim_named_wrong
    "named_wrong": lambda: _v(
        e.claim_named_wrong(
            policy(),
            {**TRANSPORT, "rule_title": "一次性创业补贴", "source_clause": "黔府发〔2023〕12号"},
        )
    ),
    # eligibility.claim_out_of_force
    "out_of_force": lambda: _v(
        e.claim_out_of_force(
            policy(),
            {
                **TRANSPORT,
                "rule_id": "transport_cross_province_lifted",
                "rule_title": "一次性交通补助（脱贫人口新跨省务工）",
            },
        )
    ),  # fmt: skip
    # eligibility.claim_funding_wrong
    "funding": lambda: _v(
        e.claim_funding_wrong(policy(), {**TRANSPORT, "funding_source": "衔接推进乡村振兴补助资金"})
    ),
    # trust_check.made_out_of_time (its day kept, or its stamp's) and _kept_by_stamp
    "made_before": lambda: tc.made_out_of_time(
        None, {**POST, "applied_on": "2026-06-01"}, dt.date(2026, 6, 6)
    ),
    "made_before_stamp": lambda: tc.made_out_of_time(
        "1780000000000-0000/d:1",
        {**POST, "person_name": "", "rule_title": ""},
        dt.date(2026, 6, 6),
    ),  # fmt: skip
    "made_after": lambda: tc.made_out_of_time(
        None, {**POST, "applied_on": "2026-06-20"}, dt.date(2026, 6, 6)
    ),
    "made_unreadable": lambda: tc.made_out_of_time(
        None, {**POST, "applied_on": "2026-06-xx"}, dt.date(2026, 6, 6)
    ),
    "made_by_stamp": lambda: tc.made_out_of_time(
        "1780000000000-0000/d:1",
        {**POST, "applied_on": "2026-06-05"},
        dt.date(2026, 6, 6),
        sets_day=True,
    ),  # fmt: skip
    "made_by_unreadable_stamp": lambda: tc.made_out_of_time(
        "x-0000/d:1", {**POST, "applied_on": "2026-06-05"}, dt.date(2026, 6, 6), sets_day=True
    ),
    # trust_check's policy judge: a subsidy no pack holds, a repeat, a twin
    "rule_unheld": lambda: tc.rule_unheld({**POST, "rule_title": ""}),
    "rule_unheld_named": lambda: tc.rule_unheld(POST),
    "repeat": lambda: tc.repeat_refused(_claim({**POST, "state": "村审核"}), _first(), policy()),
    "repeat_year_unnamed": lambda: tc.repeat_refused(
        _claim({**POST, "person_name": "", "limit_key": "x|p1|year:2026", "rule_title": ""}),
        _first(rule_id="other", rule_title="", created_at=None, limit_key="x|p1|year:2026"),
        None,
    ),
    "repeat_odd_month_anonymous": lambda: tc.repeat_refused(
        _claim({**POST, "limit_key": "x|p1|month:2026-ab"}), _first(created_by=None), None
    ),
    # … told to a device the first claim lies outside the area of (`tc.repeat_place`)
    "repeat_elsewhere_village": lambda: tc.repeat_refused(
        _claim({**POST, "state": "村审核"}), _first(), policy(), said(ELSEWHERE_VILLAGE)
    ),
    "repeat_elsewhere_township": lambda: tc.repeat_refused(
        _claim({**POST, "state": "乡镇审核", "rule_title": ""}),
        _first(),
        policy(),
        said(ELSEWHERE_TOWNSHIP),
    ),  # fmt: skip
    "twin_elsewhere_outside": lambda: tc.twin_refused(
        _claim(ABSORB), _first(), policy(), ABSORB, said(ELSEWHERE_OUTSIDE)
    ),
    "twin_job": lambda: tc.twin_refused(_claim(ABSORB), _first(), policy(), ABSORB),
    "twin_training": lambda: tc.twin_refused(_claim(TRAINING), _first(), policy(), TRAINING),
    # trust_check._judge: a change's parents
    "parents": lambda: tc.parents_elsewhere("1780000000000-0001/d:2"),
    "partial_row": lambda: tc.partial_row("employment_spells"),
}
