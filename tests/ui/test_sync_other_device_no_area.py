"""The 同步 page asked about another device's enrolment file: this device's area said in
words, 未定 when its enrolment named none (as `enrol` says it), never "None" or blank."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.hub.folder import Hub
from fieldapp.store.queries import sync as sync_state
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import crypto
from fieldapp.sync.enrolment import make_enrolment, seal
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE, answered, enrol_as


def _asked_about_other_device(window, tmp_path, monkeypatch) -> str:
    ledger = window.session.ledger
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.enroll("杉树村", VILLAGE, tmp_path / "other.enrol", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, shown))
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "other.enrol", code=ENROL_CODE) is False
    assert len(shown) == 1
    assert sync_state.identity(ledger).name == "大坝村"  # 否: still this device
    return shown[0]


def test_this_devices_area_in_words(window, qtbot, tmp_path, monkeypatch):
    enrol_as(window.session.ledger, tmp_path, "大坝村", VILLAGE)
    asked = _asked_about_other_device(window, tmp_path, monkeypatch)
    assert "设备“大坝村”（区域 " in asked
    assert "区域 未定" not in asked
    assert "（区域 ）" not in asked
    assert "设备“杉树村”" in asked


def test_no_area_enrolled_is_said_unset(window, qtbot, tmp_path, monkeypatch):
    ledger = window.session.ledger
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    state = SyncState(ledger.db)
    with ledger.transaction():
        state.set_identity(dataclasses.replace(state.identity(), area_code=None))
    asked = _asked_about_other_device(window, tmp_path, monkeypatch)
    assert "设备“大坝村”（区域 未定）" in asked
    assert "None" not in asked


def _file_naming_no_area(tmp_path, area_code) -> None:
    """An enrolment file the hub signed naming no area for its device (the hub's `enroll`
    refuses to write one; an older or hand-made hub could)."""
    hub = Hub.open(tmp_path / "hub")
    try:
        document = make_enrolment(hub.identity, "杉树村", area_code, crypto.KeyPair.generate())
    finally:
        hub.close()
    sealed = seal(document, ENROL_CODE)
    (tmp_path / "other.enrol").write_text(json.dumps(sealed, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("area_code", ["", None])
def test_a_file_naming_no_area_is_said_unset(window, qtbot, tmp_path, monkeypatch, area_code):
    ledger = window.session.ledger
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    _file_naming_no_area(tmp_path, area_code)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", answered("question", QMessageBox.No, shown))
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "other.enrol", code=ENROL_CODE) is False
    assert len(shown) == 1, shown
    assert "设备“杉树村”（区域 未定）" in shown[0]
    assert "None" not in shown[0]
    assert "台账里没有" not in shown[0]
    assert sync_state.identity(ledger).name == "大坝村"  # 否: still this device
