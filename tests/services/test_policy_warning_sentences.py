"""The warnings the policy in force comes with (a county pack not taken, and why; a county
edition the hub refused), kept as templates and their parts (`policy_admin.hub_choice`,
`_refused_drafts`): their Chinese is what the lines said before (the code of 1f73719a)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.domain import sentences
from fieldapp.domain.roles import Role
from fieldapp.domain.sentences import LISTED, SEMICOLONED, Sentence
from fieldapp.policy import (
    citations,
    combine,
    eligibility,
    pack,
    packfile,
    published,
    registry,
)
from fieldapp.policy.citations import version_said, version_words
from fieldapp.policy.published import PublishedPack
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services import policy_admin
from fieldapp.services.policy_admin import PolicyRefused, install_local, load_policy
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK
from tests.services.sentence_checks import filled, templates

pytestmark = pytest.mark.usefixtures("plain_enrol")

#: The templates each scenario says; all of them (`SAID_HERE`, at the end) are counted met by
#: `test_policy_refusal_sentences.test_every_template_is_met_by_a_scenario`.
FORGED = {
    published.LABEL,
    policy_admin.NOT_THE_HUBS,
    policy_admin.UNUSABLE,
    policy_admin.SIGNED_BY_LATER,
    policy_admin.NEEDS_PROGRAM,
    policy_admin.STILL_USING,
    combine.EXTENDS_UNKNOWN,  # (the forged edition's problem: it extends no pack there is)
    combine.PACK_TITLED,  # (… the packs there are, by their titles)
}
DRAFTED = {
    policy_admin.DRAFT_REFUSED,
    policy_admin.DRAFT_REFUSED_EDITION,
    policy_admin.DRAFT_REFUSED_UNNAMED,
    policy_admin.NO_REASON,
}
COUNTY_RULED = {
    published.LABEL,
    policy_admin.NOT_THE_HUBS,
    policy_admin.STILL_BUILT_IN,
    policy_admin.FOLDER_UNUSED,
    policy_admin.NO_LOCAL_INSTALL,
    sentences.LISTED,
}
INSTALLED_BY_HAND = {registry.KEPT_LAST_GOOD, registry.NOT_TAKEN, policy_admin.LOCAL_UNUSED}

TITLE = "七星关区就业帮扶政策（2026年）"
REFUSED_NOTE = "政策包 qixingguan 的版本 2026.1 已于 2026年12月1日 10:00 发布，请改用新的版本号"

BEFORE = [
    "县里下发的政策包 2026.6 版（第 6 号）的签名与县级汇总中心不符"
    "（可能被改动，或不是县级汇总中心签发），未启用",
    "县里下发的政策包 2026.5 版（第 5 号）不能使用：PROBLEM；该政策包未启用",
    "县里下发的政策包 2026.4 版（第 4 号）要用更新版本的程序才能启用"
    f"（本机的程序是 {__version__} 版，县里是用更新的程序签发的），请升级本机程序；该政策包未启用",
    "县里下发的政策包 2026.3 版（第 3 号）要用 0.3.0 版或更新版本的程序才能启用"
    f"（本机的程序是 {__version__} 版），请升级本机程序；该政策包未启用",
    "仍使用县里下发的政策包 2026.1 版（第 1 号）",
]


def edition(version: str, extra: str = "") -> str:
    text = COUNTY_PACK.replace('version = "2026.1"', f'version = "{version}"')
    return text.replace(f'version = "{version}"\n', f'version = "{version}"\n{extra}', 1)


def forged(county: County) -> list[Sentence]:
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
    assert state.warnings == [str(s) for s in state.said]
    return state.said


def test_the_warnings_say_what_they_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    found = forged(County(tmp_path, capsys))
    said = [str(s) for s in found]
    problem = said[1].split("不能使用：", 1)[1].split("；该政策包未启用")[0]
    assert said == [w.replace("PROBLEM", problem) for w in BEFORE]
    assert [filled(s) for s in found] == said
    assert set().union(*(templates(s) for s in found)) == FORGED


#: What 1f73719a said of a refused edition: the pack by its program id (县级政策包（qixingguan
#: 2026.1）), or, of a draft naming nothing, by a made-up one (县级政策包（county ）).
DRAFTS_BEFORE = [
    f"县级政策包（qixingguan 2026.1）未签发：{REFUSED_NOTE}；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
    "县级政策包（county ）未签发：汇总中心未说明原因；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
]
#: Now the pack is said by its title and edition as the county wrote them; the rest as before.
DRAFTS_NOW = [
    f"县级政策包“{TITLE}”（2026.1 版）未签发：{REFUSED_NOTE}；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
    "县级政策包未签发：汇总中心未说明原因；请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
    "县级政策包（2026.2 版）未签发：汇总中心未说明原因；"
    "请在“设置 → 政策包 → 县级政策编辑”中改正后重新提交",
]


def refused_drafts(ledger: Ledger) -> list[Sentence]:
    """Three editions the hub refused: one with its reason, one (damaged) with nothing, one
    whose text cannot be read but whose row names its edition."""
    with ledger.transaction():
        for fields in (
            {"text": COUNTY_PACK, "pack_id": "qixingguan", "version": "2026.1",
             "status_note": REFUSED_NOTE},
            {"text": "", "pack_id": "", "version": "", "status_note": ""},
            {"text": "[pack", "pack_id": "qixingguan", "version": "2026.2", "status_note": ""},
        ):  # fmt: skip
            ledger.insert(
                policy_packs.DRAFTS, {"note": "", "status": policy_packs.REFUSED, **fields}
            )
    adopted = policy_admin.adopt_hub_packs(ledger)
    assert adopted.warnings == [str(w) for w in adopted.warnings_said]
    return adopted.warnings_said


def test_the_refused_drafts_say_what_they_said(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", author="县人社局")
    try:
        found = refused_drafts(ledger)
        said = [str(s) for s in found]
        assert said == [filled(s) for s in found] == DRAFTS_NOW
        assert set().union(*(templates(s) for s in found)) == DRAFTED
        assert [
            w.replace(f"“{TITLE}”（2026.1 版）", "（qixingguan 2026.1）") for w in said[:2]
        ] == [w.replace("（county ）", "") for w in DRAFTS_BEFORE]
        assert policy_admin.adopt_hub_packs(ledger).warnings == []  # told once
    finally:
        ledger.close()


def test_an_unenrolled_ledger_says_it_cannot_check_the_countys_pack(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", author="村专员")
    try:
        row = PublishedPack("qixingguan", "2026.1", 1, "2026-12-01T10:00:00", COUNTY_PACK)
        with ledger.transaction():
            ledger.insert(policy_packs.TABLE, row.as_row())
        said = load_policy(ledger).said
        assert [str(s) for s in said] == [
            "本台账尚未登记到县级汇总中心，县里下发的政策包无法核验，暂不使用"
        ]
        assert templates(said[0]) == {policy_admin.UNENROLLED}
    finally:
        ledger.close()


def test_a_village_device_says_what_it_said_of_packs_it_does_not_take(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A village device holding only a pack the hub did not sign, with packs in its own folder,
    refusing a pack installed by hand: the Chinese as 1f73719a's f-strings wrote it."""
    county = County(tmp_path, capsys)
    folder = tmp_path / "本机政策"
    folder.mkdir()
    for name in ("乙.toml", "甲.toml"):
        (folder / name).write_text(COUNTY_PACK, encoding="utf-8")
    device = Ledger.open(county.device)
    try:
        with device.transaction():
            row = PublishedPack("qixingguan", "2026.1", 1, "2026-12-01T10:00:00", COUNTY_PACK)
            device.insert(policy_packs.TABLE, row.as_row())
        registry = PolicyRegistry(local=folder)
        state = load_policy(device, registry)
        with pytest.raises(PolicyRefused) as refused:
            install_local(device, folder / "甲.toml", registry)
    finally:
        device.close()
    role = Role.COORDINATOR.device_kind
    assert state.warnings == [
        "县里下发的政策包 2026.1 版（第 1 号）的签名与县级汇总中心不符"
        "（可能被改动，或不是县级汇总中心签发），未启用",
        "仍使用内置政策包",
        f"本机为{role}设备，政策由县里统一下发；本机政策包文件夹 {folder} 里的政策包"
        "（乙.toml、甲.toml）不使用，可以删去",
    ]
    assert str(refused.value) == (
        f"本机为{role}设备，政策由县里统一制定、经县级汇总中心下发，不能在本机安装政策包"
    )
    assert refused.value.said is not None and str(refused.value.said) == str(refused.value)
    found = [*state.said, refused.value.said]
    assert [filled(s) for s in found] == [*state.warnings, str(refused.value)]
    assert set().union(*(templates(s) for s in found)) == COUNTY_RULED


#: The hub's own refusals of packs in its data folder (`tests/sync/test_hostile_hub_folder_pack.py`).
HUB_RULED = {policy_admin.HUB_FOLDER_UNUSED, policy_admin.HUB_NO_LOCAL_INSTALL, sentences.LISTED}


def test_the_hub_says_it_takes_no_pack_from_its_folder(tmp_path: Path) -> None:
    """The hub's ledger with packs in its data folder: not used, said with the files and the
    folder; a pack installed by hand there refused, the county to publish instead."""
    from fieldapp.hub.folder import Hub

    folder = tmp_path / "中心政策"
    folder.mkdir()
    for name in ("乙.toml", "甲.toml"):
        (folder / name).write_text(COUNTY_PACK, encoding="utf-8")
    hub = Hub.init(tmp_path / "hub")
    try:
        registry = PolicyRegistry(local=folder)
        state = load_policy(hub.ledger, registry)
        with pytest.raises(PolicyRefused) as refused:
            install_local(hub.ledger, folder / "甲.toml", registry)
    finally:
        hub.close()
    assert state.policy.pack.source == "builtin"
    assert state.warnings == [
        f"汇总中心只按已签发的县级政策包审核各设备的修改；本机政策包文件夹 {folder} 里的政策包"
        "（乙.toml、甲.toml）不使用，可以删去。要改政策，请签发新版本"
    ]
    assert str(refused.value) == (
        "汇总中心的政策包要签发后才启用（签发的版本发给各设备，各设备和中心按同一个版本审核），"
        "不能在中心安装政策包；请签发新版本"
    )
    found = [*state.said, refused.value.said]
    assert all(isinstance(s, Sentence) for s in found)
    assert [filled(s) for s in found] == [*state.warnings, str(refused.value)]
    assert set().union(*(templates(s) for s in found)) == HUB_RULED


def local_warnings(tmp_path: Path) -> list[Sentence]:
    """An unenrolled ledger's packs installed by hand: one broken since it last worked, one
    never read, then a readable one extending no pack there is."""
    folder = tmp_path / "本机政策"
    folder.mkdir()
    registry = PolicyRegistry(local=folder)
    (folder / "甲.toml").write_text(COUNTY_PACK, encoding="utf-8")
    registry.load()  # (kept as the last that worked)
    (folder / "甲.toml").write_text("[pack", encoding="utf-8")
    (folder / "乙.toml").write_text("[pack", encoding="utf-8")
    said = list(registry.load() and registry.said)
    (folder / "丙.toml").write_text(
        COUNTY_PACK.replace('extends = "', 'extends = "x', 1), encoding="utf-8"
    )
    ledger = Ledger.open(tmp_path / "ledger.db", author="村专员")
    try:
        said += load_policy(ledger, registry).said[:1]
    finally:
        ledger.close()
    return said


def test_packs_installed_by_hand_say_what_they_said(tmp_path: Path) -> None:
    said = local_warnings(tmp_path)
    errors = [str(s).rsplit("；", 1)[0] for s in said]
    assert [e.startswith("政策包 ") for e in errors] == [True] * 3, errors
    assert [str(s) for s in said] == [
        f"{errors[0]}；该政策包未启用",  # (乙 is read before 甲)
        f"{errors[1]}；仍使用上次可用的版本",
        f"{errors[2]}；本机安装的政策包未启用",
    ]
    # Each names its file's problem as the pack file's own sentence (`pack.PACK_REFUSED`: the
    # TOML error said in words, whole in English too), no text of its own.
    problems = {
        pack.PACK_REFUSED,
        sentences.COLONED,
        packfile.TOML_WRONG,
        packfile._TOML_GLOSSARY["Expected ']' at the end of a table"],
    }
    assert set().union(*(templates(s) for s in said)) == INSTALLED_BY_HAND | problems


#: The editions a claim was judged under, as 1f73719a's `version_words` said them.
EDITIONS_BEFORE = {
    "guizhou-2023@2026.1": "2026.1",
    "guizhou-2023@2026.1+qixingguan@2026.2": "省 2026.1、县 2026.2",
    "guizhou-2023@2026.1+qixingguan@2026.2、guizhou-2023@2026.1、guizhou-2023@2026.1": (
        "省 2026.1、县 2026.2；2026.1"
    ),
    "": "",
}


def test_the_editions_say_what_they_said() -> None:
    found = {version: version_said(version) for version in EDITIONS_BEFORE}
    assert {v: str(s) for v, s in found.items()} == EDITIONS_BEFORE
    assert {v: version_words(v) for v in found} == EDITIONS_BEFORE
    made = [s for s in found.values() if isinstance(s, Sentence)]
    assert [filled(s) for s in made] == [str(s) for s in made]
    assert set().union(*(templates(s) for s in made)) == EDITIONS


EDITIONS = {citations.PROVINCE_EDITION, citations.COUNTY_EDITION, SEMICOLONED, LISTED}


def test_the_subsidies_just_ended_say_what_they_said(tmp_path: Path) -> None:
    """The province's packs alone on 5 January 2026: the subsidies that ended on 2025-12-31,
    said in one line as 1f73719a's f-string said them (titles joined by 、)."""
    from fieldapp.policy.eligibility import ended_notices, ended_said

    policy = PolicyRegistry(local=tmp_path).load()
    on = dt.date(2026, 1, 5)
    ended = [r.title for r in policy.active_rules if r.valid_to == dt.date(2025, 12, 31)]
    assert len(ended) >= 2, ended
    found = ended_said(policy, on)
    assert ended_notices(policy, on) == [str(s) for s in found] == [filled(s) for s in found]
    assert [str(s) for s in found] == [
        f"{'、'.join(ended)}的执行期已于2025年12月31日结束：此后开始的就业、培训和此后的月份"
        "不再符合条件，县里延续执行（随政策包下发）后恢复"
    ]
    assert set().union(*(templates(s) for s in found)) == {eligibility.ENDED, LISTED}


def _pack_refusals() -> list[tuple[Sentence, str]]:
    """A pack stating too early a program for what it uses (refused by the hub's publishing,
    said as the code of 10983e91 said it, byte for byte), one stating a later program than this
    one (said as a county pack the hub sent is, `NEEDS_PROGRAM`, no more 才能读 … 请先升级), and
    a problem said as a sentence at its line: each sentence and its Chinese."""
    from fieldapp.policy.packfile import parse_pack_text
    from tests.policy.test_requires_stamp import RAISED

    stated = RAISED.replace('version = "2026.2"\n', 'version = "2026.2"\nrequires = "0.1.0"\n')
    with pytest.raises(pack.PackError) as early:
        policy_admin._with_requires(stated, "raised.toml", parse_pack_text(stated, "raised.toml"))
    later = COUNTY_PACK.replace('version = "2026.1"\n', 'version = "2026.1"\nrequires = "99.0"\n')
    with pytest.raises(pack.NewerPack) as newer:
        parse_pack_text(later, "县里.toml")
    assert newer.value.line == 5 and newer.value.requires == "99.0"
    problem = early.value.problem
    assert isinstance(problem, Sentence)
    at_line = pack.PackError("raised.toml", 3, problem)
    too_early = (
        "政策包写明要求 0.1.0 版的程序，但用到了新金额的执行日期，0.2.0 版的程序起才认识："
        "请改为要求 0.2.0 版（或删去这一要求，签发时自动写明）"
    )
    found = [
        (early.value.said, f"政策包 raised.toml：{too_early}"),
        (
            newer.value.said,
            f"政策包 县里.toml要用 99.0 版或更新版本的程序才能启用（本机的程序是 {__version__} 版），"
            "请升级本机程序；该政策包未启用",
        ),
        (at_line.said, f"政策包 raised.toml 第 3 行：{too_early}"),
    ]
    assert all(isinstance(s, Sentence) for s, _ in found)
    return [(s, chinese) for s, chinese in found if s is not None]


def test_a_pack_refused_is_said_as_a_sentence_the_desktop_translates() -> None:
    found = _pack_refusals()
    assert [str(s) for s, _ in found] == [chinese for _, chinese in found]
    assert [filled(s) for s, _ in found] == [chinese for _, chinese in found]
    met = set().union(*(templates(s) for s, _ in found))
    assert met == {
        pack.PACK_REFUSED,
        pack.PACK_REFUSED_AT,
        pack.PACK_NAMED,
        pack.NEEDS_PROGRAM,
        policy_admin.REQUIRES_EARLIER,
    }
    # The program's word for what needs the later program is said in the language shown.
    [early] = [s for s, _ in found[:1]]
    [inner] = [p for p in early.parts if isinstance(p, Sentence)]
    assert sentences.Word("新金额的执行日期", common=True) in inner.parts


SAID_HERE = (FORGED | DRAFTED | COUNTY_RULED | HUB_RULED | INSTALLED_BY_HAND | EDITIONS) | {
    policy_admin.UNENROLLED,
    eligibility.ENDED,
    pack.PACK_REFUSED,
    pack.PACK_REFUSED_AT,
    pack.PACK_NAMED,
    policy_admin.REQUIRES_EARLIER,
}
