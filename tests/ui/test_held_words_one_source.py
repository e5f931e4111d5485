"""fieldapp/ui/held_words.py listed by hand, as literals for the translation catalogue, the
table and field names `trust.TABLE_NAMES` and `labels.FIELD_LABELS` already hold, and the sync
page kept its own copy of `rejected.NEWER_VALUE_HERE`: a name added to the domain stayed Chinese
in English until someone listed it again (县里接受前的编号, 打印时间, 导出时间 had been missed).
The page now takes every word from the domain; the file that marks them for pyside6-lupdate is
written from the same lists, and is checked to be current."""

from __future__ import annotations

import sys
from pathlib import Path

from fieldapp.domain.labels import FIELD_LABELS
from fieldapp.services.change_said import field_said, never_named
from fieldapp.services.trust import TABLE_NAMES
from fieldapp.sync.rejected import NEWER_VALUE_HERE
from fieldapp.ui import held_words
from tests.english import in_english

ROOT = Path(__file__).resolve().parents[2]


def test_the_catalogue_says_what_the_domain_says():
    sys.path.insert(0, str(ROOT / "packaging"))
    import update_translations

    assert update_translations.CATALOGUE.read_text(encoding="utf-8") == (
        update_translations.catalogue()
    ), "run python packaging/update_translations.py"
    marked = update_translations.CATALOGUE.read_text(encoding="utf-8")
    for word in held_words.words():
        assert f'QT_TRANSLATE_NOOP("HeldWords", "{word}")' in marked, word


def test_every_name_a_held_line_says_is_english_in_english(qapp):
    named = [field_said(key, "") for key in FIELD_LABELS if not never_named(key)]
    for name in ("县里接受前的编号", "打印时间", "导出时间", "户籍地", "务工地", "名称"):
        assert name in named or name in held_words.field_words(), name
    assert set(named) <= set(held_words.field_words())
    assert set(held_words.table_words()) == set(TABLE_NAMES.values())
    assert held_words.newer_value_here("某值") == NEWER_VALUE_HERE.replace("%1", "某值")
    with in_english():
        for chinese, shown in [
            *held_words.table_words().items(),
            *held_words.field_words().items(),
        ]:
            assert shown.isascii(), (chinese, shown)
        english = held_words.newer_value_here("某值")
        assert english.startswith("某值 is an option the county hub's program "), english
