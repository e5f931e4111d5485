"""pypinyin's dictionaries held compactly: the same words, the same readings, a third of the
memory (they were a third of what an import of 20 000 persons held in Python objects)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

#: Every phrase pypinyin ships and a few names, read in the current process: their hash.
_READ_ALL = """
import hashlib, json, sys
from pathlib import Path
{load}
folder = Path(pypinyin.__file__).parent
phrases = json.loads((folder / "phrases_dict.json").read_text("utf-8"))
names = ["李长春", "王重阳", "张长英", "单于乐乐", "阿西阿呷", "银行行长", "重庆长乐"]
read = [" ".join(pypinyin.lazy_pinyin(t)) for t in [*phrases, *names]]
read += [repr(pypinyin.pinyin(t, heteronym=True)) for t in names]
print(hashlib.sha256("\\n".join(read).encode()).hexdigest())
"""
_AS_SHIPPED = "import pypinyin"
_AS_HELD = "from fieldapp.store.pinyin import _pypinyin\npypinyin = _pypinyin()"

#: What loading pypinyin holds, in bytes of Python objects.
_HELD = """
import gc, tracemalloc
tracemalloc.start()
{load}
gc.collect()
print(tracemalloc.get_traced_memory()[0])
"""


def _run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout.strip()


def test_every_phrase_and_character_reads_as_pypinyin_ships_them_each_reading_held_once():
    from pypinyin import constants

    from fieldapp.store.pinyin import _pypinyin

    folder = Path(_pypinyin().__file__).parent
    phrases = json.loads((folder / "phrases_dict.json").read_text("utf-8"))
    characters = json.loads((folder / "pinyin_dict.json").read_text("utf-8"))
    assert constants.PHRASES_DICT == phrases
    assert constants.PINYIN_DICT == {int(k): v for k, v in characters.items()}
    # Each syllable list and each character's readings one object (144 000 lists were 1 250).
    lists = {id(s) for readings in constants.PHRASES_DICT.values() for s in readings}
    assert len(lists) == len({tuple(s) for readings in phrases.values() for s in readings})
    assert len({id(t) for t in constants.PINYIN_DICT.values()}) == len(set(characters.values()))
    # What it reads of every phrase (and of names) is what pypinyin as shipped reads.
    shipped = _run(_READ_ALL.format(load=_AS_SHIPPED))
    assert len(shipped) == len(hashlib.sha256().hexdigest())
    assert _run(_READ_ALL.format(load=_AS_HELD)) == shipped


def test_pypinyin_loaded_for_the_search_words_holds_half_of_what_it_did():
    shipped = int(_run(_HELD.format(load="import pypinyin")))
    held = int(_run(_HELD.format(load=_AS_HELD)))
    assert held < shipped * 0.6, (held, shipped)
