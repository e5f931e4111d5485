"""The check that a county 就业状态 word is not written twice lived twice: in the command line
(`hub policy edit --word`) and in the county editor's form, each beside its own call of the
row check. It is now the pack's (`pack.status_word_refusals`), which both ask: the command line
stops at the first row the form marks, with the same sentence."""

from __future__ import annotations

import argparse

import pytest

from fieldapp.cli.county_cmds import status_word_changes
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence
from fieldapp.policy.pack import SPACED_TWICE, WRITTEN_TWICE, WordRefusal, status_word_refusals
from tests.english import in_english

#: Rows the county writes, and what each is told (Chinese, as the command line says it).
ROWS = [
    ("已就业", "未就业", "就业状态用词“已就业”本身就是一种就业状态，不能读作“未就业”"),
    (
        "务工",
        "未就业",
        "就业状态用词“务工”本程序已读作“已就业”，不能再说成“未就业”（导入时仍会按本程序的读法）",
    ),
    ("  ", "在校", "就业状态用词表中有一个用词是空的（读作“在校”的那一项）"),
    ("在家", "未就业", ""),
    (" 在家 ", "无需就业", "就业状态用词“在家”和“ 在家 ”只差前后的空格，是同一个词写了两次"),
    ("务工", "已就业", ""),  # the program's own reading: it may stand
]


@pytest.mark.parametrize("upto", range(1, len(ROWS) + 1))
def test_the_command_line_refuses_the_first_row_the_check_refuses(upto: int) -> None:
    rows = ROWS[:upto]
    refusals = status_word_refusals([(w, s) for w, s, _ in rows])
    assert [str(r) if r else "" for r in refusals] == [said for _w, _s, said in rows]
    args = argparse.Namespace(word=[f"{w}={s}" for w, s, _ in rows], drop_word=[])
    with pytest.raises(FieldappError) as refused:
        status_word_changes(args)
    assert str(refused.value) == ROWS[0][2]
    # The rows that may stand, on their own: taken, words as the pack keeps them.
    kept = [f"{w}={s}" for w, s, said in rows if not said]
    args = argparse.Namespace(word=kept, drop_word=[])
    assert status_word_changes(args) == ({w.strip(): s for w, s, said in rows if not said}, [])


def test_a_word_is_twice_only_after_a_row_of_it_that_may_stand() -> None:
    """A refused row does not take the word: the next row of it is judged by itself."""
    found = status_word_refusals([("务工", "未就业"), ("务工", "已就业"), ("务工 ", "已就业")])
    assert found[0] is not None and found[1] is None
    assert found[2] == WordRefusal(SPACED_TWICE, ("务工", "务工 "))
    assert str(found[2]) == "就业状态用词“务工”和“务工 ”只差前后的空格，是同一个词写了两次"
    # The same spelling again is said written twice, once.
    again = status_word_refusals([("务工", "已就业"), ("务工", "已就业")])
    assert again == [None, WordRefusal(WRITTEN_TWICE, ("务工",))]


#: A status no list has: what it was told (recorded from the code of 14f95f14).
NO_SUCH = (
    "外出",
    "出去了",
    "就业状态用词“外出”读作“出去了”不行：就业状态只有已就业、未就业、在校、无需就业",
)


def word_sentences() -> list[tuple[Sentence, str]]:
    """Each refusal of `ROWS`, `NO_SUCH` and a word written twice, as a sentence, with the
    Chinese it was told before."""
    rows = [*ROWS, NO_SUCH]
    found = [
        (refusal.said, told)
        for refusal, (_w, _s, told) in zip(
            status_word_refusals([(w, s) for w, s, _ in rows]), rows, strict=True
        )
        if refusal is not None
    ]
    again = status_word_refusals([("务工", "已就业"), ("务工", "已就业")])[1]
    assert again is not None
    return [*found, (again.said, "就业状态用词“务工”写了两次")]


def said_here() -> set[str]:
    """The templates `word_sentences` says."""
    from tests.services.sentence_checks import templates

    return set().union(*(templates(said) for said, _ in word_sentences()))


def test_a_refused_word_is_a_sentence_saying_what_it_said(qapp) -> None:  # noqa: ANN001
    """A pack written by hand whose words `check_words_written` refuses: the PackError keeps the
    refusal as a sentence (its statuses the program's words), said in the window's language."""
    import re

    from fieldapp.policy import pack
    from fieldapp.policy.pack import PackError
    from fieldapp.policy.packfile import check_words_written
    from fieldapp.ui.errors import message_for

    found = word_sentences()
    assert [str(said) for said, _ in found] == [told for _, told in found]
    assert set(pack.status_word_sentences()) <= said_here()
    text = '[status_words]\n"外出" = "出去了"\n'
    with pytest.raises(PackError) as refused:
        check_words_written(text, "county.toml")
    assert str(refused.value) == f"政策包 county.toml 第 2 行：{NO_SUCH[2]}"
    assert refused.value.said is not None
    with in_english():
        english = message_for(refused.value)
    assert "employed" in english.lower(), english
    assert not re.search(r"[\u4e00-\u9fff]", re.sub(r"“[^”]*”", "", english)), english
