"""A laptop copied back from a backup by hand that imports an answer the hub made before it
refused the copy's bundle (the township carried it back in the meantime), or an older hub's
answer, which names no refusal: the answer says the hub holds this ledger's numbering up to
the lost timeline's last change. The ledger took that for an acknowledgement of its own
changes under those numbers — the work made since the copy — and the new numbering started
after it (`sync restored`, the sync page's 是) left that work under numbers the hub holds with
other content: it never reached the county.

The ledger can tell by itself when the hub holds more of its numbering than it ever wrote: its
own log ends below what the answer acknowledges. Then it does not take the hub's numbers
(ImportResult.copied_back says so, as a refusal for a copied-back ledger does) and the new
numbering moves the work made since the copy. When the copy has since written as many changes
as the lost timeline, the numbers alone cannot tell: the hub's refusal of its next bundle does
(tests/sync/test_refused_on_a_stick.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.hub.folder import Hub
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.bundle import REFUSED_FILE, REFUSED_SIG
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.helpers.copied_back_stick import DEVICE, copy_back
from tests.sync.helpers import VILLAGE, add_family, repack, unpack


def copied_back(hub: Hub, make_device, tmp_path: Path) -> tuple[Ledger, Path]:  # noqa: ANN001
    """A village ledger that sent a bundle, was backed up, sent more work (two people), and
    was copied back from the backup, then added one person; with the answer the hub made
    after the lost timeline's bundle, before the copy sent anything."""
    device = copy_back(hub, make_device, tmp_path, ["107", "108"])
    answer = hub.export_for(DEVICE, tmp_path / "answer.fieldsync").path
    add_family(device, VILLAGE, ["109"], surname="赵")
    return device, answer


def names(ledger: Ledger) -> set[str]:
    return {r["name"] for r in ledger.db.query("SELECT name FROM persons")}


def renumbered_reaches_the_hub(hub: Hub, device: Ledger, tmp_path: Path) -> None:
    """是: the new numbering; its bundle lands and the answer after it brings the rest."""
    start_new_incarnation(device)
    hub.import_file(export_bundle(device, tmp_path / "3.fieldsync").path)
    import_bundle(device, hub.export_for(DEVICE, tmp_path / "after.fieldsync").path)
    assert {"李0", "王0", "王1", "赵0"} <= names(hub.ledger), names(hub.ledger)
    assert {"李0", "王0", "王1", "赵0"} <= names(device), names(device)


def test_an_answer_made_before_the_refusal_is_not_taken_as_an_acknowledgement(
    hub, make_device, tmp_path
):
    device, answer = copied_back(hub, make_device, tmp_path)
    own = device.device_id
    acked_before = SyncState(device.db).acks(hub.identity.name).get(own, 0)
    got = import_bundle(device, answer)
    assert got.copied_back and got.refused == []
    assert SyncState(device.db).acks(hub.identity.name).get(own, 0) == acked_before
    renumbered_reaches_the_hub(hub, device, tmp_path)
    device.close()


def test_an_older_hubs_answer_after_the_refusal_tells_it_too(hub, make_device, tmp_path):
    """An older hub names no refusal: its answer after refusing the copy's bundle is read the
    same way."""
    device, _ = copied_back(hub, make_device, tmp_path)
    with pytest.raises(BundleRefused) as refused:  # the copy's bundle, at the county
        hub.import_file(export_bundle(device, tmp_path / "refused.fieldsync").path)
    assert refused.value.code == "reused_seq"
    answer = hub.export_for(DEVICE, tmp_path / "answer2.fieldsync")
    parts = unpack(answer.path, device)
    for name in (REFUSED_FILE, REFUSED_SIG):
        parts.pop(name, None)
    older = repack(parts, device, answer.path, tmp_path / "older.fieldsync")
    got = import_bundle(device, older)
    assert got.copied_back and got.refused == []
    renumbered_reaches_the_hub(hub, device, tmp_path)
    device.close()


def test_an_ordinary_answer_tells_nothing(hub, make_device, tmp_path):
    device = make_device(DEVICE, VILLAGE)
    add_family(device, VILLAGE, ["101"], surname="李")
    hub.import_file(export_bundle(device, tmp_path / "1.fieldsync").path)
    add_family(device, VILLAGE, ["102"], surname="王")  # made after the bundle: not at the hub
    got = import_bundle(device, hub.export_for(DEVICE, tmp_path / "a.fieldsync").path)
    assert not got.copied_back
    assert SyncState(device.db).acks(hub.identity.name)[device.device_id] > 0
    device.close()


def test_the_command_line_says_what_to_type(hub, make_device, tmp_path, capsys):
    device, answer = copied_back(hub, make_device, tmp_path)
    device.close()
    capsys.readouterr()
    assert cli(["--db", str(tmp_path / DEVICE / "ledger.db"), "sync", "import", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "备份" in out and "fieldapp sync restored" in out, out
