"""Two programs adding a user to one ledger at the same instant (two clerks at two windows of
the same desktop, or a script and the app): both users must be able to log in (issue 16).

The password's Argon2id (about half a second at the real costs) used to run between reading
the key file and saving it, so the second save wrote back the file as it was before the first,
and the first new user's slot was lost. Real processes, real costs, started together."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

LI = Credentials("李芳", "村里的口令1")

_ADD = """
import sys, time
from pathlib import Path
from fieldapp.services import users
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
path, go, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
ledger = Ledger.open(path, credentials=Credentials("李芳", "村里的口令1"))
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
users.add_user(ledger, name, name + "的口令12")
ledger.close()
"""


def test_two_users_added_at_the_same_instant_can_both_log_in(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    Ledger.open(path, credentials=LI).close()
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_TEST_FAST_KDF"}
    for round_ in range(2):
        go = tmp_path / f"go{round_}"
        names = [f"王强{round_}", f"赵敏{round_}"]
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _ADD, str(path), str(go), name],
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in names
        ]
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "ready"
        go.touch()
        for proc in procs:
            assert proc.wait(timeout=60) == 0
        for name in names:
            Ledger.open(path, credentials=Credentials(name, name + "的口令12")).close()
    # Both rows and both slots: the users list and the key file agree.
    ledger = Ledger.open(path, credentials=LI)
    try:
        assert len(users.list_users(ledger)) == 5
    finally:
        ledger.close()


def test_a_user_added_during_the_countys_reset_keeps_their_way_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The county's reset (from the login screen) read the key file, spent its Argon2id, then
    saved what it had read: a colleague another program added meanwhile lost their slot and
    could not log in. The other program here adds the user while the reset's Argon2id runs."""
    from fieldapp.hub.folder import Hub
    from fieldapp.store import keyfile
    from fieldapp.sync.enrolment import enrol
    from tests.codes import ENROL_CODE

    hub = Hub.init(tmp_path / "hub")
    hub.enroll("红星村", "520502101001", tmp_path / "r.enrol", code=ENROL_CODE, by="县里的科员")
    path = tmp_path / "device" / "l.db"
    device = Ledger.open(path, credentials=LI)
    enrol(device, tmp_path / "r.enrol", code=ENROL_CODE)
    device.close()
    hub.close()
    make = keyfile.Slot.make
    added: list[str] = []

    def meanwhile(password: str, key: bytes) -> keyfile.Slot:
        slot = make(password, key)
        if not added:  # the other program, once: the reset's own slot is being made
            added.append("王强")
            other = Ledger.open(path, credentials=LI)
            try:
                users.add_user(other, "王强", "王强的口令12")
            finally:
                other.close()
        return slot

    monkeypatch.setattr(keyfile.Slot, "make", meanwhile)
    users.county_reset_at_hub(hub.root, None, path, "李芳", "县里给的新口令1")
    monkeypatch.setattr(keyfile.Slot, "make", make)
    assert added
    Ledger.open(path, credentials=Credentials("王强", "王强的口令12")).close()
    Ledger.open(path, credentials=Credentials("李芳", "县里给的新口令1")).close()
