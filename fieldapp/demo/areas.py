"""The area tree of a demo ledger: a real county and its real townships, then made-up villages,
groups, relocation sites and buildings (codes follow fieldapp.tabular.areas: prefixes, sites
from 901), and the list of places where households live.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from fieldapp.demo.names import GROUP_NAMES, SITE_NAMES, VILLAGE_STEMS
from fieldapp.domain.areacode import AreaCode, AreaLevel
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.sentences import said, template
from fieldapp.reference import divisions

#: Rural counties used when no --area is given (chosen by the seed).
DEFAULT_COUNTIES = ("520502", "520526", "520525", "522633", "522326", "520624", "522732")
HOUSEHOLDS_PER_VILLAGE = 350
HOUSEHOLDS_PER_SITE = 900
HOUSEHOLDS_PER_BUILDING = 40


@dataclass
class DemoAreas:
    """Areas to create and the places (group or building codes) households are put in."""

    county: str
    existing: dict[str, tuple[str, str, str | None]]  # code → (name, kind, parent)
    new: list[dict[str, object]] = field(default_factory=list)
    rural: list[str] = field(default_factory=list)  # group (or village) codes
    sites: list[str] = field(default_factory=list)  # building (or site) codes

    def add(self, code: str, name: str, kind: AreaKind, parent: str | None) -> str:
        """Create an area unless the ledger (or this plan) already has the code."""
        if code not in self.existing:
            self.existing[code] = (name, kind.value, parent)
            self.new.append({"code": code, "name": name, "kind": kind.value, "parent_code": parent})
        return code

    def kind_of(self, code: str) -> str | None:
        """The kind of a known area code."""
        found = self.existing.get(code)
        return found[1] if found else None

    def free_code(self, parent: str, start: int = 1) -> str:
        """The next unused 3-digit child code under `parent`."""
        number = start
        while f"{parent}{number:03d}" in self.existing:
            number += 1
        return f"{parent}{number:03d}"


def plan_areas(
    rng: random.Random,
    households: int,
    existing: dict[str, tuple[str, str, str | None]],
    target: str | None,
) -> DemoAreas:
    """The demo's areas, under `target` (county, township, village/site, group/building code)."""
    code = AreaCode(target or rng.choice(DEFAULT_COUNTIES))  # ValidationFailed names the fault
    county = str(code.county)
    if county not in existing:
        _refuse_unknown_county(county)
    plan = DemoAreas(county, dict(existing))
    _ensure_official(plan, county)
    if code.level >= AreaLevel.TOWNSHIP:
        _ensure_official(plan, str(code.at(AreaLevel.TOWNSHIP)))
    target = str(code)
    if code.level <= AreaLevel.COUNTY:
        townships = _townships_of(plan, target)
        for township in townships:
            _ensure_official(plan, township)
        _fill_county(rng, plan, townships, households)
    elif code.level == AreaLevel.TOWNSHIP:
        _fill_township(rng, plan, target, households, with_site=True)
    else:
        _fill_small(rng, plan, target, households)
    return plan


#: A county code for the demo (%1) retired (%2 the county it was), with what to choose
#: instead (%3: `USE_NOW` its code now, or `PICK_CURRENT`).
RETIRED_COUNTY = template("区划代码 %1 是%2已撤销的旧代码，演示数据只能建在现行的县里；%3。")
USE_NOW = template("请改用它现在的代码 %1")
PICK_CURRENT = template("请选一个现行的县")
#: A county code (%1) of another province (%2 where it is), or none known.
OUTSIDE_GUIZHOU = template("区划代码 %1 是%2，不在贵州省；演示数据只能建在贵州现行的县里。")
UNKNOWN_COUNTY = template("区划代码 %1 不是已知的县级代码")
#: A county (%1 where) with no township in the table or the ledger.
NO_TOWNSHIPS = template(
    "区划表里没有%1的乡镇（街道），演示数据要建在乡镇下的村里；"
    "请选另一个县，或先在台账里建好这个县的乡镇。"
)
#: A township code (%1) its county (%2) does not have.
UNKNOWN_TOWNSHIP = template("区划代码 %1 不是%2已知的乡镇（街道），请选该县现有的乡镇或村组。")


def _refuse_unknown_county(county: str) -> None:
    """Refuse, before anything is written, a county Guizhou's table does not list now: a retired
    code (522427, 威宁's old one) or one of another province. Its places would be named by
    their digits (no township of it is known), and its people's ID numbers by a code no
    current county has."""
    table = divisions()
    if table.get(county) is not None:
        return
    retired = table.retired_codes().get(county)
    if retired:
        now = [d.code for d in table.counties() if d.name == retired]
        instead = said(USE_NOW, now[0]) if now else said(PICK_CURRENT)
        raise ValidationFailed(said(RETIRED_COUNTY, county, retired, instead))
    name = table.name(county)
    if name:
        where = say_place(county, table, None, PlaceWording.SENTENCE)
        raise ValidationFailed(said(OUTSIDE_GUIZHOU, county, where))
    raise ValidationFailed(said(UNKNOWN_COUNTY, county))


def _townships_of(plan: DemoAreas, county: str) -> list[str]:
    """The county's townships the demo fills: the table's, else those the ledger lists under it
    (a county's own addition). None is made up: a made-up 城关镇 was named by no table, and a
    village device under it had its township's row held at the hub as outside its area."""
    listed = [d.code for d in divisions().children(county)]
    if listed:
        return listed
    own = sorted(
        code
        for code, (_name, kind, parent) in plan.existing.items()
        if parent == county and kind == AreaKind.TOWNSHIP.value
    )
    if own:
        return own
    where = say_place(county, divisions(), None, PlaceWording.SENTENCE)
    raise ValidationFailed(said(NO_TOWNSHIPS, where))


def _ensure_official(plan: DemoAreas, code: str) -> None:
    if code in plan.existing:
        return
    division = divisions().get(code)
    if division is None:
        # A county is refused before (`_refuse_unknown_county`); a township the table does not
        # list would be named by its digits on every paper of the demo.
        county = say_place(code[:6], divisions(), None, PlaceWording.SENTENCE)
        raise ValidationFailed(said(UNKNOWN_TOWNSHIP, code, county))
    kind = AreaKind.COUNTY if len(code) == 6 else AreaKind.TOWNSHIP
    plan.add(code, division.name, kind, division.parent)


def _fill_county(
    rng: random.Random, plan: DemoAreas, townships: list[str], households: int
) -> None:
    villages_needed = max(1, round(households * 0.85 / HOUSEHOLDS_PER_VILLAGE))
    rural = [t for t in townships if not plan.existing[t][0].endswith("街道")] or townships
    urban = [t for t in townships if plan.existing[t][0].endswith("街道")] or townships
    chosen = rural[: max(1, min(len(rural), villages_needed))]
    for index in range(villages_needed):
        _add_village(rng, plan, chosen[index % len(chosen)])
    sites_needed = max(1, round(households * 0.15 / HOUSEHOLDS_PER_SITE))
    for index in range(sites_needed):
        _add_site(rng, plan, urban[index % len(urban)], households * 0.15 / sites_needed)


def _fill_township(
    rng: random.Random, plan: DemoAreas, township: str, households: int, with_site: bool
) -> None:
    for _ in range(max(1, round(households * 0.85 / HOUSEHOLDS_PER_VILLAGE))):
        _add_village(rng, plan, township)
    if with_site:
        _add_site(rng, plan, township, households * 0.15)


def _fill_small(rng: random.Random, plan: DemoAreas, target: str, households: int) -> None:
    village = AreaCode(target).at(AreaLevel.VILLAGE)
    parent12 = str(village)
    known = plan.kind_of(parent12)
    is_site = known == AreaKind.SITE.value or (known is None and village.is_site)
    if known is None:
        name = rng.choice(SITE_NAMES) if is_site else rng.choice(VILLAGE_STEMS) + "村"
        kind = AreaKind.SITE if is_site else AreaKind.VILLAGE
        plan.add(parent12, name, kind, str(village.parent))
    if len(target) == 15:
        if plan.kind_of(target) is None:
            kind = AreaKind.BUILDING if is_site else AreaKind.GROUP
            name = f"{int(target[12:])}栋" if is_site else GROUP_NAMES[int(target[12:]) % 10 - 1]
            plan.add(target, name, kind, parent12)
        (plan.sites if is_site else plan.rural).append(target)
        return
    if is_site:
        _add_buildings(plan, parent12, households)
    else:
        _add_groups(rng, plan, parent12)


def _add_village(rng: random.Random, plan: DemoAreas, township: str) -> None:
    code = plan.free_code(township)
    used = {n for n, _k, p in plan.existing.values() if p == township}
    stem = rng.choice(VILLAGE_STEMS)
    name = stem + "村"
    if name in used:
        name = f"{stem}{int(code[-3:])}村"
    plan.add(code, name, AreaKind.VILLAGE, township)
    _add_groups(rng, plan, code)


def _add_groups(rng: random.Random, plan: DemoAreas, village: str) -> None:
    for index in range(rng.randint(5, 10)):
        group = f"{village}{index + 1:03d}"
        plan.add(group, GROUP_NAMES[index], AreaKind.GROUP, village)
        plan.rural.append(group)


def _add_site(rng: random.Random, plan: DemoAreas, township: str, households: float) -> None:
    code = plan.free_code(township, 901)
    plan.add(code, rng.choice(SITE_NAMES), AreaKind.SITE, township)
    _add_buildings(plan, code, households)


def _add_buildings(plan: DemoAreas, site: str, households: float) -> None:
    for index in range(max(2, min(999, round(households / HOUSEHOLDS_PER_BUILDING)))):
        building = f"{site}{index + 1:03d}"
        plan.add(building, f"{index + 1}栋", AreaKind.BUILDING, site)
        plan.sites.append(building)
