"""设置 → 修改口令 with the second entry mistyped: the coordinator had typed her current
password, the new one, and the new one again with a slip — 两次输入的口令不一致，没有修改, and
every box gone: she had to start over from her current password. Now the new password is asked
in one form (新口令, 再输入一次) that stays open on a mismatch: the new password is kept, only
再输入一次 is emptied, and the form says in Chinese which box to type again; the current
password is not asked again. A new password too short is said on the 新口令 box, likewise."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from fieldapp.domain.credentials import Credentials
from fieldapp.store.ledger import Ledger
from tests.ui.conftest import UI_USER, when_modal
from tests.ui.plain import assert_plain


def test_a_mistyped_second_entry_keeps_the_new_password_and_says_which_box(
    window, qtbot, monkeypatch
):
    from fieldapp.ui.login import NewPasswordDialog

    page = window.show_page("settings")
    asked: list[str] = []

    def get_text(_parent, _title, label, *a, **k):  # noqa: ANN001, ANN202
        asked.append(label)
        return UI_USER.password, True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    seen: dict[str, object] = {}

    def type_in_the_form(form: NewPasswordDialog) -> None:
        try:
            form.new.setText("新的口令123")
            form.again.setText("新的口令12")  # a slip
            form.ok_button.click()
            seen["open"] = form.isVisible()
            seen["new"], seen["again"] = form.new.text(), form.again.text()
            seen["said"] = form.message.text()
            seen["focus"] = form.focusWidget() is form.again
            label = form.message  # its every line shown, none cut off under the buttons
            seen["whole"] = label.height() >= label.heightForWidth(label.width())
            form.new.setText("新")  # too short: said on the 新口令 box
            form.again.setText("新")
            form.ok_button.click()
            seen["short"] = form.message.text()
            form.new.setText("新的口令123")
            form.again.setText("新的口令123")
            form.ok_button.click()
        finally:
            if form.isVisible():
                form.reject()

    when_modal(NewPasswordDialog, type_in_the_form, polls=1000)
    assert page.change_password_dialog()
    assert len(asked) == 1  # the current password, once
    assert seen["open"] and seen["new"] == "新的口令123" and seen["again"] == ""
    assert "再输入一次" in str(seen["said"]) and "不一致" in str(seen["said"])
    assert seen["focus"] and seen["whole"]
    assert "新口令" in str(seen["short"]) and "至少" in str(seen["short"])
    assert_plain(f"{seen['said']} {seen['short']}")
    Ledger.open(window.session.path, credentials=Credentials(UI_USER.user, "新的口令123")).close()


def test_the_change_is_said_where_the_coordinator_looks(window, qtbot, monkeypatch):
    """At 1280×720 the Settings page scrolls; 修改我的口令 sits near the bottom of the room
    and 已修改 … 的口令 was written under it, out of sight: the form closed and nothing said
    the password had changed. The page now scrolls the words into view."""
    from PySide6.QtCore import Qt

    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1280, 720)
    page = window.show_page("settings")
    qtbot.wait(50)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (UI_USER.password, True))
    from tests.ui.conftest import type_new_password

    type_new_password(("新的口令123", "新的口令123"))
    assert page.change_password_dialog()
    qtbot.wait(50)
    note = page.users_note
    assert "已修改" in note.text()
    assert not note.visibleRegion().isEmpty()
    shown = note.visibleRegion().boundingRect()
    assert shown.height() >= note.height() - 1, (shown, note.height())


def test_the_first_password_mistyped_says_which_box(qtbot, tmp_path, warnings_shown):
    """The first user's password on a ledger never encrypted (the login form) and on a new
    ledger (the first-run wizard): the second entry mistyped, every box was kept but the form
    said only 两次输入的口令不一致 — not which box to type again. Now, as 设置口令 does: the
    password kept, 再输入一次 emptied with the cursor in it, and the form names the box."""
    from PySide6.QtCore import Qt

    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog
    from fieldapp.ui.wizard import FirstRunWizard

    make_app()
    path = tmp_path / "plain.db"
    Ledger.open(path).close()
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("李芳")
    dialog.password.setText("村里的口令1")
    dialog.repeat.setText("村里的口令2")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.session is None
    assert dialog.password.text() == "村里的口令1" and dialog.repeat.text() == ""
    said = dialog.message.text()
    assert "请在“再输入一次”中重新输入" in said and "口令已保留" in said, said
    assert dialog.focusWidget() is dialog.repeat

    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.new_path.setText(str(tmp_path / "new" / "ledger.db"))
    wizard.next()
    wizard.author.setText("王芳")
    wizard.password.setText("王芳的口令1")
    wizard.password_again.setText("王芳的口令2")
    assert not wizard.validateCurrentPage()
    assert "请在“再输入一次”中重新输入" in warnings_shown[-1], warnings_shown
    assert wizard.password.text() == "王芳的口令1" and wizard.password_again.text() == ""
    assert wizard.focusWidget() is wizard.password_again


def test_the_county_reset_mistyped_says_which_box_and_keeps_the_new_password(qtbot, tmp_path):
    """The county resetting a forgotten password (县里重置口令): the second entry mistyped, the
    form said only 两次输入的新口令不一致 and kept every box, unlike the other password forms.
    Now as they do: the new password kept, 再输入一次 emptied with the cursor in it, the form
    names the box; a new password too short is named before the hub is asked; then the reset
    goes through with the boxes as they are."""
    from fieldapp.hub.folder import Hub
    from fieldapp.sync.enrolment import enrol
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import CountyResetDialog
    from tests.codes import ENROL_CODE

    make_app()
    hub = Hub.init(tmp_path / "hub", credentials=Credentials("县管理员", "县里的口令1"))
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    hub.close()
    path = tmp_path / "laptop.db"
    device = Ledger.open(path, credentials=Credentials("李芳", "忘掉的口令12"))
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    dialog = CountyResetDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hub_dir.setText(str(tmp_path / "hub"))
    dialog.hub_user.setText("县管理员")
    dialog.hub_password.setText("县里的口令1")
    dialog.user.setText("李芳")
    dialog.new_password.setText("县里给的新口令")
    dialog.repeat.setText("县里给的新口令吧")
    assert not dialog.reset()
    said = dialog.message.text()
    assert "请在“再输入一次”中重新输入" in said and "新口令已保留" in said, said
    assert dialog.new_password.text() == "县里给的新口令" and dialog.repeat.text() == ""
    assert dialog.focusWidget() is dialog.repeat
    assert dialog.hub_password.text() == "县里的口令1"  # the hub was not asked: still there

    dialog.new_password.setText("短")
    dialog.repeat.setText("短")
    assert not dialog.reset()
    assert dialog.message.text().startswith("新口令："), dialog.message.text()
    assert dialog.focusWidget() is dialog.new_password

    dialog.new_password.setText("县里给的新口令")
    dialog.repeat.setText("县里给的新口令")
    assert dialog.reset()
    Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令")).close()


def test_a_first_password_a_thief_tries_first_is_said_on_the_form(qtbot, tmp_path):
    """888888 as the first user's password at the login form: refused on 口令, said whole, the
    ledger left plain (guessable passwords are refused since 3ea7dac)."""
    from PySide6.QtCore import Qt

    from fieldapp.store.connection import is_plain_sqlite
    from fieldapp.ui.app import make_app
    from fieldapp.ui.login import LoginDialog

    make_app()
    path = tmp_path / "plain.db"
    Ledger.open(path).close()
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("李芳")
    dialog.password.setText("888888")
    dialog.repeat.setText("888888")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.session is None and is_plain_sqlite(path)
    said = dialog.message.text()
    assert said.startswith("口令：口令太容易猜") and "请换一个别人猜不到的" in said, said
    assert dialog.focusWidget() is dialog.password
