"""Writing the ledger workbook in a child process, so that reading the ledger and writing the
workbook run on two cores at once.

Why a process and not a thread: rustpy-xlsxwriter holds Python's lock for most of its work, and
the ledger's reads need that lock too, so a reading thread gained nothing (three back-to-back
pairs, 2 December). A child process has an interpreter and a lock of its own.

What crosses: only the cells. The parent (which alone holds the ledger, its key and its
connection) reads each sheet's rows and sends them through a pipe in batches, as the UTF-8 JSON
that SQLite made (`ledger_export.json_batches`: no Python object per cell, no text decoded); the
child parses each batch (orjson, half the standard library's time on these rows), turns it into
the writer's records and writes the workbook to the `.part` path the parent gave it. No key, no
ledger path and no cell ever reaches a file other than the workbook, or the child's command
line. The parent gives the workbook its name only after the child has reported success, so a
child that dies, or an export that is cancelled, leaves the file that was there before untouched
and no half-written one.

The child is started with "spawn" on every platform (a fork would copy the GUI's threads and the
open SQLCipher connection); the frozen app calls `multiprocessing.freeze_support()` first thing
(`fieldapp.__main__`), which is what lets the app's own executable serve as the child.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import chain, repeat
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import orjson

from fieldapp.bulk import paused_gc
from fieldapp.coredumps import no_core_dumps
from fieldapp.domain.errors import FieldappError
from fieldapp.saving import CannotWrite
from fieldapp.tabular import workbook
from fieldapp.tabular.columns import COLUMNS_OF

log = logging.getLogger(__name__)

#: The message that ends a sheet (every batch message is a non-empty JSON array).
_END = b""
#: How long the parent waits for the child's answer between two looks at the cancel button.
_POLL_S = 0.2
#: How many batches (about 1 MB each) the reading may run ahead of the child.
_AHEAD = 32

CHILD_FAILED = "导出失败：生成表格时出错，原来的文件没有改动。请重试；仍不行请联系县里的管理员。"
CHILD_DIED = (
    "导出失败：生成表格的后台程序意外退出（可能是电脑内存不足），原来的文件没有改动。"
    "请关闭其他程序后重试。"
)


def write_in_child(
    partial: Path,
    sheets: Mapping[str, Iterable[bytes]],
    *,
    exported_at: dt.datetime,
    check: Callable[[], None] = lambda: None,
    demo: bool = False,
) -> None:
    """Write the ledger workbook to `partial` in a child process, from each sheet's row batches.

    `sheets` holds every sheet of `columns.COLUMNS_OF` by title, as batches of rows in the
    sheet's column order (the ledger sheet already numbered), each batch a JSON array of row
    arrays in UTF-8 (`ledger_export.json_batches`), read while they are sent. `check`
    is called between batches and while waiting for the child; an exception it raises (a
    cancel) stops the child and propagates. Raises `FieldappError` if the child fails or dies;
    `partial` may then hold part of a workbook, which the caller removes.
    """
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    answer_in, answer_out = context.Pipe(duplex=False)
    child = context.Process(
        target=_child_main,
        args=(receiving, answer_out, str(partial), exported_at, demo),
        name="fieldapp-export-writer",
        daemon=True,  # never outlives the app
    )
    child.start()
    # Only the child holds these ends now: when it dies, a send fails and a wait ends at once.
    receiving.close()
    answer_out.close()
    sender = _Sender(sending)
    answered = False
    try:
        _send_sheets(sender, sheets, check)
        sender.finish()
        _wait(child, answer_in, check)
        answered = True
    finally:
        if not answered and child.is_alive():
            child.terminate()  # cancelled, or failed on our side: stop the writer
        child.join()
        sender.finish()  # the child is gone: a send still waiting fails and ends
        answer_in.close()


def _send_sheets(
    sender: _Sender, sheets: Mapping[str, Iterable[bytes]], check: Callable[[], None]
) -> None:
    """Every sheet's batches in the workbook's order, each sheet closed by `_END` (a sheet with
    no rows is just its `_END`: the child's `workbook.write_ledger_workbook` gives it its
    header); stops early when the child stopped reading."""
    for name in COLUMNS_OF:
        for batch in sheets[name]:
            check()
            if sender.failed:
                return
            if batch != b"[]":  # an empty batch carries nothing: not sent
                sender.put(batch)
        sender.put(_END)


class _Sender:
    """Sends the batches from a thread of its own, up to `_AHEAD` of them behind the reading.

    The child writes at its own pace; while it works through the batches queued here, the
    reading goes on — above all the next sheet's query, which sorts its whole result before
    giving a first row (without this the child sat idle for each). The thread holds Python's
    lock only between its writes to the pipe. If the child stops reading, `failed` is set and
    the rest is dropped (the child's answer, or its absence, says why).
    """

    def __init__(self, sending: Connection) -> None:
        self._sending = sending
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_AHEAD)
        self.failed = False
        self._thread = threading.Thread(target=self._run, name="export-sender", daemon=True)
        self._thread.start()

    def put(self, message: bytes) -> None:
        self._queue.put(message)

    def finish(self) -> None:
        """Send what is queued, then close the pipe (idempotent)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._sending.close()

    def _run(self) -> None:
        while (message := self._queue.get()) is not None:
            if self.failed:
                continue
            try:
                self._sending.send_bytes(message)
            except OSError:  # a broken pipe: the child is gone (its answer, or its absence,
                # is the failure the export says; on the command line, with no log set up, a
                # warning's traceback would go to the terminal)
                log.info("export writer stopped reading", exc_info=True)
                self.failed = True


def _wait(child: Any, answer: Connection, check: Callable[[], None]) -> None:
    """The child's answer: None when the workbook is complete, else its error: a refusal said
    (`CannotWrite`, or `workbook.TempFolderFull` for its work files), an OSError of the
    workbook's own file, or `FieldappError` for any other failure."""
    while not answer.poll(_POLL_S):
        check()
    try:
        error = answer.recv()
    except EOFError:  # the child died without a word (killed, out of memory)
        child.join()
        log.error("export writer died, exit code %s", child.exitcode)
        raise FieldappError(CHILD_DIED) from None
    if error is None:
        return
    if isinstance(error, tuple):  # the disk's doing, said as the exporting process says it
        kind, number, text = error
        log.info("export writer could not write: %s", text)
        if kind == "temp":  # its work files, on the computer's own disk: kept as such
            raise workbook.TempFolderFull(text)
        if kind == "said":
            raise CannotWrite(text)
        raise OSError(number, text)
    log.error("export writer failed: %s", error)
    raise FieldappError(CHILD_FAILED)


def _child_main(
    receiving: Connection,
    answer: Connection,
    path: str,
    exported_at: dt.datetime,
    demo: bool = False,
) -> None:
    """The child: write the workbook from the rows received, then say how it went."""
    no_core_dumps()  # exec made it dumpable again: it holds the rows in clear
    try:
        with paused_gc():  # millions of short-lived cells, none in a cycle
            workbook.write_ledger_workbook(
                Path(path),
                {name: _received(receiving, columns) for name, columns in COLUMNS_OF.items()},
                exported_at=exported_at,
                demo=demo,
            )
    except CannotWrite as error:  # the temporary folder's disk is full: told as it is
        # (its template and parts, a `Sentence` of plain tuples, cross as they are: the
        # window says it in its language; its kind too, for the caller to tell it apart)
        kind = "temp" if isinstance(error, workbook.TempFolderFull) else "said"
        _answer(answer, (kind, None, error.reason), path)
        raise SystemExit(1) from None
    except OSError as error:  # the workbook's own file: the parent names it
        _answer(answer, ("errno", error.errno, error.strerror or str(error)), path)
        raise SystemExit(1) from None
    except BaseException as error:  # any failure is reported, never a half-written success
        _answer(answer, f"{type(error).__name__}: {error}", path)
        raise SystemExit(1) from None
    _answer(answer, None, path)
    answer.close()
    # The workbook is written and closed, and the answer sent: leave at once rather than tear
    # an interpreter down object by object (about 0.1 s at 100,000 persons, which the export
    # waited for before giving the workbook its name).
    os._exit(0)


#: The one line an orphaned writer leaves on its standard error (the terminal or the journal
#: of the program that started the export).
ORPHANED = "导出中止：导出台账的程序已经退出，没写完的表格已删除，原来的文件没有改动。\n"


def _answer(answer: Connection, message: object, path: str) -> None:
    """Send the parent the writer's answer. When the parent is gone (killed: its end of the
    pipe closed, the rows stopped short), nobody will name or remove the workbook: remove it,
    say so in one line and end with exit code 1 — no traceback, no row's data."""
    try:
        answer.send(message)
    except OSError:
        try:
            Path(path).unlink(missing_ok=True)
            os.write(2, ORPHANED.encode("utf-8"))
        except OSError:
            pass
        os._exit(1)


def _received(receiving: Connection, columns: tuple[Any, ...]) -> Iterator[workbook.Record]:
    """One sheet's records as its batches arrive (read only when the writer reaches the sheet:
    it writes the sheets in order). Each dict is made by C code, as in `workbook.records`."""
    headers = tuple(c.header for c in columns)

    def batches() -> Iterator[list[list[Any]]]:
        while data := receiving.recv_bytes():
            try:
                rows = orjson.loads(data)
            except orjson.JSONDecodeError:  # what only the standard library reads: 9e999 (inf)
                rows = json.loads(data)
            yield rows

    def made(batch: list[list[Any]]) -> Iterator[workbook.Record]:
        return map(dict, map(zip, repeat(headers), batch))

    return chain.from_iterable(map(made, batches()))
