"""A bundle is compressed and encrypted outside the write transaction, so a big answer does not
hold every other device's import; its serial is still taken exactly once."""

from __future__ import annotations

from pathlib import Path

from fieldapp.store.sync_state import SyncState
from fieldapp.sync import exchange
from fieldapp.sync.bundle import Manifest
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family, unpack


def test_the_answer_is_sealed_while_no_write_transaction_is_open(
    tmp_path, hub, make_device, monkeypatch
):
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    hub.import_file(export_bundle(device, tmp_path / "up.fieldsync").path)
    real = exchange.seal_bundle
    open_while_sealing: list[bool] = []

    def watching(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        open_while_sealing.append(hub.ledger.db.conn.in_transaction)
        return real(*args, **kwargs)

    monkeypatch.setattr(exchange, "seal_bundle", watching)
    answer = hub.export_for("甲村", tmp_path / "answer.fieldsync")
    assert open_while_sealing == [False]
    assert answer.serial == 1 and hub.device("甲村").serial_out == 1
    assert not list(tmp_path.glob("*.part"))


def test_a_serial_taken_meanwhile_is_not_given_twice(tmp_path, hub, make_device, monkeypatch):
    device = make_device("甲村", VILLAGE)
    add_family(device, VILLAGE, ["101"])
    state = SyncState(device.db)
    hub_name = state.peers("hub")[0].name
    real = exchange.seal_bundle
    sealed: list[int] = []
    headers: list[Manifest] = []

    def racing(manifest, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        sealed.append(manifest.serial)
        headers.append(manifest)
        if len(sealed) == 1:  # another export of this ledger commits serial 1 meanwhile
            with device.transaction():
                state.set_counters(hub_name, serial_out=manifest.serial)
        return real(manifest, *args, **kwargs)

    monkeypatch.setattr(exchange, "seal_bundle", racing)
    result = export_bundle(device, tmp_path / "up.fieldsync")
    assert sealed == [1, 2]
    # The header was built and validated once: sealed again, only its serial is new (the
    # same bundle id and payload hash; its held reports the very same, not read again).
    first, second = (h.model_dump(exclude={"serial"}) for h in headers)
    assert first == second and headers[0].bundle_id == headers[1].bundle_id
    assert headers[1].rejected is headers[0].rejected
    assert result.serial == 2 and state.peer(hub_name).serial_out == 2  # type: ignore[union-attr]
    parts = unpack(Path(result.path), hub.ledger)
    assert b'"serial":2' in parts["manifest.json"]
    assert hub.import_file(result.path).new_changes > 0
