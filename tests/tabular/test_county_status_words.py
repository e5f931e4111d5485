"""The county says once what the words coordinators write for 就业状态 mean (在家, √, 外出 …):
an optional `[status_words]` section of its policy pack, published and signed on the hub,
reaches a village device in a real bundle, and every import there reads a real workbook's words
so without `--word`; the user's `--word` still says one word otherwise; the report names the
county's list by the pack's title, version and document. A list saying a word is something no
status is, is refused when the pack is published, in Chinese, naming the word. Command line and
real files throughout."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from fieldapp.policy.pack import PackError
from fieldapp.policy.packfile import dump_pack, needed_program, parse_pack_text
from fieldapp.services.policy_admin import county_pack_in_force
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.import_report import write_import_report
from fieldapp.tabular.ledger_import import import_ledger
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK
from tests.tabular import county_words
from tests.tabular.county_words import LIST, WORDS, _statuses, _village_book

pytestmark = pytest.mark.usefixtures("plain_enrol")

#: The fixture, bound by its name (an import of it would be shadowed by every test's argument).
county = county_words.county


def test_the_countys_words_are_read_by_an_import_without_word(county: County) -> None:
    book = _village_book(county.tmp / "红星村台账.xlsx")
    code, out, err = county.run("--db", county.device, "import", book)
    assert code == 0, out + err
    assert _statuses(county) == {"张长英": "未就业", "李秀": "未就业", "张明": "已就业"}
    assert f"按{LIST}，“在家”读作“未就业”：2 格" in out
    assert f"按{LIST}，“√”读作“已就业”：1 格" in out
    assert "外出" not in out  # a word of the list no cell wrote is not said
    assert "无法识别的用词" not in out


def test_the_users_word_says_one_word_otherwise(county: County, tmp_path: Path) -> None:
    book = _village_book(county.tmp / "红星村台账.xlsx")
    code, out, err = county.run(
        "--db", county.device, "import", book, "--word", "在家=无需就业", "--json"
    )
    assert code == 0, out + err
    assert _statuses(county) == {"张长英": "无需就业", "李秀": "无需就业", "张明": "已就业"}
    said = json.loads(out)["words_said"]
    assert {"word": "在家", "to": "无需就业", "cells": 2, "county_list": None} in said
    county_list = LIST.removeprefix("县里的用词表（").removesuffix("）")
    assert {"word": "√", "to": "已就业", "cells": 1, "county_list": county_list} in said
    # The report workbook a coordinator keeps says whose word each was.
    ledger = Ledger.open(county.device)
    try:
        report = import_ledger(ledger, book, update=True, dry_run=True)
    finally:
        ledger.close()
    sheet = openpyxl.load_workbook(write_import_report(report, tmp_path / "结果.xlsx"))
    rows = list(sheet["就业状态用词"].iter_rows(min_row=3, values_only=True))
    assert ("在家", "未就业", 2, f"按{LIST}读取") in rows


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ('"在家" = "务农"', "就业状态用词“在家”读作“务农”不行：就业状态只有已就业、未就业、在校、无需就业"),
        ('"已就业" = "未就业"', "就业状态用词“已就业”本身就是一种就业状态，不能读作“未就业”"),
        # A word the import reads by itself keeps its reading: the county must not believe
        # its list changed it (务工 = 未就业 would still be read 已就业).
        ('"务工" = "未就业"', "就业状态用词“务工”本程序已读作“已就业”，不能再说成“未就业”（导入时仍会按本程序的读法）"),
        ('"在家" = "未就业"\n"　失业 " = "已就业"', "就业状态用词“失业”本程序已读作“未就业”，不能再说成“已就业”"),
    ],
)  # fmt: skip
def test_a_list_saying_a_word_is_no_status_is_refused_at_publish(
    county: County, words: str, said: str
) -> None:
    text = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
    code, out, err = county.publish(text + f"\n[status_words]\n{words}\n", "bad.toml")
    assert code != 0 and said in err, out + err
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    assert [p["version"] for p in json.loads(out)] == ["2026.1"]


def test_a_county_word_agreeing_with_the_programs_reading_is_published(county: County) -> None:
    """A county word the import already reads the same way (务工 = 已就业) may stand: it says
    nothing new, and the import reads it as before."""
    text = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"')
    code, out, err = county.publish(
        text + '\n[status_words]\n"务工" = "已就业"\n"在家" = "未就业"\n'
    )
    assert code == 0, out + err
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    assert [p["version"] for p in json.loads(out)] == ["2026.2", "2026.1"]
    hub_db = Ledger.open(county.hub / "hub.db")
    try:
        pack = county_pack_in_force(hub_db)
    finally:
        hub_db.close()
    assert pack is not None and pack.status_words == {"务工": "已就业", "在家": "未就业"}


def test_a_pack_without_the_list_asks_for_no_newer_program() -> None:
    """A pack without `[status_words]` reads as before (no `requires` stamped); one with it
    asks for the program that knows it, which older devices refuse saying to upgrade."""
    assert needed_program(COUNTY_PACK) is None
    assert parse_pack_text(COUNTY_PACK, "county.toml").status_words == {}
    assert needed_program(COUNTY_PACK + WORDS) == (
        "0.2.0",
        "县里的就业状态用词表",
        "[status_words]",
    )
    # The county editor writes a pack anew from the last one: the list is carried as it was.
    pack = parse_pack_text(COUNTY_PACK + WORDS, "county.toml")
    assert parse_pack_text(dump_pack(pack), "county.toml") == pack
    assert pack.status_words == {"在家": "未就业", "√": "已就业", "外出": "已就业"}
    with pytest.raises(PackError, match="不认识的字段"):
        parse_pack_text(COUNTY_PACK + '\n[status_word]\n"在家" = "未就业"\n', "county.toml")


def test_hub_policy_edit_writes_and_drops_the_countys_words(county: County) -> None:
    """`hub policy edit --word 词=含义 --drop-word 词` changes the county's list one word at a
    time (the rest kept), checked as publishing checks it, refusals naming the word; the new
    edition reaches the device and its import reads so; dropping every word leaves no list and
    no `requires`."""
    hub = ("hub", "policy", "edit", "--dir", county.hub)
    refused = [
        (["--word", "在家=务农"], "就业状态用词“在家”读作“务农”不行：就业状态只有已就业、未就业、在校、无需就业"),
        (["--word", " 在家 = 务农 "], "就业状态用词“在家”读作“务农”不行：就业状态只有已就业、未就业、在校、无需就业"),
        (["--word", " 已就业 =未就业"], "就业状态用词“已就业”本身就是一种就业状态，不能读作“未就业”"),
        (["--word", "已就业=未就业"], "就业状态用词“已就业”本身就是一种就业状态，不能读作“未就业”"),
        (["--word", "务工=未就业"], "就业状态用词“务工”本程序已读作“已就业”，不能再说成“未就业”"),
        (["--word", "在家"], "--word 要写成“词=含义”，如 在家=未就业（写的是“在家”）"),
        (["--word", "在家=未就业", "--word", "在家=已就业"], "就业状态用词“在家”写了两次"),
        (["--word", "在家=未就业", "--drop-word", "在家"], "就业状态用词“在家”既用 --word 写了"),
        (["--drop-word", "打工"], "县里的就业状态用词表中没有“打工”，无从删去"),
    ]  # fmt: skip
    for argv, said in refused:
        code, out, err = county.run(*hub, *argv)
        assert code == 2 and said in err and "未签发，各设备的政策包不变" in err, (argv, out, err)
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    assert [p["version"] for p in json.loads(out)] == ["2026.1"]

    code, out, err = county.run(
        *hub, "--word", " 在家 = 无需就业", "--word", "打工=已就业", "--drop-word", "外出",
        "--version", "2026.2", "--json",
    )  # fmt: skip
    assert code == 0, out + err
    answer = json.loads(out)
    assert answer["status_words"] == {"在家": "无需就业", "√": "已就业", "打工": "已就业"}
    assert answer["requires"] == "0.2.0"
    assert county.deliver()[0] == 0
    book = _village_book(county.tmp / "红星村台账.xlsx")
    code, out, err = county.run("--db", county.device, "import", book)
    assert code == 0, out + err
    assert _statuses(county) == {"张长英": "无需就业", "李秀": "无需就业", "张明": "已就业"}
    assert "，“在家”读作“无需就业”：2 格" in out

    code, out, err = county.run(
        *hub,
        "--drop-word",
        "在家",
        "--drop-word",
        "√",
        "--drop-word",
        "打工",
        "--version",
        "2026.3",
    )
    assert code == 0, out + err
    assert "县里的就业状态用词表已删空" in out and out.strip().endswith("2026.3")
    hub_db = Ledger.open(county.hub / "hub.db")
    try:
        pack = county_pack_in_force(hub_db)
    finally:
        hub_db.close()
    assert pack is not None and pack.status_words == {} and pack.pack.requires is None
