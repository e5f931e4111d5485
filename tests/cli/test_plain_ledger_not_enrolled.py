"""A ledger enrolled by a script without a password kept the device's private keys (and every
ID number and account) in clear in the SQLite file: a laptop left on a bus gave the finder the
village's people and the keys to sign bundles as that village. The command line now refuses to
enrol a ledger that has no password, saying to run it again with a user and password (the
ledger is then encrypted first, and enrolled)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.services.ledgers import open_ledger
from fieldapp.store.connection import is_plain_sqlite
from fieldapp.sync.enrolment import read_enrolment, unb64
from tests.codes import plain_hub


def _enrolment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    hub = str(tmp_path / "县汇总")
    plain_hub(Path(hub))
    out = tmp_path / "红星村.enrol"
    args = ["hub", "enroll", "--dir", hub, "--device", "红星村", "--area", "520502101001"]
    capsys.readouterr()
    assert main([*args, "--out", str(out), "--json"]) == 0
    return out, str(json.loads(capsys.readouterr().out)["code"])


@pytest.mark.parametrize("made", ["new", "plain"])
def test_a_ledger_without_a_password_is_not_enrolled_and_keeps_no_key_in_clear(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    made: str,
) -> None:
    enrolment, code = _enrolment(tmp_path, capsys)
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", code)
    secret = unb64(read_enrolment(enrolment, code)["device"]["sign_secret"])
    db = tmp_path / "村" / "ledger.db"
    if made == "plain":
        db.parent.mkdir()
        open_ledger(db).close()  # a ledger made without one (user list alone now makes none)
        assert is_plain_sqlite(db)
    capsys.readouterr()

    assert main(["--db", str(db), "enrol", str(enrolment)]) != 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "已登记" not in out, out + err
    assert "没有加密" in err and "口令" in err and "--user" in err, err
    if db.exists():  # nothing enrolled: no key of the device in the file
        assert secret not in db.read_bytes()
        assert main(["--db", str(db), "sync", "status", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["enrolled"] is False

    # Again with a user and password, as it says: encrypted first, then enrolled.
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    assert main(["--db", str(db), "--user", "李芳", "enrol", str(enrolment)]) == 0
    assert "已登记为设备 红星村" in capsys.readouterr().out
    assert not is_plain_sqlite(db) and secret not in db.read_bytes()
