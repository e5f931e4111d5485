"""`print log` and `exports` printed each record's file name (and who wrote it) raw: a paper
saved as 名单ESC[2J.pdf — a name a stick or another device's record may carry — cleared the
clerk's terminal each time the list was read. The lists now write such characters as
\\uXXXX (`cli.common.escaped`), and a script's --json keeps the name as it was."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from tests.paperwork.builders import add_claims

HOSTILE = "名单\x1b[2J\x07\u202e"


def _said(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_print_and_export_records_list_a_hostile_file_name_escaped(tmp_path, capsys):
    db = str(tmp_path / "ledger.db")
    ledger = Ledger.open(tmp_path / "ledger.db", author="张会计")
    batch_id, _ = add_claims(ledger, 2)
    ledger.close()
    paper = tmp_path / f"{HOSTILE}.pdf"
    _said(capsys, "--db", db, "print", "roster", "--batch", batch_id, "--out", str(paper))
    assert paper.is_file()
    _said(capsys, "--db", db, "export", str(tmp_path / f"{HOSTILE}.xlsx"))

    for command in (["print", "log"], ["exports"]):
        out = _said(capsys, "--db", db, *command)
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, out
        assert "名单\\u001b[2J\\u0007\\u202e." in out, out
        assert len(out.strip().splitlines()) == 1, out
        # A script reads the name as it is.
        (record,) = json.loads(_said(capsys, "--db", db, *command, "--json"))
        assert HOSTILE in record["file_name"], record
