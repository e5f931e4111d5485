"""A command told to save on a USB stick that is not plugged in (`--out /media/李芳/U盘/…`) used
to make the folder on the laptop's own disk and save there: the clerk took an empty stick to the
township, and an export with everyone's ID numbers sat in a folder named after the stick. The
folder of a missing mount point is no longer made; every other missing folder still is."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import saving
from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub
from fieldapp.services.ledgers import open_ledger
from tests.codes import plain_hub


@pytest.fixture
def mounts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Mount roots inside the test's folder: media/<user>/ (udisks) and mnt/, no stick in."""
    media, mnt = tmp_path / "media", tmp_path / "mnt"
    (media / "李芳").mkdir(parents=True)
    mnt.mkdir()
    monkeypatch.setattr(saving, "MOUNT_ROOTS", (media, mnt))
    monkeypatch.setattr(saving, "USER_MOUNT_ROOTS", (media,))
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


def test_nothing_is_saved_where_a_stick_should_be_and_is_not(mounts, capsys):
    stick = mounts / "media" / "李芳" / "U盘"
    code, said = run(capsys, "template", "--out", stick / "导入模板.xlsx")
    assert code == 1 and f"找不到“{stick}”" in said and "U 盘" in said and "没有插好" in said, said
    assert not stick.exists()

    db = mounts / "台账.db"
    open_ledger(db).close()  # export reads a ledger there is (none made for it)
    hand = mounts / "mnt" / "usb"
    code, said = run(capsys, "--db", db, "export", hand / "台账.xlsx")
    assert code == 1 and f"找不到“{hand}”" in said, said
    assert not hand.exists()

    # The county's enrolment file (the device's private key, sealed): refused, and the device
    # is not enrolled without its file.
    hub = mounts / "县汇总"
    plain_hub(hub)
    code, said = run(capsys, "hub", "enroll", "--dir", hub, "--device", "大坝村笔记本",
                     "--area", "520502010001", "--out", stick / "大坝村.enrol")  # fmt: skip
    assert code == 1 and "没有插好" in said, said
    opened = Hub.open(hub)
    try:
        assert opened.state.peer("大坝村笔记本") is None
    finally:
        opened.close()


def test_a_new_folder_anywhere_else_is_still_made(mounts, capsys):
    code, said = run(capsys, "template", "--out", mounts / "新建文件夹" / "二月" / "模板.xlsx")
    assert code == 0, said
    assert (mounts / "新建文件夹" / "二月" / "模板.xlsx").is_file()
    # On a stick that is in, a new folder is made on the stick.
    stick = mounts / "media" / "李芳" / "U盘"
    stick.mkdir()
    code, said = run(capsys, "template", "--out", stick / "村里" / "模板.xlsx")
    assert code == 0 and (stick / "村里" / "模板.xlsx").is_file(), said


def test_a_bundle_for_a_missing_stick_is_named_as_the_clerk_wrote_it(mounts, capsys):
    """`hub export --out /media/…/U盘/给大坝村.fieldsync` (and `sync export`) with no stick in said
    无法写入“给大坝村.fieldsync.part”: the program's own work file, a name the clerk never typed
    and will not find; it names the bundle asked for."""
    hub = mounts / "县汇总"
    plain_hub(hub)
    code, said = run(capsys, "hub", "enroll", "--dir", hub, "--device", "大坝村笔记本",
                     "--area", "520502010001", "--out", mounts / "大坝村.enrol")  # fmt: skip
    assert code == 0, said
    stick = mounts / "media" / "李芳" / "U盘"
    code, said = run(capsys, "hub", "export", "--dir", hub, "--device", "大坝村笔记本",
                     "--out", stick / "给大坝村.fieldsync")  # fmt: skip
    assert code == 1 and "无法写入“给大坝村.fieldsync”" in said and "没有插好" in said, said
    assert ".part" not in said and not stick.exists()
