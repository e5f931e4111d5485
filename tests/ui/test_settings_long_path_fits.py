"""设置 at 1024 wide on a ledger kept in a deep folder: the 台账文件 and 数据文件夹 lines were one
unbroken line each (a path has no spaces to wrap at), as wide as the path — the whole page
scrolled sideways and its right-hand column (本机, 复制设备标识, 政策包) was cut at the edge.
The path now wraps at its folder separators, and is still shown whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import UI_USER, close_window, fill_ledger

#: Folders as an office names them (a township service centre's ledgers by year).
DEEP = ("就业服务中心资料", "草海镇人力资源和社会保障服务中心", "二〇二六年度就业帮扶台账")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_long_ledger_path_wraps_and_the_page_fits_1024(qtbot, tmp_path, monkeypatch, lang):
    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    folder = tmp_path.joinpath(*DEEP)
    folder.mkdir(parents=True)
    path = folder / "草海镇乡镇服务中心台账.db"
    fill_ledger(path)
    make_app()
    i18n.install_language("zh_CN")
    win = open_window(path, UI_USER)
    win.show()
    try:
        win.set_language(lang)
        win.setWindowState(Qt.WindowState.WindowNoState)
        page = win.show_page("settings")
        win.resize(1024, 768 - 72)
        qtbot.wait(100)
        scroll = page.scroll_area
        needed = scroll.widget().minimumSizeHint().width()
        assert needed <= scroll.viewport().width(), (needed, scroll.viewport().width())
        assert scroll.horizontalScrollBar().maximum() == 0
        shown = [
            label.text().replace("\u200b", "")
            for label in page.findChildren(QLabel)
            if label.isVisible()
        ]
        assert str(path) in shown, shown
    finally:
        win.set_language("zh_CN")
        close_window(win, monkeypatch)
