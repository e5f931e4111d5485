"""A device's ledger enrolled with a hub under a role and a user (`_enrolled`)."""

from __future__ import annotations

from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE


def _enrolled(hub, tmp_path, name: str, area: str, role: Role, user: str) -> Ledger:
    folder = tmp_path / name
    folder.mkdir()
    ledger = Ledger.open(folder / "ledger.db", author=user)
    hub.enroll(name, area, folder / "enrol.json", role=role, code=ENROL_CODE, by="县里的科员")
    enrol(ledger, folder / "enrol.json", code=ENROL_CODE)
    return ledger
