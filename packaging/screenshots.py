"""Render every page of the app offscreen at 1366×768 in Chinese to docs/screenshots/*.png.

Usage: python packaging/screenshots.py [--out docs/screenshots] [--persons 600]
Builds a demo ledger in a temporary folder (never touches the user's data), opens the main window
and grabs each page after its data has loaded.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wait(app, ms: int) -> None:  # noqa: ANN001 - QApplication
    """Run the event loop for `ms` (threads may take the GIL meanwhile)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(app, check, timeout_ms: int = 20000) -> None:  # noqa: ANN001
    """Run the event loop until `check()` is true."""
    end = time.monotonic() + timeout_ms / 1000
    while not check() and time.monotonic() < end:
        wait(app, 50)


def build_ledger(folder: Path, persons: int) -> Path:
    """A demo ledger with visits, a claim or two and a batch."""
    from fieldapp.demo.generator import build_demo
    from fieldapp.store.ledger import Ledger

    path = folder / "演示台账.db"
    ledger = Ledger.open(path, author="王芳")
    report = build_demo(ledger, persons, seed=7)
    ledger.set_meta("device_name", "大坝村笔记本")
    ledger.set_meta("home_area_code", report.county)
    ledger.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """Render the pages."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--persons", type=int, default=600)
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="fieldapp-shots-"))
    os.environ["FIELDAPP_HOME"] = str(home / "home")
    path = build_ledger(home, args.persons)

    from fieldapp.ui import prefs
    from fieldapp.ui.app import make_app, open_window

    prefs.put("language", "zh_CN")
    app = make_app()
    window = open_window(path)
    window.resize(1366, 768)
    window.show()
    ledger = window.show_page("ledger")
    wait_until(app, lambda: ledger.model.rowCount() > 0)
    ledger.select_row(3)
    wait(app, 200)
    window.grab().save(str(out / "01-ledger.png"))

    ledger.search_box.setText("wang")
    wait(app, 500)
    ledger.panel.tabs.setCurrentIndex(1)
    wait(app, 100)
    window.grab().save(str(out / "02-ledger-search-household.png"))

    editor = ledger.new_person()
    editor.name.setText("赵丽")
    editor.id_number.setText("52050219900101222X")
    wait(app, 100)
    editor.grab().save(str(out / "03-person-editor-bad-id.png"))
    editor.discard()

    visits = window.show_page("visits")
    visits.picker.setText("wang")
    wait(app, 400)
    visits._pick_first()
    visits.service.set_value("岗位推荐")
    visits.notes.setText("在家务农，希望到县内就业")
    wait(app, 100)
    window.grab().save(str(out / "04-visits.png"))
    visits.clear_form()

    due = window.show_page("due")
    wait_until(app, lambda: not due.panel.busy and due.model.rowCount() > 0)
    wait(app, 100)
    window.grab().save(str(out / "05-due.png"))

    subsidies = window.show_page("subsidies")
    subsidies.find_eligible()
    wait_until(app, lambda: not subsidies.panel.busy)
    wait(app, 100)
    window.grab().save(str(out / "06-subsidies.png"))

    window.show_page("print")
    wait(app, 100)
    window.grab().save(str(out / "07-print.png"))

    window.show_page("sync")
    wait(app, 100)
    window.grab().save(str(out / "08-sync.png"))

    reports = window.show_page("reports")
    reports.make()
    wait_until(app, lambda: reports.report is not None)
    wait(app, 100)
    window.grab().save(str(out / "09-reports.png"))

    window.show_page("settings")
    wait(app, 100)
    window.grab().save(str(out / "10-settings.png"))

    window.discard_unsaved()
    window.close()
    window.session.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
