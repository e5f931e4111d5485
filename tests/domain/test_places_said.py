"""The program said an area code in words six ways (`reference.place_words` and
`unlisted_words`, `records.known_path` and `area_path`, `trust.unlisted` and `place_said`,
`enrolment.area_said`, `Hub.area_words`, `rejected.place_names`), each its own walk over the
division table and the ledger's areas. One function says it now, `say_place`, told how short or
how full; these are the words each of the old ones said, kept."""

from __future__ import annotations

from fieldapp.domain.areacode import AreaRow
from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.reference import divisions

#: A ledger listing 市西街道 (in the table) and, below it, 大坝村 and its 三组; and a village of
#: 梨树镇 with a group (梨树镇 itself not listed by the ledger).
ROWS = [
    AreaRow("520502001", "市西街道", "乡镇", "520502"),
    AreaRow("520502001001", "大坝村", "村", "520502001"),
    AreaRow("520502001001003", "三组", "组", "520502001001"),
    AreaRow("520502101001", "红星村", "村", "520502101"),
    AreaRow("520502101001001", "一组", "组", "520502101001"),
]
LISTED = {row.code: row for row in ROWS}.get
#: A village of 鸭池镇 (七星关区) the ledger does not list; a code nothing is known of.
UNLISTED = "520502100200"
NOWHERE = "999999999999"


def said(code: str | None, how: PlaceWording, listed: bool = True) -> str:
    return say_place(code, divisions(), LISTED if listed else None, how)


def test_full_is_the_ledgers_path_else_the_tables_whole_name_else_the_code():
    assert said("520502001001003", PlaceWording.FULL) == "市西街道 大坝村 三组"
    assert said(UNLISTED, PlaceWording.FULL) == "贵州省毕节市七星关区鸭池镇"
    assert said("440306", PlaceWording.FULL) == "广东省深圳市宝安区"
    assert said(NOWHERE, PlaceWording.FULL) == NOWHERE
    assert said("", PlaceWording.FULL) == said(None, PlaceWording.FULL) == ""
    assert (
        said("520502001001003", PlaceWording.FULL, listed=False) == "贵州省毕节市七星关区市西街道"
    )


def test_known_is_the_ledgers_path_only():
    assert said("520502001001", PlaceWording.KNOWN) == "市西街道 大坝村"
    assert said(UNLISTED, PlaceWording.KNOWN) == ""


def test_short_is_said_from_the_county_down_and_nothing_when_nothing_is_known():
    assert said(UNLISTED, PlaceWording.SHORT) == "七星关区鸭池镇"
    assert said("520502", PlaceWording.SHORT) == "七星关区"
    assert said("440306", PlaceWording.SHORT) == "广东省深圳市宝安区"
    assert said(NOWHERE, PlaceWording.SHORT) == ""
    assert said("520502001001", PlaceWording.SHORT) == "市西街道 大坝村"


def test_a_sentence_says_what_the_code_is_below_the_table():
    assert said("520502101", PlaceWording.SENTENCE) == "七星关区梨树镇"
    assert said("520502101002", PlaceWording.SENTENCE) == "七星关区梨树镇的一个村"
    assert said("520502101002009", PlaceWording.SENTENCE) == "七星关区梨树镇的一个组"
    assert said(NOWHERE, PlaceWording.SENTENCE) == "一个台账里没有的地区"
    assert said("520502001001", PlaceWording.SENTENCE) == "市西街道 大坝村"


def test_a_sentence_names_a_code_the_table_knows_whole_and_says_only_what_is_below_it():
    """440305 (a county of Shenzhen, a workplace) read '广东省深圳市南山区的一个地区' on the device:
    the table knows it whole, so its name is said; '…的一个乡镇/村/地区' only below what it
    knows."""
    known = {
        "520000": "贵州省",
        "520500": "贵州省毕节市",
        "520502": "七星关区",
        "520502101": "七星关区梨树镇",
        "440000": "广东省",
        "440300": "广东省深圳市",
        "440305": "广东省深圳市南山区",
    }
    for code, words in known.items():
        assert said(code, PlaceWording.SENTENCE, listed=False) == words, code
    below = {
        "520599": "贵州省毕节市的一个地区",
        "520502999": "七星关区的一个乡镇",
        "520502101002": "七星关区梨树镇的一个村",
        "449900": "广东省的一个地区",
        "440399": "广东省深圳市的一个地区",
        "440305001": "广东省深圳市南山区的一个乡镇",
        "440305001001": "广东省深圳市南山区的一个村",
        "990000": "一个台账里没有的地区",
    }
    for code, words in below.items():
        assert said(code, PlaceWording.SENTENCE, listed=False) == words, code


def test_a_code_below_a_known_province_or_city_elsewhere_is_said_by_what_is_known():
    assert said("440399", PlaceWording.FULL) == "广东省深圳市"
    assert said("449900", PlaceWording.SHORT) == "广东省"
    assert said("990000", PlaceWording.FULL) == "990000"
    assert said("990000", PlaceWording.SHORT) == ""


def test_whole_is_from_the_province_down():
    assert said("520502101", PlaceWording.WHOLE) == "贵州省毕节市七星关区梨树镇"
    assert said("520502101001001", PlaceWording.WHOLE) == "贵州省毕节市七星关区梨树镇红星村 一组"
    assert said("520502001001003", PlaceWording.WHOLE) == "贵州省毕节市七星关区市西街道大坝村 三组"
    assert said("520502101002", PlaceWording.WHOLE) == "贵州省毕节市七星关区梨树镇下的村"
    assert said("520502101002009", PlaceWording.WHOLE) == "贵州省毕节市七星关区梨树镇下的组或楼栋"
    assert said(NOWHERE, PlaceWording.WHOLE) == NOWHERE


def test_whole_names_a_county_elsewhere_and_says_a_township_it_does_not_know_is_one():
    """`PlaceWording.WHOLE` read only Guizhou's table: 440305 (a workplace in Shenzhen) showed as
    '440305'; and a township the table does not list read '…七星关区下的村'."""
    whole = {
        "440305": "广东省深圳市南山区",
        "440300": "广东省深圳市",
        "110100": "北京市",
        "440305001": "广东省深圳市南山区下的乡镇",
        "440305001001": "广东省深圳市南山区下的村",
        "520502999": "贵州省毕节市七星关区下的乡镇",
        "520502999001": "贵州省毕节市七星关区下的村",
        "520502999901": "贵州省毕节市七星关区下的安置点",
        "520502101002": "贵州省毕节市七星关区梨树镇下的村",
        "449900001": "449900001",  # not even its county is known
        "990000": "990000",
    }
    for code, words in whole.items():
        assert said(code, PlaceWording.WHOLE, listed=False) == words, code


def test_a_ledger_whose_areas_point_at_each_other_is_walked_once():
    loop = {
        "520502101001": AreaRow("520502101001", "甲村", "村", "520502101001001"),
        "520502101001001": AreaRow("520502101001001", "乙组", "组", "520502101001"),
    }
    assert say_place("520502101001001", divisions(), loop.get) == "甲村 乙组"


def test_local_is_said_below_the_county_and_the_county_by_its_name():
    county = {
        **{row.code: row for row in ROWS},
        "520502": AreaRow("520502", "七星关区", "县", "520500"),
        "520500": AreaRow("520500", "毕节市", "市州", None),
    }
    assert say_place("520502001001003", divisions(), county.get, PlaceWording.LOCAL) == (
        "市西街道 大坝村 三组"
    )
    assert say_place("520502001001003", divisions(), county.get) == (
        "毕节市 七星关区 市西街道 大坝村 三组"
    )
    assert say_place("520502", divisions(), county.get, PlaceWording.LOCAL) == "七星关区"
    assert (
        say_place(UNLISTED, divisions(), county.get, PlaceWording.LOCAL)
        == "贵州省毕节市七星关区鸭池镇"
    )
