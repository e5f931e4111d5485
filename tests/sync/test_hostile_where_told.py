"""Where a person lives is no answer to a change naming them. A village's laptop that knows the
id of a person of another village (one who moved away from it since, or any it learned) sends a
change of that person, or a new row hung on their household: the hub holds it (`scope`,
`pull_in`), and its reason, sent back to the laptop, used to name the village the person lives
in now — a laptop could follow a family that moved away from it, move by move. The reason says
only that the row is outside the sender's area; the county sees the row where it is."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync import raised_figure
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR

pytestmark = pytest.mark.today("2027-03-01")

village = raised_figure.village


def test_a_change_naming_another_villages_person_is_not_told_where_they_live(
    village, hub, make_device, tmp_path
):
    (pid,) = [r["id"] for r in village.db["persons"].rows_where("name = ?", ["赵六"])]
    home = village.get("persons", pid)["household_id"]
    other = make_device("新寨村", NEIGHBOUR)
    hub.import_file(export_bundle(other, tmp_path / "o0.fs").path)
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od0.fs").path)
    assert other.get("persons", pid) is None  # none of 红星村's people reach it
    forge(other, "persons", pid, {"phone": "13800000000"})
    forge(
        other,
        "visits",
        "v-probe",
        {"household_id": home, "visit_date": dt.date(2027, 2, 1).isoformat()},
    )
    hub.import_file(export_bundle(other, tmp_path / "o1.fs").path)
    held = {h.change.row_id: h for h in hub.rejected()}
    assert {held[pid].rule, held["v-probe"].rule} == {"scope", "pull_in"}, held
    for h in held.values():
        assert "红星村" not in h.reason, h.reason
        assert "不在" in h.reason and "负责的范围内" in h.reason, h.reason
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od1.fs").path)
    assert other.get("households", home) is None


def test_a_move_into_a_guessed_household_is_not_told_where_that_household_lies(
    village, hub, make_device, tmp_path
):
    """A laptop moving its own person into a household id it guessed (a forged bundle) is held
    (`move_in`: it may only offer the move); the reason used to name the village that
    household lies in — any household id probed, its village told. Now it says only that the
    household is outside the sender's area; the county sees it as before."""
    from tests.sync.helpers import add_family

    (pid,) = [r["id"] for r in village.db["persons"].rows_where("name = ?", ["赵六"])]
    home = village.get("persons", pid)["household_id"]
    other = make_device("新寨村", NEIGHBOUR)
    _own_home, (own,) = add_family(other, NEIGHBOUR, ["121"], surname="孙")
    hub.import_file(export_bundle(other, tmp_path / "o0.fs").path)
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od0.fs").path)
    assert hub.rejected() == []
    moved = forge(other, "persons", own, {"household_id": home})
    hub.import_file(export_bundle(other, tmp_path / "o1.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[moved.id].rule == "move_in", held[moved.id].reason
    reason = held[moved.id].reason
    assert "红星村" not in reason and "本机范围以外" in reason, reason
    assert hub.ledger.get("persons", own)["household_id"] == _own_home


def test_a_change_of_a_person_offered_to_a_guessed_household_is_not_told_where_it_lies(
    village, hub, make_device, tmp_path
):
    """The same probe by an offer: a laptop offers its own person to a household id it guessed
    (the offer stands: the hub sends it to the household's village, which answers it), then
    changes that person; the change is held (`offered_person`), and its reason named the
    village the household lies in. Now it says only 对方村."""
    from tests.sync.helpers import add_family

    (pid,) = [r["id"] for r in village.db["persons"].rows_where("name = ?", ["赵六"])]
    home = village.get("persons", pid)["household_id"]
    other = make_device("新寨村", NEIGHBOUR)
    _own_home, (own,) = add_family(other, NEIGHBOUR, ["121"], surname="孙")
    hub.import_file(export_bundle(other, tmp_path / "o0.fs").path)
    import_bundle(other, hub.export_for("新寨村", tmp_path / "od0.fs").path)
    forge(other, "persons", own, {"moving_to": home, "change_reason": "投亲"})
    changed = forge(other, "persons", own, {"phone": "13800000000"})
    hub.import_file(export_bundle(other, tmp_path / "o1.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[changed.id].rule == "offered_person", held[changed.id].reason
    reason = held[changed.id].reason
    assert "红星村" not in reason and "对方村" in reason, reason
