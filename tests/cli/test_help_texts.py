"""Every command and every option says in Chinese what it is for (`fieldapp … --help`).

A county clerk scripting the app reads `--help`, not the source: an option listed with a
blank beside it (`--to TO`) leaves them guessing which words the command takes.
"""

from __future__ import annotations

import argparse
import re

from fieldapp.cli.main import build_parser

CHINESE = re.compile(r"[\u4e00-\u9fff]")
#: Parsed only to refuse it in Chinese (the author of a change is the logged-in user).
HIDDEN = {"--author"}


def _undescribed(parser: argparse.ArgumentParser, path: str) -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                if not CHINESE.search(helps.get(name) or ""):
                    found.append(f"{path} {name}")
                found += _undescribed(sub, f"{path} {name}")
            continue
        if action.help == argparse.SUPPRESS and HIDDEN.issuperset(action.option_strings):
            continue
        if not CHINESE.search(action.help or ""):
            found.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    return found


def test_every_command_and_option_is_described_in_chinese():
    assert _undescribed(build_parser(), "fieldapp") == []


def test_the_check_finds_an_undescribed_option():
    parser = argparse.ArgumentParser(prog="fieldapp")
    sub = parser.add_subparsers()
    claim = sub.add_parser("claim", help="补贴申领")
    claim.add_argument("--to")
    claim.add_argument("--json", action="store_true", help="JSON output")
    assert _undescribed(parser, "fieldapp") == ["fieldapp claim --to", "fieldapp claim --json"]
