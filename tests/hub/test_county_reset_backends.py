"""The county's password reset from the login screen (`users.county_reset_at_hub`), on a hub
kept in SQLite and in PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.credentials import Credentials
from fieldapp.hub.folder import Hub
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE

LI = Credentials("李芳", "村里的口令1")


def test_the_login_screens_county_reset_opens_the_hub_wherever_its_ledger_is(
    tmp_path: Path, hub: Hub
) -> None:
    """With the hub's ledger in PostgreSQL the folder has store.url and no hub.db: the login
    screen's 忘记口令（县里重置） said 不是汇总中心文件夹 for the county's own hub folder."""
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE)
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    row = users.county_reset_at_hub(hub.root, None, path, "李芳", "县里给的新口令")
    assert row.name == "李芳"
    ledger = Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令"))
    ledger.close()
