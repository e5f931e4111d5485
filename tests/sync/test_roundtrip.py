"""Device → hub → device over bundle files: counts, acknowledgements, cumulative bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.models import Area, Household, Person
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import Ledger
from fieldapp.store.repository import Repository
from fieldapp.sync.errors import AlreadyImported, BundleRefused
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id

VILLAGE = "520502101001"


def add_family(ledger: Ledger, area: str, seqs: list[str], surname: str = "张") -> list[str]:
    repo = Repository(ledger)
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
