"""Two first-run wizards open at once (the app started twice by a double double-click), both on
新建台账 with the same file: the one finishing second opened — or, with another first user,
failed on 用户名或口令不对 — the ledger the first had just made. It is now told the ledger
already exists, the first one's ledger untouched; a wizard whose own 完成 failed after making the
ledger (a wrong enrolment code) still finishes on its second try."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials


def _wizard(qtbot, path: Path, user: str, password: str, enrol: str = ""):
    from fieldapp.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.new_path.setText(str(path))
    wizard.device_name.setText(f"{user}的笔记本")
    wizard.author.setText(user)
    wizard.password.setText(password)
    wizard.password_again.setText(password)
    wizard.enrol_path.setText(enrol)
    return wizard


def test_the_second_wizard_is_told_the_new_ledger_already_exists(
    qtbot, tmp_path: Path, warnings_shown
) -> None:
    from fieldapp.ui.app import make_app

    make_app()
    path = tmp_path / "台账.db"
    first = _wizard(qtbot, path, "王芳", "王芳的口令1")
    second = _wizard(qtbot, path, "李芳", "村里的口令1")  # opened at the same time

    with qtbot.waitSignal(first.accepted, timeout=60000):
        first.accept()
    second.accept()
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=60000)

    assert "已经存在" in warnings_shown[-1] and str(path) in warnings_shown[-1], warnings_shown
    assert second.result() == 0
    ledger = Ledger.open(path, credentials=Credentials("王芳", "王芳的口令1"))
    try:
        assert ledger.get_meta("device_name") == "王芳的笔记本"
    finally:
        ledger.close()


def test_a_wizard_retrying_after_a_failure_finishes_its_own_ledger(
    qtbot, tmp_path: Path, warnings_shown
) -> None:
    from fieldapp.ui.app import make_app

    make_app()
    path = tmp_path / "台账.db"
    wizard = _wizard(qtbot, path, "王芳", "王芳的口令1", enrol=str(tmp_path / "没有这个文件.xlsx"))
    wizard.accept()
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=60000)
    assert path.is_file()  # made before the enrolment failed

    wizard.enrol_path.setText("")
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    assert wizard.ledger_path == path
