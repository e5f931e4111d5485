"""An update's conflicts left undecided are kept (`sheet_conflicts`, migration 42) to be
decided later: the sheet's value written as an import decision is (attributed, logged) unless
the ledger's cell changed since the import (refused, left open, counted); the ledger's value
closes it. The CLI lists them beside the sync conflicts and decides them one by one or
together. A dry run keeps none; a later import's conflict on the same cell replaces one."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.domain.dates import CHINA
from fieldapp.services.sheet_conflicts import (
    KEPT_DAYS,
    ChangedSince,
    SheetSide,
    clear_decided,
    decide,
    decide_many,
    find,
    list_open,
)
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.dump import synced_tables
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.tabular.dated_family import HEAD, LEDGER_PHONE, SHEET_PHONE, STALE_PHONE, WIFE, _phone
from tests.tabular.test_conflicts_decided_together import _authors, _undated


def _kept(ledger: Ledger, tmp_path: Path) -> Path:
    """The undated csv imported for real, both conflicts left undecided: both kept."""
    sheet = _undated(ledger, tmp_path)
    assert import_ledger(ledger, sheet, update=True, dry_run=True).conflicts_kept == 0
    assert list_open(ledger) == []  # a preview keeps nothing
    report = import_ledger(ledger, sheet, update=True)
    assert len(report.conflicts) == 2 and report.conflicts_kept == 2
    assert report.as_json()["conflicts_kept"] == 2
    return sheet


def test_undecided_conflicts_are_kept_and_decided_later(ledger, tmp_path):
    _kept(ledger, tmp_path)
    kept = {c.id_number: c for c in list_open(ledger)}
    head, wife = kept[HEAD], kept[WIFE]
    assert (head.file, head.field, head.sheet_value, head.ledger_value) == (
        "村里改的.csv",
        "phone",
        STALE_PHONE,
        LEDGER_PHONE,
    )
    assert head.imported_by == ledger.author and head.name and head.row > 1
    assert wife.sheet_value == SHEET_PHONE and _phone(ledger, HEAD) == LEDGER_PHONE
    # The sheet's value: written as an ordinary logged edit, by whoever decides.
    change = decide(ledger, head, SheetSide.SHEET)
    assert change is not None and _phone(ledger, HEAD) == STALE_PHONE
    assert _authors(ledger, HEAD)[-1] == ledger.author
    # The ledger's: closed, nothing written.
    before = ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert decide(ledger, wife, SheetSide.LEDGER) is None
    assert ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert list_open(ledger) == []
    closed = ledger.db.execute(
        "SELECT status, decided_by, change_id FROM sheet_conflicts ORDER BY status"
    ).fetchall()
    assert closed == [("ledger", ledger.author, None), ("sheet", ledger.author, change.id)]
    with pytest.raises(Exception, match="已经处理过"):  # decided: not again
        decide(ledger, head, SheetSide.SHEET)


def test_a_cell_changed_since_the_import_is_not_overwritten(ledger, tmp_path):
    _kept(ledger, tmp_path)
    kept = {c.id_number: c for c in list_open(ledger)}
    with ledger.transaction():
        wife = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [WIFE]).fetchone()
        ledger.update("persons", wife[0], {"phone": "13911112222"})
    with pytest.raises(ChangedSince):
        decide(ledger, kept[WIFE], SheetSide.SHEET)
    assert _phone(ledger, WIFE) == "13911112222" and len(list_open(ledger)) == 2
    done = decide_many(ledger, list_open(ledger), SheetSide.SHEET)
    assert (done.decided, done.changed, done.gone, len(done.changes)) == (1, 1, 0, 1)
    assert _phone(ledger, HEAD) == STALE_PHONE and _phone(ledger, WIFE) == "13911112222"
    [left] = list_open(ledger)
    assert left.id_number == WIFE
    # Keeping the ledger's value is always possible: it closes the conflict.
    assert decide_many(ledger, [left], SheetSide.LEDGER).decided == 1
    assert list_open(ledger) == []


def test_a_later_import_replaces_an_open_conflict_of_the_same_cell(ledger, tmp_path):
    sheet = _kept(ledger, tmp_path)
    first = {c.conflict_id for c in list_open(ledger)}
    report = import_ledger(ledger, sheet, update=True)
    assert report.conflicts_kept == 2
    again = list_open(ledger)
    assert len(again) == 2 and first.isdisjoint(c.conflict_id for c in again)
    replaced = ledger.db.execute(
        "SELECT count(*) FROM sheet_conflicts WHERE status = 'replaced'"
    ).fetchone()[0]
    assert replaced == 2  # kept, closed as replaced: nothing deleted


def test_the_kept_conflicts_are_local(ledger, tmp_path):
    _kept(ledger, tmp_path)
    assert "sheet_conflicts" not in synced_tables(ledger.db)
    logged = ledger.db.execute(
        "SELECT count(*) FROM changes WHERE tbl = 'sheet_conflicts'"
    ).fetchone()[0]
    assert logged == 0


def ledger_change_ids(db: str) -> list[str]:
    """Every change id the ledger's log holds (`Change.id`)."""
    ledger = Ledger.open(Path(db), author="x")
    try:
        rows = ledger.db.execute("SELECT device_id, seq FROM changes").fetchall()
        return [f"{device}:{seq}" for device, seq in rows]
    finally:
        ledger.close()


def test_cli_lists_and_decides_them(ledger, tmp_path, capsys):
    sheet = _undated(ledger, tmp_path)
    db = str(ledger.path)
    ledger.close()
    assert main(["--db", db, "import", str(sheet), "--update"]) == 1
    out = capsys.readouterr().out
    assert "这 2 处冲突已记下" in out and "conflicts resolve 编号 --keep 表格" in out
    assert main(["--db", db, "conflicts"]) == 0
    out = capsys.readouterr().out
    assert out.count("来自表格“村里改的.csv”") == 2
    # The clerk's words: the person's name and field, the two values, no ids but the number
    # to type (as short as still names one, at least 4 characters).
    assert f"表格中的值: {STALE_PHONE}" in out and f"台账原来的值: {LEDGER_PHONE}" in out
    assert "的联系电话" in out and "sheet" not in out and "ledger" not in out
    assert main(["--db", db, "conflicts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {c["source"] for c in listed} == {"sheet"}
    for c in listed:
        assert c["row_id"] not in out and c["conflict_id"][:4] in out
    head = next(c for c in listed if c["id_number"] == HEAD)
    wife = next(c for c in listed if c["id_number"] == WIFE)
    # A sync conflict's way of deciding does not fit: said so, in the clerk's words.
    assert main(["--db", db, "conflicts", "resolve", head["conflict_id"], "--value", "1"]) == 2
    err = capsys.readouterr().err
    assert "不能用 --value 给新值" in err and "--keep 表格" in err and "--keep 台账" in err
    assert f"{head['name']}的联系电话" in err
    # A sheet conflict has no check code: --check is refused, not silently ignored.
    checked = ["conflicts", "resolve", head["conflict_id"], "--keep", "sheet", "--check", "ab12"]
    assert main(["--db", db, *checked]) == 2
    err = capsys.readouterr().err
    assert "没有核对码" in err and "请去掉 --check" in err
    assert main(["--db", db, "conflicts", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    code = main(["--db", db, "conflicts", "resolve", head["conflict_id"], "--keep", "表格"])
    out = capsys.readouterr().out
    assert (
        code == 0 and f"{head['name']}的联系电话改用表格“村里改的.csv”中的值 {STALE_PHONE}" in out
    )
    change = ledger_change_ids(db)
    assert change and not any(c in out for c in change)  # no change id said to the clerk
    assert main(["--db", db, "conflicts", "resolve-all", "--keep", "台账", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["resolved"] == 1 and said["changed_meanwhile"] == 0
    assert main(["--db", db, "conflicts"]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out
    again = Ledger.open(Path(db), author="x")
    assert _phone(again, HEAD) == STALE_PHONE and _phone(again, WIFE) == wife["ledger_value"]
    assert wife["sheet_value"] == SHEET_PHONE != wife["ledger_value"]
    again.close()


def test_a_kept_conflict_is_found_by_a_unique_prefix_of_its_number(ledger, tmp_path):
    _kept(ledger, tmp_path)
    head, wife = sorted(list_open(ledger), key=lambda c: c.id_number != HEAD)
    assert head.id_number == HEAD
    assert find(ledger, head.conflict_id) == head
    assert find(ledger, " " + head.conflict_id[:6].upper() + " ") == head  # as typed
    assert find(ledger, head.conflict_id[:3]) is None  # too short to be sure
    assert find(ledger, "%%%%") is None and find(ledger, "____") is None  # no pattern
    # Two open ones sharing the prefix typed: neither is taken.
    ledger.db.execute(
        "UPDATE sheet_conflicts SET id = ? WHERE id = ?",
        [head.conflict_id[:4] + "zz", wife.conflict_id],
    )
    assert find(ledger, head.conflict_id[:4]) is None
    assert find(ledger, head.conflict_id[:5]) == head
    decide(ledger, head, SheetSide.LEDGER)  # decided: no longer found
    assert find(ledger, head.conflict_id) is None


def test_cli_says_a_number_shared_by_two_is_too_short(ledger, tmp_path, capsys):
    _kept(ledger, tmp_path)
    head, wife = list_open(ledger)
    shared = head.conflict_id[:4]
    ledger.db.execute(
        "UPDATE sheet_conflicts SET id = ? WHERE id = ?", [shared + "zz", wife.conflict_id]
    )
    db = str(ledger.path)
    ledger.close()
    code = main(["--db", db, "conflicts", "resolve", shared, "--keep", "sheet"])
    err = capsys.readouterr().err
    assert code == 2 and "不止对应一处冲突，请多写几位" in err and "已经解决" not in err
    again = Ledger.open(Path(db), author="x")
    assert len(list_open(again)) == 2  # nothing decided
    again.close()


def test_the_number_listed_is_the_shortest_that_names_one():
    from fieldapp.domain.conflict_numbers import short_number

    every = ["a309f1c2d4", "a30e77b101", "1da3c0ffee"]
    assert short_number("1da3c0ffee", every) == "1da3"
    assert short_number("a309f1c2d4", every) == "a309"
    assert short_number("a309f1c2d4", [*every, "a3090aaaaa"]) == "a309f"
    assert short_number("a309f1c2d4", ["a309f1c2d4", "a309f1c2d4"]) == "a309f1c2d4"


def _row(ledger: Ledger, conflict_id: str) -> dict[str, object]:
    found = ledger.db.execute("SELECT * FROM sheet_conflicts WHERE id = ?", [conflict_id])
    names = [d[0] for d in found.description]
    return dict(zip(names, found.fetchone(), strict=True))


def _aged(ledger: Ledger, conflict_id: str) -> None:
    """The conflict decided (and imported) longer ago than the days kept."""
    old = (dt.datetime.now(CHINA) - dt.timedelta(days=KEPT_DAYS + 1)).isoformat(timespec="seconds")
    ledger.db.execute(
        "UPDATE sheet_conflicts SET decided_at = ?, imported_at = ? WHERE id = ?",
        [old, old, conflict_id],
    )


def _cleared(ledger: Ledger, conflict_id: str) -> bool:
    """True when the conflict's name, ID number and both values are cleared."""
    row = _row(ledger, conflict_id)
    values = [json.loads(str(row[side])) for side in ("sheet_value", "ledger_value")]
    return (row["name"], row["id_number"]) == ("", "") and all(
        isinstance(v, dict) and v.keys() == {"cleared_at"} for v in values
    )


def test_a_decision_clears_the_conflicts_decided_long_ago_without_an_import(ledger, tmp_path):
    """A ledger whose clerk decides conflicts and imports nothing more keeps the days too:
    the next decision clears, in its own transaction, what was decided `KEPT_DAYS` ago."""
    _kept(ledger, tmp_path)
    kept = {c.id_number: c for c in list_open(ledger)}
    head, wife = kept[HEAD], kept[WIFE]
    decide(ledger, head, SheetSide.SHEET)
    _aged(ledger, head.conflict_id)
    assert not _cleared(ledger, head.conflict_id)
    decide(ledger, wife, SheetSide.LEDGER)
    assert _cleared(ledger, head.conflict_id)
    assert not _cleared(ledger, wife.conflict_id)  # decided just now: kept whole
    assert _row(ledger, head.conflict_id)["status"] == "sheet"  # the decision's record stays


def test_deciding_many_clears_once_even_when_the_first_is_no_longer_open(ledger, tmp_path):
    """`decide_many` clears in its first decision written: one no longer open (its
    transaction rolled back) does not count as the one that cleared."""
    _kept(ledger, tmp_path)
    kept = {c.id_number: c for c in list_open(ledger)}
    head, wife = kept[HEAD], kept[WIFE]
    decide(ledger, head, SheetSide.SHEET)
    _aged(ledger, head.conflict_id)
    done = decide_many(ledger, [head, wife], SheetSide.LEDGER)
    assert (done.gone, done.decided) == (1, 1)
    assert _cleared(ledger, head.conflict_id)
    assert not _cleared(ledger, wife.conflict_id)


#: The clearing's statement (`store.sheet_conflicts.clear_decided`), as SQLite traces it.
CLEARING = "UPDATE sheet_conflicts SET name = ''"


def test_deciding_many_clears_once_per_batch(ledger, tmp_path):
    """`decide_many` scans for the conflicts past the days kept once a batch, in its first
    decision written, not once a conflict (each decision is its own transaction): one scan
    for a batch of three, none in the decision found no longer open; the next batch scans
    again, once."""
    sheet = _kept(ledger, tmp_path)
    first = {c.id_number: c for c in list_open(ledger)}
    decide(ledger, first[WIFE], SheetSide.LEDGER)
    # The same csv again: both cells differ again, two open conflicts (李秀's replaces the
    # one still open; hers decided stays decided).
    assert import_ledger(ledger, sheet, update=True).conflicts_kept == 2
    _aged(ledger, first[WIFE].conflict_id)
    now = {c.id_number: c for c in list_open(ledger)}
    assert set(now) == {HEAD, WIFE}

    def scans(batch: list, side: SheetSide) -> tuple[int, object]:
        statements: list[str] = []
        ledger.db.conn.set_trace_callback(statements.append)
        try:
            done = decide_many(ledger, batch, side)
        finally:
            ledger.db.conn.set_trace_callback(None)
        return sum(s.startswith(CLEARING) for s in statements), done

    count, done = scans([first[HEAD], now[HEAD], now[WIFE]], SheetSide.LEDGER)
    assert (done.gone, done.decided) == (1, 2)  # first[HEAD] was replaced by the import
    assert count == 1
    assert _cleared(ledger, first[WIFE].conflict_id)  # decided long ago: cleared
    assert not any(_cleared(ledger, c.conflict_id) for c in now.values())  # decided now
    # A later batch (a third import's conflict): its own one scan.
    assert import_ledger(ledger, sheet, update=True).conflicts_kept == 2
    count, done = scans(list_open(ledger), SheetSide.LEDGER)
    assert (count, done.decided) == (1, 2)


def test_a_decided_conflicts_personal_data_is_cleared_after_the_days_kept(ledger, tmp_path):
    """`KEPT_DAYS` after its decision a conflict's name, ID number and two values are cleared
    by the next import; who decided what and when stays, and so does the change it wrote. One
    decided lately keeps them; an open one keeps them however old."""
    sheet = _kept(ledger, tmp_path)
    kept = {c.id_number: c for c in list_open(ledger)}
    head, wife = kept[HEAD], kept[WIFE]
    change = decide(ledger, head, SheetSide.SHEET)
    assert change is not None
    decide(ledger, wife, SheetSide.LEDGER)  # decided today
    _aged(ledger, head.conflict_id)
    before = _row(ledger, head.conflict_id)
    # The next import (the same csv again: 李秀's phone still differs, a conflict again).
    report = import_ledger(ledger, sheet, update=True)
    assert report.conflicts_kept == 1
    cleared = _row(ledger, head.conflict_id)
    assert (cleared["name"], cleared["id_number"]) == ("", "")
    for side in ("sheet_value", "ledger_value"):
        assert json.loads(str(cleared[side])).keys() == {"cleared_at"}
    text = json.dumps(cleared, ensure_ascii=False)
    assert STALE_PHONE not in text and LEDGER_PHONE not in text and HEAD not in text
    # The record of the decision: who, when, which side, the cell, the change written.
    for key in ("status", "decided_at", "decided_by", "change_id", "tbl", "row_id", "field"):
        assert cleared[key] == before[key], key
    assert (cleared["status"], cleared["change_id"]) == ("sheet", change.id)
    assert _phone(ledger, HEAD) == STALE_PHONE  # the ledger's person untouched
    # Decided today: kept whole.
    lately = _row(ledger, wife.conflict_id)
    assert (lately["status"], lately["id_number"]) == ("ledger", WIFE)
    assert json.loads(str(lately["sheet_value"])) == SHEET_PHONE
    # The new open one, and a clearing long after: an open conflict is never cleared.
    [still] = list_open(ledger)
    assert still.id_number == WIFE and still.sheet_value == SHEET_PHONE
    later = dt.datetime.now(CHINA) + dt.timedelta(days=10 * KEPT_DAYS)
    with writing(ledger, actor_of(ledger)) as writer:
        assert clear_decided(writer, later) == 1  # the one decided today, not the open one
    assert list_open(ledger) == [still]
    with writing(ledger, actor_of(ledger)) as writer:
        assert clear_decided(writer, later) == 0  # cleared once


def test_the_numbers_of_a_big_list_are_each_the_shortest_that_names_one():
    """`short_numbers` (the listing's, sorted once) gives each id what naming it one by one
    does: the shortest start no other id shares, at least 4 characters."""
    import random

    from fieldapp.domain.conflict_numbers import short_numbers

    chance = random.Random(7)
    every = [f"{chance.getrandbits(40):010x}" for _ in range(3000)]
    every += [every[0][:5] + "00000", every[1]]  # a close neighbour, and an id listed twice
    numbers = short_numbers(every)
    for conflict_id in every:
        number = numbers[conflict_id]
        assert conflict_id.startswith(number) and len(number) >= 4
        sharing = [other for other in every if other.startswith(number)]
        shorter = [o for o in every if o.startswith(number[:-1])] if len(number) > 4 else []
        if conflict_id == every[1]:
            assert number == conflict_id  # twice: only the whole id, and it is not unique
            continue
        assert sharing == [conflict_id], number
        assert len(number) == 4 or len(shorter) > 1, number  # none shorter would do
    assert len(numbers[every[0]]) >= 6
