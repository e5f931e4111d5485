"""The code an enrolled village or site laptop was given goes to the first new place of its kind
that its sheets name below its township; every other new place keeps the next free code."""

from __future__ import annotations

from fieldapp.tabular.areas import AreaResolver, PlaceRef


def _village(name: str) -> PlaceRef:
    return PlaceRef(county="七星关区", township="碧阳街道", village=name)


def test_only_the_first_new_village_below_the_laptops_township_takes_its_code():
    resolver = AreaResolver([], own="520502010002")
    assert resolver.resolve(_village("小河村")) == "520502010002"
    assert resolver.resolve(_village("小河")) == "520502010002"  # the same village, written short
    # Another village: the next free code, which the laptop's write door then refuses.
    assert resolver.resolve(_village("大坝村")) == "520502010001"
    assert [a["code"] for a in resolver.created] == ["520502", "520502010", *["520502010002"],
                                                     "520502010001"]  # fmt: skip


def test_a_site_laptops_code_goes_to_a_site_and_a_townships_to_no_place():
    site = AreaResolver([], own="520502010901")
    assert site.resolve(_village("大坝村")) == "520502010001"
    ref = PlaceRef(county="七星关区", township="碧阳街道", site="幸福小区")
    assert site.resolve(ref) == "520502010901"
    township = AreaResolver([], own="520502010")
    assert township.resolve(_village("小河村")) == "520502010001"
    elsewhere = AreaResolver([], own="520502011002")  # a laptop of another township
    assert elsewhere.resolve(_village("小河村")) == "520502010001"


def test_a_sites_building_given_by_code_is_a_building_of_a_site():
    """A site's sheet with only 区划代码 (a building's 15 digits) and 楼栋 made the site a
    村 named by its code and the building a 组 named by its code, 3栋 dropped: papers then
    printed 村（社区）：520502010901."""
    resolver = AreaResolver([])
    ref = PlaceRef(code="520502010901003", building="3栋")
    assert resolver.resolve(ref) == "520502010901003"
    made = {a["code"]: (a["name"], a["kind"]) for a in resolver.created}
    assert made["520502010901"] == ("520502010901", "安置点")
    assert made["520502010901003"] == ("3栋", "楼栋")
    named = PlaceRef(code="520502010901004", site="幸福小区", building="4栋")
    assert AreaResolver([]).resolve(named) == "520502010901004"
    village = AreaResolver([])
    village.resolve(PlaceRef(code="520502010002001", group="一组"))
    made = {a["code"]: (a["name"], a["kind"]) for a in village.created}
    assert made["520502010002"][1] == "村" and made["520502010002001"] == ("一组", "组")


def test_a_site_written_with_or_without_安置点_is_the_same_site():
    """An enrolled site's ledger knows 幸福社区安置点; its staff's sheet says 幸福社区 (or the
    other way round): the whole sheet was refused as a new place 520502010902 outside the
    site's area."""
    from fieldapp.domain.areacode import AreaRow

    known = [
        AreaRow("520502", "七星关区", "县", "520500"),
        AreaRow("520502010", "碧阳街道", "乡镇", "520502"),
        AreaRow("520502010901", "幸福社区安置点", "安置点", "520502010"),
        AreaRow("520502010902", "和谐家园", "安置点", "520502010"),
    ]
    resolver = AreaResolver(known, own="520502010901")
    for written, code in (
        ("幸福社区", "520502010901"),
        ("幸福社区安置点", "520502010901"),
        ("和谐家园安置点", "520502010902"),
        ("和谐家园安置区", "520502010902"),
    ):
        ref = PlaceRef(county="七星关区", township="碧阳街道", site=written)
        assert resolver.resolve(ref) == code, written
    assert resolver.created == []
