"""Logging in to a plain ledger (the first wave's) encrypts it: on a large one that takes a
while, so the login shows a bar that moves and has 取消 (the ledger stays plain and as it was,
and the user is told it will be encrypted at the next login)."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from fieldapp.demo.generator import build_demo
from fieldapp.domain.credentials import Credentials
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import ledger_state


def _plain(tmp_path: Path) -> tuple[Path, int]:
    (tmp_path / "village").mkdir()
    path = tmp_path / "village" / "ledger.db"
    ledger = Ledger.open(path, author="李芳")
    build_demo(ledger, 200, seed=3)
    persons = ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    ledger.close()
    return path, int(persons)


def _hold_first_encryption(monkeypatch, module) -> None:  # noqa: ANN001
    """`module.open_ledger`'s first encryption waits, once its bar counts, until 取消 is pressed
    (up to 30 s): on a busy machine the copy had ended before the window's timer pressed it."""
    real_open = module.open_ledger
    calls: list[int] = []

    def open_held(*args, progress=None, cancel=None, **kwargs):  # noqa: ANN001, ANN002, ANN003
        calls.append(1)
        if progress is None or cancel is None or len(calls) > 1:
            return real_open(*args, progress=progress, cancel=cancel, **kwargs)

        def held(done: int, total: int) -> None:
            progress(done, total)
            deadline = time.monotonic() + 30
            while total and not cancel() and time.monotonic() < deadline:
                time.sleep(0.01)

        return real_open(*args, progress=held, cancel=cancel, **kwargs)

    monkeypatch.setattr(module, "open_ledger", open_held)


def test_the_first_encryption_at_login_can_be_cancelled(qtbot, tmp_path, monkeypatch):
    """Before, the login's line said 正在加密台账…… over a bar with no end and no 取消."""
    from fieldapp.ui import login as login_module
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog

    make_app()
    _hold_first_encryption(monkeypatch, login_module)
    path, persons = _plain(tmp_path)
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("李芳")
    dialog.password.setText("村里的口令1")
    dialog.repeat.setText("村里的口令1")
    panel = dialog.panel
    seen: list[tuple[int, str]] = []

    def press_cancel() -> None:
        # Pressed once the bar counts (the copy has reported how far it is).
        if panel.busy and panel.bar.maximum() > 0 and not seen:
            seen.append((panel.bar.maximum(), panel.cancel_button.text()))
            qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(press_cancel)
    timer.start()
    try:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not panel.busy, timeout=60000)
    finally:
        timer.stop()
    assert seen == [(1000, "取消")]  # a bar that counts, and a way back
    assert dialog.session is None
    said = dialog.message.text()
    assert "还没有加密" in said and "下次登录时会再加密" in said, said
    assert ledger_state(path) == "plain" and not keyfile.has_keyfile(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["ledger.db"]  # no half file
    ledger = Ledger.open(path)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()

    # The next 设置并打开 (the passwords as typed) encrypts it.
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=60000)
    assert ledger_state(path) == "encrypted"
    assert dialog.session.ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    dialog.session.close()


def test_logging_in_to_an_encrypted_ledger_offers_no_cancel(qtbot, ledger_path):
    """Checking a password is quick and has nothing to stop: no 取消 there."""
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog

    make_app()
    dialog = LoginDialog(ledger_path)
    qtbot.addWidget(dialog)
    assert dialog.panel.cancel_button.isHidden()


def test_opening_a_plain_ledger_in_the_first_run_wizard_can_be_cancelled(
    qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The wizard's 打开已有台账 encrypts a plain ledger too: it ran with the bar spinning and
    no 取消."""
    from fieldapp.reference import divisions
    from fieldapp.ui.app import make_app
    from fieldapp.ui.wizard import FirstRunWizard

    make_app()
    path, persons = _plain(tmp_path)
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.open_radio.setChecked(True)
    wizard.open_path.setText(str(path))
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令1")
    wizard.set_county(divisions().counties()[0].code)
    panel = wizard.panel
    seen: list[tuple[int, bool]] = []
    from fieldapp.ui import wizard as wizard_module

    _hold_first_encryption(monkeypatch, wizard_module)

    def press_cancel() -> None:
        if panel.busy and panel.bar.maximum() > 0 and not seen:
            seen.append((panel.bar.maximum(), not panel.cancel_button.isHidden()))
            panel.cancel_button.click()

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(press_cancel)
    timer.start()
    try:
        wizard.accept()
        qtbot.waitUntil(lambda: not panel.busy, timeout=60000)
    finally:
        timer.stop()
    assert seen == [(1000, True)]
    assert warnings_shown and "还没有加密" in warnings_shown[-1], warnings_shown
    assert ledger_state(path) == "plain" and not keyfile.has_keyfile(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["ledger.db"]
    # 完成 once more: encrypted and set up, with no 取消 left once the encryption is done.
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    assert ledger_state(path) == "encrypted"
    # The wizard hides 取消 on its next look at the work (every 50 ms), which may come just
    # after the set-up's end was signalled.
    qtbot.waitUntil(panel.cancel_button.isHidden, timeout=5000)
    ledger = Ledger.open(path, credentials=Credentials("王芳", "王芳的口令1"))
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()
