"""Chinese fonts: the bundled ones under fieldapp/resources/fonts/, else whatever the machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp.paths import resource

#: Families that render Chinese, in order of preference, when nothing is bundled.
SYSTEM_FAMILIES = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Droid Sans Fallback",
    "LXGW WenKai",
)


def load_bundled_fonts() -> list[str]:
    """Register every font file in fieldapp/resources/fonts/; returns the families found."""
    families: list[str] = []
    folder = resource("fonts")
    if not folder.is_dir():
        return families
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in {".ttf", ".ttc", ".otf"}:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f]
    return families


def chinese_family(bundled: list[str]) -> str | None:
    """The family to use: a bundled text font first, then a known system one."""
    writing = QFontDatabase.WritingSystem.SimplifiedChinese
    candidates = [f for f in bundled if writing in QFontDatabase.writingSystems(f)] or bundled
    # Prefer a plain sans text face (Micro Hei) over Mincho/Kai/fallback faces.
    candidates.sort(key=lambda f: (not ("Hei" in f or "Sans" in f), "Mono" in f, f))
    if candidates:
        return candidates[0]
    installed = set(QFontDatabase.families())
    for family in SYSTEM_FAMILIES:
        if family in installed:
            return family
    chinese = QFontDatabase.families(writing)
    return chinese[0] if chinese else None


def install_fonts(app: QApplication) -> str | None:
    """Load bundled fonts and make a Chinese-capable family the app's default."""
    family = chinese_family(load_bundled_fonts())
    if family:
        font = QFont(family)
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
        # Other fonts stay available for Latin text; Qt falls back per character.
        QFont.insertSubstitution(QApplication.font().family(), family)
    return family
