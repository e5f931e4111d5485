"""A file a command cannot read or write that no command turned into a sentence itself is
still told in Chinese, naming the file — never a Python traceback."""

from __future__ import annotations

from fieldapp.cli.main import main


def test_a_folder_given_for_a_policy_file_is_told_in_chinese(tmp_path, capsys):
    folder = tmp_path / "政策包"
    folder.mkdir()
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"错误：“{folder}”是文件夹，请给出文件" in err and "Traceback" not in err


def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path, capsys):
    note = tmp_path / "说明.txt"
    note.write_text("不是文件夹", encoding="utf-8")
    pack = note / "政策包.toml"  # a path through a file: the system refuses to read it
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(pack)]) == 1
    err = capsys.readouterr().err
    assert f"错误：读写文件“{pack}”出错：" in err and "Traceback" not in err


def test_output_piped_into_head_ends_quietly(tmp_path):
    """`fieldapp eligible --all | head -1`: the reader closes early; the command ends with 0
    and says nothing (a broken pipe is not a file error)."""
    import os
    import subprocess
    import sys

    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo", "--persons", "200", "--seed", "1"]) == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "--db", str(db), "eligible", "--all"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline()
        child.stdout.close()
        err = child.stderr.read().decode("utf-8")
        assert child.wait(timeout=120) == 0, err
    assert "错误" not in err and "Traceback" not in err, err
