"""The county's IT clerk at the command line: the hub's commands as a month of work uses them,
each failure one Chinese sentence and the right exit code, nothing half done."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from tests.codes import ENROL_CODE, plain_hub
from tests.helpers.cli import run
from tests.policy.helpers import COUNTY_PACK

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")


@pytest.fixture
def as_clerk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shell of 张科员, the county's IT clerk, on a hub that has a password."""
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")


def _village(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    """(hub folder, device ledger): a new hub and 红星村's laptop enrolled with it."""
    from tests.sync.helpers import VILLAGE

    hub = tmp_path / "县汇总"
    device = tmp_path / "红星村.db"
    plain_hub(hub)
    enrol = tmp_path / "红星村.enrol"
    assert (
        run(
            capsys,
            "hub",
            "enroll",
            "--dir",
            hub,
            "--device",
            "红星村",
            "--area",
            VILLAGE,
            "--out",
            enrol,
        )[0]
        == 0
    )
    assert run(capsys, "--db", device, "enrol", enrol)[0] == 0
    return hub, device


def test_county_policy_on_a_hub_with_a_password(
    tmp_path: Path, as_clerk: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """`hub policy publish|list|edit` open an encrypted hub as the user given, like every other
    hub command (they used to say 这个台账已加密 whatever was given)."""
    hub = tmp_path / "县汇总"
    assert run(capsys, "hub", "init", "--dir", hub)[0] == 0
    assert (hub / "hub.db.keys").exists()
    pack = tmp_path / "county.toml"
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    code, out, err = run(capsys, "hub", "policy", "publish", "--dir", hub, pack)
    assert (code, err) == (0, ""), err
    assert "已签发县级政策包" in out
    code, out, err = run(capsys, "hub", "policy", "list", "--dir", hub, "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["in_force"] and row["signature_ok"]
    code, out, err = run(
        capsys, "hub", "policy", "edit", "--dir", hub, "--income-line", "700",
        "--document", "某县人社发〔2027〕1号", "--version", "2027.1",
    )  # fmt: skip
    assert code == 0, err
    assert out.strip().endswith("2027.1")


def test_serve_on_a_port_that_is_taken_says_so_before_announcing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second `hub serve` on the same port (the first still running) used to print
    已在 http://…/ 服务 and then uvicorn's English error, exit 3; a port past 65535 a
    traceback."""
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "hub", "serve", "--dir", hub, "--port", port)
    assert code == 1
    assert "服务" not in out
    last = err.splitlines()[-1]  # after the plain hub's warning (test_plain_hub_warning)
    assert last.startswith("错误：") and f"端口 {port} 已被占用" in last
    assert "Errno" not in err and "Traceback" not in err
    code, out, err = run(capsys, "hub", "serve", "--dir", hub, "--port", 70000)
    assert (code, out) == (2, "")
    assert "--port 应为 1—65535" in err
    code, out, err = run(capsys, "hub", "serve", "--dir", hub, "--host", "192.0.2.1")
    assert (code, out) == (1, "")
    assert "不是本机的地址" in err


def test_listen_then_serve_on_the_socket(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The socket `listen` binds is the one the service answers on."""
    import threading
    import urllib.request

    import uvicorn

    from fieldapp.hub.server import HubService, listen, server_config

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    service = HubService(hub)
    server = uvicorn.Server(server_config(service, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=10) as reply:
            assert json.loads(reply.read())["hub"] == "县级汇总中心"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        service.close()
        sock.close()


def test_import_of_a_file_that_is_not_there_moves_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mistyped name (or a folder) used to read 拒收 …：这不是 fieldapp 数据包：找不到文件 …；
    已移入隔离区 (nothing was moved), a folder 数据包不完整 …（Is a directory）."""
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    stick = tmp_path / "U盘"
    stick.mkdir()
    code, out, err = run(capsys, "hub", "import", "--dir", hub, stick / "红星材.fieldsync")
    assert code == 1
    assert "找不到数据包文件" in out and "红星材.fieldsync" in out
    assert "隔离区" not in out and "不是劳动力台账的数据包" not in out
    assert "文件没有移动" in out
    code, out, err = run(capsys, "hub", "import", "--dir", hub, stick)
    assert code == 1
    assert "是文件夹" in out and "Is a directory" not in out and "隔离区" not in out
    assert list((hub / "quarantine").iterdir()) == []


def test_a_zip_bomb_sealed_to_the_hub_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    """Anyone holding an enrolment file has the hub's public key and can seal a bundle to it
    (and an enrolled device can upload one): a few hundred kilobytes that inflate to gigabytes
    took the hub's memory before anything was checked. It is refused by its declared sizes,
    without being inflated, and quarantined; the ledger does not change."""
    import io
    import tracemalloc
    import zipfile

    from fieldapp.hub.folder import Hub
    from fieldapp.sync import crypto
    from fieldapp.sync.bundle import MAGIC
    from fieldapp.sync.errors import BundleRefused

    hub = Hub.init(tmp_path / "县汇总")
    try:
        inflated = 64 << 20
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("manifest.json", b"{}")
            archive.writestr("manifest.sig", b"")
            with archive.open("changes.ndjson", "w", force_zip64=True) as member:
                for _ in range(inflated >> 20):
                    member.write(bytes(1 << 20))
        header = json.dumps({"format": 1, "to": crypto.key_id(hub.keys.box_public)})
        bomb = tmp_path / "红星村.fieldsync"
        bomb.write_bytes(
            MAGIC + header.encode() + b"\n" + crypto.seal(buffer.getvalue(), hub.keys.box_public)
        )
        assert bomb.stat().st_size < inflated // 200
        before = hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone()
        tracemalloc.start()
        try:
            with pytest.raises(BundleRefused) as refused:
                hub.import_file(bomb)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert refused.value.code == "tampered"
        assert "解压后" in str(refused.value)
        assert peak < inflated // 4
        assert refused.value.quarantined and Path(refused.value.quarantined).exists()
        assert hub.ledger.db.execute("SELECT count(*) FROM changes").fetchone() == before
    finally:
        hub.close()


def test_a_bundle_from_before_a_reenrolment_says_so_without_key_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost laptop's bundle left on a stick, imported after the laptop was enrolled again:
    the clerk read 数据包来自未登记的设备或密钥：发送方 红星村（cf8c8e02518d3915） of a device
    the devices list shows as enrolled."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub = tmp_path / "县汇总"
    device = tmp_path / "红星村.db"
    plain_hub(hub)
    enrol = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    assert run(capsys, *enrol, tmp_path / "1.enrol")[0] == 0
    assert run(capsys, "--db", device, "enrol", tmp_path / "1.enrol")[0] == 0
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["101"])
    ledger.close()
    old = tmp_path / "U盘" / "红星村.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", old)[0] == 0
    assert run(capsys, *enrol, tmp_path / "2.enrol")[0] == 0
    code, out, _err = run(capsys, "hub", "import", "--dir", hub, old)
    assert code == 1
    assert "设备「红星村」" in out and "重新登记" in out and "旧密钥" in out
    assert not re.search(r"[0-9a-f]{16}", out)


def test_bundles_refused_from_a_stick_count_under_their_device(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`hub devices` showed 拒收数据包 0 个 for a device whose bundles the clerk had just seen
    refused at `hub import` (only uploads were counted); a file nobody signed counts for no one."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub, device = _village(tmp_path, capsys)
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["101"])
    ledger.close()
    stick = tmp_path / "U盘"
    assert run(capsys, "--db", device, "sync", "export", "--out", stick / "1.fieldsync")[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, stick / "1.fieldsync")[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, stick / "1.fieldsync")[0] == 0  # again
    (stick / "废.fieldsync").write_bytes(b"FIELDAPP-BUNDLE\n{}\n")
    assert run(capsys, "hub", "import", "--dir", hub, stick / "废.fieldsync")[0] == 1
    assert run(capsys, "hub", "revoke", "--dir", hub, "--device", "红星村")[0] == 0
    assert run(capsys, "--db", device, "sync", "export", "--out", stick / "2.fieldsync")[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, stick / "2.fieldsync")[0] == 1
    code, out, _ = run(capsys, "hub", "devices", "--dir", hub, "--json")
    (listed,) = json.loads(out)
    assert (listed["device"], listed["refused_bundles"]) == ("红星村", 1)


def test_a_name_no_bundle_can_carry_is_refused_at_enrolment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A device enrolled under a name of more than 100 characters was enrolled (its file
    written), and every `sync export` on it then ended in a pydantic traceback."""
    hub = tmp_path / "县汇总"
    (tmp_path / "口令.txt").write_text("县里的口令1\n", encoding="utf-8")
    given = ("--user", "张科员", "--password-file", tmp_path / "口令.txt")  # not refused as plain
    code, _out, err = run(
        capsys, *given, "hub", "init", "--dir", tmp_path / "长", "--name", "县" * 101
    )
    assert code == 1 and "不能建立正式的汇总中心" not in err, err
    assert not (tmp_path / "长" / "hub.db").exists()
    plain_hub(hub)
    out = tmp_path / "长.enrol"
    for name in ("长" * 101, "红星\n村"):
        code, _out, err = run(
            capsys, "hub", "enroll", "--dir", hub, "--device", name, "--area", "520502101001",
            "--out", out,
        )  # fmt: skip
        assert code == 1 and err.startswith("错误：设备名称") and "Traceback" not in err
        assert not out.exists()
    code, out_text, _ = run(capsys, "hub", "devices", "--dir", hub, "--json")
    assert json.loads(out_text) == []


def test_an_older_bundle_after_a_newer_one_does_not_send_the_clerk_to_a_restore(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Last week's and this week's bundle of one village in the inbox, the newer one taken
    first: the older one is refused as a replay (as designed), but told the clerk 如果这台电脑的
    台账是从备份恢复的，请在电脑上执行 fieldapp sync restored, for a laptop never restored. It
    now says everything in it came with the newer one and nothing needs doing."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub, device = _village(tmp_path, capsys)
    for n, seq in enumerate(["101", "102"], start=1):
        ledger = Ledger.open(device)
        add_family(ledger, VILLAGE, [seq])
        ledger.close()
        assert run(capsys, "--db", device, "sync", "export", "--out", tmp_path / f"{n}.fs")[0] == 0
    code, out, _err = run(
        capsys, "hub", "import", "--dir", hub, tmp_path / "2.fs", tmp_path / "1.fs"
    )
    assert code == 1
    assert "其中的修改都已随后来的数据包导入" in out
    assert "sync restored" not in out and "备份" not in out


def test_a_postgresql_hub_whose_database_is_down_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hub kept in PostgreSQL, the database stopped (or the password missing): every hub
    command ended in psycopg's traceback, exit 1 or 0. (`hub serve` now serves all the same
    until the database is up: tests/hub/test_hub_serve_database_not_up.py.)"""
    pytest.importorskip("psycopg")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    hub = tmp_path / "县汇总"
    hub.mkdir()
    (hub / "store.url").write_text(f"postgresql://hub@127.0.0.1:{port}/fieldapp_hub\n")
    for argv in (("devices",), ("rejected",), ("policy", "list")):
        code, out, err = run(capsys, "hub", *argv, "--dir", hub)
        assert (code, out) == (1, ""), argv
        assert err.startswith("错误：连不上中心台账所在的 PostgreSQL 数据库"), err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_busy_hub_keeps_the_bundle_and_says_try_again(tmp_path: Path) -> None:
    """`hub import` while another import (or hub serve's, or a review) held the hub's write
    lock past the wait: the clerk read 数据包内容不合格：OperationalError: database is locked,
    the good bundle went to quarantine and left the inbox (an upload: 422 to the device). It
    now stays in the inbox, is not counted against the device, and imports once the hub is
    free."""
    from fieldapp.hub.folder import Hub
    from fieldapp.store.ledger import Ledger
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.exchange import export_bundle
    from tests.sync.helpers import VILLAGE, add_family

    hub = Hub.init(tmp_path / "县汇总")
    other = None
    device = Ledger.open(tmp_path / "红星村.db", author="李芳")
    try:
        hub.enroll("红星村", VILLAGE, tmp_path / "e.enrol", code=ENROL_CODE, by="县里的科员")
        enrol(device, tmp_path / "e.enrol", code=ENROL_CODE)
        add_family(device, VILLAGE, ["101"])
        export_bundle(device, hub.inbox / "红星村.fieldsync")
        other = Hub.open(hub.root)
        other.ledger.db.execute("BEGIN IMMEDIATE")  # another writer, for longer than the wait
        hub.ledger.db.execute("PRAGMA busy_timeout=200")
        (outcome,) = hub.import_inbox()
        assert outcome.code == "busy" and outcome.result is None
        assert "正忙" in (outcome.error or "") and "OperationalError" not in (outcome.error or "")
        assert outcome.quarantined is None
        assert [p.name for p in hub.inbox_files()] == ["红星村.fieldsync"]
        assert list((hub.root / "quarantine").iterdir()) == []
        other.ledger.db.execute("ROLLBACK")
        assert hub.status()[0]["refused_bundles"] == 0
        (outcome,) = hub.import_inbox()
        assert outcome.result is not None and outcome.result.new_changes > 0
        assert hub.inbox_files() == []
    finally:
        if other is not None:
            other.close()
        device.close()
        hub.close()


def test_a_hub_command_while_another_writer_holds_the_hub_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`hub enroll` (or accept, revoke, export …) while hub serve or a long hub import held the
    hub's write lock past the wait ended in sqlcipher's traceback (database is locked)."""
    import subprocess
    import sys

    from fieldapp.store import connection

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 200)  # the wait, shortened
    # Another process (file locks do not part two connections of one process).
    hold = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(hub / 'hub.db')!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        out_file = tmp_path / "锁村.enrol"
        code, out, err = run(
            capsys, "hub", "enroll", "--dir", hub, "--device", "锁村", "--area", "520502101007",
            "--out", out_file,
        )  # fmt: skip
    finally:
        holder.communicate(timeout=30)
    assert (code, out) == (1, "")
    assert err.startswith("错误：") and "正忙" in err and "Traceback" not in err
    assert "locked" not in err
    assert not out_file.exists()


def test_importing_the_hubs_own_export_says_whose_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """outbox/ sits next to inbox/: a bundle the hub exported for a village, imported at the
    hub by mistake, read 数据包不是发给本机的：收件密钥 f8459822ad2a80bb."""
    hub, _device = _village(tmp_path, capsys)
    answer = hub / "outbox" / "红星村.fieldsync"
    assert run(capsys, "hub", "export", "--dir", hub, "--device", "红星村", "--out", answer)[0] == 0
    code, out, _err = run(capsys, "hub", "import", "--dir", hub, answer)
    assert code == 1
    assert "这是中心发给设备「红星村」的数据包" in out and "sync import" in out
    assert "收件密钥" not in out
    assert answer.exists()  # the hub's export itself stays where it was


def test_a_folder_dragged_into_the_inbox_is_named_not_passed_over(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stick's whole folder dragged into inbox/: `hub import` said 没有待导入的数据包
    with the bundles right there one level down."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub, device = _village(tmp_path, capsys)
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["101"])
    ledger.close()
    bundle = hub / "inbox" / "U盘" / "红星村.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", bundle)[0] == 0
    code, out, _err = run(capsys, "hub", "import", "--dir", hub)
    assert code == 0
    assert "收件箱里的文件夹「U盘」没有导入" in out
    assert bundle.exists()


def test_enrolling_a_name_already_enrolled_says_the_old_enrolment_is_void(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enrolling a second laptop of a village under the name the first one has silently
    replaced the first one's keys (its next sync refused), with the same 已登记设备 line as a
    first enrolment. The re-enrolment of a found laptop still works as before, and is told."""
    from tests.sync.helpers import VILLAGE

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    enrol = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    code, out, _ = run(capsys, *enrol, tmp_path / "1.enrol")
    assert code == 0 and "重新登记" not in out
    code, out, _ = run(capsys, *enrol, tmp_path / "2.enrol")
    assert code == 0
    assert "注意：这是重新登记" in out and "仍在使用" in out and "另起一个设备名称" in out
    assert run(capsys, "hub", "revoke", "--dir", hub, "--device", "红星村")[0] == 0
    code, out, _ = run(capsys, *enrol, tmp_path / "3.enrol")
    assert code == 0 and "注销" in out


def test_an_upload_while_the_hub_is_busy_is_told_to_try_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hub serve while the clerk's long hub import holds the hub: the device was told
    数据包内容不合格：OperationalError: database is locked (422) and its good bundle went to
    quarantine; it now gets 503 台账正忙…请稍后再试, and the next push goes through."""
    import subprocess
    import sys

    from fieldapp.hub.folder import Hub
    from fieldapp.hub.server import ServerThread
    from fieldapp.store import connection
    from fieldapp.store.ledger import Ledger
    from fieldapp.sync.client import push
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.errors import HUB_TROUBLE_SAID, SyncError
    from tests.sync.helpers import VILLAGE, add_family

    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 300)  # the wait, shortened
    root = tmp_path / "县汇总"
    hub = Hub.init(root)
    hub.enroll("红星村", VILLAGE, tmp_path / "e.enrol", code=ENROL_CODE, by="县里的科员")
    hub.close()
    device = Ledger.open(tmp_path / "红星村.db", author="李芳")
    enrol(device, tmp_path / "e.enrol", code=ENROL_CODE)
    add_family(device, VILLAGE, ["101"])
    hold = (
        "import sqlite3, sys\n"
        f"c = sqlite3.connect({str(root / 'hub.db')!r}, isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); sys.stdin.read()\n"
    )
    try:
        with ServerThread(root) as server:
            holder = subprocess.Popen(
                [sys.executable, "-c", hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            try:
                assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
                with pytest.raises(SyncError) as busy:
                    push(device, server.url)
            finally:
                holder.communicate(timeout=30)
            assert "正忙" in str(busy.value) and "OperationalError" not in str(busy.value)
            # Said to the village as the hub's own trouble: sync again later.
            assert HUB_TROUBLE_SAID["busy"] in str(busy.value), busy.value
            assert list((root / "quarantine").iterdir()) == []
            sent, _answer = push(device, server.url)
            assert sent.changes > 0
            status = server.service.sessions.get().status()
            assert status[0]["refused_bundles"] == 0
    finally:
        device.close()


def test_the_violations_hint_names_the_hub_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an import that merged the same ID number from two villages the clerk read
    （fieldapp hub violations --dir …）: a command with a placeholder to fill in."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import add_family

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    bundles = []
    for name, area in (("红星村", "520502101001"), ("远村", "520502202001")):
        enrol, db = tmp_path / f"{name}.enrol", tmp_path / f"{name}.db"
        run(capsys, "hub", "enroll", "--dir", hub, "--device", name, "--area", area, "--out", enrol)
        assert run(capsys, "--db", db, "enrol", enrol)[0] == 0
        ledger = Ledger.open(db)
        add_family(ledger, area, ["101"])  # the same ID number in both villages
        ledger.close()
        bundles.append(tmp_path / f"{name}.fieldsync")
        assert run(capsys, "--db", db, "sync", "export", "--out", bundles[-1])[0] == 0
    code, out, _err = run(capsys, "hub", "import", "--dir", hub, *bundles)
    assert code == 0
    assert f"（fieldapp hub violations --dir {hub}）" in out


def test_a_proxy_whose_hub_is_down_is_not_a_wrong_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Behind nginx or Caddy (docs/deploy/), with hub serve stopped, the proxy answers 502:
    devices were told 中心地址不对（HTTP 502）, and coordinators changed a right address."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Proxy(BaseHTTPRequestHandler):
        status = 502

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = b"<html><body>nginx</body></html>"
            self.send_response(self.status)
            if self.status == 301:  # docs/deploy/nginx.conf's port-80 server
                self.send_header("Location", f"https://hub.example.gov.cn{self.path}")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    hub, device = _village(tmp_path, capsys)
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{proxy.server_address[1]}/"
        code, _out, err = run(capsys, "--db", device, "sync", "push", url)
        assert code == 1
        assert "中心暂时无法访问（HTTP 502）" in err and "地址不对" not in err
        # The plain-HTTP address of a hub that answers on https only: say the right one.
        Proxy.status = 301
        code, _out, err = run(capsys, "--db", device, "sync", "push", url)
        assert code == 1
        assert "中心的地址应为 https://hub.example.gov.cn/（HTTP 301）" in err
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_no_hub_at_the_address_is_said_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A push to an address where nothing serves read …：[Errno 111] Connection refused。"""

    hub, device = _village(tmp_path, capsys)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _out, err = run(capsys, "--db", device, "sync", "push", f"http://127.0.0.1:{port}/")
    assert code == 1
    assert "那里没有中心在服务" in err and "Errno" not in err and "refused" not in err


def test_a_second_serve_on_the_same_folder_is_refused_and_leaves_the_first_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second `hub serve` on the same folder (another port) cleared `uploads/` as a crash's
    leftovers — the first service's uploads in progress — and then served beside it. It is
    refused before it touches anything; once the first has stopped the folder serves again."""
    from fieldapp.hub.server import HubService

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    first = HubService(hub)
    try:
        arriving = hub / "uploads" / "a-device-uploading.fieldsync"
        arriving.write_bytes(b"half an upload")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        code, out, err = run(capsys, "hub", "serve", "--dir", hub, "--port", port)
        assert (code, out) == (1, "")
        assert "已经有一个 hub serve 在服务" in err and "Traceback" not in err
        assert arriving.read_bytes() == b"half an upload"
    finally:
        first.close()
    again = HubService(hub)
    again.close()
    assert not any((hub / "uploads").iterdir())  # the new service cleared what was left


def test_refused_files_from_sticks_past_the_quarantine_limit_are_said_and_not_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files no device signed share one part of quarantine/; past it `hub import` says the
    file was refused and not kept (the stick still has it), and the first stays."""
    import os

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    assert run(capsys, "hub", "quarantine", "--dir", hub, "--limit-mb", 1)[0] == 0
    sticks = [tmp_path / f"坏{n}.fieldsync" for n in range(2)]
    for stick in sticks:
        stick.write_bytes(os.urandom(700_000))
    code, out, err = run(capsys, "hub", "import", "--dir", hub, *sticks)
    assert code == 1, err
    first, second = out.splitlines()[:2]
    # A file named on the command line is copied in: the stick keeps it, and is said to.
    assert first.startswith("拒收 坏0.fieldsync") and "副本已放入隔离区" in first, first
    assert first.endswith("（原文件还在原处）"), first
    assert second.startswith("拒收 坏1.fieldsync") and "这个文件未保留" in second
    assert "未能确认来源的数据包" in second and "hub quarantine" in second
    assert all(stick.exists() for stick in sticks)
    kept = [p for p in (hub / "quarantine").iterdir() if not p.name.endswith(".txt")]
    assert [p.read_bytes() for p in kept] == [sticks[0].read_bytes()]
    assert not list((hub / "work").iterdir())
    code, out, err = run(capsys, "hub", "quarantine", "--dir", hub)
    assert code == 0 and "来源未能确认\t0.7 MB" in out, out


def test_a_reason_without_a_decision_is_a_usage_mistake(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Scripts tell a mistyped command line (exit 2, as argparse's own) from a refusal (1)."""
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    code, _, err = run(capsys, "hub", "rejected", "--dir", hub, "--reason", "核实过")
    assert code == 2 and "--reason 只与 --accept 或 --dismiss 一起使用" in err
    assert run(capsys, "hub", "rejected", "--dir", hub, "--dismiss", "1", "--reason", "x")[0] == 1
    # --dismiss without its reason is mistyped too (it said 1, as a refusal of the change).
    for reason in ((), ("--reason", " ")):
        code, out, err = run(capsys, "hub", "rejected", "--dir", hub, "--dismiss", "1", *reason)
        assert code == 2 and out == "", out
        assert err == "错误：不予采纳必须写明原因（--reason），设备上会看到；一条也没有处理\n"


def test_a_laptop_in_use_is_not_re_enrolled_by_a_name_typed_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enrolling 红星村's second laptop under the first one's name replaced the keys of a laptop
    that had been syncing for months, and said so only afterwards: its next bundle was refused.
    A device that has sent the hub anything is replaced only when the clerk says --replace; a
    device not synced yet (its code forgotten) is enrolled again as before."""
    from fieldapp.store.ledger import Ledger
    from tests.sync.helpers import VILLAGE, add_family

    hub, device = _village(tmp_path, capsys)
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["101"])
    ledger.close()
    first = tmp_path / "1.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", first)[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, first)[0] == 0

    enrol = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    again = tmp_path / "again.enrol"
    code, out, err = run(capsys, *enrol, again)
    assert code == 1 and out == ""
    assert "红星村" in err and "同步过" in err and "另起一个设备名称" in err
    assert "--replace" in err and "hub revoke" in err
    assert not again.exists()
    code, out, err = run(capsys, *enrol, again, "--json")
    assert code == 1 and out == "" and "--replace" in err

    # The laptop in use goes on syncing.
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["102"])
    ledger.close()
    second = tmp_path / "2.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", second)[0] == 0
    code, _out, err = run(capsys, "hub", "import", "--dir", hub, second)
    assert code == 0, err

    # Replaced on purpose (the laptop broke): told, and the old keys are void.
    code, out, err = run(capsys, *enrol, again, "--replace")
    assert code == 0, err
    assert "注意：这是重新登记" in out and again.exists()
    ledger = Ledger.open(device)
    add_family(ledger, VILLAGE, ["103"])
    ledger.close()
    third = tmp_path / "3.fieldsync"
    assert run(capsys, "--db", device, "sync", "export", "--out", third)[0] == 0
    assert run(capsys, "hub", "import", "--dir", hub, third)[0] != 0


def test_hub_init_on_a_database_it_cannot_use_says_why_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postgres_admin: str
) -> None:
    """`hub init --store` printed psycopg's English over two lines (connection failed: …
    Connection refused / Is the server running on that host…; FATAL: database "…" does not
    exist); the clerk now reads what is wrong and what to do, the database's words last."""
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base, _, query = postgres_admin.partition("?")
    missing = base.rsplit("/", 1)[0] + "/no_such_hub" + (f"?{query}" if query else "")
    for url, said in (
        (f"postgresql://hub@127.0.0.1:{port}/fieldapp_hub", "数据库服务器没有响应"),
        (missing, "数据库服务器上没有名为「no_such_hub」的数据库"),
    ):
        code, out, err = run(capsys, "hub", "init", "--dir", tmp_path / "县汇总", "--store", url)
        assert (code, out) == (1, "")
        assert err.startswith("错误：连不上中心台账所在的 PostgreSQL 数据库"), err
        assert said in err, err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert not (tmp_path / "县汇总" / "store.url").exists()


def test_a_refused_password_is_named_as_the_password() -> None:
    """libpq's words for a refused or missing password (the session's test server trusts
    every local user, so they are given as the driver gives them) become the clerk's."""
    from fieldapp.hub.folder import unreachable

    url = "postgresql://hub@db.example.gov.cn/fieldapp_hub"
    for said in (
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
        'password authentication failed for user "hub"\npassword retrieved from file "~/.pgpass"',
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
        "fe_sendauth: no password supplied",
    ):
        text = unreachable(url, Exception(said))
        assert "数据库不接受用户「hub」的口令" in text and "~/.pgpass" in text, text
        assert "\n" not in text


def test_a_postgresql_hub_initialised_with_a_user_says_the_password_is_not_its_lock(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    postgres_admin: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/hub.md says a real hub is initialised with --user and a password; with --store the
    password was taken (asked for on a terminal) and silently ignored — no user was made and
    every hub command ran without one, while the clerk believed the hub was locked."""
    from fieldapp.store.postgres import create_database

    url = create_database(postgres_admin, "hub_with_user")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "张科员的口令123")
    code, out, err = run(
        capsys, "--user", "张科员", "hub", "init", "--dir", tmp_path / "县汇总", "--store", url
    )
    assert code == 0 and "已建立汇总中心" in out, err
    assert "PostgreSQL" in err and "~/.pgpass" in err and "--user" in err, err
    assert len(err.strip().splitlines()) == 1


def test_a_password_written_into_the_database_address_is_not_repeated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postgres_admin: str
) -> None:
    """A clerk who wrote the password into --store (docs/hub.md says not to) saw it printed
    back in every 连不上… sentence — on the terminal and in hub serve's service log — and was
    not told it now sits in store.url in plain text."""
    from fieldapp.store.postgres import create_database

    base = create_database(postgres_admin, "hub_pw_in_url")
    with_password = base.replace("postgresql://", "postgresql://postgres:S3cret-pw@", 1)
    if "@" in base.split("//", 1)[1].split("/", 1)[0]:  # the admin URL names its user already
        scheme, rest = base.split("//", 1)
        user, host = rest.split("@", 1)
        with_password = f"{scheme}//{user.split(':')[0]}:S3cret-pw@{host}"
    code, out, err = run(
        capsys, "hub", "init", "--dir", tmp_path / "县汇总", "--store", with_password
    )
    assert code == 0, err
    assert "store.url" in err and "~/.pgpass" in err and "S3cret-pw" not in err + out
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    down = tmp_path / "停了的中心"
    down.mkdir()
    (down / "store.url").write_text(f"postgresql://hub:S3cret-pw@127.0.0.1:{port}/fieldapp_hub\n")
    for argv in (
        ("devices",),
        ("init", "--store", f"postgresql://hub:S3cret-pw@127.0.0.1:{port}/x"),
    ):
        folder = down if argv[0] == "devices" else tmp_path / "另一个"
        code, out, err = run(capsys, "hub", *argv, "--dir", folder)
        assert code == 1 and "连不上" in err, err
        assert "S3cret-pw" not in err and "hub:***@127.0.0.1" in err, err


def test_revoking_and_enrolling_again_write_times_as_a_clerk_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A lost laptop: hub revoke printed 已注销设备 红星村（2026-12-03T22:19:36）, and enrolling the
    new laptop 原来的登记（2026-12-03T22:19:14 登记，已于 2026-12-03T22:19:36 注销） — times with
    a T no clerk writes (hub devices writes 2026-12-03 22:19 since 2ef53e7); both now do too."""
    from tests.sync.helpers import VILLAGE

    hub = tmp_path / "县汇总"
    plain_hub(hub)
    enrol = ("hub", "enroll", "--dir", hub, "--device", "红星村", "--area", VILLAGE, "--out")
    assert run(capsys, *enrol, tmp_path / "1.enrol")[0] == 0
    code, out, _ = run(capsys, "hub", "revoke", "--dir", hub, "--device", "红星村")
    assert code == 0
    assert re.search(r"已注销设备 红星村（\d{4}-\d\d-\d\d \d\d:\d\d）", out), out
    code, out, _ = run(capsys, *enrol, tmp_path / "2.enrol")
    assert code == 0
    said = re.search(r"原来的登记（(\S+ \S+) 登记，已于 (\S+ \S+) 注销）", out)
    assert said and all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", t) for t in said.groups()), out


def test_hub_import_prints_a_hostile_file_name_as_letters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bundle's file name (and the quarantine path made from it, a folder's name, the error
    quoting it) is read from a stick: `hub import` printed it raw, so a name holding ESC[2J
    cleared the clerk's terminal and BEL rang it. Every one is now written as \\uXXXX."""
    hub = tmp_path / "县汇总"
    plain_hub(hub)
    hostile = "红星\x1b[2J村\x07.fieldsync"
    (hub / "inbox" / hostile).write_bytes(b"not a bundle at all")
    (hub / "inbox" / "U\x1b]0;x\x07盘").mkdir()
    code, out, _err = run(capsys, "hub", "import", "--dir", hub)
    assert code == 1
    assert "拒收 红星\\u001b[2J村\\u0007.fieldsync" in out
    assert "已移入隔离区" in out
    assert "收件箱里的文件夹「U\\u001b]0;x\\u0007盘」没有导入" in out
    missing = tmp_path / "U盘" / "缺\x1b[31m.fieldsync"
    code, out2, _err = run(capsys, "hub", "import", "--dir", hub, missing)
    assert code == 1
    assert "未导入 缺\\u001b[31m.fieldsync" in out2
    for said in (out, out2):
        assert "\x1b" not in said and "\x07" not in said
