"""The conflict list says whose each conflict is (`Subjects`) and its values (`ValuesSaid`) with
the rows they name read for all the conflicts at once — not a person's or household's lookups a
conflict and a household's head a value. Said as one by one: a person by name, a household as
张三家 or its address, a row this ledger lacks as such."""

from __future__ import annotations

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import ValuesSaid, list_conflicts, value_said
from fieldapp.sync.rejected import subject_of
from tests.conftest import make_id
from tests.records import Records

AREA = "520502001001"


def _clash(
    ledger: Ledger, seq: int, table: str, row_id: str, mine: object, theirs: object, field: str
) -> None:
    """This device sets `field` of a row to `mine` while another device set it to `theirs`."""
    seen = ledger.heads(table, row_id)[field]
    with ledger.transaction():
        ledger.update(table, row_id, {field: mine})
    stamp = format_stamp(1_700_000_000_000 + seq, 0)
    remote = Change(
        "remote-device", seq, stamp, "李四", table, row_id, {field: theirs}, {field: seen}
    )
    ledger.apply_changes([remote])


def _village(ledger: Ledger, people: int) -> tuple[list[str], list[str]]:
    """`people` persons in two households (one headed by 王大山, one without a head), each with
    a conflict on their phone and on their household; the persons' and households' ids."""
    repo = Records(ledger)
    headed = repo.save(Household(area_code=AREA, address="大坝村一组 8 号"))
    headless = repo.save(Household(area_code=AREA, address="大坝村二组 3 号"))
    repo.add_person(Person(name="王大山", id_number=make_id(seq="011"), household_id=headed))
    persons = []
    for n in range(people):
        pid, _ = repo.add_person(
            Person(
                name=f"村民{n}",
                id_number=make_id(birth="19900101", seq=f"{100 + n:03d}"),
                household_id=headed,
                relation=Relation.CHILD,
            )
        )
        persons.append(pid)
    seq = 1
    for pid in persons:
        _clash(ledger, seq, "persons", pid, "13800000000", "13900000000", "phone")
        _clash(ledger, seq + 1, "persons", pid, headless, "h-not-here", "household_id")
        seq += 2
    return persons, [headed, headless]


def test_whose_and_the_values_are_said_as_one_by_one(ledger):
    _, (headed, _headless) = _village(ledger, 3)
    found = list_conflicts(ledger)
    assert len(found) == 6
    for conflict in found:
        assert conflict.subject == subject_of(ledger, conflict.table, conflict.row_id, {})
        assert conflict.subject.startswith("村民")
    said = ValuesSaid(ledger, [(c.field, v.value) for c in found for v in c.values])
    words = {
        said(c.table, c.field, v.value): value_said(ledger, c.table, c.field, v.value)
        for c in found
        for v in c.values
    }
    assert all(together == alone for together, alone in words.items())
    assert {"13800000000", "13900000000", "大坝村二组 3 号", "（本机台账里没有的户信息）"} <= set(
        words
    )
    # a household with a head by the head (王大山家), as one by one
    assert said("persons", "household_id", headed) == "王大山家"
    assert value_said(ledger, "persons", "household_id", headed) == "王大山家"


def _reads_of_people(ledger: Ledger, people: int) -> int:
    """Statements reading persons or households while the conflicts are listed and said."""
    statements: list[str] = []
    ledger.db.conn.set_trace_callback(statements.append)
    try:
        found = list_conflicts(ledger)
        said = ValuesSaid(ledger, [(c.field, v.value) for c in found for v in c.values])
        [said(c.table, c.field, v.value) for c in found for v in c.values]
    finally:
        ledger.db.conn.set_trace_callback(None)
    assert len(found) == 2 * people
    return sum("[persons]" in s or "[households]" in s or "FROM persons" in s for s in statements)


def test_the_rows_are_read_together_not_per_conflict(tmp_path):
    counts = []
    for people in (1, 40):
        ledger = Ledger.open(tmp_path / f"{people}.db", author="测试员")
        try:
            _village(ledger, people)
            counts.append(_reads_of_people(ledger, people))
        finally:
            ledger.close()
    few, many = counts
    # the same handful for 80 conflicts as for 2 (one by one: a few a conflict and a value)
    assert many == few, counts
