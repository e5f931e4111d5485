"""The app survives the PySide6 6.12-on-Python-3.11 reference leak (see fieldapp.ui.pyside_guard)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    import fieldapp.ui  # applies the guard
    from PySide6.QtWidgets import QApplication, QLineEdit
    from PySide6.QtCore import QObject, Signal

    class Source(QObject):
        ping = Signal()

    app = QApplication([])
    edit, source = QLineEdit(), Source()
    start = sys.getrefcount(None)
    for number in range(200_000):
        edit.setText("x" if number % 2 else "y")   # void method: loses None on 6.12 + 3.11
        source.ping.emit()                         # returns True: loses True on 6.12 + 3.11
    print("ok", start - sys.getrefcount(None))
    """
)


def test_many_qt_calls_do_not_abort_the_interpreter():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")
    assert "dealloc" not in result.stderr
