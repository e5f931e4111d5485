"""Settings → 用户与口令: a user disabled by mistake is enabled again there (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import ValidationFailed
from fieldapp.services import users
from fieldapp.store import users as user_rows
from fieldapp.store.ledger import Ledger
from tests.ui.conftest import UI_USER, type_new_password


def test_a_disabled_user_is_enabled_again_from_settings(window, qtbot, monkeypatch):
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1")
    users.disable_user(window.session.ledger, "赵敏")
    page = window.show_page("settings")
    page.show_users()
    row = next(
        r for r in range(page.users_list.count()) if "赵敏" in page.users_list.item(r).text()
    )
    assert "已停用" in page.users_list.item(row).text()
    page.users_list.setCurrentRow(row)
    assert page.enable_user_button.isEnabled()
    # The logged-in user's own password first, then the new one twice in one form.
    answers = iter([(UI_USER.password, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    type_new_password(("赵敏的新口令1", "赵敏的新口令1"))
    assert page.enable_selected()
    assert "已重新启用用户 赵敏" in page.users_note.text()
    assert not any(
        "已停用" in page.users_list.item(r).text() for r in range(page.users_list.count())
    )
    zhao = Ledger.open(window.session.path, credentials=Credentials("赵敏", "赵敏的新口令1"))
    zhao.close()
    found = user_rows.user(window.session.ledger.db, "赵敏")
    assert found is not None and found.enabled_by == UI_USER.user


def test_adding_a_disabled_users_name_says_what_to_do_in_the_window(
    window, monkeypatch, warnings_shown
):
    """The refusal named a command (或 fieldapp user enable 赵敏) in the settings page's box; the
    window says where in the window to go, the command line keeps the command."""
    users.add_user(window.session.ledger, "赵敏", "赵敏的口令1")
    users.disable_user(window.session.ledger, "赵敏")
    page = window.show_page("settings")
    answers = iter([(UI_USER.password, True), ("赵敏", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    type_new_password(("赵敏的新口令1", "赵敏的新口令1"))
    assert not page.add_user_dialog()
    (said,) = warnings_shown  # checked plain: no command named
    assert "已停用" in said and "设置 → 用户与口令 → 重新启用所选用户…" in said, said
    assert "fieldapp" not in said, said
    # The same refusal on the command line names the command too.
    with pytest.raises(ValidationFailed) as refused:
        users.change_password(window.session.ledger, "赵敏", "赵敏的新口令1")
    assert "fieldapp" not in str(refused.value)
    assert refused.value.cli_hint == "或用命令 fieldapp user enable 赵敏"
