"""A family moved out of the village by a change that names no parent.

The hub works an answer out from what changed (`answers.newly_relevant`) unless a change moved
a row the device holds (`answers.moves_held`), which then has it worked out in full and finds
the rows gone. `moves_held` passed over every change naming no parent, as a row's making. A
hostile village device moved its own household to a relocation site by such a change (moving
out is allowed): the household stayed in the village's scope as the hub reckoned it from then
on, and the village heard every later change of the site's there — a new bank account, and
each person the site put into that household, ID number and all."""

from __future__ import annotations

from fieldapp.domain.models import Person
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.records import Records
from tests.sync.helpers import SITE, VILLAGE, add_family
from tests.sync.hostile import forge

ACCOUNT = "6222000055554444"


def _trip(hub, device, name: str, folder, n: int) -> None:  # noqa: ANN001
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def test_a_household_moved_out_by_a_change_naming_no_parent_leaves_the_villages_scope(
    tmp_path, hub, make_device
):
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (first, _second) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    forge(village, "households", home, {"area_code": SITE})  # no parents
    _trip(hub, village, "红星村", tmp_path, 2)
    assert hub.rejected() == []  # moving out is allowed
    assert hub.ledger.get("households", home)["area_code"] == SITE
    _trip(hub, village, "红星村", tmp_path, 3)  # told, and confirmed
    # The site writes down the family's new life, and puts a newcomer into their household.
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", first, {"phone": "13912345678", "account_number": ACCOUNT})
        newcomer, _ = Records(site).add_person(
            Person(household_id=home, name="李新", id_number=make_id(seq="131")), confirmed=True
        )
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    for n in (4, 5):
        _trip(hub, village, "红星村", tmp_path, n)
        assert village.get("persons", first)["account_number"] != ACCOUNT
        assert village.get("persons", newcomer) is None
    quick, afresh = hub.plan_answer("红星村"), hub.plan_answer("红星村", afresh=True)
    assert quick.changes == afresh.changes == []


def test_a_person_moved_to_a_new_home_elsewhere_by_a_change_naming_no_parent_leaves_too(
    tmp_path, hub, make_device
):
    """The same with one person, moved into a new household made at the site in the same
    bundle (a relocation: allowed), the move naming no parent."""
    from fieldapp.store.ledger import natural_id

    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    _home, (first, _second) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    new_home = natural_id("households", "a new home")
    forge(village, "households", new_home, {"area_code": SITE, "address": "5栋"})
    forge(village, "persons", first, {"household_id": new_home})  # no parents
    _trip(hub, village, "红星村", tmp_path, 2)
    assert hub.rejected() == []
    assert hub.ledger.get("persons", first)["household_id"] == new_home
    _trip(hub, village, "红星村", tmp_path, 3)
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    with site.transaction():
        site.update("persons", first, {"account_number": ACCOUNT})
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    for n in (4, 5):
        _trip(hub, village, "红星村", tmp_path, n)
        assert village.get("persons", first)["account_number"] != ACCOUNT
    quick, afresh = hub.plan_answer("红星村"), hub.plan_answer("红星村", afresh=True)
    assert quick.changes == afresh.changes == []
