"""The PySide6 desktop app: the only package that imports Qt."""

from fieldapp.ui import pyside_guard as _pyside_guard  # noqa: F401  (before any Qt use)
