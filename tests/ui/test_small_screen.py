"""The window on a laptop's screen that is smaller than 1366×768: 1280×720, or 1366×768 with
the system's text scaled to 125 % (1093×614 for Qt), as village laptops often are."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt


def test_the_subsidies_page_fits_a_window_1024_wide(window, qtbot):
    """The 补贴 list was as wide as its longest subsidy's name (一次性求职创业补贴（首次有组织
    输出到省外…）), 844 px: once the page had been opened, the window could not be narrower
    than 1,309 px, and on a smaller screen its right side (日期, the page's buttons) was off
    the screen."""
    page = window.show_page("subsidies")
    window.resize(1024, 640)
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    date_right = page.on.mapTo(window, page.on.rect().topRight()).x()
    assert date_right < window.width()
    # The whole name of every subsidy can still be read in the drop-down list.
    view = page.rule.view()
    longest = max(view.sizeHintForColumn(0), 0)
    page.rule.showPopup()
    qtbot.wait(50)
    assert view.viewport().width() >= longest
    page.rule.hidePopup()


SMALL_SCREEN = """
import json, sys
from pathlib import Path

from PySide6.QtCore import Qt
from fieldapp.ui.app import make_app, open_window
from fieldapp.ui.main_window import PAGE_KEYS
from tests.ui.conftest import UI_USER, fill_ledger

path = Path(sys.argv[1])
fill_ledger(path)
app = make_app()
window = open_window(path, UI_USER)
window.show()
app.processEvents()
room = app.primaryScreen().availableGeometry()
seen = {}
for key in PAGE_KEYS:
    window.show_page(key)
    app.processEvents()
    frame, needs = window.frameGeometry(), window.minimumSizeHint()
    seen[key] = [frame.right(), frame.bottom(), needs.width(), needs.height()]
print(json.dumps({"room": [room.right(), room.bottom()], "pages": seen}))
window.shutdown_pages()
window.session.close()
"""


def on_the_small_screen(tmp_path: Path, script: str) -> dict:
    """Run `script` in a fresh app whose only screen is a 1280×720 laptop's at 125 %
    (1024×576 to Qt); its last line of output, read as JSON."""
    screen = tmp_path / "screen.json"
    screen.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 576,
                          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
        )
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith("FIELDAPP_")}
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        FIELDAPP_HOME=str(tmp_path / "home"),
        FIELDAPP_TEST_FAST_KDF="1",
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "village.db")],
        env=env, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_fits_a_1280_by_720_screen_at_125_percent(tmp_path):
    """Qt sees a 1280×720 screen with text at 125 % as 1024×576. The window opened at
    1366×768 with a minimum of 1024×640, and the 走访 page could not be less than 593 px high:
    its bottom (the status bar, the visits table, 保存走访 on a short screen) was below the
    screen's edge. It now opens within the screen (maximized when the screen is smaller than
    its usual size), and a page taller than the room scrolls instead of pushing the window
    off the screen."""
    seen = on_the_small_screen(tmp_path, SMALL_SCREEN)
    right, bottom = seen["room"]
    for key, (frame_right, frame_bottom, width, height) in seen["pages"].items():
        assert frame_right <= right and frame_bottom <= bottom, key
        assert width <= right + 1 and height <= bottom + 1, (key, width, height)


DIALOGS = """
import json
from fieldapp.tabular.outcome import ImportReport
from fieldapp.ui.app import make_app
from fieldapp.ui.dialogs.import_preview import ImportPreviewDialog
from fieldapp.ui.dialogs.import_report import ImportReportDialog

app = make_app()
room = app.primaryScreen().availableGeometry()
seen = {}
for dialog in (ImportPreviewDialog(ImportReport()), ImportReportDialog(ImportReport())):
    dialog.show()
    app.processEvents()
    frame, needs = dialog.frameGeometry(), dialog.minimumSizeHint()
    seen[type(dialog).__name__] = [frame.height(), needs.height(), frame.width()]
    dialog.close()
print(json.dumps({"room": [room.width(), room.height()], "dialogs": seen}))
"""


def test_the_import_dialogs_fit_a_1280_by_720_screen_at_125_percent(tmp_path):
    """按月更新 from a workbook: the 导入预览 opened 960×600 whatever the screen — on a
    1280×720 laptop at 125 % (576 high, less the taskbar and its title bar) its bottom row,
    确认导入 and 取消, was below the screen's edge. The import dialogs now open within the
    room the screen leaves."""
    seen = on_the_small_screen(tmp_path, DIALOGS)
    width, height = seen["room"]
    for name, (frame_height, needs, frame_width) in seen["dialogs"].items():
        # Room for a title bar and a taskbar besides.
        assert frame_height <= height - 64 and needs <= height - 64, (name, frame_height)
        assert frame_width <= width, name


def test_the_wheel_scrolls_a_tall_page_without_changing_the_visits_date(window, qtbot):
    """On a short screen the 走访 page scrolls; turning the wheel to get down to 保存走访 with
    the pointer over 日期 moved the visit's date back a day a notch, to be saved unseen. A box
    takes the wheel only once clicked into; otherwise the page scrolls."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QScrollArea

    from tests.ui.test_settings_wheel import wheel_down

    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    window.setMinimumSize(QSize(0, 0))
    window.resize(1024, 460)  # the room a 1280×720 screen at 125 % leaves, less its taskbar
    page = window.show_page("visits")
    window.nav.setFocus()
    qtbot.wait(50)
    room = page.parentWidget().parentWidget()
    assert isinstance(room, QScrollArea)
    scroll = room.verticalScrollBar()
    assert scroll.maximum() > 0
    day = page.date.date()
    wheel_down(page.date, 3)
    assert page.date.date() == day
    assert scroll.value() > 0
