"""Chinese fonts: the bundled ones under fieldapp/resources/fonts/, else whatever the machine has;
in the English window a Latin family first (Segoe UI on Windows, else the bundled Liberation
Sans), the Chinese one after it."""

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

#: Latin families for the English window, in order of preference: the Chinese face draws
#: quotes and dashes full width (“138001380” with wide gaps), right in Chinese text only.
#: Liberation Sans is bundled (resources/fonts): every Linux machine lays the English window
#: out in the same widths (a fresh Debian has only DejaVu Sans, 8 % wider: lists no longer
#: read whole at 1024 and 1280); Windows keeps its own Segoe UI.
LATIN_FAMILIES = (
    "Segoe UI",
    "Liberation Sans",
    "Noto Sans",
    "Arial",
    "Helvetica",
    "DejaVu Sans",
)

#: The Chinese family `install_fonts` made the app's (None before, or when none was found).
_chinese: str | None = None


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
    global _chinese
    family = _chinese = chinese_family(load_bundled_fonts())
    if family:
        font = QFont(family)
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
        # Other fonts stay available for Latin text; Qt falls back per character.
        QFont.insertSubstitution(QApplication.font().family(), family)
    return family


def latin_family() -> str | None:
    """The first installed family of `LATIN_FAMILIES` (None when the machine has none)."""
    installed = set(QFontDatabase.families())
    return next((f for f in LATIN_FAMILIES if f in installed), None)


def for_language(lang: str) -> None:
    """The app's font for `lang`: the Chinese family alone in Chinese; in English a Latin
    family first, the Chinese one for the characters it lacks (a name, 王小明)."""
    app = QApplication.instance()
    if _chinese is None or not isinstance(app, QApplication):
        return
    latin = None if lang.startswith("zh") else latin_family()
    font = QFont(app.font())
    font.setFamilies([latin, _chinese] if latin else [_chinese])
    app.setFont(font)
    # A widget with a style sheet keeps the font it was polished with (the navigation stayed
    # in the Chinese face): its sheet set again, it takes the app's new font.
    for widget in app.allWidgets():
        if widget.styleSheet():
            widget.setStyleSheet(widget.styleSheet())
