"""The arrivals kept with each ledger export (`meta`, `note_export_arrivals`) were never
dropped: one row per export for the life of the ledger. Now a row is dropped once the next
export's answers the same for every sheet that would be judged by it — no other device's
change arrived between the two, and this device's own changes after it are stamped after its
export's second. A row with an arrival after it stays: an update from that sheet still needs it
(a change received after the export is a conflict, not overwritten)."""

from __future__ import annotations

import time
from pathlib import Path

from fieldapp.services.exports import LEDGER_EXPORT, record_export
from fieldapp.store.hlc import format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.tabular import edits_after, prune_export_arrivals
from fieldapp.sync.exchange import export_bundle, import_bundle
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import EDITED_TABLES
from tests.sync.helpers import VILLAGE, add_family

MARK = "ledger_export_arrived:"


def _marks(ledger: Ledger) -> dict[str, str]:
    rows = ledger.db.execute("SELECT key, value FROM meta WHERE key LIKE ?", [MARK + "%"])
    return {key[len(MARK) :]: value for key, value in rows}


def _export(ledger: Ledger, path: Path) -> str:
    count = export_ledger(ledger, path)
    return record_export(ledger, LEDGER_EXPORT, path, count)


def _judged(ledger: Ledger, stamps: list[str]) -> list[dict[tuple[str, str], object]]:
    """For each sheet date, every cell's edit counted as after it (the update's judgement)."""
    cells = ledger.db.execute(
        "SELECT DISTINCT c.row_id, j.key FROM changes c, json_each(c.data) j"
    ).fetchall()
    judged = []
    for stamp in stamps:
        after = edits_after(ledger.db, stamp, EDITED_TABLES)
        judged.append({(r, f): after.get((r, f)) for r, f in cells})
    return judged


def _at_a_seconds_start() -> None:
    """Wait past the next whole second: the exports that follow share it (unless they take
    most of a second), as a test of "the same second" needs — unaligned, a loaded machine's
    third export ending at .98 put the fourth in the next second and its row was rightly
    dropped."""
    time.sleep(1.02 - time.time() % 1)


def test_only_the_rows_that_can_still_matter_are_kept(tmp_path: Path, hub, make_device) -> None:
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _hh, (head, _wife) = add_family(a, VILLAGE, ["101", "103"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fieldsync").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fieldsync").path)

    first = _export(a, tmp_path / "一.xlsx")
    time.sleep(1.1)  # the next export's own changes stamped after the first's second
    second = _export(a, tmp_path / "二.xlsx")
    # Nothing arrived between them: the first's row answers as the second's, dropped.
    assert set(_marks(a)) == {second}
    with b.transaction():  # another device's edit, received after the second export
        b.update("persons", head, {"phone": "13700000000"})
    hub.import_file(export_bundle(b, tmp_path / "b2.fieldsync").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a2.fieldsync").path)
    time.sleep(1.1)
    _at_a_seconds_start()
    third = _export(a, tmp_path / "三.xlsx")
    assert set(_marks(a)) == {second, third}  # the arrival between them: the second's kept
    fourth = _export(a, tmp_path / "四.xlsx")  # the same second as the third: kept too
    assert set(_marks(a)) == {second, third, fourth}
    assert first not in _marks(a)


def test_what_is_dropped_never_changes_how_a_sheet_is_judged(
    tmp_path: Path, hub, make_device
) -> None:
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _hh, (head, wife) = add_family(a, VILLAGE, ["101", "103"])
    hub.import_file(export_bundle(a, tmp_path / "a1.fieldsync").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fieldsync").path)
    times: list[int] = []
    every: dict[str, str] = {}
    for n, phone in enumerate(["13700000000", None, "13600000000", None]):
        if phone is not None:  # another device's edit, stamped before this export
            with b.transaction():
                b.update("persons", head, {"phone": phone})
            hub.import_file(export_bundle(b, tmp_path / f"b{n}.fieldsync").path)
        with a.transaction():  # and one of this device's own
            a.update("persons", wife, {"notes": f"第{n}次"})
        times.append(int(time.time() * 1000))
        _export(a, tmp_path / f"{n}.xlsx")
        every |= _marks(a)
        if phone is not None:  # …received only after it: a conflict for that sheet's update
            import_bundle(a, hub.export_for("甲村", tmp_path / f"a{n}.fieldsync").path)
        time.sleep(1.1)
    kept = _marks(a)
    assert 0 < len(kept) < len(every)  # some dropped, some kept
    # Sheet dates around every export, to the millisecond and to the second.
    stamps = [format_stamp(t + d, c) for t in times for d in (-1500, -1, 0, 400) for c in (0, 9999)]
    now = _judged(a, stamps)
    for export_id, value in every.items():  # put the dropped ones back: the same judgement
        a.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [MARK + export_id, value])
    assert _judged(a, stamps) == now
    assert prune_export_arrivals(a.db) == len(every) - len(kept)
    assert _marks(a) == kept
