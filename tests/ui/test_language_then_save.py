"""Switching the language rebuilds every page; afterwards every page saves without an error box.

The rebuilt pages' predecessors must not hear anything any more: neither the session's change
signal nor a list still being computed when the language changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fieldapp.hub.folder import Hub
from fieldapp.ui.main_window import PAGE_KEYS
from fieldapp.ui.pages import sync as sync_page
from tests.codes import ENROL_CODE
from tests.ui.conftest import wait_idle
from tests.ui.plain import assert_plain


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the app shows (none may appear), answered without a modal loop."""
    shown: list[tuple[str, str]] = []

    def record(kind: str):  # noqa: ANN202 - a QMessageBox static replacement
        def box(_parent, title, text, *_a, **_k):  # noqa: ANN001, ANN202
            assert_plain(f"{title} {text}")
            shown.append((kind, f"{title}: {text}"))
            return QMessageBox.StandardButton.Ok

        return box

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def switch(window, lang: str) -> None:
    """Choose a language on the settings page, as a user does."""
    page = window.show_page("settings")
    page.language.setCurrentIndex(page.language.findData(lang))


def test_switch_twice_then_save_on_every_page(demo_window, qtbot, tmp_path, boxes, monkeypatch):
    win = demo_window
    for key in PAGE_KEYS:  # every page built (and the due list computing) before the switch
        win.show_page(key)
    for lang in ("en", "zh_CN", "en", "zh_CN"):
        switch(win, lang)
    assert win.nav.item(0).text() == "台账"
    session = win.session
    ledger = session.ledger
    person_id, name = ledger.db.execute(
        "SELECT p.id, p.name FROM persons p WHERE p.deleted = 0 "
        "AND CAST(substr(p.birth_date, 1, 4) AS INT) BETWEEN 1970 AND 2000 ORDER BY p.rowid LIMIT 1"
    ).fetchone()
    saves = 0

    # 台账: edit a person's phone and save.
    page = win.show_page("ledger")
    editor = page.edit_person(person_id)
    editor.phone.setText("13800001111")
    editor.save()
    assert ledger.get("persons", person_id)["phone"] == "13800001111"
    saves += 1

    # 走访: a visit with a service.
    page = win.show_page("visits")
    page.prefill(person_id, "岗位推荐")
    page.notes.setText("推荐县内岗位")
    assert page.save()
    saves += 1

    # 待办: the list comes back after the switches.
    page = win.show_page("due")
    wait_idle(qtbot, page)
    assert page.model.rowCount() > 0

    # 补贴: a claim for someone eligible.
    page = win.show_page("subsidies")
    page.find_eligible()
    wait_idle(qtbot, page)
    from fieldapp.policy.eligibility import Status

    row = next(
        n
        for n, r in enumerate(page.results.rows)
        if r.status is Status.ELIGIBLE and r.amount is not None
    )
    page.results_view.selectRow(row)
    assert page.create_claim() is not None
    saves += 1

    # 打印: the month's visit sheet, previewed and saved as PDF.
    page = win.show_page("print")
    page.paper.setCurrentIndex(page.paper.findData("visits"))  # opens on the first village
    opened = []
    page.preview(opened.append)
    wait_idle(qtbot, page)
    assert opened, boxes
    pdf = tmp_path / "visits.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    assert opened[0].save_dialog() == pdf
    opened[0].close()
    saves += 1

    # 同步: enrol with a hub, export a bundle onto a "USB stick".
    hub = Hub.init(tmp_path / "hub", "培训中心", training=True)  # a demo ledger's hub
    enrolment = tmp_path / "device.json"
    area = ledger.db.execute("SELECT code FROM areas WHERE length(code) = 12").fetchone()[0]
    hub.enroll("演示笔记本", area, enrolment, code=ENROL_CODE, by="县里的科员")
    page = win.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE), boxes
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sync_page, "removable_drives", lambda: [("U盘", str(stick))])
    page.refresh()
    page.export_to(page._folder())
    wait_idle(qtbot, page)
    assert list(stick.glob("*.fieldsync")), boxes
    hub.close()
    saves += 1

    # 报表: the month's report, exported.
    page = win.show_page("reports")
    page.make()
    wait_idle(qtbot, page)
    out = tmp_path / "report.xlsx"
    page.export_to(out)
    wait_idle(qtbot, page)
    assert out.exists()
    saves += 1

    # 设置: paper wording and the device.
    page = win.show_page("settings")
    page.paper_fields["county_name"].setText("七星关区")
    assert page.save_paper()
    page.device_name.setText("大坝村笔记本")
    page.save_device()
    assert "大坝村笔记本" in win.windowTitle()
    saves += 1

    qtbot.wait(100)  # late deliveries to the old pages would surface here
    assert saves == 7
    assert boxes == []
    assert Path(session.path).exists()


def test_switch_waits_for_a_running_import(window, qtbot, boxes):
    import threading

    page = window.show_page("ledger")
    gate = threading.Event()
    page.ops.run("导入", lambda _p: gate.wait(10), lambda _r: None, lambda _e: None)
    settings = window.show_page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert boxes and "请等它完成" in boxes[-1][1]
    assert settings.language.currentData() == "zh_CN"
    assert window.nav.item(0).text() == "台账"
    gate.set()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=10000)
    settings.language.setCurrentIndex(settings.language.findData("en"))
    assert window.nav.item(0).text() == "Ledger"
