"""Every `fieldapp …` line the README and the docs write out in a code block parses with the
program's own argument parser: a clerk copies them as they stand, so a flag the program does
not have, or a required one left out, is a doc to mend before it is a county's failed night."""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import re
import shlex
from pathlib import Path

import pytest

from fieldapp.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    ROOT / "README.md",
    ROOT / "packaging" / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
]
#: How a command is started on a line of a block: as typed, as the hub's service account, or
#: the systemd unit's ExecStart.
START = re.compile(
    r"^(?:\$\s+)?(?:sudo -u \S+ )?(?:ExecStart=)?(?:/usr/bin/|/opt/fieldapp/)?fieldapp\s"
)
#: Words standing for a value the clerk fills in, where the parser wants a number.
PLACEHOLDERS = {"编号": "7", "N": "100"}


def _command_lines() -> list[tuple[str, str]]:
    """(page:line, the command line without its comment) for every command in a code block,
    continuation lines joined."""
    found = []
    for page in PAGES:
        lines = page.read_text(encoding="utf-8").splitlines()
        in_block = False
        index = 0
        while index < len(lines):
            line, where = lines[index], index + 1
            index += 1
            if line.lstrip().startswith("```"):
                in_block = not in_block
                continue
            if not in_block or not START.match(line.strip()):
                continue
            while line.rstrip().endswith("\\") and index < len(lines):
                line = line.rstrip()[:-1] + " " + lines[index].strip()
                index += 1
            found.append((f"{page.relative_to(ROOT)}:{where}", line.split("  #", 1)[0].strip()))
    return found


def _argv(line: str) -> list[str]:
    """The words after `fieldapp`; an optional part written [--json] is given."""
    words = shlex.split(line.replace("[", " ").replace("]", " "))
    start = next(i for i, w in enumerate(words) if w.rsplit("/", 1)[-1].endswith("fieldapp"))
    # `sudo -u fieldapp fieldapp …`: the account's name comes before the program's
    if start + 1 < len(words) and words[start + 1] == "fieldapp":
        start += 1
    return [PLACEHOLDERS.get(w, w) for w in words[start + 1 :]]


LINES = _command_lines()


@functools.cache
def _parser() -> argparse.ArgumentParser:
    """The program's parser, an option's name written out whole (argparse would take `--are`
    for `--area`; a doc should not lean on that)."""
    parser = build_parser()
    _whole_names(parser)
    return parser


def _whole_names(parser: argparse.ArgumentParser) -> None:
    parser.allow_abbrev = False
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _whole_names(sub)


def test_the_docs_write_out_commands():
    pages = {where.split(":", 1)[0] for where, _line in LINES}
    assert {"README.md", "docs/hub.md", "docs/trust.md", "docs/policy.md"} <= pages
    assert len(LINES) >= 80


@pytest.mark.parametrize(("where", "line"), LINES, ids=[w for w, _l in LINES])
def test_a_documented_command_line_parses(where: str, line: str):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            _parser().parse_args(_argv(line))
    except SystemExit as exit_:
        assert not exit_.code, f"{where}: {line}\n{err.getvalue()}"
