"""红星村's laptop filled before its enrolment — 王五 on a job and trained, his son 王小五 —
holding the county's figures (`village`, a fixture); a tampered program's edit (`_edit`); the
county office's desktop (`_county_device`)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.models import Person, ServiceRecord
from fieldapp.services.policy_admin import publish
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.policy.helpers import COUNTY_PACK, HOME, populate
from tests.records import Records
from tests.sync.hostile import forge

SON = make_id("520502", "20050101", "135")


@pytest.fixture
def village(tmp_path, hub, make_device):
    """红星村's laptop, filled before its enrolment (王五 on a job in Shenzhen since 2025-03-05
    and trained from 2025-10-09; his son 王小五, no job), holding the county's figures."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    ledger = Ledger.open(tmp_path / "village.db", author="村专员")
    ids = populate(Records(ledger))
    repo = Records(ledger)
    worker = repo.ledger.db.execute(
        "SELECT id, household_id FROM persons WHERE id_number = ?", [ids["worker"]]
    ).fetchone()
    with ledger.transaction():
        repo.save(ServiceRecord(person_id=worker[0], service_date=dt.date(2025, 10, 9),
                                service_type="职业培训", training_days=10))  # fmt: skip
        son, _ = repo.add_person(
            Person(household_id=worker[1], name="王小五", id_number=SON, relation="子女")
        )
    device = make_device("红星村", HOME, ledger)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(device, tmp_path / f"up{next(counter)}.fs").path)
        import_bundle(device, hub.export_for("红星村", tmp_path / f"dn{next(counter)}.fs").path)

    device.exchange = exchange  # type: ignore[attr-defined]
    device.ids = ids  # type: ignore[attr-defined]
    return device


def _edit(device, table: str, row_id: str, data: dict):
    """A tampered program's edit of a row: the change logged over the fields' heads."""
    heads = device.heads(table, row_id)
    return forge(device, table, row_id, data, parents={k: heads[k] for k in data if heads.get(k)})


def _county_device(tmp_path, hub):
    """The county office's desktop (县人社局), enrolled for the whole county."""
    from fieldapp.domain.roles import Role
    from fieldapp.sync.enrolment import enrol
    from tests.codes import ENROL_CODE

    folder = tmp_path / "county"
    folder.mkdir()
    device = Ledger.open(folder / "ledger.db", author="县人社局员")
    hub.enroll(
        "县人社局", "520502", folder / "enrol.json", Role.COUNTY, code=ENROL_CODE, by="县里的科员"
    )
    enrol(device, folder / "enrol.json", code=ENROL_CODE)
    return device
