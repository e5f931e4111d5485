"""A conflict's 编号: one shortest length for every place that takes one, and the conflicts a
number names matched by the id's range (only those loaded), as every conflict compared did."""

from __future__ import annotations

import secrets
from pathlib import Path

from fieldapp.domain.conflict_numbers import (
    SHORTEST_NUMBER,
    long_enough,
    matches,
    number_range,
    short_numbers,
)
from fieldapp.services.sheet_conflicts import find
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import conflict_ids, find_conflict, list_conflicts, starting
from tests.sync.test_conflicts_resolved_together import _three_conflicts


def test_the_range_of_a_number_holds_exactly_the_ids_it_starts() -> None:
    ids = sorted({secrets.token_hex(5) for _ in range(3000)})
    numbers = short_numbers(ids)
    for conflict_id in ids[::7]:
        for number in (conflict_id[:4], conflict_id[:5], numbers[conflict_id], conflict_id):
            low, high = number_range(number.upper() + " ")
            inside = [i for i in ids if low <= i < high]
            assert inside == [i for i in ids if i.startswith(number)]
        # The short number names it alone, and is never shorter than the commands take.
        assert [i for i in ids if matches(i, numbers[conflict_id])] == [conflict_id]
        assert long_enough(numbers[conflict_id])
    assert number_range("a30f") == ("a30f", "a30g") and number_range("a309") == ("a309", "a30:")
    assert not long_enough("a" * (SHORTEST_NUMBER - 1)) and not matches("abcdef", "  ")


def test_a_number_finds_its_conflict_loaded_as_the_listing_loads_it(tmp_path, hub, make_device):
    _a, b, _pids = _three_conflicts(tmp_path, hub, make_device)
    listed = {c.conflict_id: c for c in list_conflicts(b)}
    assert sorted(conflict_ids(b)) == sorted(listed)
    numbers = short_numbers(listed)
    for conflict_id, conflict in listed.items():
        assert starting(b, numbers[conflict_id]) == [conflict]
        assert starting(b, f" {conflict_id[:6].upper()} ") == [conflict]  # as typed
        # Typed with the input method in full-width mode (ｂ２ｅ７…): the same number.
        full_width = "".join(chr(ord(c) + 0xFEE0) for c in numbers[conflict_id].upper())
        assert starting(b, full_width) == [conflict] and find_conflict(b, full_width) == conflict
        assert find_conflict(b, numbers[conflict_id]) == conflict
        assert starting(b, conflict_id[: SHORTEST_NUMBER - 1]) == []  # too short: none
        assert find(b, conflict_id) is None  # a sync conflict is no sheet's
    assert starting(b, "zzzz") == []


def test_a_number_a_sync_and_a_sheets_conflict_share_is_refused_as_too_short(
    tmp_path, hub, make_device, capsys
):
    from fieldapp.cli.main import main as cli
    from fieldapp.services.sheet_conflicts import Undecided, keep, list_open
    from fieldapp.services.writer import actor_of, writing

    _a, b, pids = _three_conflicts(tmp_path, hub, make_device)
    conflict = list_conflicts(b)[0]
    row = b.get("persons", pids[0])
    whose = b.get("persons", conflict.row_id)["name"] + "的联系电话"
    with writing(b, actor_of(b)) as writer:
        keep(writer, "村里.xlsx", [Undecided(
            "人员", 2, row["name"], row["id_number"], "persons", pids[0], "notes", "表格的备注",
            row["notes"], "0", "x",
        )])  # fmt: skip
    # The sheet's conflict numbered as the sync one starts: its 4 characters name two.
    shared = conflict.conflict_id[:4]
    b.db.execute("UPDATE sheet_conflicts SET id = ?", [shared + "zz"])
    db = str(b.path)
    b.close()
    assert cli(["--db", db, "conflicts", "resolve", shared, "--keep", "本机"]) == 2
    assert "编号 " + shared + " 不止对应一处冲突，请多写几位" in capsys.readouterr().err
    # One more character names the sync one alone: resolved, said by its number as listed.
    assert (
        cli(["--db", db, "conflicts", "resolve", conflict.conflict_id[:5], "--keep", "本机"]) == 0
    )
    said = capsys.readouterr().out
    assert f"已处理冲突 {conflict.conflict_id[:5]}：" in said
    # Named as every sentence names it: whose which field, in the clerk's words.
    assert conflict.whose == whose
    assert f"已处理冲突 {conflict.conflict_id[:5]}：{conflict.whose}保存为 " in said
    assert cli(["--db", db, "conflicts", "resolve", shared + "z", "--keep", "台账"]) == 0
    again = Ledger.open(Path(db), author="x")
    assert list_open(again) == [] and len(list_conflicts(again)) == 2
    again.close()


def test_short_numbers_are_those_naming_each_id_one_by_one_gives() -> None:
    """The listing's numbers (sorted once, neighbours compared once) are what the rule says
    for each id alone: the shortest start of at least `SHORTEST_NUMBER` characters no other id
    starts with — ids sharing 3, 4 or all their characters, one a start of another, one
    shorter than a number, one listed twice."""
    ids = [secrets.token_hex(5) for _ in range(400)]
    ids += ["abc0000000", "abc1000000", "abcd000000", "abcd100000", "abcd1", "ab", "ab"]
    ids += [ids[0][:7] + "zzz", ids[1]]

    def one_by_one(conflict_id: str) -> str:
        if ids.count(conflict_id) > 1:
            return conflict_id  # listed twice: only itself whole
        others = [i for i in ids if i != conflict_id]
        for length in range(SHORTEST_NUMBER, len(conflict_id) + 1):
            if not any(o.startswith(conflict_id[:length]) for o in others):
                return conflict_id[:length]
        return conflict_id

    numbers = short_numbers(ids)
    assert numbers == {i: one_by_one(i) for i in ids}
    assert numbers["abc0000000"] == "abc0" and numbers["abcd000000"] == "abcd0"
    assert numbers["abcd1"] == "abcd1" and numbers["ab"] == "ab"
    assert numbers[ids[1]] == ids[1] and len(numbers[ids[0]]) == 8 and short_numbers([]) == {}


def test_a_number_too_short_is_said_so_not_found(tmp_path, hub, make_device, capsys) -> None:
    """Fewer than `SHORTEST_NUMBER` characters name no conflict: the clerk is told to type at
    least that many, not that the conflict is gone; the ledger is not changed."""
    from fieldapp.cli.main import main as cli
    from fieldapp.domain.errors import NotFound
    from fieldapp.sync.conflicts import ConflictGone

    _a, b, _pids = _three_conflicts(tmp_path, hub, make_device)
    conflict = list_conflicts(b)[0]
    short = conflict.conflict_id[: SHORTEST_NUMBER - 1]
    try:
        find_conflict(b, f" {short.upper()} ")
    except ConflictGone:
        raise AssertionError("a short number said as a conflict gone") from None
    except NotFound as error:
        assert str(error).startswith(f"冲突的编号至少要写 4 位，收到的“{short}”只有 3 位")
    else:
        raise AssertionError("a 3-character number found a conflict")
    # Long enough and naming none: gone (resolved, or mistyped), as before.
    try:
        find_conflict(b, "zzzz")
    except ConflictGone as error:
        assert "找不到冲突 zzzz" in str(error)
    db = str(b.path)
    b.close()
    assert cli(["--db", db, "conflicts", "resolve", short, "--keep", "本机"]) != 0
    err = capsys.readouterr().err
    assert "至少要写 4 位" in err and "Traceback" not in err
    again = Ledger.open(Path(db), author="x")
    assert len(list_conflicts(again)) == 3
    again.close()
