"""Honest sequences of one bundle the device allows at its write door, which the hub must
judge as the device did (a held honest change stops the coordinator's work at the county).

A person added to a household, then moved (in the same sitting, before any sync) into a new
household made for them at a relocation site: the device let the new home be made outside its
area (a transfer: the new home of its own people). The hub looked for the movers among the
people it already stored only, found none for a person the bundle made, and held the new home
as `pull_in` (and then the person's move waiting on it).
"""

from __future__ import annotations

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from fieldapp.services import households, persons
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle
from tests.conftest import make_id
from tests.sync.helpers import SITE, VILLAGE, add_family
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR


def _added(village, household_id: str, seq: str, name: str) -> str:
    """A person added to a household through the device's own service."""
    person = Person(household_id=household_id, name=name, id_number=make_id(seq=seq))
    return persons.save(village, actor_of(village), person, confirmed=True).id


def test_a_person_added_then_moved_to_a_new_home_at_a_site_lands(tmp_path, hub, make_device):
    village = make_device("红星村", VILLAGE)
    family, _ = add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    newborn = _added(village, family, "107", "张新")
    moved = households.move_person(
        village, actor_of(village), newborn, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    home = village.get("persons", newborn)["household_id"]
    assert home != family and moved.id == newborn
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("households", home)["area_code"] == SITE
    assert hub.ledger.get("persons", newborn)["household_id"] == home


def test_people_added_with_a_new_household_then_moved_out_together_land(tmp_path, hub, make_device):
    """A family typed in with its own new household, then moved out to a site together
    (`persons.move_out`), all before the first sync after."""
    village = make_device("红星村", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
    head = persons.save(
        village, actor_of(village),
        Person(name="李大", id_number=make_id(seq="111"), relation=Relation.HEAD),
        new_household=Household(area_code=VILLAGE, address="三组"), confirmed=True,
    ).id  # fmt: skip
    typed_in = village.get("persons", head)["household_id"]
    child = _added(village, typed_in, "113", "李二")
    home = persons.move_out(
        village, actor_of(village), [head, child], Household(area_code=SITE, address="7栋")
    ).id
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("households", home)["area_code"] == SITE
    for person in (head, child):
        assert hub.ledger.get("persons", person)["household_id"] == home


def test_a_person_made_in_another_villages_household_opens_no_new_home(tmp_path, hub, make_device):
    """The hostile twin: a tampered 红星村 program makes a person in a household of 白云村
    (held: not its own) and then 'moves' them into a new household it makes at the site.
    The person never lived in 红星村: the new household is held, as a household of another
    area made for no one of its own."""
    village = make_device("红星村", VILLAGE)
    neighbour = make_device("白云村", NEIGHBOUR)
    add_family(village, VILLAGE, ["101"])
    theirs, _ = add_family(neighbour, NEIGHBOUR, ["121"], surname="白")
    for device in (village, neighbour):
        hub.import_file(export_bundle(device, tmp_path / f"{device.device_id}.fs").path)
    stranger = natural_id("persons", "forged", "stranger")
    site_home = natural_id("households", "forged", "site home")
    pulled = forge(village, "persons", stranger, {"household_id": theirs, "name": "白某",
                                                 "id_number": make_id(seq="123")})  # fmt: skip
    made = forge(village, "households", site_home, {"area_code": SITE, "household_no": "9",
                                                     "head_person_id": stranger})  # fmt: skip
    forge(village, "persons", stranger, {"household_id": site_home})
    hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[pulled.id].rule == "pull_in", held[pulled.id].reason
    assert held[made.id].rule == "pull_in", held[made.id].reason
    assert hub.ledger.get("households", site_home) is None
