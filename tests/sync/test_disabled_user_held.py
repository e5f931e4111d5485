"""A user disabled on a village laptop stays disabled at the hub (issues 13 and 16).

The attack: 王强, an administrator of 红星村's laptop, keeps a copy of the ledger folder (its key
file still opens with his password) before 李芳 disables him. He restores the copy on another
computer, runs `sync restored` (a new incarnation of the same enrolled device: the device key is
in the copy) and sends changes as 王强@红星村. Disabling now reaches the hub with the laptop's
next bundle, and the hub holds whatever is authored as a disabled user on that device, from any
incarnation of it — never projected, never forwarded. The old copy cannot lift that by saying
"enabled again" itself (it signs with the same key as the honest laptop): only the county does,
at the hub (`hub users --enable`); the county may also disable a user of a lost laptop there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.services import users
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store import users as stored_users
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from fieldapp.sync.bundle import USERS_FILE, USERS_SIG, open_bundle
from fieldapp.sync.client import push
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import VILLAGE, add_family, keys_of, repack, unpack

LI = Credentials("李芳", "村里的口令1")
WANG = Credentials("王强", "王强的口令9")


def _names(ledger: Ledger) -> set[str]:
    return {r[0] for r in ledger.db.execute("SELECT name FROM persons WHERE deleted = 0")}


def _round(device: Ledger, name: str, hub: Hub, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    n = len(list(folder.iterdir()))
    sent = export_bundle(device, folder / f"up{n}.fieldsync")
    hub.import_file(sent.path)
    answer = hub.export_for(name, folder / f"down{n}.fieldsync")
    import_bundle(device, answer.path)


def _held(hub: Hub) -> dict[str, str]:
    """Held changes' authors by rule, one author a rule (the rules this test meets)."""
    return {h.rule: h.change.author for h in hub.rejected()}


def _village(tmp_path: Path) -> tuple[Hub, Path, Ledger]:
    """红星村's laptop (李芳, and 王强 an administrator too) and a second laptop of the village,
    both synced once; 王强 has written a family. Returns the hub, the laptop's ledger path and
    the second laptop."""
    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", VILLAGE, tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    hub.enroll("红星村二号", VILLAGE, tmp_path / "r2.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "laptop" / "ledger.db"
    laptop = Ledger.open(path, credentials=LI)
    enrol(laptop, tmp_path / "r.enrol", code=ENROL_CODE)
    users.add_user(laptop, WANG.user, WANG.password, admin=True)
    laptop.close()
    laptop = Ledger.open(path, credentials=WANG)
    add_family(laptop, VILLAGE, ["201"], surname="王")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    laptop.close()
    second = Ledger.open(tmp_path / "second" / "ledger.db", credentials=LI)
    enrol(second, tmp_path / "r2.enrol", code=ENROL_CODE)
    _round(second, "红星村二号", hub, tmp_path / "sticks2")
    return hub, path, second


def _disable_wang(path: Path, hub: Hub, tmp_path: Path) -> None:
    """李芳 disables 王强 on the laptop (the key is changed, as the settings page does), writes a
    family of her own and syncs."""
    laptop = Ledger.open(path, credentials=LI)
    users.disable_user(laptop, WANG.user)
    unlocked = laptop.unlocked
    assert unlocked is not None
    laptop.close()
    users.rotate_key(path, unlocked)
    laptop = Ledger.open(path, credentials=LI)
    add_family(laptop, VILLAGE, ["202"], surname="李")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    laptop.close()


def _restored_elsewhere(copy: Path, tmp_path: Path) -> Ledger:
    """The old copy put on another computer, opened with 王强's password, `sync restored`."""
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(copy, elsewhere)
    old = Ledger.open(elsewhere / "ledger.db", credentials=WANG)
    start_new_incarnation(old)
    return old


def test_a_copy_kept_before_disabling_sends_nothing_as_the_disabled_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hub, path, second = _village(tmp_path)
    kept = tmp_path / "wang-kept"
    shutil.copytree(path.parent, kept)  # the folder, key file and all, before the disabling
    _disable_wang(path, hub, tmp_path)
    assert hub.log.disabled_users("红星村") == {"王强"}
    assert "李0" in _names(hub.ledger)  # the laptop's own work lands
    assert "王0" in _names(hub.ledger)  # what 王强 wrote before he was disabled stays

    old = _restored_elsewhere(kept, tmp_path)
    add_family(old, VILLAGE, ["203"], surname="偷")
    _round(old, "红星村", hub, tmp_path / "sticks3")
    assert "偷0" not in _names(hub.ledger)
    assert _held(hub) == {"user_disabled": "王强@红星村"}
    held = hub.rejected()[0]
    assert "王强" in held.reason and "红星村" in held.reason
    # The copy is told as any device is told of its held changes.
    old.close()
    monkeypatch.setenv("FIELDAPP_USER", WANG.user)
    monkeypatch.setenv("FIELDAPP_PASSWORD", WANG.password)
    assert cli(["--db", str(tmp_path / "elsewhere" / "ledger.db"), "sync", "status", "--json"]) == 0
    reported = json.loads(capsys.readouterr().out)["rejected"]
    assert reported and {r["rule"] for r in reported} == {"user_disabled"}
    assert all(r["status"] == "held" for r in reported)

    # The honest laptop goes on: 李芳's changes land; the village's other laptop never sees
    # the copy's family. (The copy's new incarnation is the device's at the hub now: the
    # laptop's next bundle is refused as one from before a restore, and it starts an
    # incarnation of its own, as the sync page asks it to.)
    laptop = Ledger.open(path, credentials=LI)
    start_new_incarnation(laptop)
    add_family(laptop, VILLAGE, ["204"], surname="赵")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    laptop.close()
    assert "赵0" in _names(hub.ledger)
    _round(second, "红星村二号", hub, tmp_path / "sticks2")
    assert {"王0", "李0", "赵0"} <= _names(second) and "偷0" not in _names(second)
    second.close()
    hub.close()


def test_the_old_copy_cannot_enable_itself_again_at_the_hub(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub, path, second = _village(tmp_path)
    second.close()
    kept = tmp_path / "wang-kept"
    shutil.copytree(path.parent, kept)
    _disable_wang(path, hub, tmp_path)
    old = _restored_elsewhere(kept, tmp_path)
    # A tampered program on the copy writes what the laptop writes when an administrator
    # disables 王强 and enables him again — the bundle says "enabled again", signed with the
    # device's key — and writes on as him.
    stored_users.set_disabled(old.db, WANG.user, True, "李芳")
    stored_users.set_disabled(old.db, WANG.user, False, "李芳")
    add_family(old, VILLAGE, ["205"], surname="偷")
    _round(old, "红星村", hub, tmp_path / "sticks3")
    assert hub.log.disabled_users("红星村") == {"王强"}
    asked = hub.log.device_users("红星村")["王强"]["enable_asked"]
    assert asked["by"] == "李芳@红星村"  # kept for the county to see, lifting nothing
    assert "偷0" not in _names(hub.ledger)
    assert _held(hub) == {"user_disabled": "王强@红星村"}
    # Nor a change authored as another user of the device whose name it carries in the
    # users file: the file lifts nothing whoever it names.
    add_family(old, VILLAGE, ["206"], surname="窃")
    _round(old, "红星村", hub, tmp_path / "sticks3")
    assert "窃0" not in _names(hub.ledger)
    # Nor can the copy, where 王强 is an administrator, shut out the laptop's other users by
    # disabling them there: a disabling by a user the hub holds disabled is not the device's.
    users.disable_user(old, LI.user)
    _round(old, "红星村", hub, tmp_path / "sticks3")
    assert hub.log.disabled_users("红星村") == {"王强"}
    old.close()
    laptop = Ledger.open(path, credentials=LI)
    start_new_incarnation(laptop)  # (the copy's incarnation is the device's at the hub now)
    add_family(laptop, VILLAGE, ["209"], surname="吴")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    laptop.close()
    assert "吴0" in _names(hub.ledger)  # 李芳's, as ever
    assert _held(hub) == {"user_disabled": "王强@红星村"}
    hub.close()
    # The county sees the request, and who the device says made it.
    assert cli(["hub", "users", "--dir", str(tmp_path / "hub")]) == 0
    listed = capsys.readouterr().out
    assert "红星村  王强  停用（设备告知，李芳@红星村" in listed
    assert "由 李芳@红星村 重新启用，县里核实后" in listed


def test_the_county_disables_a_user_of_a_lost_laptop_and_enables_them_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub, path, second = _village(tmp_path)
    second.close()
    hub_dir = str(tmp_path / "hub")
    hub.close()
    assert cli(["hub", "users", "--dir", hub_dir, "--disable", "红星村", "王强"]) == 0
    assert "已在中心停用" in capsys.readouterr().out
    assert cli(["hub", "users", "--dir", hub_dir]) == 0
    listed = capsys.readouterr().out
    assert "红星村  王强  停用（县里决定" in listed
    assert cli(["hub", "users", "--dir", hub_dir, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["device"], row["user"], row["disabled"], row["source"]) == (
        "红星村",
        "王强",
        True,
        "county",
    )
    hub = Hub.open(tmp_path / "hub")
    laptop = Ledger.open(path, credentials=WANG)  # the laptop never heard of it
    add_family(laptop, VILLAGE, ["207"], surname="孙")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    assert "孙0" not in _names(hub.ledger)
    assert _held(hub) == {"user_disabled": "王强@红星村"}
    hub.close()
    # The county checked with the village: 王强 is enabled again; his next change lands.
    assert cli(["hub", "users", "--dir", hub_dir, "--enable", "红星村", "王强"]) == 0
    capsys.readouterr()
    hub = Hub.open(tmp_path / "hub")
    # What was held meanwhile the county decides as any held change: accepted, it lands.
    for held in hub.rejected("held"):
        hub.accept(held.id, "县里的科员", "核实：王强未停用")
    assert "孙0" in _names(hub.ledger)
    add_family(laptop, VILLAGE, ["208"], surname="周")
    _round(laptop, "红星村", hub, tmp_path / "sticks")
    assert "周0" in _names(hub.ledger)
    # The laptop's own word that 王强 is enabled (he never was disabled there) changes nothing.
    assert hub.log.disabled_users("红星村") == frozenset()
    laptop.close()
    hub.close()


def test_over_http_the_copys_upload_is_held_too(tmp_path: Path) -> None:
    hub, path, second = _village(tmp_path)
    kept = tmp_path / "wang-kept"
    shutil.copytree(path.parent, kept)
    with ServerThread(hub.root) as server:
        laptop = Ledger.open(path, credentials=LI)
        users.disable_user(laptop, WANG.user)
        push(laptop, server.url)  # the disabling reaches the hub with the upload
        laptop.close()
        old = _restored_elsewhere(kept, tmp_path)
        add_family(old, VILLAGE, ["210"], surname="偷")
        push(old, server.url)
        old.close()
        push(second, server.url)
    assert _held(hub) == {"user_disabled": "王强@红星村"}
    assert "偷0" not in _names(hub.ledger) and "偷0" not in _names(second)
    second.close()
    hub.close()


def test_the_word_of_a_disabling_is_signed_for_its_own_bundle(tmp_path: Path) -> None:
    hub, path, second = _village(tmp_path)
    second.close()
    laptop = Ledger.open(path, credentials=LI)
    users.disable_user(laptop, WANG.user)
    first = export_bundle(laptop, tmp_path / "first.fieldsync").path
    laptop.close()
    keys = keys_of(hub.ledger)
    opened = open_bundle(first.read_bytes(), keys.box_secret, keys.box_public)
    told, signature = opened.users_files
    assert told is not None and signature is not None and "王强".encode() in told
    parts = unpack(first, hub.ledger)
    # Altered (another name), or left without its signature: the bundle is refused whole.
    swapped = told.replace("王强".encode(), "李芳".encode())
    for extra in ({USERS_FILE: swapped, USERS_SIG: signature}, {USERS_FILE: told}):
        forged = repack(parts | extra, hub.ledger, first, tmp_path / "forged.fieldsync")
        with pytest.raises(BundleRefused) as refused:
            hub.import_file(forged)
        assert refused.value.code == "tampered"
    assert hub.log.disabled_users("红星村") == frozenset()
    hub.import_file(first)
    assert hub.log.disabled_users("红星村") == {"王强"}
    hub.close()
