"""The app closed while a background job still runs ends cleanly: the job is cancelled and
waited for before the ledger and the interpreter close (it used to end after the interpreter
had deleted its signals: 'RuntimeError: Signal source has been deleted' in the terminal)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: A page's operation panel running a list when the app's event loop ends; then the app's
#: last step (`finish_all`, as `fieldapp.ui.app.finish` does it) and the interpreter's exit.
SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget
    from fieldapp.ui.app import make_app
    from fieldapp.ui.operations import OperationPanel, finish_all

    app = make_app()
    page = QWidget()
    panel = OperationPanel(page)
    ended = Path(sys.argv[1])

    def work(progress):
        while not progress.is_cancelled():  # a long list, until the app closes
            time.sleep(0.01)
        time.sleep(0.5)  # its last safe step
        ended.write_text("ended")
        return []

    panel.run("正在列出……", work, lambda r: None, lambda e: None, read_only=True)
    QTimer.singleShot(200, app.quit)
    app.exec()
    print("finished", finish_all(), ended.exists())
    """
)


def test_a_job_running_when_the_app_closes_ends_before_the_app(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDAPP_HOME=str(tmp_path / "home"))
    ended = tmp_path / "ended"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ended)],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Signal source has been deleted" not in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert "finished True True" in result.stdout  # the job ended before the app did
