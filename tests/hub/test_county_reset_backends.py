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
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    row = users.county_reset_at_hub(hub.root, None, path, "李芳", "县里给的新口令")
    assert row.name == "李芳"
    ledger = Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令"))
    ledger.close()


def test_a_county_reset_is_recorded_at_the_hub(tmp_path: Path, hub: Hub, capsys) -> None:
    """The county's reset of a coordinator's password left its note only in the laptop's
    ledger (password_reset_by) — which the one who reset it can open with the password they
    chose and erase; the hub kept nothing. The hub now keeps who reset whose password, when,
    on which device, listed by `hub resets` (and --json)."""
    import json

    from fieldapp.cli.main import main as cli

    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "ledger.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    users.county_reset_at_hub(hub.root, None, path, "李芳", "县里给的新口令")
    users.county_reset(hub.ledger, path, "李芳", "县里再给的口令")
    capsys.readouterr()
    assert cli(["hub", "resets", "--dir", str(hub.root)]) == 0
    out = capsys.readouterr().out
    assert out.count("红星村") == 2 and out.count("李芳") == 2, out
    assert cli(["hub", "resets", "--dir", str(hub.root), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["device"], r["user"]) for r in rows] == [("红星村", "李芳")] * 2
    assert all(r["at"] and r["by"] and r["ledger_file"] == str(path) for r in rows), rows
