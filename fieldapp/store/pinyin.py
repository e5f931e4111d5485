"""Pinyin search keys for Chinese names.

pypinyin has no surname mode (单 reads dan, 曾 ceng, 覃 tan …), so surnames are read from the
table below (the readings collected in pypinyin issue #297); every reading of a polyphonic
given-name character is indexed, so 张长英 is found by `zcy` and by `zzy`.

pypinyin is imported on the first reading asked for: loading its phrase dictionary takes about
half a second, which a command that writes no names (`fieldapp search`, `--help`) never pays.
Its dictionaries are then held compactly (`_pypinyin`): as loaded they were a third of what an
import of a 20 000-person workbook held in Python objects.
"""

from __future__ import annotations

import itertools
import os
from functools import lru_cache
from types import ModuleType

#: Surname readings where the common reading is wrong.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "覃": "qin",
    "翟": "zhai",
    "朴": "piao",
    "乐": "yue",
    "缪": "miao",
    "盖": "ge",
    "尉": "yu",
    "隗": "wei",
    "种": "chong",
    "秘": "bi",
    "繁": "po",
    "员": "yun",
    "能": "nai",
    "黑": "he",
    "朝": "chao",
    "句": "gou",
    "召": "shao",
    "折": "she",
    "燕": "yan",
    "宓": "mi",
    "沈": "shen",
    "曲": "qu",
    "葛": "ge",
    "薄": "bo",
    "重": "chong",
    "谌": "chen",
    "牟": "mou",
    "褚": "chu",
    "祭": "zhai",
    "柏": "bai",
    "车": "che",
    "贾": "jia",
    "藏": "zang",
    "长": "chang",
    "传": "chuan",
    "都": "du",
    "华": "hua",
    "纪": "ji",
    "过": "guo",
    "冯": "feng",
    "洗": "xian",
    "冼": "xian",
    "任": "ren",
    "石": "shi",
    "宿": "su",
    "啜": "chuai",
    "逄": "pang",
    "眭": "sui",
    "阚": "kan",
    "郇": "huan",
    "荀": "xun",
    "蕃": "pi",
    "亓": "qi",
    "万": "wan",
    "卜": "bu",
    "说": "yue",
    "叶": "ye",
    "钟": "zhong",
    "莘": "shen",
    "殷": "yin",
    "汤": "tang",
    "应": "ying",
    "相": "xiang",
    "参": "shen",
    "大": "da",
    "的": "di",
    "伯": "bo",
    "奇": "ji",
    "粘": "nian",
    "蛾": "yi",
    "那": "na",
    "禚": "zhuo",
}

#: Two-character surnames, read syllable by syllable.
COMPOUND_SURNAMES: dict[str, str] = {
    "欧阳": "ou yang",
    "司马": "si ma",
    "诸葛": "zhu ge",
    "上官": "shang guan",
    "东方": "dong fang",
    "皇甫": "huang fu",
    "尉迟": "yu chi",
    "公孙": "gong sun",
    "慕容": "mu rong",
    "长孙": "zhang sun",
    "宇文": "yu wen",
    "司徒": "si tu",
    "夏侯": "xia hou",
    "令狐": "ling hu",
    "澹台": "tan tai",
    "万俟": "mo qi",
    "单于": "chan yu",
    "西门": "xi men",
    "南宫": "nan gong",
    "独孤": "du gu",
    "端木": "duan mu",
    "申屠": "shen tu",
    "轩辕": "xuan yuan",
    "百里": "bai li",
}

MAX_COMBINATIONS = 8


@lru_cache(maxsize=1)
def _pypinyin() -> ModuleType:
    """pypinyin, its dictionaries holding each reading once: the same words, the same readings.

    Loaded from its JSON, the phrase dictionary's 47 000 phrases were 144 000 lists of one
    syllable each, a string each, though only some 1 250 differ (about 36 MB, at 20 000
    persons a third of an import's Python memory); the characters' 42 000 readings are 8 600
    texts. Equal ones are made one object, in place (pypinyin copies a phrase's readings
    before it hands them out, and this program adds no words of its own), and its spare copy
    of both dictionaries, kept for adding words, is not made (`PYPINYIN_NO_DICT_COPY`).
    """
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    import pypinyin
    from pypinyin import constants, phrases_dict, pinyin_dict

    syllables: dict[tuple[str, ...], list[str]] = {}
    for readings_of in phrases_dict.phrases_dict.values():  # (constants' copy shares them)
        readings_of[:] = [syllables.setdefault(tuple(s), s) for s in readings_of]
    texts: dict[str, str] = {}
    for table in (pinyin_dict.pinyin_dict, constants.PINYIN_DICT):
        for code, text in table.items():
            table[code] = texts.setdefault(text, text)
    return pypinyin


@lru_cache(maxsize=20000)
def readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of one character (the character itself when it has none)."""
    pypinyin = _pypinyin()
    found = pypinyin.pinyin(char, style=pypinyin.Style.NORMAL, heteronym=True, errors="default")
    options = tuple(dict.fromkeys(r for r in found[0] if r.isascii() and r.isalpha()))
    return options[:3] or ((char.lower(),) if char.isascii() and char.isalnum() else ())


def _surname_split(name: str) -> tuple[list[tuple[str, ...]], str]:
    """Readings of the surname as one syllable group, and the rest of the name."""
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        return [(s,) for s in COMPOUND_SURNAMES[name[:2]].split()], name[2:]
    if name[:1] in SURNAME_READINGS:
        return [(SURNAME_READINGS[name[0]],)], name[1:]
    return [readings(name[0])] if name else [], name[1:]


def name_readings(name: str) -> list[list[str]]:
    """Each reading of a name as a list of syllables (surname readings fixed), capped."""
    surname, given = _surname_split(name)
    groups = surname + [readings(c) for c in given]
    groups = [g for g in groups if g]
    combos = itertools.islice(itertools.product(*groups), MAX_COMBINATIONS)
    return [list(c) for c in combos]


#: Marks a word that reads a character the rare way (超 as tiao, 重 as tong): the search ranks
#: such words after every word of a name's usual reading, so they never crowd out true matches.
RARE = "9"


@lru_cache(maxsize=100000)
def phrase_reading(text: str) -> tuple[str, ...]:
    """pypinyin's phrase-aware default reading of `text`, one item per syllable or sign.

    Cached: given names and surnames repeat far more than whole names do (a hub works out the
    names of a whole county, and pypinyin's phrase matching is most of a name's cost).
    """
    return tuple(_pypinyin().lazy_pinyin(text))


def usual_reading(name: str) -> list[str]:
    """The name as it is usually read: the surname from the table, the given name by pypinyin's
    phrase-aware default (李长春 chang, 王重阳 chong), one syllable per character."""
    surname, given = _surname_split(name)
    head = [group[0] for group in surname if group]  # a sign or digit has no reading
    if len(surname) == 1 and name[:1] not in SURNAME_READINGS:
        head = [s for s in phrase_reading(name[:1]) if s.isascii() and s.isalpha()][:1] or head
    tail = [s for s in phrase_reading(given) if s.isascii() and s.isalpha()]
    return [*head, *tail] if len(tail) == len([c for c in given if readings(c)]) else []


@lru_cache(maxsize=200000)
def search_words(name: str) -> str:
    """The word-index text for a name: its characters spaced, then full pinyin, initials and
    given-name pinyin of its usual reading, then those of rarer readings marked `RARE`."""
    name = "".join(name.split())
    if not name:
        return ""
    words: list[str] = [" ".join(name)]
    surname_len = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    usual: set[str] = set()
    written: set[str] = set()
    usual_first = usual_reading(name)
    for index, syllables in enumerate(
        [usual_first, *name_readings(name)] if usual_first else name_readings(name)
    ):
        full = "".join(syllables)
        initials = "".join(s[0] for s in syllables)
        given = "".join(syllables[surname_len:])
        for word in (full, initials, given):
            if not word:
                continue
            if index == 0:
                usual.add(word)
                key = word
            elif word in usual:
                continue
            else:
                key = RARE + word
            if key not in written:
                written.add(key)
                words.append(key)
    return " ".join(words)
