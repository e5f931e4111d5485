"""设置 → 本机 → 工作区域 offered 七星关区 and （全部） on a village's enrolled device: saving one
was narrowed back to the village (56db408) without the box saying so. An enrolled village's or
township's device is now offered its own area and those inside it; a device not enrolled (or
the county's) still every area."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.services import settings
from fieldapp.store.ledger import Ledger
from tests.codes import ENROL_CODE
from tests.ui.conftest import UI_USER, VILLAGE


def _offered(page) -> list[str]:
    return [page.home_area.itemText(n) for n in range(page.home_area.count())]


def _enrol(window, tmp_path: Path, area: str, role: Role = Role.COORDINATOR) -> None:
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    try:
        hub.enroll("本机", area, tmp_path / "device.json", role, code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    assert window.show_page("sync").enrol(tmp_path / "device.json", code=ENROL_CODE)


def test_an_unenrolled_device_is_offered_every_area(window):
    page = window.show_page("settings")
    assert _offered(page) == ["（全部）", "七星关区", "市西街道", "大坝村"]


def test_a_village_device_is_offered_its_village_only(window, tmp_path: Path):
    ledger: Ledger = window.session.ledger
    with ledger.transaction():
        ledger.set_meta(settings.HOME_AREA, VILLAGE[:6])  # the wizard's choice: the county
    window.show_page("settings")
    _enrol(window, tmp_path, VILLAGE)
    page = window.show_page("settings")  # shown again after enrolling: offered anew
    assert _offered(page) == ["大坝村"]
    assert page.home_area.code() == VILLAGE
    page.save_device()
    assert settings.home_area(ledger) == VILLAGE


def test_a_township_device_is_offered_its_township_and_villages(window, tmp_path: Path):
    _enrol(window, tmp_path, VILLAGE[:9], Role.TOWNSHIP)
    page = window.show_page("settings")
    assert _offered(page) == ["市西街道", "大坝村"]
    assert page.home_area.code() == VILLAGE[:9]
    page.home_area.set_code(VILLAGE)
    page.save_device()
    assert settings.home_area(window.session.ledger) == VILLAGE


def test_opened_already_enrolled(tmp_path: Path, qtbot):
    """A ledger enrolled before the window opened: the page is built with the narrow list."""
    from fieldapp.ui.app import make_app, open_window
    from tests.ui.conftest import enrol_as, fill_ledger

    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    ledger.close()
    make_app()
    window = open_window(path, UI_USER)
    try:
        assert _offered(window.show_page("settings")) == ["大坝村"]
    finally:
        window.close()
        window.shutdown_pages()
        window.session.close()
