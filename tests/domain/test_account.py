"""Bank and social-security card accounts as typed in the person editor."""

from __future__ import annotations

import pytest

from fieldapp.domain.account import account_said, card_number, excel_rounded, normalise


def test_spaces_hyphens_and_full_width_digits_are_tidied():
    assert normalise(" ６２２１ 5214-1947 1687 740 ") == "6221521419471687740"


def test_every_kind_of_space_is_dropped_and_nothing_else():
    # Whatever Python counts as a space (a tab, a no-break space, an ideographic one, a line
    # separator pasted from a phone …) goes, with hyphens; any other sign stays to be refused.
    spaces = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
    assert normalise(f"6221{spaces}5214-1947--1687740") == "6221521419471687740"
    assert normalise("6221_5214·1947") == "6221_5214·1947"
    assert normalise("６２２１〇5214") == "622105214"
    assert normalise("6221521419471687740") == "6221521419471687740"


@pytest.mark.parametrize("text", ["", "6221521419471687740", "6221 5214 1947 1687", "622848001234"])
def test_real_accounts_pass(text):
    assert account_said(text) is None


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
    problem = account_said(text)
    assert problem is not None
    chinese = str(problem)  # the sentence's Chinese, as the import's report says it
    assert words in chinese and text.strip() in chinese


def test_a_rounded_account_is_told_from_a_card_number_ending_in_zeros():
    assert excel_rounded("6217002870012340000")  # 6217002870012345678 kept to 15 digits
    assert excel_rounded("6222021234567800")  # a UnionPay card of 16
    assert not excel_rounded("6217002870012380000")  # a card number that ends so
    assert not excel_rounded("6217002870012345678")
    assert not excel_rounded("1234567890123450")  # 16 digits, not a UnionPay card
    assert not excel_rounded(card_number("62215" + "0" * 10 + "00"))  # the demo's, by chance


def test_an_account_typed_is_normalised_one_in_the_ledger_kept_as_it_is():
    from fieldapp.domain.account import entered

    assert entered(" 6221 5214-1947 ", None) == "622152141947"  # a new person's
    assert entered("6221 5214 ", "6221 5214") == "6221 5214"  # the ledger's, kept
    assert entered("6221 5215", "6221 5214") == "62215215"  # changed
    assert entered("   ", None) == ""


def test_an_account_is_checked_when_typed_or_changed_not_when_kept():
    """What the editor and the service check, decided once (`changed`): the ledger's account
    left as it is is not checked, however odd; the same digits typed with spaces are no
    change; a new one, or any for a new person, is; a blank one for a new person is not."""
    from fieldapp.domain.account import changed

    assert not changed(" 12345 ", "12345")
    assert not changed("6217 0000 1234 5678", "6217000012345678")
    assert changed("12346", "12345") and changed("12345", None)
    assert not changed("  ", None)
