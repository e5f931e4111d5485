"""The notice after an import that a pack the hub sent is now in force (政策包已更新：…) was a
Chinese line in the English window: `adopt_hub_packs` keeps it, and the claims at an old
figure after it, as sentences the sync page says in the window's language. The pack's own
title, authority and document number are said as written."""

from __future__ import annotations

from fieldapp.policy.packfile import parse_pack_text
from fieldapp.services.claims import claims_at_another_figure_said
from fieldapp.services.policy_admin import Adopted, _notice
from fieldapp.ui.held_words import sentence_shown
from tests.english import in_english
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.services.test_adopted_notice_sentences import notices
from tests.services.test_claim_notice_sentences import lowered, made_at_500

TITLE = "七星关区就业帮扶政策（2026年）"
ISSUED = "七星关区人力资源和社会保障局 七人社通〔2026〕3号"
CHINESE = f"政策包已更新：{TITLE}（{ISSUED}）"
WANG = "王五的一次性交通补助（脱贫人口新跨省务工）"


def test_the_sync_page_says_the_adopted_pack_in_the_windows_language(window, repo: Records) -> None:
    pack = parse_pack_text(COUNTY_PACK, "county.toml")
    made_at_500(repo)
    notice = [_notice(pack), *claims_at_another_figure_said(repo.ledger, lowered())]
    assert str(notice[0]) == CHINESE
    page = window.show_page("sync")

    def shown() -> list[str]:
        message = "\n".join(str(s) for s in notice)
        page.policy_news = Adopted(lowered(), False, message, notice)
        return page._policy_text().split("\n")[1:]

    said = shown()
    assert said[0] == CHINESE and said[1].startswith(f"新的补贴标准与尚未审批的申领不同：{WANG}")
    assert len(said) == 2  # (no warnings given)
    with in_english():
        said = shown()
        bare = sentence_shown(notices()["unissued"])
    assert said[0] == f"Policy pack updated: {TITLE} ({ISSUED})"
    assert bare == f"Policy pack updated: {TITLE}"
    assert said[1].startswith("The new standard differs from claims not yet approved: ")
