"""Over HTTP, a laptop copied back from a backup by hand with nothing new since uploads a
bundle numbered as the lost timeline's last: the hub refused it as already imported and told
it 其中的修改都已随后来的数据包导入，不必再导入，也不必在设备上做什么 — wrong for it: its next work
goes under numbers the hub holds with other content. An upload is exported just now, so its
bundle says how many of its own changes the ledger holds; when the hub holds more, it says the
ledger was copied back and what to do, and gives the number: the device tells by it (as by an
answer's numbers) and the sync page asks its copied-back question. A stick's older bundle
after a newer one is still told there is nothing to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.sync.client import push
from fieldapp.sync.errors import BundleRefused, HubRefused
from fieldapp.sync.exchange import export_bundle
from tests.helpers.copied_back_stick import copy_back
from tests.sync.helpers import VILLAGE, add_family

NOTHING_TO_DO = "不必在设备上做什么"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_copied_back_upload_with_nothing_new_is_told_so(server, hub, make_device, tmp_path):
    device = copy_back(hub, make_device, tmp_path, ["107"])
    with pytest.raises(HubRefused) as refused:
        push(device, server.url)
    said = str(refused.value)
    assert refused.value.code == "replay" and refused.value.copied_back, said
    assert NOTHING_TO_DO not in said, said
    assert "比它的台账里现有的还多" in said and "拷回来过" in said, said
    assert "fieldapp sync restored" in said, said  # what the command line types
    # The new numbering: the work made since the copy reaches the county.
    start_new_incarnation(device)
    add_family(device, VILLAGE, ["109"], surname="赵")
    push(device, server.url)
    names = {r["name"] for r in hub.ledger.db.query("SELECT name FROM persons")}
    assert {"李0", "王0", "赵0"} <= names, names
    device.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sync_push_says_it_on_the_command_line(server, hub, make_device, tmp_path, capsys):
    device = copy_back(hub, make_device, tmp_path, ["107"])
    path = device.path
    device.close()
    assert cli(["--db", str(path), "sync", "push", server.url]) != 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "拷回来过" in said and "fieldapp sync restored" in said, said
    assert NOTHING_TO_DO not in said, said


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_older_stick_bundle_is_still_told_there_is_nothing_to_do(
    hub, make_device, tmp_path: Path
):
    device = make_device("大坝村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    older = export_bundle(device, tmp_path / "1.fieldsync")
    newer = export_bundle(device, tmp_path / "2.fieldsync")
    hub.import_file(newer.path)
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(older.path)
    assert refused.value.code == "replay" and NOTHING_TO_DO in str(refused.value)
    assert refused.value.received is None
    device.close()
