"""A sentence kept as its template and its parts, so each window can say it in its language.

The write door refuses in a Chinese sentence built from parts (the place, the person, the
claim's state, the rule's role …). Kept only as text, the English window could say nothing
but the rule's short name. A `Sentence` keeps the template, with numbered parts (%1, %2 …, as
Qt's translations write them), and the parts: `str(sentence)` is the Chinese sentence, byte
for byte what the door always said; the desktop fills the template's translation with each
part in the language shown (`fieldapp.ui.held_words.sentence_shown`).

A part is one of:

- a `str`: what people wrote or the ledger holds — a name, a place, a number — said as it is;
- a `Word`: one of the program's own words (a table's name, a field's, a claim's state, a
  role), said in the language shown (in lower case inside a sentence where it is a common
  noun, `Word.common`);
- a `Day`: a day, month or year as the program writes it (2026年3月1日, 2026年3月, 2026年度),
  said as the language shown writes days;
- a `Sentence`: a phrase of its own (the device a refusal names, a list of fields).

Every template is made once, at import, by `template()`, which lists it in `TEMPLATES`: the
translations' catalogue is written from that list (`packaging/update_translations.py`), and
`--check` fails while one lacks its English. Words a part may be are listed where they are
kept (`fieldapp.ui.held_words.words()`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from fieldapp.domain.dates import written

#: Every template, in the order made (a dict: made once each).
TEMPLATES: dict[str, None] = {}

_NUMBERED = re.compile(r"%(\d)")


def template(text: str) -> str:
    """`text`, a sentence with numbered parts (%1 … %9), listed in `TEMPLATES`."""
    TEMPLATES[text] = None
    return text


def fill(text: str, parts: Sequence[str]) -> str:
    """`text` with %1, %2 … replaced by `parts` at once (a part's own "%2" stays)."""
    return _NUMBERED.sub(lambda m: parts[int(m.group(1)) - 1], text)


class Word(NamedTuple):
    """One of the program's own words (its Chinese), said in the language shown.

    `common`: a common noun said inside the sentence (the township review, only a county
    device, amount can no longer change), which a language writing its words' names with a
    capital (Township, County device, Amount) writes in lower case there — but for a name
    written in capitals (ID number). A word left as a name (“Policy pack”, in quotes) is not.
    """

    text: str
    common: bool = False

    def __str__(self) -> str:
        return self.text


class Day(NamedTuple):
    """A day as a paper writes it (2026年3月1日), or its month (2026年3月) or year (2026年度,
    a subsidy paid by the year), said as the language shown writes days."""

    day: dt.date
    kind: Literal["day", "month", "year"] = "day"

    def __str__(self) -> str:
        if self.kind == "month":
            return f"{self.day.year}年{self.day.month}月"
        if self.kind == "year":
            return f"{self.day.year}年度"
        return written(self.day)


class Sentence(NamedTuple):
    """A template (one of `TEMPLATES`) and its parts; str() is the Chinese sentence."""

    template: str
    parts: tuple[Part, ...]

    def __str__(self) -> str:
        return fill(self.template, [str(part) for part in self.parts])


Part = str | Word | Day | Sentence


def said(text: str, *parts: Part) -> Sentence:
    """The sentence `text` (made by `template`) of `parts`."""
    assert text in TEMPLATES, text
    return Sentence(text, parts)


#: Words said one after another (赵六、李四), as a list of fields: each pair joined thus.
LISTED = template("%1、%2")


def listed(parts: Sequence[Part], joined: str = LISTED) -> Part:
    """`parts` one after another, joined by 、 (or by `joined`, a template of two parts: "%1；%2")
    (one part as it is; '' for none)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return said(joined, parts[0], listed(parts[1:], joined))
