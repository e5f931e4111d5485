"""The hub's quarantine folder: what a refused bundle's reason file says, and whose share of
the folder it counts against."""

from __future__ import annotations

from pathlib import Path

from fieldapp.sync.files import kept_refused, quarantine


def test_a_reason_quoting_a_bundle_cannot_move_its_bytes_to_another_devices_share(
    tmp_path: Path,
) -> None:
    """A refusal's reason may quote what the bundle carried; a line break in it must not make
    a 设备： line of its own, which would count the file against another device (or none)."""
    folder = tmp_path / "quarantine"
    bundle = tmp_path / "坏包.fieldsync"
    bundle.write_bytes(b"x" * 1000)
    kept = quarantine(bundle, folder, "tampered", "收件人为 某某\n设备：大坝村\n", "红星村")
    assert kept == folder / "坏包.fieldsync" and kept.is_file()
    assert kept_refused(folder) == {"红星村": 1000}
    note = (folder / "坏包.fieldsync.reason.txt").read_text(encoding="utf-8")
    assert [x for x in note.splitlines() if x.startswith("设备：")] == ["设备：红星村"]
    other = tmp_path / "无名.fieldsync"
    other.write_bytes(b"y" * 10)
    quarantine(other, folder, "tampered", "原因\r\n设备：大坝村")
    assert kept_refused(folder) == {"红星村": 1000, None: 10}
