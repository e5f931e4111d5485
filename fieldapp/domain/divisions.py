"""Administrative divisions: Guizhou's counties and townships, and place names to region codes.

Guizhou (province → city → county → township) comes from the MCA 2025 code table bundled as
`fieldapp/resources/data/guizhou_areas.json` (see `tools/make_guizhou_areas.py`); villages are
not in any maintained package and are added locally as Area rows. Places elsewhere in China
(where people go to work) are resolved down to county level from python-stdnum's region table.

This module does no I/O: a `DivisionTable` is built from those tables' contents, which
`fieldapp.reference.divisions()` reads (once) from the package data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from fieldapp.domain.areacode import AreaCode

GUIZHOU = "520000"

#: Suffixes dropped to get the short form people write (广东省 → 广东, 东莞市 → 东莞).
_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "街道",
    "省",
    "市",
    "区",
    "县",
    "镇",
    "乡",
    "盟",
    "旗",
)
_NATIONALITY = re.compile(r"(?:[\u4e00-\u9fff]{1,4}?族)+$")


@dataclass(frozen=True)
class Division:
    """One administrative division: code, name, level and parent."""

    code: str
    name: str
    kind: str
    parent: str | None


def parse_national(text: str) -> dict[str, tuple[str, bool]]:
    """6-digit code → (latest name, still current), from python-stdnum's `loc.dat` text."""
    table: dict[str, tuple[str, bool]] = {}
    province = ""
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, props = line.strip().partition(" ")
        value = props.split("=", 1)[1].strip('"') if "=" in props else ""
        if not line.startswith(" "):
            province = code
            table[province + "0000"] = (value, True)
            continue
        last = [p for p in value.split(",") if p][-1]
        current = True
        if last.startswith("["):
            years, last = last[1:].split("]", 1)
            current = years.endswith("-")
        full = province + code
        if full.endswith("0000") or last in ("市辖区", "县", "省直辖县级行政区划"):
            continue
        table[full] = (last, current)
    return table


@dataclass(frozen=True)
class DivisionTable:
    """Guizhou's divisions, its retired county codes, and the national county table."""

    #: (code, parent, name, kind) rows of the Guizhou table.
    rows: Iterable[tuple[str, str | None, str, str]]
    #: Retired Guizhou county code → its last name.
    retired: dict[str, str] = field(default_factory=dict)
    #: National 6-digit code → (latest name, still current).
    national: dict[str, tuple[str, bool]] = field(default_factory=dict)

    @cached_property
    def _guizhou(self) -> dict[str, Division]:
        return {code: Division(code, name, kind, parent) for code, parent, name, kind in self.rows}

    @cached_property
    def _children(self) -> dict[str | None, list[Division]]:
        index: dict[str | None, list[Division]] = {}
        for division in self._guizhou.values():
            index.setdefault(division.parent, []).append(division)
        for kids in index.values():
            kids.sort(key=lambda d: d.code)
        return index

    def get(self, code: str) -> Division | None:
        """The Guizhou division with this code (province, city, county or township)."""
        return self._guizhou.get(str(code))

    def name(self, code: str) -> str | None:
        """The short name of a division (Guizhou to township level, elsewhere to county)."""
        found = self.get(code)
        if found is not None:
            return found.name
        return self.national.get(str(code), (None,))[0] if len(str(code)) == 6 else None

    def full_name(self, code: str) -> str:
        """'贵州省毕节市七星关区碧阳街道' for a Guizhou code (the code itself when unknown)."""
        names: list[str] = []
        current = self.get(code)
        while current is not None:
            names.append(current.name)
            current = self.get(current.parent) if current.parent else None
        return "".join(reversed(names)) or str(code)

    def children(self, code: str | None = None) -> list[Division]:
        """Sub-divisions: of the province (None or 520000: cities), a city, or a county."""
        return list(self._children.get(code or GUIZHOU, []))

    def counties(self) -> list[Division]:
        """Every current county-level division of Guizhou."""
        return sorted((d for d in self._guizhou.values() if d.kind == "县"), key=lambda d: d.code)

    def retired_codes(self) -> dict[str, str]:
        """Retired Guizhou county codes (still on older ID cards) and their last names."""
        return dict(self.retired)

    @cached_property
    def _place_index(self) -> dict[str, list[str]]:
        """Name form → current codes carrying it (nationally to county, Guizhou townships)."""
        index: dict[str, list[str]] = {}
        for code, (text, current) in self.national.items():
            if current:
                for form in short_forms(text):
                    index.setdefault(form, []).append(code)
        for division in self._guizhou.values():
            if division.kind == "乡镇":
                for form in short_forms(division.name):
                    index.setdefault(form, []).append(division.code)
        return index

    def resolve_place(self, text: str) -> str | None:
        """The most specific region code named by a place text ('广东省深圳市宝安区', '遵义汇川').

        The text is read left to right taking the longest known name at each point. A candidate
        scores by how many of its ancestors were named too ('贵州七星关' → 520502); ties go to
        the name written first (people write the broad place first); a bare township name
        counts only under its county; an unresolvable tie ('朝阳区': Beijing or Changchun) gives
        None.
        """
        text = re.sub(r"\s+", "", str(text or ""))
        index = self._place_index
        first_seen: dict[str, int] = {}
        pos = 0
        while pos < len(text) - 1:
            for size in range(min(len(text) - pos, 14), 1, -1):
                codes = index.get(text[pos : pos + size])
                if codes:
                    for code in codes:
                        first_seen.setdefault(code, pos)
                    pos += size
                    break
            else:
                pos += 1
        scored: list[tuple[int, int, int, str]] = []
        for code, at in first_seen.items():
            if len(code) > 6 and AreaCode(code).county not in first_seen:
                continue  # township names repeat across counties: trust them under their county
            support = sum(1 for a in _ancestors(code) if a in first_seen)
            scored.append((-support, at, -len(code.rstrip("0")), code))
        if not scored:
            return None
        scored.sort()
        best = scored[0]
        rivals = [s for s in scored[1:] if s[:2] == best[:2] and not _related(s[3], best[3])]
        return None if rivals else best[3]


def short_forms(text: str) -> list[str]:
    """The name and its short forms (黔东南苗族侗族自治州 → 黔东南), longest first."""
    forms = [text]
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            stem = text[: -len(suffix)]
            forms.append(stem)
            bare = _NATIONALITY.sub("", stem)
            if bare != stem and len(bare) >= 2:
                forms.append(bare)
            break
    return list(dict.fromkeys(forms))


def _ancestors(code: str) -> set[str]:
    """Province, city and county codes above a 6- or 9-digit code."""
    return set(AreaCode(code).ancestors())


def _related(a: str, b: str) -> bool:
    return a in _ancestors(b) or b in _ancestors(a)
