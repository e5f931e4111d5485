"""A person looked up by a mistyped ID number: the command says the number itself is wrong
(so the clerk looks for the typo, not for the person), in every command that takes one."""

from __future__ import annotations

import pytest

from fieldapp.cli.main import main
from tests.cli.demo import demo_ledger
from tests.conftest import make_id


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    demo = demo_ledger(tmp_path_factory.mktemp("typos"), seed=4)
    return demo.db, demo.id_number


def _commands(number: str, out: str) -> list[list[str]]:
    return [
        ["person", "show", number],
        ["eligible", "--person", number],
        ["claim", "create", "--person", number, "--rule", "transport_cross_county"],
        ["print", "certificate", "--person", number, "--out", out],
    ]


def test_a_mistyped_number_is_called_wrong(ledger, tmp_path, capsys):
    db, number = ledger
    # One digit of the sequence mistyped: the check character always catches it.
    typo = number[:14] + str((int(number[14]) + 1) % 10) + number[15:]
    for command in _commands(typo, str(tmp_path / "证明.pdf")):
        assert main(["--db", str(db), *command]) == 1, command
        err = capsys.readouterr().err
        assert f"台账中没有身份证号为 {typo} 的人员" in err, command
        assert "这个号码本身有误" in err, command
    assert not (tmp_path / "证明.pdf").exists()


def test_a_valid_number_no_one_holds_is_only_not_found(ledger, tmp_path, capsys):
    db, _number = ledger
    absent = make_id("520502", "19800101", "771")
    for command in _commands(absent, str(tmp_path / "证明.pdf")):
        assert main(["--db", str(db), *command]) == 1, command
        err = capsys.readouterr().err
        assert f"台账中没有身份证号为 {absent} 的人员" in err and "本身有误" not in err, command
