"""A user disabled while their own window is open (the desktop app left open in the morning,
an administrator disabling them from a second window or the command line later): the key
change waits for that window to close, and until then the window wrote on under the disabled
user's name. Every write through the one door now asks the users table first (issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.models import Person
from fieldapp.services import persons, users
from fieldapp.services.actor import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.conftest import make_id

LI = Credentials("李芳", "村里的口令1")
ZHAO = Credentials("赵敏", "赵敏的口令12")


def _count(ledger: Ledger) -> int:
    return int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])


def test_a_window_of_a_user_disabled_elsewhere_writes_nothing_more(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    first = Ledger.open(path, credentials=LI)
    users.add_user(first, ZHAO.user, ZHAO.password)
    first.close()
    morning = Ledger.open(path, credentials=ZHAO)  # 赵敏's window, open since the morning
    persons.save(morning, actor_of(morning), Person(name="张长英", id_number=make_id(seq="103")))
    admin = Ledger.open(path, credentials=LI)
    users.disable_user(admin, ZHAO.user)  # the key is not changed: 赵敏's window holds the file
    admin.close()

    with pytest.raises(users.NotAllowed) as refused:
        persons.save(
            morning, actor_of(morning), Person(name="李建国", id_number=make_id(seq="113"))
        )
    assert str(refused.value) == "用户 赵敏 已停用，不能再修改本台账：请找本台账的管理员"
    assert _count(morning) == 1
    morning.close()
    admin = Ledger.open(path, credentials=LI)  # the administrator still writes
    persons.save(admin, actor_of(admin), Person(name="李建国", id_number=make_id(seq="113")))
    assert _count(admin) == 2
    admin.close()


def test_an_administrator_disabled_elsewhere_manages_no_users_from_the_open_window(
    tmp_path: Path,
) -> None:
    """The same window, of an administrator: it added users (a new password that opens the
    ledger), set a colleague's password and disabled the administrator who had disabled it —
    the user service asks `require_admin`, not the write door."""
    path = tmp_path / "l.db"
    first = Ledger.open(path, credentials=LI)
    users.add_user(first, ZHAO.user, ZHAO.password, admin=True)
    first.close()
    morning = Ledger.open(path, credentials=ZHAO)  # 赵敏's window, an administrator's
    admin = Ledger.open(path, credentials=LI)
    users.disable_user(admin, ZHAO.user)
    admin.close()

    said = "用户 赵敏 已停用，不能再修改本台账：请找本台账的管理员"
    with pytest.raises(users.NotAllowed) as refused:
        users.add_user(morning, "王五", "王五的口令123", admin=True)
    assert str(refused.value) == said
    with pytest.raises(users.NotAllowed) as refused:
        users.change_password(morning, LI.user, "新的口令9876")
    assert str(refused.value) == said
    with pytest.raises(users.NotAllowed) as refused:
        users.disable_user(morning, LI.user)
    assert str(refused.value) == said
    names = {(u.name, u.disabled) for u in users.list_users(morning)}
    assert names == {(LI.user, False), (ZHAO.user, True)}, names
    morning.close()
    after = Ledger.open(path, credentials=LI)  # the other administrator's password unchanged
    assert users.verify_password(after, LI.user, LI.password)
    after.close()
