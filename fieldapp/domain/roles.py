"""Who a device speaks for: the role the hub fixes in a device's signed enrolment.

A role is not something a device claims: the county hub writes it into the enrolment it
signs (``fieldapp hub enroll --role``), the device stores it, and the hub re-checks every
change it receives against the role it enrolled the sender with (``fieldapp.services.trust``).

- ``coordinator`` (村/安置点专员): keeps the ledger of the villages or settlements in its area.
- ``township`` (乡镇): reviews the claims of its township's villages.
- ``county`` (县级): county review and payment; may correct any row in the county.
- ``hub`` (县级汇总中心): the hub itself; never a device's role.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from fieldapp.domain.divisions import DivisionTable


class Role(StrEnum):
    """A device's role, fixed by the hub in the enrolment it signs."""

    COORDINATOR = "coordinator"
    TOWNSHIP = "township"
    COUNTY = "county"
    HUB = "hub"

    @property
    def label(self) -> str:
        """The role's Chinese name, as a coordinator says it."""
        return ROLE_LABELS[self]

    @property
    def device_kind(self) -> str:
        """The kind of device enrolled with this role, as a sentence says it before 设备
        (本机为村/安置点设备): the place it serves, not the person's role (村/安置点专员)."""
        return DEVICE_KINDS[self]

    @classmethod
    def parse(cls, text: str | None, default: Role | None = None) -> Role:
        """The role named by ``text`` (its code or its Chinese label).

        ``None`` or an empty text gives ``default`` (when one is given). Anything else raises
        ``ValueError`` with a Chinese message listing the roles.
        """
        if text is None or not str(text).strip():
            if default is not None:
                return default
            raise ValueError("未指定角色；可选：" + "、".join(r.choice for r in DEVICE_ROLES))
        word = str(text).strip()
        for role in cls:
            if word == role.value or word == ROLE_LABELS[role]:
                return role
        raise ValueError(
            f"不认识的角色「{word}」；可选：" + "、".join(r.choice for r in DEVICE_ROLES)
        )

    @property
    def choice(self) -> str:
        """``code（中文）``, for lists of choices in messages."""
        return f"{self.value}（{self.label}）"


ROLE_LABELS: dict[Role, str] = {
    Role.COORDINATOR: "村/安置点专员",
    Role.TOWNSHIP: "乡镇",
    Role.COUNTY: "县级",
    Role.HUB: "县级汇总中心",
}

#: The kind of device each role is (`Role.device_kind`), said before 设备.
DEVICE_KINDS: dict[Role, str] = {
    Role.COORDINATOR: "村/安置点",
    Role.TOWNSHIP: "乡镇",
    Role.COUNTY: "县级",
    Role.HUB: "县级汇总中心",
}

#: The roles the hub may give an enrolled device (the hub's own role is not one of them).
DEVICE_ROLES: tuple[Role, ...] = (Role.COORDINATOR, Role.TOWNSHIP, Role.COUNTY)

#: The role an enrolment without one (older enrolments, ``--role`` left out) gives.
DEFAULT_ROLE: Role = Role.COORDINATOR

#: The length of the area code each role is enrolled for (village/site or group/building,
#: township, county): a coordinator enrolled with a county code would see and write the county.
#: The hub checks it when it enrols a device, the device again when it reads its enrolment.
SCOPE_LENGTHS: dict[Role, tuple[int, ...]] = {
    Role.COORDINATOR: (12, 15),
    Role.TOWNSHIP: (9,),
    Role.COUNTY: (6,),
}

#: The longest name of a device or a hub (every bundle names its sender and its recipient).
PARTY_NAME_MAX = 100


def scope_problem(role: Role, area_code: str) -> str | None:
    """What is wrong (a Chinese sentence: 设备角色…, 区域代码…) with `area_code` as the area
    of a device enrolled as `role`, or None: the role is not a device's, or the code is not ASCII digits
    of a length the role is enrolled for. Whether the county and township exist is the
    division table's word, checked by the callers."""
    if role not in DEVICE_ROLES:
        return (
            f"设备角色只能是：{'、'.join(r.choice for r in DEVICE_ROLES)}（县级汇总中心是中心自己）"
        )
    lengths = SCOPE_LENGTHS[role]
    if area_code.isascii() and area_code.isdigit() and len(area_code) in lengths:
        return None
    wanted = " 或 ".join(f"{n} 位" for n in lengths)
    return f"区域代码「{area_code[:20]}」不对：{role.device_kind}设备的区域代码应为 {wanted}数字"


def area_problem(role: Role, area_code: str, table: DivisionTable) -> str | None:
    """What is wrong (a Chinese sentence: 设备角色…, 区域代码「…」不对：…) with `area_code` as the
    area of a device enrolled as `role`, or None: `scope_problem`, then the division table's
    word (`reference.divisions()`, passed in: the domain reads no files): the county is not a
    current county of Guizhou, or the township is not one its county has. The hub checks it
    when it enrols a device, the device again when it reads its enrolment; each adds its own
    advice after the sentence."""
    if (problem := scope_problem(role, area_code)) is not None:
        return problem
    county = table.get(area_code[:6])
    if county is None or county.kind != "县":
        return f"区域代码「{area_code}」不对：{area_code[:6]} 不是贵州省现行的县（市、区）代码"
    if len(area_code) >= 9 and table.get(area_code[:9]) is None:
        return (
            f"区域代码「{area_code}」不对：{county.name}没有代码为 {area_code[:9]} 的乡镇（街道）"
        )
    return None


def party_name_problem(name: str) -> str | None:
    """What is wrong (Chinese, to follow the name's kind: 设备名称…) with `name` as the name of
    a device or a hub, or None: empty, too long, or with a line break or another character
    that cannot be shown (a control, format or unassigned character)."""
    if not name or not name.strip():
        return "不能为空"
    if len(name) > PARTY_NAME_MAX:
        return f"最多 {PARTY_NAME_MAX} 个字，「{name[:20]}…」有 {len(name)} 个"
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return "中有不能显示的字符（换行、制表符等）"
    return None


def signed_author(user: str, device: str | None) -> str:
    """The author recorded with a change: ``姓名@设备名称`` once the ledger is enrolled.

    The device name is the one the hub enrolled it under, and the hub checks it on every
    change, so the author can never claim another device, the county or the hub. An ``@`` in
    the person's own name becomes the full-width ``＠`` so that the text after the last ``@``
    is always the device.
    """
    name = (user or "").strip().replace("@", "＠") or "用户"
    return f"{name}@{device}" if device else name


def author_parts(author: str) -> tuple[str, str]:
    """(person, device) of a recorded author; the device is "" when none is named."""
    person, at, device = (author or "").rpartition("@")
    return (person, device) if at else (author or "", "")


#: How a hub without users names who did what at it: the computer's login account
#: (电脑账户 root), as the hub's own records and `hub devices` say it.
COMPUTER_ACCOUNT = "电脑账户 "

#: The same as the hub says it to the county's devices over HTTP: the server's login name is
#: the hub computer's business, not something every county laptop is told.
HUB_ACCOUNT_SAID = "汇总中心的电脑账户"

#: Whatever a record holds as who did it (a name, None, a value of another kind).
_By = TypeVar("_By")


def said_to_devices(by: _By) -> _By | str:
    """Who did something at the hub as a county device reads it (`GET /v1/status`, held
    changes): a person's name as it is, the hub computer's login account without its name."""
    if isinstance(by, str) and by.startswith(COMPUTER_ACCOUNT):
        return HUB_ACCOUNT_SAID
    return by
