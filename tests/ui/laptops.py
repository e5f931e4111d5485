"""Village laptops enrolled with a hub for the county desk's tests (`_laptop`), and a second
village (`OTHER`)."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE

OTHER = "520502202001"


def _laptop(hub: Hub, tmp_path, name: str, area: str) -> Ledger:
    folder = tmp_path / name
    folder.mkdir()
    ledger = Ledger.open(folder / "ledger.db", author=f"{name}员")
    hub.enroll(name, area, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
    enrol(ledger, folder / "enrol.json", code=ENROL_CODE)
    return ledger
