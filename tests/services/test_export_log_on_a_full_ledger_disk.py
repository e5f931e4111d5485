"""Every export and print is logged (who, what, how many people, when, the file's hash). When
the *ledger's* disk is full (or its stick pulled out) the file may be written but its log entry
cannot: the export then leaves no file behind (a PDF replaces nothing), the clerk is told exactly
that — the file was not kept because its record could not be written, and why — and the same
export goes through once there is room (the ledger's disk is a real 32 MB file system, root only;
the file goes to the computer's own disk)."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import FieldappError
from fieldapp.paperwork import jobs
from fieldapp.services.exports import export_log, record_export
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from tests.mounts import small_disk


def _village(ledger: Ledger) -> str:
    row = ledger.db.execute(
        "SELECT substr(area_code, 1, 12) AS v FROM households GROUP BY v ORDER BY count(*) DESC"
    ).fetchone()
    return str(row[0])


@pytest.fixture
def ledger_disk(tmp_path: Path) -> Iterator[Path]:
    """A small file system for the ledger alone (root only: a mount)."""
    with small_disk(tmp_path / "台账盘", "32m") as disk:
        yield disk


def _fill(disk: Path) -> Path:
    """Fill `disk` to the last byte; the filler's path."""
    filler = disk / "照片.jpg"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            with suppress(OSError):
                while os.write(fd, b"\xff" * size):
                    pass
    finally:
        os.close(fd)
    return filler


@pytest.fixture
def full_ledger(ledger_disk: Path) -> Iterator[tuple[Ledger, Path]]:
    ledger = Ledger.open(ledger_disk / "l.db")
    try:
        build_demo(ledger, 40, seed=3)
        ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        yield ledger, _fill(ledger_disk)
    finally:
        ledger.close()


def test_an_export_whose_log_cannot_be_written_leaves_no_file(
    full_ledger: tuple[Ledger, Path], tmp_path: Path
) -> None:
    ledger, filler = full_ledger
    out = tmp_path / "红星村台账.xlsx"
    count = export_ledger(ledger, out)
    assert out.is_file()
    with pytest.raises(FieldappError) as refused:
        record_export(ledger, "台账", out, count)
    said = str(refused.value)
    assert not out.exists()  # no unlogged personal data left behind
    assert str(out) in said and "没有留下" in said and "台账所在的磁盘已满" in said, said
    assert "导出记录" in said and "再导出一次" in said, said

    filler.unlink()  # room again: the same export is written and logged
    count = export_ledger(ledger, out)
    record_export(ledger, "台账", out, count)
    [row] = export_log(ledger)
    assert row["file_name"] == out.name and out.is_file()


def test_a_print_to_a_file_whose_log_cannot_be_written_keeps_the_old_file(
    full_ledger: tuple[Ledger, Path], tmp_path: Path
) -> None:
    ledger, filler = full_ledger
    job = jobs.rosters_job(ledger, _village(ledger), dt.date.today())
    out = tmp_path / "一库五册.pdf"
    out.write_bytes(b"%PDF- yesterday's roster")
    with pytest.raises(FieldappError) as refused:
        jobs.print_to_file(ledger, job, out)
    said = str(refused.value)
    assert out.read_bytes() == b"%PDF- yesterday's roster"  # replaced by nothing unlogged
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [out.name]
    assert "没有保存" in said and "打印记录" in said and "台账所在的磁盘已满" in said, said
    assert "原来的文件没有改动" in said, said

    filler.unlink()
    record = jobs.print_to_file(ledger, job, out)
    assert out.read_bytes().startswith(b"%PDF-1")
    assert ledger.db.execute("SELECT count(*) FROM print_log").fetchone()[0] == 1
    assert record.pages > 0


def test_the_filler_really_fills(ledger_disk: Path) -> None:
    filler = _fill(ledger_disk)
    with pytest.raises(OSError) as full:
        (ledger_disk / "x").write_bytes(b"x" * 8192)
    assert full.value.errno == errno.ENOSPC
    filler.unlink()
