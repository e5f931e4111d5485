"""Two sentences joined by ； (`sentences.joined`, `listed(…, SEMICOLONED)`): one template made
once, said byte for byte as each place wrote it before, and counted as several."""

from __future__ import annotations

import pytest

from fieldapp.domain.sentences import (
    COLONED,
    EITHER,
    OWNED,
    SEMICOLONED,
    SEVERAL,
    TEMPLATES,
    Sentence,
    Word,
    joined,
    listed,
    names_one,
    said,
)
from fieldapp.policy.citations import version_said
from fieldapp.policy.pack import Amount


def test_joined_says_the_two_parts_with_a_full_width_semicolon() -> None:
    sentence = joined("黔府发〔2023〕12号 附件3", Word("监测收入线"))
    assert sentence == Sentence("%1；%2", ("黔府发〔2023〕12号 附件3", Word("监测收入线")))
    assert str(sentence).encode() == "黔府发〔2023〕12号 附件3；监测收入线".encode()
    assert SEMICOLONED in TEMPLATES and SEMICOLONED in SEVERAL
    assert names_one(sentence) is False


def test_a_list_joined_by_semicolons_nests_the_one_template() -> None:
    three = listed(["甲", "乙", "丙"], SEMICOLONED)
    assert str(three) == "甲；乙；丙"
    assert isinstance(three, Sentence) and three.template == SEMICOLONED
    assert isinstance(three.parts[1], Sentence) and three.parts[1].template == SEMICOLONED


def test_the_places_that_join_so_say_it_as_before() -> None:
    """The pack's figure and its note, editions judged across: the same Chinese as before."""
    figure = Amount.model_validate({"kind": "county", "note": "岗位补贴标准由县里核定"})
    shown = figure.said()
    assert str(shown) == "待县里核定标准；岗位补贴标准由县里核定"
    assert isinstance(shown, Sentence) and shown.template == SEMICOLONED
    editions = version_said("guizhou-2023@2026.1、guizhou-2023@2026.1+c@2026.2")
    assert str(editions) == "2026.1；省 2026.1、县 2026.2"
    assert isinstance(editions, Sentence) and editions.template == SEMICOLONED


def test_a_joiner_or_template_not_made_so_is_refused_even_under_optimisation() -> None:
    """`listed` checks its joiner, `said` its template, with an error, not an assert (gone
    under python -O)."""
    import subprocess
    import sys

    with pytest.raises(ValueError, match="SEVERAL"):
        listed(["甲", "乙"], EITHER)
    with pytest.raises(ValueError, match="not a template"):
        said("未登记的句子%1", "甲")
    code = (
        "from fieldapp.domain.sentences import EITHER, listed, said\n"
        "try:\n    listed(['甲', '乙'], EITHER)\nexcept ValueError:\n    print('refused')\n"
        "try:\n    said('未登记的句子%1', '甲')\nexcept ValueError:\n    print('refused')\n"
    )
    out = subprocess.run(
        [sys.executable, "-O", "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["refused", "refused"]


def test_a_colon_and_whose_are_one_template_each_wherever_said() -> None:
    """“%1：%2” and “%1的%2” are made once (`sentences.COLONED`, `OWNED`): a pack's key and its
    problem, a county device's refusal and the hub's words, a payee and the name written, a
    held change's record — each translated once, the same Chinese as before."""
    from fieldapp.hub import rejected
    from fieldapp.policy import eligibility, packfile
    from fieldapp.sync import client

    assert packfile.KEYED == client.REQUEST_REFUSED == eligibility.COLONED == COLONED
    assert rejected.RECORD_OF == eligibility.OWNED == OWNED
    problem = packfile.problem_text({"type": "string_too_short", "loc": ("rules", 0, "title")})
    assert isinstance(problem, Sentence) and problem.template == COLONED
    assert (
        str(problem) == "本包新增的第 1 条规则的名称：不能为空"
    )  # (the clerk's words since round Y)
