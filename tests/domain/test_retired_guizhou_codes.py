"""A county-level code Guizhou's re-divisions retired (still on older ID cards and in ledgers
copied from them) was said as the city alone — 520221 (水城县) read “贵州省六盘水市的一个地区”,
a township of it showed its digits — and `region_name` gave the old name as if it were today's
(贵州省六盘水市水城县, without a word that 水城县 is now 水城区). The old name is said now, with
today's beside it where the national table (python-stdnum's cn/loc) shows one current county of
the same name (水城县 → 水城区, 遵义地区赤水市 → 遵义市赤水市); where it shows none (铜仁市 became
碧江区: no name links them) the old name stands alone — nothing is invented."""

from __future__ import annotations

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.domain.regions import region_name
from fieldapp.reference import divisions
from tests.conftest import make_id


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("520221", "贵州省六盘水市水城县（今水城区）"),
        ("520421", "贵州省安顺市平坝县（今平坝区）"),
        ("520522", "贵州省毕节市黔西县（今黔西市）"),
        ("522230", "贵州省铜仁地区万山特区（今铜仁市万山区）"),
        ("522102", "贵州省遵义地区赤水市（今遵义市赤水市）"),
        ("522130", "贵州省遵义地区仁怀县（今遵义市仁怀市）"),
        ("522125", "贵州省遵义地区道真仡佬族苗族自治县（今遵义市道真仡佬族苗族自治县）"),
        ("522423", "贵州省毕节地区黔西县（今毕节市黔西市）"),
        ("522621", "贵州省黔东南苗族侗族自治州凯里县（今凯里市）"),
        ("522322", "贵州省黔西南布依族苗族自治州兴仁县（今兴仁市）"),
    ],
)
def test_a_retired_county_is_said_with_todays_name(code, words):
    assert region_name(code) == words


@pytest.mark.parametrize(
    ("code", "words"),
    [
        # No current county carries the old name: the old name alone, never a guess.
        ("522201", "贵州省铜仁地区铜仁市"),
        ("522401", "贵州省毕节地区毕节市"),
        ("522101", "贵州省遵义地区遵义市"),
        ("520321", "贵州省遵义市遵义县"),
        ("520114", "贵州省贵阳市小河区"),
        ("520222", "贵州省六盘水市盘县"),
    ],
)
def test_a_retired_county_without_a_namesake_keeps_its_old_name(code, words):
    assert region_name(code) == words


@pytest.mark.parametrize(
    "code", ["520204", "520422", "522601", "520382", "520502", "520203", "522701"]
)
def test_a_current_county_is_said_as_before(code):
    words = region_name(code)
    assert words and "今" not in words, words


def test_every_retired_code_the_project_ships_is_named():
    table = divisions()
    for code, name in table.retired_codes().items():
        words = region_name(code)
        assert words and name in words, (code, words)
        assert name in say_place(code, table, wording=PlaceWording.SENTENCE), code
        assert name in say_place(code + "101", table, wording=PlaceWording.WHOLE), code


def test_places_under_a_retired_county_are_said_by_it():
    table = divisions()
    assert say_place("520221", table, wording=PlaceWording.SENTENCE) == "水城县（今水城区）"
    assert say_place("520221", table) == "贵州省六盘水市水城县（今水城区）"
    assert (
        say_place("520221101", table, wording=PlaceWording.SENTENCE)
        == "水城县（今水城区）的一个乡镇"
    )
    assert say_place("520221101", table, wording=PlaceWording.WHOLE) == (
        "贵州省六盘水市水城县（今水城区）下的乡镇"
    )
    # (a city that is gone, 铜仁地区, is said with its province)
    assert say_place("522201", table, wording=PlaceWording.SENTENCE) == "贵州省铜仁地区铜仁市"
    # A current county is said as before.
    assert say_place("520204", table, wording=PlaceWording.SENTENCE) == "水城区"


def test_an_old_id_card_names_where_it_was_issued_and_where_that_is_now():
    info = idnumber.validate(make_id("520221", "19800101"))
    assert info.region == "贵州省六盘水市水城县（今水城区）"
    assert not info.warnings


#: What to do when the next test fails after a python-stdnum upgrade.
_STDNUM_CHANGED = (
    "python-stdnum's cn/loc table no longer answers NumDB.info(code) as [(province digits, "
    "{{province}}), (the code's last four, {{county}})]: read its names another way in "
    "fieldapp/domain/regions.py (_entry), or pin python-stdnum back in pyproject.toml — got {}"
)


def test_the_national_table_is_read_through_its_public_lookup():
    """`regions` read python-stdnum's table by walking `NumDB.prefixes`, an undocumented
    layout (tuples of length, low, high, props, children) that a release may change without
    notice. It now asks `NumDB.info` (documented) for each code, and this test says what to do
    when that answer changes shape."""
    from fieldapp.domain.regions import _entry, _guizhou_counties

    retired = _entry("520221")
    assert retired is not None and retired["county"].endswith("水城县"), _STDNUM_CHANGED.format(
        retired
    )
    assert _entry("529999") is None, _STDNUM_CHANGED.format(_entry("529999"))
    counties = _guizhou_counties()
    assert counties.get("水城") == ["520204"], _STDNUM_CHANGED.format(counties.get("水城"))
    assert counties.get("赤水") == ["520381"], _STDNUM_CHANGED.format(counties.get("赤水"))
    assert all(c.startswith("52") and len(c) == 6 for cs in counties.values() for c in cs)
