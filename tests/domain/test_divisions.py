"""Guizhou's divisions (bundled MCA table) and place names resolved to region codes."""

from __future__ import annotations

from fieldapp.reference import divisions


def test_counties_and_townships_of_guizhou():
    counties = divisions().counties()
    assert len(counties) == 88
    assert divisions().name("520502") == "七星关区"
    townships = divisions().children("520502")
    assert "碧阳街道" in {t.name for t in townships}
    assert all(t.code.startswith("520502") and len(t.code) == 9 for t in townships)
    assert {c.name for c in divisions().children(None)} >= {
        "贵阳市",
        "毕节市",
        "黔东南苗族侗族自治州",
    }
    assert divisions().full_name("520502010") == "贵州省毕节市七星关区碧阳街道"


def test_retired_codes_are_listed():
    retired = divisions().retired_codes()
    assert retired["522401"] == "毕节市"
    assert "520502" not in retired


def test_place_text_resolves_to_the_most_specific_code():
    assert divisions().resolve_place("广东省深圳市宝安区") == "440306"
    assert divisions().resolve_place("深圳") == "440300"
    assert divisions().resolve_place("浙江宁波") == "330200"
    assert divisions().resolve_place("东莞市南城街道") == "441900"
    assert divisions().resolve_place("遵义汇川") == "520303"
    assert divisions().resolve_place("七星关区碧阳街道") == "520502010"
    assert divisions().resolve_place("朝阳区") is None  # Beijing or Changchun: ambiguous
    assert divisions().resolve_place("本村") is None
    assert divisions().resolve_place("") is None
