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
