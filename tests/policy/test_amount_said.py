"""A rule's amount (`Amount.said`) is a sentence: the Chinese it says is `Amount.describe`'s text
as a claim keeps it (`QualifyingFacts.amount_rule`), byte for byte
(`tests.ui.test_amount_said_in_english`: the English window says it in English)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.policy.pack import Amount, AmountKind, Limit, LimitKind, amount_read, limit_read
from tests.services.sentence_checks import templates

NOTE = "岗位补贴标准由县里核定"
#: Each kind of amount, what it said in Chinese (`describe` before it was a sentence) and says
#: in English.
AMOUNTS = [
    (Amount(kind=AmountKind.FIXED, value=300), "300 元", "300 yuan"),
    (
        Amount(kind=AmountKind.FIXED, value=300, note="省定标准"),
        "300 元；省定标准",
        "300 yuan; 省定标准",
    ),
    (Amount(kind=AmountKind.PER_DAY, value=40, max=1200), "每天 40 元", "40 yuan a day"),
    (
        Amount(kind=AmountKind.COUNTY, unit="元/月", value=600, note=NOTE),
        "600 元/月（县定标准）",
        "600 yuan a month (the county's figure)",
    ),
    (
        Amount(kind=AmountKind.COUNTY, unit="元/月", note=NOTE),
        f"待县里核定标准；{NOTE}",
        f"To be set by the county; {NOTE}",
    ),
    (Amount(kind=AmountKind.COUNTY), "待县里核定标准", "To be set by the county"),
    (
        Amount(kind=AmountKind.CAPPED, max=500, value=400),
        "400 元（县定标准，最高 500 元）",
        "400 yuan (the county's figure, at most 500 yuan)",
    ),
    (
        Amount(kind=AmountKind.CAPPED, max=500, note="标准由县里核定"),
        "待县里核定标准（最高 500 元）；标准由县里核定",
        "To be set by the county (at most 500 yuan); 标准由县里核定",
    ),
]


@pytest.mark.parametrize(("amount", "chinese", "_english"), AMOUNTS)
def test_an_amount_says_in_chinese_what_it_said(
    amount: Amount, chinese: str, _english: str
) -> None:
    said = amount.said()
    assert isinstance(said, Sentence)
    assert str(said) == chinese
    assert amount.describe() == chinese  # (the text a claim keeps, as it was)


def said_here() -> set[str]:
    """The templates the amounts here say."""
    return set().union(*(templates(amount.said()) for amount, _, _ in AMOUNTS))


@pytest.mark.parametrize(("amount", "chinese", "_english"), AMOUNTS)
def test_a_kept_amount_reads_back_into_its_sentence(
    amount: Amount, chinese: str, _english: str
) -> None:
    """The text a claim keeps (`QualifyingFacts.amount_rule`) read back into the sentence it
    was made of, so a window says a kept claim's amount in its language."""
    assert amount_read(chinese) == amount.said()


#: A forged claim's kept amount (a hostile device's): long, nearly an amount, and read at once.
FORGED = [
    "1" * 100_000,
    "1" * 50_000 + " 元" + "（" * 50_000,
    "待县里核定标准（最高 " + "1" * 100_000,
]


@pytest.mark.parametrize(
    "text",
    ["", "600元", "六百元", "600 元（县里定）", "待县里核定标准；", "每天 40 元/月", "{}", *FORGED],
)
def test_a_text_no_amount_says_is_not_read(text: str) -> None:
    assert amount_read(text) is None
    if text in FORGED:
        assert amount_read(text + "；县里的说明") is None


LIMITS = [
    (Limit(kind=LimitKind.ONCE_PER_MONTH), "每人每月一次"),
    (Limit(kind=LimitKind.ONCE_EVER), "限享受一次"),
    (
        Limit(kind=LimitKind.ONCE_PER_YEAR, count_from=dt.date(2026, 1, 1)),
        "每人每个自然年度一次（自2026年1月1日起计）",
    ),
]


@pytest.mark.parametrize(("limit", "chinese"), LIMITS)
def test_a_kept_limit_reads_back_into_its_sentence(limit: Limit, chinese: str) -> None:
    assert limit.describe() == chinese  # (the text a claim keeps, as it was)
    assert limit_read(chinese) == limit.said()
    assert limit_read("每人一次") is None
    assert limit_read("限享受一次（自2026年2月30日起计）") is None


def test_the_editor_says_a_cap_as_the_amount_says_its_money() -> None:
    """The county editor's label (`FigureField.label_said`) says its cap by the one sentence
    of a figure and its unit (`pack.money_said`), as `Amount.said` does: one English for both."""
    from fieldapp.policy.editor import FIGURE_CAPPED, FigureField
    from fieldapp.policy.pack import MONEY, money_said

    capped = Amount(kind=AmountKind.CAPPED, max=500, value=400).said()
    assert isinstance(capped, Sentence) and capped.parts[1] == money_said(500, "元")
    field = FigureField("transport", "一次性交通补助", 400, 500, "元", "")
    label = field.label_said
    assert label == Sentence(FIGURE_CAPPED, ("一次性交通补助", money_said(500, "元")))
    assert money_said(500, "元").template == MONEY
    assert field.label == "一次性交通补助（最高 500 元）"
