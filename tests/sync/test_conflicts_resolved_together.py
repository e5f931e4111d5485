"""Many sync conflicts resolved at once, keeping the same side's value for each: every
resolution written as a single one is (an edit that saw every value, attributed, logged);
a conflict changed after it was listed skipped and counted, never overwritten."""

from __future__ import annotations

import json

from fieldapp.cli.main import main as cli
from fieldapp.store.ledger import Ledger
from fieldapp.sync.conflicts import Side, list_conflicts, resolve_many
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family


def _three_conflicts(tmp_path, hub, make_device):
    """Devices 甲村 and 甲村二号 each edit three persons' phones (and 甲村 one's notes) at
    once; after an exchange both hold three phone conflicts."""
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _, pids = add_family(a, VILLAGE, ["101", "102", "103"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    for n, pid in enumerate(pids):
        a.update("persons", pid, {"phone": f"1380000000{n}"})
        b.update("persons", pid, {"phone": f"1390000000{n}"})
    a.update("persons", pids[0], {"notes": "甲的备注"})
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    hub.import_file(export_bundle(b, tmp_path / "b2.fs").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a3.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b3.fs").path)
    assert len(list_conflicts(b)) == 3
    return a, b, pids


def test_keep_this_devices_values_skips_one_changed_since(tmp_path, hub, make_device):
    a, b, pids = _three_conflicts(tmp_path, hub, make_device)
    shown = list_conflicts(b)
    # One resolved on 甲村 meanwhile and brought here: no longer the conflict shown.
    first = next(c for c in list_conflicts(a) if c.row_id == pids[0])
    ours = next(v for v in first.values if v.value.startswith("138"))
    from fieldapp.sync.conflicts import resolve

    resolve(a, first.conflict_id, keep=ours.value_id)
    hub.import_file(export_bundle(a, tmp_path / "a4.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b4.fs").path)
    steps: list[tuple[int, int]] = []
    done = resolve_many(b, shown, Side.HERE, progress=lambda d, t: steps.append((d, t)))
    assert (len(done.changes), done.changed, done.no_value) == (2, 1, 0)
    assert steps[-1] == (3, 3)
    assert list_conflicts(b) == []
    phones = {pid: b.get("persons", pid)["phone"] for pid in pids}
    assert phones == {pids[0]: "13800000000", pids[1]: "13900000001", pids[2]: "13900000002"}
    for change in done.changes:  # ordinary logged edits by this device's user
        assert change.author.startswith(b.author) and change.tbl == "persons"
    # They travel: 甲村 ends with the same values and no conflict.
    hub.import_file(export_bundle(b, tmp_path / "b5.fs").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a5.fs").path)
    assert list_conflicts(a) == []
    assert {pid: a.get("persons", pid)["phone"] for pid in pids} == phones


def test_cancel_stops_between_two_and_keeps_what_was_written(tmp_path, hub, make_device):
    _a, b, _pids = _three_conflicts(tmp_path, hub, make_device)
    asked = iter([False, True])
    done = resolve_many(b, list_conflicts(b), Side.OTHER, cancelled=lambda: next(asked))
    assert done.stopped and len(done.changes) == 1
    assert len(list_conflicts(b)) == 2


def test_cli_resolve_all_keeps_the_shown_values_of_one_field(tmp_path, hub, make_device, capsys):
    _a, b, pids = _three_conflicts(tmp_path, hub, make_device)
    before = {c.row_id: next(v.value for v in c.values if v.shown) for c in list_conflicts(b)}
    db = str(b.path)
    b.close()
    assert cli(["--db", db, "conflicts", "resolve-all", "--keep", "shown", "--field", "备注"]) == 0
    assert "已处理冲突 0 处" in capsys.readouterr().out
    code = cli(
        ["--db", db, "conflicts", "resolve-all", "--keep", "现在的值", "--field", "联系电话"]
    )
    assert code == 0
    assert "已处理冲突 3 处：都保留现在显示的值" in capsys.readouterr().out
    again = Ledger.open(db)
    assert list_conflicts(again) == []
    assert {pid: again.get("persons", pid)["phone"] for pid in pids} == before
    again.close()
    assert cli(["--db", db, "conflicts", "resolve-all", "--keep", "here", "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["resolved"] == 0 and said["changed_meanwhile"] == 0
