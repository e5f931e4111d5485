"""A printed 申请编号 / 批次编号 is five letters for the change-log id a row was made under and
that log's count (`numbers.row_number`). The letters are a hash of the id, and a device picks
its own id (a fresh one at each restore, `fieldapp sync restored`): a tampered program tried
ids until one gave another device's letters (a few seconds' work: 24⁵ ≈ 8 million), and the
hub bound it. Its claims and batches then printed the other village's numbers — the same
number on two 申请表, a paper's number finding two claims. Now the hub refuses (the whole
bundle, nothing bound) a new change-log id whose letters another id it knows already gives,
and tells the device to take a new one; an honest laptop meets this by chance about once in
millions and goes on after `fieldapp sync restored`."""

from __future__ import annotations

from unittest import mock

import pytest

from fieldapp.domain.numbers import device_part
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle

#: 红星村's change-log id, and one found by trying ids in turn (20 million sha256, seconds)
#: that gives the same five letters.
HONEST, GROUND = "a1a1a1a1a1a1a1a1", "00000000013aa62c"


def _opened(path, device_id: str) -> Ledger:
    with mock.patch("secrets.token_hex", return_value=device_id):
        return Ledger.open(path, author="专员")


def test_a_change_log_id_giving_another_devices_letters_is_refused(tmp_path, hub, make_device):
    assert device_part(HONEST) == device_part(GROUND)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    honest = make_device("红星村", "520502101001", _opened(tmp_path / "a" / "l.db", HONEST))
    hub.import_file(export_bundle(honest, tmp_path / "h.fs").path)
    assert SyncState(hub.ledger.db).origin_owner(HONEST) == "红星村"
    forger = make_device("白云村", "520502101002", _opened(tmp_path / "b" / "l.db", GROUND))
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(forger, tmp_path / "f.fs").path)
    assert refused.value.code == "number_clash", str(refused.value)
    assert "fieldapp sync restored" in str(refused.value), str(refused.value)
    assert SyncState(hub.ledger.db).origin_owner(GROUND) is None
    # A new id of its own (random) goes through, as an honest laptop's would.
    fresh = start_new_incarnation(forger)
    assert device_part(fresh) != device_part(HONEST)
    hub.import_file(export_bundle(forger, tmp_path / "f2.fs").path)
    assert SyncState(hub.ledger.db).origin_owner(fresh) == "白云村"
    import_bundle(forger, hub.export_for("白云村", tmp_path / "d.fs").path)
