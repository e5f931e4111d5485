"""Checking a backup before a restore reads it whole; the GUI runs it off its thread with a
progress bar and 取消. The check reports its progress and stops when asked, between its steps,
leaving no unpacked copy behind."""

from __future__ import annotations

import pytest

from fieldapp.domain.credentials import Credentials
from fieldapp.domain.progress import Cancelled
from fieldapp.store.backup import backup_to, check_backup
from fieldapp.store.ledger import Ledger

LI = Credentials("李芳", "村里的口令1")


@pytest.fixture
def made(tmp_path):
    ledger = Ledger.open(tmp_path / "ledger.db", credentials=LI)
    try:
        return backup_to(ledger, tmp_path / "U盘" / "备份.fieldbackup")
    finally:
        ledger.close()


def test_the_check_reports_its_progress_to_the_end(made, tmp_path):
    seen: list[tuple[int, int]] = []
    counts = check_backup(made, LI, tmp_path, lambda done, total: seen.append((done, total)))
    assert counts["persons"] == 0
    assert seen and seen[-1][0] == seen[-1][1] > 0


@pytest.mark.parametrize("after", [0, 1])
def test_a_cancelled_check_stops_and_leaves_no_copy(made, tmp_path, after):
    seen: list[tuple[int, int]] = []
    before = sorted(p.name for p in tmp_path.iterdir() if p.name != "home")
    with pytest.raises(Cancelled):
        check_backup(
            made,
            LI,
            tmp_path,
            lambda done, total: seen.append((done, total)),
            lambda: len(seen) >= after,
        )
    assert len(seen) == after
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == before
