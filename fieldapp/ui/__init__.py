"""The PySide6 desktop app: the only package that imports Qt."""

import os as _os

# No pydantic plugins in the desktop app: looking for them reads the metadata of every
# installed package when the first model is defined, on every start.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

from fieldapp.ui import pyside_guard as _pyside_guard  # noqa: E402, F401  (before any Qt use)
