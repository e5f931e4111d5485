"""Writing a workbook the user asked for: whole or not at all, and a failure said in Chinese.

A roster, report or template is written beside its name first and takes the name only when
complete, so a full USB stick or a pulled-out one never leaves half a workbook where the last
good one was. A folder that does not exist, a read-only stick, a full disk, or a file Excel or
WPS holds open (Windows refuses to replace it) is `CannotWrite`, naming the file and the cause —
not xlsxwriter's or the Rust writer's English exception.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from fieldapp.domain.errors import FieldappError


class CannotWrite(FieldappError):
    """A file the user asked for could not be written; says which and why."""


#: The causes a clerk can act on, by errno.
_CAUSES = {
    errno.ENOENT: "文件夹不存在",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "磁盘是只读的（U 盘打开了写保护？）",
    errno.EACCES: "没有写入权限，或文件正被 Excel/WPS 打开（请先关闭它）",
    errno.EPERM: "没有写入权限，或文件正被 Excel/WPS 打开（请先关闭它）",
    errno.EISDIR: "这是一个文件夹的名字，请写文件名",
    errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
}


def cannot_write(path: Path, error: BaseException) -> CannotWrite:
    """The Chinese error for failing to write `path` with `error` (an OSError, xlsxwriter's
    FileCreateError around one, or the Rust writer's OSError that gives its errno in text)."""
    cause: BaseException = error
    if isinstance(error, FileCreateError) and error.args and isinstance(error.args[0], OSError):
        cause = error.args[0]
    number = getattr(cause, "errno", None)
    if number is None:
        found = re.search(r"os error (\d+)", str(cause))
        number = int(found.group(1)) if found else None
    folder = _folder_problem(path)
    if folder:
        reason = folder
    elif number in _CAUSES:
        reason = _CAUSES[number]
    else:
        reason = getattr(cause, "strerror", None) or str(cause)
    return CannotWrite(f"无法写入“{path}”：{reason}")


def _folder_problem(path: Path) -> str:
    """What is wrong with the folder `path` is to go in, or ''."""
    if path.parent.is_dir():
        return ""
    if path.parent.exists():
        return f"“{path.parent}”是文件，不是文件夹"
    return f"文件夹“{path.parent}”不存在"


def check_folder(path: Path) -> None:
    """Refuse at once a file whose folder does not exist (before any work is done for it)."""
    folder = _folder_problem(path)
    if folder:
        raise CannotWrite(f"无法写入“{path}”：{folder}")


@contextmanager
def written(path: Path) -> Iterator[None]:
    """Failures to write `path` inside the block become `CannotWrite`."""
    try:
        yield
    except (OSError, FileCreateError) as error:
        raise cannot_write(path, error) from None


@contextmanager
def xlsx_book(path: str | Path, options: dict[str, Any] | None = None) -> Iterator[Any]:
    """An xlsxwriter workbook for `path`, written beside it and renamed into place when the
    block ends without error; on an error the old file at `path` is left as it was."""
    path = Path(path)
    check_folder(path)
    partial = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(partial), options or {})
    try:
        yield book
    except BaseException:
        with suppress(Exception):  # the block's error is the one to tell
            book.close()
        partial.unlink(missing_ok=True)
        raise
    try:
        with written(path):
            book.close()
            os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
