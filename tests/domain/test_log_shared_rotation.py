"""fieldapp.log rotated while two processes write it — the desktop left open and a cron
`hub import` — each with its own open file, as two handlers on the same path have here."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from fieldapp.domain.redact import SharedRotatingLog
from tests.helpers.clear_text import SECRETS


def _line(n: int) -> logging.LogRecord:
    return logging.makeLogRecord({"name": "fieldapp.sync", "msg": f"行 {n:04d}", "levelno": 20})


def test_two_writers_lose_no_line_and_rotate_once(tmp_path: Path) -> None:
    """Plain rotation by the one left the other writing into the renamed fieldapp.log.1 (then
    .2, then a deleted file) and rotating again on its own count: lines lost, files dropped
    early. Each follows the other's rotation; every line is in the files kept."""
    path = tmp_path / "fieldapp.log"
    desktop, command = (
        SharedRotatingLog(path, maxBytes=200, backupCount=9, encoding="utf-8") for _ in "ab"
    )
    try:
        for n in range(60):  # ~12 bytes a line: some four rotations of ~16 lines
            (desktop if n % 3 else command).emit(_line(n))
    finally:
        desktop.close()
        command.close()
    files = sorted(tmp_path.glob("fieldapp.log.*"), reverse=True) + [path]  # oldest first
    lines = [x for f in files for x in f.read_text(encoding="utf-8").splitlines()]
    assert lines == [f"行 {n:04d}" for n in range(60)], [f.name for f in files]
    for f in files[:-1]:  # each rotated once, when full
        assert 200 - 20 < f.stat().st_size < 200 + 20, (f.name, f.stat().st_size)
        if os.name != "nt":
            assert f.stat().st_mode & 0o077 == 0, f


def test_a_line_that_cannot_be_written_is_not_put_on_stderr_in_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The log unwritable mid-run (its disk full, the file replaced; here a folder where the
    rotated-away file was): logging put "--- Logging error ---", its traceback and the line's
    values in clear (a name, an ID number) on stderr — a cron job's journal on disk."""
    path = tmp_path / "fieldapp.log"
    handler = SharedRotatingLog(path, maxBytes=10_000, backupCount=3, encoding="utf-8")
    try:
        path.rename(tmp_path / "fieldapp.log.1")  # another process rotated it …
        path.mkdir()  # … and the new one cannot be opened
        handler.handle(
            logging.makeLogRecord(
                {"name": "fieldapp.sync", "msg": "导入 %s 失败", "levelno": 30,
                 "args": (f"{SECRETS['name']}{SECRETS['id_number']}.fieldsync",)}
            )
        )  # fmt: skip
    finally:
        handler.close()
    said = capsys.readouterr()
    assert SECRETS["name"] not in said.err and SECRETS["id_number"] not in said.err, said.err
