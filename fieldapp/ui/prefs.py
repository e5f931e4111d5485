"""Remembered choices (last ledger, last page, language, window size) kept in the data folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from fieldapp.paths import data_dir


def settings() -> QSettings:
    """The app's QSettings as an INI file under the data folder (so tests stay isolated)."""
    return QSettings(str(data_dir() / "fieldapp.ini"), QSettings.Format.IniFormat)


def get(key: str, default: str = "") -> str:
    """A remembered text value."""
    value = settings().value(key, default)
    return str(value) if value is not None else default


def put(key: str, value: str) -> None:
    """Remember a text value now (written to disk immediately)."""
    store = settings()
    store.setValue(key, value)
    store.sync()


def language() -> str:
    """'zh_CN' (default) or 'en'."""
    return get("language", "zh_CN") or "zh_CN"
