"""Roles: codes, Chinese labels and parsing of what an operator types."""

from __future__ import annotations

import pytest

from fieldapp.domain import roles
from fieldapp.domain.divisions import DivisionTable
from fieldapp.domain.roles import DEFAULT_ROLE, DEVICE_ROLES, Role
from fieldapp.domain.sentences import Sentence
from fieldapp.reference import divisions


def _said(problem: Sentence | None) -> str | None:
    """A problem as its Chinese sentence (each is a `Sentence`, said in the language shown)."""
    assert problem is None or isinstance(problem, Sentence)
    return None if problem is None else str(problem)


def scope_problem(role: Role, area_code: str) -> str | None:
    return _said(roles.scope_problem(role, area_code))


def area_problem(role: Role, area_code: str, table: DivisionTable) -> str | None:
    return _said(roles.area_problem(role, area_code, table))


def party_name_problem(name: str) -> str | None:
    return _said(roles.party_name_problem(name))


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


def test_the_area_check_the_hub_and_the_device_both_make() -> None:
    """One check of an enrolled area against the division table: the hub's `check_scope` and
    the device reading its enrolment file each add only their own advice to its words."""
    table = divisions()
    assert area_problem(Role.COORDINATOR, "520502101001", table) is None
    assert area_problem(Role.TOWNSHIP, "520502100", table) is None
    assert area_problem(Role.COUNTY, "520502", table) is None
    # The length rule first (`scope_problem`, as it says it).
    assert area_problem(Role.COORDINATOR, "520502", table) == scope_problem(
        Role.COORDINATOR, "520502"
    )
    assert "县级汇总中心是中心自己" in (area_problem(Role.HUB, "520502", table) or "")
    # A county of another province, or a prefecture's code where a county's belongs.
    assert area_problem(Role.COORDINATOR, "110101101001", table) == (
        "区域代码「110101101001」不对：110101 不是贵州省现行的县（市、区）代码"
    )
    assert area_problem(Role.COUNTY, "520500", table) == (
        "区域代码「520500」不对：520500 不是贵州省现行的县（市、区）代码"
    )
    # A township its county does not have, said with the county's name.
    assert area_problem(Role.TOWNSHIP, "520502999", table) == (
        "区域代码「520502999」不对：七星关区没有代码为 520502999 的乡镇（街道）"
    )
    assert area_problem(Role.COORDINATOR, "520502999001", table) == (
        "区域代码「520502999001」不对：七星关区没有代码为 520502999 的乡镇（街道）"
    )


def said_here() -> set[str]:
    """The templates of the enrolment rules' problems, each said by a check above (for
    `tests.services.test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`)."""
    from tests.services.sentence_checks import templates

    table = divisions()
    found = [
        roles.scope_problem(Role.HUB, "520502"),
        roles.scope_problem(Role.COORDINATOR, "520502"),
        roles.area_problem(Role.COORDINATOR, "110101101001", table),
        roles.area_problem(Role.TOWNSHIP, "520502999", table),
        roles.party_name_problem(""),
        roles.party_name_problem("长" * 101),
        roles.party_name_problem("红星\n村"),
    ]
    return {t for s in found if s is not None for t in templates(s)}


def test_each_template_of_the_rules_is_said() -> None:
    assert {
        roles.NOT_A_DEVICE_ROLE,
        roles.ROLE_CHOICE,
        roles.SCOPE_LENGTH,
        roles.DIGITS,
        roles.SPACED_OR,
        roles.NOT_A_COUNTY,
        roles.NO_SUCH_TOWNSHIP,
        roles.NAME_EMPTY,
        roles.NAME_TOO_LONG,
        roles.NAME_UNSHOWN,
    } <= said_here()
