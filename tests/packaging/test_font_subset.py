"""The installed app's cut-down HanaMinA still prints every character it was the fallback for."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as TTFont_RL
from reportlab.pdfgen import canvas

from fieldapp.paperwork.fonts import BUNDLED, FontChain, default_chain

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("subset_fonts", ROOT / "packaging/subset_fonts.py")
subset_fonts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(subset_fonts)

RARE = "䶮𠈌𠮷"  # Extension A and B name characters that Micro Hei lacks


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The subset, made once for these tests (about 10 s)."""
    return subset_fonts.subset_fallback(tmp_path_factory.mktemp("fonts"))


def test_subset_keeps_every_fallback_character_and_is_small(made: Path) -> None:
    served = subset_fonts.served_by_fallback()
    assert {ord(c) for c in RARE} <= served
    assert ord("张") not in served  # Micro Hei sets the common characters
    assert set(TTFont(made).getBestCmap()) == served
    assert made.stat().st_size < 0.3 * subset_fonts.FALLBACK.stat().st_size
    names = {r.toUnicode() for r in TTFont(made)["name"].names if r.nameID in (0, 1)}
    assert any("HanaMinA" in n for n in names) and any("GlyphWiki" in n for n in names)


def test_reportlab_sets_rare_names_from_the_subset(made: Path, tmp_path: Path) -> None:
    default_chain()  # registers Micro Hei as ReportLab knows it in the app
    if "HanaMinASubsetTest" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont_RL("HanaMinASubsetTest", str(made)))
    chain = FontChain([BUNDLED[0].name, "HanaMinASubsetTest"])
    assert chain.missing("王" + RARE + "英") == ""
    assert chain.runs("王" + RARE + "英") == (
        (BUNDLED[0].name, "王"),
        ("HanaMinASubsetTest", RARE),
        (BUNDLED[0].name, "英"),
    )
    out = tmp_path / "rare.pdf"
    page = canvas.Canvas(str(out))
    x = 72.0
    for font, piece in chain.runs("王" + RARE):
        page.setFont(font, 12)
        page.drawString(x, 700, piece)
        x += chain.width(piece, 12)
    page.save()
    assert b"HanaMinASubsetTest" in out.read_bytes() or b"/FontFile2" in out.read_bytes()
