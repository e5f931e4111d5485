"""A refused row's reason made from its sentence, not kept twice (`outcome.RowProblem`)."""

from __future__ import annotations

import tracemalloc
from dataclasses import replace

from fieldapp.domain import sentences
from fieldapp.tabular import person_row
from fieldapp.tabular.outcome import RowProblem


def _sex() -> sentences.Sentence:
    return sentences.said(person_row.OTHER_SEX, sentences.Word("男"), sentences.Word("女"))


def test_reason_is_the_sentence_s_chinese_and_equality_is_as_before() -> None:
    problem = RowProblem.of(7, _sex(), "台账")
    chinese = "性别填的是“男”，但身份证号码表明是女性，请核对"
    assert problem.reason == chinese
    assert problem.text == ""  # not kept beside the sentence
    assert problem.as_dict() == {"sheet": "台账", "row": 7, "reason": chinese}
    plain = RowProblem(7, chinese, "台账")
    assert problem == plain and hash(problem) == hash(plain)
    assert problem != RowProblem(8, chinese, "台账")
    assert problem != RowProblem(7, chinese + "。", "台账")


def test_a_reason_that_says_more_than_its_sentence_is_kept() -> None:
    headed = replace(RowProblem.of(3, _sex()), text="性别（表中“性 别”列，D 列）填的是…")
    assert headed.reason == "性别（表中“性 别”列，D 列）填的是…"
    assert headed.said == _sex()


def test_a_hundred_thousand_refused_rows_hold_their_reason_once() -> None:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [RowProblem.of(i, _sex()) for i in range(20_000)]
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(kept) == 20_000
    # The sentence and the problem: some 350 bytes a row; its Chinese kept too was 120 more.
    assert grown / 20_000 < 400, grown / 20_000
