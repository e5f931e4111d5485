"""导出月报 suggested 月报-2026-10.xlsx: the month as no paper writes it. It now suggests
月报-2026年10月.xlsx, the month as the report's own title says it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def test_the_monthly_report_is_suggested_under_its_month_as_written(window, qtbot, monkeypatch):
    asked: list[str] = []

    def save(_parent, _title, start="", *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(start)
        return "", ""  # cancelled: nothing written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    page = window.show_page("reports")
    page.month.set_value(dt.date(2026, 10, 1))
    page.make()
    qtbot.waitUntil(lambda: page.report is not None and not page.panel.busy, timeout=60000)
    assert page.report.month == "2026-10"
    page.export_dialog()
    assert Path(asked[0]).name == "月报-2026年10月.xlsx", asked


def test_the_reports_summary_says_its_month_as_written(window, qtbot):
    """The line under the table read “2026-10 月报：…”; it now says 2026年10月."""
    page = window.show_page("reports")
    page.month.set_value(dt.date(2026, 10, 1))
    page.make()
    qtbot.waitUntil(lambda: page.report is not None and not page.panel.busy, timeout=60000)
    said = page.summary.text()
    assert said.startswith("2026年10月 月报："), said
    assert "2026-10" not in said


def test_a_report_named_in_capitals_is_written_under_that_name(
    window, qtbot, monkeypatch, tmp_path
):
    """A name typed as 月报.XLSX was written as 月报.XLSX.xlsx (the ending was looked for in
    lower case only); the report is now written under the name typed, as the 户级责任 and
    一库五册 pages write theirs."""
    typed = tmp_path / "十月月报.XLSX"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(typed), ""))
    page = window.show_page("reports")
    page.month.set_value(dt.date(2026, 10, 1))
    page.make()
    qtbot.waitUntil(lambda: page.report is not None and not page.panel.busy, timeout=60000)
    written: list[Path] = []
    monkeypatch.setattr(page, "export_to", written.append)
    page.export_dialog()
    assert written == [typed]
