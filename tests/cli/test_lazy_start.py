"""The command line starts lazily: a command imports only its own module; `--version` works."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fieldapp
from fieldapp.cli.main import COMMANDS, build_parser, command_word
from fieldapp.services.ledgers import open_ledger

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pypinyin", "reportlab", "openpyxl", "python_calamine", "xlsxwriter", "PySide6")


def _run(*args: str, tmp_path: Path) -> dict[str, object]:
    """Run the CLI in a fresh interpreter; report its exit code and which heavy modules loaded."""
    code = (
        "import json, sys\n"
        "from fieldapp.cli.main import main\n"
        "try:\n"
        f"    rc = main({list(args)!r})\n"
        "except SystemExit as stop:\n"
        "    rc = stop.code\n"
        f"print(json.dumps([rc, [m for m in {HEAVY!r} if m in sys.modules]]))\n"
    )
    env = os.environ | {"PYTHONPATH": str(ROOT), "FIELDAPP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.stderr == "" or "Traceback" not in done.stderr, done.stderr
    rc, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return {"rc": rc, "loaded": loaded, "out": done.stdout}


def test_help_and_search_load_no_heavy_library(tmp_path):
    shown = _run("--help", tmp_path=tmp_path)
    assert shown["rc"] == 0 and shown["loaded"] == []
    for name in COMMANDS:
        assert name in str(shown["out"])  # every command listed without importing its module
    open_ledger(tmp_path / "l.db").close()  # search reads a ledger there is (none made for it)
    found = _run("--db", str(tmp_path / "l.db"), "search", "张", tmp_path=tmp_path)
    assert found["rc"] == 0 and found["loaded"] == []


def test_version(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        build_parser(None).parse_args(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"fieldapp {fieldapp.__version__}"


def test_the_command_word_comes_after_the_global_options():
    assert command_word(["--db", "x.db", "--author", "甲", "search", "--limit", "3", "张"]) == (
        "search"
    )
    assert command_word(["--db", "x.db"]) is None
    assert command_word(["print", "form", "--claim", "abc", "--out", "a.pdf"]) == "print"


def test_the_table_names_each_module_s_commands_and_their_help():
    for module in {m for m, _h in COMMANDS.values()}:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        registered = {a.dest: a.help for a in sub._choices_actions}
        assert registered == {n: h for n, (m, h) in COMMANDS.items() if m == module}, module


def test_running_one_command_builds_the_same_parser_for_it():
    whole = build_parser()
    alone = build_parser("claim")
    for parser in (whole, alone):
        args = parser.parse_args(["claim", "list", "--json"])
        assert args.command == "claim" and args.json
