"""Translations: Chinese source strings, an English catalogue, and Qt's own zh_CN dialogs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from fieldapp.paths import resource
from fieldapp.ui import fonts

#: Languages offered in the settings page: code → name shown (in its own language).
LANGUAGES = {"zh_CN": "中文", "en": "English"}

_installed: list[QTranslator] = []


def catalogue(lang: str) -> Path:
    """The compiled catalogue of our strings for `lang`."""
    return resource("translations", f"fieldapp_{lang}.qm")


def compile_catalogue(lang: str) -> Path | None:
    """Compile fieldapp_<lang>.ts to .qm with pyside6-lrelease when the .qm is missing or stale."""
    source = resource("translations", f"fieldapp_{lang}.ts")
    target = catalogue(lang)
    if not source.exists():
        return None
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    tool = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    try:
        subprocess.run([tool, str(source), "-qm", str(target)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return target if target.exists() else None
    return target


class _FileWords(QTranslator):
    """Qt 6 asks a file's kind (Folder, %1 File, Shortcut…) of QAbstractFileIconProvider, a
    context Qt's zh_CN catalogue lacks: its own file dialog said Folder in a Chinese window.
    The words are taken from that catalogue's QFileDialog context, where they are."""

    def __init__(self, qt: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.qt = qt

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context != "QAbstractFileIconProvider":
            return None  # not ours: the other catalogues answer
        return self.qt.translate("QFileDialog", source, disambiguation, n) or None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def install_language(lang: str) -> bool:
    """Replace the installed translators by those of `lang`; True when our catalogue loaded."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs the application to exist")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours_loaded = lang.startswith("zh")
    if lang.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        for name in ("qtbase_zh_CN", "qt_zh_CN"):
            translator = QTranslator(app)
            if translator.load(name, qt_dir):
                app.installTranslator(translator)
                _installed.append(translator)
                words = _FileWords(translator, app)
                app.installTranslator(words)
                _installed.append(words)
                break
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        path = compile_catalogue(lang)
        translator = QTranslator(app)
        if path and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            ours_loaded = True
    fonts.for_language(lang)
    return ours_loaded


def tr(context: str, text: str) -> str:
    """Translate outside a QObject (lupdate reads QCoreApplication.translate calls directly)."""
    return QCoreApplication.translate(context, text)
