"""`region_name` joined GB/T 2260's statistical placeholders into a place's name: 110100 read
'北京市市辖区', 469001 '海南省省直辖县级行政单位五指山市', 500200 '重庆市县'. Nobody says
them; a place is named as people say it (北京市, 海南省五指山市, 重庆市)."""

from __future__ import annotations

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.regions import region_name
from tests.conftest import make_id


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("110100", "北京市"),
        ("120100", "天津市"),
        ("500100", "重庆市"),
        ("500200", "重庆市"),
        ("130101", "河北省石家庄市"),
        ("469000", "海南省"),
        ("469001", "海南省五指山市"),
        ("419001", "河南省济源市"),
        ("429004", "湖北省仙桃市"),
        ("659000", "新疆维吾尔自治区"),
        ("659001", "新疆维吾尔自治区石河子市"),
    ],
)
def test_placeholders_are_not_said(code, words):
    assert region_name(code) == words


def test_real_names_are_kept():
    assert region_name("110101") == "北京市东城区"
    assert region_name("500229") == "重庆市城口县"
    assert region_name("440305") == "广东省深圳市南山区"
    assert region_name("441900") == "广东省东莞市"
    assert region_name("140302") == "山西省阳泉市城区"  # a district named 城区 is a district
    assert region_name("140311") == "山西省阳泉市郊区"
    assert region_name("520502") == "贵州省毕节市七星关区"
    assert region_name("990000") is None


def test_an_id_card_issued_in_a_city_without_districts_names_the_city():
    assert idnumber.validate(make_id("469001")).region == "海南省五指山市"
