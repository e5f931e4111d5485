"""A device's ledger restored from a backup (or copied back) takes the device's place at the hub
under a new change-log id (`sync restored`, `incarnation.start_new_incarnation`). The hub bound
the new id and reset the device's counters, and told nobody: a stolen copy of a laptop's ledger
"restored" elsewhere was from then on the device at the hub, the county none the wiser. Each
such bundle now records a `restored` event (`hub_device_events`, append-only, in the import's
transaction), `hub devices` (text, --json, --history) says it, and `hub import` tells the
clerk (`intake.RESTORED_AT_HUB`). A device's first bundle is no restore, nor a new laptop's
first after the county enrolled it in place of a lost one; a refused stale bundle records
nothing. A restore is not an enrolment: `enrolled_by` stays who at the county enrolled it.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path

import pytest

from fieldapp.domain.dates import china_minute, now_stamp
from fieldapp.domain.sentences import said
from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.ledger import Ledger
from fieldapp.sync import intake
from fieldapp.sync.client import push
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.helpers.cli import run
from tests.sync.helpers import VILLAGE, add_family

#: The template `hub import` says here (`test_every_template_is_met_by_a_scenario`).
SAID_HERE = frozenset({intake.RESTORED_AT_HUB})
NAME = "红星村"
USER = "张三"
WHO = f"{USER}@{NAME}"  # as the ledger writes an author
ENROLLED_BY = "县里的科员"  # as `make_device` enrols


def _synced(hub: Hub, device: Ledger, folder: Path, tag: str) -> None:
    """One exchange of `device` with `hub` by files (its bundle in, the answer back)."""
    hub.import_file(export_bundle(device, folder / f"{tag}.fs").path)
    import_bundle(device, hub.export_for(NAME, folder / f"{tag}a.fs").path)


def _backup(ledger: Ledger, to: Path) -> Path:
    ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(ledger.path, to)
    return to


def _device(hub: Hub, make_device, tmp_path: Path) -> tuple[Ledger, Path]:
    """红星村's laptop, synced, backed up, then synced again with more work."""
    device = make_device(NAME, VILLAGE)
    add_family(device, VILLAGE, ["101"])
    _synced(hub, device, tmp_path, "1")
    backup = _backup(device, tmp_path / "backup.db")
    add_family(device, VILLAGE, ["103"], surname="李")
    _synced(hub, device, tmp_path, "2")
    return device, backup


def _restored_by_command(device: Ledger, backup: Path, capsys) -> Ledger:
    """The laptop's disk died: the backup put back, `fieldapp sync restored` run, and
    张三 enters something."""
    path = Path(device.path)
    device.close()
    shutil.copy(backup, path)
    code, _out, err = run(capsys, "--db", path, "sync", "restored")
    assert code == 0, err
    restored = Ledger.open(path, author=USER)
    add_family(restored, VILLAGE, ["105"], surname="张")
    return restored


def _import(hub: Hub, device: Ledger, tmp_path: Path, tag: str, capsys) -> str:
    """The device's bundle imported with `hub import` (what the clerk reads)."""
    bundle = export_bundle(device, tmp_path / f"{tag}.fs").path
    code, out, err = run(capsys, "hub", "import", "--dir", hub.root, bundle)
    assert code == 0, out + err
    return out


def _listed(hub: Hub, capsys) -> tuple[dict[str, object], str]:
    """The device in `hub devices --json`, and its line of `hub devices`."""
    code, out, err = run(capsys, "hub", "devices", "--dir", hub.root, "--json")
    assert code == 0, err
    (item,) = [d for d in json.loads(out) if d["device"] == NAME]
    code, out, err = run(capsys, "hub", "devices", "--dir", hub.root)
    assert code == 0, err
    (line,) = [line for line in out.splitlines() if line.startswith(f"{NAME}\t")]
    return item, line


def _next_second() -> None:
    """Wait until the hub's clock, kept to the second (`now_stamp`), has moved on."""
    was = now_stamp()
    while now_stamp() == was:
        time.sleep(0.05)


def _restores(hub: Hub) -> list[dict[str, object]]:
    return [e for e in hub.device_events(NAME) if e["event"] == "restored"]


def test_a_restored_ledger_taking_the_devices_place_is_told_to_the_county(
    hub: Hub, make_device, tmp_path: Path, capsys
) -> None:
    device, backup = _device(hub, make_device, tmp_path)
    stale = Ledger.open(_backup(device, tmp_path / "stale.db"), author="红星村员")
    assert _restores(hub) == []  # two bundles of its first incarnation: no restore
    restored = _restored_by_command(device, backup, capsys)

    out = _import(hub, restored, tmp_path, "3", capsys)
    assert str(said(intake.RESTORED_AT_HUB, NAME)) in out, out
    assert "请马上核查（台账可能被复制到了别的电脑）" in out, out
    (event,) = _restores(hub)
    assert (event["by"], event["role"], event["area"]) == (WHO, "coordinator", VILLAGE)
    assert event["key_id"] == hub.device(NAME).key_id
    assert str(event["at_china"]).endswith("+08:00"), event

    item, line = _listed(hub, capsys)
    assert item["restored"] == 1 and item["last_restored"] == event["at"], item
    assert item["last_restored_china"] == event["at_china"], item
    assert item["last_restored_by"] == WHO
    assert item["enrolled_by"] == ENROLLED_BY, item  # a restore is no enrolment
    minute = china_minute(event["at"])
    assert f"从备份恢复 1 次，最近 {minute}（设备上：{WHO}）" in line, line
    code, out, err = run(capsys, "hub", "devices", "--dir", hub.root, "--history", NAME)
    assert code == 0, err
    (told,) = [x for x in out.splitlines() if "从备份恢复" in x]
    assert told.startswith(f"{minute}\t从备份恢复（换了台账标识，之后的数据包以恢复后的为准）\t")
    assert told.endswith(f"设备上：{WHO}"), told

    # A bundle of the ledger as it was before the restore is stale: refused, nothing recorded.
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(stale, tmp_path / "stale.fs").path)
    assert str(said(intake.BEFORE_RESTORE, NAME)) in str(refused.value), str(refused.value)
    assert len(_restores(hub)) == 1
    stale.close()

    # Its next bundle, same incarnation: nothing more said or recorded.
    add_family(restored, VILLAGE, ["107"], surname="王")
    assert "从备份恢复" not in _import(hub, restored, tmp_path, "4", capsys)
    assert len(_restores(hub)) == 1
    import_bundle(restored, hub.export_for(NAME, tmp_path / "4a.fs").path)  # all acknowledged

    # Restored once more (the desktop's restore: the service): counted twice, the first kept.
    start_new_incarnation(restored)
    again = _import(hub, restored, tmp_path, "5", capsys)
    assert str(said(intake.RESTORED_AT_HUB, NAME)) in again, again
    first, second = _restores(hub)
    assert first == event
    # Nothing under the new id yet (the restore moved none: the hub had all): said as such.
    assert second["by"] == intake.RESTORER_UNSAID
    item, line = _listed(hub, capsys)
    assert (item["restored"], item["last_restored"]) == (2, second["at"]), item
    assert item["enrolled_by"] == ENROLLED_BY, item
    assert f"从备份恢复 2 次，最近 {china_minute(second['at'])}" in line, line
    restored.close()


def test_a_devices_first_bundle_and_a_new_laptops_first_are_no_restore(
    hub: Hub, make_device, tmp_path: Path, capsys
) -> None:
    device = make_device(NAME, VILLAGE)
    add_family(device, VILLAGE, ["101"])
    out = _import(hub, device, tmp_path, "1", capsys)
    assert "从备份恢复" not in out, out
    item, line = _listed(hub, capsys)
    assert (item["restored"], item["last_restored"], item["last_restored_china"]) == (
        0,
        None,
        None,
    )
    assert "从备份恢复" not in line, line
    device.close()

    # The laptop lost: the county enrols a new one in its place, with its own fresh ledger
    # (days later: the hub's times are kept to the second, one taken as the import's is later).
    _next_second()
    folder = tmp_path / "new"
    folder.mkdir()
    hub.enroll(NAME, VILLAGE, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
    laptop = Ledger.open(folder / "ledger.db", author=USER)
    enrol(laptop, folder / "enrol.json", code=ENROL_CODE)
    add_family(laptop, VILLAGE, ["103"], surname="李")
    assert "从备份恢复" not in _import(hub, laptop, tmp_path, "2", capsys)
    assert _restores(hub) == []
    assert [e["event"] for e in hub.device_events(NAME)] == ["enrolled", "reenrolled"]
    laptop.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_service_logs_it_for_the_clerk(
    server, hub: Hub, make_device, tmp_path: Path, capsys, caplog
) -> None:
    """Over HTTP the clerk reads the hub's log (the service's window, its log file)."""
    device, backup = _device(hub, make_device, tmp_path)
    restored = _restored_by_command(device, backup, capsys)
    with caplog.at_level(logging.WARNING, logger="fieldapp.hub"):
        push(restored, server.url)
    assert str(intake.restored_said(NAME)) in caplog.text, caplog.text
    assert [e["by"] for e in _restores(hub)] == [WHO]
    restored.close()
