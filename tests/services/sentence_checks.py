"""What the refusal-sentence tests check of a sentence, kept once: the templates it is made of,
the template filled by hand in Chinese, and that a refusal says what the program said before."""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.domain.dates import written
from fieldapp.domain.sentences import Day, Sentence, Word, fill
from fieldapp.services.trust import Verdict
from fieldapp.services.trust_check import TrustRefused


def templates(sentence: Sentence) -> set[str]:
    """The templates a sentence is made of, its parts' included."""
    found = {sentence.template}
    for part in sentence.parts:
        if isinstance(part, Sentence):
            found |= templates(part)
    return found


def filled(sentence: Sentence) -> str:
    """The template filled with its parts in Chinese, by hand (not `str(sentence)`)."""
    parts: list[str] = []
    for part in sentence.parts:
        if isinstance(part, Sentence):
            parts.append(filled(part))
        elif isinstance(part, Word):
            parts.append(part.text)
        elif isinstance(part, Day):
            day = part.day
            parts.append(
                {
                    "day": written(day),
                    "month": f"{day.year}年{day.month}月",
                    "iso": day.isoformat(),
                }.get(part.kind, f"{day.year}年度")
            )
        else:
            parts.append(part)
    return fill(sentence.template, parts)


def assert_said_before(name: str, verdict: Verdict, before: Mapping[str, tuple[str, str]]) -> None:
    """`verdict` refuses with the rule and the Chinese sentence the old code gave `name`; its
    template filled by hand and `str()` both say it; a refused write carries it whole."""
    assert not verdict.allowed
    assert (verdict.rule, verdict.reason) == before[name]
    assert isinstance(verdict.said, Sentence), name
    assert filled(verdict.said) == verdict.reason
    assert str(verdict.said) == verdict.reason
    refused = TrustRefused(verdict)  # what a refused write raises, and the hub holds
    assert str(refused) == verdict.reason and refused.said == verdict.said
