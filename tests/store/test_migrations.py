"""Migrations apply whatever order parallel branches land them in, each exactly once."""

from __future__ import annotations

from types import ModuleType

import pytest
import sqlite_utils

from fieldapp.store.migrations import applied_versions, current_version, migrate


def _migration(version: int, table: str, fail: bool = False) -> ModuleType:
    module = ModuleType(f"fieldapp.store.migrations.m{version:04d}_{table}")
    module.VERSION = version

    def apply(db: sqlite_utils.Database) -> None:
        db.execute(f"CREATE TABLE {table} (x)")
        if fail:
            raise RuntimeError("broken migration")

    module.apply = apply
    return module


def test_a_lower_version_landing_later_is_still_applied():
    db = sqlite_utils.Database(memory=True)
    assert migrate(db, [_migration(1, "a"), _migration(7, "g")]) == [1, 7]
    # A later release brings version 6 (another branch's), below the highest applied one.
    assert migrate(db, [_migration(1, "a"), _migration(6, "f"), _migration(7, "g")]) == [6]
    assert applied_versions(db) == {1, 6, 7}
    assert current_version(db) == 7
    assert {"a", "f", "g"} <= set(db.table_names())


def test_nothing_is_applied_twice():
    db = sqlite_utils.Database(memory=True)
    modules = [_migration(2, "b"), _migration(1, "a")]
    assert migrate(db, modules) == [1, 2]
    assert migrate(db, modules) == []


def test_a_failed_migration_leaves_the_file_as_it_was_and_runs_again():
    db = sqlite_utils.Database(memory=True)
    migrate(db, [_migration(1, "a")])
    with pytest.raises(RuntimeError):
        migrate(db, [_migration(1, "a"), _migration(5, "e", fail=True), _migration(9, "i")])
    assert applied_versions(db) == {1} and "e" not in db.table_names()
    assert migrate(db, [_migration(1, "a"), _migration(5, "e"), _migration(9, "i")]) == [5, 9]
