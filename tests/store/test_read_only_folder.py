"""A ledger on a write-protected USB stick (or a CD, or a folder without write permission):
SQLite must write its work files (-wal, -shm) beside the ledger to open it at all. The clerk was
told 口令不对，或这个文件不是台账 (and typed the password again and again), or, on a read-only
mount, 读写文件“…l.db.keys.tmp”出错：Read-only file system. Now the message names the ledger
and says the folder is read-only and what to do; nothing is changed, and once the protection
is off the ledger opens with everything in it."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from fieldapp.domain.errors import FieldappError
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.clear_text import realistic_session
from tests.mounts import small_disk

LI = Credentials("李芳", "村里的口令1")


@contextmanager
def write_protected(folder: Path) -> Iterator[None]:
    """`folder` refuses new files, even to root (who ignores modes): the immutable flag."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("this file system cannot make a folder write-protected for root")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=False)


@contextmanager
def read_only_stick(folder: Path) -> Iterator[None]:
    """The files of `folder` on a small file system mounted read-only (needs root)."""
    with small_disk(folder.with_name(folder.name + "-mnt"), "8m") as stick:
        for item in folder.iterdir():
            (stick / item.name).write_bytes(item.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
        yield


def _ledger(folder: Path, credentials: Credentials | None) -> tuple[Path, int]:
    folder.mkdir()
    path = folder / "ledger.db"
    ledger = Ledger.open(path, credentials=credentials, author="测试员")
    realistic_session(ledger)
    persons = int(ledger.db.execute("SELECT count(*) FROM persons").fetchone()[0])
    ledger.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    for extra in folder.glob("ledger.db-*"):
        extra.unlink()  # as it is on a stick after the app closed it
    return path, persons


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _assert_said_read_only(error: FieldappError, path: Path) -> None:
    said = str(error)
    assert str(path) in said and "只读" in said and "口令" not in said, said
    assert "Read-only" not in said and ".tmp" not in said


@pytest.mark.parametrize("credentials", [LI, None], ids=["encrypted", "plain"])
def test_a_ledger_in_a_write_protected_folder_is_said_so(
    tmp_path: Path, credentials: Credentials | None
) -> None:
    path, persons = _ledger(tmp_path / "U盘", credentials)
    before = _files(path.parent)

    with write_protected(path.parent), pytest.raises(FieldappError) as refused:
        Ledger.open(path, credentials=credentials)

    _assert_said_read_only(refused.value, path)
    assert _files(path.parent) == before
    again = Ledger.open(path, credentials=credentials)
    assert again.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    again.close()


def test_a_ledger_on_a_read_only_stick_is_said_so(tmp_path: Path) -> None:
    made, _persons = _ledger(tmp_path / "拷来的", LI)
    path = tmp_path / "拷来的-mnt" / made.name

    with read_only_stick(made.parent), pytest.raises(FieldappError) as refused:
        Ledger.open(path, credentials=LI)

    _assert_said_read_only(refused.value, path)


def test_a_plain_ledger_to_be_encrypted_in_a_write_protected_folder_is_said_so(
    tmp_path: Path,
) -> None:
    # Opening a plain ledger with a user and password encrypts it beside itself (a work file
    # …pending): refused with 读写文件“…ledger.db.1a2b….pending”出错：Operation not permitted.
    path, persons = _ledger(tmp_path / "U盘", None)
    before = _files(path.parent)

    with write_protected(path.parent), pytest.raises(FieldappError) as refused:
        Ledger.open(path, credentials=LI)

    _assert_said_read_only(refused.value, path)
    assert ".pending" not in str(refused.value)
    assert _files(path.parent) == before
    plain = Ledger.open(path)
    assert plain.db.execute("SELECT count(*) FROM persons").fetchone()[0] == persons
    plain.close()


def test_a_new_ledger_in_a_write_protected_folder_is_said_so(tmp_path: Path) -> None:
    folder = tmp_path / "光盘"
    folder.mkdir()
    with write_protected(folder), pytest.raises(FieldappError) as refused:
        Ledger.open(folder / "新台账.db", credentials=LI)
    said = str(refused.value)
    assert str(folder) in said and "只读" in said and ".pending" not in said, said
    assert list(folder.iterdir()) == []
