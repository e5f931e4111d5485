"""Every command and every option says in Chinese what it is for (`fieldapp … --help`).

A county clerk scripting the app reads `--help`, not the source: an option listed with a
blank beside it (`--to TO`) leaves them guessing which words the command takes.
"""

from __future__ import annotations

import argparse
import inspect
import re

import pytest

from fieldapp.cli import argparse_zh
from fieldapp.cli.main import build_parser, main

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


def _said(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    return int(stopped.value.code or 0), capsys.readouterr().err


def test_a_mistyped_command_line_is_answered_in_chinese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """argparse's own words (its usage line, `invalid int value`, `the following arguments are
    required`) reached county staff in English under our Chinese help; the exit code stays 2."""
    code, err = _said(capsys, "hub", "quarantine", "--dir", "x", "--limit-mb", "abc")
    assert code == 2
    assert err.splitlines()[0].startswith("用法：fieldapp hub quarantine")
    assert "错误：参数 --limit-mb：'abc' 不是有效的值" in err
    code, err = _said(capsys, "search")
    assert code == 2 and "缺少必须给出的参数：text" in err
    code, err = _said(capsys, "nosuch")
    assert code == 2 and "没有 'nosuch' 这一项（可选：'search'" in err
    code, err = _said(capsys, "search", "张", "--bogus")
    assert code == 2 and "无法识别的参数：--bogus" in err
    assert not re.search(r"\b(error|usage|invalid|required|unrecognized)\b", err)


def test_every_word_we_translate_is_still_said_by_this_pythons_argparse() -> None:
    """A word argparse stopped saying (a new Python) would silently be English again."""
    source = inspect.getsource(argparse)
    for word in argparse_zh.WORDS:
        assert repr(word)[1:-1] in source or word in source, word
    for singular, plural in argparse_zh.PLURALS:
        assert singular in source and plural in source


def test_a_command_group_without_its_command_says_command_not_its_slot(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`fieldapp hub` (a county clerk looking for what the hub does) answered
    缺少必须给出的参数：hub_cmd — the program's own name for the slot, which says nothing of what
    to type; it says 命令, as `fieldapp` itself does, under the usage line listing them."""
    code, err = _said(capsys, "hub")
    assert code == 2 and err.splitlines()[-1] == "fieldapp hub：错误：缺少必须给出的参数：命令"
    assert "{init,enroll,revoke,devices," in err  # the usage line: what to type
    code, err = _said(capsys, "hub", "policy")
    assert code == 2 and "缺少必须给出的参数：命令" in err and "publish" in err
    code, err = _said(capsys, "hub", "nosuch")
    assert code == 2 and "参数 命令：没有 'nosuch' 这一项（可选：'init', 'enroll'" in err
    code, err = _said(capsys, "print")  # its own word for it, in Chinese (was PAPER)
    assert code == 2 and err.splitlines()[-1] == "fieldapp print：错误：缺少必须给出的参数：纸张"
    for group in ("sync", "claim", "user", "person"):
        code, err = _said(capsys, group)
        assert code == 2 and not re.search(r"_cmd\b", err), err
