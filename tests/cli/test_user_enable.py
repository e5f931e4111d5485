"""A user disabled by mistake (停用 clicked on the wrong name) is enabled again by an
administrator, with a new password, and who did it is kept (issue 16)."""

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


def _users(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert main(["--db", db, "user", "list", "--json"]) == 0
    return {u["name"]: u for u in json.loads(capsys.readouterr().out)}


def test_a_user_disabled_by_mistake_is_enabled_again_with_a_new_password(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "5", "--seed", "3"]) == 0
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令12")
    assert main(["--db", db, "user", "add", "王强"]) == 0
    assert main(["--db", db, "user", "disable", "王强"]) == 0
    listed = _users(db, capsys)["王强"]
    assert listed["disabled"] and listed["disabled_by"] == "李芳" and listed["disabled_at"]

    # His name cannot simply be added again; the refusal says what to do instead.
    assert main(["--db", db, "user", "add", "王强"]) == 1
    err = capsys.readouterr().err
    assert "已停用" in err and "user enable 王强" in err and "Traceback" not in err

    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的新口令12")
    assert main(["--db", db, "user", "enable", "王强"]) == 0
    assert "已重新启用用户 王强" in capsys.readouterr().out
    listed = _users(db, capsys)["王强"]
    assert not listed["disabled"]
    assert listed["enabled_by"] == "李芳" and listed["enabled_at"]
    assert listed["disabled_by"] == "李芳"  # the history of both steps stays
    Ledger.open(db, credentials=Credentials("王强", "王强的新口令12")).close()
    with pytest.raises(keyfile.WrongPassword):  # his old password opened the old key only
        Ledger.open(db, credentials=Credentials("王强", "王强的口令12"))
    capsys.readouterr()
    assert main(["--db", db, "user", "list"]) == 0
    assert "李芳 于" in capsys.readouterr().out  # who enabled him, in the plain listing too

    # Enabling someone who is not disabled, or nobody, is said so; nothing changes.
    assert main(["--db", db, "user", "enable", "王强"]) == 1
    assert "没有停用" in capsys.readouterr().err
    assert main(["--db", db, "user", "enable", "赵敏"]) == 1
    assert "没有名为 赵敏 的用户" in capsys.readouterr().err


def test_only_an_administrator_enables_a_user(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "5", "--seed", "3"]) == 0
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "同事的口令12")
    assert main(["--db", db, "user", "add", "王强"]) == 0
    assert main(["--db", db, "user", "add", "赵敏"]) == 0
    assert main(["--db", db, "user", "disable", "赵敏"]) == 0
    monkeypatch.setenv("FIELDAPP_USER", "王强")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "同事的口令12")
    capsys.readouterr()
    assert main(["--db", db, "user", "enable", "赵敏"]) == 1
    assert "管理员" in capsys.readouterr().err
    with pytest.raises(keyfile.WrongPassword):
        Ledger.open(db, credentials=Credentials("赵敏", "同事的口令12"))


def test_setting_a_disabled_users_password_says_to_enable_them(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An administrator undoing a mistaken 停用 first tries 重设口令 (user passwd NAME); the
    refusal used to say only 用户 王强 已停用, not how to let him back."""
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "demo", "--persons", "5", "--seed", "3"]) == 0
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", "王强的口令12")
    assert main(["--db", db, "user", "add", "王强"]) == 0
    assert main(["--db", db, "user", "disable", "王强"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "user", "passwd", "王强"]) == 1
    err = capsys.readouterr().err
    assert "已停用" in err and "重新启用所选用户" in err and "user enable 王强" in err
