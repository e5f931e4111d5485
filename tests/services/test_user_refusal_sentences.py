"""A disabled user's name or password refused (`services.users`): a new user under a
disabled user's name, a password set for a disabled user, the county resetting a disabled
user's password. Each was Chinese text only, so the English window said it in Chinese; each is
now a sentence (`NAME_DISABLED`, `USER_DISABLED`, `RESET_DISABLED`) that says, byte for byte,
what the program said before (recorded from ef390b8d), and in English in the English window.
The command line keeps its command after it (`cli_hint`). The rest of the users' refusals
(`PLAIN_BEFORE`: a name or password refused, who may manage users, the county's reset refused)
were Chinese text only too; each is now a sentence likewise."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.errors import FieldappError, ValidationFailed
from fieldapp.hub.folder import Hub
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.english import said_in_english
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


#: The refusals of users and passwords that were Chinese text only (`services.users`): each
#: now a sentence, its Chinese byte for byte what the program said before (recorded from the
#: code of d787138f), the English window saying it in English.
PLAIN_BEFORE = {
    users.NAME_EMPTY: "用户名不能为空",
    users.NAME_TOO_LONG: "用户名最多 30 个字",
    users.NAME_UNPRINTABLE: "用户名中有不能显示的字符",
    users.PASSWORD_SHORT: "口令至少 6 位",
    users.PASSWORD_GUESSABLE: (
        "口令太容易猜：123456、888888、123123 这样的口令，捡到笔记本的人头几次就会试。"
        "请换一个别人猜不到的口令"
    ),
    # New with the rule (not said before): digits only, short or a date.
    users.PASSWORD_DIGITS: (
        "只有数字的口令至少要 8 位，也不能是生日这样的日期（如 19850317）：拿走台账文件的人"
        "可以在自己的电脑上一个个试，6 位数字几天就能试完，生日一两个小时。"
        "请加上字母或汉字，或换一串更长、不是日期的数字"
    ),
    # New with the shapes of a birthday that are not digits only (said before as digits).
    users.PASSWORD_BIRTHDAY: (
        "口令不能是生日这样的日期（如 1990-05-21、90年5月21日）：拿走台账文件的人可以在自己的"
        "电脑上把每一天的各种写法一个个试，一两个小时就能试完。请加上别的字母或汉字，"
        "或换一个不是日期的口令"
    ),
    users.NOT_ENCRYPTED: (
        "这个台账还没有加密（没有用户）。请先用用户名和口令打开它，台账会随即加密"
    ),
    users.NOT_A_USER: "当前用户不在本台账的用户名单中",
    users.ADMIN_ONLY: "只有能管理用户的人才能这样做，请找本台账的管理员",
    users.NAME_TAKEN: "已有名为 钱七 的用户",
    users.NO_SUCH_USER: "没有名为 无此人 的用户",
    users.NOT_YOURSELF: "不能停用自己",
    # New with the check (not said before): a window of a user disabled since they logged in.
    users.DISABLED_SINCE: "用户 钱七 已停用，不能再修改本台账：请找本台账的管理员",
    users.NOT_DISABLED: "用户 钱七 没有停用，不用重新启用",
    users.HUB_ONLY: "只有县级汇总中心能重置设备台账的口令",
    users.NO_LEDGER_FILE: (
        "找不到台账文件 TMP/没有/ledger.db：请核对路径（设备上的台账通常是用户数据文件夹里的"
        " ledger.db）"
    ),
    users.NO_PASSWORD_SET: (
        "台账 plain.db 没有设置口令（未加密），不需要县里重置：不用口令就能打开，"
        "带用户名和口令打开一次即加密，那时设的口令就是新口令"
    ),
    users.NOT_ENROLLED: "这个台账还没有登记到县里，县里无法重置它的口令",
    users.OTHER_HUB: "这个台账登记在别的汇总中心，本中心无法重置它的口令",
    users.NO_SUCH_USER_THERE: "台账中没有名为 无此人 的用户",
    users.NOT_A_HUB_FOLDER: "TMP/不是中心 不是汇总中心文件夹",
}


def _refused(ask: Callable[[], object]) -> FieldappError:
    with pytest.raises(FieldappError) as caught:
        ask()
    return caught.value


def plain_refusals(tmp_path: Path) -> dict[str, FieldappError]:
    """Each refusal that was text only, by its template, as the real services give it: a
    laptop's ledger enrolled to a county hub (and one to another hub, one not enrolled, one
    with no password), its administrator 李芳 and 钱七, who manages no users."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    other = Hub.init(tmp_path / "other", "别的汇总中心")
    path = tmp_path / "device" / "ledger.db"
    elsewhere = tmp_path / "elsewhere" / "ledger.db"
    lone = tmp_path / "lone" / "ledger.db"
    for at, name in ((hub, "红星村"), (other, "远村")):
        at.enroll(name, "520502101001", tmp_path / f"{name}.enrol", code=ENROL_CODE, by="科员")
    found: list[FieldappError] = [
        _refused(lambda: users.check_name("  ")),
        _refused(lambda: users.check_name("张" * 31)),
        _refused(lambda: users.check_name("张\u200b三")),
        _refused(lambda: users.check_password("abc")),
        _refused(lambda: users.check_password("123456")),
        _refused(lambda: users.check_password("260917")),
        _refused(lambda: users.check_password("1985-03-17")),
    ]
    plain = Ledger.open(tmp_path / "plain" / "plain.db")
    try:
        found.append(_refused(lambda: users.list_users(plain)))
    finally:
        plain.close()
    for at, enrolment in ((elsewhere, "远村"), (lone, "")):
        ledger = Ledger.open(at, credentials=LI)
        if enrolment:
            enrol(ledger, tmp_path / f"{enrolment}.enrol", code=ENROL_CODE)
        ledger.close()
    device = Ledger.open(path, credentials=LI)
    try:
        enrol(device, tmp_path / "红星村.enrol", code=ENROL_CODE)
        users.add_user(device, "钱七", "钱七的口令1")
        found += [
            _refused(lambda: users.add_user(device, "钱七", "钱七的口令2")),
            _refused(lambda: users.change_password(device, "无此人", "无此人的口令1")),
            _refused(lambda: users.disable_user(device, "李芳")),
            _refused(lambda: users.check_enable(device, "钱七")),
            _refused(lambda: users.county_reset(device, path, "钱七", "县里给的口令1")),
        ]
    finally:
        device.close()
    qian = Ledger.open(path, credentials=Credentials("钱七", "钱七的口令1"))
    try:
        found.append(_refused(lambda: users.add_user(qian, "孙八", "孙八的口令1")))
        admin = Ledger.open(path, credentials=LI)  # 钱七's window still open
        try:
            users.disable_user(admin, "钱七")
        finally:
            admin.close()
        found.append(_refused(lambda: users.refuse_if_disabled(qian)))
        qian.user = "已不在名单上的人"  # (a name the users table does not hold)
        found.append(_refused(lambda: users.current_user(qian)))
    finally:
        qian.close()
    try:
        for at, name in (
            (tmp_path / "没有" / "ledger.db", "钱七"),
            (tmp_path / "plain" / "plain.db", "钱七"),
            (lone, "钱七"),
            (elsewhere, "钱七"),
            (path, "无此人"),
        ):
            reset = partial(users.county_reset, hub.ledger, at, name, "县里的口令1")
            found.append(_refused(reset))
    finally:
        hub.close()
        other.close()
    found.append(
        _refused(
            lambda: users.county_reset_at_hub(
                tmp_path / "不是中心", None, path, "钱七", "口令口令1"
            )
        )
    )
    by_template = {}
    for refusal in found:
        assert refusal.said is not None, str(refusal)
        by_template[refusal.said.template] = refusal
    return by_template


def said_here(tmp_path: Path) -> set[str]:
    """The templates this file's scenarios say (for `test_every_template_is_met_by_a_scenario`)."""
    found = {**refusals(tmp_path / "disabled"), **plain_refusals(tmp_path / "plain")}
    return set().union(*(templates(r.said) for r in found.values() if r.said))


def test_each_plain_refusal_says_what_it_said_before(tmp_path: Path) -> None:
    found = plain_refusals(tmp_path)
    assert set(found) == set(PLAIN_BEFORE)
    for template, chinese in PLAIN_BEFORE.items():
        assert str(found[template]) == chinese.replace("TMP", str(tmp_path)), template


def test_each_plain_refusal_is_english_in_the_english_window(qapp, tmp_path: Path) -> None:
    shown = said_in_english(plain_refusals(tmp_path))
    assert shown[users.PASSWORD_SHORT] == "A password has at least 6 characters"
    assert shown[users.NAME_TAKEN] == "There is already a user named 钱七"
    assert shown[users.NOT_A_HUB_FOLDER] == f"{tmp_path / '不是中心'} is not a county hub folder"
    for text in shown.values():
        text = text.replace(str(tmp_path), "")
        for name in ("钱七", "无此人", "不是中心", "没有"):
            text = text.replace(name, "")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), text


def test_each_refusal_says_what_it_said_before_and_keeps_its_command(tmp_path: Path) -> None:
    found = refusals(tmp_path)
    assert set(found) == SAID_HERE
    for template, (chinese, hint) in BEFORE.items():
        assert str(found[template]) == chinese
        assert found[template].cli_hint == hint


def test_each_refusal_is_english_in_the_english_window(qapp, tmp_path: Path) -> None:
    shown = said_in_english(refusals(tmp_path))
    assert shown[users.NAME_DISABLED].startswith("There is already a user named 赵敏 (disabled)")
    assert shown[users.USER_DISABLED].startswith("User 赵敏 is disabled.")
    assert shown[users.RESET_DISABLED].startswith("User 赵敏 is disabled, so the county cannot")
    for text in shown.values():
        assert "Settings → Users and passwords → Re-enable selected user…" in text, text
        assert "fieldapp" not in text and not any(
            "\u4e00" <= ch <= "\u9fff" for ch in text.replace("赵敏", "")
        ), text
