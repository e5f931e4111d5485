"""Writing a workbook the user asked for: whole or not at all, and a failure said in Chinese.

A roster, report or template is written beside its name first and takes the name only when
complete, so a full USB stick or a pulled-out one never leaves half a workbook where the last
good one was; a failure to write is `saving.CannotWrite`, naming the file and the cause — not
xlsxwriter's or the Rust writer's English exception.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
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

    xlsxwriter writes every part of a workbook (the names and ID numbers in its shared
    strings) to a file in the system's temporary folder before zipping them: a crash there
    would leave them in clear outside the folder the user chose. The parts are kept in memory
    instead; a workbook written row by row (`constant_memory`) keeps them beside `path`."""
    path = Path(path)
    saving.check_folder(path)
    partial = path.with_name(path.name + ".part")
    chosen = options or {}
    kept = {"tmpdir": str(path.parent)} if chosen.get("constant_memory") else {"in_memory": True}
    book = xlsxwriter.Workbook(str(partial), {**kept, **chosen})
    try:
        yield book
    except BaseException:
        with suppress(Exception):  # the block's error is the one to tell
            book.close()
        saving.discard(partial)
        raise
    try:
        with written(path):
            book.close()
            os.replace(partial, path)
    finally:
        saving.discard(partial)
