"""Device → hub → device over bundle files: counts, acknowledgements, cumulative bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.models import Area, Household, Person
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.sync.errors import AlreadyImported, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.records import Records

VILLAGE = "520502101001"


def add_family(ledger: Ledger, area: str, seqs: list[str], surname: str = "张") -> list[str]:
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(Area(code=area, name=f"村{area[-3:]}", kind="村"))
        hh = repo.save(Household(area_code=area, address="一组"))
        ids = []
        for n, seq in enumerate(seqs):
            pid, _ = repo.add_person(
                Person(household_id=hh, name=f"{surname}{n}", id_number=make_id(seq=seq)),
                confirmed=True,
            )
            ids.append(pid)
    return ids


def test_device_to_hub_and_back(tmp_path: Path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    add_family(a, VILLAGE, ["101", "103"])
    first = export_bundle(a, tmp_path / "a1.fieldsync")
    assert first.changes == len(a.changes_since(a.device_id, 0)) and first.serial == 1
    result = hub.import_file(first.path)
    assert result.new_changes == first.changes
    answer = hub.export_for("甲村二号", tmp_path / "b-in.fieldsync")
    import_bundle(b, answer.path)
    assert canonical_dump(b.db)["persons"] == canonical_dump(a.db)["persons"]
    # a's next bundle is empty once the hub's acknowledgement came back
    back = hub.export_for("甲村", tmp_path / "a-in.fieldsync")
    import_bundle(a, back.path)
    assert export_bundle(a, tmp_path / "a2.fieldsync").changes == 0


def test_bundles_are_cumulative_until_acknowledged(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    lost = export_bundle(a, tmp_path / "lost.fieldsync")
    add_family(a, VILLAGE, ["103"], surname="李")
    second = export_bundle(a, tmp_path / "second.fieldsync")
    assert second.changes > lost.changes
    hub.import_file(second.path)
    assert canonical_dump(hub.ledger.db)["changes"] == canonical_dump(a.db)["changes"]
    with pytest.raises(BundleRefused) as refused:
        hub.import_file(lost.path)  # older than one already imported
    assert refused.value.code == "replay"


def test_importing_twice_changes_nothing(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101"])
    bundle = export_bundle(a, tmp_path / "a.fieldsync")
    hub.import_file(bundle.path)
    once = canonical_dump(hub.ledger.db)
    with pytest.raises(AlreadyImported):
        hub.import_file(bundle.path)
    assert canonical_dump(hub.ledger.db) == once


def test_progress_and_cancel_leave_everything_unchanged(tmp_path, hub, make_device, monkeypatch):
    from fieldapp.domain.progress import Cancelled
    from fieldapp.store.sync_state import SyncState
    from fieldapp.sync import exchange

    monkeypatch.setattr(exchange, "APPLY_CHUNK", 2)
    a = make_device("甲村", VILLAGE)
    add_family(a, VILLAGE, ["101", "103", "105"])
    serial_before = SyncState(a.db).peer("县级汇总中心").serial_out
    with pytest.raises(Cancelled):
        export_bundle(a, tmp_path / "x.fieldsync", cancel=lambda: True)
    assert not (tmp_path / "x.fieldsync").exists()
    assert not list(tmp_path.glob("x.fieldsync*"))
    assert SyncState(a.db).peer("县级汇总中心").serial_out == serial_before
    seen: list[tuple[int, int]] = []
    bundle = export_bundle(a, tmp_path / "a.fieldsync", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (bundle.changes, bundle.changes)
    before = canonical_dump(hub.ledger.db)
    calls: list[tuple[int, int]] = []

    def cancel_after_first_chunk() -> bool:
        return len(calls) >= 2

    with pytest.raises(Cancelled):
        hub.import_file(
            bundle.path, progress=lambda d, t: calls.append((d, t)), cancel=cancel_after_first_chunk
        )
    assert canonical_dump(hub.ledger.db) == before
    assert not list(hub.folders.quarantine.iterdir())
    result = hub.import_file(bundle.path, progress=lambda d, t: calls.append((d, t)))
    assert result.new_changes == bundle.changes and calls[-1] == (bundle.changes, bundle.changes)
