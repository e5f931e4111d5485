"""Cut the 22 MB fallback font down to the characters it is there for.

HanaMinA (花园明朝A) is shipped only as the fallback for characters WenQuanYi Micro Hei lacks:
the rare name characters of CJK Extension A (䶮), the common ones of Extension B (𠈌, 𠮷) and a few
hundred others. Its other ~30,000 glyphs (the URO block, kana, symbols) are never drawn from it,
because fieldapp/paperwork/fonts.py always takes a character from Micro Hei first. So the installed
app carries a subset: every CJK ideograph HanaMinA has and Micro Hei does not.

The subset is a modified font. We distribute it under the Hanazono Font License (HanaMinA is dual
licensed, Hanazono or OFL 1.1), which permits modification without renaming; the licence file is
shipped beside it unchanged. The wheel and the source tree keep the original file.

    python packaging/subset_fonts.py OUT_DIR     (run by packaging/build.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "fieldapp" / "resources" / "fonts"
PRIMARY = FONTS / "wqy-microhei.ttc"
FALLBACK = FONTS / "HanaMinA.ttf"

#: Unicode blocks of CJK ideographs (a name character is one of these).
IDEOGRAPH_BLOCKS = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs (the few Micro Hei lacks)
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EBEF),  # Extensions C–F
    (0x2F800, 0x2FA1F),  # Compatibility Ideographs Supplement
    (0x30000, 0x323AF),  # Extensions G–H
)


def is_ideograph(code: int) -> bool:
    """True for a code point in one of the CJK ideograph blocks."""
    return any(lo <= code <= hi for lo, hi in IDEOGRAPH_BLOCKS)


def served_by_fallback(primary: Path = PRIMARY, fallback: Path = FALLBACK) -> set[int]:
    """The ideographs the fallback font has and the primary font lacks."""
    first = TTCollection(str(primary)).fonts[0] if primary.suffix == ".ttc" else TTFont(primary)
    have = set(first.getBestCmap())
    return {c for c in TTFont(fallback).getBestCmap() if is_ideograph(c) and c not in have}


def subset_fallback(out_dir: Path, fallback: Path = FALLBACK) -> Path:
    """Write the subset of `fallback` under the same file name into `out_dir`; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / fallback.name
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # keep the family names and the licence/copyright records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    font = TTFont(fallback)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(served_by_fallback(fallback=fallback)))
    subsetter.subset(font)
    font.save(target)
    return target


if __name__ == "__main__":
    made = subset_fallback(Path(sys.argv[1]))
    print(
        f"{made}: {made.stat().st_size / 1e6:.1f} MB (was {FALLBACK.stat().st_size / 1e6:.1f} MB)"
    )
