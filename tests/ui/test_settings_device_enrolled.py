"""设置 → 本机 showed 设备标识 as the ledger's hex id (0193…), which means nothing to a
coordinator and is not what the county's lists call the computer. It now shows the name the
county enrolled it under, with its hub; the hex stays a tooltip and a 复制设备标识 away, for the
county's technician tracing a bundle."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from fieldapp.hub.folder import Hub
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE


def test_settings_shows_the_enrolled_name_and_keeps_the_id_at_hand(
    window, tmp_path, warnings_shown
):
    device_id = window.session.ledger.device_id
    page = window.show_page("settings")
    said = page.enrolled_label.text()
    assert "还没有登记到县里" in said and device_id not in said, said
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    assert window.show_page("sync").enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    page = window.show_page("settings")
    assert page.enrolled_label.text() == "大坝村笔记本（七星关区汇总中心）"
    assert device_id in page.enrolled_label.toolTip()
    page.copy_id_button.click()
    assert QGuiApplication.clipboard().text() == device_id
    assert "已复制" in page.device_note.text()
