"""Helpers shared by the command modules: opening the ledger, printing, JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from fieldapp.paths import default_ledger_path
from fieldapp.services.ledgers import Ledger
from fieldapp.services.ledgers import open_ledger as _open


def open_ledger(args: argparse.Namespace) -> Ledger:
    """The ledger named by --db, or the default one in the user's data folder."""
    return _open(args.db or default_ledger_path(), author=getattr(args, "author", None))


def print_json(value: Any) -> None:
    """Pretty JSON on stdout, Chinese kept readable."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 1) -> int:
    """Print a Chinese error on stderr and return the exit code."""
    print(f"错误：{message}", file=sys.stderr)
    return code
