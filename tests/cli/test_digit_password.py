"""A password of digits only is guessed offline, not at the login screen: whoever copies the
ledger and its key file tries every password on their own computer, 0.22 s of Argon2id a guess
on one core — every six-digit password in about 61 hours, every seven-digit one in about 25
days, every birthday between 1950 and 2010 (about 22,000 dates) in about 80 minutes. A
password of digits only shorter than 8, or that is a date (yyyymmdd, ddmmyyyy, mmddyyyy, or
with separators as 1985-03-17, 17.03.1985, 1985/3/17: a birthday), is
now refused wherever one is set, saying why in Chinese; eight or more digits that are no date,
and a short password with a letter or a Chinese character in it, are taken."""

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
    "password", ["260917", "8251937", "19850317", "20000229", "19991231", "２６０９１７"]
)
def test_a_short_or_dated_password_of_digits_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", password)
    capsys.readouterr()
    assert main(["--db", db, "user", "add", "王强"]) != 0
    err = capsys.readouterr().err
    assert "只有数字的口令" in err and "Traceback" not in err, err
    assert err.count("\n") == 1, err
    assert main(["--db", db, "user", "list"]) == 0
    assert "王强" not in capsys.readouterr().out


#: A birthday written the other ways round (ddmmyyyy, mmddyyyy) or with separators, as a
#: thief's list of 1900–2099's dates in every common shape would try it.
BIRTHDAYS = [
    "17031985",
    "03171985",
    "1985-03-17",
    "1985.03.17",
    "1985/3/17",
    "17.03.1985",
    "3/17/1985",
    "17-3-1985",
    "2000-2-29",
    "１９８５－０３－１７",  # typed with a Chinese input method's full-width characters
    "1985年3月17日",
    # … and with the year's two last digits: still 6 to 8 characters, still on the list
    "85-03-17",
    "85.3.17",
    "17.03.85",
    "3/17/85",
    "85年3月17日",
    "05-02-29",
    "1985-03/17",  # separators mixed
]
#: Near misses, taken: no calendar date of 1900–2099 in any order, or a date with words (a
#: passphrase with a date in it is long and not on the thief's list of dates).
NOT_BIRTHDAYS = [
    "17131985",
    "1985-02-30",
    "1985-13-17",
    "1885-03-17",
    "2100/1/1",
    "2001-2-29",
    "1985-03-17王强家的牛",
    "王强1985.03.17",
    "我1985年3月17日生",
    "85-13-17",
    "85-02-30",
    "1985-3-17-1",
]


@pytest.mark.parametrize("password", BIRTHDAYS)
def test_a_birthday_in_another_shape_is_refused(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", password)
    capsys.readouterr()
    assert main(["--db", db, "user", "add", "王强"]) != 0
    err = capsys.readouterr().err
    assert "生日这样的日期" in err and "Traceback" not in err, err
    # Said as a date when it is one written with separators (not “只有数字的口令…”), and the
    # password itself is never said back.
    assert ("只有数字的口令" in err) == password.isdigit(), err
    assert password not in err, err
    assert main(["--db", db, "user", "list"]) == 0
    assert "王强" not in capsys.readouterr().out


@pytest.mark.parametrize("password", NOT_BIRTHDAYS)
def test_a_near_miss_of_a_birthday_is_taken(password: str) -> None:
    from fieldapp.services.users import check_password

    assert check_password(password) == password


@pytest.mark.parametrize(
    "password", ["82519374", "19851332", "wq260917", "王强260917", "1357924680"]
)
def test_longer_digits_or_digits_with_letters_are_taken(
    db: str, monkeypatch: pytest.MonkeyPatch, password: str
) -> None:
    monkeypatch.setenv("FIELDAPP_NEW_PASSWORD", password)
    assert main(["--db", db, "user", "add", "王强"]) == 0


def test_a_first_password_of_six_digits_makes_no_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSWORD", "260917")
    db = tmp_path / "ledger.db"
    assert main(["--db", str(db), "--user", "李芳", "user", "list"]) != 0
    assert "只有数字的口令" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.parametrize("password", ["260917", "123456", "abc", "1985-03-17", "17031985"])
def test_a_first_wave_backup_restored_under_a_guessable_password_is_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    password: str,
) -> None:
    """A first-wave backup (a plain copy, no password) restored makes its restorer its first
    user: the password typed for it is set there, and is held to the rule as any other."""
    from fieldapp.store.ledger import Ledger

    backup = tmp_path / "U盘" / "ledger-备份-20261120-140512.db"
    backup.parent.mkdir()
    Ledger.open(backup).close()
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", password)
    db = tmp_path / "new" / "ledger.db"
    assert main(["--db", str(db), "restore", str(backup)]) != 0
    err = capsys.readouterr().err
    assert "口令" in err and "Traceback" not in err, err
    assert not db.exists()


def test_a_first_wave_backup_is_checked_for_its_new_password_first(tmp_path: Path) -> None:
    """设置 → 从备份恢复 checks the backup before asking to restore it: a first-wave one under a
    password the rule refuses is refused there, before the clerk confirms anything."""
    from fieldapp.domain.credentials import Credentials
    from fieldapp.domain.errors import ValidationFailed
    from fieldapp.services import backup as backups
    from fieldapp.store.ledger import Ledger

    backup = tmp_path / "ledger-备份-20261120-140512.db"
    Ledger.open(backup).close()
    with pytest.raises(ValidationFailed, match="只有数字的口令"):
        backups.check_backup(backup, Credentials("李芳", "19850317"), tmp_path)
    for birthday in ("17.03.1985", "03171985"):
        with pytest.raises(ValidationFailed, match="生日这样的日期"):
            backups.check_backup(backup, Credentials("李芳", birthday), tmp_path)
    assert (
        backups.check_backup(backup, Credentials("李芳", "村里的口令1"), tmp_path)["persons"] == 0
    )
