"""A village laptop of the first wave, enrolled on the command line (`fieldapp enrol`, which then
recorded the county's name for the device only in its enrolment), opened by this version."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.ui.conftest import UI_USER, VILLAGE, fill_ledger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, enrolled as 大坝村, with no device name of its own."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    hub = Hub.init(tmp_path / "hub")
    try:
        hub.enroll("大坝村", VILLAGE, tmp_path / "village.enrol", code=ENROL_CODE)
    finally:
        hub.close()
    enrol(ledger, tmp_path / "village.enrol", code=ENROL_CODE)
    with ledger.transaction():  # as the first wave's enrolment left it
        ledger.set_meta("device_name", None)
    ledger.close()
    return path


def test_the_window_names_the_device_as_the_county_enrolled_it(window) -> None:
    device_id = window.session.ledger.device_id
    assert "大坝村" in window.windowTitle(), window.windowTitle()
    assert device_id not in window.windowTitle()
    assert window.session.device_name == "大坝村"


def test_a_first_wave_backup_is_offered_and_restored_from_settings(
    window, qtbot, tmp_path, monkeypatch, warnings_shown
) -> None:
    """The first wave's 立即备份 wrote ``ledger-备份-….db``; the restore dialog listed only
    ``*.fieldbackup`` files, so the coordinator could not even choose it."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from tests.sync.helpers import add_family

    old = tmp_path / "old.db"
    plain = Ledger.open(old)
    add_family(plain, VILLAGE, ["101"], surname="旧")
    plain.close()
    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    backup.write_bytes(old.read_bytes())
    offered: list[str] = []

    def choose(_parent, _title, _folder, filters, *args, **kwargs):  # noqa: ANN001, ANN202
        offered.append(filters)
        return str(backup), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (UI_USER.password, True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page = window.show_page("settings")
    page.restore_dialog()
    assert "*.db" in offered[0], offered
    assert not warnings_shown, warnings_shown
    names = {r[0] for r in window.session.ledger.db.execute("SELECT name FROM persons")}
    assert "旧0" in names
    assert window.session.ledger.encrypted
