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

from fieldapp.demo.generator import build_demo
from fieldapp.domain import sentences
from fieldapp.saving import CannotWrite
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.output import xlsx_book
from fieldapp.tabular.template import write_template
from fieldapp.tabular.workbook import TEMP_FOLDER_FULL, TempFolderFull
from tests.mounts import small_disk

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


def _refused(save: Callable[[], object]) -> tuple[type, str, sentences.Sentence | None]:
    """What `save` was refused with: its kind, its sentence and its template with parts (the
    error itself let go, as in `_refusal`)."""
    try:
        save()
    except CannotWrite as error:
        return type(error), str(error), error.said
    raise AssertionError("saved on a full disk")


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


@contextmanager
def small_stick(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system, nearly full (root only: a mount)."""
    with small_disk(tmp_path / "U盘", "1m") as stick:
        (stick / "照片.jpg").write_bytes(b"\xff" * (1024 * 1024 - 64 * 1024))
        yield stick


def _ledger(tmp_path: Path) -> Ledger:
    ledger = Ledger.open(tmp_path / "l.db")
    build_demo(ledger, 400, seed=5)
    return ledger


# A ledger of 5,000 persons or more is written by a child process, which told the clerk
# 生成表格时出错…请重试；仍不行请联系县里的管理员 for a full disk; in this process a full disk made
# the writer panic (a traceback, 程序内部出错 in the desktop app), and both ways printed the
# writer's English (ZipWriter::drop: failed to finalize archive …, thread … panicked at …).


@pytest.mark.parametrize("in_child", [False, True], ids=["here", "in_child"])
def test_the_ledger_export_on_a_full_stick_says_the_disk_is_full(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], in_child: bool
) -> None:
    ledger = _ledger(tmp_path)
    with small_stick(tmp_path) as stick:
        capfd.readouterr()
        said = _refusal(lambda: export_ledger(ledger, stick / "台账.xlsx", in_child=in_child))
        left = sorted(p.name for p in stick.iterdir())
    ledger.close()
    assert said == "无法写入“台账.xlsx”：磁盘已满"
    assert left == ["照片.jpg"]
    out, err = capfd.readouterr()
    assert out == "" and err == "", err


@pytest.mark.parametrize("in_child", [False, True], ids=["here", "in_child"])
def test_the_ledger_export_with_the_computers_disk_full_says_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    in_child: bool,
) -> None:
    # The writer keeps each sheet in the system's temporary folder until it zips them.
    ledger = _ledger(tmp_path)
    stick = _stick(tmp_path)
    capfd.readouterr()

    with full_stick(monkeypatch) as printed:
        kind, said, template = _refused(
            lambda: export_ledger(ledger, stick / "台账.xlsx", in_child=in_child)
        )

    ledger.close()
    # Its own kind from the child process too, as a template and its cause: no folder's
    # path (a long one under the user's profile), no system's English.
    assert kind is TempFolderFull
    assert said == (
        "无法导出：程序暂存表格的文件夹写不进去（磁盘已满）。这是电脑本身的磁盘，"
        "请先腾出空间再导出。原来的文件没有改动"
    )
    assert template == sentences.said(
        TEMP_FOLDER_FULL, sentences.said("磁盘已满"), sentences.said("请先腾出空间再导出")
    )
    assert sorted(p.name for p in stick.iterdir()) == []
    assert printed == []
    out, err = capfd.readouterr()
    assert out == "" and err == "", err
