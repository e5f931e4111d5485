"""A password given (FIELDAPP_PASSWORD, --password-file) with no user name: refused, saying
what is missing. Making a hub or a new ledger, it said “这个台账没有设置口令，不用口令也能打开”
— of a ledger that did not exist; it now asks for the first user's name, nothing made."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main


@pytest.fixture
def password_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FIELDAPP_USER", raising=False)
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")


@pytest.mark.usefixtures("password_only")
def test_a_hub_made_with_a_password_and_no_user_asks_for_the_first_users_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["hub", "init", "--dir", str(tmp_path / "县汇总")]) == 1
    err = capsys.readouterr().err
    assert "写明第一个用户的名字；什么也没有建立" in err, err
    assert "不用口令也能打开" not in err
    assert not (tmp_path / "县汇总").exists()


@pytest.mark.usefixtures("password_only")
def test_a_new_ledger_with_a_password_and_no_user_is_not_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "村.db"), "demo", "--persons", "10"]) == 1
    err = capsys.readouterr().err
    assert "写明第一个用户的名字；什么也没有建立" in err, err
    assert not (tmp_path / "村.db").exists()


def test_a_plain_ledger_given_a_password_and_no_user_says_it_opens_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "旧台账.db"
    monkeypatch.delenv("FIELDAPP_USER", raising=False)
    monkeypatch.delenv("FIELDAPP_PASSWORD", raising=False)
    assert main(["--db", str(db), "demo", "--persons", "10"]) == 0  # plain (a note said so)
    monkeypatch.setenv("FIELDAPP_PASSWORD", "县里的口令1")
    capsys.readouterr()
    assert main(["--db", str(db), "search", "张"]) == 1
    err = capsys.readouterr().err
    assert "这个台账没有设置口令，不用口令也能打开" in err, err
