"""A user disabled elsewhere (a second window, the command line) while their own window is
open: writes were refused at the write door, but the window went on exporting, printing and
deciding the county's held changes under their name until it was closed. It now locks at the
next look (every ten seconds), says why, and only another user of the ledger unlocks it."""

from __future__ import annotations

from fieldapp.domain.credentials import Credentials
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from tests.ui.conftest import UI_USER

ZHAO = Credentials("赵敏", "赵敏的口令12")


def test_the_window_of_a_user_disabled_elsewhere_locks_and_opens_for_another_user(window):
    users.add_user(window.session.ledger, ZHAO.user, ZHAO.password, admin=True)
    assert not window.check_still_enabled()  # nothing to lock for yet
    assert not window.locked
    other = Ledger.open(window.session.path, credentials=ZHAO)  # 赵敏, at another window
    try:
        users.disable_user(other, UI_USER.user)
    finally:
        other.close()
    assert window.check_still_enabled()
    assert window.locked and not window.centralWidget().isVisible()
    dialog = window.lock_dialog
    assert dialog.note.text() == (
        f"用户 {UI_USER.user} 已被停用，台账已锁定。请本台账的其他用户输入口令继续。"
    )
    dialog.user.setText(UI_USER.user)
    dialog.password.setText(UI_USER.password)
    assert not dialog.unlock()  # the disabled user's password opens nothing now
    assert window.locked
    dialog.user.setText(ZHAO.user)
    dialog.password.setText(ZHAO.password)
    assert dialog.unlock()
    assert not window.locked and window.session.ledger.user == ZHAO.user
    assert not window.check_still_enabled()  # 赵敏 is not disabled
