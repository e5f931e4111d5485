"""A file in the hub's inbox that is no bundle (a photo dropped with the bundles, a damaged
copy) was refused with the desktop's words for a device user: 请选择县里或其他设备导出的数据包
— at the hub nobody chooses anything. `hub import` says, in the hub clerk's words, which file,
that it is no bundle and why it may be there, and where it was put."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import run


def test_junk_in_the_inbox_is_said_in_the_clerks_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FIELDAPP_USER", "FIELDAPP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    hub = tmp_path / "培训中心"
    assert run(capsys, "hub", "init", "--dir", hub, "--training")[0] == 0
    (hub / "inbox" / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a bundle")
    (hub / "inbox" / "坏包.fieldsync").write_bytes(b"\x00" * 200)
    code, out, err = run(capsys, "hub", "import", "--dir", hub)
    assert code == 1, err
    lines = out.splitlines()
    for name in ("照片.jpg", "坏包.fieldsync"):
        (line,) = [x for x in lines if x.startswith(f"拒收 {name}：")]
        assert "请选择" not in line and "不是数据包" in line, line
        kept = line.rsplit("已移入隔离区 ", 1)[1]
        assert Path(kept).is_file() and Path(kept).parent == hub / "quarantine", line
    assert list((hub / "inbox").iterdir()) == []


def test_the_reason_file_in_quarantine_holds_the_clerks_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The junk file's `<name>.reason.txt` in quarantine (the folder `hub quarantine` names)
    is what the clerk reads later, the import's output long gone: it said 请选择… still."""
    for name in ("FIELDAPP_USER", "FIELDAPP_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    hub = tmp_path / "培训中心"
    assert run(capsys, "hub", "init", "--dir", hub, "--training")[0] == 0
    (hub / "inbox" / "照片.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a bundle")
    assert run(capsys, "hub", "import", "--dir", hub)[0] == 1
    (kept,) = (hub / "quarantine").glob("*照片.jpg.reason.txt")
    note = kept.read_text(encoding="utf-8")
    assert "请选择" not in note and "不是数据包" in note and "再导出" in note, note
    assert "原因代码：not_bundle" in note
