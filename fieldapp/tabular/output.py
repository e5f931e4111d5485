"""Writing a workbook the user asked for: whole or not at all, and a failure said in Chinese.

A roster, report or template is written beside its name first and takes the name only when
complete, so a full USB stick or a pulled-out one never leaves half a workbook where the last
good one was; a failure to write is `saving.CannotWrite`, naming the file and the cause — not
xlsxwriter's or the Rust writer's English exception.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from fieldapp import saving


@contextmanager
def written(path: Path) -> Iterator[None]:
    """`saving.written`, and xlsxwriter's FileCreateError (around an OSError) as well."""
    try:
        with saving.written(path):
            yield
    except FileCreateError as error:
        cause = error.args[0] if error.args and isinstance(error.args[0], OSError) else error
        raise saving.cannot_write(path, cause) from None


@contextmanager
def xlsx_book(path: str | Path, options: dict[str, Any] | None = None) -> Iterator[Any]:
    """An xlsxwriter workbook for `path`, written beside it and renamed into place when the
    block ends without error; on an error the old file at `path` is left as it was.

    The whole workbook is made in memory — its parts and the zip around them — and only then
    written to the disk, in one go, by this function. xlsxwriter writing the parts itself
    would put them in the system's temporary folder, where a crash would leave names and ID
    numbers in clear outside the folder the user chose (or, beside `path`, leave a dozen work
    files on a full stick); zipping straight into the file would leave the zip half-written
    when the stick is full, and Python print its traceback when it drops it."""
    path = Path(path)
    saving.check_folder(path)
    partial = path.with_name(path.name + ".part")
    chosen = {k: v for k, v in (options or {}).items() if k not in ("constant_memory", "tmpdir")}
    made = io.BytesIO()
    book = xlsxwriter.Workbook(made, {**chosen, "in_memory": True})
    try:
        yield book
    except BaseException:
        with suppress(Exception):  # the block's error is the one to tell
            book.close()
        raise
    book.close()
    try:
        with written(path):
            write_whole(partial, made.getbuffer())
            os.replace(partial, path)
    finally:
        saving.discard(partial)


def write_whole(path: Path, data: bytes | memoryview) -> None:
    """Write `data` as the file `path`, synced to the disk; an OSError if it does not fit
    (`write_pieces`)."""
    write_pieces(path, [data])


def write_pieces(path: Path, pieces: Iterable[bytes | memoryview]) -> None:
    """Write `pieces` one after another as the file `path`, synced to the disk; an OSError if
    they do not fit, and then no file at `path` (`saving.discard`): a full disk never leaves a
    half file under the name, even for a caller that writes the name itself.

    Unbuffered, so that a failed write leaves nothing pending for a later close to fail on
    again (and Python to print as "Exception ignored")."""
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        saving.discard(path)
        raise
