"""A village that exchanges only by USB stick was never told the hub refused its bundle: over
HTTP the refusal comes back at once, but a stick's bundle is refused at the county with nobody
from the village there, and the answer the township carried back said nothing of it. The hub
now names the device's refused bundles in its answer (a file beside the manifest, signed for
the bundle), in a coordinator's words; an older device reads the answer as before, this one
reads an older hub's answer, and a village past it (a new numbering, a bundle that got through)
is not told again."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync import crypto
from fieldapp.sync.bundle import REFUSED_FILE, REFUSED_SIG, Manifest, read_header
from fieldapp.sync.errors import AlreadyImported, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.helpers.copied_back_stick import DEVICE, copy_back
from tests.sync.helpers import VILLAGE, add_family, keys_of, repack, unpack

#: Anything of the command line or an id: a command, an option, a hex run, a change key.
NOT_FOR_A_COORDINATOR = re.compile(r"fieldapp|--|[0-9a-f]{8,}|:\d+\b")


def copied_back(hub: Hub, make_device, tmp_path: Path) -> tuple[Ledger, Path]:  # noqa: ANN001
    """A village ledger that sent two bundles by stick, then was copied back from a backup
    taken between them (its disk replaced) and did more work; its third bundle, on the
    township's stick: the hub refuses it."""
    device = copy_back(hub, make_device, tmp_path, ["107"])
    add_family(device, VILLAGE, ["109"], surname="赵")
    stick = export_bundle(device, tmp_path / "3.fieldsync")
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(stick.path)  # as `hub import` takes the stick's bundles
    assert refused.value.code == "reused_seq"
    return device, stick.path


def test_the_answer_names_a_bundle_refused_from_a_stick(hub, make_device, tmp_path):
    device, _ = copied_back(hub, make_device, tmp_path)
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    got = import_bundle(device, answer.path)
    (said,) = got.refused
    assert (said.code, said.serial, said.origin, said.channel) == (
        "reused_seq",
        2,  # the backup's serial count: its second bundle, again
        device.device_id,
        "usb",
    )
    assert "备份" in said.words and not NOT_FOR_A_COORDINATOR.search(said.words), said.words
    device.close()


def test_the_command_line_says_it_after_an_import(hub, make_device, tmp_path, capsys):
    device, _ = copied_back(hub, make_device, tmp_path)
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    device.close()
    capsys.readouterr()
    assert (
        cli(["--db", str(tmp_path / DEVICE / "ledger.db"), "sync", "import", str(answer.path)]) == 0
    )
    out = capsys.readouterr().out
    assert "县里没有接收本机的第 2 号数据包" in out and "fieldapp sync restored" in out, out


def test_an_older_device_reads_the_answer_and_this_one_an_older_hubs(hub, make_device, tmp_path):
    device, _ = copied_back(hub, make_device, tmp_path)
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    parts = unpack(answer.path, device)
    # The manifest an older device validates (unknown keys refused) is as it was: the
    # refusals travel in two more files, which an older device never opens.
    Manifest.model_validate_json(parts["manifest.json"])
    assert REFUSED_FILE not in parts["manifest.json"].decode()
    older = repack(parts, device, answer.path, tmp_path / "older.fieldsync")  # an older hub's
    got = import_bundle(device, older)
    assert got.refused == [] and got.changes == answer.changes
    device.close()


def test_a_refusal_altered_on_the_way_is_refused(hub, make_device, tmp_path):
    device, _ = copied_back(hub, make_device, tmp_path)
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    files = inner_files(answer.path, device)
    assert {REFUSED_FILE, REFUSED_SIG} <= files.keys()
    files[REFUSED_FILE] = files[REFUSED_FILE].replace(b"reused_seq", b"number_clash")
    forged = repack(files, device, answer.path, tmp_path / "forged.fieldsync")
    with pytest.raises(BundleRefused) as refused:
        import_bundle(device, forged)
    assert refused.value.code == "tampered"
    del files[REFUSED_SIG]  # nor without its signature
    unsigned = repack(files, device, answer.path, tmp_path / "unsigned.fieldsync")
    with pytest.raises(BundleRefused) as refused:
        import_bundle(device, unsigned)
    assert refused.value.code == "tampered"
    device.close()


def test_a_village_past_it_is_not_told_again(hub, make_device, tmp_path):
    device, _ = copied_back(hub, make_device, tmp_path)
    first = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    start_new_incarnation(device)  # 是: a new numbering, as `sync restored` starts it
    # The answer still names the refused bundle, of the numbering left: not said again.
    assert import_bundle(device, first.path).refused == []
    hub.import_file(export_bundle(device, tmp_path / "4.fieldsync").path)  # it gets through
    assert HubLog(hub.ledger.db).refusals(DEVICE) == []
    after = hub.export_for(DEVICE, tmp_path / "after.fieldsync")
    assert REFUSED_FILE not in inner_files(after.path, device)
    assert import_bundle(device, after.path).refused == []
    device.close()


def test_the_new_numbering_after_the_answer_keeps_the_work(hub, make_device, tmp_path):
    """The answer naming the refusal is imported first, then the new numbering started (the
    page's 是 comes after the import): the hub's word that it holds this numbering up to its
    lost timeline's last change is not taken as an acknowledgement of the work made since the
    copy under the same numbers, which moves to the new numbering and reaches the hub."""
    device, _ = copied_back(hub, make_device, tmp_path)
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync")
    assert import_bundle(device, answer.path).refused
    start_new_incarnation(device)
    hub.import_file(export_bundle(device, tmp_path / "4.fieldsync").path)
    import_bundle(device, hub.export_for(DEVICE, tmp_path / "after.fieldsync").path)
    on_device = {r["name"] for r in device.db.query("SELECT name FROM persons")}
    at_hub = {r["name"] for r in hub.ledger.db.query("SELECT name FROM persons")}
    assert {"李0", "王0", "赵0"} <= on_device, on_device  # the lost timeline's 王 came back
    assert {"李0", "王0", "赵0"} <= at_hub, at_hub
    device.close()


def inner_files(path: Path, device: Ledger) -> dict[str, bytes]:
    """Every inner file of a bundle sealed to `device`."""
    keys = keys_of(device)
    data = path.read_bytes()
    plain = crypto.unseal(data[read_header(data)["_body"] :], keys.box_secret)
    assert plain is not None
    with zipfile.ZipFile(io.BytesIO(plain)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_an_old_answer_naming_the_refusal_replayed_moves_nothing(hub, make_device, tmp_path):
    """The township's stick keeps the answer that named the copy's refused bundle, and one the
    hub made before it. Once the village took the new numbering and exchanged again, either
    imported again (replayed, by mistake or on purpose) is refused as already had: it neither
    tells the village it was copied back again (a second new numbering, reprinting every
    paper), nor takes back an acknowledgement, nor moves any of its work."""
    device, _ = copied_back(hub, make_device, tmp_path)
    older = hub.export_for(DEVICE, tmp_path / "older.fieldsync").path
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync").path
    assert import_bundle(device, answer).copied_back
    start_new_incarnation(device)
    numbering = device.device_id
    hub.import_file(export_bundle(device, tmp_path / "4.fieldsync").path)
    import_bundle(device, hub.export_for(DEVICE, tmp_path / "after.fieldsync").path)
    acks = SyncState(device.db).acks(hub.identity.name)
    for replayed in (answer, older):
        with pytest.raises((BundleRefused, AlreadyImported)) as refused:
            import_bundle(device, replayed)
        assert getattr(refused.value, "code", "already") in ("replay", "already"), refused.value
    assert device.device_id == numbering
    assert SyncState(device.db).acks(hub.identity.name) == acks
    device.close()
