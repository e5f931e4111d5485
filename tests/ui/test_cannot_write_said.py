"""A file that could not be written (`fieldapp.saving.CannotWrite`) or read (the spreadsheet
reader's file not found) was said in Chinese only, with the file's whole path, and an errno no
clerk can act on in the system's English (Too many levels of symbolic links). Each is now a
template with parts: the file named by its name, an unknown errno said generally (the system's
words to the log), Chinese on the command line and in the Chinese window, English in the
English one."""

from __future__ import annotations

import errno
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.saving import CannotWrite, cannot_write, check_folder, check_not_ledger
from fieldapp.tabular import workbook
from fieldapp.tabular.reader import SheetStream
from fieldapp.tabular.workbook import TempFolderFull
from fieldapp.ui import i18n
from fieldapp.ui.errors import message_for
from tests.english import in_english

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def english(qapp) -> Iterator[None]:
    with in_english():
        yield


def _english(text: str, *names: str) -> None:
    """No Chinese left but the names said as they are."""
    for name in names:
        text = text.replace(name, "")
    assert not CHINESE.search(text), text


def test_each_cause_names_the_file_by_its_name(tmp_path: Path, qapp) -> None:
    target = tmp_path / "U盘" / "月报.xlsx"
    target.parent.mkdir()
    full = cannot_write(target, OSError(errno.ENOSPC, "No space left on device"))
    assert str(full) == "无法写入“月报.xlsx”：磁盘已满"
    assert message_for(full) == "无法写入“月报.xlsx”：磁盘已满"
    assert str(tmp_path) not in str(full)
    held = cannot_write(target, PermissionError(errno.EACCES, "Permission denied"))
    assert str(held) == (
        "无法写入“月报.xlsx”：没有写入权限，或文件正被其他程序（Excel、WPS、PDF 阅读器）打开，"
        "请先关闭它"
    )


def test_an_errno_no_clerk_can_act_on_is_said_generally_and_logged(
    tmp_path: Path, qapp, caplog: pytest.LogCaptureFixture
) -> None:
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    with caplog.at_level(logging.INFO, logger="fieldapp.saving"):
        refused = cannot_write(tmp_path / "月报.xlsx", odd)
    assert str(refused) == (
        "无法写入“月报.xlsx”：读写时出错，文件没有写完。请换一个文件夹（或 U 盘）再试一次"
    )
    assert "Too many levels of symbolic links" in caplog.text  # the detail, for a helper


def test_the_english_window_says_them_in_english(tmp_path: Path, english) -> None:
    target = tmp_path / "月报.xlsx"
    said = {
        errno.ENOSPC: "Cannot write “月报.xlsx”: the disk is full",
        errno.EROFS: "Cannot write “月报.xlsx”: the disk is read-only (is the USB stick's "
        "write protection on?)",
        errno.ELOOP: "Cannot write “月报.xlsx”: the file could not be written to the end. "
        "Try again in another folder (or on another USB stick)",
    }
    for number, english_text in said.items():
        assert message_for(cannot_write(target, OSError(number, "system words"))) == english_text
    missing = tmp_path / "没有的文件夹" / "月报.xlsx"
    with pytest.raises(CannotWrite) as refused:
        check_folder(missing)
    assert str(refused.value) == f"无法写入“月报.xlsx”：文件夹“{missing.parent}”不存在"
    assert message_for(refused.value) == (
        f"Cannot write “月报.xlsx”: the folder “{missing.parent}” does not exist"
    )
    ledger = tmp_path / "台账.db"
    ledger.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(CannotWrite) as refused:
        check_not_ledger(ledger)
    assert str(refused.value) == (
        "不能写入“台账.db”：这是台账（数据库）文件，写入会毁掉台账。请另取一个文件名"
    )
    shown = message_for(refused.value)
    assert shown.startswith("Cannot write “台账.db”: it is a ledger (database) file"), shown
    _english(shown, "台账.db")


def test_a_spreadsheet_not_found_is_named_by_its_name(tmp_path: Path, english) -> None:
    with pytest.raises(ValidationFailed) as refused:
        SheetStream(tmp_path / "导入" / "名单.xlsx")
    assert str(refused.value) == "找不到文件：名单.xlsx"
    assert message_for(refused.value) == "File not found: 名单.xlsx"
    i18n.install_language("zh_CN")
    assert message_for(refused.value) == "找不到文件：名单.xlsx"


def test_the_computers_own_disk_full_is_said_in_english(english) -> None:
    # What the Rust writer raises when its work files do not fit (`tests.tabular.test_full_stick`
    # fills a real disk): said as a template with its cause, the folder's path only logged.
    with pytest.raises(TempFolderFull) as refused, workbook._said_as_the_disks():
        raise RuntimeError("Failed to write worksheet: No space left on device (os error 28)")
    assert str(refused.value) == (
        "无法导出：程序暂存表格的文件夹写不进去（磁盘已满）。这是电脑本身的磁盘，"
        "请先腾出空间再导出。原来的文件没有改动"
    )
    assert message_for(refused.value) == (
        "Cannot export: the folder where the program keeps the workbook while writing it could "
        "not be written to (the disk is full). That is the computer's own disk: free some space "
        "on it, then export again. The file that was there before is unchanged"
    )
    with pytest.raises(TempFolderFull) as refused, workbook._said_as_the_disks():
        raise RuntimeError("Failed to create file (os error 40)")  # ELOOP: no clerk's cause
    shown = message_for(refused.value)
    assert "(a read or write error)" in shown and "symbolic" not in shown, shown
    assert "free some space" not in shown and "restart the computer" in shown, shown
    _english(shown)
    # a folder refused, not a disk full: its advice is the permission, not space freed
    with pytest.raises(TempFolderFull) as refused, workbook._said_as_the_disks():
        raise RuntimeError("Failed to create file (os error 13)")
    assert str(refused.value) == (
        "无法导出：程序暂存表格的文件夹写不进去（没有写入权限）。这是电脑本身的磁盘，"
        "请让管理这台电脑的人查看这个文件夹的写入权限（或安全软件是否拦住了本程序）后再导出。"
        "原来的文件没有改动"
    )
    shown = message_for(refused.value)
    assert "(no permission to write)" in shown and "write permission" in shown, shown
    assert "free some space" not in shown, shown
    _english(shown)
