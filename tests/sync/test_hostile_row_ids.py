"""A row made under the id of a row of another table (of another village).

The hub's answer sends a device the history of each row id in its scope, whatever table the
change is of (`answers.history_of` reads the log by row id). A hostile village device, holding
the id of a person who moved away (kept as they were when they left: it hears nothing of them
since), or of any row of another village it once held or otherwise learned, made a visit of its
own under that id: the visit was in its scope, and every change ever made of the other
village's person under the same id came with it — the new phone, the new bank account, for
good."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import SITE, VILLAGE, add_family
from tests.sync.hostile import forge

ACCOUNT = "6222000099998888"


def _trip(hub, device, name: str, folder, n: int) -> None:  # noqa: ANN001
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def test_a_visit_made_under_a_moved_persons_id_brings_the_village_nothing_of_them(
    tmp_path, hub, make_device
):
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (mover, stays) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    households.move_person(
        village, actor_of(village), mover, "投亲", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    _trip(hub, village, "红星村", tmp_path, 2)
    _trip(hub, village, "红星村", tmp_path, 3)  # told of the move, and confirmed it
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", mover, {"phone": "13912345678", "account_number": ACCOUNT})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    assert hub.ledger.get("persons", mover)["account_number"] == ACCOUNT
    # The hostile village: a visit of its own family, under the moved person's id.
    visit = forge(village, "visits", mover,
                  {"household_id": home, "person_id": stays, "visit_date": "2026-11-30"})  # fmt: skip
    for n in (4, 5):
        _trip(hub, village, "红星村", tmp_path, n)
        row = village.get("persons", mover)
        assert (row["phone"], row["account_number"]) != ("13912345678", ACCOUNT)
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held == {visit.id: "row_id_taken"}
    assert hub.ledger.get("visits", mover) is None
    for answer in (hub.plan_answer("红星村"), hub.plan_answer("红星村", afresh=True)):
        assert mover not in {c[5] for c in answer.changes}


def test_a_claim_event_made_under_another_villages_claim_id_brings_none_of_it(county, hub):
    """The same with a claim of 远村 whose id 红星村 came to know: an event of 红星村's own
    under that id brought 远村's claim — the person's name, ID number, account — and its events."""
    village, other = county["village"], county["other"]
    their_claim = county["their_claim"]
    number = hub.ledger.get("claims", their_claim)["id_number"]
    home = hub.ledger.get("persons", county["mine"])["household_id"]
    visit = forge(village, "visits", their_claim,
                  {"household_id": home, "person_id": county["mine"], "visit_date": "2026-11-30"})  # fmt: skip
    for _ in range(2):
        county["exchange"](village, "红星村")
    assert village.get("claims", their_claim) is None
    assert number not in {r[0] for r in village.db.execute("SELECT id_number FROM claims")}
    assert {h.change_id: h.rule for h in hub.rejected()} == {visit.id: "row_id_taken"}
    county["exchange"](other, "远村")
    assert other.get("claims", their_claim) is not None
    assert other.get("visits", their_claim) is None
    # Nor can the county take the visit as its own: the id would still name both.
    (held,) = hub.rejected()
    with pytest.raises(SyncError):
        hub.accept(held.id, "县里的科员")
    assert hub.ledger.get("visits", their_claim) is None


def test_two_rows_of_one_new_id_in_one_bundle_are_one_row_and_the_rest_held(county, hub):
    """Made together, neither at the hub yet: the first stands, the second is held."""
    village, mine = county["village"], county["mine"]
    home = hub.ledger.get("persons", mine)["household_id"]
    twin = "01a2500f-0000-7000-8000-00000000beef"
    first = forge(village, "visits", twin,
                  {"household_id": home, "person_id": mine, "visit_date": "2026-11-30"})  # fmt: skip
    second = forge(village, "person_categories", twin,
                   {"person_id": mine, "category": "脱贫人口", "start_date": "2016-01-01"})  # fmt: skip
    county["exchange"](village, "红星村")
    assert hub.ledger.get("visits", twin) is not None
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held == {second.id: "row_id_taken"}, held
    assert first.id not in held
