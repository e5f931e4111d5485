"""AreaCode: levels, parents, containment and the index range every area filter uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.areacode import (
    AreaCode,
    AreaLevel,
    area_at,
    area_prefix,
    in_area,
    prefix_range,
)
from fieldapp.domain.errors import ValidationFailed

VILLAGE = "520502100203"


def test_level_by_length_and_zeros():
    assert AreaCode("520502").level is AreaLevel.COUNTY
    assert AreaCode("520502100").level is AreaLevel.TOWNSHIP
    assert AreaCode(VILLAGE).level is AreaLevel.VILLAGE
    assert AreaCode(VILLAGE + "004").level is AreaLevel.GROUP
    assert AreaCode("520500").level is AreaLevel.CITY
    assert AreaCode("520000").level is AreaLevel.PROVINCE


@pytest.mark.parametrize(
    "bad", ["", "52050", "5205021", "52050210020", "52050x", "５２０５０２", "a" * 9]
)
def test_anything_else_is_refused_in_chinese(bad):
    with pytest.raises(ValidationFailed, match="区划代码"):
        AreaCode(bad)
    assert AreaCode.parse(bad) is None


def test_parents_up_to_the_province():
    group = AreaCode(VILLAGE + "004")
    assert group.parent == VILLAGE
    assert [str(a) for a in group.ancestors()] == [
        VILLAGE,
        "520502100",
        "520502",
        "520500",
        "520000",
    ]
    assert AreaCode("520000").parent is None
    assert group.county == "520502" and group.at(AreaLevel.TOWNSHIP) == "520502100"
    assert AreaCode("520502").at(AreaLevel.VILLAGE) == "520502"


def test_sites_are_numbered_above_900():
    assert AreaCode("520502100901").is_site
    assert not AreaCode(VILLAGE).is_site
    assert not AreaCode("520502100901001").is_site


def test_contains_nests_by_meaningful_prefix():
    county = AreaCode("520502")
    assert county.contains(VILLAGE) and county.contains("520502")
    assert not county.contains("520503100") and not county.contains(None)
    assert AreaCode("520000").contains("522633") and not AreaCode("520000").contains("530102")
    assert AreaCode("520500").contains("520502100") and not AreaCode("520500").contains("520602")


def test_prefix_range_is_exactly_the_codes_inside():
    lo, hi = AreaCode("520502100").prefix_range()
    assert lo <= "520502100" < hi and lo <= "520502100999999" < hi
    assert not (lo <= "520502101" < hi) and not (lo <= "520502099999" < hi)
    assert prefix_range("5209") == ("5209", "520:")


@given(st.text(alphabet="0123456789", min_size=1, max_size=8), st.text(max_size=10))
def test_prefix_range_agrees_with_startswith(prefix, tail):
    lo, hi = prefix_range(prefix)
    for text in (prefix + tail, tail, tail + prefix):
        assert (lo <= text < hi) == text.startswith(prefix)


def test_tolerant_helpers_for_codes_read_back():
    assert area_at(VILLAGE, AreaLevel.TOWNSHIP) == "520502100"
    assert area_at("5205", AreaLevel.COUNTY) == "5205"  # too short: as it is
    assert area_at(None, AreaLevel.COUNTY) == ""
    assert area_at(VILLAGE, AreaLevel.PROVINCE) == "52"
    assert area_prefix("520000") == "52" and area_prefix("") == ""
    assert area_prefix("X1") == "X1"  # a hand-made code filters as a plain prefix
    assert in_area(VILLAGE, "520502") and in_area(VILLAGE, "") and not in_area(None, "520502")


def test_an_area_code_is_plain_text_to_sqlite_and_pydantic():
    import sqlite3

    from pydantic import BaseModel

    class Place(BaseModel):
        code: AreaCode

    assert Place(code="520502").code.level is AreaLevel.COUNTY
    assert Place(code="520502").model_dump(mode="json") == {"code": "520502"}
    with pytest.raises(ValueError):
        Place(code="52")
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT typeof(?), ?", [AreaCode("520502")] * 2).fetchone() == (
        "text",
        "520502",
    )
