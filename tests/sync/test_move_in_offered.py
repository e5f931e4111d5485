"""A move into another village's household is an offer the receiving village takes up.

An attacker's village device made a person (with any bank account) in its own village and
moved them into another village's existing household: moving a row out of one's area was
allowed, the receiving village was never asked, and the person lay in its ledger, where an
honest claim paid the maker's account. Now the mover's device only offers the person
(`moving_to`): the person stays where they are until the device of the household's village
takes them in (or not), and the hub holds a direct move however it is signed."""

from __future__ import annotations

from fieldapp.domain.enums import Relation
from fieldapp.domain.models import Household
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.store.dump import canonical_dump
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.sync.helpers import SITE, VILLAGE, add_family
from tests.sync.hostile import forge


def _trip(hub, device, name: str, folder, n: int) -> None:  # noqa: ANN001
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def test_a_made_up_person_moved_straight_into_another_villages_household_is_held(county, hub):
    """A validly signed bundle: a person made in 红星村 with a bank account, then moved into 远村's
    household. The person is made (its own village); the move is held (`move_in`), and 远村
    never hears of them."""
    village, other, theirs = county["village"], county["other"], county["theirs"]
    home = hub.ledger.get("persons", county["mine"])["household_id"]
    their_home = hub.ledger.get("persons", theirs)["household_id"]
    fake = natural_id("persons", "forged", "made up")
    made = forge(village, "persons", fake, {
        "household_id": home, "name": "假人", "id_number": make_id(seq="777"),
        "relation": "其他", "account_bank": "某银行", "account_number": "6222000011113333",
    })  # fmt: skip
    heads = {"household_id": [made.id]}
    moved = forge(village, "persons", fake, {"household_id": their_home}, parents=heads)
    before = canonical_dump(other.db)
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert made.id not in held
    assert held[moved.id].rule == "move_in", held[moved.id].reason
    assert "假人" in held[moved.id].reason and "接收" in held[moved.id].reason
    assert hub.ledger.get("persons", fake)["household_id"] == home
    for _ in range(2):
        county["exchange"](other, "远村")
    assert other.get("persons", fake) is None
    assert canonical_dump(other.db)["persons"] == before["persons"]
    assert "6222000011113333" not in {r[0] for r in other.db.execute(
        "SELECT account_number FROM persons")}  # fmt: skip


def test_a_forged_take_in_without_an_offer_is_held(county, hub):
    """The other way: 红星村 pulls 远村's person into its own household, as if taking up an
    offer no one made: held, as any change of another village's person."""
    village, theirs = county["village"], county["theirs"]
    home = hub.ledger.get("persons", county["mine"])["household_id"]
    heads = hub.ledger.heads("persons", theirs)
    pulled = forge(village, "persons", theirs, {"household_id": home, "moving_to": None},
                   parents={"household_id": heads["household_id"]})  # fmt: skip
    county["exchange"](village, "红星村")
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held[pulled.id] == "scope"
    assert hub.ledger.get("persons", theirs)["household_id"] != home


def _offered(tmp_path, hub, make_device, *, job: bool = False):  # noqa: ANN001, ANN202
    """红星村 moved one of a family to a new home at the site (a relocation: moved at once);
    then offers another to that household, which is the site's now. `job`: the one offered
    holds a job (`helpers.add_job`) and a month's status, recorded before the offer."""
    village = make_device("红星村", VILLAGE)
    site = make_device("幸福安置点", SITE)
    home, (first, second) = add_family(village, VILLAGE, ["105", "107"], surname="王")
    if job:
        from fieldapp.domain.enums import WorkStatus
        from fieldapp.domain.models import MonthlyStatus
        from tests.records import Records
        from tests.sync.helpers import add_job

        spell = add_job(village, second)
        Records(village).set_monthly_status(MonthlyStatus(
            person_id=second, month="2026-04", status=WorkStatus.EMPLOYED, spell_id=spell,
        ))  # fmt: skip
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, "红星村", tmp_path, 1)
    _trip(hub, site, "幸福安置点", tmp_path, 1)
    households.move_person(
        village, actor_of(village), first, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    there = village.get("persons", first)["household_id"]
    assert hub.ledger.get("households", there) is None  # a new home: moved at once
    _trip(hub, village, "红星村", tmp_path, 2)
    _trip(hub, site, "幸福安置点", tmp_path, 2)
    assert site.get("persons", first)["household_id"] == there
    changes = households.move_person(
        village, actor_of(village), second, "投亲", Relation.SPOUSE, to_household_id=there
    )
    (told,) = changes.warnings
    assert "待对方村接收" in str(told) and "王1" in str(told), told
    assert village.get("persons", second)["household_id"] == home  # stays until taken in
    assert village.get("persons", second)["moving_to"] == there
    _trip(hub, village, "红星村", tmp_path, 3)
    assert hub.ledger.get("persons", second)["household_id"] == home
    _trip(hub, site, "幸福安置点", tmp_path, 3)
    return village, site, home, second, there


def test_the_receiving_village_sees_the_offer_and_takes_the_person_in(
    tmp_path, hub, make_device, capsys
):
    import re

    from fieldapp.cli.main import main as cli

    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    (offered,) = households.offered(site, actor_of(site))
    assert (offered.id, offered.moving_to) == (second, there)
    assert households.offered(village, actor_of(village)) == []  # not the mover's to take
    households.accept_move(site, actor_of(site), second)
    assert site.get("persons", second)["household_id"] == there
    assert site.get("persons", second)["moving_to"] is None
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    for ledger in (hub.ledger, site, village):
        row = ledger.get("persons", second)
        assert (row["household_id"], row["moving_to"]) == (there, None), ledger
    assert households.offered(site, actor_of(site)) == []
    # The history says the offer and the move by household, never by its id.
    number = village.get("persons", second)["id_number"]
    assert cli(["--db", str(village.path), "person", "show", number, "--history"]) == 0
    out = capsys.readouterr().out
    assert "待迁入的户：（空） → 王0户（" in out and "迁户：" in out, out
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", out), out


def test_the_receiving_village_turns_the_offer_down(tmp_path, hub, make_device):
    village, site, home, second, _there = _offered(tmp_path, hub, make_device)
    households.decline_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    for ledger in (hub.ledger, village):
        row = ledger.get("persons", second)
        assert (row["household_id"], row["moving_to"]) == (home, None)
    _trip(hub, site, "幸福安置点", tmp_path, 5)
    assert households.offered(site, actor_of(site)) == []
    assert households.offered(village, actor_of(village)) == []


def test_the_write_door_refuses_the_direct_move_and_lets_only_the_offered_village_take_in(
    tmp_path, hub, make_device
):
    """On the device too: 红星村's own door refuses moving its person straight into the site's
    household (any service or tool writing it), and the site's door refuses taking in anyone
    not offered to it, or into another household than the one offered."""
    import pytest

    from fieldapp.services.trust_check import TrustRefused
    from fieldapp.services.writer import writing

    def write(device, row_id: str, data: dict) -> None:  # noqa: ANN001
        with writing(device, actor_of(device)) as writer:
            writer.update_row("persons", row_id, data)

    village, site, _home, second, there = _offered(tmp_path, hub, make_device)
    with pytest.raises(TrustRefused) as refused:
        write(village, second, {"household_id": there, "moving_to": None})
    assert refused.value.rule == "move_in"
    assert "王1" in str(refused.value) and "接收" in str(refused.value)
    assert site.get("persons", second)["moving_to"] == there
    _, (stranger,) = add_family(site, SITE, ["111"], surname="赵", kind="安置点")
    stranger_home = site.get("persons", stranger)["household_id"]
    with pytest.raises(TrustRefused) as refused:  # into another household than offered
        write(site, second, {"household_id": stranger_home, "moving_to": None})
    assert refused.value.rule == "no_place"  # its own household unknown on the site
    write(site, second, {"household_id": there, "moving_to": None})
    assert site.get("persons", second)["household_id"] == there


def test_an_offer_ends_when_the_mover_moves_the_person_elsewhere_or_takes_it_back(
    tmp_path, hub, make_device
):
    """Offered to the site, then moved by 红星村 into another of its own households: the offer
    was left standing, and the site could still take the person — out of the household they
    now live in. Moving them withdraws it; so does taking it back (withdraw_offer)."""
    import pytest

    from fieldapp.domain.errors import ValidationFailed

    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    other_home, _ = add_family(village, VILLAGE, ["113"], surname="周")
    households.move_person(
        village, actor_of(village), second, "合户", Relation.OTHER, to_household_id=other_home
    )
    row = village.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (other_home, None)
    _trip(hub, village, "红星村", tmp_path, 4)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert households.offered(site, actor_of(site)) == []
    # Offered again, then taken back.
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    assert village.get("persons", second)["moving_to"] == there
    households.withdraw_offer(village, actor_of(village), second)
    assert village.get("persons", second)["moving_to"] is None
    with pytest.raises(ValidationFailed):
        households.withdraw_offer(village, actor_of(village), second)
    # Offered again, then moved out with others to a new home (`persons.move_out`).
    from fieldapp.services import persons

    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    new = persons.move_out(
        village, actor_of(village), [second], Household(area_code=SITE, address="6栋")
    ).id
    row = village.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (new, None)
