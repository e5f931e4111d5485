"""A file or request from a newer version of the program says to upgrade the program by the
name people know it by (劳动力台账), not by its inner name (fieldapp), as the bundle's refusal
already does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.store import backup, keyfile
from fieldapp.sync import httpauth


def test_a_newer_key_file_says_to_upgrade_the_program_by_its_name() -> None:
    with pytest.raises(keyfile.KeyFileError) as refused:
        keyfile.KeyFile.from_dict({"kind": keyfile.KIND, "format": keyfile.FORMAT + 1})
    assert "请先升级本程序（劳动力台账）" in str(refused.value)
    assert "fieldapp" not in str(refused.value)


def test_a_newer_backup_says_to_upgrade_the_program_by_its_name(tmp_path: Path) -> None:
    path = tmp_path / "台账备份.fieldbackup"
    header = {"format": backup.FORMAT + 1, "created_at": "2026-12-04T10:00:00"}
    path.write_bytes(backup.MAGIC + json.dumps(header).encode("utf-8") + b"\n")
    with pytest.raises(backup.BackupError) as refused:
        backup.read_backup(path)
    assert "请先升级本程序（劳动力台账）" in str(refused.value)
    assert "fieldapp" not in str(refused.value)


def test_a_newer_signature_says_to_upgrade_the_program_by_its_name() -> None:
    with pytest.raises(httpauth.AuthRefused) as refused:
        httpauth.parse_header("fieldapp-sig-v9 device=x")
    assert "请先升级本程序（劳动力台账）" in str(refused.value)
    assert "fieldapp" not in str(refused.value)
