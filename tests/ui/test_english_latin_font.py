"""In the English window the Chinese face drew curly quotes full width: “138001380” had a wide
gap each side. English puts a Latin family first (the Chinese one after it, for names); the
Chinese window keeps the Chinese family alone, its full-width quotes right in Chinese text."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.ui import fonts


def _advance(text: str) -> int:
    label = QLabel(text)  # the app's font, as a message line has it
    return QFontMetrics(label.font()).horizontalAdvance(text)


def test_quotes_are_narrow_in_english_and_chinese_stays_as_it_was(window):
    assert QApplication.font().families() == [fonts._chinese]
    size = QApplication.font().pointSize()
    wide_quote = _advance("“")
    han = _advance("王")
    assert wide_quote >= 0.9 * han  # the Chinese face: a quote as wide as a character

    window.set_language("en")
    try:
        font = QApplication.font()
        assert font.families()[0] == fonts.latin_family() != fonts._chinese, font.families()
        assert font.families()[1:] == [fonts._chinese]
        assert font.pointSize() == size
        assert _advance("“") <= 0.6 * han, (_advance("“"), han)
        # A name still drawn (not as boxes): the Chinese family after the Latin one has it.
        assert QFontMetrics(QFont(fonts._chinese)).inFontUcs4(ord("王"))
        assert window.nav.font().families()[0] == fonts.latin_family()
    finally:
        window.set_language("zh_CN")
    assert QApplication.font().families() == [fonts._chinese]
    assert _advance("“") == wide_quote


def test_the_english_face_is_the_bundled_liberation_sans_on_a_machine_without_segoe(window):
    """A fresh Debian has only DejaVu Sans, about 8 % wider than the faces the English window
    is laid out in: the claims list, the ledger beside its person panel and one person's
    subsidies no longer read whole at 1024 and 1280 there. Liberation Sans (Arial's widths)
    is bundled, so every Linux machine draws the English window the same (Windows: Segoe UI)."""
    from PySide6.QtGui import QFontDatabase

    assert "Liberation Sans" in QFontDatabase.families()  # the bundled face, whatever is installed
    if "Segoe UI" not in QFontDatabase.families():
        assert fonts.latin_family() == "Liberation Sans"
    liberation = QFontMetrics(QFont("Liberation Sans", 10)).horizontalAdvance("Amount (yuan)")
    dejavu = QFontMetrics(QFont("DejaVu Sans", 10)).horizontalAdvance("Amount (yuan)")
    if "DejaVu Sans" in QFontDatabase.families():
        assert liberation < dejavu  # (what made the lists too wide)
