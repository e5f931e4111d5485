"""The command line on a full disk: one Chinese line saying so, never a traceback, and the
ledger as it was saved before (issue 16; the full disk is `tests.store.test_full_disk`'s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.full_disk import disk_full

LI = Credentials("李芳", "村里的口令1")


@pytest.fixture
def as_li(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_USER", LI.user)
    monkeypatch.setenv("FIELDAPP_PASSWORD", LI.password)


def _one_chinese_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误："), err
    assert "Traceback" not in err and "OperationalError" not in err
    return lines[0]


def test_disabling_a_user_on_a_full_disk(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "20", "--seed", "2"]) == 0
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令12")
    assert main(["--db", db, "user", "add", "王强"]) == 0
    capsys.readouterr()

    with disk_full():
        code = main(["--db", db, "user", "disable", "王强"])

    # 王强 IS disabled (5138dc30: said so, exit 0); only the key change is put off, the full
    # disk said as its cause and the way to run it again, with no program to close named.
    assert code == 0
    out, err = capsys.readouterr()
    assert "已停用用户 王强" in out and "Traceback" not in err and "错误" not in err, err
    assert "磁盘已满" in err and "推迟" in err and "user disable 王强" in err, err
    assert "hub serve" not in err and "腾出空间" in err, err
    again = Ledger.open(db, credentials=LI)
    assert again.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 20
    again.close()


def test_a_command_writing_the_ledger_on_a_full_disk(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "user", "list"]) == 0  # a new, empty encrypted ledger
    capsys.readouterr()

    with disk_full():
        code = main(["--db", db, "demo", "--persons", "200", "--seed", "2"])

    assert code == 1
    assert "磁盘已满" in _one_chinese_line(capsys.readouterr().err)
    assert main(["--db", db, "user", "list"]) == 0


def test_a_command_writing_a_read_only_ledger(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    # A ledger file set read-only (copied from a CD, a file marked read-only): SQLite opens it
    # for reading, and the first write failed with a traceback ending in
    # OperationalError: attempt to write a readonly database.
    from tests.store.test_read_only_folder import write_protected

    db = tmp_path / "l.db"
    assert main(["--db", str(db), "demo", "--persons", "20", "--seed", "2"]) == 0
    again = Ledger.open(db, credentials=LI)
    again.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    again.close()
    capsys.readouterr()

    with write_protected(db):
        assert main(["--db", str(db), "search", "张"]) == 0  # reading goes on
        capsys.readouterr()
        code = main(["--db", str(db), "print", "settings", "--set", "county_name", "播州区"])

    assert code == 1
    line = _one_chinese_line(capsys.readouterr().err)
    assert "只读" in line and "没有完成" in line, line
    assert main(["--db", str(db), "print", "settings", "--set", "county_name", "播州区"]) == 0
