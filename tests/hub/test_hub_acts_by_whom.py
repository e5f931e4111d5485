"""Who did it, at a hub without users (a training hub without a password, one made before
`hub init` asked for one, one in PostgreSQL). Decisions on held changes were recorded as
电脑账户 root (tests/hub/test_decided_by_whom.py); the other records a hub command writes named
the bare computer account, read as a person: a county pack signed by ``root@县级汇总中心``, a
password reset ``县级汇总中心 root 重置了 …`` in `hub resets` and, on the laptop, reset by
``县级汇总中心 root``. Every hub command now acts as 电脑账户 root there, and those that write
such a record say so, with how to record a person; a hub with users records the user."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.store.users import user
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE, plain_hub
from tests.helpers.cli import run
from tests.policy.helpers import COUNTY_PACK

LI = Credentials("李芳", "村里的口令1")
HOW = (
    "不是哪一位工作人员的名字；要记下是谁{verb}的，请给中心设置口令和用户：带 --user 和口令"
    "运行一次 hub 命令即就地加密，此后记为登录的用户名\n"
)


def _pack_authors(folder: Path, credentials: Credentials | None = None) -> list[str]:
    hub = Hub.open(folder, credentials)
    try:
        rows = hub.ledger.db.execute(
            "SELECT author FROM changes WHERE tbl = 'policy_packs'"
        ).fetchall()
        return [str(r[0]) for r in rows]
    finally:
        hub.close()


def test_a_pack_signed_at_a_hub_without_users_names_the_computer_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = plain_hub(tmp_path / "县汇总")
    account = getpass.getuser()
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = run(capsys, "hub", "policy", "publish", "--dir", folder, pack)
    assert code == 0 and "已签发县级政策包" in out, err
    assert (
        f"提示：本中心没有用户，签发人记为“电脑账户 {account}”（运行这条命令的电脑登录账户），"
        + HOW.format(verb="签发")
    ) in err, err
    assert _pack_authors(folder) == [f"电脑账户 {account}@县级汇总中心"]

    code, out, err = run(
        capsys, "hub", "policy", "edit", "--dir", folder, "--income-line", "5000",
        "--document", "七人社通〔2026〕9号",
    )  # fmt: skip
    assert code == 0, err
    assert f"签发人记为“电脑账户 {account}”" in err, err
    assert _pack_authors(folder) == [f"电脑账户 {account}@县级汇总中心"] * 2


def test_a_password_reset_at_a_hub_without_users_names_the_computer_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = plain_hub(tmp_path / "县汇总")
    hub = Hub.open(folder)
    try:
        hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    account = getpass.getuser()
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "县里给的新口令")
    code, out, err = run(
        capsys, "hub", "reset-password", "--dir", folder, "--ledger", path, "--user", "李芳"
    )
    assert code == 0 and out == "已重置 ledger.db 中用户 李芳 的口令\n", err
    assert err == (
        f"提示：本中心没有用户，重置口令的人记为“电脑账户 {account}”（运行这条命令的电脑登录账户），"
        + HOW.format(verb="重置")
    ), err

    code, out, err = run(capsys, "hub", "resets", "--dir", folder, "--json")
    (row,) = json.loads(out)
    assert row["by"] == f"电脑账户 {account}", row
    code, out, err = run(capsys, "hub", "resets", "--dir", folder)
    assert f"县级汇总中心 电脑账户 {account} 重置了 红星村" in out, out
    device = Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令"))
    try:
        found = user(device.db, "李芳")
        assert found is not None and found.password_reset_by == f"县级汇总中心 电脑账户 {account}"
    finally:
        device.close()


def test_a_hub_with_users_signs_and_resets_as_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "县汇总"
    Hub.init(folder, credentials=Credentials("张科员", "县里的口令1")).close()
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = run(capsys, "hub", "policy", "publish", "--dir", folder, pack)
    assert code == 0, err
    assert "电脑账户" not in err + out and "没有用户" not in err, err
    assert _pack_authors(folder, Credentials("张科员", "县里的口令1")) == ["张科员@县级汇总中心"]
