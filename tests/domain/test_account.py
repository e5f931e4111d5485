"""Bank and social-security card accounts as typed in the person editor."""

from __future__ import annotations

import pytest

from fieldapp.domain.account import account_problem, normalise


def test_spaces_hyphens_and_full_width_digits_are_tidied():
    assert normalise(" ６２２１ 5214-1947 1687 740 ") == "6221521419471687740"


@pytest.mark.parametrize("text", ["", "6221521419471687740", "6221 5214 1947 1687", "622848001234"])
def test_real_accounts_pass(text):
    assert account_problem(text) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("6221 abc 52", "只能有数字"),
        ("62215214", "8 位"),
        ("1" * 26, "26 位"),
        ("６２２１５２１４１９４７ⅰ", "只能有数字"),
    ],
)
def test_slips_are_named(text, words):
    problem = account_problem(text)
    assert problem is not None and words in problem and text.strip() in problem
