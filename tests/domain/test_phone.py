"""Phone numbers: a 10-digit mobile is refused with the count; real forms pass."""

from __future__ import annotations

import pytest

from fieldapp.domain.phone import phone_said


@pytest.mark.parametrize(
    "number",
    [
        "13812345678",
        "138 1234 5678",
        "１３８１２３４５６７８",
        "0857-8221234",
        "08578221234",
        "8221234",
        "",
    ],
)
def test_real_numbers_pass(number):
    assert phone_said(number) is None


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("1381234567", "11 位"),
        ("138123456789", "11 位"),
        ("0857-82", "位数不对"),
        ("138一二三", "只能有数字"),
        ("12345", "11 位"),
        ("23456", "位数不对"),
    ],
)
def test_slips_are_refused_saying_what(number, words):
    problem = phone_said(number)
    assert problem is not None and words in str(problem)  # its Chinese, as the CLI prints it


def test_a_phone_typed_is_kept_as_digits_one_in_the_ledger_as_it_is():
    from fieldapp.domain.phone import entered, typed

    assert typed(" （0857）822-1234 ") == "08578221234"
    assert typed("１３８ 1234 5678，0857-822１234") == "13812345678、08578221234"
    assert typed("  -  ") == ""
    assert typed(" 13812345678\t") == "13812345678"  # one number: as typed, spaces aside
    assert entered(" 138 1234 5678 ", None) == "13812345678"  # a new person's
    assert entered(" 138 1234 567 ", "138 1234 567") == "138 1234 567"  # the ledger's, kept
    assert entered("138 1234 5678", "139 0000 0000") == "13812345678"  # changed


def test_each_of_several_numbers_is_checked_as_the_import_keeps_them():
    # The import checked each number of "138…、0857-…" while the editor and the service took
    # the whole field as one number: a good pair refused there, for its '、'.
    from fieldapp.domain.phone import numbers, phones_said

    assert numbers("１３８1234 5678，0857-8221234") == ["1381234 5678", "0857-8221234"]
    assert numbers(" 138 1234 5678 ") == ["138 1234 5678"] and numbers("  ") == []
    assert phones_said("13812345678、0857-8221234") == []
    assert phones_said("13812345678；；0857-8221234") == []
    wrong = phones_said("13812345678、1381234567、0857-82")
    assert [str(w) for w in wrong] == [str(phone_said("1381234567")), str(phone_said("0857-82"))]


@pytest.mark.parametrize(
    "number",
    [
        "138〇〇〇〇〇〇〇2",
        "〇857-822〇〇34",
        "138〇〇〇〇〇〇〇",
        "138 〇〇〇〇 〇〇〇2、〇857-8221234",
        "１３８〇〇〇〇〇〇〇２",
        "138一二三",
        "138\t1234 5678",
        "（０８５７）\u3000822-1234",
    ],
)
def test_a_number_is_judged_as_it_is_kept(number):
    # `typed` read 〇 (the input method's "ling") as 0 while `phone_said` did not: the import
    # kept 138〇… as 1380… while the editor and the service refused it as not digits (and a
    # tab copied from a sheet, which `typed` drops too). What is wrong with a number is what
    # is wrong with it as kept.
    from fieldapp.domain.phone import phones_said, typed

    def judged(text: str) -> list[tuple[str, tuple[object, ...]]]:
        # What is wrong and the counts said, not the number as typed (part 1).
        return [(wrong.template, wrong.parts[1:]) for wrong in phones_said(text)]

    assert judged(number) == judged(typed(number))


def test_the_chinese_zero_is_a_digit_of_a_phone():
    assert phone_said("138〇〇〇〇〇〇〇2") is None
    short = phone_said("138〇〇〇〇〇〇〇")
    assert short is not None and "11 位" in str(short) and "10 位" in str(short)


def test_a_phone_is_checked_when_typed_or_changed_not_when_kept():
    """What the editor and the service check, decided once (`changed`): the ledger's old number
    left as it is, spaces around aside, is not checked; one tidied differently, a new one, or
    any for a new person is; a blank one for a new person is nothing to check."""
    from fieldapp.domain.phone import changed

    assert not changed(" 1380000000 ", "1380000000")  # inherited, however odd
    assert changed("138 1234 5678", "1380000000")
    assert changed("1380000000", None)
    assert not changed("  -  ", None) and not changed("", "")
    assert changed("", "13812345678")  # cleared: nothing to check, but a change


def test_digits_of_another_script_are_no_phone_number():
    """`str.isdigit` is true of Arabic-Indic or Devanagari digits, which NFKC leaves as they
    are: a hostile sheet's ١٣٨١٢٣٤٥٦٧٨ passed as an 11-digit mobile and was kept. Refused as
    the account is, saying what is wrong."""
    from fieldapp.domain.phone import NOT_DIGITS, phone_said, phones_said

    for number in ("١٣٨١٢٣٤٥٦٧٨", "१३८१२३४५६७८"):
        wrong = phone_said(number)
        assert wrong is not None and wrong.template == NOT_DIGITS, number
        assert [w.template for w in phones_said(f"13812345678、{number}")] == [NOT_DIGITS]
    assert phone_said("１３８１２３４５６７８") is None  # full-width: the input method's, read
