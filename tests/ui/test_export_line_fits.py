"""The line a page says after an export (户级责任, 一库五册, 月报): it said the file's whole path,
已导出到 C:\\Users\\…\\…\\大坝村户级责任清单.xlsx（含个人信息，请妥善保管）, on one line — a file
saved in a folder a few levels down pushed the page wider than the window (a scroll bar under
the whole page, the end of the line and the 依据 column off its edge), and the English window
said the personal-data note in Chinese. It now names the file (its whole path in the line's
tooltip) and says the note in the language shown; the 月报 line says the note too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import wait_idle
from tests.ui.demo_ledger import biggest_village

FOLDERS = (
    "大坝村劳动力就业服务台账资料二〇二六年度",
    "县人社局下发表格及村里交来的汇总表格",
    "第十二月份报送县里的材料",
)


def far_down(tmp_path: Path, name: str) -> Path:
    folder = tmp_path.joinpath(*FOLDERS)
    folder.mkdir(parents=True, mode=0o700)
    return folder / name


def exported_line_fits(window, qtbot, page, path: Path, lang: str) -> None:
    line = page.summary.text()
    assert path.name in line and str(path.parent) not in line, line
    assert str(path) in page.summary.toolTip()
    if lang == "en":
        assert "含个人信息" not in line and "personal data" in line, line
    else:
        assert "含个人信息，请妥善保管" in line, line
    room = window._room_of(page)
    for width in (1366, 1024):
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(width, 768 - 72)
        qtbot.wait(50)
        assert room.horizontalScrollBar().maximum() == 0, (lang, width)
        right = page.summary.mapTo(room.viewport(), page.summary.rect().topRight()).x()
        assert right <= room.viewport().width(), (lang, width)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_duties_and_rosters_export_lines_fit(demo_window, qtbot, tmp_path, lang):
    demo_window.set_language(lang)
    try:
        duties = demo_window.show_page("duties")
        wait_idle(qtbot, duties)
        out = far_down(tmp_path / "duties", "大坝村户级责任清单.xlsx")
        duties.export_to(out)
        wait_idle(qtbot, duties)
        assert out.is_file()
        exported_line_fits(demo_window, qtbot, duties, out, lang)
        duties.refresh()
        wait_idle(qtbot, duties)
        assert duties.summary.toolTip() == ""  # the list's own line again, no file's tooltip

        rosters = demo_window.show_page("rosters")
        rosters.area.set_code(biggest_village(demo_window.session.ledger))
        wait_idle(qtbot, rosters)
        out = far_down(tmp_path / "rosters", "大坝村一库五册.xlsx")
        rosters.export_to(out)
        wait_idle(qtbot, rosters)
        assert out.is_file()
        exported_line_fits(demo_window, qtbot, rosters, out, lang)
    finally:
        demo_window.set_language("zh_CN")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_monthly_report_export_line_fits(window, qtbot, tmp_path, lang):
    window.set_language(lang)
    try:
        page = window.show_page("reports")
        page.month.set_value(dt.date(2026, 10, 1))
        page.make()
        qtbot.waitUntil(lambda: page.report is not None and not page.panel.busy, timeout=60000)
        out = far_down(tmp_path, "月报-2026年10月.xlsx")
        page.export_to(out)
        wait_idle(qtbot, page)
        assert out.is_file()
        exported_line_fits(window, qtbot, page, out, lang)
        page.make()
        wait_idle(qtbot, page)
        assert page.summary.toolTip() == ""
    finally:
        window.set_language("zh_CN")
