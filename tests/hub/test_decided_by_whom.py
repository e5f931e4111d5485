"""Who decided a held change at the hub's command line. A hub with users (a password) cannot
be opened without `--user`: the decision is the user's. A hub without any — a training hub,
one made before `hub init` asked for a password — recorded the bare computer account, which
read as a person (“root 于 2026-12-05 09:30：电话核实无误”, rows changed by “root（接受 …）”).
It is said as what it is now (电脑账户 root), and the clerk is told how to record a person."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.helpers.cli import run
from tests.sync.hostile import forge

VILLAGE, ELSEWHERE = "520502101001", "520502101002"


def _held_away(hub: Hub, village: Ledger, tmp_path: Path) -> int:
    """A household the village placed in another village: held; its number."""
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    (held,) = hub.rejected()
    return held.id


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_hub_without_users_records_the_computer_account_as_such(
    hub: Hub, make_device, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number = _held_away(hub, make_device("红星村", VILLAGE), tmp_path)
    account = getpass.getuser()
    code, out, err = run(
        capsys, "hub", "rejected", "--dir", hub.root, "--accept", number, "--reason", "核实无误"
    )
    assert code == 0 and out.startswith(f"已接受第 {number} 条"), err
    assert err == (
        f"提示：本中心没有用户，所做的决定记为“电脑账户 {account}”（运行这条命令的电脑登录账户），"
        "不是哪一位工作人员的名字；要记下是谁决定的，请给中心设置口令和用户：带 --user 和口令"
        "运行一次 hub 命令即就地加密，此后记为登录的用户名\n"
    ), err
    again = Hub.open(hub.root)
    try:
        (decided,) = again.rejected()
        assert decided.decided_by == f"电脑账户 {account}", decided.decided_by
        row = again.ledger.get("households", "h-away")
        assert row is not None and row["updated_by"].startswith(f"电脑账户 {account}（接受 ")
    finally:
        again.close()
    code, out, err = run(capsys, "hub", "rejected", "--dir", hub.root)
    assert code == 0 and f"；电脑账户 {account} 于 " in out, out


def test_a_hub_with_users_records_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "县汇总"
    hub = Hub.init(folder, credentials=Credentials("张科员", "县里的口令1"))
    village = Ledger.open(tmp_path / "红星村.db", author="红星村员")
    try:
        hub.enroll("红星村", VILLAGE, tmp_path / "enrol.json", code=ENROL_CODE, by="县里的科员")
        enrol(village, tmp_path / "enrol.json", code=ENROL_CODE)
        number = _held_away(hub, village, tmp_path)
    finally:
        hub.close()
        village.close()
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    code, out, err = run(
        capsys, "hub", "rejected", "--dir", folder, "--dismiss", number, "--reason", "地址不对"
    )
    assert code == 0 and "不予采纳：地址不对" in out, err
    assert "电脑账户" not in err + out and "没有用户" not in err, err
    again = Hub.open(folder, Credentials("张科员", "县里的口令1"))
    try:
        (decided,) = again.rejected()
        assert decided.decided_by == "张科员", decided.decided_by
    finally:
        again.close()
