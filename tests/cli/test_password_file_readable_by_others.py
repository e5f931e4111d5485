"""A password kept in a file for a script or the hub's service (--password-file, docs/hub.md:
"这个文件只给运行中心的账户读") was read whatever its permissions: written with `echo … >` it is
0644, and every account on the computer could read the password of the ledger (or of the hub,
whose key opens every village's ledger) without a word said. It is still read — the service
must start — but the command now says, as ssh does of a private key, who else can read it and
how to stop them (chmod 600); a file only its owner reads says nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldapp.cli.main import main

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600])
def test_a_password_file_others_can_read_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    db = str(tmp_path / "ledger.db")
    secret = tmp_path / "口令.txt"
    secret.write_text("村里的口令1\n", encoding="utf-8")
    secret.chmod(mode)
    assert main(["--db", db, "--user", "李芳", "--password-file", str(secret), "user", "list"]) == 0
    assert main(["--db", db, "--user", "李芳", "--password-file", str(secret), "user", "list"]) == 0
    out, err = capsys.readouterr()
    assert "李芳" in out
    if mode == 0o600:
        assert "口令文件" not in err, err
    else:
        assert f"口令文件 {secret}" in err and f"chmod 600 {secret}" in err, err
        assert ("所有账户" if mode & 0o004 else "同组的账户") in err, err
