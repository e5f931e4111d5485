"""A county pack written by hand whose 就业状态 words differ only by spaces ("在家" and " 在家"):
reading the pack keeps words without the spaces, so the two became one and the later's meaning
silently won. Publishing (`hub policy publish`, and `policy check` before it) now refuses such a
list, naming both spellings and the line, in Chinese; a pack the hub signed before is read as
it was (the later spelling's meaning), on the hub and on the village device, and the county's
next edition is made from it as before. Command line, real bundles and workbooks throughout."""

from __future__ import annotations

import json

import pytest

from fieldapp.policy.published import PublishedPack
from fieldapp.services.policy_admin import county_pack_in_force
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK
from tests.tabular.county_words import _statuses, _village_book, county  # noqa: F401

pytestmark = pytest.mark.usefixtures("plain_enrol")

SPACED = '\n[status_words]\n"在家" = "未就业"\n"√" = "已就业"\n" 在家" = "已就业"\n'
SAID = "就业状态用词“在家”和“ 在家”只差前后的空格，是同一个词写了两次"
#: What the county clerk is told before an edition made from a pack so signed is published.
MERGED = (
    "现行政策包中就业状态用词“在家”（读作“未就业”）、“ 在家”（读作“已就业”）只差前后的空格，"
    "读时算同一个词“在家”，按后写的读作“已就业”：新版只写一次“在家”读作“已就业”，“ 在家”不再写入"
)


def _edition(version: str) -> str:
    return COUNTY_PACK.replace('version = "2026.1"', f'version = "{version}"') + SPACED


def _versions(county: County) -> list[str]:  # noqa: F811
    code, out, _ = county.run("hub", "policy", "list", "--dir", county.hub, "--json")
    assert code == 0
    return [p["version"] for p in json.loads(out)]


def test_publishing_refuses_two_spellings_of_a_word_naming_both(county: County) -> None:  # noqa: F811
    text = _edition("2026.2")
    line = text.splitlines().index('" 在家" = "已就业"') + 1
    code, out, err = county.publish(text, "本县政策.toml")
    assert code == 2, out + err
    assert f"政策包 本县政策.toml 第 {line} 行：{SAID}" in err, err
    assert "未签发，各设备的政策包不变" in err
    assert _versions(county) == ["2026.1"]
    # `policy check`, which the county runs before publishing, says the same.
    path = county.tmp / "本县政策.toml"
    code, out, err = county.run("--db", county.tmp / "检查.db", "policy", "check", path)
    assert code != 0 and SAID in err, out + err
    # The same word with the same spelling twice is TOML's own refusal, as before.
    twice = COUNTY_PACK + '\n[status_words]\n"在家" = "未就业"\n"在家" = "已就业"\n'
    code, out, err = county.publish(twice.replace('"2026.1"', '"2026.3"', 1), "twice.toml")
    assert code == 2 and "同一个键写了两次" in err, out + err
    # Written once, the pack is signed.
    fixed = _edition("2026.2").replace('" 在家" = "已就业"\n', "")
    code, out, err = county.publish(fixed, "本县政策.toml")
    assert code == 0, out + err
    assert _versions(county) == ["2026.2", "2026.1"]


def test_a_pack_signed_before_is_read_as_it_was(county: County) -> None:  # noqa: F811
    """Published by an earlier program (signed with the hub's own key, not checked so): the
    later spelling's meaning, on the hub and on the device, and the next edition from it."""
    hub = Ledger.open(county.hub / "hub.db")
    identity = SyncState(hub.db).identity()
    hub.close()
    assert identity is not None
    county.forge(
        PublishedPack("qixingguan", "2026.2", 2, "2026-12-20T10:00:00", _edition("2026.2"))
        .signed(identity.sign_secret)
        .as_row()
    )
    hub = Ledger.open(county.hub / "hub.db")
    try:
        pack = county_pack_in_force(hub)
    finally:
        hub.close()
    assert pack is not None and pack.pack.version == "2026.2"
    assert pack.status_words == {"在家": "已就业", "√": "已就业"}
    code, out, err = county.deliver()
    assert code == 0 and "政策包已更新" in out, out + err
    assert county.pack()["version"] == "2026.2"
    book = _village_book(county.tmp / "红星村台账.xlsx")
    code, out, err = county.run("--db", county.device, "import", book)
    assert code == 0, out + err
    assert _statuses(county) == {"张长英": "已就业", "李秀": "已就业", "张明": "已就业"}
    # The county's next edition writes the word once: the clerk is told which spelling goes
    # and which meaning stays, and it is signed once the clerk says the word's meaning.
    code, out, err = county.run(
        "hub", "policy", "edit", "--dir", county.hub, "--word", "打工=已就业",
        "--version", "2026.3", "--json",
    )  # fmt: skip
    assert code == 2, out + err
    assert MERGED in err and "请用 --word 在家=已就业 写明县里要的读法" in err, err
    assert "未签发，各设备的政策包不变" in err and _versions(county) == ["2026.2", "2026.1"]
    # A draft written to a file (nothing signed) says it too.
    draft = county.tmp / "草稿.toml"
    code, out, err = county.run(
        "hub", "policy", "edit", "--dir", county.hub, "--word", "打工=已就业",
        "--version", "2026.3", "--out", draft,
    )  # fmt: skip
    assert code == 0 and f"请注意：{MERGED}" in out, out + err
    assert '"在家" = "已就业"' in draft.read_text(encoding="utf-8")
    assert '" 在家"' not in draft.read_text(encoding="utf-8")
    code, out, err = county.run(
        "hub", "policy", "edit", "--dir", county.hub, "--word", "打工=已就业",
        "--word", "在家=已就业", "--version", "2026.3", "--json",
    )  # fmt: skip
    assert code == 0, out + err
    assert json.loads(out)["status_words"] == {"在家": "已就业", "√": "已就业", "打工": "已就业"}
    # The clerk may choose the other meaning: the next edition holds no two spellings.
    code, out, err = county.run(
        "hub", "policy", "edit", "--dir", county.hub, "--word", "在家=未就业",
        "--version", "2026.4", "--json",
    )  # fmt: skip
    assert code == 0, out + err
    assert json.loads(out)["status_words"]["在家"] == "未就业"
