"""Fixtures for sync tests: a hub folder and enrolled device ledgers, all real files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from fieldapp.domain.models import CategoryMembership
from fieldapp.hub.folder import Hub
from fieldapp.services.policy_admin import publish
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.helpers.hostile_county import OTHER, claim
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_family, add_job


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    """A fresh hub folder."""
    made = Hub.init(tmp_path / "hub")
    yield made
    made.close()


@pytest.fixture
def make_device(tmp_path: Path, hub: Hub) -> Iterator[Callable[..., Ledger]]:
    """make_device(name, area) → an enrolled device ledger in its own folder."""
    opened: list[Ledger] = []

    def make(name: str, area: str = "520502101001", ledger: Ledger | None = None) -> Ledger:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        device = ledger or Ledger.open(folder / "ledger.db", author=f"{name}员")
        hub.enroll(name, area, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
        enrol(device, folder / "enrol.json", code=ENROL_CODE)
        opened.append(device)
        return device

    yield make
    for ledger in opened:
        try:
            ledger.close()
        except Exception:  # noqa: BLE001 - a test may have closed it
            pass


@pytest.fixture
def county(tmp_path, hub, make_device):
    """The hub, the hostile 红星村, an honest second laptop in 红星村, an honest 远村, all
    holding their families and the county's figures, synced once."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    village = make_device("红星村", VILLAGE)
    second = make_device("红星村二号", VILLAGE)
    other = make_device("远村", OTHER)
    _, (mine,) = add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    add_job(village, mine)
    add_job(other, theirs)
    for device, person in ((village, mine), (other, theirs)):
        # A category the transport subsidy of `claim` pays to: the claim is one the program
        # would make (the hub holds a claim for a person in none, `claim_category`).
        with device.transaction():
            Records(device).save(
                CategoryMembership(
                    person_id=person, category="农村低保对象", start_date=dt.date(2016, 1, 1)
                )
            )
    with other.transaction():
        their_claim = other.insert("claims", claim(theirs, area=OTHER))
    counter = iter(range(1000))

    def exchange(device, name):
        hub.import_file(export_bundle(device, tmp_path / f"up{next(counter)}.fs").path)
        import_bundle(device, hub.export_for(name, tmp_path / f"down{next(counter)}.fs").path)

    for device, name in ((village, "红星村"), (other, "远村"), (second, "红星村二号")):
        exchange(device, name)
    exchange(village, "红星村")
    return {
        "village": village,
        "second": second,
        "other": other,
        "mine": mine,
        "theirs": theirs,
        "their_claim": their_claim,
        "exchange": exchange,
        "tmp": tmp_path,
    }
