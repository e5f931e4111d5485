"""A bundle's import that failed is refused by what it failed on, read as the desktop and the
command line read a write to the ledger (`saving.ledger_trouble`): the ledger busy (another
program's write held), its disk full, or else invalid. Real SQLite errors, made as a clerk's
computer makes them."""

from __future__ import annotations

import errno
import logging
import re
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2

from fieldapp.sync import exchange


def _error(action) -> Exception:
    with pytest.raises(dbapi2.Error) as raised:
        action()
    return raised.value


def test_a_ledger_another_program_writes_is_busy_not_the_bundles_fault(tmp_path: Path) -> None:
    path = tmp_path / "台账.db"
    holder = dbapi2.connect(str(path), timeout=0)
    holder.execute("CREATE TABLE t (x)")
    holder.commit()
    holder.execute("BEGIN IMMEDIATE")
    other = dbapi2.connect(str(path), timeout=0)
    try:
        error = _error(lambda: other.execute("INSERT INTO t VALUES (1)"))
    finally:
        other.close()
        holder.close()
    assert "locked" in str(error)
    assert exchange._as_refusal(error).code == exchange.BUSY


def test_a_full_disk_refuses_as_disk_full(tmp_path: Path) -> None:
    db = dbapi2.connect(str(tmp_path / "台账.db"))
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.execute("PRAGMA max_page_count = 3")  # the disk as full as a stick can be
    try:
        error = _error(
            lambda: [db.execute("INSERT INTO t VALUES (?)", ("x" * 4000,)) for _ in "abc"]
        )
    finally:
        db.close()
    assert "full" in str(error)
    assert exchange._as_refusal(error).code == "disk_full"
    no_room = OSError(errno.ENOSPC, "No space left on device")
    assert exchange._as_refusal(no_room).code == "disk_full"


def test_a_fault_of_neither_is_invalid_and_says_what_it_was(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Said in Chinese words of what kind of thing was wrong: the refusal reaches the village's
    coordinator (the hub's answer, the quarantine's reason). It said `OperationalError: no
    such table: no_such_table`, `KeyError: 'tbl'`; the exception is the log's alone."""
    db = dbapi2.connect(str(tmp_path / "台账.db"))
    try:
        error = _error(lambda: db.execute("SELECT * FROM no_such_table"))
        db.execute("CREATE TABLE t (x UNIQUE)")
        db.execute("INSERT INTO t VALUES ('身份证 520502199001011234')")
        clash = _error(lambda: db.execute("INSERT INTO t VALUES ('身份证 520502199001011234')"))
    finally:
        db.close()
    with caplog.at_level(logging.WARNING, logger="fieldapp.sync"):
        refusal = exchange._as_refusal(error)
    assert refusal.code == "invalid"
    assert (
        refusal.detail == "数据包里的修改无法写入台账，没有导入任何修改（详细情况已记在运行日志里）"
    )
    assert "no_such_table" in caplog.text and "OperationalError" in caplog.text
    cases = {
        clash: "与台账中已有的记录相冲突",
        KeyError("tbl"): "缺少必需的内容",
        ValueError("invalid literal for int() with base 10: 'abc'"): "格式不对",
        TypeError("'NoneType' object is not subscriptable"): "类型不对",
        RuntimeError("boom"): "意外的问题",
    }
    for fault, words in cases.items():
        said = str(exchange._as_refusal(fault))
        assert said.startswith("数据包内容不合格：数据包") or "意外" in said, said
        assert words in said and "没有导入任何修改" in said, said
        assert not re.search(r"[A-Za-z]", said), said  # no exception name, key, SQL, value
        assert "520502199001011234" not in said
    # An error whose text happens to hold the word is no full disk (not read by hand).
    refused = OSError(errno.EACCES, "Permission denied: 'full'")
    assert exchange._as_refusal(refused).code == "invalid"


def _read_only(path: Path) -> None:
    """Make `path` a read-only file as a write-protected stick leaves it: its write permission
    taken away and, where that does not bind (the tests run as root), immutable too."""
    import os
    import subprocess

    path.chmod(0o444)
    if os.geteuid() != 0:
        return
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if made.returncode != 0:
        pytest.skip("cannot make a file read-only for root here (chattr)")


def _writable(path: Path) -> None:
    import os
    import subprocess

    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True, check=False)
    path.chmod(0o644)


def test_a_read_only_ledger_is_the_devices_trouble_not_the_bundles(tmp_path: Path) -> None:
    """A bundle imported into a ledger whose file is read-only (a write-protected stick, a
    file set read-only) was refused as 数据包内容不合格：OperationalError: attempt to write a
    readonly database, and the good bundle went to quarantine. It is said in Chinese, like a
    busy ledger, and stays where it was: nothing of it is kept, it can come again."""
    from fieldapp.hub.folder import Hub
    from fieldapp.store.ledger import Ledger
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.errors import BundleRefused
    from fieldapp.sync.exchange import export_bundle, import_bundle, ledger_folders
    from tests.codes import ENROL_CODE
    from tests.sync.helpers import VILLAGE, add_family

    hub = Hub.init(tmp_path / "县汇总")
    path = tmp_path / "红星村.db"
    device = Ledger.open(path, author="李芳")
    try:
        hub.enroll("红星村", VILLAGE, tmp_path / "e.enrol", code=ENROL_CODE, by="县里的科员")
        enrol(device, tmp_path / "e.enrol", code=ENROL_CODE)
        add_family(device, VILLAGE, ["101"])
        hub.import_file(export_bundle(device, tmp_path / "up.fieldsync").path)
        answer = hub.export_for("红星村", tmp_path / "down.fieldsync").path
    finally:
        device.close()
        hub.close()
    before = answer.read_bytes()
    _read_only(path)
    try:
        device = Ledger.open(path, author="李芳")
        try:
            with pytest.raises(BundleRefused) as refused:
                import_bundle(device, answer)
            folders = ledger_folders(device.path)
        finally:
            device.close()
    finally:
        _writable(path)
    error = refused.value
    assert error.code == exchange.READ_ONLY and error.quarantined is None
    assert str(error).startswith("台账不能写入（只读）")
    assert "写保护" in str(error) and "数据库管理员" not in str(error)
    assert "OperationalError" not in str(error) and "readonly" not in str(error)
    assert answer.read_bytes() == before  # where it came from, whole
    for kept in (folders.quarantine, folders.inbox, folders.imported):
        assert not kept.exists() or list(kept.iterdir()) == [], kept


def test_a_read_only_file_refuses_as_read_only(tmp_path: Path) -> None:
    path = tmp_path / "台账.db"
    db = dbapi2.connect(str(path))
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    _read_only(path)
    try:
        db = dbapi2.connect(str(path))
        try:
            error = _error(lambda: db.execute("INSERT INTO t VALUES (1)"))
        finally:
            db.close()
    finally:
        _writable(path)
    assert "readonly" in str(error)
    refusal = exchange._as_refusal(error)
    assert (refusal.code, refusal.detail) == (exchange.READ_ONLY, exchange.READ_ONLY_FILE)
