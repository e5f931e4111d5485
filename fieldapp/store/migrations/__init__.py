"""Ordered, transactional schema migrations recorded in `_migrations`.

Each module `mNNNN_name.py` in this package defines `VERSION: int` and `apply(db)`. They run in
version order, each inside its own transaction, so a failed migration leaves the file as it was.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import sqlite_utils


def _modules() -> list[ModuleType]:
    found = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    ]
    versions = [m.VERSION for m in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"duplicate migration versions: {sorted(versions)}")
    return sorted(found, key=lambda m: m.VERSION)


def current_version(db: sqlite_utils.Database) -> int:
    """The highest applied migration, 0 for a new file."""
    if "_migrations" not in db.table_names():
        return 0
    row = db.execute("SELECT max(version) FROM _migrations").fetchone()
    return int(row[0] or 0)


def latest_version() -> int:
    """The version a fully migrated ledger has."""
    return max(m.VERSION for m in _modules())


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply every pending migration in order; returns the versions applied."""
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = current_version(db)
    applied: list[int] = []
    for module in _modules():
        if module.VERSION <= done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            module.apply(db)
            db.execute(
                "INSERT INTO _migrations VALUES (?, ?, datetime('now'))",
                [module.VERSION, module.__name__.rsplit(".", 1)[-1]],
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(module.VERSION)
    return applied
