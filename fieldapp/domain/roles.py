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

from fieldapp.domain.sentences import Part, Sentence, Word, listed, said, template

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


#: A role that is no device's: the roles a device may have (%1, each `ROLE_CHOICE`).
NOT_A_DEVICE_ROLE = template("设备角色只能是：%1（县级汇总中心是中心自己）")
#: A role as a list of choices names it: its code (%1) and its name (%2).
ROLE_CHOICE = template("%1（%2）")
#: An area code (%1) of a length not the role's (%2 the kind of device, %3 the lengths).
SCOPE_LENGTH = template("区域代码「%1」不对：%2设备的区域代码应为 %3数字")
#: A length in digits (%1), and two said one or the other (%1 或 %2).
DIGITS = template("%1 位")
SPACED_OR = template("%1 或 %2")
#: An area code (%1) whose county (%2) is not Guizhou's, or whose township (%3) its county
#: (%2) does not have.
NOT_A_COUNTY = template("区域代码「%1」不对：%2 不是贵州省现行的县（市、区）代码")
NO_SUCH_TOWNSHIP = template("区域代码「%1」不对：%2没有代码为 %3 的乡镇（街道）")
#: A device's or a hub's name empty, too long (%1 the most, %2 its start, %3 its length), or
#: holding a character that cannot be shown.
NAME_EMPTY = template("不能为空")
NAME_TOO_LONG = template("最多 %1 个字，「%2…」有 %3 个")
NAME_UNSHOWN = template("中有不能显示的字符（换行、制表符等）")


def _or(parts: list[Part]) -> Part:
    """Parts said one or the other, spaced (6 位 或 9 位)."""
    return parts[0] if len(parts) == 1 else said(SPACED_OR, parts[0], _or(parts[1:]))


def scope_problem(role: Role, area_code: str) -> Sentence | None:
    """What is wrong (a Chinese sentence: 设备角色…, 区域代码…) with `area_code` as the area
    of a device enrolled as `role`, or None: the role is not a device's, or the code is not ASCII digits
    of a length the role is enrolled for. Whether the county and township exist is the
    division table's word, checked by the callers."""
    if role not in DEVICE_ROLES:
        choices: list[Part] = [
            said(ROLE_CHOICE, r.value, Word(ROLE_LABELS[r])) for r in DEVICE_ROLES
        ]
        return said(NOT_A_DEVICE_ROLE, listed(choices))
    lengths = SCOPE_LENGTHS[role]
    if area_code.isascii() and area_code.isdigit() and len(area_code) in lengths:
        return None
    wanted = _or([said(DIGITS, str(n)) for n in lengths])
    return said(SCOPE_LENGTH, area_code[:20], Word(role.device_kind), wanted)


def area_problem(role: Role, area_code: str, table: DivisionTable) -> Sentence | None:
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
        return said(NOT_A_COUNTY, area_code, area_code[:6])
    if len(area_code) >= 9 and table.get(area_code[:9]) is None:
        return said(NO_SUCH_TOWNSHIP, area_code, county.name, area_code[:9])
    return None


def party_name_problem(name: str) -> Sentence | None:
    """What is wrong (Chinese, to follow the name's kind: 设备名称…) with `name` as the name of
    a device or a hub, or None: empty, too long, or with a line break or another character
    that cannot be shown (a control, format or unassigned character)."""
    if not name or not name.strip():
        return said(NAME_EMPTY)
    if len(name) > PARTY_NAME_MAX:
        return said(NAME_TOO_LONG, str(PARTY_NAME_MAX), name[:20], str(len(name)))
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return said(NAME_UNSHOWN)
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
