"""Honest sequences of one bundle the device allows at its write door, which the hub must
judge as the device did (a held honest change stops the coordinator's work at the county).

A person added to a household, then moved (in the same sitting, before any sync) into a new
household made for them at a relocation site: the device let the new home be made outside its
area (a transfer: the new home of its own people). The hub looked for the movers among the
people it already stored only, found none for a person the bundle made, and held the new home
as `pull_in` (and then the person's move waiting on it). So too for a person taken in (an
offer accepted) and moved on in the same bundle: the hub stores them in the village that
offered them.
"""

from __future__ import annotations

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household, Person
from fieldapp.services import households, persons
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.sync.helpers import SITE, VILLAGE, add_family
from tests.sync.hostile import forge
from tests.sync.raised_figure import NEIGHBOUR
from tests.sync.test_move_in_offered import _offered


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


def test_a_person_taken_in_then_moved_on_to_a_new_home_lands(tmp_path, hub, make_device):
    """The site takes in 王1, offered by 红星村, and in the same sitting moves them on to a new
    home in another village (投亲 there): the site's door let it (they are its own once taken
    in); the hub stored 王1 in 红星村 still and held the new home as `pull_in`."""
    village, site, _home, second, there = _offered(tmp_path, hub, make_device)
    households.accept_move(site, actor_of(site), second)
    assert site.get("persons", second)["household_id"] == there
    elsewhere = Household(area_code="520502101002", address="四组")
    moved_on = persons.move_out(site, actor_of(site), [second], elsewhere).id
    hub.import_file(export_bundle(site, tmp_path / "site-up.fs").path)
    assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
    assert hub.ledger.get("persons", second)["household_id"] == moved_on
    assert hub.ledger.get("households", moved_on)["area_code"] == "520502101002"
    import_bundle(village, hub.export_for("红星村", tmp_path / "down.fs").path)
    assert village.get("persons", second)["moving_to"] is None


def test_a_person_offered_but_not_taken_in_opens_no_new_home(tmp_path, hub, make_device):
    """The hostile twin: a tampered site program moves 王1 (offered to it, not taken in) on
    to a new home of its making in another village. 王1 was never the site's: the move and
    the new home are held."""
    village, site, home, second, _there = _offered(tmp_path, hub, make_device)
    elsewhere = natural_id("households", "forged", "elsewhere")
    made = forge(site, "households", elsewhere, {"area_code": "520502101002",
                                                  "household_no": "9"})  # fmt: skip
    heads = site.heads("persons", second)
    moved = forge(site, "persons", second, {"household_id": elsewhere, "moving_to": None},
                  parents={k: heads[k] for k in ("household_id", "moving_to")})  # fmt: skip
    hub.import_file(export_bundle(site, tmp_path / "site-up.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[made.id].rule == "pull_in", held[made.id].reason
    assert moved.id in held
    assert hub.ledger.get("persons", second)["household_id"] == home
    assert hub.ledger.get("households", elsewhere) is None
