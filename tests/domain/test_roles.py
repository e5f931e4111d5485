"""Roles: codes, Chinese labels and parsing of what an operator types."""

from __future__ import annotations

import pytest

from fieldapp.domain.roles import (
    DEFAULT_ROLE,
    DEVICE_ROLES,
    Role,
    party_name_problem,
    scope_problem,
)


def test_codes_and_labels() -> None:
    assert [r.value for r in Role] == ["coordinator", "township", "county", "hub"]
    assert Role.COORDINATOR.label == "村/安置点专员"
    assert Role.TOWNSHIP.label == "乡镇"
    assert Role.COUNTY.label == "县级"
    assert Role.HUB.label == "县级汇总中心"
    assert Role.HUB not in DEVICE_ROLES
    assert DEFAULT_ROLE is Role.COORDINATOR


def test_parse_accepts_code_or_label() -> None:
    assert Role.parse("township") is Role.TOWNSHIP
    assert Role.parse(" 县级 ") is Role.COUNTY
    assert Role.parse(None, default=Role.COORDINATOR) is Role.COORDINATOR
    with pytest.raises(ValueError, match="不认识的角色「boss」"):
        Role.parse("boss")
    with pytest.raises(ValueError, match="未指定角色"):
        Role.parse("")


def test_the_enrolment_rules_the_hub_and_the_device_both_read() -> None:
    assert scope_problem(Role.COORDINATOR, "520502101001") is None
    assert scope_problem(Role.COORDINATOR, "520502101001001") is None
    assert scope_problem(Role.TOWNSHIP, "520502100") is None
    assert scope_problem(Role.COUNTY, "520502") is None
    assert scope_problem(Role.COORDINATOR, "520502") == (
        "区域代码「520502」不对：村/安置点设备的区域代码应为 12 位 或 15 位数字"
    )
    assert "9 位" in (scope_problem(Role.TOWNSHIP, "５２０５０２１００") or "")
    assert "县级汇总中心是中心自己" in (scope_problem(Role.HUB, "520502") or "")
    assert party_name_problem("红星村") is None
    assert party_name_problem("长" * 100) is None
    assert party_name_problem("") == party_name_problem("  ") == "不能为空"
    assert party_name_problem("长" * 101) == "最多 100 个字，「" + "长" * 20 + "…」有 101 个"
    for bad in ("红星\n村", "红\t星", "红星\u202e村", "\x1b[31m红"):
        assert party_name_problem(bad) == "中有不能显示的字符（换行、制表符等）"
