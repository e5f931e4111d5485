"""A village laptop of the first wave, enrolled on the command line (`fieldapp enrol`, which then
recorded the county's name for the device only in its enrolment), opened by this version."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from fieldapp.store.ledger import Ledger
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, enrolled as 大坝村, with no device name of its own."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
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

    from fieldapp.ui.login import NewPasswordDialog
    from tests.sync.helpers import add_family
    from tests.ui.conftest import when_modal

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

    def type_twice(form: NewPasswordDialog) -> None:  # its first user's password, set here
        form.new.setText(UI_USER.password)
        form.again.setText(UI_USER.password)
        form.ok_button.click()

    when_modal(NewPasswordDialog, type_twice, polls=1000)
    page = window.show_page("settings")
    page.restore_dialog()
    qtbot.waitUntil(lambda: page.restored is not None, timeout=60000)
    assert page.restored
    assert "*.db" in offered[0], offered
    assert not warnings_shown, warnings_shown
    names = {r[0] for r in window.session.ledger.db.execute("SELECT name FROM persons")}
    assert "旧0" in names
    assert window.session.ledger.encrypted


def test_a_first_wave_backup_asks_the_new_password_twice_in_the_right_words(
    window, qtbot, tmp_path, monkeypatch, warnings_shown
) -> None:
    """A first-wave backup has no password: the one typed becomes the restored ledger's first
    user's, the only way in. 从备份恢复 asked for it once, as 备份时 李芳 的口令 — a password the
    backup never had, and a slip locked the restored work. Now it is a new password, typed
    twice in the form that keeps it on a slip (as `fieldapp restore` asks it twice)."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    from fieldapp.domain.credentials import Credentials
    from fieldapp.ui.login import NewPasswordDialog
    from tests.sync.helpers import add_family
    from tests.ui.conftest import when_modal

    old = tmp_path / "old.db"
    plain = Ledger.open(old)
    add_family(plain, VILLAGE, ["101"], surname="旧")
    plain.close()
    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    backup.write_bytes(old.read_bytes())
    asked: list[str] = []

    def get_text(_parent, _title, label, *a, **k):  # noqa: ANN001, ANN202
        asked.append(label)
        return UI_USER.password, True

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(backup), ""))
    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen: dict[str, object] = {}

    def type_in_the_form(form: NewPasswordDialog) -> None:
        try:
            seen["words"] = " ".join(label.text() for label in form.findChildren(QLabel))
            form.new.setText("恢复后的口令Qx7")
            form.again.setText("恢复后的口令Qx")  # a slip: said, the form stays
            form.ok_button.click()
            seen["open"] = form.isVisible()
            form.again.setText("恢复后的口令Qx7")
            form.ok_button.click()
        finally:
            if form.isVisible():
                form.reject()

    when_modal(NewPasswordDialog, type_in_the_form, polls=1000)
    page = window.show_page("settings")
    page.restore_dialog()
    qtbot.waitUntil(lambda: page.restored is not None, timeout=60000)
    assert page.restored, warnings_shown
    assert asked == [] and seen["open"], (asked, seen)
    assert "备份时" not in str(seen["words"]) and "第一位用户" in str(seen["words"]), seen
    names = {r[0] for r in window.session.ledger.db.execute("SELECT name FROM persons")}
    assert "旧0" in names
    window.session.close()
    Ledger.open(
        window.session.path, credentials=Credentials(UI_USER.user, "恢复后的口令Qx7")
    ).close()


FIRST_WAVE_LOG = """2026-11-20 10:02:11,405 ERROR fieldapp.ui: 未处理的错误
Traceback (most recent call last):
  File "/opt/fieldapp/_internal/fieldapp/ui/dialogs/person.py", line 212, in save
    self.repo.save(person)
pydantic_core._pydantic_core.ValidationError: 1 validation error for Person
bank_account
  Value error, 账号位数不对 [type=value_error, input_value='622151427392355978', input_type=str]
2026-11-21 16:40:03,118 ERROR fieldapp.ui: 操作失败
KeyError: '王秀英 520502197505160012'
"""


def test_the_first_waves_log_is_redacted_at_the_first_start(tmp_path, monkeypatch) -> None:
    """The first wave logged exception texts as they were — a failed save's account, a name
    and ID number — in fieldapp.log, readable by every user of the laptop; this version's
    redaction covered only what it writes itself, so the old lines stayed in clear."""
    import logging

    from fieldapp.paths import data_dir
    from fieldapp.ui import errors

    log = data_dir() / "fieldapp.log"
    log.write_text(FIRST_WAVE_LOG, encoding="utf-8")
    root = logging.getLogger("fieldapp")
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    try:
        errors.setup_logging()
        logging.getLogger("fieldapp.ui").error("未处理的错误 %s", "李四 13800001111")
        errors.setup_logging()  # the next start: what is there is redacted already
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in before:
            root.addHandler(handler)
    data = log.read_bytes()
    for secret in ("622151427392355978", "520502197505160012", "王秀英", "李四", "13800001111"):
        assert secret.encode("utf-8") not in data, secret
    text = data.decode("utf-8")
    assert 'File "/opt/fieldapp/_internal/fieldapp/ui/dialogs/person.py", line 212' in text
    assert "ValidationError" in text and "KeyError" in text
    assert text.endswith("ERROR fieldapp.ui: 未处理的错误 ‹2字› ‹11位数字›\n"), text[-120:]
    assert log.stat().st_mode & 0o077 == 0


def test_a_first_wave_ledger_opened_in_the_wizard_names_its_clear_backups(
    qtbot, tmp_path, warnings_shown
) -> None:
    """A first-wave ledger on a stick (the app found none of its own and showed the wizard):
    打开已有台账 encrypts it as the login screen does, and must say the same of its clear backups."""
    from fieldapp.reference import divisions
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard
    from tests.sync.helpers import add_family

    path = tmp_path / "U盘" / "ledger.db"
    path.parent.mkdir()
    plain = Ledger.open(path)
    add_family(plain, VILLAGE, ["101"])
    plain.close()
    backup = path.with_name("ledger-备份-20261120-140512.db")
    backup.write_bytes(path.read_bytes())
    make_app()
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.open_radio.setChecked(True)
    wizard.open_path.setText(str(path))
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令1")
    county = divisions().counties()[0]
    wizard.set_county(county.code)
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    assert Path(f"{path}.keys").is_file()
    assert len(warnings_shown) == 1, warnings_shown
    assert backup.name in warnings_shown[0] and "没有加密" in warnings_shown[0]
