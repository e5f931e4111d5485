"""A hub with a password restored from its backup, as docs/hub.md (备份中心) tells the county:
`fieldapp --user 张科员 --db 新文件夹/hub.db restore 备份文件`, then `hub … --dir 新文件夹`.

A device's restore starts a new incarnation: its unsent changes move to a fresh change-log id.
A hub's change log is append-only (migration 41) and the hub keeps its own id after a restore
(its devices take its renumbered changes, `sync.exchange`); the restore tried the device's
renumbering on it and stopped on the log's guard with a traceback, leaving the restored hub
marked unfinished, so that every later `--db hub.db` command stopped the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.credentials import Credentials
from fieldapp.store.ledger import Ledger

PASSWORD = "县里的口令1"


def _device_id(db: Path) -> str:
    ledger = Ledger.open(db, credentials=Credentials("张科员", PASSWORD))
    try:
        return ledger.device_id
    finally:
        ledger.close()


def test_a_hub_restored_from_its_backup_keeps_its_id_and_is_used_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)
    hub, new = tmp_path / "县汇总", tmp_path / "新文件夹"
    assert main(["hub", "init", "--dir", str(hub)]) == 0
    enrol = ["hub", "enroll", "--dir", str(hub), "--device", "红星村"]
    assert main([*enrol, "--area", "520502101001", "--out", str(tmp_path / "红星村.enrol")]) == 0
    # The hub's own changes (a county pack) are in its log when the backup is made.
    edit = ["hub", "policy", "edit", "--dir", str(hub), "--income-line", "650"]
    assert main([*edit, "--document", "某人社通〔2026〕3号"]) == 0
    backup = tmp_path / "U盘" / "县汇总.fieldbackup"
    assert main(["--db", str(hub / "hub.db"), "backup", "--out", str(backup)]) == 0
    before = _device_id(hub / "hub.db")

    new.mkdir()
    assert main(["--db", str(new / "hub.db"), "restore", str(backup)]) == 0
    assert _device_id(new / "hub.db") == before
    capsys.readouterr()
    assert main(["--db", str(new / "hub.db"), "user", "list", "--json"]) == 0
    assert [u["name"] for u in json.loads(capsys.readouterr().out)] == ["张科员"]
    assert main(["hub", "devices", "--dir", str(new), "--json"]) == 0
    assert [d["device"] for d in json.loads(capsys.readouterr().out)] == ["红星村"]
    assert main(["hub", "policy", "list", "--dir", str(new)]) == 0
    assert "某人社通〔2026〕3号" in capsys.readouterr().out


def test_sync_restored_on_a_hubs_ledger_is_refused_in_words_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`fieldapp sync restored` is a device's step after a copy put back by hand; run on the
    hub's own ledger it stopped on the append-only log's guard with a traceback. It is now
    refused, saying the hub is used as it is."""
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")
    monkeypatch.setenv("FIELDAPP_USER", "张科员")
    monkeypatch.setenv("FIELDAPP_PASSWORD", PASSWORD)
    hub = tmp_path / "县汇总"
    assert main(["hub", "init", "--dir", str(hub)]) == 0
    edit = ["hub", "policy", "edit", "--dir", str(hub), "--income-line", "650"]
    assert main([*edit, "--document", "某人社通〔2026〕3号"]) == 0
    before = _device_id(hub / "hub.db")
    capsys.readouterr()
    assert main(["--db", str(hub / "hub.db"), "sync", "restored"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：这是县级汇总中心的台账，不用执行这一步"), err
    assert "Traceback" not in err
    assert _device_id(hub / "hub.db") == before
    assert main(["hub", "policy", "list", "--dir", str(hub)]) == 0
    assert "某人社通〔2026〕3号" in capsys.readouterr().out
