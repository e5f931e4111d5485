"""The county's status view (`GET /v1/status`, `hub devices`) says which users of each device
the hub holds disabled, and which of them the device asks to be enabled again: before, only
`hub users` at the hub's command line said it, and a clerk at the county desk did not know a
village laptop's user was shut out, nor that one asked back in."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.roles import COMPUTER_ACCOUNT, HUB_ACCOUNT_SAID, Role
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from fieldapp.sync.client import county_status, push
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import SyncError
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family

LI = Credentials("李芳", "村里的口令1")


def test_the_status_view_lists_each_devices_disabled_users_and_requests(
    hub: Hub,
    server: ServerThread,
    make_device: Callable[..., Ledger],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "红星村").mkdir()
    laptop = make_device(
        "红星村", VILLAGE, ledger=Ledger.open(tmp_path / "红星村" / "ledger.db", credentials=LI)
    )
    other = make_device("远村", VILLAGE)
    add_family(other, VILLAGE, ["103"])
    push(other, server.url)
    # 李芳, the laptop's administrator, disables 王强 and 孙七 there; the laptop syncs.
    for name in ("王强", "孙七"):
        users.add_user(laptop, name, f"{name}的口令8")
    users.disable_user(laptop, "王强")
    users.disable_user(laptop, "孙七")
    push(laptop, server.url)
    # She enables 孙七 again: the laptop's word is a request the county grants at the hub.
    users.enable_user(laptop, "孙七", "孙七的新口令5")
    push(laptop, server.url)
    # The county disables a user of the laptop itself (one it never named); and one more,
    # enabled again after checking with the village: no longer listed.
    assert hub.set_device_user("红星村", "赵六", True, by=f"{COMPUTER_ACCOUNT}root")
    assert hub.set_device_user("红星村", "钱八", True, by="张科员")
    assert hub.set_device_user("红星村", "钱八", False, by="张科员")
    # A village laptop is not shown the county's view, its users' names with it.
    with pytest.raises(SyncError, match="县级"):
        county_status(laptop, server.url)
    county = Ledger.open(tmp_path / "county.db", author="县人社局")
    try:
        hub.enroll("县人社局", VILLAGE[:6], tmp_path / "county.json", role=Role.COUNTY,
                   code=ENROL_CODE, by="张科员")  # fmt: skip
        enrol(county, tmp_path / "county.json", code=ENROL_CODE)
        seen = county_status(county, server.url)
    finally:
        county.close()
    rows = {d["device"]: d for d in seen["devices"]}
    listed = {u["name"]: u for u in rows["红星村"]["disabled_users"]}
    assert list(listed) == ["孙七", "王强", "赵六"]
    wang, sun, zhao = listed["王强"], listed["孙七"], listed["赵六"]
    assert (wang["source"], wang["by"], wang["enable_asked"]) == ("device", "李芳@红星村", None)
    assert wang["since"] and wang["since_china"].endswith("+08:00")
    assert sun["source"] == "device"
    assert sun["enable_asked"]["by"] == "李芳@红星村"
    assert sun["enable_asked"]["at"] and sun["enable_asked"]["at_china"].endswith("+08:00")
    # Who at the hub decided is said as who enrolled a device is: the login name stays there.
    assert (zhao["source"], zhao["by"], zhao["enable_asked"]) == ("county", HUB_ACCOUNT_SAID, None)
    assert rows["红星村"]["enable_requests"] == 1
    assert (rows["远村"]["disabled_users"], rows["远村"]["enable_requests"]) == ([], 0)
    assert rows["远村"]["last_exchange"]  # every key the view had is still there

    # The hub's own `hub devices` says it too: the same items, and a word on the device's line.
    capsys.readouterr()
    assert cli(["hub", "devices", "--dir", str(hub.root), "--json"]) == 0
    own = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert [u["name"] for u in own["红星村"]["disabled_users"]] == ["孙七", "王强", "赵六"]
    assert {u["name"]: u["by"] for u in own["红星村"]["disabled_users"]}["赵六"] == (
        f"{COMPUTER_ACCOUNT}root"
    )
    assert cli(["hub", "devices", "--dir", str(hub.root)]) == 0
    lines = {line.split("\t")[0]: line for line in capsys.readouterr().out.splitlines()}
    assert "\t停用用户 3 人（1 人申请重新启用）" in lines["红星村"]
    assert "停用用户" not in lines["远村"]
