"""An ID number typed on the command line (`person show 5205…`, `search 5205…`,
`--person 5205…`) lands in the shell's history (~/.bash_history), where whoever gets the laptop
reads it beside the ledger; only passwords were kept out of it. Every command that takes an ID
number now takes `-` for it and reads the number from standard input (a file, or typed at the
prompt), as it would have taken it on the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from tests.cli.demo import demo_ledger


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    demo = demo_ledger(tmp_path_factory.mktemp("stdin"), seed=4)
    return demo.db, demo.id_number


def _commands(number: str, out: str) -> list[list[str]]:
    return [
        ["search", number],
        ["person", "show", number],
        ["eligible", "--person", number],
        ["print", "certificate", "--person", number, "--out", out],
    ]


def test_each_command_reads_the_id_number_from_stdin_for_a_dash(
    ledger: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, number = ledger
    for given, dashed in zip(
        _commands(number, str(tmp_path / "甲.pdf")),
        _commands("-", str(tmp_path / "乙.pdf")),
        strict=True,
    ):
        assert main(["--db", str(db), *given]) == 0, given
        said = capsys.readouterr().out
        monkeypatch.setattr("sys.stdin", io.StringIO(f"  {number}\n"))
        assert main(["--db", str(db), *dashed]) == 0, dashed
        out, err = capsys.readouterr()
        assert out == said.replace("甲.pdf", "乙.pdf"), dashed
        assert "Traceback" not in err, err
    assert (tmp_path / "乙.pdf").exists()


def test_a_dash_with_nothing_on_stdin_is_refused(
    ledger: tuple[Path, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _number = ledger
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["--db", str(db), "person", "show", "-"]) != 0
    err = capsys.readouterr().err
    assert "标准输入" in err and "Traceback" not in err and err.count("\n") == 1, err
