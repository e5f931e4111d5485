"""The rows a subsidy is judged by are kept with an offered person both ways.

While a person is offered to another village (`moving_to`), their categories, jobs,
unemployment registrations and trainings (`trust.OFFER_KEPT_ROWS`) are kept as offered. The
rule judged such a row by the person it names *after* the change: a job re-pointed from the
offered person onto another (its `person_id` changed) passed — the receiving village took in
a person without the job it saw — and so did a training of theirs made another kind of
service (not kept). Now the person the row hung on before counts too, and a training stays a
training, on the offering device's write door and at the hub (`offered_person`)."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.services import households
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge
from tests.sync.test_move_in_offered import _offered, _trip
from tests.sync.test_offered_person_kept import KEPT, _hung


def _kept_rows(tmp_path, hub, make_device):  # noqa: ANN001, ANN202
    """红星村's 王1 offered to the site, holding one row of each `KEPT` kind recorded before
    the offer (the offer taken back, the rows added, offered again), and 周0, a neighbour of
    the same village, offered to no one."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    _, (neighbour,) = add_family(village, VILLAGE, ["115"], surname="周")
    households.withdraw_offer(village, actor_of(village), second)
    rows = {}
    for kind in KEPT:
        record = _hung(second, home, kind)
        record = record.model_copy(update={"id": natural_id(record.TABLE, "kept", kind)})
        with writing(village, actor_of(village)) as w:
            w.insert(record)
        rows[kind] = record
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    _trip(hub, village, "红星村", tmp_path, 4)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert hub.rejected() == []
    return village, site, second, neighbour, rows


def test_a_kept_row_is_not_moved_off_the_offered_person_on_the_door(tmp_path, hub, make_device):
    village, site, second, neighbour, rows = _kept_rows(tmp_path, hub, make_device)
    for kind, record in rows.items():
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update_row(record.TABLE, record.id, {"person_id": neighbour})
        assert refused.value.rule == "offered_person", kind
        assert "王1" in str(refused.value) and "请先撤回迁入再修改" in str(refused.value)
        assert village.get(record.TABLE, record.id)["person_id"] == second


def test_a_row_is_not_moved_onto_the_offered_person_on_the_door(tmp_path, hub, make_device):
    village, site, second, neighbour, rows = _kept_rows(tmp_path, hub, make_device)
    for kind in KEPT:
        record = _hung(neighbour, "", kind)
        record = record.model_copy(update={"id": natural_id(record.TABLE, "theirs", kind)})
        with writing(village, actor_of(village)) as w:
            w.insert(record)
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update_row(record.TABLE, record.id, {"person_id": second})
        assert refused.value.rule == "offered_person", kind


def test_a_training_of_the_offered_person_stays_a_training(tmp_path, hub, make_device):
    village, site, second, neighbour, rows = _kept_rows(tmp_path, hub, make_device)
    training = rows["training"]
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
        w.update_row("services", training.id, {"service_type": "职业指导", "training_days": None})
    assert refused.value.rule == "offered_person"
    assert village.get("services", training.id)["service_type"] == "职业培训"


@pytest.mark.parametrize("kind", KEPT)
def test_the_hub_holds_a_kept_row_moved_off_the_offered_person(tmp_path, hub, make_device, kind):
    """A tampered 红星村 program moves the row onto the neighbour anyway: held at the hub; the
    site takes the person in with the row it saw."""
    village, site, second, neighbour, rows = _kept_rows(tmp_path, hub, make_device)
    record = rows[kind]
    heads = {"person_id": village.heads(record.TABLE, record.id)["person_id"]}
    moved = forge(village, record.TABLE, record.id, {"person_id": neighbour}, parents=heads)
    hub.import_file(export_bundle(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[moved.id].rule == "offered_person", held[moved.id].reason
    assert hub.ledger.get(record.TABLE, record.id)["person_id"] == second
    households.accept_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 5)
    assert {h.change_id for h in hub.rejected()} == {moved.id}
    assert site.get(record.TABLE, record.id)["person_id"] == second


def test_the_hub_holds_a_training_of_the_offered_person_made_another_service(
    tmp_path, hub, make_device
):
    village, site, second, neighbour, rows = _kept_rows(tmp_path, hub, make_device)
    training = rows["training"]
    heads = {"service_type": village.heads("services", training.id)["service_type"]}
    retyped = forge(village, "services", training.id, {"service_type": "职业指导"}, parents=heads)
    hub.import_file(export_bundle(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[retyped.id].rule == "offered_person", held[retyped.id].reason
    assert hub.ledger.get("services", training.id)["service_type"] == "职业培训"
