"""The bundled CJK fonts, registered with ReportLab, and the per-character fallback between them.

ReportLab draws a string in one font and has no fallback: a character the font lacks prints as a
blank or a box. So every string is split into runs, each in the first font of the chain whose
cmap has all its characters. WenQuanYi Micro Hei (黑体 style, mainland glyph forms, 5 MB) sets
the text; HanaMinA (花园明朝A) covers what Micro Hei lacks: all of CJK Extension A (䶮) and the
common Extension B name characters (𠈌, 𠮷). Both are TrueType outlines, embedded as subsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from fieldapp.paths import resource


@dataclass(frozen=True)
class FontFile:
    """One bundled font: the name ReportLab knows it by, its file and the face inside it."""

    name: str
    file: str
    subfont_index: int = 0
    licence: str = ""

    @property
    def path(self) -> Path:
        """Where the file is (also when frozen)."""
        return resource("fonts", self.file)


#: The chain, in order of preference. The first one sets every character it has.
BUNDLED: tuple[FontFile, ...] = (
    FontFile("WQYMicroHei", "wqy-microhei.ttc", 0, "wqy-microhei.LICENSE.txt"),
    FontFile("HanaMinA", "HanaMinA.ttf", 0, "HanaMinA.LICENSE.txt"),
)

Run = tuple[str, str]


class FontChain:
    """Fonts tried in order for each character; splits text into single-font runs."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = tuple(names)
        self.primary = self.names[0]
        self._cmaps = [_code_points(n) for n in self.names]
        # Per character / per string caches: the same names and labels repeat on every page.
        self._by_char: dict[str, str] = {}
        self._by_text: dict[str, tuple[Run, ...]] = {}

    def font_of(self, char: str) -> str:
        """The font that will draw `char`: the first in the chain that has it."""
        font = self._by_char.get(char)
        if font is None:
            font = self.primary
            code = ord(char)
            if code >= 0x80:
                for name, cmap in zip(self.names, self._cmaps, strict=True):
                    if code in cmap:
                        font = name
                        break
            self._by_char[char] = font
        return font

    def runs(self, text: str) -> tuple[Run, ...]:
        """The text as (font name, piece) runs, in order."""
        cached = self._by_text.get(text)
        if cached is not None:
            return cached
        runs: list[Run] = []
        current, start = "", 0
        for i, char in enumerate(text):
            font = self.font_of(char)
            if font != current:
                if current:
                    runs.append((current, text[start:i]))
                current, start = font, i
        if current:
            runs.append((current, text[start:]))
        result = tuple(runs)
        if len(self._by_text) < 100_000:
            self._by_text[text] = result
        return result

    def missing(self, text: str) -> str:
        """Characters of `text` that no font in the chain has (they would print blank)."""
        return "".join(
            c
            for c in dict.fromkeys(text)
            if ord(c) >= 0x20 and not any(ord(c) in cmap for cmap in self._cmaps)
        )

    def width(self, text: str, size: float) -> float:
        """Printed width of `text` at `size` points."""
        return sum(pdfmetrics.stringWidth(piece, font, size) for font, piece in self.runs(text))


def _code_points(name: str) -> frozenset[int]:
    """The characters (code points) the registered TrueType font `name` has: its cmap."""
    font = pdfmetrics.getFont(name)
    if not isinstance(font, TTFont):
        raise TypeError(f"字体“{name}”不是 TrueType 字体，无法逐字选用")
    return frozenset(font.face.charToGlyph)


def _utf16_hex(code: int) -> str:
    """A code point as UTF-16BE hex, the form a ToUnicode CMap needs (surrogates above BMP)."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but correct for characters beyond the BMP.

    ReportLab 4–5 writes `<2020C>` (odd-length hex) for 𠈌, so viewers and text extraction
    lose every Extension B character; they must be written as a surrogate pair `<D840DE0C>`.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@cache
def default_chain() -> FontChain:
    """The bundled chain, registered with ReportLab once per process."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for font in BUNDLED:
        if font.name not in pdfmetrics.getRegisteredFontNames():
            if not font.path.exists():
                raise FileNotFoundError(f"缺少字体文件：{font.path}")
            pdfmetrics.registerFont(
                TTFont(font.name, str(font.path), subfontIndex=font.subfont_index)
            )
    return FontChain([f.name for f in BUNDLED])


def font_paths() -> list[Path]:
    """The bundled font files (the GUI registers the same ones with Qt)."""
    return [f.path for f in BUNDLED]
