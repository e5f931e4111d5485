"""Workbooks the user asked for are written whole or not at all, and a failure to write one is
said in Chinese, naming the file and a cause the clerk can act on."""

from __future__ import annotations

import errno

import pytest

from fieldapp.cli.main import main
from fieldapp.saving import cannot_write, errno_of, is_disk_full
from fieldapp.tabular.output import xlsx_book


def test_a_failed_workbook_leaves_the_old_file_as_it_was(tmp_path):
    path = tmp_path / "名册.xlsx"
    with xlsx_book(path) as book:
        book.add_worksheet("第一版").write_string(0, 0, "一")
    before = path.read_bytes()
    with pytest.raises(ZeroDivisionError), xlsx_book(path) as book:
        book.add_worksheet("第二版").write_string(0, 0, "二")
        _ = 1 / 0  # anything going wrong while the workbook is made
    assert path.read_bytes() == before
    left = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert left == ["名册.xlsx"]  # no .part left
    with xlsx_book(path) as book:
        book.add_worksheet("第二版").write_string(0, 0, "二")
    assert path.read_bytes() != before and not (tmp_path / "名册.xlsx.part").exists()


def test_the_causes_a_clerk_can_act_on(tmp_path):
    target = tmp_path / "月报.xlsx"
    # The Rust writer gives its errno in the text only.
    full = cannot_write(target, OSError("Failed to save workbook: No space left (os error 28)"))
    assert str(full) == "无法写入“月报.xlsx”：磁盘已满"  # the file by its name
    held = cannot_write(target, PermissionError(13, "Permission denied"))
    assert "正被其他程序（Excel、WPS、PDF 阅读器）打开" in str(held)
    # What Linux says of a file on a stick pulled out while it is written (the device gone).
    for number, text in (
        (5, "Input/output error"),
        (19, "No such device"),
        (6, "No such device or address"),
    ):
        pulled = cannot_write(target, OSError(number, text))
        assert str(pulled) == "无法写入“月报.xlsx”：U 盘（磁盘）读写出错——被拔出了，或已损坏", text
    odd = cannot_write(target, OSError(40, "Too many levels of symbolic links"))
    # An errno no clerk can act on: said generally, not in the system's English.
    assert (
        str(odd)
        == "无法写入“月报.xlsx”：读写时出错，文件没有写完。请换一个文件夹（或 U 盘）再试一次"
    )
    assert "不存在" in str(cannot_write(tmp_path / "无" / "x.xlsx", OSError(2, "No such file")))


def test_a_rust_panic_gives_its_errno_as_the_writers_errors_do(tmp_path):
    """A Rust panic names the errno only as `Os { code: 28, kind: … }`, with no "(os error 28)":
    the file is still said as on a full disk, and the disk counted full where a bundle or an
    upload decides on it (`is_disk_full`)."""
    panic = RuntimeError('Os { code: 28, kind: StorageFull, message: "No space left" }')
    assert errno_of(panic) == 28 and is_disk_full(panic)
    assert str(cannot_write(tmp_path / "月报.xlsx", panic)) == "无法写入“月报.xlsx”：磁盘已满"
    assert is_disk_full(OSError(errno.EFBIG, "File too large"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    assert errno_of(RuntimeError("no number here")) is None


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("output") / "demo.db"
    assert main(["--db", str(db), "demo", "--persons", "60", "--seed", "2"]) == 0
    return db


def _writers(demo, out: str) -> list[list[str]]:
    base = ["--db", str(demo)]
    area = ["--area", "52"]
    return [
        [*base, "export", out],
        [*base, "export", out.replace(".xlsx", ".csv")],
        [*base, "rosters", *area, "--out", out],
        [*base, "report", "monthly", "--month", "2026-11", "--out", out],
        [*base, "template", "--out", out],
    ]


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("folder", "这是一个文件夹的名字"),
        ("under_a_file", "是文件，不是文件夹"),
    ],
)
def test_commands_say_why_a_workbook_cannot_be_written(demo, tmp_path, capsys, where, said):
    if where == "folder":
        out = tmp_path / "放这里.xlsx"
        out.mkdir()
        out.with_suffix(".csv").mkdir()
    else:
        (tmp_path / "备注.txt").write_text("不是文件夹", encoding="utf-8")
        out = tmp_path / "备注.txt" / "名册.xlsx"
    for command in _writers(demo, str(out)):
        assert main(command) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("错误：无法写入“") and said in err, (command, err)
        assert "Traceback" not in err and "Error" not in err
    leftovers = sorted(p.name for p in tmp_path.rglob("*") if p.name.endswith(".part"))
    assert leftovers == []


def test_a_missing_folder_is_told_before_any_work(demo, tmp_path, capsys):
    out = tmp_path / "没有的文件夹" / "名册.xlsx"
    assert main(["--db", str(demo), "rosters", "--area", "52", "--out", str(out)]) == 1
    assert f"文件夹“{out.parent}”不存在" in capsys.readouterr().err
    assert not out.parent.exists()


def test_a_part_file_that_cannot_be_removed_does_not_hide_the_reason(demo, tmp_path, capsys):
    # On a write-protected USB stick creating the part file fails, and so does removing it (a
    # read-only file system refuses every unlink); the reason to give is the first one, for the
    # file the clerk named. A folder in the part file's place fails both ways here too.
    out = tmp_path / "名册.xlsx"
    for part in (tmp_path / "名册.xlsx.part", tmp_path / "名册.csv.part"):
        (part / "挡住").mkdir(parents=True)
    for command in _writers(demo, str(out)):
        assert main(command) == 1, command
        err = capsys.readouterr().err
        named = out.with_suffix(".csv") if "export" in command and ".csv" in command[-1] else out
        assert err.startswith(f"错误：无法写入“{named.name}”："), (command, err)
        assert ".part" not in err and "Traceback" not in err, (command, err)
    assert not out.exists() and not out.with_suffix(".csv").exists()
