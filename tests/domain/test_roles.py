"""Roles: codes, Chinese labels and parsing of what an operator types."""

from __future__ import annotations

import pytest

from fieldapp.domain.roles import DEFAULT_ROLE, DEVICE_ROLES, Role


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
