"""The notice that a pack the hub sent is now in force, kept as a template and its parts
(`policy_admin.adopt_hub_packs`): its Chinese is what the line said before (the code of
50cd7d91), with and without an issuing authority and document."""

from __future__ import annotations

from fieldapp.domain.sentences import Sentence
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.services import policy_admin
from fieldapp.services.policy_admin import _notice
from tests.policy.helpers import COUNTY_PACK
from tests.services.sentence_checks import filled, templates

TITLE = "七星关区就业帮扶政策（2026年）"
ISSUED = "七星关区人力资源和社会保障局 七人社通〔2026〕3号"
BEFORE = {
    "issued": f"政策包已更新：{TITLE}（{ISSUED}）",
    "unissued": f"政策包已更新：{TITLE}",
}


def notices() -> dict[str, Sentence]:
    """The notice of the county pack as issued, and of the same pack naming no issuer."""
    unissued = COUNTY_PACK.replace('authority = "七星关区人力资源和社会保障局"\n', "", 1).replace(
        'document = "七人社通〔2026〕3号"\n', "", 1
    )
    return {
        "issued": _notice(parse_pack_text(COUNTY_PACK, "county.toml")),
        "unissued": _notice(parse_pack_text(unissued, "county.toml")),
    }


#: The templates this module's scenarios say (`test_policy_refusal_sentences` counts them met).
SAID_HERE = {policy_admin.UPDATED, policy_admin.UPDATED_UNISSUED}


def test_the_notice_says_what_it_said() -> None:
    found = notices()
    for name, notice in found.items():
        assert str(notice) == filled(notice) == BEFORE[name], name
    assert set().union(*(templates(n) for n in found.values())) == SAID_HERE
