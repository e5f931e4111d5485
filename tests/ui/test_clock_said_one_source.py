"""The laptop's-date sentences were written twice: `services.clock` (the command line, the
write door's refusal) and `ui/clock_said.py` (the desktop, through the translations). A word
changed in one would have left the other saying the old one. The desktop now translates the
service's own sentences, marked for the translation catalogue from the same constants."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.services import clock
from fieldapp.ui import clock_said
from tests.english import in_english

ROOT = Path(__file__).resolve().parents[2]


def test_the_catalogue_marks_the_services_sentences():
    sys.path.insert(0, str(ROOT / "packaging"))
    import update_translations

    marked = update_translations.CATALOGUE.read_text(encoding="utf-8")
    assert marked == update_translations.catalogue(), "run python packaging/update_translations.py"
    for sentence in (clock.AHEAD, clock.BEHIND):
        assert f'QT_TRANSLATE_NOOP("Clock", "{sentence}")' in marked, sentence


def test_the_desktop_says_the_services_words_in_chinese_and_english_in_english(qapp):
    for days in (3, -40):
        assert clock_said.clock_told(days) == clock.said(days)
    assert clock.said(3).startswith("本机日期比县里快了约3天。请右键点屏幕右下角的时间")
    assert clock.said(-40).startswith("本机日期比县里慢了约40天。")
    assert clock_said.clock_told(0) == clock.said(0) == ""
    with in_english():
        ahead, behind = clock_said.clock_told(3), clock_said.clock_told(-40)
        assert ahead.startswith("This computer's date is about 3 day(s) ahead"), ahead
        assert behind.startswith("This computer's date is about 40 day(s) behind"), behind
        assert "%1" not in ahead + behind
