"""A county office's desktop reviews held changes over HTTP (`GET /v1/held`, `POST
/v1/held/accept|dismiss`) on a real loopback hub: only county devices may, the decision names
``用户名@设备名``, and the device that sent the change hears of it in its next exchange."""

from __future__ import annotations

import getpass
import http.client
import json
from typing import Any

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub import rejected
from fieldapp.store.held import HeldChanges
from fieldapp.store.ledger import Ledger
from fieldapp.sync import crypto, httpauth
from fieldapp.sync.client import decide_held, held_changes, push
from fieldapp.sync.errors import SyncError
from fieldapp.sync.rejected import rejected_changes
from tests.hub.enrolled import _enrolled
from tests.hub.httpkit import address, header_for, post
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge

OTHER = "520502202001"


@pytest.fixture
def held(server, hub, make_device, tmp_path) -> dict[str, Any]:
    """红星村 changed two people of 远村 (outside its area): both held at the hub."""
    village = make_device("红星村", VILLAGE)
    other = make_device("远村", OTHER)
    add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    push(village, server.url)
    push(other, server.url)
    heads = hub.ledger.heads("persons", theirs)
    fix = forge(village, "persons", theirs, {"phone": "13600000000"},
                parents={"phone": heads["phone"]})  # fmt: skip
    prank = forge(village, "persons", theirs, {"notes": "乱写"},
                  parents={"notes": heads["notes"]})  # fmt: skip
    push(village, server.url)
    ids = {h.change_id: h.id for h in HeldChanges(hub.ledger.db).list()}
    assert set(ids) == {fix.id, prank.id}
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    yield {
        "village": village,
        "other": other,
        "theirs": theirs,
        "fix": ids[fix.id],
        "prank": ids[prank.id],
        "fix_change": fix.id,
        "prank_change": prank.id,
        "county": county,
    }
    county.close()


def _decision(held_id: object, reason: str = "", reviewer: str = "李科长") -> bytes:
    return json.dumps({"id": held_id, "reviewer": reviewer, "reason": reason}).encode()


def _get(url: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection(*address(url), timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_a_county_desktop_lists_accepts_and_dismisses_and_the_device_hears_of_it(server, hub, held):
    county, theirs = held["county"], held["theirs"]
    listed = held_changes(county, server.url)
    assert listed["hub"] == hub.identity.name and listed["total"] == 2
    items = {i["id"]: i for i in listed["held"]}
    assert set(items) == {held["fix"], held["prank"]}
    fix = items[held["fix"]]
    assert fix["device"] == "红星村" and fix["status"] == "held"
    assert fix["subject"].startswith("「王") and "13600000000" in fix["content"]
    assert "红星村" in fix["description"] and fix["reason"]
    decided = decide_held(county, server.url, held["fix"], True, "李科长", "电话核实无误")
    assert decided["status"] == "accepted" and decided["decided_by"] == "李科长@县人社局"
    assert decided["decision"] == "电话核实无误"
    person = hub.ledger.get("persons", theirs)
    assert person["phone"] == "13600000000"
    assert person["updated_by"].startswith("李科长＠县人社局（接受 红星村员＠红星村）@")
    # Dismissing needs a reason, as on the hub's command line.
    with pytest.raises(SyncError, match="必须写明原因"):
        decide_held(county, server.url, held["prank"], False, "李科长", "  ")
    body = _decision(held["prank"])
    header = header_for(county, "县人社局", body, path="/v1/held/dismiss")
    status, answer = post(server.url, body, {httpauth.HEADER: header}, path="/v1/held/dismiss")
    assert (status, answer["error"]) == (400, "reason")
    decided = decide_held(county, server.url, held["prank"], False, "李科长", "不是本村的人")
    assert decided["status"] == "dismissed" and decided["decided_by"] == "李科长@县人社局"
    assert hub.ledger.get("persons", theirs)["notes"] != "乱写"
    assert held_changes(county, server.url)["held"] == []
    assert [i["id"] for i in held_changes(county, server.url, "accepted")["held"]] == [held["fix"]]
    # Decided already (by another clerk), or never there: said without numbers or commands.
    with pytest.raises(SyncError, match="这条修改已处理（已接受，李科长@县人社局") as done:
        decide_held(county, server.url, held["fix"], True, "李科长")
    with pytest.raises(SyncError, match="中心没有这条未接受修改") as missing:
        decide_held(county, server.url, 999, True, "李科长")
    for error in (done.value, missing.value):
        assert "--" not in str(error) and "fieldapp" not in str(error) and "999" not in str(error)
    # The sender hears of both in its next exchange; the other village gets the value.
    push(held["village"], server.url)
    reports = {r["change_id"]: r for r in rejected_changes(held["village"])}
    assert reports[held["fix_change"]]["status"] == "accepted"
    assert reports[held["fix_change"]]["decided_by"] == "李科长@县人社局"
    assert reports[held["prank_change"]]["status"] == "dismissed"
    assert reports[held["prank_change"]]["decision"] == "不是本村的人"
    push(held["other"], server.url)
    assert held["other"].get("persons", theirs)["phone"] == "13600000000"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_coordinator_or_township_device_may_not_list_or_decide_held_changes(
    server, hub, held, tmp_path
):
    village, theirs = held["village"], held["theirs"]
    township = _enrolled(hub, tmp_path, "乡镇", VILLAGE[:9], Role.TOWNSHIP, "乡干部")
    before = hub.ledger.get("persons", theirs)
    try:
        for device, name in ((village, "红星村"), (township, "乡镇")):
            with pytest.raises(SyncError, match="县级"):
                held_changes(device, server.url)
            with pytest.raises(SyncError, match="县级"):
                decide_held(device, server.url, held["fix"], True, "红星村员")
            for path in ("/v1/held/accept", "/v1/held/dismiss"):
                body = _decision(held["fix"], "自己批准")
                header = header_for(device, name, body, path=path)
                status, answer = post(server.url, body, {httpauth.HEADER: header}, path=path)
                assert (status, answer["error"]) == (403, "role"), name
                assert "县级" in answer["message"]
            status, answer = _get(
                server.url,
                "/v1/held",
                {httpauth.HEADER: header_for(device, name, b"", path="/v1/held", method="GET")},
            )
            assert (status, answer["error"]) == (403, "role")
    finally:
        township.close()
    store = HeldChanges(hub.ledger.db)
    assert store.get(held["fix"]).status == "held" and store.get(held["prank"]).status == "held"
    assert hub.ledger.get("persons", theirs) == before


@pytest.mark.parametrize("backend", ["sqlite"])
def test_unsigned_forged_tampered_malformed_or_revoked_decisions_change_nothing(server, hub, held):
    county, theirs = held["county"], held["theirs"]
    before = hub.ledger.get("persons", theirs)
    path = "/v1/held/accept"
    body = _decision(held["fix"])
    assert post(server.url, body, {}, path=path)[0] == 401
    stranger = crypto.KeyPair.generate().sign_secret
    forged = header_for(None, "县人社局", body, path=path, secret=stranger)
    assert post(server.url, body, {httpauth.HEADER: forged}, path=path)[0] == 401
    # The village signing as the county device.
    posing = header_for(held["village"], "县人社局", body, path=path)
    assert post(server.url, body, {httpauth.HEADER: posing}, path=path)[0] == 401
    # Signed for dismiss, sent to accept: the path is signed too.
    other_path = header_for(county, "县人社局", body, path="/v1/held/dismiss")
    assert post(server.url, body, {httpauth.HEADER: other_path}, path=path)[0] == 401
    # Signed over one body, another sent with it.
    signed = header_for(county, "县人社局", _decision(held["fix"], "甲"), path=path)
    body = _decision(held["fix"], "乙")
    status, answer = post(server.url, body, {httpauth.HEADER: signed}, path=path)
    assert (status, answer["error"]) == (400, "tampered")
    # The query is signed: a listing signed for one status cannot be asked for another.
    listing = header_for(county, "县人社局", b"", path="/v1/held?status=held", method="GET")
    assert _get(server.url, "/v1/held?status=accepted", {httpauth.HEADER: listing})[0] == 401
    for bad, code in (
        (b"{not json", "malformed"),
        (b"[1, 2]", "malformed"),
        (_decision("1"), "id"),
        (_decision(-3), "id"),
        (_decision(True), "id"),
        (_decision(held["fix"], reviewer=""), "reviewer"),
        (_decision(held["fix"], reason="第一行\n\x1b[31m"), "reason"),
        (b"\xff\xfe", "malformed"),
    ):
        header = header_for(county, "县人社局", bad, path=path)
        status, answer = post(server.url, bad, {httpauth.HEADER: header}, path=path)
        assert (status, answer["error"]) == (400, code), bad
        assert any("\u4e00" <= ch <= "\u9fff" for ch in answer["message"])
    big = _decision(held["fix"], reason="很" * 30000)
    header = header_for(county, "县人社局", big, path=path)
    assert post(server.url, big, {httpauth.HEADER: header}, path=path)[0] in (413, 0)
    bad_status = header_for(county, "县人社局", b"", path="/v1/held?status=all", method="GET")
    status, answer = _get(server.url, "/v1/held?status=all", {httpauth.HEADER: bad_status})
    assert status == 400 and "待审核" in answer["message"]
    # A county laptop revoked (lost, stolen) decides nothing any more.
    hub.revoke("县人社局", by="县里的科员")
    body = _decision(held["fix"])
    status, answer = post(
        server.url, body, {httpauth.HEADER: header_for(county, "县人社局", body, path=path)}, path
    )
    assert (status, answer["error"]) == (403, "revoked") and "注销" in answer["message"]
    with pytest.raises(SyncError, match="注销"):
        held_changes(county, server.url)
    store = HeldChanges(hub.ledger.db)
    assert store.get(held["fix"]).status == "held"
    assert hub.ledger.get("persons", theirs) == before


@pytest.mark.parametrize("backend", ["sqlite"])
def test_decisions_while_devices_exchange_all_land_and_the_sender_hears_them(
    server, hub, held, make_device
):
    """Decisions are written through the same write gate as merges: taken while other devices
    upload at the same moment, every upload and both decisions land, none lost or mixed."""
    import threading
    from contextlib import closing

    county, village = held["county"], held["village"]
    others = [make_device(f"邻村{n}", VILLAGE) for n in range(4)]
    for n, device in enumerate(others):
        add_family(device, VILLAGE, [f"{200 + 2 * n:03d}"], surname="赵钱孙李"[n])
    (mine,) = _own_persons(village) - {held["theirs"]}
    village.update("persons", mine, {"notes": "同时改的"})
    errors: list[BaseException] = []
    gate = threading.Barrier(len(others) + 3)

    def run(work) -> None:
        try:
            gate.wait()
            work()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    def decided(held_id: int, accept: bool, reason: str) -> None:
        # Each decision on a connection of its own, as the county desktop takes each run on
        # `Session.worker_ledger` (one connection shared by two threads raced on its own
        # BEGIN: "cannot start a transaction within a transaction").
        with closing(county.sibling()) as ledger:
            decide_held(ledger, server.url, held_id, accept, "李科长", reason)

    jobs = [lambda d=d: push(d, server.url, timeout=120) for d in others]
    jobs.append(lambda: decided(held["fix"], True, "核实"))
    jobs.append(lambda: decided(held["prank"], False, "不对"))
    jobs.append(lambda: push(village, server.url, timeout=120))
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    store = HeldChanges(hub.ledger.db)
    assert store.get(held["fix"]).status == "accepted"
    assert store.get(held["prank"]).status == "dismissed"
    assert hub.ledger.get("persons", held["theirs"])["phone"] == "13600000000"
    for device in others:
        assert all(hub.ledger.get("persons", p) for p in _own_persons(device))
    assert hub.ledger.get("persons", mine)["notes"] == "同时改的"
    push(village, server.url)
    reports = {r["change_id"]: r["status"] for r in rejected_changes(village)}
    assert reports[held["fix_change"]] == "accepted"
    assert reports[held["prank_change"]] == "dismissed"


def _own_persons(device: Ledger) -> set[str]:
    rows = device.db.execute(
        "SELECT DISTINCT row_id FROM changes WHERE tbl = 'persons' AND device_id = ?",
        [device.device_id],
    ).fetchall()
    return {r[0] for r in rows}


def test_a_held_new_family_is_listed_in_the_clerks_words(
    server, hub, make_device, tmp_path, capsys
) -> None:
    """A bundle of the first wave reaching the hub after its upgrade (exported before, carried
    late) is held whole, its authors plain: a new household and its people. The county's clerk
    read 户主=None，脱贫户=False，所属户='01a23d2f-429c-77a6-b063-a1e2e71b2f37'，毕业年份=None — Python's
    words and the household's internal id — in `hub rejected` and on the county desktop; now
    户主为空，脱贫户为“否”，所属户为“一组” (the household, by what the held change itself sets)."""
    from fieldapp.cli.main import main
    from fieldapp.sync.exchange import export_bundle

    village = make_device("大坝村", VILLAGE)
    household, _ = add_family(village, VILLAGE, ["201"], surname="赵")
    with village.transaction():  # as the first wave signed them, its upgrade not yet run
        village.db.execute("UPDATE changes SET author = 'root' WHERE device_id = ?",
                           [village.device_id])  # fmt: skip
    assert hub.import_file(export_bundle(village, tmp_path / "old.fieldsync").path).held > 0
    county = _enrolled(hub, tmp_path, "县人社局", "520502", Role.COUNTY, "李科长")
    # on each backend: no county pack was sent to it (hub devices' 政策包)
    assert {d["device"]: d["policy"] for d in hub.status()}["大坝村"] is None

    assert main(["hub", "rejected", "--dir", str(hub.root)]) == 0
    listed = capsys.readouterr().out
    shown = "\n".join(i["content"] for i in held_changes(county, server.url)["held"])

    for text in (listed, shown):
        for unsaid in ("None", "False", "True", household, "'"):
            assert unsaid not in text, (unsaid, text)
        assert "户主为空" in text and "脱贫户为“否”" in text, text
        assert "所属户为“一组”" in text and "地址为“一组”" in text and "姓名为“赵0”" in text, text
        assert "=" not in text, text
    county.close()


def test_a_decision_at_a_hub_without_users_does_not_name_its_login(server, hub, held):
    # `hub rejected dismiss` on a hub without users records the computer account it ran as.
    account = f"电脑账户 {getpass.getuser()}"
    rejected.dismiss(hub, held["prank"], account, "乱写的备注")
    (own,) = rejected.listing(hub, "dismissed")
    assert own.decided_by == account  # the hub's own record keeps the account
    told = held_changes(held["county"], server.url, status="dismissed")
    (item,) = told["held"]
    assert item["decided_by"] == "汇总中心的电脑账户"
    assert account not in json.dumps(told, ensure_ascii=False)
    # Deciding it again from the desktop: refused, still without the login.
    with pytest.raises(SyncError, match="已处理") as refused:
        decide_held(held["county"], server.url, held["prank"], True, "李科长")
    assert account not in str(refused.value) and "汇总中心的电脑账户" in str(refused.value)
