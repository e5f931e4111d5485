"""`--area` is checked against the ledger: a mistyped code, or a village's name typed for its
code, is refused in Chinese before anything is listed or written, instead of answering with an
empty list, roster or export that looks like a quiet village."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli.main import main
from tests.cli.demo import demo_ledger


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    demo = demo_ledger(tmp_path_factory.mktemp("area"), seed=3)
    return demo.db, demo.village


@pytest.mark.parametrize(
    "command",
    [
        ["due"],
        ["duties"],
        ["eligible"],
        ["claim", "list"],
        ["batch", "create", "--rule", "transport_cross_county"],
        ["report", "monthly", "--month", "2026-11", "--out", "{tmp}/月报.xlsx"],
        ["rosters", "--out", "{tmp}/名册.xlsx"],
        ["export", "{tmp}/导出.xlsx"],
    ],
)
def test_an_unknown_code_is_refused_and_nothing_is_written(ledger, tmp_path, capsys, command):
    db, _village = ledger
    out = tmp_path / "out"
    out.mkdir()
    args = [part.format(tmp=out) for part in command]
    assert main(["--db", str(db), *args, "--area", "9999"]) == 1
    err = capsys.readouterr().err
    assert "台账中没有区域代码为 9999" in err
    assert list(out.iterdir()) == []


def test_a_village_name_is_answered_with_its_code(ledger, capsys):
    db, village = ledger
    assert main(["--db", str(db), "due", "--area", village.name]) == 1
    err = capsys.readouterr().err
    assert f"“{village.name}”是区域的名称" in err and village.code in err


def test_a_known_code_and_a_prefix_of_it_list_as_before(ledger, capsys):
    db, village = ledger
    capsys.readouterr()
    assert main(["--db", str(db), "due", "--area", village.code, "--json"]) == 0
    in_village = json.loads(capsys.readouterr().out)
    assert main(["--db", str(db), "due", "--area", village.code[:6], "--json"]) == 0
    in_county = json.loads(capsys.readouterr().out)
    assert in_village and len(in_county) >= len(in_village)


def test_the_household_duties_of_a_township_say_each_village_by_name(ledger, capsys):
    """`duties` over a township (or the county) gave each household's village as its code (…\\t520…001\\t…),
    the clerk left to look twenty codes up; each line now ends with the household's place by
    name, the columns before it and the JSON keys unchanged for scripts."""
    from fieldapp.domain.places_said import say_place
    from fieldapp.reference import divisions
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.queries.areas import listed_places

    db, village = ledger
    capsys.readouterr()
    assert main(["--db", str(db), "duties", "--area", village.code[:6]]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "\t" in line]
    assert lines
    opened = Ledger.open(db)
    try:
        for line in lines:
            cells = line.split("\t")
            said = say_place(cells[2], divisions(), listed_places(opened))
            assert cells[-1] == said != cells[2], line
    finally:
        opened.close()
    assert main(["--db", str(db), "duties", "--area", village.code[:6], "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {"kind", "household_no", "area_code", "text", "clause", "names"} <= set(items[0])
    assert items[0]["place"] and items[0]["place"] != items[0]["area_code"], items[0]


def test_the_eligible_list_of_a_township_says_each_persons_village(ledger, capsys):
    """`eligible` over a township or the county listed each person's results by name, ID
    number and subsidy but not the village (the desktop's 符合条件人员 list shows 所在地), so
    the clerk could not tell which coordinator should take a claim up; each result's line now
    ends with the person's place, and the JSON carries area_code and place."""
    db, village = ledger
    capsys.readouterr()
    assert main(["--db", str(db), "eligible", "--area", village.code[:6]]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "\t" in line]
    assert lines
    assert all(line.split("\t")[-1].startswith("威宁彝族回族苗族自治县 ") for line in lines), lines
    assert main(["--db", str(db), "eligible", "--area", village.code[:6], "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {"id_number", "name", "rule_id", "status", "summary"} <= set(items[0])
    assert items[0]["area_code"].startswith(village.code[:6]), items[0]
    assert items[0]["place"].startswith("威宁彝族回族苗族自治县 "), items[0]
