"""A count said with its noun in the English window: "1 month", "2 months".

A refusal's template has several parts, so Qt's %n (one count a string) cannot pick its
noun, and the English said "1 months", "and 1 more problems". An English template writes a
counted noun `{%2|problem|problems}`; `held_words.sentence_shown` picks its word for part %2
as shown (the singular for the whole number 1 only), the Chinese as it was.
`update_translations.py --check` still fails when the English leaves out a part: a counted
noun names one, it does not say it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.sentences import AND_MORE, AND_MORE_PEOPLE, RANGE, Part, Word, listed, said
from fieldapp.policy import conditions, packfile
from fieldapp.policy.facts import ServiceFacts
from fieldapp.policy.pack import Conditions, PackError
from fieldapp.tabular import ledger_import as li
from fieldapp.ui import held_words
from fieldapp.ui.errors import message_for
from fieldapp.ui.held_words import counted
from tests.english import in_english
from tests.policy.helpers import LIFTED, D, person
from tests.policy.test_pack_problems_said import TWO_WRONG

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("part", "word"),
    [
        ("1", "person"),
        ("2", "people"),
        ("0", "people"),
        ("1.5", "people"),
        ("1,000", "people"),
        ("王小明", "people"),
        ("1、3", "people"),
        ("", "people"),
    ],
)
def test_the_noun_is_singular_for_the_number_one_only(part: str, word: str) -> None:
    assert counted("%1 {%1|person|people} in all", [part]) == f"%1 {word} in all"


def test_each_noun_follows_its_own_part_and_may_say_it() -> None:
    template = "%1 {%1|row is|rows are} hidden: {%1|row|rows} %2; {%3|one left|%3 left}"
    assert counted(template, ["1", "7", "2"]) == "%1 row is hidden: row %2; %3 left"
    assert counted(template, ["2", "7、9", "1"]) == "%1 rows are hidden: rows %2; one left"


def test_a_part_written_like_a_noun_is_said_as_it_is(qapp: Any) -> None:
    """A name as typed that looks like a counted noun is not picked from: only the template's
    own text is (a part is filled after)."""
    typed = "{%1|甲|乙}"
    sentence = said(packfile.MORE_PROBLEMS, typed, "1")
    with in_english():
        shown = held_words.sentence_shown(sentence)
    assert shown == "{%1|甲|乙} (and 1 more problem)"
    assert held_words.sentence_shown(sentence) == "{%1|甲|乙}（另有 1 处问题）"


def _pack_refused(text: str) -> PackError:
    with pytest.raises(PackError) as refused:
        packfile.parse_pack_text(text, "county.toml")
    return refused.value


#: Three problems: TWO_WRONG's and its document dated with no date.
THREE_WRONG = TWO_WRONG.replace("document_date = 2026-01-05", 'document_date = "x"', 1)


def _english(said: Any) -> str:
    with in_english():
        return said()


def test_a_pack_says_one_more_problem_and_two_more_problems(qapp: Any) -> None:
    one, two = _pack_refused(TWO_WRONG), _pack_refused(THREE_WRONG)
    assert str(one).endswith("（另有 1 处问题）") and str(two).endswith("（另有 2 处问题）")
    assert _english(lambda: message_for(one)).endswith("(and 1 more problem)")
    assert _english(lambda: message_for(two)).endswith("(and 2 more problems)")


def _training(days: int, need: int) -> Any:
    service = ServiceFacts("t", D(2025, 3, 1), "职业培训", training_days=days)
    check = conditions.compile_checks(Conditions(training_days_min=need))[-1]
    facts = person(categories=LIFTED, spells=())
    ctx = conditions.Ctx(
        facts, D(2025, 9, 1), D(2025, 3, 1), None, service, frozenset({"脱贫人口"})
    )
    return check(ctx).said()


def test_a_training_of_one_day_and_of_two_days(qapp: Any) -> None:
    one, two = _training(1, 1), _training(2, 2)
    assert (str(one), str(two)) == ("培训1天（要求≥1天）", "培训2天（要求≥2天）")
    assert (
        _english(lambda: held_words.part_shown(one))
        == "Trained for 1 day (at least 1 day required)"
    )
    assert (
        _english(lambda: held_words.part_shown(two))
        == "Trained for 2 days (at least 2 days required)"
    )
    # The Chinese window says them as it did.
    assert held_words.part_shown(one) == "培训1天（要求≥1天）"


def test_the_check_fails_while_the_english_leaves_out_a_part(monkeypatch, capsys) -> None:
    """A counted noun names part %2 but does not say it: an English with the noun and not the
    number fails `--check`, as one naming a part the Chinese has not, or one outside a
    refusal's template (nothing picks its word there)."""
    sys.path.insert(0, str(ROOT / "packaging"))
    import translations_en
    import update_translations

    unsaid = update_translations.parts_unsaid
    assert (
        unsaid("Refusals", "%1（另有 %2 处问题）", "%1 (and %2 more {%2|problem|problems})") == ""
    )
    assert unsaid("Refusals", "有 %1 行", "{%1|one row|%1 rows}") == ""
    assert "%2" in unsaid("Refusals", "%1（另有 %2 处问题）", "%1 (and more {%2|problem|problems})")
    assert "%3" in unsaid("Refusals", "%1（另有 %2 处问题）", "%1 %2 {%3|a|b}")
    assert "refusal" in unsaid("Days", "%1个月", "%1 {%1|month|months}")
    assert unsaid("Days", "%1年%2月", "%4 %1") == ""  # (a month said by its name)

    source = packfile.MORE_PROBLEMS
    wrong = "%1 (and more {%2|problem|problems})"
    monkeypatch.setitem(translations_en.EN, source, wrong)
    assert update_translations.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert re.search(r"no English for: .*另有 %2 处问题.*does not say %2", out), out


@pytest.mark.parametrize(
    ("part", "word"),
    [
        ("7", "row"),
        ("12", "row"),  # (one row, number 12: a list's items are counted, not its number)
        (listed(["7", "9"]), "rows"),
        (said(RANGE, "5", "8"), "rows"),
        (said(AND_MORE, listed(["7", "9"])), "rows"),
        (said(AND_MORE, "7"), "rows"),
        (said(AND_MORE_PEOPLE, listed(["王小明", "李四"]), "12"), "rows"),
        (said(li.QUOTED, "花名册、备份"), "row"),  # (one sheet, whatever its name holds)
        (Word("行政村"), "row"),
        ("", "rows"),
    ],
)
def test_a_list_noun_is_singular_where_the_list_names_one_item(
    qapp: Any, part: Part, word: str
) -> None:
    """Told by the part's kind: a list, a run, a list cut short name several, as the English
    window says them (7, 9 · 5–8 · 7, 9 and more), whatever their separators."""
    shown = _english(lambda: held_words.part_shown(part))
    assert counted("{%1#|row|rows} %1", [shown], [part]) == f"{word} %1"


@pytest.mark.parametrize(
    ("part", "word"),
    [
        ("Anne-Marie", "sheet"),  # (a name with a hyphen, a comma: one name)
        ("Li, Wei", "sheet"),
        ("2025–2026", "sheet"),
        ("1,000", "sheet"),
        ("7、9", "sheets"),  # (text only: 、，；等 part its items)
        ("7，9", "sheets"),
        ("7；9", "sheets"),
        ("7;9", "sheets"),
        ("7等", "sheets"),
    ],
)
def test_a_part_of_text_is_counted_by_its_chinese_separators_only(part: str, word: str) -> None:
    assert counted("{%1#|sheet|sheets} %1", [part], [part]) == f"{word} %1"
    assert counted("{%1#|sheet|sheets} %1", [part]) == f"{word} %1"  # (no parts said)


def test_a_sheet_named_with_a_hyphen_is_one_sheet(qapp: Any) -> None:
    """A single sheet's name with a hyphen or a comma, quoted, is one sheet, not several."""
    sentence = said(
        li.REPEATED_OLD,
        listed(["王小明"]),
        "",
        "7",
        listed([said(li.QUOTED, "2025-2026, 备份")]),
    )
    assert _english(lambda: held_words.sentence_shown(sentence)) == (
        "王小明 (row 7) is also in sheet “2025-2026, 备份”: their row in this old sheet or backup"
        " was not read, sheet “2025-2026, 备份” counts. Please check"
    )


def test_a_sheet_of_one_column_of_months_and_of_several(qapp: Any) -> None:
    """The columns of months a sheet names no year for: one column said as one (C), several
    as several (C–E), their headings listed as the window lists."""

    one = said(li.MONTHS_NO_YEAR, said(li.QUOTED, "1月"), "C")
    three = said(
        li.MONTHS_NO_YEAR,
        listed([said(li.QUOTED, f"{m}月") for m in (1, 2, 3)]),
        said(RANGE, "C", "E"),
    )
    assert _english(lambda: held_words.sentence_shown(one)).startswith(
        "Column “1月” (column C) holds each month's work status but names no year, so it was"
        " not imported. Name the column as"
    )
    assert _english(lambda: held_words.sentence_shown(three)).startswith(
        "Columns “1月”, “2月”, “3月” (columns C–E) hold each month's work status but name no"
        " year, so they were not imported. Name the columns as"
    )
    assert str(one).startswith("“1月”列（C 列）是各月的就业状态")  # (the Chinese as it was)


def test_a_number_written_otherwise_in_one_row_and_in_several(qapp: Any) -> None:

    def differs(kept: Part, rows: Part) -> str:
        sentence = said(
            li.NUMBER_DIFFERS, "王小明", kept, "520123199001011234", rows, "身份证号码",
            "C", "520123199001011235", said(li.NUMBER_LATEST),
        )  # fmt: skip
        return _english(lambda: held_words.sentence_shown(sentence))

    one = differs(listed(["3", "4"]), listed(["5"]))
    assert "in rows 3, 4, but 520123199001011235 in row 5 (column" in one
    assert "so row 5 was read as 520123199001011234" in one
    several = differs("3", said(RANGE, "4", "5"))
    assert "in row 3, but 520123199001011235 in rows 4–5 (column" in several
    assert "so rows 4–5 were read as 520123199001011234" in several


def test_rows_another_sheet_gives_one_and_several(qapp: Any) -> None:

    one = said(li.REPEATED_OLD, listed(["王小明"]), "", "7", listed([said(li.QUOTED, "花名册")]))
    several = said(
        li.REPEATED_OLD,
        listed(["王小明", "李四"]),
        "",
        said(RANGE, "7", "8"),
        listed([said(li.QUOTED, "花名册"), said(li.QUOTED, "备份")]),
    )
    assert _english(lambda: held_words.sentence_shown(one)) == (
        "王小明 (row 7) is also in sheet “花名册”: their row in this old sheet or backup was not"
        " read, sheet “花名册” counts. Please check"
    )
    assert _english(lambda: held_words.sentence_shown(several)) == (
        "王小明, 李四 (rows 7–8) are also in sheets “花名册”, “备份”: their rows in this old sheet"
        " or backup were not read, sheets “花名册”, “备份” count. Please check"
    )


def test_open_ended_contracts_and_example_rows_of_one_row_and_several(qapp: Any) -> None:

    def shown(template: str, *parts: Part) -> str:
        return _english(lambda: held_words.sentence_shown(said(template, *parts)))

    assert shown(li.OPEN_ENDED_ROWS, li._ranges([7]), "").startswith(
        "Row 7 has a contract whose term is “open-ended”: the job was imported as usual, the"
        " term not recorded"
    )
    assert shown(li.OPEN_ENDED_ROWS, li._ranges([7, 9]), "").startswith(
        "Rows 7, 9 have contracts whose term is “open-ended”: the jobs were imported as usual,"
        " the terms not recorded"
    )
    assert shown(li.EXAMPLE_ROWS, li._ranges([3]), "示例").startswith(
        "Row 3 is the template's example (“示例”), not a person, and was not read; if it is a"
        " person"
    )
    assert shown(li.EXAMPLE_ROWS, li._ranges([3, 4]), "示例").startswith(
        "Rows 3–4 are the template's examples (“示例”), not people, and were not read; if they"
        " are people"
    )


def test_row_runs_are_said_as_a_list_the_chinese_as_it_was(qapp: Any) -> None:
    """`_ranges`: runs and single rows listed, cut short with 等 — the Chinese byte for byte
    as it was written, the English listing them as it lists (and more), counted exactly."""
    rows = [5, 6, 7, 9, *range(20, 60, 2)]
    said_rows = li._ranges(rows)
    assert str(said_rows) == "5–7、9、20、22、24、26、28、30、32、34、36、38等"
    assert str(li._ranges([12])) == "12"
    english = _english(lambda: held_words.part_shown(said_rows))
    assert english == "5–7, 9, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38 and more"
    sentence = said(li.OPEN_ENDED_ROWS, li._ranges([5, 6]), "")
    assert _english(lambda: held_words.sentence_shown(sentence)).startswith("Rows 5–6 have")
    assert str(sentence).startswith("第 5–6 行的劳动合同期限")


def test_households_whose_group_cell_is_blank_are_counted_in_english(qapp: Any) -> None:
    """A 一组 sheet's households put in 一组 for a blank 村民组 cell: one, and several."""

    def shown(count: str, rows: list[int]) -> str:
        sentence = said(li.GROUP_OF_SHEET_BLANK, count, li._ranges(rows), "一组")
        return _english(lambda: held_words.sentence_shown(sentence))

    assert shown("1", [4]) == (
        "1 row's “Villager group” cell is blank (row 4): its household was put in “一组”, as"
        " the sheet is named; please check"
    )
    assert shown("2", [4, 5]) == (
        "2 rows' “Villager group” cells are blank (rows 4–5): their households were put in"
        " “一组”, as the sheet is named; please check"
    )
