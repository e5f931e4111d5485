"""The hub reads its clock's witnesses (each device's newest change, its own earlier reading)
the same from SQLite and PostgreSQL (`hub.own_clock`, `HubLog.newest_stamps`)."""

from __future__ import annotations

import datetime as dt

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.hub import own_clock
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family


def test_three_devices_a_year_on_make_the_hub_doubt_its_clock(hub, make_device, tmp_path):  # noqa: ANN001
    with time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=365), tick=True):
        for n in range(own_clock.DEVICES):
            village = f"5205021010{n + 1:02d}"
            device = make_device(f"村{n}", village)
            add_family(device, village, [f"{101 + n}"])
            hub.import_file(export_bundle(device, tmp_path / f"up{n}.fs").path)
        assert own_clock.check(hub.ledger) is None  # then, its clock was right
    assert set(hub.log.newest_stamps()) == {"村0", "村1", "村2"}
    doubt = own_clock.check(hub.ledger)
    assert doubt is not None and (doubt.days, doubt.devices) == (-365, 3), doubt
