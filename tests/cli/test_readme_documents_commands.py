"""Every command of the command line is documented in the README (county staff script it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli.main import build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix}{name}"
                children = _commands(sub, full + " ")
                found += children or [full]
    return found


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands(build_parser()) if f" {c}" not in README]
    assert missing == []
