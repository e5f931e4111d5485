"""A file a command cannot read or write that no command turned into a sentence itself is
still told in Chinese, naming the file — never a Python traceback."""

from __future__ import annotations

from fieldapp.cli.main import main


def test_a_folder_given_for_a_policy_file_is_told_in_chinese(tmp_path, capsys):
    folder = tmp_path / "政策包"
    folder.mkdir()
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"错误：读写文件“{folder}”出错：" in err and "Traceback" not in err
