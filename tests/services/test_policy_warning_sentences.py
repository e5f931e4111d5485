"""The warnings the policy in force comes with (a county pack not taken, and why; a county
edition the hub refused), kept as templates and their parts (`policy_admin.hub_choice`,
`_refused_drafts`): their Chinese is what the lines said before (the code of 1f73719a)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.policy.published import PublishedPack
from fieldapp.services import policy_admin
from fieldapp.services.policy_admin import load_policy
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from tests.policy.helpers import COUNTY_PACK
from tests.policy.test_distribution import County

pytestmark = pytest.mark.usefixtures("plain_enrol")

TITLE = "七星关区就业帮扶政策（2026年）"
REFUSED_NOTE = "政策包 qixingguan 的版本 2026.1 已于 2026年12月1日 10:00 发布，请改用新的版本号"

BEFORE = [
    "县里下发的政策包 2026.6 版（第 6 号）的签名与县级汇总中心不符"
    "（可能被改动，或不是县级汇总中心签发），未启用",
    "县里下发的政策包 2026.5 版（第 5 号）不能使用：PROBLEM；该政策包未启用",
    f"县里下发的政策包 2026.4 版（第 4 号）要用更新版本的 fieldapp 才能启用（本机是 {__version__}，"
    "县里是用更新的程序签发的），请升级本机程序；该政策包未启用",
    "县里下发的政策包 2026.3 版（第 3 号）要用 fieldapp 0.3.0 或更新的版本才能启用"
    f"（本机是 {__version__}），请升级本机程序；该政策包未启用",
    "仍使用县里下发的政策包 2026.1 版（第 1 号）",
]


def edition(version: str, extra: str = "") -> str:
    text = COUNTY_PACK.replace('version = "2026.1"', f'version = "{version}"')
    return text.replace(f'version = "{version}"\n', f'version = "{version}"\n{extra}', 1)


def forged(county: County) -> list[str]:
    """The device holding the pack the hub published (第 1 号) and four later rows it cannot
    use, each for its own reason: the warnings `load_policy` gives there, newest first."""
    assert county.publish(COUNTY_PACK)[0] == 0
    county.deliver()
    hub = Ledger.open(county.hub / "hub.db")
    identity = SyncState(hub.db).identity()
    assert identity is not None
    hub.close()
    secret = identity.sign_secret
    later = "figure_steps = [[2027-01-01, 480]]\n"
    rows = [
        PublishedPack("qixingguan", "2026.3", 3, "2026-12-20T10:00:00",
                      edition("2026.3", 'requires = "0.3.0"\n')).signed(secret),
        PublishedPack("qixingguan", "2026.4", 4, "2026-12-20T10:00:00",
                      edition("2026.4").replace("figure = 500\n", "figure = 450\n" + later, 1)
                      ).signed(secret),
        PublishedPack("qixingguan", "2026.5", 5, "2026-12-20T10:00:00",
                      edition("2026.5").replace('extends = "', 'extends = "x', 1)).signed(secret),
        PublishedPack("qixingguan", "2026.6", 6, "2026-12-20T10:00:00", edition("2026.6")),
    ]  # fmt: skip
    device = Ledger.open(county.device)
    with device.transaction():
        for row in rows:
            device.insert(policy_packs.TABLE, row.as_row())
    state = load_policy(device)
    device.close()
    return state.warnings


def test_the_warnings_say_what_they_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    said = forged(County(tmp_path, capsys))
    problem = said[1].split("不能使用：", 1)[1].split("；该政策包未启用")[0]
    assert said == [w.replace("PROBLEM", problem) for w in BEFORE]


DRAFTS_BEFORE = [
    f"县级政策包（qixingguan 2026.1）未签发：{REFUSED_NOTE}；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
    "县级政策包（county ）未签发：汇总中心未说明原因；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
]


def refused_drafts(ledger: Ledger) -> list[str]:
    """Two editions the hub refused, one with its reason, one (damaged) with nothing."""
    with ledger.transaction():
        for fields in (
            {"text": COUNTY_PACK, "pack_id": "qixingguan", "version": "2026.1",
             "status_note": REFUSED_NOTE},
            {"text": "", "pack_id": "", "version": "", "status_note": ""},
        ):  # fmt: skip
            ledger.insert(
                policy_packs.DRAFTS, {"note": "", "status": policy_packs.REFUSED, **fields}
            )
    return policy_admin.adopt_hub_packs(ledger).warnings


def test_the_refused_drafts_say_what_they_said(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", author="县人社局")
    try:
        assert refused_drafts(ledger) == DRAFTS_BEFORE
        assert policy_admin.adopt_hub_packs(ledger).warnings == []  # told once
    finally:
        ledger.close()


def test_an_unenrolled_ledger_says_it_cannot_check_the_countys_pack(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", author="村专员")
    try:
        row = PublishedPack("qixingguan", "2026.1", 1, "2026-12-01T10:00:00", COUNTY_PACK)
        with ledger.transaction():
            ledger.insert(policy_packs.TABLE, row.as_row())
        assert load_policy(ledger).warnings == [
            "本台账尚未登记到县级汇总中心，县里下发的政策包无法核验，暂不使用"
        ]
    finally:
        ledger.close()
