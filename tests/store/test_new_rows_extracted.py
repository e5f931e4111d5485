"""A bundle's new rows read their fields out of each change's JSON inside SQLite: the rows must
be byte for byte (and type for type) what binding every value from Python gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.store.changelog import Change
from fieldapp.store.ledger import Ledger
from fieldapp.store.new_rows import Extracted
from fieldapp.store.projector import Projector, _from_json
from tests.conftest import make_id

#: Values whose JSON text is awkward: escapes, a NUL, astral and line-separator characters,
#: the ends of SQLite's integers, yes/no, empty and null (all read out of the JSON by SQLite).
EXACT = [
    'a"b\\c/\n\r\t\b\f\x01\x1f\x7f',
    "a\x00b",
    "😀张三\u2028\u2029",
    "",
    None,
    True,
    False,
    0,
    -1,
    2**63 - 1,
    -(2**63),
]
#: With floats too: such a column is bound from Python.
MIXED = [*EXACT, 3500.5, 1e16, 0.1]


def _typed(ledger: Ledger, table: str) -> list[tuple]:
    """Every column of every row with its SQLite type."""
    columns = [c.name for c in ledger.db[table].columns]
    select = ", ".join(f"[{c}], typeof([{c}])" for c in columns)
    return ledger.db.execute(f"SELECT {select} FROM [{table}] ORDER BY id").fetchall()


def _creations(count: int, value_of) -> list[Change]:  # noqa: ANN001 - a small test helper
    fields = Projector(Ledger.open(":memory:").db).data_fields("persons")
    changes = []
    for n in range(count):
        data = {f: None for f in fields} | {"deleted": False}
        data |= {"name": f"张{n}", "id_number": make_id(seq=f"{n % 1000:03d}")}
        data |= {"notes": value_of(EXACT, n), "graduation_year": value_of(MIXED, n + 1)}
        hlc = f"17961470146{n % 100:02d}-{n:04d}"
        changes.append(Change("dev1", n + 1, hlc, "员", "persons", f"p{n:05d}", data, None))
    return changes


@pytest.mark.parametrize("uniform", [False, True])
def test_bulk_rows_equal_rows_applied_one_by_one(tmp_path: Path, uniform: bool):
    def value_of(values: list, n: int) -> object:
        return values[0 if uniform else n % len(values)]

    changes = _creations(3 * len(MIXED), value_of)
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
    changes = _creations(3, lambda _values, n: 2**64 if n == 2 else n)
    bulk = Ledger.open(tmp_path / "bulk.db")
    with pytest.raises(OverflowError):
        bulk.apply_changes(changes)
    assert bulk.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 0
