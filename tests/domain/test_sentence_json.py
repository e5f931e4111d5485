"""A sentence kept as JSON (`sentences.sentence_json`) and read back (`sentence_read`): the hub
keeps a held change's reason so and sends it to the county's desktop. Every refusal the write
door makes reads back as it was; JSON a hostile or older hub, a hand edit or a damaged disk
may hold is refused (`UnreadSentence`; `sentence_or_none`: None), never half read."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fieldapp.domain import sentences
from fieldapp.domain.sentences import (
    LISTED,
    Day,
    Sentence,
    UnreadSentence,
    Word,
    said,
    sentence_json,
    sentence_or_none,
    sentence_read,
)
from tests.services.test_refusal_sentences import SCENARIOS

#: A template of three parts, listed in TEMPLATES for a test alone (`three`): made at import,
#: the catalogue and the test that meets every template would count it.
THREE = "%1的%2不能早于%3"


@pytest.fixture
def three(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(sentences.TEMPLATES, THREE, None)
    return THREE


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_refusal_of_the_write_door_reads_back_as_it_was(name):
    verdict = SCENARIOS[name]()
    assert verdict.said is not None
    kept = sentence_json(verdict.said)
    back = sentence_read(kept)
    assert back == verdict.said, (kept, back)
    assert str(back) == verdict.reason
    assert sentence_read(json.loads(kept)) == verdict.said  # as a decoded answer carries it


def test_each_kind_of_part_reads_back(three):
    inner = said(LISTED, Word("姓名"), "电话<b>")
    sentence = said(
        THREE,
        Word("工作", common=True),
        said(LISTED, Day(dt.date(2026, 3, 1), "month"), inner),
        Day(dt.date(2026, 2, 28)),
    )
    kept = sentence_json(sentence)
    assert "2026-03-01" in kept and "工作" in kept  # readable, not escaped
    back = sentence_read(kept)
    assert back == sentence
    assert isinstance(back.parts[0], Word) and back.parts[0].common is True
    assert str(back) == "工作的2026年3月、姓名、电话<b>不能早于2026年2月28日"
    year = said(LISTED, Day(dt.date(2026, 1, 1), "year"), "")
    assert sentence_read(sentence_json(year)) == year
    iso = said(LISTED, Day(dt.date(2026, 7, 1), "iso"), "")  # (as a pack's text writes it)
    assert sentence_read(sentence_json(iso)) == iso and str(iso) == "2026-07-01、"


def test_sentence_data_is_the_json_value_read_back(three):
    """`sentence_data` (what an HTTP answer carries) is the value `sentence_json` writes:
    a desktop reading either gets the same sentence."""
    sentence = said(THREE, Word("工作", common=True), Day(dt.date(2026, 3, 1), "month"), "甲")
    data = sentences.sentence_data(sentence)
    assert data == json.loads(sentence_json(sentence))
    assert sentence_read(data) == sentence


GOOD = {"template": LISTED, "parts": ["张三", {"word": "姓名", "common": False}]}


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not json",
        "[]",
        "null",
        '"张三"',  # a part, not a sentence
        json.dumps({"template": "<b>%1</b>", "parts": ["x"]}),  # a template it never made
        json.dumps({"template": THREE, "parts": ["a", "b"]}),  # fewer parts than it names
        json.dumps({"template": LISTED, "parts": ["a"] * 10}),
        json.dumps({"template": LISTED, "parts": "ab"}),
        json.dumps({"template": LISTED, "parts": ["a", 1]}),
        json.dumps({"template": LISTED, "parts": ["a", None]}),
        json.dumps({**GOOD, "extra": 1}),
        json.dumps({"template": LISTED, "parts": ["a", {"word": "", "common": False}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"word": "姓名", "common": 1}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"word": "长" * 201, "common": False}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"day": "2026-02-30", "kind": "day"}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"day": "2026-2-3", "kind": "day"}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"day": "2026-02-03", "kind": "week"}]}),
        json.dumps({"template": LISTED, "parts": ["a", {"day": 20260203, "kind": "day"}]}),
        json.dumps({"template": LISTED, "parts": ["a", "长" * sentences.JSON_LONGEST]}),
        "[" * 100_000,  # too deep for the decoder: refused, not a RecursionError
    ],
)
def test_what_is_not_a_sentence_this_program_made_is_refused(bad, three):
    with pytest.raises(UnreadSentence):
        sentence_read(bad)
    assert sentence_or_none(bad) is None


def test_a_decoded_sentence_is_bounded_as_its_text_is():
    long = {"template": LISTED, "parts": ["a", "长" * sentences.JSON_LONGEST]}
    with pytest.raises(UnreadSentence):
        sentence_read(long)
    assert sentence_or_none({"template": LISTED, "parts": ["a", {1, 2}]}) is None


def test_nesting_is_bounded():
    deep: dict = {"template": LISTED, "parts": ["a", "b"]}
    for _ in range(sentences.JSON_DEEPEST):
        deep = {"template": LISTED, "parts": ["a", deep]}
    assert isinstance(sentence_read(json.dumps(deep)), Sentence)
    deeper = {"template": LISTED, "parts": ["a", deep]}
    with pytest.raises(UnreadSentence):
        sentence_read(json.dumps(deeper))


def test_none_kept_is_none_and_a_good_one_reads():
    assert sentence_or_none(None) is None and sentence_or_none("") is None
    assert sentence_or_none(GOOD) == Sentence(LISTED, ("张三", Word("姓名")))
    assert sentence_or_none(json.dumps(GOOD)) == Sentence(LISTED, ("张三", Word("姓名")))
