"""The claim service's notice of claims made at an old figure and its refusal of a batch with
nothing to batch were said in Chinese in the English window: they are now kept as a template
and its parts (`tests.services.test_claim_notice_sentences`), and the English window says each
whole — names, subsidies and places as stored, months, days, states in English; the Chinese
window says what it said."""

from __future__ import annotations

import pytest

from fieldapp.services.claims import claims_at_another_figure, claims_at_another_figure_said
from fieldapp.ui import held_words, i18n
from fieldapp.ui.errors import message_for
from tests.english import in_english
from tests.records import Records
from tests.services.test_claim_notice_sentences import (
    NOTHING_BEFORE,
    lowered,
    made_at_500,
    nothing_to_batch,
)
from tests.ui.in_english import CHINESE

WANG = "王五"
TITLE = "一次性交通补助（脱贫人口新跨省务工）"
DATED = f"{WANG}'s {TITLE} (the job begun on 5 March 2025) was claimed at the old standard of "
UNDATED = f"{WANG}'s {TITLE} was claimed at the old standard of "


@pytest.fixture
def english(qapp):
    with in_english():
        yield


def test_the_notice_of_claims_at_an_old_figure_is_said_whole_in_english(
    english, repo: Records
) -> None:
    made_at_500(repo, 1, 1)
    (notice,) = claims_at_another_figure_said(repo.ledger, lowered())
    shown = held_words.sentence_shown(notice)
    assert shown == (
        "The new standard differs from claims not yet approved: "
        f"{DATED}500 yuan; the standard now is 400 yuan; "
        f"{UNDATED}500 yuan; the standard now is 400 yuan. "
        "Reject them before the county approves them, and claim again at the standard in force"
    )
    assert not CHINESE.search(shown.replace(WANG, "").replace(TITLE, ""))
    i18n.install_language("zh_CN")
    assert held_words.sentence_shown(notice) == str(notice)
    assert [str(notice)] == claims_at_another_figure(repo.ledger, lowered())


def test_past_five_claims_the_notice_says_how_many_in_english(english, repo: Records) -> None:
    made_at_500(repo, 6)
    (notice,) = claims_at_another_figure_said(repo.ledger, lowered())
    shown = held_words.sentence_shown(notice)
    assert shown.count(DATED) == 5
    assert "400 yuan and others, 7 in all. Reject them" in shown


def test_a_batch_with_nothing_to_batch_is_refused_whole_in_english(english, repo: Records) -> None:
    found = nothing_to_batch(repo)
    shown = {name: message_for(refused) for name, refused in found.items()}
    assert shown["plain"] == f"No claims to put in a batch (“{TITLE}”)"
    assert shown["state"] == f"No claims to put in a batch (“{TITLE}”, state “County approved”)"
    assert shown["place"] == f"No claims to put in a batch (“{TITLE}”, in 某乡镇 红星村)"
    assert shown["township"] == (
        f"No claims to put in a batch (“{TITLE}”, those this device has passed (“Township "
        "reviewed”), in 某乡镇)"
    )
    assert shown["county"] == (
        f"No claims to put in a batch (“{TITLE}”, those passed (“Township reviewed”))"
    )
    assert shown["unknown"] == (
        "No claims to put in a batch (this device's policy pack has no such subsidy, state "
        "“Submitted”)"
    )
    for name, text in shown.items():
        left = text.replace(TITLE, "").replace("某乡镇", "").replace("红星村", "")
        assert not CHINESE.search(left), (name, text)
    i18n.install_language("zh_CN")
    assert {name: message_for(refused) for name, refused in found.items()} == NOTHING_BEFORE
