"""A village that was offered another village's person forgets them once the offer ends.

The offer sends the person, with their ID number, bank account and everything hung on them, to
the device of the household's village, read-only, so that it can judge the offer
(`answers.OFFER`). Withdrawn by the offering village or turned down, that device kept all of it
for good, read-only and hidden: another village's person's data on a laptop that never had them
as its own. Now the hub's answer names those rows (`bundle.FORGET_FILE`) to a device that reads
it, and the device removes them from its copy (`store.forget`) — judging each itself: never a
row of its own area, of a person offered to it now, one it wrote, or one whose turn-down by it
the hub has not acknowledged. Over a real hub, with real bundles."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.enums import Relation
from fieldapp.services import households
from fieldapp.services.writer import actor_of
from fieldapp.store.dump import synced_tables
from fieldapp.store.forget import FORGET_SINCE, forgotten
from fieldapp.store.held import received_vector
from fieldapp.store.hub_state import HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle, import_bundle, write_bundle
from tests.sync.helpers import job_of
from tests.sync.test_move_in_offered import _offered, _trip

SITE_NAME, VILLAGE_NAME = "幸福安置点", "红星村"
ACCOUNT = "6222000077776666"


def trip_older(hub, device, name: str, folder: Path, n: int) -> None:  # noqa: ANN001
    """`_trip`, the hub taking the device for one whose program is from before it forgot
    (its bundles state the ledger version before `FORGET_SINCE`, as an older program's do)."""
    hub.import_file(export_bundle(device, folder / f"up-{name}-{n}.fs").path)
    said = HubLog(hub.ledger.db).reported()[name]
    with hub.ledger.transaction():
        HubLog(hub.ledger.db).set_reported(
            name, said["program"], said.get("pack", ""), FORGET_SINCE - 1, said.get("build", "")
        )
    import_bundle(device, hub.export_for(name, folder / f"down-{name}-{n}.fs").path)


def _hung_on(ledger: Ledger, person: str) -> dict[str, set[str]]:
    """Every row of `ledger` that is `person` or hangs on them, by table."""
    found: dict[str, set[str]] = {}
    for table in synced_tables(ledger.db):
        columns = {c.name for c in ledger.db[table].columns}
        if table == "persons":
            sql, args = "SELECT id FROM persons WHERE id = ?", [person]
        elif "person_id" in columns:
            sql, args = f"SELECT id FROM [{table}] WHERE person_id = ?", [person]
        else:
            continue
        ids = {str(r[0]) for r in ledger.db.execute(sql, args)}
        if ids:
            found[table] = ids
    return found


def _logged(ledger: Ledger, rows: set[str], origins: set[str] | None = None) -> int:
    """How many logged changes of `rows` the ledger holds (of `origins` only, when given)."""
    return sum(
        1
        for device_id, row_id in ledger.db.execute("SELECT device_id, row_id FROM changes")
        if row_id in rows and (origins is None or device_id in origins)
    )


def _ended(hub, village, site, second, how: str, tmp_path: Path) -> None:  # noqa: ANN001
    if how == "withdrawn":
        households.withdraw_offer(village, actor_of(village), second)
        _trip(hub, village, VILLAGE_NAME, tmp_path, 4)
    else:
        households.decline_move(site, actor_of(site), second)


def test_a_withdrawn_offer_is_forgotten_by_the_receiver(tmp_path, hub, make_device):
    village, site, _home, second, _there = _offered(tmp_path, hub, make_device, job=True)
    held = _hung_on(site, second)
    assert set(held) >= {"persons", "employment_spells", "monthly_status"}, held
    every = set().union(*held.values())
    _ended(hub, village, site, second, "withdrawn", tmp_path)
    own_before = {r for rows in _hung_on(site, site_person(site)).values() for r in rows}
    _trip(hub, site, SITE_NAME, tmp_path, 4)
    assert _hung_on(site, second) == {}
    assert _logged(site, every) == 0  # their history too: the ID number, the account
    assert set(forgotten(site.db)) == every
    from fieldapp.store.queries.search import PersonSearch

    assert PersonSearch(site).rows("王1") == []
    # Its own people are all there; the hub's answers go on as ever.
    assert {r for rows in _hung_on(site, site_person(site)).values() for r in rows} == own_before
    _trip(hub, site, SITE_NAME, tmp_path, 5)
    with village.transaction():
        village.update("persons", second, {"account_number": ACCOUNT})
    _trip(hub, village, VILLAGE_NAME, tmp_path, 5)
    _trip(hub, site, SITE_NAME, tmp_path, 6)
    assert _hung_on(site, second) == {} and _logged(site, every) == 0
    # Its own village has them whole.
    assert _hung_on(village, second) == held


def site_person(site: Ledger) -> str:
    """The site's own person (李0, who lives in its household)."""
    row = site.db.execute("SELECT id FROM persons WHERE name = '李0'").fetchone()
    return str(row[0])


def test_a_turned_down_offer_is_forgotten_once_the_turn_down_is_acknowledged(
    tmp_path, hub, make_device
):
    village, site, _home, second, _there = _offered(tmp_path, hub, make_device, job=True)
    every = set().union(*_hung_on(site, second).values())
    _ended(hub, village, site, second, "declined", tmp_path)
    mine = site.db.execute(
        "SELECT count(*) FROM changes WHERE device_id = ? AND row_id = ?", [site.device_id, second]
    ).fetchone()[0]
    assert mine == 1  # its turn-down, not yet at the hub: nothing forgotten
    _trip(hub, site, SITE_NAME, tmp_path, 4)  # the turn-down goes up, the answer acknowledges
    assert _hung_on(site, second) == {}
    # Its own turn-down stays in its log (its numbering never goes back), the rest is gone.
    assert _logged(site, every, {site.device_id}) == 1
    assert _logged(site, every) == 1
    # It goes on writing and exchanging: no number of its own taken twice.
    with site.transaction():
        site.update("persons", site_person(site), {"phone": "13900001111"})
    _trip(hub, site, SITE_NAME, tmp_path, 5)
    assert hub.ledger.get("persons", site_person(site))["phone"] == "13900001111"
    assert hub.ledger.get("persons", second)["moving_to"] is None
    assert _hung_on(village, second)["persons"] == {second}


def test_an_older_device_keeps_them_as_before(tmp_path, hub, make_device):
    village, site, _home, second, _there = _offered(tmp_path, hub, make_device, job=True)
    held = _hung_on(site, second)
    _ended(hub, village, site, second, "withdrawn", tmp_path)
    trip_older(hub, site, SITE_NAME, tmp_path, 4)
    trip_older(hub, site, SITE_NAME, tmp_path, 5)
    assert _hung_on(site, second) == held
    assert site.get("persons", second)["moving_to"] is None
    assert forgotten(site.db) == {}


def test_an_offer_made_again_brings_everything_back(tmp_path, hub, make_device):
    village, site, _home, second, there = _offered(tmp_path, hub, make_device, job=True)
    held = _hung_on(site, second)
    _ended(hub, village, site, second, "withdrawn", tmp_path)
    _trip(hub, site, SITE_NAME, tmp_path, 4)
    _trip(hub, site, SITE_NAME, tmp_path, 5)
    assert _hung_on(site, second) == {}
    with village.transaction():
        village.update("persons", second, {"account_number": ACCOUNT})
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.SPOUSE, to_household_id=there
    )
    _trip(hub, village, VILLAGE_NAME, tmp_path, 6)
    _trip(hub, site, SITE_NAME, tmp_path, 6)
    assert _hung_on(site, second) == held
    row = site.get("persons", second)
    assert row["moving_to"] == there and row["account_number"] == ACCOUNT
    assert site.get("employment_spells", job_of(second)) is not None
    # And it takes them in, as any offer: its own now.
    households.accept_move(site, actor_of(site), second)
    _trip(hub, site, SITE_NAME, tmp_path, 7)
    assert hub.ledger.get("persons", second)["household_id"] == there
    _trip(hub, site, SITE_NAME, tmp_path, 8)
    assert site.get("persons", second)["household_id"] == there


def _signed_answer(hub, name: str, rows: list[tuple[str, str]], out: Path):  # noqa: ANN001, ANN202
    """An answer the hub's key signs, naming `rows` to forget and carrying nothing else (a hub
    mistaken, or its key misused)."""
    peer = hub.device(name)
    vector = received_vector(hub.ledger.db)
    return write_bundle(hub.ledger, hub.identity, peer, [], vector, out, forget=rows)


def test_a_signed_answer_cannot_make_the_device_forget_its_own(tmp_path, hub, make_device):
    """The device judges each row named itself: its own people and what hangs on them, the
    person who moved into its area from the village, the household, a person offered to it now
    and one whose turn-down the hub has not acknowledged — none leaves, whatever the answer
    says."""
    village, site, _home, second, there = _offered(tmp_path, hub, make_device, job=True)
    first = site.db.execute("SELECT id FROM persons WHERE household_id = ?", [there]).fetchone()[0]
    own = [
        ("persons", site_person(site)),
        ("persons", str(first)),
        ("households", there),
        ("persons", second),  # offered to it now
        ("employment_spells", job_of(second)),
    ]
    kept = {(t, r): site.get(t, r) for t, r in own}
    assert all(kept.values())
    # Nor a table that is no ledger table: its users, its keys, its record of the hub.
    users = site.db.execute("SELECT count(*) FROM users").fetchone()[0]
    keys = site.db.execute("SELECT * FROM sync_identity").fetchall()
    others = [("users", "1"), ("sync_identity", "device"), ("sync_peers", "hub"), ("nope", "x")]
    named = own + others
    result = import_bundle(site, _signed_answer(hub, SITE_NAME, named, tmp_path / "a.fs").path)
    assert site.db.execute("SELECT count(*) FROM users").fetchone()[0] == users
    assert site.db.execute("SELECT * FROM sync_identity").fetchall() == keys
    assert result.forgotten == 0
    assert {(t, r): site.get(t, r) for t, r in own} == kept
    # Turned down, the turn-down not yet at the hub: kept until it has acknowledged it.
    households.decline_move(site, actor_of(site), second)
    result = import_bundle(site, _signed_answer(hub, SITE_NAME, own, tmp_path / "b.fs").path)
    assert result.forgotten == 0 and site.get("persons", second) is not None
    assert forgotten(site.db) == {}
    # Once the hub has it, the next answer clears them; its own stay.
    _trip(hub, site, SITE_NAME, tmp_path, 4)
    assert site.get("persons", second) is None
    assert all(site.get(t, r) for t, r in own[:3])
    assert village.get("persons", second) is not None


def test_a_list_altered_on_the_way_refuses_the_answer(tmp_path, hub, make_device):
    """The list travels in its own file, signed by the hub for this one bundle: one with a row
    added on the way, or without its signature, is refused whole (nothing forgotten, nothing
    applied); the answer as the hub made it is taken and forgets."""
    import json

    import pytest

    from fieldapp.sync.bundle import FORGET_FILE, FORGET_SIG, open_bundle
    from fieldapp.sync.errors import BundleRefused
    from tests.sync.helpers import keys_of, repack, unpack

    village, site, _home, second, _there = _offered(tmp_path, hub, make_device)
    _ended(hub, village, site, second, "withdrawn", tmp_path)
    hub.import_file(export_bundle(site, tmp_path / "up.fs").path)
    answer = hub.export_for(SITE_NAME, tmp_path / "down.fs").path
    keys = keys_of(site)
    listed, signature = open_bundle(
        answer.read_bytes(), keys.box_secret, keys.box_public
    ).forget_files
    assert listed is not None and signature is not None
    assert ["persons", second] in json.loads(listed)
    grown = json.dumps([*json.loads(listed), ["persons", site_person(site)]]).encode()
    for extra in ({FORGET_FILE: grown, FORGET_SIG: signature}, {FORGET_FILE: listed}):
        parts = unpack(answer, site) | extra
        forged = repack(parts, site, answer, tmp_path / "forged.fs")
        with pytest.raises(BundleRefused) as refused:
            import_bundle(site, forged)
        assert refused.value.code == "tampered"
        assert site.get("persons", second) is not None
    assert import_bundle(site, answer).forgotten >= 1
    assert site.get("persons", second) is None and site.get("persons", site_person(site))


def test_one_taken_in_who_moved_on_stays_as_any_who_moved_out(tmp_path, hub, make_device):
    """Taken in, the person was the site's own: moved on to a new home elsewhere later, the site
    keeps them as any family that moved out (read-only, as they stood), never forgets them."""
    from fieldapp.domain.models import Household
    from tests.sync.helpers import VILLAGE

    village, site, _home, second, there = _offered(tmp_path, hub, make_device, job=True)
    households.accept_move(site, actor_of(site), second)
    _trip(hub, site, SITE_NAME, tmp_path, 4)
    households.move_person(
        site, actor_of(site), second, "投亲", Relation.OTHER,
        new_household=Household(area_code=VILLAGE, address="二组"),
    )  # fmt: skip
    held = _hung_on(site, second)
    _trip(hub, site, SITE_NAME, tmp_path, 5)
    assert hub.ledger.get("persons", second)["household_id"] != there
    _trip(hub, site, SITE_NAME, tmp_path, 6)
    _trip(hub, site, SITE_NAME, tmp_path, 7)
    assert _hung_on(site, second) == held
    assert forgotten(site.db) == {}
    # Kept for having lived in its area, not only for the site having written the move: the
    # same test with none of its writing counted, on its ledger and on the hub's, keeps them.
    from fieldapp.store.forget import offered_only
    from tests.sync.helpers import SITE

    rows = [(t, r) for t, ids in held.items() for r in ids]
    for db in (site.db, hub.ledger.db):
        assert offered_only(db, SITE, rows, (), {}) == []


def test_a_signed_answer_cannot_make_the_device_forget_a_family_the_area_tree_moved_out(
    tmp_path, hub, make_device
):
    """A family the village held through the area tree (a group the county hung under it by
    mistake, then put right) left its area without being offered to it: it was the village's as
    much as any family that moved out, and never held because of an offer. The hub names none of
    it; an answer that names it (signed by the hub's key) removes none of it either."""
    from fieldapp.store.forget import leaving_offered, offered_only
    from fieldapp.store.ids import natural_id
    from tests.sync.helpers import VILLAGE, add_family

    neighbour = "520502101002"  # 青山村, beside 红星村 (VILLAGE)
    group = neighbour + "901"
    red = make_device(VILLAGE_NAME, VILLAGE)
    green = make_device("青山村", neighbour)
    area_id = natural_id("areas", group)
    with hub.ledger.transaction():  # 青山村's group under 红星村
        hub.ledger.insert(
            "areas", {"code": group, "name": "三组", "kind": "组", "parent_code": VILLAGE}, area_id
        )
    _trip(hub, green, "青山村", tmp_path, 1)
    household, (person,) = add_family(green, group, ["105"], surname="李", kind="组")
    _trip(hub, green, "青山村", tmp_path, 2)
    _trip(hub, red, VILLAGE_NAME, tmp_path, 1)
    _trip(hub, red, VILLAGE_NAME, tmp_path, 2)
    assert red.get("persons", person) is not None
    with hub.ledger.transaction():  # put right: the family leaves 红星村 by the tree alone
        hub.ledger.update("areas", area_id, {"parent_code": neighbour})
    _trip(hub, red, VILLAGE_NAME, tmp_path, 3)
    _trip(hub, red, VILLAGE_NAME, tmp_path, 4)
    assert red.get("persons", person) is not None and forgotten(red.db) == {}
    rows = [("households", household), ("persons", person)]
    assert leaving_offered(hub.ledger.db, VILLAGE, [household, person], (), {}) == []
    result = import_bundle(red, _signed_answer(hub, VILLAGE_NAME, rows, tmp_path / "a.fs").path)
    assert result.forgotten == 0
    assert red.get("persons", person) is not None and red.get("households", household)
    assert offered_only(red.db, VILLAGE, rows, (), {}) == []


def test_one_once_held_through_the_area_tree_stays_when_an_offer_of_them_ends(
    tmp_path, hub, make_device
):
    """A family of 红星村's group the county once hung under the site (the tree put right
    since): the site held them as its own then. Offered to the site's household later and
    withdrawn, the one offered was not held only because of the offer: the site keeps them, as
    any family that moved out — the tree as any version of an area row put it counts, not only
    the codes and the tree as they stand."""
    from fieldapp.domain.models import Household
    from fieldapp.store.forget import offered_only
    from fieldapp.store.ids import natural_id
    from tests.sync.helpers import SITE, VILLAGE, add_family

    group = VILLAGE + "901"
    village = make_device(VILLAGE_NAME, VILLAGE)
    site = make_device(SITE_NAME, SITE)
    area_id = natural_id("areas", group)
    with hub.ledger.transaction():  # 红星村's group under the site, by mistake
        hub.ledger.insert(
            "areas", {"code": group, "name": "九组", "kind": "组", "parent_code": SITE}, area_id
        )
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _home, (first, second) = add_family(village, group, ["105", "107"], surname="王", kind="组")
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 2)
    _trip(hub, site, SITE_NAME, tmp_path, 1)
    _trip(hub, site, SITE_NAME, tmp_path, 2)
    assert site.get("persons", second) is not None  # the site's, through the tree
    with hub.ledger.transaction():
        hub.ledger.update("areas", area_id, {"parent_code": VILLAGE})
    _trip(hub, site, SITE_NAME, tmp_path, 3)
    _trip(hub, site, SITE_NAME, tmp_path, 4)
    households.move_person(
        village, actor_of(village), first, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    there = village.get("persons", first)["household_id"]
    _trip(hub, village, VILLAGE_NAME, tmp_path, 3)
    _trip(hub, site, SITE_NAME, tmp_path, 5)
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.SPOUSE, to_household_id=there
    )
    _trip(hub, village, VILLAGE_NAME, tmp_path, 4)
    _trip(hub, site, SITE_NAME, tmp_path, 6)
    assert site.get("persons", second)["moving_to"] == there
    households.withdraw_offer(village, actor_of(village), second)
    _trip(hub, village, VILLAGE_NAME, tmp_path, 5)
    _trip(hub, site, SITE_NAME, tmp_path, 7)
    _trip(hub, site, SITE_NAME, tmp_path, 8)
    assert hub.ledger.get("persons", second)["moving_to"] is None
    assert site.get("persons", second) is not None
    assert forgotten(site.db) == {}
    for db in (site.db, hub.ledger.db):
        assert offered_only(db, SITE, [("persons", second)], (), {}) == []


def test_the_hub_reads_the_rows_of_many_ended_offers_at_once(tmp_path, hub, make_device):
    """Three people offered and withdrawn together: the hub judges their rows in as many
    look-ups as one person's (a few per table, never one per row), and names them all."""
    from fieldapp.domain.models import Household
    from fieldapp.store.forget import leaving_offered
    from tests.sync.helpers import SITE, VILLAGE, add_family, add_job

    village = make_device(VILLAGE_NAME, VILLAGE)
    site = make_device(SITE_NAME, SITE)
    _home, (first, *offered) = add_family(village, VILLAGE, ["105", "107", "111", "113"], "王")
    for person in offered:
        add_job(village, person)
    add_family(site, SITE, ["109"], surname="李", kind="安置点")
    _trip(hub, village, VILLAGE_NAME, tmp_path, 1)
    _trip(hub, site, SITE_NAME, tmp_path, 1)
    households.move_person(
        village, actor_of(village), first, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    there = village.get("persons", first)["household_id"]
    _trip(hub, village, VILLAGE_NAME, tmp_path, 2)
    for person in offered:
        households.move_person(
            village, actor_of(village), person, "投亲", Relation.OTHER, to_household_id=there
        )
    _trip(hub, village, VILLAGE_NAME, tmp_path, 3)
    _trip(hub, site, SITE_NAME, tmp_path, 2)
    assert all(site.get("persons", p)["moving_to"] == there for p in offered)
    for person in offered:
        households.withdraw_offer(village, actor_of(village), person)
    _trip(hub, village, VILLAGE_NAME, tmp_path, 4)

    def judged(people: list[str]) -> tuple[list[tuple[str, str]], int]:
        asked: list[str] = []
        rows = [*people, *(job_of(p) for p in people)]
        hub.ledger.db.conn.set_trace_callback(asked.append)
        try:
            found = leaving_offered(hub.ledger.db, SITE, rows, (), {})
        finally:
            hub.ledger.db.conn.set_trace_callback(None)
        return found, len(asked)

    one, asked_one = judged(offered[:1])
    every, asked_every = judged(offered)
    assert {r for _t, r in every} == {*offered, *(job_of(p) for p in offered)}
    assert len(one) == 2 and asked_every == asked_one
    _trip(hub, site, SITE_NAME, tmp_path, 3)
    assert all(site.get("persons", p) is None for p in offered)
    assert site.get("persons", first) is not None
