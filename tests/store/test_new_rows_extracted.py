"""A bundle's new rows read their fields out of each change's JSON inside SQLite: the rows must
be byte for byte (and type for type) what binding every value from Python gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.store.ledger import Ledger
from fieldapp.store.new_rows import Extracted
from fieldapp.store.projector import _from_json
from tests.records import AWKWARD_TEXT, AWKWARD_VALUES, person_creations

#: Values whose JSON text is awkward: escapes, a NUL, astral and line-separator characters,
#: the ends of SQLite's integers, yes/no, empty and null (all read out of the JSON by SQLite).
EXACT = [AWKWARD_TEXT, "a\x00b", *AWKWARD_VALUES]
#: With floats too: such a column is bound from Python.
MIXED = [*EXACT, 3500.5, 1e16, 0.1]


def _typed(ledger: Ledger, table: str) -> list[tuple]:
    """Every column of every row with its SQLite type."""
    columns = [c.name for c in ledger.db[table].columns]
    select = ", ".join(f"[{c}], typeof([{c}])" for c in columns)
    return ledger.db.execute(f"SELECT {select} FROM [{table}] ORDER BY id").fetchall()


@pytest.mark.parametrize("uniform", [False, True])
def test_bulk_rows_equal_rows_applied_one_by_one(tmp_path: Path, uniform: bool):
    def value_of(values: list, n: int) -> object:
        return values[0 if uniform else n % len(values)]

    changes = person_creations(
        3 * len(MIXED), lambda n: value_of(EXACT, n), lambda n: value_of(MIXED, n)
    )
    bulk = Ledger.open(tmp_path / "bulk.db")
    assert bulk.apply_changes(changes) == len(changes)
    one = Ledger.open(tmp_path / "one.db")
    with one.transaction():
        for change in changes:
            one.projector.apply(change)  # a batch of one: every value bound from Python
    assert _typed(bulk, "persons") == _typed(one, "persons")
    assert bulk.db.execute("SELECT * FROM changes ORDER BY seq").fetchall() == (
        one.db.execute("SELECT * FROM changes ORDER BY seq").fetchall()
    )


def test_which_columns_sqlite_reads_out_of_the_json():
    assert isinstance(_from_json("notes", list(EXACT)), Extracted)
    assert _from_json("notes", list(MIXED)) == MIXED  # a float: bound
    assert _from_json("notes", [1, 2**63]) == [1, 2**63]  # too big for SQLite: bound (refused)


def test_an_integer_sqlite_cannot_hold_is_refused_as_before(tmp_path: Path):
    def value(n: int) -> object:
        return 2**64 if n == 2 else n

    changes = person_creations(3, value, value)
    bulk = Ledger.open(tmp_path / "bulk.db")
    with pytest.raises(OverflowError):
        bulk.apply_changes(changes)
    assert bulk.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
