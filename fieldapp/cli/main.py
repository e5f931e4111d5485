"""`fieldapp` entry point: no command opens the desktop app; commands script the same services."""

from __future__ import annotations

import argparse
import importlib
import sys

from fieldapp.cli.common import fail
from fieldapp.domain.errors import FieldappError

#: Command modules; each has `register(subparsers)` adding its commands with `func` set.
COMMAND_MODULES = (
    "fieldapp.cli.ledger_cmds",
    "fieldapp.cli.tabular_cmds",
    "fieldapp.cli.demo_cmds",
    "fieldapp.cli.policy_cmds",
    "fieldapp.cli.print_cmds",
    "fieldapp.cli.sync_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used by the test that checks the README lists commands)."""
    parser = argparse.ArgumentParser(prog="fieldapp", description="劳动力台账 fieldapp")
    parser.add_argument("--db", help="台账文件路径（默认：用户数据文件夹中的 ledger.db）")
    parser.add_argument("--author", help="记录修改人（默认：本机设置的使用人）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code."""
    argv = sys.argv[1:] if argv is None else argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from fieldapp.ui.app import run_app

        return run_app(args.db)
    try:
        return int(args.func(args) or 0)
    except FieldappError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("已取消", 130)
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
