"""Transactional schema migrations recorded in `_migrations`, applied whatever order they land in.

Each module `mNNNN_name.py` in this package defines `VERSION: int` and `apply(db)`. Several
engineers add migrations at once, each from a reserved range of versions, so a ledger may
already hold version 7 when version 6 arrives in a later release: `migrate()` applies every
module whose version is not yet recorded, in version order, each inside its own transaction,
so a failed migration leaves the file as it was. A migration must therefore not assume that a
higher-numbered one has or has not run; it depends only on lower ones of its own area.
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


def applied_versions(db: sqlite_utils.Database) -> set[int]:
    """Every migration version recorded in the file (empty for a new file)."""
    if "_migrations" not in db.table_names():
        return set()
    return {int(row[0]) for row in db.execute("SELECT version FROM _migrations").fetchall()}


def current_version(db: sqlite_utils.Database) -> int:
    """The highest applied migration, 0 for a new file."""
    return max(applied_versions(db), default=0)


def latest_version() -> int:
    """The highest migration this program knows (a bundle's schema version)."""
    return max(int(m.VERSION) for m in _modules())


def migrate(db: sqlite_utils.Database, modules: list[ModuleType] | None = None) -> list[int]:
    """Apply every migration not yet recorded, lowest version first; returns those applied.

    `modules` defaults to this package's; tests pass their own.
    """
    db.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    done = applied_versions(db)
    applied: list[int] = []
    for module in _modules() if modules is None else sorted(modules, key=lambda m: m.VERSION):
        if module.VERSION in done:
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
