"""A thief at the login screen of a found laptop has five tries before the first wait: the
passwords a village office is most likely to use — 123456, 888888, 111111, 123123, 5201314 —
were all taken (the rule asked only for 6 characters), so those five tries could well open a
ledger of a hundred thousand people's ID numbers and bank accounts. Such a password is now
refused wherever one is set, saying why; a password of the same length that is not one of
them is taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    path = str(tmp_path / "ledger.db")
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(["--db", path, "user", "list"]) == 0
    return path


@pytest.mark.parametrize(
    "password",
    [
        "123456",
        "888888",
        "111111",
        "000000",
        "123123",
        "5201314",
        "654321",
        "abcdef",
        "12345678",
        "qwerty",
        "a123456",
        "password",
        "王强王强王强",
    ],  # fmt: skip
)
def test_a_password_a_thief_tries_first_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", password)
    capsys.readouterr()
    assert main(["--db", db, "user", "add", "王强"]) != 0
    err = capsys.readouterr().err
    assert "口令太容易猜" in err and "Traceback" not in err, err
    assert main(["--db", db, "user", "list"]) == 0
    assert "王强" not in capsys.readouterr().out


@pytest.mark.parametrize("password", ["hx8c3k", "村里的口令1", "wq260917", "1357924680"])
def test_a_password_not_among_them_is_taken(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", password)
    assert main(["--db", db, "user", "add", "王强"]) == 0


def test_a_first_password_a_thief_tries_first_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSWORD", "888888")
    db = tmp_path / "ledger.db"
    assert main(["--db", str(db), "--user", "李芳", "user", "list"]) != 0
    assert "口令太容易猜" in capsys.readouterr().err
    assert not db.exists()
