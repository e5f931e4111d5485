"""The hub's HTTP service on a real loopback server: who may upload, how much, how slowly."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.roles import Role
from fieldapp.hub.server import ServerThread
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync import crypto, httpauth
from fieldapp.sync.client import county_status, push
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import HUB_TROUBLE_SAID, SyncError
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.hub.httpkit import (
    header_for,
    hub_footprint,
    post,
    raw_request,
    read_status,
)
from tests.sync.helpers import VILLAGE, add_family


def _bundle(device, tmp_path: Path) -> bytes:
    sent = export_bundle(device, tmp_path / f"{device.device_id}-{time.monotonic_ns()}.fs")
    data = sent.path.read_bytes()
    sent.path.unlink()
    return data


def test_health_names_the_hub_and_its_upload_cap(server, hub):
    with urllib.request.urlopen(server.url + "v1/health", timeout=10) as response:
        health = json.loads(response.read())
    assert health == {"hub": hub.identity.name, "fingerprint": hub.fingerprint, "max_upload_mb": 2}


def test_unsigned_forged_revoked_stale_and_replayed_posts_write_nothing(
    server, hub, make_device, tmp_path
):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    body = _bundle(a, tmp_path)
    before = hub_footprint(hub)

    status, answer = post(server.url, body, {})
    assert (status, answer["error"]) == (401, "unsigned")
    # Signed with 乙村's key but claiming to be 甲村; and 甲村's header over another body.
    forged = header_for(b, "甲村", body)
    assert post(server.url, body, {httpauth.HEADER: forged})[0] == 401
    other = header_for(a, "甲村", body + b"x")  # signed another length: refused unread
    assert post(server.url, body, {httpauth.HEADER: other})[0] == 400
    # A key nobody enrolled.
    stranger = crypto.KeyPair.generate().sign_secret
    status, answer = post(
        server.url, body, {httpauth.HEADER: header_for(None, "甲村", body, secret=stranger)}
    )
    assert (status, answer["error"]) == (401, "unknown_key")
    # Signed for another path, or an hour old.
    moved = header_for(a, "甲村", body, path="/v1/other")
    assert post(server.url, body, {httpauth.HEADER: moved})[0] == 401
    stale = header_for(a, "甲村", body, now=time.time() - 3600)
    status, answer = post(server.url, body, {httpauth.HEADER: stale})
    assert (status, answer["error"]) == (401, "stale")
    # Garbage in the header.
    assert post(server.url, body, {httpauth.HEADER: "v1 device=%E7%94%B2 sig=???"})[0] == 401
    assert hub_footprint(hub) == before

    # A good header, then the very same header again: the replay is refused.
    good = {httpauth.HEADER: header_for(a, "甲村", body)}
    assert post(server.url, body, good)[0] == 200
    after_good = hub_footprint(hub)
    status, answer = post(server.url, body, good)
    assert (status, answer["error"]) == (401, "replay")
    assert hub_footprint(hub) == after_good

    hub.revoke("乙村", by="县里的科员")
    body_b = _bundle(b, tmp_path)
    status, answer = post(server.url, body_b, {httpauth.HEADER: header_for(b, "乙村", body_b)})
    assert status == 403 and "注销" in answer["message"]
    assert hub_footprint(hub) == after_good


def test_body_that_does_not_match_its_signature_is_not_kept(server, hub, make_device, tmp_path):
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    body = _bundle(a, tmp_path)
    before = hub_footprint(hub)
    header = header_for(a, "甲村", body)
    flipped = bytes([body[0] ^ 1]) + body[1:]
    status, answer = post(server.url, flipped, {httpauth.HEADER: header})
    assert (status, answer["error"]) == (400, "tampered")
    assert hub_footprint(hub) == before


def test_upload_over_the_cap_is_cut_off_with_413_and_nothing_kept(
    server, hub, make_device, tmp_path
):
    a = make_device("甲村", VILLAGE)
    body = os.urandom(3 * 1024 * 1024)  # the cap in these tests is 2 MB
    before = hub_footprint(hub)
    head = (
        f"POST /v1/exchange HTTP/1.1\r\nHost: hub\r\nContent-Length: {len(body)}\r\n"
        f"{httpauth.HEADER}: {header_for(a, '甲村', body)}\r\n\r\n"
    ).encode()
    sock = raw_request(server.url, head + body[:65536])
    try:
        assert read_status(sock) == 413
    finally:
        sock.close()
    assert hub_footprint(hub) == before
    # A client that says less than it sends is cut at what it signed: h11 refuses the rest.
    assert not any((hub.root / "uploads").iterdir())


def test_slow_and_silent_clients_time_out_while_others_are_served(
    server, hub, make_device, tmp_path
):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(b, VILLAGE, ["103"], surname="李")
    body = os.urandom(100_000)
    before = hub_footprint(hub)
    head = (
        f"POST /v1/exchange HTTP/1.1\r\nHost: hub\r\nContent-Length: {len(body)}\r\n"
        f"{httpauth.HEADER}: {header_for(a, '甲村', body)}\r\n\r\n"
    ).encode()
    slow = raw_request(server.url, head + body[:1000])  # then stalls mid-body
    silent = raw_request(server.url, b"POST /v1/exchange HTTP/1.1\r\nHost: hub\r\n")
    started = time.monotonic()
    push(b, server.url)  # served while the two others hang
    assert time.monotonic() - started < 10
    try:
        assert read_status(slow) == 408
        assert read_status(silent) is None  # closed without a word after the header timeout
        assert time.monotonic() - started < 15
    finally:
        slow.close()
        silent.close()
    assert not any((hub.root / "uploads").iterdir())
    assert hub_footprint(hub)["rows"]["sync_imports"] == before["rows"]["sync_imports"] + 1


def test_twenty_devices_at_once_every_change_lands_exactly_once(server, hub, make_device, tmp_path):
    devices = [make_device(f"村{n:02d}", VILLAGE) for n in range(20)]
    for n, device in enumerate(devices):
        add_family(
            device,
            VILLAGE,
            [f"{100 + 2 * n:03d}"],
            surname="赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许"[n],
        )
    errors: list[BaseException] = []
    gate = threading.Barrier(len(devices))

    def exchange(device) -> None:
        try:
            gate.wait()
            push(device, server.url, timeout=120)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=exchange, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    logged = {
        d.device_id: d.db.execute(
            "SELECT count(*) FROM changes WHERE device_id = ?", [d.device_id]
        ).fetchone()[0]
        for d in devices
    }
    held = dict(
        hub.ledger.db.execute(
            "SELECT device_id, count(*) FROM changes GROUP BY device_id"
        ).fetchall()
    )
    assert {d: held.get(d, 0) for d in logged} == logged
    imports = hub.ledger.db.execute(
        "SELECT sender, count(*) FROM sync_imports GROUP BY sender"
    ).fetchall()
    assert sorted(imports) == sorted((f"村{n:02d}", 1) for n in range(20))
    # A second round in sequence: every device ends with the same persons as the hub.
    for device in devices:
        push(device, server.url)
    hub_persons = canonical_dump(hub.ledger.db)["persons"]
    assert len(hub_persons) == 20
    for device in devices:
        assert canonical_dump(device.db)["persons"] == hub_persons


def test_device_may_not_relay_another_devices_bundle(server, hub, make_device, tmp_path):
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    add_family(b, VILLAGE, ["103"])
    body = _bundle(b, tmp_path)
    status, answer = post(server.url, body, {httpauth.HEADER: header_for(a, "甲村", body)})
    assert (status, answer["error"]) == (403, "foreign_change")
    assert hub_footprint(hub)["rows"]["sync_imports"] == 0


def test_status_is_for_county_devices_only(server, hub, make_device, tmp_path):
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    push(a, server.url)
    with pytest.raises(SyncError, match="县级"):
        county_status(a, server.url)
    county = Ledger.open(tmp_path / "county.db", author="县人社局")
    try:
        hub.enroll(
            "县人社局",
            "520502",
            tmp_path / "county.json",
            role=Role.COUNTY,
            code=ENROL_CODE,
            by="县里的科员",
        )
        enrol(county, tmp_path / "county.json", code=ENROL_CODE)
        seen = county_status(county, server.url)
        rows = {d["device"]: d for d in seen["devices"]}
        assert seen["hub"] == hub.identity.name
        assert rows["甲村"]["role"] == "coordinator" and rows["甲村"]["area"] == VILLAGE
        assert rows["甲村"]["last_exchange"] and rows["县人社局"]["role"] == "county"
        assert rows["县人社局"]["last_exchange"] is None
    finally:
        county.close()


def test_hub_devices_json_lists_last_exchange_pending_and_refusals(
    server, hub, make_device, capsys, tmp_path
):
    a = make_device("甲村", VILLAGE)
    make_device("乙村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    push(a, server.url)
    body = os.urandom(1000)
    assert post(server.url, body, {httpauth.HEADER: header_for(a, "甲村", body)})[0] == 422
    assert cli(["hub", "devices", "--dir", str(hub.root), "--json"]) == 0
    items = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert set(items) == {"甲村", "乙村"}
    first = items["甲村"]
    assert {"device", "role", "area", "last_exchange", "pending", "refused"} <= set(first)
    assert first["area"] == VILLAGE and first["last_exchange"]
    assert first["refused_bundles"] == 1
    assert first["pending"] >= 0
    assert items["乙村"]["last_exchange"] is None
    assert cli(["hub", "devices", "--dir", str(hub.root)]) == 0
    lines = {line.split("\t")[0]: line for line in capsys.readouterr().out.splitlines()}
    # said in China time whatever the server's zone (the JSON's last_exchange_china)
    assert f"最近同步 {first['last_exchange_china'][:16].replace('T', ' ')}\t" in lines["甲村"]
    assert "\t从未同步\t" in lines["乙村"] and "最近同步" not in lines["乙村"]


def test_refused_uploads_fill_no_more_than_the_devices_share_of_quarantine(
    server, hub, make_device, capsys, caplog
):
    """Every refused upload was kept in quarantine/ for good: one enrolled (or stolen) laptop
    posting garbage could fill the hub's disk. Past the device's share (`hub quarantine
    --limit-mb`) the refusal is still answered, counted and its reason recorded, but the file
    is not kept; what was kept before stays, and another device's share is its own."""
    a = make_device("甲村", VILLAGE)
    b = make_device("乙村", VILLAGE)
    root = str(hub.root)
    assert cli(["hub", "quarantine", "--dir", root, "--limit-mb", "1"]) == 0
    assert "最多保留 1 MB" in capsys.readouterr().out
    bodies = [os.urandom(600_000) for _ in range(3)]
    with caplog.at_level("WARNING"):
        for body in bodies:
            status, answer = post(server.url, body, {httpauth.HEADER: header_for(a, "甲村", body)})
            assert status == 422 and "数据包" in answer["message"]
    body = os.urandom(600_000)
    assert post(server.url, body, {httpauth.HEADER: header_for(b, "乙村", body)})[0] == 422
    kept = sorted(p for p in hub.folders.quarantine.iterdir() if not p.name.endswith(".txt"))
    assert sorted(p.read_bytes() for p in kept) == sorted([bodies[0], body])
    assert len(list(hub.folders.quarantine.glob("*.reason.txt"))) == 2
    not_kept = [r for r in caplog.records if "未保留" in r.getMessage()]
    assert len(not_kept) == 2 and "甲村" in not_kept[0].getMessage()
    reasons = [row[0] for row in hub.ledger.db.execute("SELECT reason FROM sync_quarantine")]
    assert len(reasons) == 4 and sum("这个文件未保留" in r for r in reasons) == 2
    assert cli(["hub", "devices", "--dir", root, "--json"]) == 0
    items = {d["device"]: d for d in json.loads(capsys.readouterr().out)}
    assert items["甲村"]["refused_bundles"] == 3 and items["乙村"]["refused_bundles"] == 1
    assert items["甲村"]["quarantine_bytes"] == 600_000
    assert cli(["hub", "quarantine", "--dir", root, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["limit_mb"] == 1
    assert {d["device"]: d["bytes"] for d in shown["devices"]} == {"甲村": 600_000, "乙村": 600_000}
    assert cli(["hub", "quarantine", "--dir", root, "--limit-mb", "0"]) == 2
    assert "--limit-mb 应为 1—10000000 之间的整数" in capsys.readouterr().err
    assert json.loads(_quarantine_json(capsys, root))["limit_mb"] == 1


def test_an_error_of_the_hub_itself_is_a_chinese_answer_and_a_traceback_in_its_log(
    server, hub, make_device, capsys, caplog
):
    """A damaged row of the hub's ledger (the device's public key cut short: a disk fault, a
    hand edit) stopped every answer to that device with Starlette's plain-text 500, which
    `sync push` showed as 中心拒绝了上传：HTTP 500. The device now reads a Chinese sentence (no
    traceback, path or id) and the hub's log has the traceback; the hub goes on serving the
    other devices. (The key is the answer's: the upload was imported before, and the device
    is told so — `tests.hub.test_hub_database_gone_answered`.)"""
    village = make_device("甲村", VILLAGE)
    other = make_device("乙村", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    with hub.ledger.transaction():
        hub.ledger.db.execute(
            "UPDATE sync_peers SET box_public = substr(box_public, 1, 16) WHERE name = '甲村'"
        )
    village.update("persons", person, {"phone": "13600000000"})
    capsys.readouterr()
    with caplog.at_level("ERROR", logger="fieldapp"):
        code = cli(["--db", str(village.path), "sync", "push", server.url])
    out, err = capsys.readouterr()
    assert code == 1, out
    assert "同步没有完成，但中心已经收到并导入了本机这次上传的修改" in err, err
    assert "管理汇总中心" in err, err
    assert "HTTP 500" not in err and "Traceback" not in err and "key" not in err
    assert village.device_id not in err and str(hub.root) not in err
    (logged,) = [r for r in caplog.records if r.name == "fieldapp.hub"]
    assert "/v1/exchange" in logged.getMessage() and logged.exc_info is not None
    assert "public key must be exactly 32 bytes" in caplog.text
    assert hub.ledger.get("persons", person)["phone"] == "13600000000"  # imported, as said
    push(other, server.url)  # the others are served as before


def test_an_uploads_folder_deleted_while_serving_is_made_again(server, hub, make_device):
    """A clerk tidying the hub folder deleted uploads/ while `hub serve` ran: every upload
    after that was refused with 507 中心无法保存上传：No such file or directory (as if the disk
    were full) until the service was restarted. The folder is made again when needed."""
    import shutil

    village = make_device("甲村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)
    shutil.rmtree(hub.root / "uploads")
    village.update("persons", village.db.execute("SELECT id FROM persons").fetchone()[0],
                   {"phone": "13600000000"})  # fmt: skip
    push(village, server.url)
    found = hub.ledger.db.execute("SELECT count(*) FROM persons WHERE phone = '13600000000'")
    assert found.fetchone()[0] == 1


def test_a_quarantine_folder_deleted_while_serving_is_made_again(server, hub, make_device):
    """A clerk emptying quarantine/ by deleting the folder while `hub serve` ran: the next
    refused upload could not be moved there and stayed in work/, outside quarantine and its
    limit, its reason file never written. The folder is made again."""
    import shutil

    village = make_device("甲村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    push(village, server.url)  # the service has opened the hub folder
    shutil.rmtree(hub.folders.quarantine)
    body = os.urandom(1000)
    assert post(server.url, body, {httpauth.HEADER: header_for(village, "甲村", body)})[0] == 422
    kept = sorted(p.name for p in hub.folders.quarantine.iterdir())
    assert len(kept) == 2 and kept[1].endswith(".reason.txt")
    assert (hub.folders.quarantine / kept[0]).read_bytes() == body
    assert not list(hub.folders.inbox.iterdir())


def _quarantine_json(capsys, root: str) -> str:
    capsys.readouterr()
    assert cli(["hub", "quarantine", "--dir", root, "--json"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("failure", ["disk_full", "other"])
def test_a_failure_to_keep_an_upload_is_said_for_what_it_is(
    server, hub, make_device, monkeypatch, failure
):
    """Any failure to write an upload to uploads/ was answered 507 disk_full with the system's
    English (中心无法保存上传：No space left on device). A full disk is now said in Chinese;
    another failure is the hub's own error (500, its traceback in the hub's log). A full disk
    cannot be made on a test machine: the one function that writes the body fails instead."""
    import errno

    from fieldapp.hub import server as service

    village = make_device("甲村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    code = errno.ENOSPC if failure == "disk_full" else errno.EIO

    def failing(_fd: int, _chunk: bytes) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(service, "_write_all", failing)
    with pytest.raises(SyncError) as refused:
        push(village, server.url)
    text = str(refused.value)
    assert "No space" not in text and "I/O" not in text and "Errno" not in text
    if failure == "disk_full":
        # (The device says the hub's own trouble in its own words, `client.refused_upload`.)
        assert "中心磁盘已满" in text and "改用U盘" in text
        assert text == HUB_TROUBLE_SAID["disk_full"]
    else:
        assert text.startswith("同步没有完成：中心处理这次请求时出错了")
    assert not list((hub.root / "uploads").iterdir())


def test_a_revoked_device_pushing_is_told_what_to_do(server, hub, make_device, capsys):
    """After `hub revoke`, the village's `sync push` said only 设备 甲村 已于 … 注销: right, but
    the coordinator was left without the way back. It now says to ask the county to enrol the
    laptop again under its name, and that the ledger's data stay."""
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    path = str(device.path)
    device.close()
    hub.revoke("甲村", by="县里的科员")
    before = hub_footprint(hub)
    code = cli(["--db", path, "sync", "push", server.url])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "甲村" in err and "注销" in err and "重新登记" in err and "保留" in err, err
    assert hub_footprint(hub) == before


def test_a_device_re_enrolled_at_the_county_pushing_with_its_old_keys_is_told_what_to_do(
    server, hub, make_device, tmp_path, capsys
):
    """The county re-enrolled 甲村 (new keys; the laptop not yet given the new file): its
    `sync push` said only 发送设备未登记，或密钥与登记的不符, leaving the coordinator to guess.
    It now says to import the enrolment file the county made last."""
    device = make_device("甲村", VILLAGE)
    path = str(device.path)
    device.close()
    hub.enroll("甲村", VILLAGE, tmp_path / "again.enrol", code=ENROL_CODE, by="县里的科员")
    before = hub_footprint(hub)
    code = cli(["--db", path, "sync", "push", server.url])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    assert "重新登记" in err and "登记文件" in err, err
    assert hub_footprint(hub) == before


def _county_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 that the county signed itself (no public authority)."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "县人社局汇总中心")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "县人社局根证书.pem", folder / "hub.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_a_hub_behind_a_certificate_the_county_signed_itself(
    hub, settings, make_device, tmp_path, capsys, monkeypatch
):
    """Inside a government network the county signs the hub's certificate itself. A laptop
    that does not trust it yet is told so and what to install (docs/hub.md); trusting it (here
    by SSL_CERT_FILE, as the docs say for fieldapp alone) the same push goes through."""
    from fieldapp.hub.server import ServerThread

    cert, key = _county_certificate(tmp_path)
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    path = str(device.path)
    device.close()
    running = ServerThread(hub.root, settings)
    running.server.config.ssl_certfile, running.server.config.ssl_keyfile = str(cert), str(key)
    with running:
        url = running.url.replace("http://", "https://")
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
        monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "nothing"))
        code = cli(["--db", path, "sync", "push", url])
        out, err = capsys.readouterr()
        assert code != 0 and "Traceback" not in out + err
        assert "中心的证书无法核实" in err and "根证书" in err, err
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        code = cli(["--db", path, "sync", "push", url])
        out, err = capsys.readouterr()
        assert code == 0, out + err


def test_a_header_replayed_after_the_hub_restarts_is_still_refused(
    hub, settings, make_device, tmp_path
):
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    body = _bundle(a, tmp_path)
    good = {httpauth.HEADER: header_for(a, "甲村", body)}
    with ServerThread(hub.root, settings) as first:
        assert post(first.url, body, good)[0] == 200
    after_good = hub_footprint(hub)
    # The county restarts the service (an update, a power cut): the captured header, still
    # within its five minutes, is refused by the new service as by the old one.
    with ServerThread(hub.root, settings) as second:
        status, answer = post(second.url, body, good)
        assert (status, answer["error"]) == (401, "replay")
        assert hub_footprint(hub)["rows"] == after_good["rows"]
        # The device's next bundle, under a fresh header, is taken as usual.
        add_family(a, VILLAGE, ["102"])
        news = _bundle(a, tmp_path)
        assert post(second.url, news, {httpauth.HEADER: header_for(a, "甲村", news)})[0] == 200


def test_the_replay_memory_keeps_only_the_last_minutes_and_stays_small(tmp_path):
    path = tmp_path / "nonces"
    now = time.time()
    cache = httpauth.NonceCache(window_s=300, path=path)
    assert cache.add("k1", "a" * 32, now - 3600)  # an hour ago
    assert cache.add("k1", "b" * 32, now - 30)
    cache.close()
    reread = httpauth.NonceCache(window_s=300, path=path)
    assert not reread.add("k1", "b" * 32, now)  # remembered across the restart
    assert reread.add("k1", "a" * 32, now)  # long past its window: forgotten, not refused
    # Thousands of requests later (of fifty devices, each within its share) the file holds
    # about what is remembered, not every line.
    for n in range(5000):
        assert reread.add(f"k{n % 50 + 2}", f"{n:032d}", now + n * 0.01)
    reread.close()
    assert len(path.read_text().splitlines()) <= 2 * 5003 + 1000
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_nonce_with_other_signs_is_refused_unread(server, hub, make_device, tmp_path):
    a = make_device("甲村", VILLAGE)
    body = _bundle(a, tmp_path)
    header = header_for(a, "甲村", body)
    odd = header.replace("nonce=", "nonce=%0A", 1)
    before = hub_footprint(hub)
    status, answer = post(server.url, body, {httpauth.HEADER: odd})
    assert (status, answer["error"]) == (401, "bad_header")
    assert hub_footprint(hub) == before
