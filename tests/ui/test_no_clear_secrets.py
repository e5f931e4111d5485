"""After a realistic desktop session, no password and no resident's personal data is in clear
anywhere on disk: not in the ledger's folder (ledger, WAL, key file, wait counter), not in the
data folder (settings, application log), not in the temporary folder, not in a backup.

Every file under the test's folder is searched, in UTF-8, UTF-16 and GB18030.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from fieldapp.services import backup, users
from fieldapp.ui import errors
from tests.helpers.clear_text import SECRETS, encodings, realistic_session
from tests.ui.conftest import UI_USER
from tests.ui.test_login_lock import _edit_phone_in_the_window, _login

#: A second user's password, ASCII so that the log's redaction of digits and Chinese would not
#: hide it: only never writing it does.
WANG_PASSWORD = "Wq#pass-2026"
#: A wrong password typed at the lock screen.
WANG_WRONG = "Wq#pass-2025"
NEW_PHONE = "13985067890"


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Python's, SQLite's and Qt's temporary files go to a folder inside the test's folder."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    for name in ("TMPDIR", "SQLITE_TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def own_log():
    """This test's own fieldapp.log (setup_logging adds one file handler per process)."""
    root = logging.getLogger("fieldapp")
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    errors.setup_logging()
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    for handler in before:
        root.addHandler(handler)


def test_no_password_or_personal_data_in_clear_on_disk_after_a_session(
    qtbot, tmp_path, ledger_path, own_temp, own_log, monkeypatch
):
    from fieldapp.ui.app import window_for

    # Log in as a coordinator would (a wrong password first), open the window.
    login = _login(qtbot, ledger_path, UI_USER.user, "Wrong-pass-1")
    assert login.session is None
    login = _login(qtbot, ledger_path, UI_USER.user, UI_USER.password)
    window = window_for(login.session)
    window.show()
    ledger = window.session.ledger
    # Type in a resident with ID number, phone and bank account; search; edit in the window.
    realistic_session(ledger)
    _edit_phone_in_the_window(window, qtbot, SECRETS["name"], NEW_PHONE)
    # A second user, a lock, a wrong then right password at the lock screen.
    users.add_user(ledger, "王强", WANG_PASSWORD)
    window.lock()
    window.lock_dialog.user.setText("王强")
    window.lock_dialog.password.setText(WANG_WRONG)
    assert not window.lock_dialog.unlock()
    window.lock_dialog.password.setText(WANG_PASSWORD)
    assert window.lock_dialog.unlock()
    # Something goes wrong with the resident's data in hand: it is logged.
    try:
        raise RuntimeError(f"{SECRETS['name']} {SECRETS['id_number']} {SECRETS['account']}")
    except RuntimeError as error:
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
        errors.excepthook(type(error), error, error.__traceback__)
    # A backup to a USB stick, then the window closes.
    stick = tmp_path / "u盘" / "备份.fieldbackup"
    backup.back_up(ledger, stick)
    window.close()
    assert not window.isVisible()
    for handler in logging.getLogger("fieldapp").handlers:
        handler.flush()

    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    names = {p.relative_to(tmp_path).as_posix() for p in files}
    # The places that matter were written (else the search below proves nothing).
    assert {"village.db", "village.db.keys", "home/fieldapp.log", "home/fieldapp.ini"} <= names
    assert "u盘/备份.fieldbackup" in names
    log_text = (tmp_path / "home" / "fieldapp.log").read_text(encoding="utf-8")
    assert "RuntimeError" in log_text
    secrets = {
        **SECRETS,
        "new phone": NEW_PHONE,
        "password": UI_USER.password,
        "second password": WANG_PASSWORD,
        "wrong password": WANG_WRONG,
        "wrong login": "Wrong-pass-1",
    }
    for path in files:
        data = path.read_bytes()
        for what, value in secrets.items():
            for form in encodings(value):
                assert form not in data, f"{what} in clear in {path.relative_to(tmp_path)}"
