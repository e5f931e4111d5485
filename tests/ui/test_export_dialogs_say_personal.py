"""Every dialog that asks where to write a workbook of people says it holds personal data
(含个人信息，请妥善保管), as the 台账 and 月报 exports' did — the 户级责任 and 一库五册
exports' asked plainly, only the line after the export said it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from tests.english import in_english
from tests.ui.conftest import wait_idle
from tests.ui.demo_ledger import biggest_village


def _titles(monkeypatch) -> list[str]:  # noqa: ANN001
    asked: list[str] = []

    def save(_parent, title, *_a, **_k):  # noqa: ANN001, ANN202
        asked.append(title)
        return "", ""  # cancelled: nothing written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def test_each_workbook_of_people_is_asked_for_as_personal_data(demo_window, qtbot, monkeypatch):
    asked = _titles(monkeypatch)
    demo_window.show_page("ledger").export_dialog()
    duties = demo_window.show_page("duties")
    duties.export_dialog()
    rosters = demo_window.show_page("rosters")
    rosters.area.set_code(biggest_village(demo_window.session.ledger))
    wait_idle(qtbot, rosters)
    rosters.export_dialog()
    reports = demo_window.show_page("reports")
    reports.month.set_value(dt.date(2026, 10, 1))
    reports.make()
    qtbot.waitUntil(lambda: reports.report is not None and not reports.panel.busy, timeout=60000)
    reports.export_dialog()
    assert len(asked) == 4, asked
    assert all(title.endswith("（含个人信息，请妥善保管）") for title in asked), asked
    with in_english():
        english = [duties.tr("导出户级责任清单（含个人信息，请妥善保管）")]
        english.append(rosters.tr("导出一库五册（含个人信息，请妥善保管）"))
    assert all(t.endswith("(contains personal data: keep it safe)") for t in english), english
