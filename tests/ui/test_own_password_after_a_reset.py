"""After the county reset a forgotten password (县里重置口令), the coordinator logged in with the
password the county clerk had chosen and typed — one the clerk knows, often said over the phone —
and nothing asked her to change it: from then on someone at the county could open her laptop's
ledger of ID numbers and bank accounts as her, and every change would be signed with her name.
Her first login after the reset now asks her to set a password of her own; 取消 asks again at
the next login, and once she has set one nothing is asked."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from fieldapp.domain.credentials import Credentials
from fieldapp.services import users as user_service
from fieldapp.store.ledger import Ledger
from tests.codes import ENROL_CODE


def _reset_laptop(tmp_path):  # noqa: ANN001, ANN202
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.enrolment import enrol

    hub = Hub.init(tmp_path / "hub", credentials=Credentials("县管理员", "县里的口令1"))
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    hub.close()
    path = tmp_path / "laptop.db"
    device = Ledger.open(path, credentials=Credentials("李芳", "忘掉的口令12"))
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    user_service.county_reset_at_hub(
        tmp_path / "hub", Credentials("县管理员", "县里的口令1"), path, "李芳", "县里给的新口令"
    )
    return path


def _log_in(qtbot, path, password, answer):  # noqa: ANN001, ANN202
    """Log in as 李芳; `answer(form)` handles the new-password form if one is shown."""
    from fieldapp.ui.login import LoginDialog, NewPasswordDialog

    shown: list[str] = []

    def handle() -> None:
        form = QApplication.activeModalWidget()
        if isinstance(form, NewPasswordDialog):
            shown.append(form.note.text())
            answer(form)
            return
        if dialog.session is None and dialog.isVisible():
            QTimer.singleShot(20, handle)

    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("李芳")
    dialog.password.setText(password)
    QTimer.singleShot(20, handle)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=20000)
    dialog.session.ledger.close()
    return shown


def test_the_first_login_after_a_county_reset_asks_for_a_password_of_her_own(qtbot, tmp_path):
    from fieldapp.ui.app import make_app

    make_app()
    path = _reset_laptop(tmp_path)

    shown = _log_in(qtbot, path, "县里给的新口令", lambda form: form.reject())
    assert len(shown) == 1 and "县里" in shown[0] and "只有你自己知道" in shown[0], shown

    def set_own(form) -> None:  # noqa: ANN001
        form.new.setText("李芳自己的口令")
        form.again.setText("李芳自己的口令")
        form.ok_button.click()

    shown = _log_in(qtbot, path, "县里给的新口令", set_own)  # asked again, and answered
    assert len(shown) == 1

    assert _log_in(qtbot, path, "李芳自己的口令", lambda form: form.reject()) == []
    ledger = Ledger.open(path, credentials=Credentials("李芳", "李芳自己的口令"))
    assert user_service.current_user(ledger).password_reset_by is None
    ledger.close()


def test_a_password_an_administrator_set_is_changed_at_the_first_login(qtbot, tmp_path):
    """The office's administrator (李芳) added 赵敏 with a password, or set a new one when she
    forgot hers: 李芳 knows it, and 赵敏's first login asks for one of her own, naming who set
    it; her own change leaves nothing to ask."""
    from fieldapp.ui.app import make_app

    make_app()
    path = tmp_path / "laptop.db"
    ledger = Ledger.open(path, credentials=Credentials("李芳", "村里的口令1"))
    user_service.add_user(ledger, "赵敏", "李芳给的口令1")
    ledger.close()

    def set_own(form) -> None:  # noqa: ANN001
        form.new.setText("赵敏自己的口令")
        form.again.setText("赵敏自己的口令")
        form.ok_button.click()

    from fieldapp.ui.login import LoginDialog, NewPasswordDialog

    shown: list[str] = []

    def handle() -> None:
        form = QApplication.activeModalWidget()
        if isinstance(form, NewPasswordDialog):
            shown.append(form.note.text())
            set_own(form)
            return
        QTimer.singleShot(20, handle)

    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("赵敏")
    dialog.password.setText("李芳给的口令1")
    QTimer.singleShot(20, handle)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=20000)
    assert shown and "管理员 李芳" in shown[0] and "只有你自己知道" in shown[0], shown
    assert user_service.current_user(dialog.session.ledger).password_reset_by is None
    dialog.session.ledger.close()
    ledger = Ledger.open(path, credentials=Credentials("赵敏", "赵敏自己的口令"))
    ledger.close()
