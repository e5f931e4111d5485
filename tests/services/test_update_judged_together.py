"""An enrolled device's bulk update (a spreadsheet's `import --update`, `Writer.update_rows`)
judges a batch's rows together, as the bulk path judges new rows
(tests/services/test_bulk_judged_together.py): where rows lie read once for the batch, not once
a row — and every row still given the verdict it has alone: the same refusal, in the same
words, of a row outside the device's area, nothing of the batch written."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from fieldapp.domain.models import Area, Household, Person
from fieldapp.domain.roles import Role
from fieldapp.services.actor import ProposedChange
from fieldapp.services.trust_check import TrustRefused, gateway_check
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.sync_state import Identity, SyncState
from tests.conftest import make_id

OWN, OTHER = "520502101001", "520502101002"
PEOPLE = 12  # of each village


@pytest.fixture
def village(ledger):
    """Two villages' households and people, then the ledger enrolled as the first village's
    laptop (the other village's rows were there before: an old ledger, a township's copy)."""
    with writing(ledger, actor_of(ledger)) as writer:
        writer.insert_many(
            Area,
            [
                {"code": "520502", "name": "七星关区", "kind": "县"},
                {"code": "520502101", "name": "鸭池镇", "kind": "乡镇", "parent_code": "520502"},
                {"code": OWN, "name": "大坝村", "kind": "村", "parent_code": "520502101"},
                {"code": OTHER, "name": "小河村", "kind": "村", "parent_code": "520502101"},
            ],
        )
        own = writer.insert(Household(area_code=OWN, address="大坝村一组 1 号"))
        other = writer.insert(Household(area_code=OTHER, address="小河村二组 2 号"))
        people = {
            home: [
                writer.insert(
                    Person(
                        name=f"{'甲' if home == own else '乙'}{n}",
                        id_number=make_id(seq=f"{n * 2 + (1 if home == own else 501):03d}"),
                        household_id=home,
                    )
                )
                for n in range(PEOPLE)
            ]
            for home in (own, other)
        }
    identity = Identity(
        "device", "大坝村", OWN, b"s" * 32, b"b" * 32, str(dt.date.today()), Role.COORDINATOR
    )
    with ledger.transaction():
        SyncState(ledger.db).set_identity(identity)
    return ledger, own, other, people[own], people[other]


def _updates(own: str, other: str, mine: list[str], theirs: list[str]):
    """A sheet's updates: the own village's people, one of the other village's among them, a
    person of the own village moved into the other's household, households changed, the own
    one moved to the other village."""
    return [
        ("persons", [(p, {"phone": f"1380000{k:04d}"}) for k, p in enumerate(mine[:4])]),
        ("persons", [(theirs[0], {"phone": "13900000000"})]),
        ("persons", [(mine[4], {"household_id": other})]),
        ("persons", [(mine[5], {"name": "甲五改", "notes": "核过"})]),
        ("households", [(own, {"address": "大坝村一组 2 号"})]),
        ("households", [(other, {"address": "小河村二组 3 号"})]),
        ("households", [(own, {"area_code": OTHER})]),
    ]


def _verdicts(ledger, rows, together: bool) -> list[str | None]:
    """Each update's verdict at the write door (None: allowed; else the refusal as said),
    judged one by one or together as one batch."""
    check, actor = gateway_check(ledger), actor_of(ledger)
    asked = [(table, row_id, fields) for table, row_id, fields in rows]
    found: list[str | None] = []
    with check.together(actor, asked) if together else _nothing():
        for table, row_id, fields in rows:
            change = ProposedChange(table, row_id, ledger.get(table, row_id), dict(fields))
            try:
                check(actor, change)
            except TrustRefused as refused:
                found.append(f"{refused.rule}: {refused}")
            else:
                found.append(None)
    return found


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def test_each_update_has_the_same_verdict_alone_and_in_a_batch(village):
    ledger, own, other, mine, theirs = village
    rows = [
        (table, row_id, fields)
        for table, changed in _updates(own, other, mine, theirs)
        for row_id, fields in changed
    ]
    alone = _verdicts(ledger, rows, together=False)
    assert _verdicts(ledger, rows, together=True) == alone
    # 乙0 and 小河村's household refused, named; the own village's rows written, and moving
    # its own household away too (a village hands its people on). Moving its own person into
    # 小河村's existing household is refused too: 小河村 takes them in or not (an offer,
    # `households.move_person`), never a sheet's row of another village.
    refused = {k: v for k, v in enumerate(alone) if v is not None}
    assert sorted(refused) == [4, 5, 8], alone
    assert refused[5].startswith("move_in: 把甲4迁入七星关区 鸭池镇 小河村已有的户"), refused[5]
    assert (
        refused[4]
        == "scope: 这条人员信息属于七星关区 鸭池镇 小河村，不在本机（村/安置点专员 · 大坝村）负责的范围内"
    )
    assert refused[8].startswith("scope: 这条户信息属于七星关区 鸭池镇 小河村，不在本机")


@pytest.mark.parametrize("which", range(7))
def test_update_rows_refuses_what_one_update_alone_is_refused(village, which):
    """Each kind of update written as part of a larger batch of the own village's changes:
    refused with the words it is refused alone (nothing of the batch written), or written."""
    ledger, own, other, mine, theirs = village
    actor = actor_of(ledger)
    table, changed = _updates(own, other, mine, theirs)[which]
    said_alone: str | None = None
    try:
        with writing(ledger, actor) as writer:
            for row_id, fields in changed:
                writer.update_row(table, row_id, dict(fields))
            raise _Undo
    except TrustRefused as refused:
        said_alone = f"{refused.rule}: {refused}"
    except _Undo:
        pass
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    # The same update amid the own village's others of its table.
    extra = {
        "persons": [(p, {"notes": f"第{k}次走访"}) for k, p in enumerate(mine[6:])],
        "households": [],
    }[table]
    batch = [*extra[:3], *changed, *extra[3:]]
    said_batch: str | None = None
    try:
        with writing(ledger, actor) as writer:
            writer.update_rows(table, batch)
    except TrustRefused as refused:
        said_batch = f"{refused.rule}: {refused}"
    assert said_batch == said_alone
    after = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert after == (before if said_alone else before + len(batch))
    if said_alone:
        assert "小河村" in said_alone


class _Undo(Exception):
    """Leaves a `writing` block without committing (its transaction rolled back)."""


def test_a_batch_of_updates_reads_where_its_rows_lie_once(village):
    """Where a batch's rows lie is read a table at a time for the batch (the finder shared while
    nothing is written), not a household's row once for each of its people."""
    ledger, own, _other, mine, _theirs = village
    statements: list[str] = []
    conn: sqlite3.Connection = ledger.db.conn
    with writing(ledger, actor_of(ledger)) as writer:
        conn.set_trace_callback(statements.append)
        try:
            writer.update_rows("persons", [(p, {"notes": "核过"}) for p in mine])
        finally:
            conn.set_trace_callback(None)
    households = [s for s in statements if "FROM [households]" in s or "FROM households" in s]
    assert len(households) <= 2, households
    assert ledger.get("persons", mine[-1])["notes"] == "核过"
