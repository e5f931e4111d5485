"""In English an area's level was said (Village) but (township), and a change held for a value
from a newer program said its value in Chinese inside the English sentence (就业经历的就业形式
「未登记」 is an option the county hub's program does not have yet…). Every level now starts with
a capital, and the value is named in the language shown: its table, its field and the value,
where this program has them."""

from __future__ import annotations

import re

from fieldapp.domain.enums import AreaKind
from fieldapp.sync.rejected import NEWER_VALUE_HERE
from fieldapp.ui import held_words
from tests.english import in_english

NAMED = "就业经历的就业形式「未登记」"


def test_every_level_and_a_newer_value_are_said_in_english(qapp):
    assert held_words.newer_value_here(NAMED) == NEWER_VALUE_HERE.replace("%1", NAMED)
    with in_english():
        levels = [held_words._shown(str(level)) for level in AreaKind]
        assert all(level[:1].isupper() and level.isascii() for level in levels), levels
        english = held_words.newer_value_here(NAMED)
        assert english.startswith(
            "Employment form “Not recorded” (Employment) is an option the county hub's program"
        ), english
        assert not re.search(r"[\u4e00-\u9fff]", english), english  # no Chinese left
        # A value this program does not know either, as the hub named it.
        said = held_words.newer_value_here("就业经历的就业形式「远程就业」")
        assert said.startswith("Employment form “远程就业” (Employment) is an option"), said
        assert held_words.newer_value_here("某值").startswith("某值 is an option"), said
