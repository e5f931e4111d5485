"""`user disable` while another program (`hub serve`) holds the ledger open: the user IS
disabled, only the key change is put off (docs/hub.md: hub serve 运行时只停用，停止服务后再停用
一次才换钥匙). It said 错误：… and exited 1, as if nothing had been done; it says what was done
and what is put off, and exits 0. Run again once the ledger is free, the key is changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.store import keyfile
from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials


@pytest.fixture
def as_li(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令7")
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")


def test_disabled_while_held_open_says_done_and_put_off(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "hub.db"
    assert main(["--db", str(db), "demo", "--persons", "3", "--seed", "1"]) == 0
    assert main(["--db", str(db), "user", "add", "王强"]) == 0
    capsys.readouterr()
    held = Ledger.open(db, credentials=Credentials("李芳", "村里的口令1"))  # as hub serve does
    try:
        before = keyfile.keyfile_path(db).read_bytes()
        code = main(["--db", str(db), "user", "disable", "王强"])
        out, err = capsys.readouterr()
    finally:
        held.close()
    assert code == 0, err
    assert "已停用用户 王强" in out and "错误" not in err
    assert "钥匙" in err and "推迟" in err and "再运行一次" in err and "user disable 王强" in err
    assert keyfile.keyfile_path(db).read_bytes() != before  # his slot is gone
    assert main(["--db", str(db), "user", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["disabled"] for r in rows if r["name"] == "王强"] == [True]
    # the ledger free again, the same command changes the key
    assert main(["--db", str(db), "user", "disable", "王强"]) == 0
    out, err = capsys.readouterr()
    assert "台账已换用新钥匙" in out and "推迟" not in err
