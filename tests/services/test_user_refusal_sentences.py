"""A disabled user's name or password refused (`services.users`): a new user under a
disabled user's name, a password set for a disabled user, the county resetting a disabled
user's password. Each was Chinese text only, so the English window said it in Chinese; each is
now a sentence (`NAME_DISABLED`, `USER_DISABLED`, `RESET_DISABLED`) that says, byte for byte,
what the program said before (recorded from ef390b8d), and in English in the English window.
The command line keeps its command after it (`cli_hint`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import ValidationFailed
from fieldapp.hub.folder import Hub
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.services.sentence_checks import templates

LI = Credentials("李芳", "村里的口令1")

SAID_HERE = {users.NAME_DISABLED, users.USER_DISABLED, users.RESET_DISABLED}

#: What each refusal said before the templates, and its command line's hint.
BEFORE = {
    users.NAME_DISABLED: (
        "已有名为 赵敏 的用户（已停用）。要让此人重新使用本台账，请重新启用并设新口令："
        "设置 → 用户与口令 → 重新启用所选用户…",
        "或用命令 fieldapp user enable 赵敏",
    ),
    users.USER_DISABLED: (
        "用户 赵敏 已停用。要让此人重新使用本台账，请重新启用并设新口令："
        "设置 → 用户与口令 → 重新启用所选用户…",
        "或用命令 fieldapp user enable 赵敏",
    ),
    users.RESET_DISABLED: (
        "用户 赵敏 已停用，县里不能重置其口令：请本台账的管理员在这台电脑上重新启用此人"
        "（设置 → 用户与口令 → 重新启用所选用户…），重新启用时即设新口令",
        "（那台电脑上也可以用命令 fieldapp user enable 赵敏 重新启用）",
    ),
}


def refusals(tmp_path: Path) -> dict[str, ValidationFailed]:
    """Each refusal, by its template, as the real services give it: a laptop's ledger enrolled
    to a county hub, 赵敏 added and disabled there."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    users.add_user(device, "赵敏", "赵敏的口令1")
    users.disable_user(device, "赵敏")
    found: list[ValidationFailed] = []
    try:
        for refused in (
            lambda: users.add_user(device, "赵敏", "赵敏的新口令1"),
            lambda: users.change_password(device, "赵敏", "赵敏的新口令1"),
        ):
            with pytest.raises(ValidationFailed) as caught:
                refused()
            found.append(caught.value)
    finally:
        device.close()
    try:
        with pytest.raises(ValidationFailed) as caught:
            users.county_reset(hub.ledger, path, "赵敏", "县里给的新口令")
        found.append(caught.value)
    finally:
        hub.close()
    by_template = {}
    for refusal in found:
        assert refusal.said is not None, str(refusal)
        by_template[refusal.said.template] = refusal
    return by_template


def said_here(tmp_path: Path) -> set[str]:
    """The templates this file's scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    return set().union(*(templates(r.said) for r in refusals(tmp_path).values() if r.said))


def test_each_refusal_says_what_it_said_before_and_keeps_its_command(tmp_path: Path) -> None:
    found = refusals(tmp_path)
    assert set(found) == SAID_HERE
    for template, (chinese, hint) in BEFORE.items():
        assert str(found[template]) == chinese
        assert found[template].cli_hint == hint


def test_each_refusal_is_english_in_the_english_window(qapp, tmp_path: Path) -> None:
    from fieldapp.ui import i18n
    from fieldapp.ui.errors import message_for

    found = refusals(tmp_path)
    assert i18n.install_language("en")
    try:
        shown = {template: message_for(refusal) for template, refusal in found.items()}
    finally:
        i18n.install_language("zh_CN")
    assert shown[users.NAME_DISABLED].startswith("There is already a user named 赵敏 (disabled)")
    assert shown[users.USER_DISABLED].startswith("User 赵敏 is disabled.")
    assert shown[users.RESET_DISABLED].startswith("User 赵敏 is disabled, so the county cannot")
    for text in shown.values():
        assert "Settings → Users and passwords → Re-enable selected user…" in text, text
        assert "fieldapp" not in text and not any(
            "\u4e00" <= ch <= "\u9fff" for ch in text.replace("赵敏", "")
        ), text
