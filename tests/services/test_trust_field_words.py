"""A value the hub holds as malformed names its field as that table calls it: an area's name is
its 名称 (a person's is 姓名), as the held-change lists and the conflict review say."""

from __future__ import annotations

from fieldapp.domain.roles import Role
from fieldapp.services.trust import Actor, Context, Proposal, check_values


def test_a_malformed_area_name_is_called_its_名称() -> None:
    """It read 区域的姓名「123」不合格."""
    area = {"code": "520502001001", "name": 123, "kind": "村", "parent_code": "520502001"}
    verdict = check_values(Actor(Role.HUB, None), Proposal("areas", "r1", area), Context())
    assert verdict.rule == "malformed"
    assert verdict.reason.startswith("区域的名称「123」"), verdict.reason
