"""The bundled fonts: rare name characters fall back to the second font and survive extraction."""

from __future__ import annotations

from fieldapp.paperwork.fonts import BUNDLED, default_chain, font_paths
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.views import FormView, PersonView
from tests.paperwork.pdftext import assert_fonts_embedded, page_texts

RARE_NAMES = ("张龑", "李嫚", "王昇", "陈喆", "刘䶮", "赵𠈌", "吉𠮷")


def test_font_files_and_licences_are_shipped():
    for font in BUNDLED:
        assert font.path.exists()
        assert (font.path.parent / font.licence).exists()
    assert all(p.suffix in (".ttf", ".ttc") for p in font_paths())


def test_every_name_character_has_a_glyph():
    chain = default_chain()
    for name in RARE_NAMES:
        assert chain.missing(name) == "", name


def test_runs_split_where_the_primary_font_lacks_a_glyph():
    chain = default_chain()
    primary, fallback = chain.names[0], chain.names[1]
    assert chain.runs("张龑") == ((primary, "张龑"),)
    assert chain.runs("刘䶮") == ((primary, "刘"), (fallback, "䶮"))
    assert chain.runs("赵𠈌龑") == ((primary, "赵"), (fallback, "𠈌"), (primary, "龑"))
    assert chain.width("赵𠈌", 10) > chain.width("赵", 10)


def test_rare_names_print_embedded_and_read_back():
    forms = [
        FormView(f"c{i}", "一次性交通补助", PersonView(name, "520102198503161234"), 500)
        for i, name in enumerate(RARE_NAMES)
    ]
    pdf = render_forms(forms)
    texts = page_texts(pdf)
    for name, text in zip(RARE_NAMES, texts, strict=True):
        assert name in text
    assert_fonts_embedded(pdf)
