"""A hub whose clock was reset a year back: the county's real time (`_real_time`), and
villages whose changes it took while its clock was right (`_devices_synced`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import add_family

YEAR_DAYS = 365


def _real_time() -> time_machine.travel:
    """The county's real time: a year after what the hub's clock reads after its reset."""
    return time_machine.travel(dt.datetime.now(CHINA) + dt.timedelta(days=YEAR_DAYS), tick=True)


def _devices_synced(hub: Hub, make_device, tmp_path: Path, count: int) -> list:  # noqa: ANN001
    """`count` villages whose changes the hub took while its clock was right."""
    made = []
    for n in range(count):
        village = f"5205021010{n + 1:02d}"
        device = make_device(f"村{n}", village)
        add_family(device, village, [f"{101 + n}"])
        hub.import_file(export_bundle(device, tmp_path / f"up{n}.fs").path)
        made.append(device)
    return made


def device_area(device) -> str:  # noqa: ANN001
    return str(device.db.execute("SELECT area_code FROM households").fetchone()[0])
