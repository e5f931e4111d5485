"""Administrative region codes (GB/T 2260): names and cross-county / cross-province tests.

Names come from python-stdnum's historical table (asked only through its documented
`NumDB.info`, never its internal layout), read without its year ranges so retired codes
still resolve (an ID keeps the code it was issued under); a retired Guizhou county is said with
today's county of its name beside it, where the table shows one (`_today`).
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from fieldapp.domain.areacode import AreaCode, AreaLevel, area_at
from fieldapp.domain.divisions import GUIZHOU, short_forms

if TYPE_CHECKING:
    from stdnum import numdb


class PlaceScope(StrEnum):
    """Where a job is relative to the household registration (户籍所在县)."""

    TOWNSHIP = "乡镇内"
    COUNTY = "县内"
    PROVINCE = "省内跨县"
    OUT_OF_PROVINCE = "跨省"


@cache
def _table() -> numdb.NumDB:
    # Imported here: python-stdnum's package imports ssl and pydoc (not needed at start-up).
    from stdnum import numdb

    return numdb.get("cn/loc")


def _latest(names: str) -> str:
    """Of 'X,[1983-1990]Y,[1990-]Z' keep the newest name, without its years."""
    parts = [p for p in names.split(",") if p]
    last = parts[-1]
    return last.split("]", 1)[1] if last.startswith("[") else last


#: GB/T 2260's statistical placeholders, not places: a city's 市辖区 (110100, 130101), a
#: municipality's 县 (500200), the county-level cities a province or region governs directly
#: (469001 五指山市 is under 省直辖县级行政单位). Nobody says them: 北京市, 海南省五指山市.
_PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政单位", "自治区直辖县级行政单位"})


def _current(names: str) -> bool:
    """True unless the newest name of 'X,[1987-2020]Y' ended (its code was retired)."""
    last = [p for p in names.split(",") if p][-1]
    return not last.startswith("[") or last.split("]", 1)[0].endswith("-")


def _stem(name: str) -> str:
    """A county's name without its kind: 水城县 → 水城, 万山特区 → 万山, 道真仡佬族苗族自治县 →
    道真; '' where that leaves one character (盘县: too little to know it by)."""
    if name.endswith("特区") and len(name) > 3:
        return name.removesuffix("特区")
    shortest = short_forms(name)[-1]
    return shortest if shortest != name else ""


def _entry(code: str) -> dict[str, str] | None:
    """The national table's own entry for the 6-digit `code` (its names), None where the table
    has none — asked through `NumDB.info`, python-stdnum's documented API: the code's parts are
    its province's two digits and its own four when the table lists it."""
    parts = _table().info(code)
    if [part for part, _props in parts] != [code[:2], code[2:]]:
        return None
    return parts[1][1] if "county" in parts[1][1] else None


@cache
def _guizhou_counties() -> dict[str, list[str]]:
    """Guizhou's current county-level codes by their name's stem: the counties of every city
    or prefecture the table lists (520100 … 522700, retired ones too)."""
    found: dict[str, list[str]] = {}
    for city in range(1, 100):
        city_code = f"{GUIZHOU[:2]}{city:02d}"
        if _entry(f"{city_code}00") is None:
            continue
        for county in range(1, 100):
            code = f"{city_code}{county:02d}"
            name = (_entry(code) or {}).get("county", "")
            if name and _current(name):
                stem = _stem(_latest(name))
                if stem:
                    found.setdefault(stem, []).append(code)
    return found


def _today(code: str, county: str) -> str:
    """Where a retired Guizhou county (`code`, last named `county`) is today: the one current
    county of the same name (水城县 → 水城区; 遵义地区赤水市 → 遵义市赤水市, with its city when
    that changed); '' where none or several are (铜仁市 became 碧江区: no name links them, and
    nothing is guessed)."""
    found = _guizhou_counties().get(_stem(county), [])
    if len(found) != 1:
        return ""
    (now,) = found
    if now[:4] == code[:4]:
        return _latest(_info(now)["county"])
    return (region_name(now) or "").removeprefix(_info(GUIZHOU)["province"])


def _info(code: str) -> dict[str, str]:
    """The national table's entries for `code` (its province's, its county's), merged."""
    info: dict[str, str] = {}
    for _part, props in _table().info(code):
        info.update(props)
    return info


@cache
def region_name(code: str) -> str | None:
    """Full name of a code's county ('贵州省毕节市七星关区') as people say it (no statistical
    placeholder: 110100 is 北京市, 469001 海南省五指山市), None when unknown."""
    code = area_at(str(code), AreaLevel.COUNTY)
    if len(code) != 6 or not (code.isascii() and code.isdigit()):
        return None
    info = _info(code)
    if "county" not in info:
        return None
    province = info.get("province", "")
    county = _latest(info["county"])
    city = ""
    if not code.endswith("00"):
        city_name = _latest(_info(AreaCode(code).at(AreaLevel.CITY)).get("county", ""))
        if city_name and city_name != province and city_name not in _PLACEHOLDERS:
            city = city_name
    if county in _PLACEHOLDERS or county == province:
        return f"{province}{city}"
    today = (
        "" if _current(info["county"]) or not code.startswith(GUIZHOU[:2]) else _today(code, county)
    )
    return f"{province}{city}{county}" + (f"（今{today}）" if today else "")


def place_scope(home_code: str, work_code: str) -> PlaceScope:
    """乡镇内 / 县内 / 省内跨县 / 跨省 from the home and workplace codes (6, 9 or 12 digits)."""
    home, work = str(home_code), str(work_code)

    def same(level: AreaLevel) -> bool:
        return area_at(home, level) == area_at(work, level)

    if not same(AreaLevel.PROVINCE):
        return PlaceScope.OUT_OF_PROVINCE
    if not same(AreaLevel.COUNTY):
        return PlaceScope.PROVINCE
    if len(home) >= 9 and len(work) >= 9 and same(AreaLevel.TOWNSHIP):
        return PlaceScope.TOWNSHIP
    return PlaceScope.COUNTY


def is_cross_county(home_code: str, work_code: str) -> bool:
    """True when the workplace lies outside the home county."""
    return place_scope(home_code, work_code) in (PlaceScope.PROVINCE, PlaceScope.OUT_OF_PROVINCE)


def is_cross_province(home_code: str, work_code: str) -> bool:
    """True when the workplace lies outside the home province."""
    return place_scope(home_code, work_code) is PlaceScope.OUT_OF_PROVINCE
