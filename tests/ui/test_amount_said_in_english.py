"""A rule's amount (`Amount.said`) in the English window: the figure as it is, its unit, the
county's figure and the cap in English, the pack's own note as written (the Chinese it says:
`tests.policy.test_amount_said`)."""

from __future__ import annotations

import pytest

from fieldapp.policy.pack import Amount, amount_read, limit_read
from fieldapp.ui.held_words import part_shown
from tests.english import in_english
from tests.policy.test_amount_said import AMOUNTS, LIMITS


@pytest.fixture
def english(qapp):
    with in_english():
        yield


@pytest.mark.parametrize(("amount", "_chinese", "english_text"), AMOUNTS)
def test_an_amount_is_said_in_english_in_the_english_window(
    english, amount: Amount, _chinese: str, english_text: str
) -> None:
    assert part_shown(amount.said()) == english_text


@pytest.mark.parametrize(("_amount", "chinese", "english_text"), AMOUNTS)
def test_a_kept_amount_is_said_in_english_in_the_english_window(
    english, _amount: Amount, chinese: str, english_text: str
) -> None:
    """The amount a claim keeps in Chinese, read back, said as the rule's amount is."""
    read = amount_read(chinese)
    assert read is not None
    assert part_shown(read) == english_text


def test_a_kept_limit_is_said_in_english_in_the_english_window(english) -> None:
    shown = [part_shown(limit_read(chinese) or chinese) for _limit, chinese in LIMITS]
    assert shown == [
        "once a person each month",
        "once only",
        "once a person each calendar year (counted from 1 January 2026)",
    ]
