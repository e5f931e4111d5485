"""`--json` writes every control, format, private or unassigned character as its JSON escape,
one past U+FFFF as JSON writes it (a surrogate pair), and a script reads back the same string.

`print_json` escapes what `json.dumps(ensure_ascii=False)` leaves raw; the characters beyond
the Basic Multilingual Plane take the surrogate-pair branch (`\\U000e0001` a language tag,
format; `\\U000f0000` private use), which no sheet in the other tests reaches.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from fieldapp.cli.common import print_json

#: What a hostile file may name a sheet or a device with, and what --json must print for it.
CASES = [
    ("a\U000e0001b", "a\\udb40\\udc01b"),  # a language tag (Cf) past U+FFFF
    ("表\U000f0000格", "表\\udb80\\udc00格"),  # private use, plane 15 (Co)
    ("孤\ud800代理", "孤\\ud800代理"),  # a lone surrogate (Cs): printed, not a UnicodeError
    ("\x9b2J\u202e", "\\u009b2J\\u202e"),  # the 8-bit CSI (Cc), a right-to-left override (Cf)
    ("村\u3000里", "村\u3000里"),  # an ideographic space is a separator, kept as typed
]


@pytest.mark.parametrize(("value", "printed"), CASES)
def test_json_escapes_every_other_character_and_reads_back_the_same(
    value: str, printed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    print_json({"sheet": value, "rows": [value]})
    out = capsys.readouterr().out
    assert f'"sheet": "{printed}"' in out, repr(out)
    raw = [ch for ch in out if unicodedata.category(ch)[0] == "C" and ch != "\n"]
    assert raw == [], repr(out)
    assert json.loads(out) == {"sheet": value, "rows": [value]}
