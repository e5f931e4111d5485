"""Area codes: where a household lives, as nested digit prefixes (GB/T 2260, extended locally).

An area's code starts with its parent's: county (6 digits, `520502`) → township (9,
`520502100`) → village or relocation site (12; sites from `…901`) → group or building (15).
Provinces and cities keep the 6-digit form with zeros (`520000`, `520500`); their meaningful
prefix is shorter (`52`, `5205`). Everything that asks "is this inside that area?" or "what
county is this?" asks an `AreaCode` instead of slicing strings, and the store filters by
`prefix_range()` so SQLite walks the area index instead of scanning with `LIKE`.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple

from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import said, template
from fieldapp.domain.text_value import TextValue

#: A 12-digit code whose last three digits are above this is a relocation site, not a village.
SITE_BASE = 900


class AreaLevel(IntEnum):
    """A level of the area tree; its value is how many leading digits mean something."""

    PROVINCE = 2
    CITY = 4
    COUNTY = 6
    TOWNSHIP = 9
    VILLAGE = 12
    GROUP = 15

    @property
    def label(self) -> str:
        """The level's Chinese name."""
        return _LABELS[self]


_LABELS = {
    AreaLevel.PROVINCE: "省",
    AreaLevel.CITY: "市州",
    AreaLevel.COUNTY: "县",
    AreaLevel.TOWNSHIP: "乡镇",
    AreaLevel.VILLAGE: "村",
    AreaLevel.GROUP: "组",
}
_LENGTHS = (6, 9, 12, 15)


class InvalidAreaCode(ValidationFailed, ValueError):
    """Text that is not an area code (a ValueError too, so pydantic reports it as invalid)."""


#: Text (%1) that is no area code: not 6, 9, 12 or 15 digits, or a code with spaces around it.
CODE_LENGTH = template("区划代码“%1”应为 6、9、12 或 15 位数字")
SPACES_AROUND = template("区划代码“%1”前后不应有空白")


class AreaRow(NamedTuple):
    """An area as the ledger lists it (pickers, imports, rosters): code, name, kind, parent."""

    code: str
    name: str
    kind: str
    parent_code: str | None


class AreaCode(TextValue):
    """A valid area code (6, 9, 12 or 15 digits); a str, so it stores and sorts as text."""

    __slots__ = ()

    def __new__(cls, text: str) -> AreaCode:
        """Refuse anything but 6, 9, 12 or 15 digits, with a Chinese reason."""
        text = str(text).strip()
        if not text.isdigit() or len(text) not in _LENGTHS or not text.isascii():
            raise InvalidAreaCode(said(CODE_LENGTH, text))
        return super().__new__(cls, text)

    @classmethod
    def parse(cls, text: str | None) -> AreaCode | None:
        """The code in `text`, or None when it is blank or not a valid code."""
        try:
            return cls(text) if text else None
        except InvalidAreaCode:
            return None

    @property
    def level(self) -> AreaLevel:
        """County, township, village (or site), group (or building); province or city."""
        if len(self) > 6:
            return AreaLevel(len(self))
        if self.endswith("0000"):
            return AreaLevel.PROVINCE
        if self.endswith("00"):
            return AreaLevel.CITY
        return AreaLevel.COUNTY

    @property
    def prefix(self) -> str:
        """The digits every code inside this area starts with (`52` for `520000`)."""
        return self[: self.level.value]

    @property
    def is_site(self) -> bool:
        """True for a relocation site (a 12-digit code numbered above 900)."""
        return len(self) == 12 and int(self[9:]) > SITE_BASE

    @property
    def parent(self) -> AreaCode | None:
        """The area one level up; None above the province."""
        level = self.level
        if level is AreaLevel.PROVINCE:
            return None
        if level is AreaLevel.CITY:
            return AreaCode(self[:2] + "0000")
        if level is AreaLevel.COUNTY:
            return AreaCode(self[:4] + "00")
        return AreaCode(self[: level.value - 3])

    def ancestors(self) -> list[AreaCode]:
        """Every enclosing area, nearest first, up to the province."""
        found: list[AreaCode] = []
        current = self.parent
        while current is not None:
            found.append(current)
            current = current.parent
        return found

    def at(self, level: AreaLevel) -> AreaCode:
        """The enclosing area at `level` (itself when it is that level; not below it)."""
        if level.value >= len(self):
            return self
        if level.value <= 6:
            return AreaCode(self[: level.value].ljust(6, "0"))
        return AreaCode(self[: level.value])

    @property
    def county(self) -> AreaCode:
        """The 6-digit county (for a province or city code, itself)."""
        return self.at(AreaLevel.COUNTY)

    def contains(self, other: str | None) -> bool:
        """True when `other` is this area or lies inside it."""
        return bool(other) and str(other).startswith(self.prefix)

    def prefix_range(self) -> tuple[str, str]:
        """(lo, hi) with every code inside this area in `lo <= code < hi`: an index range scan."""
        return prefix_range(self.prefix)

    def __repr__(self) -> str:
        return f"AreaCode({str(self)!r})"


def prefix_range(prefix: str) -> tuple[str, str]:
    """(lo, hi) with exactly the strings starting with `prefix` in `lo <= s < hi` (non-empty)."""
    if not prefix:
        raise ValueError("an empty prefix has no upper bound")
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def area_prefix(area: str | None) -> str:
    """The prefix a filter on `area` matches: its meaningful digits, '' for no filter.

    A valid code is cut to its meaningful digits (`520000` → `52`); any other text (an old
    ledger's hand-made code) is taken as a plain prefix, as before.
    """
    if not area:
        return ""
    code = AreaCode.parse(area)
    return code.prefix if code is not None else str(area)


def area_at(code: str | None, level: AreaLevel) -> str:
    """The digits of `code` that name its area at `level`: `520502` for the county of
    `520502100203`, `52` for its province (a prefix, as `AreaCode.prefix` gives).

    Tolerant, for codes read back from a ledger or typed by hand: a code shorter than the
    level comes back as it is.
    """
    text = code or ""
    return text[: level.value] if len(text) > level.value else text


def in_area(code: str | None, area: str | None) -> bool:
    """True when `code` lies inside `area` (every code is inside no area, '' or None)."""
    prefix = area_prefix(area)
    return not prefix or (code or "").startswith(prefix)
