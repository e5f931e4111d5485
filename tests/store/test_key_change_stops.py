"""The key change after a user is disabled, on a large ledger: it says how far it is and can be
stopped until the new copy takes the ledger's place (the old ledger and key as they were)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.progress import Cancelled
from fieldapp.services import users
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials

LI = Credentials("李芳", "村里的口令1")


def _ledger(tmp_path: Path) -> tuple[Path, object, int]:
    path = tmp_path / "ledger.db"
    ledger = Ledger.open(path, credentials=LI)
    build_demo(ledger, 200, seed=3)
    users.add_user(ledger, "王强", "王强的口令12", admin=False)
    users.disable_user(ledger, "王强")
    persons = ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    unlocked = ledger.unlocked
    ledger.close()
    return path, unlocked, persons


def _left_over(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.endswith((".pending", ".tmp")))


def test_a_key_change_stopped_midway_leaves_the_ledger_and_its_key(tmp_path: Path) -> None:
    """It could not be stopped: on a large ledger the coordinator waited (about 10 s at 100k)
    in front of a dialog without 取消."""
    path, unlocked, persons = _ledger(tmp_path)
    keys_before = keyfile.keyfile_path(path).read_bytes()
    heard: list[tuple[int, int]] = []
    with pytest.raises(Cancelled, match="钥匙没有更换"):
        users.rotate_key(
            path,
            unlocked,  # type: ignore[arg-type]
            progress=lambda done, total: heard.append((done, total)),
            cancel=lambda: len(heard) >= 2,
        )
    assert len(heard) == 2  # stopped at the first look after the user asked
    assert keyfile.keyfile_path(path).read_bytes() == keys_before
    assert _left_over(path) == []
    ledger = Ledger.open(path, credentials=LI)
    assert ledger.unlocked.key == unlocked.key  # type: ignore[attr-defined]
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()


def test_a_key_change_says_how_far_it_is(tmp_path: Path) -> None:
    path, unlocked, persons = _ledger(tmp_path)
    heard: list[tuple[int, int]] = []
    rotated = users.rotate_key(
        path,
        unlocked,  # type: ignore[arg-type]
        progress=lambda done, total: heard.append((done, total)),
        cancel=lambda: False,
    )
    assert rotated.key != unlocked.key  # type: ignore[attr-defined]
    fractions = [done / total for done, total in heard]
    assert len(fractions) > 2 and fractions == sorted(fractions)
    assert 0 < fractions[-2] <= 0.9 and fractions[-1] == 1  # the copy, then checked and done
    ledger = Ledger.open(path, credentials=LI)
    assert ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    ledger.close()
    assert _left_over(path) == []
