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

import time
from unittest import mock

import pytest

from fieldapp.domain.numbers import device_part
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.store.sync_state import SyncState
from fieldapp.sync.errors import BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.hostile import forge

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


def test_letters_taken_before_a_laptops_first_upload_are_said_to_the_county(
    tmp_path, hub, make_device
):
    """The other way round: 红星村 printed a batch's 批次编号 before its first upload; 白云村's
    tampered program, having read the letters off the paper, took an id giving them and
    uploaded first. The hub cannot tell the honest one by its stamps (either could forge them),
    and cannot have bound the letters at enrolment (its enrolment file goes one way; the hub
    meets a laptop's id at its first upload), so 红星村 is asked to renumber as before — but
    the refusal, kept in the hub's quarantine beside the file, names 白云村 and says 红星村's
    rows carried these numbers before 白云村's id came: old papers' numbers would find
    白云村's rows, and the county is told to look into it."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    honest = make_device("红星村", "520502101001", _opened(tmp_path / "a" / "l.db", HONEST))
    made = forge(honest, "batches", "printed", {"rule_id": "transport_cross_county",
                 "area_code": "520502101001", "title": "十一月"},
                 hlc=format_stamp(int(time.time() * 1000) - 3600_000, 0))  # fmt: skip
    assert made.device_id == HONEST
    forger = make_device("白云村", "520502101002", _opened(tmp_path / "b" / "l.db", GROUND))
    hub.import_file(export_bundle(forger, tmp_path / "f.fs").path)
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(honest, tmp_path / "h.fs").path)
    said = str(refused.value)
    assert refused.value.code == "number_clash", said
    assert "白云村" in said and "1 条申领、批次" in said and "请县里核查" in said, said
    kept = list((hub.root / "quarantine").glob("*.reason.txt"))
    assert any("白云村" in p.read_text(encoding="utf-8") for p in kept)
    # Renumbered, 红星村 goes on; nothing of it was lost.
    start_new_incarnation(honest)
    hub.import_file(export_bundle(honest, tmp_path / "h2.fs").path)
    assert hub.ledger.get("batches", "printed")["title"] == "十一月"


def test_a_clash_with_no_row_printed_before_says_no_more(tmp_path, hub, make_device):
    """An honest clash by chance (or the forger's own upload, refused): no row of the newcomer
    predates the id it clashes with, so nothing is said of the other laptop."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    honest = make_device("红星村", "520502101001", _opened(tmp_path / "a" / "l.db", HONEST))
    hub.import_file(export_bundle(honest, tmp_path / "h.fs").path)
    forger = make_device("白云村", "520502101002", _opened(tmp_path / "b" / "l.db", GROUND))
    with forger.transaction():
        forger.insert("batches", {"rule_id": "transport_cross_county",
                                  "area_code": "520502101002", "title": "十二月"})  # fmt: skip
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(export_bundle(forger, tmp_path / "f.fs").path)
    assert refused.value.code == "number_clash" and "请县里核查" not in str(refused.value)
