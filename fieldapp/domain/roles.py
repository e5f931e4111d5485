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

from enum import StrEnum
from typing import TypeVar


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
