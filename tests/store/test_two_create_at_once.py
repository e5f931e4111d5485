"""Two first-run wizards (a double click that started the app twice, two clerks on one shared
folder) or two `fieldapp` commands creating the same new ledger at once: each wrote its own key
file and database and renamed them into place, so one replaced the other's (and the second's
opening removed the first's half-made files as a crashed attempt). Creation is now exclusive:
the second is told in Chinese that the ledger is being made, or already exists, and nothing of
the first is touched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.keyfile import WrongPassword
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials, create_encrypted

LI = Credentials("李芳", "村里的口令1")
WANG = Credentials("王强", "王强的口令12")


def _leftovers(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.iterdir() if p.name not in {"l.db", "l.db.keys", "l.db.attempts"}
    )


def test_a_ledger_being_created_is_not_created_again(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    said: list[str] = []

    def second_wizard(step: str) -> None:
        if step == "keys-written":  # the first is half-way: its key file written, not in place
            with pytest.raises(FieldappError) as refused:
                Ledger.open(path, credentials=WANG)
            said.append(str(refused.value))

    create_encrypted(path, LI, second_wizard)

    [message] = said
    assert "正在新建" in message and str(path) in message, message
    first = Ledger.open(path, credentials=LI)  # the first one's ledger, whole
    first.close()
    with pytest.raises(WrongPassword):
        Ledger.open(path, credentials=WANG)
    assert _leftovers(tmp_path) == [], _leftovers(tmp_path)


def test_a_wizard_creating_a_ledger_another_has_just_made_is_told_it_exists(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.db"
    Ledger.open(path, credentials=LI).close()  # the other wizard finished first
    for who in (WANG, LI):  # another name, or by chance the same one
        with pytest.raises(FieldappError) as refused:
            open_ledger(path, credentials=who, create=True)
        message = str(refused.value)
        assert "已经存在" in message and str(path) in message, message
    again = open_ledger(path, credentials=LI)  # opening it, as asked, still works
    again.close()


def test_a_creation_killed_half_way_does_not_block_the_next(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    (tmp_path / "l.db.creating").write_text(dead.stdout.strip())  # its process is gone

    Ledger.open(path, credentials=LI).close()

    assert _leftovers(tmp_path) == []
    Ledger.open(path, credentials=LI).close()
