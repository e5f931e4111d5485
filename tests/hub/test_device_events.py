"""Who enrolled and who revoked a device (`hub_device_events`, migration 40).

`sync_peers` keeps one row per device name: a re-enrolment rewrote its area, role, keys and
time, and no row said who did any of it. In a county where fund fraud is the first risk, "who
gave this laptop 乡镇审核 over that township, and when" must be answerable after it was enrolled
again or revoked. Every enrolment, re-enrolment and revocation now adds an event, with who did
it, in the same transaction; nothing changes one afterwards.
"""

from __future__ import annotations

import getpass
import json
import re
from pathlib import Path

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import m0040_hub_device_events as m0040
from fieldapp.store.migrations import migrate
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE, plain_hub
from tests.helpers.cli import run

VILLAGE = "520502101001"
TOWNSHIP = VILLAGE[:9]
NAME = "大坝村笔记本"
ROOT = Path(__file__).resolve().parents[2]


def test_enrol_then_another_role_then_revoke_keeps_three_events_with_who(
    hub: Hub, tmp_path: Path
) -> None:
    first = hub.enroll(NAME, VILLAGE, tmp_path / "1.enrol", code=ENROL_CODE, by="张科员")
    second = hub.enroll(
        NAME, TOWNSHIP, tmp_path / "2.enrol", Role.TOWNSHIP, code=ENROL_CODE, by="李股长"
    )
    revoked = hub.revoke(NAME, by="王主任")
    assert revoked.revoked_at is not None and first.key_id != second.key_id

    events = hub.device_events(NAME)
    assert [(e["event"], e["role"], e["area"], e["key_id"], e["by"]) for e in events] == [
        ("enrolled", "coordinator", VILLAGE, first.key_id, "张科员"),
        ("rescoped", "township", TOWNSHIP, second.key_id, "李股长"),
        ("revoked", "township", TOWNSHIP, second.key_id, "王主任"),
    ]
    # The row in sync_peers now says 乡镇审核 only; the first enrolment is still answerable.
    assert hub.device(NAME).device_role is Role.TOWNSHIP
    assert all(str(e["at_china"]).endswith("+08:00") for e in events), events
    assert events[0]["at"] == first.enrolled_at and events[1]["at"] == second.enrolled_at
    assert events[2]["at"] == revoked.revoked_at

    (status,) = hub.status()
    assert (status["enrolled_by"], status["revoked_by"]) == ("李股长", "王主任")

    # Revoking it again changes nothing and records nothing; enrolled again (same scope) it is
    # in service, and no longer said to be revoked by anyone.
    hub.revoke(NAME, by="赵某")
    assert len(hub.device_events(NAME)) == 3
    hub.enroll(NAME, TOWNSHIP, tmp_path / "3.enrol", Role.TOWNSHIP, code=ENROL_CODE, by="张科员")
    assert hub.device_events(NAME)[-1]["event"] == "reenrolled"
    (status,) = hub.status()
    assert (status["enrolled_by"], status["revoked_by"]) == ("张科员", None)


def test_no_enrolment_or_revocation_without_who(hub: Hub, tmp_path: Path) -> None:
    out = tmp_path / "x.enrol"
    with pytest.raises(SyncError, match="经办人"):
        hub.enroll(NAME, VILLAGE, out, code=ENROL_CODE, by="  ")
    assert hub.devices() == [] and not out.exists()
    hub.enroll(NAME, VILLAGE, out, code=ENROL_CODE, by="张科员")
    with pytest.raises(SyncError, match="经办人"):
        hub.revoke(NAME, by="")
    assert hub.device(NAME).revoked_at is None
    assert [e["event"] for e in hub.device_events(NAME)] == ["enrolled"]


def test_an_enrolment_refused_at_its_file_records_no_event(hub: Hub, tmp_path: Path) -> None:
    """The event is written in the enrolment's transaction: the file not written, neither is
    the device enrolled nor its event kept."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017, PT011 - whichever the file system raises
        hub.enroll(NAME, VILLAGE, blocked / "x.enrol", code=ENROL_CODE, by="张科员")
    assert hub.devices() == []
    assert hub.log.device_events() == []


def test_a_hub_made_at_migration_39_carries_its_devices_over_unattributed(
    hub: Hub, tmp_path: Path
) -> None:
    """A hub ledger as it stood at migration 39 (enrolled devices, one revoked, no events)
    gets one event per enrolment as its row stands, and the revocation, under an actor said
    honestly not to be recorded."""
    kept = hub.enroll(NAME, VILLAGE, tmp_path / "1.enrol", code=ENROL_CODE, by="张科员")
    gone = hub.enroll(
        "鸭池镇", TOWNSHIP, tmp_path / "2.enrol", Role.TOWNSHIP, code=ENROL_CODE, by="张科员"
    )
    hub.revoke("鸭池镇", by="张科员")
    db = hub.ledger.db
    with hub.ledger.transaction():
        db.execute("DROP TABLE hub_device_events")  # its triggers go with it
        db.execute("DELETE FROM _migrations WHERE version = ?", [m0040.VERSION])
    # As at 39: 40 not applied (a later migration, of another area, may be: 42's sheet table)
    versions = {int(r[0]) for r in db.execute("SELECT version FROM _migrations").fetchall()}
    assert 39 in versions and m0040.VERSION not in versions
    assert migrate(db) == [m0040.VERSION]

    revoked_at = hub.device("鸭池镇").revoked_at
    events = hub.log.device_events()
    assert sorted((e["device"], e["event"], e["role"], e["area"], e["key_id"], e["by"], e["at"])
                  for e in events) == sorted([
        (NAME, "enrolled", "coordinator", VILLAGE, kept.key_id, m0040.UNRECORDED,
         kept.enrolled_at),
        ("鸭池镇", "enrolled", "township", TOWNSHIP, gone.key_id, m0040.UNRECORDED,
         gone.enrolled_at),
        ("鸭池镇", "revoked", "township", TOWNSHIP, gone.key_id, m0040.UNRECORDED_REVOKE,
         revoked_at),
    ])  # fmt: skip
    assert m0040.UNRECORDED == "迁移前登记，操作人未记录"
    by_name = {str(s["device"]): s for s in hub.status()}
    assert by_name[NAME]["enrolled_by"] == m0040.UNRECORDED
    assert by_name["鸭池镇"]["revoked_by"] == m0040.UNRECORDED_REVOKE
    # Enrolled after the upgrade: recorded as any enrolment is.
    hub.enroll(NAME, VILLAGE, tmp_path / "3.enrol", code=ENROL_CODE, by="李股长")
    assert [(e["event"], e["by"]) for e in hub.device_events(NAME)] == [
        ("enrolled", m0040.UNRECORDED),
        ("reenrolled", "李股长"),
    ]


def test_a_device_ledger_gets_the_empty_table(tmp_path: Path) -> None:
    ledger = Ledger.open(tmp_path / "ledger.db", author="测试员")
    try:
        rows = ledger.db.execute("SELECT count(*) FROM hub_device_events").fetchone()
        assert rows[0] == 0
    finally:
        ledger.close()


def test_an_event_cannot_be_changed(tmp_path: Path) -> None:
    """Append-only: the store has no path that updates or deletes an event, and the table
    itself refuses it (on PostgreSQL too since version 41: `test_trails_append_only`)."""
    folder = plain_hub(tmp_path / "县汇总")
    hub = Hub.open(folder)
    try:
        hub.enroll(NAME, VILLAGE, tmp_path / "1.enrol", code=ENROL_CODE, by="张科员")
        db = hub.ledger.db
        for sql in (
            "UPDATE hub_device_events SET by_user = '别人'",
            "UPDATE hub_device_events SET device_role = 'county'",
            "DELETE FROM hub_device_events",
        ):
            with pytest.raises(Exception, match="只能追加"), hub.ledger.transaction():  # noqa: PT011
                db.execute(sql)
        assert [(e["by"], e["role"]) for e in hub.device_events(NAME)] == [
            ("张科员", "coordinator")
        ]
    finally:
        hub.close()
    writes = re.compile(
        r"\b(UPDATE|DELETE\s+FROM|INSERT\s+OR\s+REPLACE\s+INTO)\s+hub_device_events"
    )
    offending = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "fieldapp").rglob("*.py")
        if writes.search(path.read_text(encoding="utf-8"))
    ]
    assert offending == []


def test_the_cli_records_the_hub_user_and_lists_the_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "县汇总"
    Hub.init(folder, credentials=Credentials("张科员", "县里的口令1")).close()
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    enrol = ("hub", "enroll", "--dir", folder, "--device", NAME)
    code, _out, err = run(capsys, *enrol, "--area", VILLAGE, "--out", tmp_path / "1.enrol")
    assert code == 0 and "本中心没有用户" not in err, err
    code, _out, err = run(
        capsys, *enrol, "--area", TOWNSHIP, "--role", "township", "--out", tmp_path / "2.enrol"
    )
    assert code == 0, err
    code, out, err = run(capsys, "hub", "revoke", "--dir", folder, "--device", NAME)
    assert code == 0 and "已注销设备" in out, err

    code, out, err = run(capsys, "hub", "devices", "--dir", folder)
    assert code == 0, err
    assert "登记（经办：张科员）" in out and "（经办：张科员）" in out.split("已注销")[1], out
    code, out, err = run(capsys, "hub", "devices", "--dir", folder, "--json")
    (item,) = json.loads(out)
    assert (item["enrolled_by"], item["revoked_by"]) == ("张科员", "张科员")
    assert {"device", "role", "area", "revoked_at", "enrolled_at"} <= item.keys()  # kept

    code, out, err = run(capsys, "hub", "devices", "--dir", folder, "--history", NAME)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"设备「{NAME}」的登记记录，共 3 条（北京时间）："
    assert "\t登记\t村/安置点专员\t" in lines[1] and f"（{VILLAGE}）" in lines[1]
    assert "角色或区域改变" in lines[2] and "原为村/安置点专员" in lines[2]
    assert "\t注销\t" in lines[3]
    assert all(line.endswith("经办：张科员") for line in lines[1:]), out
    code, out, err = run(capsys, "hub", "devices", "--dir", folder, "--history", NAME, "--json")
    events = json.loads(out)
    assert [(e["event"], e["role"], e["by"]) for e in events] == [
        ("enrolled", "coordinator", "张科员"),
        ("rescoped", "township", "张科员"),
        ("revoked", "township", "张科员"),
    ]
    assert events[0]["area_name"] and events[0]["at_china"].endswith("+08:00")
    code, out, err = run(capsys, "hub", "devices", "--dir", folder, "--history", "没有这台")
    assert code != 0 and "没有名为 没有这台 的已登记设备" in err, (out, err)


def test_a_hub_without_users_records_the_computer_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = plain_hub(tmp_path / "县汇总")
    account = getpass.getuser()
    code, _out, err = run(
        capsys, "hub", "enroll", "--dir", folder, "--device", NAME, "--area", VILLAGE,
        "--out", tmp_path / "1.enrol",
    )  # fmt: skip
    assert code == 0, err
    assert f"登记人记为“电脑账户 {account}”" in err, err
    code, _out, err = run(capsys, "hub", "revoke", "--dir", folder, "--device", NAME)
    assert code == 0 and f"注销人记为“电脑账户 {account}”" in err, err
    hub = Hub.open(folder)
    try:
        assert [(e["event"], e["by"]) for e in hub.device_events(NAME)] == [
            ("enrolled", f"电脑账户 {account}"),
            ("revoked", f"电脑账户 {account}"),
        ]
    finally:
        hub.close()
