"""What the English window's tests look for: Chinese characters left in a text, and the parts
of a sentence said as they are stored (names, places, numbers, which stay as typed)."""

from __future__ import annotations

import re

from fieldapp.domain.sentences import Sentence

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _stored(sentence: Sentence) -> list[str]:
    """The parts said as they are stored (names, places, numbers), its phrases' included."""
    found: list[str] = []
    for part in sentence.parts:
        if isinstance(part, Sentence):
            found += _stored(part)
        elif isinstance(part, str):  # (not a `Word` nor a `Day`: said in the language shown)
            found.append(part)
    return found
