"""Finding (or creating) the Area a spreadsheet row's address columns name.

Codes are prefixes of one another: county (6 digits) → township (9) → village or relocation
site (12) → group or building (15). Counties and townships are the official ones (MCA table);
villages, groups, sites and buildings found by name under their parent are reused, and new
ones get the next free local code (sites from 901, so they never collide with villages) —
except on a village or site's own enrolled laptop: the county gave it its code, so the first
village (or site) its sheet names that the ledger does not know yet takes that code, the only
one below its township it may write.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from fieldapp.domain.areacode import AreaCode, AreaLevel, AreaRow
from fieldapp.domain.divisions import short_forms
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.sentences import said, template
from fieldapp.reference import divisions
from fieldapp.store.ledger import natural_id
from fieldapp.tabular.cells import ANY_SPACE, CellError, nfkc

SITE_BASE = 900

# A row's place refused (`AreaResolver.resolve`), each with what the row or the tables name.
#: … and the code of the place under which no code is free.
FULL_BELOW = template("%1 下的地点已满 999 个，无法再新建")
NOT_CURRENT = template("区划代码 %1 不是贵州省现行的县或乡镇代码")
NO_COUNTY = template("贵州省内找不到县（市、区）“%1”")
TWO_COUNTIES = template("县（市、区）“%1”有重名，请填写区划代码")
#: … the county's name and the township's as written.
NO_TOWNSHIP = template("%1下找不到乡镇（街道）“%2”")
COUNTY_MISSING = template("请填写县（市、区）或区划代码")
TOWNSHIP_MISSING = template("填写了村或安置点，但没有填写乡镇（街道）")
CODE_LENGTH = template("区划代码“%1”应为 6、9、12 或 15 位数字")
_VILLAGE_SUFFIX = re.compile(r"(村民委员会|居民委员会|村委会|居委会|社区居委会|委员会)$")
#: How a relocation site's name ends or not, as people write it (幸福社区安置点 / 幸福社区).
_SITE_SUFFIX = re.compile(r"(易地扶贫搬迁|易地搬迁)?(集中安置点|安置点|安置区|安置小区)$")
_LEVEL_LENGTH = {AreaKind.COUNTY: 6, AreaKind.TOWNSHIP: 9}


class PlaceRef(NamedTuple):
    """The address columns of one row, as typed (a tuple: one is made per imported row)."""

    county: str = ""
    township: str = ""
    village: str = ""
    group: str = ""
    site: str = ""
    building: str = ""
    code: str = ""

    def shown(self) -> str:
        """The filled address columns as the row writes them (the code where given)."""
        if self.code:
            return self.code.strip()
        names = (self.township, self.village, self.group, self.site, self.building)
        return " ".join(n.strip() for n in names if n.strip()) or self.county.strip()

    def is_blank(self) -> bool:
        """True when no address column was filled."""
        return (
            not any((self.county, self.township, self.village, self.group, self.site, self.code))
            and not self.building
        )


def place_typed(texts: Mapping[str, str]) -> PlaceRef:
    """The address columns of one row (`Table.records`' texts: each filled cell as text), its
    区划代码 as NFKC (a full-width code read as the digits it shows)."""
    get = texts.get
    return PlaceRef(
        get("county", ""),
        get("township", ""),
        get("village", ""),
        get("group", ""),
        get("site", ""),
        building=get("building", ""),
        code=nfkc(get("area_code", "")),
    )


def names_a_village(ref: PlaceRef) -> bool:
    """Whether a row's address ends at a village — 村（社区）named (with a township's code, or
    none), or a village's code — below which a 村民组 would be put; not a site (安置点), and
    not a row naming its group already."""
    if ref.site or ref.group:
        return False
    if not ref.code:
        return bool(ref.village)
    code = AreaCode.parse(ANY_SPACE.sub("", ref.code))
    if code is None:
        return False
    if code.level is AreaLevel.TOWNSHIP:
        return bool(ref.village)
    return code.level is AreaLevel.VILLAGE and not code.is_site


#: A 村民组 by its number, as people write it: 一组, 第一组, 1组, 01组, 十二组, 一村民组, 第1小组.
_GROUP_NUMBERED = re.compile(r"第?([0-9]{1,3}|[一二三四五六七八九十]{1,3})(?:村民)?小?组")
_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def _group_number(text: str) -> int | None:
    """The number a 村民组's name gives it (第十二组: 12); None for a name that is not one."""
    match = _GROUP_NUMBERED.fullmatch(text)
    if match is None:
        return None
    written = match.group(1)
    if written.isascii():
        return int(written) or None
    tens, ten, ones = written.partition("十")
    if not ten:
        return _NUMERALS[written] if len(written) == 1 else None
    if len(tens) > 1 or len(ones) > 1:
        return None
    return _NUMERALS.get(tens, 1) * 10 + _NUMERALS.get(ones, 0) if "十" not in ones else None


def _forms(text: str) -> list[str]:
    """Ways the same place is written: 碧阳街道 / 碧阳; 大坝村委会 / 大坝村 / 大坝; a group by
    its number (一组 / 第一组 / 1组 / 01组: 1组)."""
    text = ANY_SPACE.sub("", text)
    base = _VILLAGE_SUFFIX.sub("", text)
    forms = [text, base, *short_forms(base)]
    if (number := _group_number(text)) is not None:
        forms.append(f"{number}组")
    bare = _SITE_SUFFIX.sub("", base)
    if bare and bare != base:
        forms.append(bare)
    if base and not base.endswith(("村", "组", "社区", "栋")):
        forms.append(base + "村")
    return [f for f in dict.fromkeys(forms) if f]


def _key(name: str) -> str:
    """One form of a place's name that its other forms share (大坝村委会, 大坝村, 大坝: 大坝)."""
    return min(_forms(name), key=lambda form: (len(form), form), default="")


class AreaResolver:
    """Resolves rows' address columns against the ledger's areas and the official table."""

    def __init__(
        self, existing: list[AreaRow], own: str | None = None, *, renames: bool = True
    ) -> None:
        """`own`: the enrolled device's area code (its scope); a village or site code the
        ledger has no row for yet is given to the first new place of that level below its
        township. `renames`: the device may name a village the ledger holds by its code (the
        county's, or a ledger never enrolled: the area tree is the county's to keep)."""
        code = AreaCode.parse(own) if own else None
        self.own = code if code is not None and code.level is AreaLevel.VILLAGE else None
        self.by_code: dict[str, tuple[str, str, str | None]] = {
            a.code: (a.name, a.kind, a.parent_code) for a in existing
        }
        self._children: dict[str | None, dict[str, str]] = {}
        for a in existing:
            self._index(a.code, a.name, a.parent_code)
        #: The counties among them, in order (kept as areas are made: a row's county was found
        #: by going through every area, a county's thousands for each row).
        self._counties = [c for c, (_, kind, _) in self.by_code.items() if kind == AreaKind.COUNTY]
        self.created: list[dict[str, object]] = []
        #: Villages (sites) the ledger held by their code alone that a row named: code → name,
        #: for the import to write (`named_by`).
        self.renamed: dict[str, str] = {}
        self.renames = renames

    def _index(self, code: str, name: str, parent: str | None) -> None:
        names = self._children.setdefault(parent, {})
        for form in _forms(name):
            names.setdefault(form, code)

    def _child(self, parent: str | None, name: str) -> str | None:
        names = self._children.get(parent, {})
        for form in _forms(name):
            if form in names:
                return names[form]
        return None

    def _create(self, code: str, name: str, kind: AreaKind, parent: str | None) -> str:
        code, parent = str(code), parent and str(parent)  # plain text into the ledger
        if code in self.by_code:
            return code
        self.by_code[code] = (name, kind.value, parent)
        self._index(code, name, parent)
        if kind is AreaKind.COUNTY:
            self._counties.append(code)
        self.created.append(
            {
                "id": natural_id("areas", code),
                "code": code,
                "name": name,
                "kind": kind.value,
                "parent_code": parent,
            }
        )
        return code

    def _next_code(self, parent: str, base: int = 0) -> str:
        used = {
            int(code[len(parent) :])
            for code in self.by_code
            if code.startswith(parent) and len(code) == len(parent) + 3
        }
        number = base + 1
        while number in used:
            number += 1
        if number > 999:
            raise CellError(said(FULL_BELOW, parent))
        return f"{parent}{number:03d}"

    # -- official levels --------------------------------------------------------------------

    def _official(self, code: str) -> str:
        """Make sure an official county or township is in the ledger (created from the table)."""
        code = str(code)
        if code in self.by_code:
            return code
        division = divisions().get(code)
        if division is None:
            raise CellError(said(NOT_CURRENT, code))
        kind = AreaKind.COUNTY if len(code) == 6 else AreaKind.TOWNSHIP
        if kind is AreaKind.TOWNSHIP:
            self._official(AreaCode(code).county)
        return self._create(code, division.name, kind, division.parent)

    def _county(self, name: str) -> str:
        for code in self._counties:
            if set(_forms(name)) & set(_forms(self.by_code[code][0])):
                return code
        matches = [
            d.code for d in divisions().counties() if set(_forms(name)) & set(_forms(d.name))
        ]
        if len(matches) == 1:
            return self._official(matches[0])
        if not matches:
            raise CellError(said(NO_COUNTY, name))
        raise CellError(said(TWO_COUNTIES, name))

    def _township(self, county: str, name: str) -> str:
        found = self._child(county, name)
        if found:
            return found
        for division in divisions().children(county):
            if set(_forms(name)) & set(_forms(division.name)):
                return self._official(division.code)
        county_name = self.by_code[county][0]
        raise CellError(said(NO_TOWNSHIP, county_name, name))

    def _default_county(self) -> str | None:
        return self._counties[0] if len(self._counties) == 1 else None

    # -- public ------------------------------------------------------------------------------

    def names_place(self, ref: PlaceRef, code: str) -> bool:
        """True when a row's address columns name the area `code` (another form of a name, a
        level left blank, a code of the area or above it all do); nothing is created. The
        county is not compared (its name has official forms of its own)."""
        if ref.code:
            given = AreaCode.parse(ANY_SPACE.sub("", ref.code))
            return given is None or code.startswith(str(given))
        chain: dict[str, str] = {}
        at: str | None = code
        while at and at in self.by_code and len(chain) < 8:
            name, kind, parent = self.by_code[at]
            chain[kind] = name
            at = parent
        for kind, given_name in (
            (AreaKind.TOWNSHIP, ref.township),
            (AreaKind.VILLAGE, ref.village),
            (AreaKind.GROUP, ref.group),
            (AreaKind.SITE, ref.site),
            (AreaKind.BUILDING, ref.building),
        ):
            if not given_name.strip():
                continue
            held = chain.get(kind.value)
            if held is None or not set(_forms(held)) & set(_forms(given_name)):
                return False
        return True

    def village_key(self, ref: PlaceRef) -> str:
        """Which village a row naming one (`names_a_village`) names, to tell two rows' villages
        apart; nothing is created. Its code where the row or the ledger gives it (the ledger's
        大坝村 written by name or by code alike), else its township's and its own name in a
        form their other forms share (大坝村委会 and 大坝村 alike)."""
        township = ""
        if ref.code:
            code = AreaCode.parse(ANY_SPACE.sub("", ref.code))
            if code is not None and code.level >= AreaLevel.VILLAGE:
                return str(code.at(AreaLevel.VILLAGE))
            township = str(code) if code is not None else ""
        elif ref.township:
            found = (self._child(county, ref.township) for county in self._counties)
            township = next((code for code in found if code), "") or _key(ref.township)
        return self._child(township, ref.village) or f"{township}/{_key(ref.village)}"

    def named_by(self, ref: PlaceRef) -> str:
        """A village (site) held by its code alone — made so by a row giving only its 区划代码,
        here or by an import before — named by a row giving its code and its 村（社区）
        (安置点): named so. Its code when the ledger held it (its name to write, `renamed`;
        left as it is on a device that may not, `renames`), else ''."""
        if not ref.code or not (ref.village or ref.site):
            return ""
        code = AreaCode.parse(ANY_SPACE.sub("", ref.code))
        if code is None or code.level < AreaLevel.VILLAGE:
            return ""
        village = str(code.at(AreaLevel.VILLAGE))
        held = self.by_code.get(village)
        if held is None or held[0] != village:
            return ""
        name = (ref.site if held[1] == AreaKind.SITE.value else ref.village).strip()
        if not name or village in self.renamed:
            return ""
        made = next((area for area in self.created if area["code"] == village), None)
        if made is None and not self.renames:
            self.renamed[village] = name  # (the ledger's name left as it is)
            return village
        self.by_code[village] = (name, held[1], held[2])
        self._index(village, name, held[2])
        if made is not None:
            made["name"] = name
            return ""
        self.renamed[village] = name
        return village

    def path_of(self, code: str) -> str:
        """The area's names from its county down (七星关区 碧阳街道 大坝村)."""
        names: list[str] = []
        at: str | None = code
        while at and at in self.by_code and len(names) < 8:
            name, kind, parent = self.by_code[at]
            names.append(name)
            if kind == AreaKind.COUNTY.value:
                break
            at = parent
        return " ".join(reversed(names)) or code

    def place_said(self, ref: PlaceRef) -> str:
        """A row's address columns in words: the names as written; a 区划代码 by what the
        ledger or the division table names it, the code after it as typed (七星关区 碧阳街道
        红岩村（520502010002）, 七星关区碧阳街道的一个村（520502010099）) — a coordinator
        reads no code's digits, and finds the row by them."""
        if not ref.code:
            return ref.shown()
        code = ANY_SPACE.sub("", ref.code)
        if code in self.by_code:
            words = self.path_of(code)
        else:
            words = say_place(code, divisions(), wording=PlaceWording.SENTENCE)
        return code if not words or code in words else f"{words}（{code}）"

    def resolve(self, ref: PlaceRef) -> str:
        """The area code for a row's address (creating local areas as needed); '' when blank."""
        if ref.code:
            return self._by_code(ref)
        if ref.is_blank():
            return ""
        if ref.county:
            county = self._county(ref.county)
        else:
            default = self._default_county()
            if default is None:
                raise CellError(said(COUNTY_MISSING))
            county = default
        code = county
        if ref.township:
            code = self._township(county, ref.township)
        elif ref.village or ref.site:
            raise CellError(said(TOWNSHIP_MISSING))
        if ref.site:
            code = self._local(code, ref.site, AreaKind.SITE, SITE_BASE)
            if ref.building:
                code = self._local(code, ref.building, AreaKind.BUILDING)
        elif ref.village:
            code = self._local(code, ref.village, AreaKind.VILLAGE)
            if ref.group:
                code = self._local(code, ref.group, AreaKind.GROUP)
        return code

    def _local(self, parent: str, name: str, kind: AreaKind, base: int = 0) -> str:
        found = self._child(parent, name)
        if found:
            return found
        code = self._own_code(parent, kind) or self._next_code(parent, base)
        return self._create(code, name.strip(), kind, parent)

    def _own_code(self, parent: str, kind: AreaKind) -> str | None:
        """The device's own code, when a new place of its kind below its township may be it
        (not yet named in the ledger, nor taken by an earlier row of this import)."""
        own = self.own
        if own is None or own in self.by_code or own[:-3] != parent:
            return None  # (a group's or building's parent is a village: never the township)
        return str(own) if own.is_site == (kind is AreaKind.SITE) else None

    def _by_code(self, ref: PlaceRef) -> str:
        code = AreaCode.parse(ANY_SPACE.sub("", ref.code))
        if code is None or code.level < AreaLevel.COUNTY:
            raise CellError(said(CODE_LENGTH, ref.code))
        if code in self.by_code:
            # Known (an earlier row made it, or the ledger holds it): a place named below it
            # still is, on every row — not only on the row that made the code's place.
            return self._named_below(str(code), code.level, ref)  # plain text into the ledger
        self._official(code.county)
        if code.level >= AreaLevel.TOWNSHIP:
            self._official(code.at(AreaLevel.TOWNSHIP))
        if code.level >= AreaLevel.VILLAGE:
            village = code.at(AreaLevel.VILLAGE)
            # A site's code says so itself (numbered above 900), whatever columns are filled.
            is_site = village.is_site or (bool(ref.site) and not ref.village)
            name = (ref.site if is_site else ref.village) or str(village)
            kind = AreaKind.SITE if is_site else AreaKind.VILLAGE
            self._create(village, name, kind, village.parent)
            if code.level == AreaLevel.GROUP:
                name = (ref.building if is_site else ref.group) or str(code)
                kind = AreaKind.BUILDING if is_site else AreaKind.GROUP
                self._create(code, name, kind, code.parent)
        return self._named_below(str(code), code.level, ref)

    def _named_below(self, code: str, level: AreaLevel, ref: PlaceRef) -> str:
        """The place a row names below its code's: a township's code with 村（社区）(and
        村民组) or 安置点 (and 楼栋), a village's with 村民组, a site's with 楼栋. The code wins
        where the names say another place (the county's, the township's names are not read);
        a place named below it was dropped, every household of a village put in one heap."""
        if level == AreaLevel.TOWNSHIP:
            if ref.site:
                code = self._local(code, ref.site, AreaKind.SITE, SITE_BASE)
                return self._named_below(code, AreaLevel.VILLAGE, ref)
            if ref.village:
                code = self._local(code, ref.village, AreaKind.VILLAGE)
                return self._named_below(code, AreaLevel.VILLAGE, ref)
        elif level == AreaLevel.VILLAGE:
            known = self.by_code.get(code)
            parsed = AreaCode.parse(code)
            is_site = (known is not None and known[1] == AreaKind.SITE.value) or bool(
                parsed is not None and parsed.is_site
            )
            if is_site and ref.building:
                return self._local(code, ref.building, AreaKind.BUILDING)
            if not is_site and ref.group:
                return self._local(code, ref.group, AreaKind.GROUP)
        return code
