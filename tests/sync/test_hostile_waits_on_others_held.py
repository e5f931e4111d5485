"""A reason must not tell one device what another device's held changes hold.

A row the hub cannot place because the person or household it belongs to is held says whose
that is and why it is held (`trust_check._waiting_on_held`), from the same bundle or one the
hub holds already — a held change of any device. A hostile village device sent a person into
a household another village's bundle had made and the hub held: its refusal named the held
household's head (a person of the other village the hub never took) and gave the other
village's reason. Only the sender's own held changes are said now; another's row is one the hub
does not have, as it is to every device."""

from __future__ import annotations

from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle
from tests.conftest import make_id
from tests.sync.hostile import forge

AREA = "520502101001"
OTHER = AREA[:9] + "002"
ELSEWHERE = AREA[:9] + "003"


def test_a_villages_refusal_names_nothing_of_another_villages_held_household(
    hub, make_device, tmp_path
):
    village = make_device("红星村", AREA)
    other = make_device("远村", OTHER)
    household = natural_id("households", "held", "1")
    head = natural_id("persons", "held", "1")
    # 远村's bundle: a household of a third village (held, pull_in) and its head.
    forge(other, "households", household, {"area_code": ELSEWHERE, "address": "小河村五组 3 号"})
    forge(other, "persons", head, {"household_id": household, "name": "欧阳秘",
                                   "relation": "户主", "id_number": make_id(seq="771")})  # fmt: skip
    hub.import_file(export_bundle(other, tmp_path / "other.fieldsync").path)
    assert {h.change.tbl for h in hub.rejected()} == {"households", "persons"}
    # 红星村 sends a person into that household.
    stranger = natural_id("persons", "probe", "1")
    forge(village, "persons", stranger, {"household_id": household, "name": "孙探",
                                         "relation": "其他", "id_number": make_id(seq="773")})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "village.fieldsync").path)
    (mine,) = [h for h in hub.rejected() if h.device == "红星村"]
    assert mine.rule == "no_place"
    for word in ("欧阳秘", "小河村", "远村"):
        assert word not in mine.reason, mine.reason
        assert word not in (mine.reason_said or "")
    # 远村's own next row waiting on it is still told why.
    forge(other, "visits", natural_id("visits", "held", "1"),
          {"household_id": household, "visit_date": "2026-11-30"})  # fmt: skip
    hub.import_file(export_bundle(other, tmp_path / "other2.fieldsync").path)
    (visit,) = [h for h in hub.rejected() if h.change.tbl == "visits"]
    assert "小河村五组 3 号" in visit.reason and "远村" in visit.reason, visit.reason
