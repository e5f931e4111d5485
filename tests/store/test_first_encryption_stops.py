"""A plain ledger is encrypted at its first login; on a large one that takes a while, so the
login shows how far it is and has 取消: stopped, the ledger stays plain and as it was (no key
file, no part-written copy), to be encrypted at the next login."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.progress import Cancelled
from fieldapp.services.ledgers import open_ledger
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials, ledger_state

LI = Credentials("李芳", "村里的口令1")


def _plain(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, author="李芳")
    build_demo(ledger, 200, seed=3)
    persons = ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    ledger.close()
    return path, int(persons)


def _left_over(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_the_first_encryption_stopped_midway_leaves_the_ledger_plain(tmp_path: Path) -> None:
    """It could not be stopped: logging in to a large plain ledger encrypted it behind a busy
    line with no bar and no 取消."""
    path, persons = _plain(tmp_path)
    before = path.read_bytes()
    heard: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="还没有加密.*下次登录时会再加密"):
        open_ledger(
            path,
            credentials=LI,
            progress=lambda done, total: heard.append((done, total)),
            cancel=lambda: len(heard) >= 2,
        )
    assert len(heard) == 2  # stopped at the first look after the user asked
    assert ledger_state(path) == "plain"
    assert not keyfile.has_keyfile(path)
    assert _left_over(path) == []  # no half-encrypted copy, no log beside it
    assert path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    ledger = Ledger.open(path)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()
    # The next login encrypts it, all of it.
    ledger = open_ledger(path, credentials=LI)
    assert ledger.encrypted
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()
    assert ledger_state(path) == "encrypted"


def test_the_first_encryption_says_how_far_it_is(tmp_path: Path) -> None:
    path, persons = _plain(tmp_path)
    heard: list[tuple[int, int]] = []
    ledger = open_ledger(
        path,
        credentials=LI,
        progress=lambda done, total: heard.append((done, total)),
        cancel=lambda: False,
    )
    assert ledger.encrypted
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()
    fractions = [done / total for done, total in heard]
    assert len(fractions) > 2 and fractions == sorted(fractions)
    assert 0 < fractions[-2] <= 0.9 and fractions[-1] == 1
