"""The warnings the policy in force comes with — a county pack not taken and why, a county
edition the hub refused, a pack a village device may not install — were Chinese lines in the
English window (the settings page's policy, the sync page after an import, the refusal's box).
Each is a sentence now: the English window says it in English, the pack by its edition and
number, the county's title and the hub's reason as they were written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp import __version__
from fieldapp.policy.published import PublishedPack
from fieldapp.services.policy_admin import Adopted, PolicyRefused, policy_in_force
from fieldapp.store import policy_packs
from fieldapp.ui.errors import message_for
from fieldapp.ui.held_words import sentence_shown
from tests.english import in_english
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK
from tests.services.test_policy_warning_sentences import (
    REFUSED_NOTE,
    TITLE,
    forged,
    refused_drafts,
)

pytestmark = pytest.mark.usefixtures("plain_enrol")

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
UNENROLLED = (
    "This ledger is not yet enrolled with the county hub: the county's policy packs cannot be "
    "verified and are not used for now"
)


def english(*shown: str) -> list[str]:
    """`shown` said in the English window (the Chinese one given back after)."""
    with in_english():
        return [sentence_shown(s) for s in shown]  # type: ignore[arg-type]


def test_the_settings_page_says_an_unchecked_county_pack_in_english(window) -> None:
    ledger = window.session.ledger
    row = PublishedPack("qixingguan", "2026.1", 1, "2026-12-01T10:00:00", COUNTY_PACK)
    with ledger.transaction():
        ledger.insert(policy_packs.TABLE, row.as_row())
    page = window.show_page("settings")
    page._show_policy()
    assert "本台账尚未登记到县级汇总中心，县里下发的政策包无法核验，暂不使用" in (
        page.policy_label.text()
    )
    with in_english():
        page._show_policy()
        shown = page.policy_label.text()
    assert UNENROLLED in shown.split("\n"), shown
    assert "本台账" not in shown


def test_the_county_packs_not_taken_are_said_in_english(
    window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "county").mkdir()
    found = forged(County(tmp_path / "county", capsys))
    shown = english(*found)  # type: ignore[arg-type]
    # The pack's problem a sentence of `policy.combine`'s, said in English too.
    # (the packs by their titles, as the clerk knows them, not by their ids)
    problem = (
        "The pack that county pack “七星关区就业帮扶政策（2026年）” extends is not among the packs "
        "there are (there are: “贵州省就业帮扶政策（黔府发〔2023〕12号等）”)"
    )
    assert (
        "县级政策包“七星关区就业帮扶政策（2026年）”所扩展的政策包不在已有的政策包中"
        "（已有：“贵州省就业帮扶政策（黔府发〔2023〕12号等）”）"
    ) in str(found[1])
    assert "xguizhou" not in str(found[1])
    assert shown == [
        "The signature of the county's policy pack, edition 2026.6 (no. 6) does not match the "
        "county hub's (it may have been changed, or not issued by the county hub): not taken "
        "into force",
        f"Cannot use the county's policy pack, edition 2026.5 (no. 5): {problem}; the pack is "
        "not taken into force",
        "To take the county's policy pack, edition 2026.4 (no. 4) into force needs a later "
        f"version of the program (this computer has version {__version__}; the county issued it "
        "with a later program): please upgrade the program here; the pack is not taken into force",
        "To take the county's policy pack, edition 2026.3 (no. 3) into force needs version "
        f"0.3.0 of the program or later (this computer has version {__version__}): please upgrade "
        "the program here; the pack is not taken into force",
        "Still using the county's policy pack, edition 2026.1 (no. 1)",
    ]


def test_the_sync_page_says_a_refused_draft_in_english(window) -> None:
    """After an import the sync page tells the county's refused edition: by its title and
    edition, the hub's reason as the hub wrote it, the way to correct it in the window's
    words."""
    drafts = refused_drafts(window.session.ledger)
    page = window.show_page("sync")

    def lines() -> list[str]:
        policy = policy_in_force(window.session.ledger)
        page.policy_news = Adopted(policy, False, "", [], drafts)
        return page._policy_text().split("\n")[1:]

    assert lines() == [str(s) for s in drafts]
    with in_english():
        shown = lines()
    where = "Correct it under Settings → Policy pack → County policy editor and submit it again"
    assert shown == [
        f"The county policy pack “{TITLE}” (edition 2026.1) was not issued: {REFUSED_NOTE}. "
        + where,
        f"The county policy pack was not issued: the county hub gave no reason. {where}",
        f"The county policy pack (edition 2026.2) was not issued: the county hub gave no "
        f"reason. {where}",
    ]
    for line in shown:  # only the county's title and the hub's note are in Chinese
        assert not CHINESE.search(line.replace(TITLE, "").replace(REFUSED_NOTE, "")), line


def test_a_refused_install_is_said_in_english(
    window, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.domain.roles import Role
    from fieldapp.domain.sentences import Word, said
    from fieldapp.services.policy_admin import NO_LOCAL_INSTALL

    refused = PolicyRefused(said(NO_LOCAL_INSTALL, Word(Role.COORDINATOR.label, common=True)))
    assert message_for(refused) == str(refused)
    with in_english():
        shown = message_for(refused)
    assert shown.startswith("This is a ") and shown.endswith(
        " device: the county sets its policy and sends it through the county hub; a policy "
        "pack cannot be installed on this computer"
    ), shown
    assert not CHINESE.search(shown), shown


def test_the_rules_version_is_said_in_english(window) -> None:
    """The policy's version said 规则版本 省 2026.1、县 2026.2 in the English window too (rules
    version 省 2026.1、县 2026.2), and the settings page wrapped the policy in Chinese brackets
    and commas (…（rules version 2026.1，Built-in）)."""
    from fieldapp.policy.citations import version_said
    from fieldapp.ui.held_words import part_shown

    judged = "guizhou-2023@2026.1+qixingguan@2026.2、guizhou-2023@2026.1"
    assert part_shown(version_said(judged)) == "省 2026.1、县 2026.2；2026.1"
    page = window.show_page("settings")
    page._show_policy()
    chinese = page.policy_label.text().split("\n")[0]
    found = re.fullmatch(r"(.+)（规则版本 2026\.1，内置(?:，(.+))?），\d+ 条规则启用", chinese)
    assert found is not None, chinese
    title, issued = found.group(1), found.group(2) or ""  # (the pack's own words)
    with in_english():
        shown = part_shown(version_said(judged))
        page._show_policy()
        label = page.policy_label.text().split("\n")[0]
    assert shown == "province 2026.1, county 2026.2; 2026.1"
    assert label.startswith(f"{title} (rules version 2026.1, "), label
    assert not CHINESE.search(label.removeprefix(title).replace(issued, "")), label


def test_the_eligibility_results_status_is_said_in_english(demo_window, qtbot) -> None:
    """补贴 → 查找符合条件人员: the 结果 column (and 说明, where no reason is unmet) said 符合条件,
    不符合 … in the English window."""
    from fieldapp.policy.eligibility import STATUS_LABELS, Status
    from tests.ui.conftest import wait_idle

    page = demo_window.show_page("subsidies")
    page.find_eligible()
    wait_idle(page=page, qtbot=qtbot)
    rows = page.results.rows
    statuses = {r.status for r in rows}
    assert Status.ELIGIBLE in statuses, statuses
    first = {s: next(n for n, r in enumerate(rows) if r.status is s) for s in statuses}
    plain = next(n for n, r in enumerate(rows) if r.summary == STATUS_LABELS[r.status] and r.amount)

    def shown() -> tuple[dict[Status, str], str]:
        cells = {s: page.results.index(n, 2).data() for s, n in first.items()}
        return cells, page.results.index(plain, len(page.results.columns) - 1).data()

    assert shown() == ({s: STATUS_LABELS[s] for s in statuses}, STATUS_LABELS[rows[plain].status])
    with in_english():
        cells, summary = shown()
    english = {
        Status.ELIGIBLE: "Eligible",
        Status.NOT_YET: "Not yet met",
        Status.NOT_ELIGIBLE: "Not eligible",
        Status.CLAIMED: "Claimed",
    }
    assert cells == {s: english[s] for s in statuses}
    assert summary == english[rows[plain].status]
