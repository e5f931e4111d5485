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
import json
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


def grouped(count: int) -> str:
    """A count or a limit as a clerk reads it, its thousands marked (10,000,000; 16,384; 999),
    in Chinese as in English: as Excel and a statistics table write a number, not 10000000.
    (A row's place, 第 1048576 行, is written as Excel's row heading shows it, ungrouped.)"""
    return f"{count:,}"


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
    a subsidy paid by the year), or as a policy pack's text writes it (`iso`: 2026-07-01, the
    day a pack's refusal names, as the county wrote it), said as the language shown writes
    days."""

    day: dt.date
    kind: Literal["day", "month", "year", "iso"] = "day"

    def __str__(self) -> str:
        if self.kind == "iso":
            return self.day.isoformat()
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
    """The sentence `text` (made by `template`) of `parts`; ValueError for a text no `template`
    made (its English would be missing, and `sentence_read` would refuse it back)."""
    if text not in TEMPLATES:
        raise ValueError(f"said: {text!r} is not a template (made by template())")
    return Sentence(text, parts)


#: Words said one after another (赵六、李四), as a list of fields: each pair joined thus.
LISTED = template("%1、%2")
#: A run of rows or columns, its first and last (5–8, C–E): several, said as one part.
RANGE = template("%1–%2")
#: A list said in part, the rest left out (7、9等): several.
AND_MORE = template("%1等")
#: Two sentences one after the other (`joined`), or a list of them (`listed(…, SEMICOLONED)`):
#: several.
SEMICOLONED = template("%1；%2")
#: Templates whose sentence names several things (a list, a run, a list cut short): a
#: counted noun said for such a part is plural, whatever its words look like (`several`).
SEVERAL: set[str] = {LISTED, RANGE, AND_MORE, SEMICOLONED}
#: A part and what is said of it after a colon (个人：王小明; a pack's key and its problem;
#: what did not happen and the hub's words): one template wherever a sentence is so joined.
COLONED = template("%1：%2")
#: Whose what (张三的一次性交通补助, 张0的人员信息).
OWNED = template("%1的%2")
#: A part in quotation marks (“2026-06-xx”; a subsidy, a pack or a document by its name).
QUOTED = template("“%1”")


def joined(first: Part, then: Part) -> Sentence:
    """`first`, then `then`, joined by ； (a clause and what the program adds to it, a figure
    and the county's note on it)."""
    return said(SEMICOLONED, first, then)


def several(text: str) -> str:
    """`text`, a template (made by `template`) whose sentence names several things, listed
    in `SEVERAL` as well (a list joined otherwise, 王小明等 12 人)."""
    SEVERAL.add(template(text))
    return text


#: The first few of a longer list of people, and how many they are (王小明、李四等 12 人): the
#: import's notes and the papers' notes say it alike.
AND_MORE_PEOPLE = several("%1等 %2 人")


def listed(parts: Sequence[Part], joined: str = LISTED) -> Part:
    """`parts` one after another, joined by 、 (or by `joined`, a template of two parts:
    `SEMICOLONED`, or another of `SEVERAL`) (one part as it is; '' for none). ValueError for
    a `joined` not of `SEVERAL`: the list it made would be counted as one thing."""
    if joined not in SEVERAL:
        raise ValueError(f"listed: {joined!r} is not a template of several (SEVERAL)")
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return said(joined, parts[0], listed(parts[1:], joined))


#: Things said one or the other (甲或乙): a step's roles (村/安置点专员或县级设备), a bundle
#: item's services (职业培训或就业见习1次). Not one of `SEVERAL`: the one done is one thing.
EITHER = template("%1或%2")


def either(parts: Sequence[Part]) -> Part:
    """`parts` said one or the other (甲或乙或丙; one part as it is; '' for none)."""
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return said(EITHER, parts[0], either(parts[1:]))


def names_one(part: Part) -> bool | None:
    """Whether `part` names one thing (a row, a column, a sheet) by its kind: a sentence of
    `SEVERAL` (a list, a run, a list cut short) names several, any other sentence, word or
    day one; None for a part of text, said as written (its words alone tell)."""
    if isinstance(part, Sentence):
        return part.template not in SEVERAL
    if isinstance(part, Word | Day):
        return True
    return None


# -- kept as JSON (a held change's reason, at the hub and over the network) ------------------

#: The longest sentence's JSON read back, the deepest nesting and the most parts one template
#: takes (%1 … %9): beyond them a sentence is not read (its Chinese text is said instead).
JSON_LONGEST = 20_000
JSON_DEEPEST = 8
_MOST_PARTS = 9
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class UnreadSentence(ValueError):
    """A sentence's JSON that does not read back as one this program made: not JSON, a
    template it does not know, parts of another shape, too long or too deep."""


def sentence_json(sentence: Sentence) -> str:
    """`sentence` as JSON text (`sentence_read` reads it back): its template and its parts —
    a text as a JSON string, a `Word` as {"word", "common"}, a `Day` as {"day" (ISO),
    "kind"}, a phrase of its own as a sentence: {"template", "parts"}."""
    return json.dumps(_as_json(sentence), ensure_ascii=False, separators=(",", ":"))


def sentence_data(sentence: Sentence) -> object:
    """`sentence` as the JSON value `sentence_json` writes as text (for an answer that is
    JSON already: no text written and read back)."""
    return _as_json(sentence)


def _as_json(part: Part) -> object:
    if isinstance(part, Sentence):
        return {"template": part.template, "parts": [_as_json(p) for p in part.parts]}
    if isinstance(part, Word):
        return {"word": part.text, "common": part.common}
    if isinstance(part, Day):
        return {"day": part.day.isoformat(), "kind": part.kind}
    return str(part)


def sentence_read(text: object) -> Sentence:
    """The sentence `sentence_json` wrote as `text` (JSON text, or what it decoded to: a
    dict); `UnreadSentence` for anything else — what a hostile or older hub, a hand edit or a
    damaged disk may hold. A template must be one of `TEMPLATES` (made by this program, with
    as many parts as it names), a word a short text, a day a day of the calendar; nothing in
    it is ever run or marked up: the parts are said as text."""
    data = text
    if isinstance(text, str | bytes):
        if len(text) > JSON_LONGEST:
            raise UnreadSentence("too long")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise UnreadSentence("not JSON") from error
    elif isinstance(text, dict):  # decoded already (an answer's): as long as its text would be
        try:
            written = json.dumps(text, ensure_ascii=False)
        except (TypeError, ValueError, RecursionError) as error:
            raise UnreadSentence("not JSON") from error
        if len(written) > JSON_LONGEST:
            raise UnreadSentence("too long")
    part = _read_part(data, 0)
    if not isinstance(part, Sentence):
        raise UnreadSentence("not a sentence")
    return part


def sentence_or_none(text: object) -> Sentence | None:
    """`sentence_read(text)`, or None when it does not read (or there is none: a reason held
    before its sentence was kept)."""
    if text is None or text == "":
        return None
    try:
        return sentence_read(text)
    except UnreadSentence:
        return None


def saying(reason: object, sentence: Sentence | None) -> Sentence | None:
    """`sentence` where its Chinese is `reason`, word for word; else None — the one check
    wherever a sentence comes beside the text it says (a hub's report on a device, the
    county desk's review of the hub's listing, the hub's own stored reasons): a sentence
    that reads yet says other words than the reason (a hand edit, a hostile hub) is never
    shown in their place. A reason a report cut short (`REPORT_TEXT_MAX`, ending “…”) keeps
    no sentence: the one it was cut from goes on past the cut, and whatever a hub put there —
    its own words, not the reason's — a window in another language would show where the
    Chinese shows only the cut text."""
    if sentence is None or not isinstance(reason, str):
        return None
    return sentence if str(sentence) == reason else None


def _read_part(data: object, depth: int) -> Part:
    if isinstance(data, str):
        return data
    if not isinstance(data, dict) or depth > JSON_DEEPEST:
        raise UnreadSentence("not a part")
    keys = set(data)
    if keys == {"template", "parts"}:
        template, parts = data["template"], data["parts"]
        if not isinstance(template, str) or template not in TEMPLATES:
            raise UnreadSentence("a template this program does not know")
        if not isinstance(parts, list) or len(parts) > _MOST_PARTS:
            raise UnreadSentence("parts")
        named = max((int(n) for n in _NUMBERED.findall(template)), default=0)
        if len(parts) < named:
            raise UnreadSentence("fewer parts than the template names")
        return Sentence(template, tuple(_read_part(p, depth + 1) for p in parts))
    if keys == {"word", "common"}:
        word, common = data["word"], data["common"]
        if not isinstance(word, str) or not 0 < len(word) <= 200 or not isinstance(common, bool):
            raise UnreadSentence("word")
        return Word(word, common)
    if keys == {"day", "kind"}:
        day, kind = data["day"], data["kind"]
        if not isinstance(day, str) or not _DAY.fullmatch(day):
            raise UnreadSentence("day")
        if kind not in ("day", "month", "year", "iso"):
            raise UnreadSentence("kind of day")
        try:
            return Day(dt.date.fromisoformat(day), kind)
        except ValueError as error:
            raise UnreadSentence("day") from error
    raise UnreadSentence("not a part")
