"""What the hub keeps of a device's users disabled there (`HubLog.learn_device_users`): a
device's word disables, never enables; the county decides both ways; a word the county has
decided on is not taken again, a newer one is (tests/sync/test_disabled_user_held.py is the
attack end to end)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.hub.folder import Hub
from fieldapp.store.hub_state import DEVICE_USERS_KEPT, HubLog
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE

T0, T1, T2, T3 = (f"2026-12-0{d}T10:00:00+08:00" for d in (1, 2, 3, 4))


def _told(log: HubLog, *said: tuple[str, bool, str | None, str | None]) -> list[str]:
    with log.db.conn:
        return log.learn_device_users("红星村", list(said), "incarnation-a")


def test_a_devices_word_disables_and_only_the_county_enables(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    log = hub.log
    try:
        assert _told(log, ("王强", True, T0, "李芳")) == ["王强"]
        assert log.disabled_users("红星村") == {"王强"}
        assert _told(log, ("王强", True, T0, "李芳")) == []  # said again: nothing new
        # "Enabled again": a request, kept; the first disabling said again leaves it.
        _told(log, ("王强", False, T1, "李芳"))
        _told(log, ("王强", True, T0, "李芳"))
        kept = log.device_users("红星村")["王强"]
        assert kept["disabled"] and kept["enable_asked"]["at"] == T1
        # Disabled there again since: no request stands.
        _told(log, ("王强", True, T2, "李芳"))
        assert "enable_asked" not in log.device_users("红星村")["王强"]
        # A disabled user's word disables nobody.
        assert _told(log, ("李芳", True, T2, "王强")) == []
        assert log.disabled_users("红星村") == {"王强"}
        # The county enables 王强 again: the device's word it decided on is not taken again, a
        # newer disabling is.
        assert hub.set_device_user("红星村", "王强", False, by="县里的科员")
        assert not hub.set_device_user("红星村", "王强", False, by="县里的科员")
        assert _told(log, ("王强", True, T2, "李芳")) == []
        assert _told(log, ("王强", True, T1, "李芳")) == []  # an older copy's word neither
        assert log.disabled_users("红星村") == frozenset()
        assert _told(log, ("王强", True, T3, "李芳")) == ["王强"]
        # The county disables a user the device never named (a lost laptop).
        assert hub.set_device_user("红星村", "赵六", True, by="县里的科员")
        assert log.disabled_users("红星村") == {"王强", "赵六"}
        assert log.device_users("红星村")["赵六"]["source"] == "county"
        # The laptop disables him too; the county's enabling him again then holds against
        # that word.
        _told(log, ("赵六", True, T3, "李芳"))
        assert hub.set_device_user("红星村", "赵六", False, by="县里的科员")
        assert _told(log, ("赵六", True, T3, "李芳")) == []
        assert log.disabled_users("红星村") == {"王强"}
    finally:
        hub.close()


def test_a_forged_word_neither_grows_without_end_nor_reaches_the_clerks_screen(
    tmp_path: Path,
) -> None:
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    log = hub.log
    try:
        # A tampered laptop names a user with a terminal escape, or a line break in who did it.
        assert _told(log, ("\x1b[2J王强", True, T0, "李芳"), ("赵六", True, T0, "李\n芳")) == []
        assert log.device_users("红星村") == {}
        # Bundle after bundle of made-up users: the hub keeps word of at most so many.
        for batch in range(3):
            names = [(f"用户{batch}-{n}", True, T0, "李芳") for n in range(150)]
            _told(log, *names)
        assert len(log.device_users("红星村")) == DEVICE_USERS_KEPT
        # The county still decides on anyone, kept or not.
        assert hub.set_device_user("红星村", "孙七", True, by="县里的科员")
        assert "孙七" in log.disabled_users("红星村")
    finally:
        hub.close()


def test_every_decision_of_the_county_stays_in_its_trail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    try:
        assert hub.set_device_user("红星村", "王强", True, by="张科员")
        assert hub.set_device_user("红星村", "王强", False, by="李科长")
        assert not hub.set_device_user("红星村", "王强", False, by="李科长")  # nothing decided
        # The latest word is the enabling; who disabled him first is not overwritten.
        assert [(d["user"], d["disabled"], d["by"]) for d in hub.log.user_decisions()] == [
            ("王强", True, "张科员"),
            ("王强", False, "李科长"),
        ]
        with pytest.raises(Exception, match="只能追加"), hub.ledger.transaction():  # noqa: PT011 - the database's refusal
            hub.ledger.db.execute("UPDATE hub_user_decisions SET by_user = '别人'")
    finally:
        hub.close()
    assert cli(["hub", "users", "--dir", str(tmp_path / "hub"), "--history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:] for line in lines] == [
        ["红星村", "王强", "停用", "经办：张科员"],
        ["红星村", "王强", "重新启用", "经办：李科长"],
    ]
