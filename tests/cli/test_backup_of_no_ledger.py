"""`fieldapp backup` of a ledger that is not there is refused, nothing made.

README's 加密、用户与备份 block makes 红星村.db with `--db`, then runs `fieldapp backup --out
/media/U盘/红星村.fieldbackup` — without `--db`, the default ledger, which on that laptop did not
exist: the backup made a new, empty encrypted ledger there, backed that up and said 已备份到 …
The clerk left with a stick holding no one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main


@pytest.fixture
def as_li(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_USER", "李芳")
    monkeypatch.setenv("FIELDAPP_PASSWORD", "村里的口令1")
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")


def test_backing_up_no_ledger_is_refused_and_makes_none(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "data" / "ledger.db"
    out = tmp_path / "U盘" / "红星村.fieldbackup"
    (tmp_path / "U盘").mkdir()
    code = main(["--db", str(missing), "backup", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"没有台账 {missing}" in err and "没有备份" in err and "--db" in err
    assert "Traceback" not in err
    assert not missing.exists() and not Path(f"{missing}.keys").exists()
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_a_ledger_that_is_there_is_backed_up(
    tmp_path: Path, as_li: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "红星村.db"
    assert main(["--db", str(db), "demo", "--persons", "5", "--seed", "1"]) == 0
    out = tmp_path / "红星村.fieldbackup"
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert out.is_file() and "已备份到" in capsys.readouterr().out
