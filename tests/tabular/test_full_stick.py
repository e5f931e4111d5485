"""Workbooks saved onto a full USB stick: the clerk is told 磁盘已满 with the file's name, the
stick keeps nothing of the attempt (no half workbook, no work files), and nothing is printed but
that one sentence (the full disk is `tests.store.test_full_disk`'s file-size limit)."""

from __future__ import annotations

import gc
import random
import resource
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from fieldapp.saving import CannotWrite
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import write_template

#: Bytes a file may grow to: less than the smallest workbook here.
ROOM = 8 * 1024


@contextmanager
def full_stick(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """No file grows past `ROOM`; yields the errors Python could only print ("Exception
    ignored in …" and a traceback on the clerk's terminal), collected up to the end."""
    printed: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", printed.append)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (ROOM, hard))
    try:
        yield printed
    finally:
        gc.collect()  # a file object dropped half-written says so now, if at all
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old)


def _refusal(save: Callable[[], object]) -> str:
    """What `save` was refused with; the error itself is let go (as the command line and the
    app let it go), so whatever it held is collected."""
    try:
        save()
    except CannotWrite as error:
        return str(error)
    raise AssertionError("saved on a full stick")


def _stick(tmp_path: Path) -> Path:
    stick = tmp_path / "U盘"
    stick.mkdir()
    return stick


def test_the_template_on_a_full_stick_leaves_nothing_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = _stick(tmp_path)
    with full_stick(monkeypatch) as printed:
        said = _refusal(lambda: write_template(stick / "台账模板.xlsx"))
    assert "台账模板.xlsx" in said and "磁盘已满" in said
    assert sorted(p.name for p in stick.iterdir()) == []
    assert printed == []


def test_a_report_on_a_full_stick_prints_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = _stick(tmp_path)
    rnd = random.Random(7)

    def report() -> None:
        with xlsx_book(stick / "月报.xlsx") as book:
            sheet = book.add_worksheet("月报")
            for row in range(200):
                sheet.write_string(row, 0, f"{rnd.getrandbits(64):x}")

    with full_stick(monkeypatch) as printed:
        said = _refusal(report)
    assert "月报.xlsx" in said and "磁盘已满" in said
    assert sorted(p.name for p in stick.iterdir()) == []
    assert printed == []
