"""On a hub without users, who enrolled and revoked a device is the server's login account
(电脑账户 root): the hub's own `hub devices` keeps it, but a county laptop reading
`GET /v1/status` over HTTP is told only that it was the hub computer's account."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread, ServiceSettings
from fieldapp.store.ledger import Ledger
from fieldapp.sync.client import county_status
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE, plain_hub
from tests.sync.helpers import VILLAGE


def test_status_over_http_does_not_name_the_servers_login(
    tmp_path: Path, settings: ServiceSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = plain_hub(tmp_path / "县汇总")
    account = getpass.getuser()
    for argv in (
        ["hub", "enroll", "--dir", folder, "--device", "甲村", "--area", VILLAGE,
         "--out", tmp_path / "jia.enrol"],
        ["hub", "revoke", "--dir", folder, "--device", "甲村"],
    ):  # fmt: skip
        assert main([str(a) for a in argv]) == 0, capsys.readouterr().err
    hub = Hub.open(folder)
    try:  # the county's laptop, enrolled by a named person (a name stays a name)
        hub.enroll(
            "县人社局", "520502", tmp_path / "county.json", role=Role.COUNTY,
            code=ENROL_CODE, by="李股长",
        )  # fmt: skip
    finally:
        hub.close()
    county = Ledger.open(tmp_path / "county.db", author="县人社局")
    try:
        enrol(county, tmp_path / "county.json", code=ENROL_CODE)
        with ServerThread(folder, settings) as running:
            seen = county_status(county, running.url)
    finally:
        county.close()
    rows = {d["device"]: d for d in seen["devices"]}
    assert (rows["甲村"]["enrolled_by"], rows["甲村"]["revoked_by"]) == (
        "汇总中心的电脑账户",
        "汇总中心的电脑账户",
    )
    assert rows["县人社局"]["enrolled_by"] == "李股长"
    assert rows["县人社局"]["revoked_by"] is None
    assert f"电脑账户 {account}" not in json.dumps(seen, ensure_ascii=False)
    # The hub's own listing keeps the account the command ran as.
    capsys.readouterr()
    assert main(["hub", "devices", "--dir", str(folder), "--json"]) == 0
    own = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert own["甲村"]["enrolled_by"] == f"电脑账户 {account}"
    assert own["甲村"]["revoked_by"] == f"电脑账户 {account}"
