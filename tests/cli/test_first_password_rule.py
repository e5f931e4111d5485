"""The first user's password given on the command line (a new ledger, a plain one encrypted —
as `fieldapp enrol` now asks — or a new hub) was taken whatever it was: FIELDAPP_PASSWORD=1
made an encrypted ledger whose lock a finder opens at the first guess, while every other way
of setting a password (the wizard, 设置并打开, user add, user passwd) asks for at least 6.
It is now refused, nothing made or changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.connection import is_plain_sqlite


@pytest.mark.parametrize("made", ["new", "plain", "hub"])
def test_a_first_password_too_short_is_refused_on_the_command_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    made: str,
) -> None:
    db = tmp_path / "ledger.db"
    if made == "plain":
        open_ledger(
            db
        ).close()  # a ledger made without a password (the command line now refuses to)
        assert is_plain_sqlite(db)
    capsys.readouterr()
    monkeypatch.setenv("FIELDAPP_PASSWORD", "1")
    if made == "hub":
        argv = ["--user", "县管理员", "hub", "init", "--dir", str(tmp_path / "县汇总")]
    else:
        argv = ["--db", str(db), "--user", "李芳", "user", "list"]
    assert main(argv) != 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "口令至少 6 位" in err, out + err
    if made == "plain":
        assert is_plain_sqlite(db)  # left as it was
    elif made == "new":
        assert not db.exists()
    else:
        assert not (tmp_path / "县汇总" / "hub.db").exists()

    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(argv) == 0
