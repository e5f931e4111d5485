"""A spreadsheet update's undecided conflicts are this device's own decision list: a sync
ships none of them (the table is no projection of the log: nothing to send, nothing for the
hub to refuse or hold); a decision for the sheet's value travels as the ordinary edit it is."""

from __future__ import annotations

from fieldapp.services.sheet_conflicts import SheetSide, Undecided, decide, keep, list_open
from fieldapp.services.writer import actor_of, writing
from fieldapp.sync.conflicts import list_conflicts
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import VILLAGE, add_family


def test_kept_sheet_conflicts_are_not_sent_and_a_decision_travels(tmp_path, hub, make_device):
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _, [pid] = add_family(a, VILLAGE, ["101"])
    a.update("persons", pid, {"phone": "13700000000"})
    stamp, author = a.db.execute(
        "SELECT hlc, author FROM changes WHERE row_id = ? ORDER BY hlc DESC LIMIT 1", [pid]
    ).fetchone()
    person = a.get("persons", pid)
    assert person is not None
    with writing(a, actor_of(a)) as writer:  # as an update of a stale sheet leaves it
        undecided = Undecided(
            "人员", 2, person["name"], person["id_number"], "persons", pid, "phone",
            "13600000000", "13700000000", stamp, author,
        )  # fmt: skip
        assert keep(writer, "村里改的.xlsx", [undecided]) == 1
    hub.import_file(export_bundle(a, tmp_path / "a1.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fs").path)
    assert b.get("persons", pid)["phone"] == "13700000000"
    assert list_open(b) == [] and list_conflicts(b) == [] and list_conflicts(a) == []
    assert b.db.execute("SELECT count(*) FROM sheet_conflicts").fetchone()[0] == 0
    assert hub.rejected() == []  # nothing the hub had to refuse or hold
    # Decided for the sheet on 甲村: an ordinary edit, which reaches 甲村二号.
    [kept] = list_open(a)
    assert decide(a, kept, SheetSide.SHEET) is not None
    hub.import_file(export_bundle(a, tmp_path / "a2.fs").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b2.fs").path)
    assert b.get("persons", pid)["phone"] == "13600000000"
    assert list_open(b) == [] and hub.rejected() == []
