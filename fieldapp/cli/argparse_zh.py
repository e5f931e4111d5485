"""argparse's own words in Chinese: usage, help headings and every mistake on a command line.

Our options and help are Chinese, but a mistyped command still answered in argparse's English
(`error: argument --limit-mb: invalid int value: 'abc'`) — county staff who script the app read
these. argparse looks its words up through the module's `_`/`ngettext` (gettext) each time it
says one; `install` puts this table in their place. A word not in the table stays as it is.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

#: argparse's message → ours (the same %-placeholders; a missing one would break its format).
WORDS: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少必须给出的参数：%s",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "这个参数不带值：%r",
    "expected one argument": "需要一个值",
    "expected at most one argument": "最多一个值",
    "expected at least one argument": "至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
    "unexpected option string: %s": "多余的选项：%s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "没有 %(value)r 这一项（可选：%(choices)s）"
    ),
    "can't open '%(filename)s': %(error)s": "打不开“%(filename)s”：%(error)s",
}

#: ngettext's (singular, plural) → ours.
PLURALS: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "需要 %s 个值",
}


def _word(message: str) -> str:
    return WORDS.get(message, message)


def _plural(singular: str, plural: str, n: int) -> str:
    return PLURALS.get((singular, plural), singular if n == 1 else plural)


#: What a command group's missing or mistyped command is called.
COMMAND = "命令"
_action_name: Callable[[argparse.Action | None], str | None] = argparse._get_action_name


def _named(action: argparse.Action | None) -> str | None:
    """How a mistake names `action`: a command group's command as 命令 (the usage line above it
    lists the commands; `fieldapp` itself says 命令 too), not by its slot's name in the program
    (缺少必须给出的参数：hub_cmd, which says nothing of what to type)."""
    if isinstance(action, argparse._SubParsersAction) and action.metavar is None:
        return COMMAND
    return _action_name(action)


def install() -> None:
    """Make argparse say its words in Chinese (for this process: the CLI's)."""
    word: Callable[[str], str] = _word
    setattr(argparse, "_", word)  # noqa: B010 - argparse's own name for gettext
    setattr(argparse, "ngettext", _plural)  # noqa: B010
    setattr(argparse, "_get_action_name", _named)  # noqa: B010
