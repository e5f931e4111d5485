"""While a person waits to be taken in by another village (`moving_to`), the village offering
them cannot change them: the receiving village decides on the person as offered — their bank
account, their ID number — and took in someone else's account when the offering village
changed it after offering (offer, wait for 接收, change the account in the same window).

One rule (`offered_person`), run by the offering device's write door and again by the hub:
while the offer stands, the offering village may only take it back (or offer the person to
another household instead) or move them elsewhere itself; anything else waits until it takes
the offer back (请先撤回迁入再修改). And an offer taken back and made again — the person
changed between — is another offer: a take-in of the one taken back is held."""

from __future__ import annotations

import pytest

from fieldapp.domain.enums import Relation
from fieldapp.services import households
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import actor_of, writing
from fieldapp.sync.exchange import export_bundle
from tests.sync.hostile import forge
from tests.sync.test_move_in_offered import _offered, _trip

ACCOUNT = "6222000011113333"


def _write(device, row_id: str, data: dict) -> None:  # noqa: ANN001
    with writing(device, actor_of(device)) as writer:
        writer.update_row("persons", row_id, data)


def test_the_offering_villages_door_refuses_a_change_of_the_offered_person(
    tmp_path, hub, make_device
):
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    for data in (
        {"account_number": ACCOUNT},
        {"phone": "13800000000"},
        {"deleted": True, "change_reason": "迁出"},
        {"household_id": there},  # straight in: still the move_in refusal
    ):
        with pytest.raises(TrustRefused) as refused:
            _write(village, second, data)
        rule = "move_in" if "household_id" in data else "offered_person"
        assert refused.value.rule == rule, data
        if rule == "offered_person":
            assert "请先撤回迁入再修改" in str(refused.value), str(refused.value)
            assert "王1" in str(refused.value), str(refused.value)
    assert village.get("persons", second)["account_number"] != ACCOUNT
    # Taken back, the person is the village's to change again.
    households.withdraw_offer(village, actor_of(village), second)
    _write(village, second, {"account_number": ACCOUNT})
    assert village.get("persons", second)["account_number"] == ACCOUNT


def test_moving_or_offering_elsewhere_still_ends_the_offer(tmp_path, hub, make_device):
    from tests.sync.helpers import VILLAGE, add_family

    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    other_home, _ = add_family(village, VILLAGE, ["113"], surname="周")
    households.move_person(
        village, actor_of(village), second, "合户", Relation.OTHER, to_household_id=other_home
    )
    row = village.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (other_home, None)
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []


def test_the_hub_holds_a_forged_change_of_an_offered_person_and_the_take_in_gets_the_offer(
    tmp_path, hub, make_device
):
    """A tampered 红星村 program changes the account of the person it offered, after the offer
    reached the hub: held; the site takes the person in with the account it saw."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    seen = site.get("persons", second)["account_number"]
    heads = {"account_number": village.heads("persons", second)["account_number"]}
    changed = forge(village, "persons", second, {"account_number": ACCOUNT}, parents=heads)
    hub.import_file(export_bundle(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[changed.id].rule == "offered_person", held[changed.id].reason
    assert "请先撤回迁入再修改" in held[changed.id].reason
    assert hub.ledger.get("persons", second)["account_number"] == seen
    households.accept_move(site, actor_of(site), second, Relation.SPOUSE)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert {h.change_id for h in hub.rejected()} == {changed.id}
    row = hub.ledger.get("persons", second)
    assert (row["household_id"], row["account_number"]) == (there, seen)


def test_a_change_sent_after_the_take_in_reached_the_hub_is_held_as_another_villages(
    tmp_path, hub, make_device
):
    """The other order: the take-in reaches the hub first; the forged change then comes from a
    village the person no longer lives in: held (`scope`)."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    seen = site.get("persons", second)["account_number"]
    households.accept_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    heads = {"account_number": village.heads("persons", second)["account_number"]}
    changed = forge(village, "persons", second, {"account_number": ACCOUNT}, parents=heads)
    hub.import_file(export_bundle(village, tmp_path / "late.fs").path)
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert held[changed.id] == "scope"
    assert hub.ledger.get("persons", second)["account_number"] == seen


def test_a_take_in_of_an_offer_taken_back_and_made_again_is_held(tmp_path, hub, make_device):
    """红星村 takes the offer back, changes the account (allowed: no offer stands), offers the
    person again to the same household, and syncs — while the site, not yet synced, takes in
    the person it saw. Its take-in answers an offer taken back: held, the person stays
    offered as now; once synced, the site sees the new offer and may take it up."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    households.withdraw_offer(village, actor_of(village), second)
    _write(village, second, {"account_number": ACCOUNT})
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    stale = households.accept_move(site, actor_of(site), second)
    assert site.get("persons", second)["household_id"] == there  # on the site, as it saw it
    hub.import_file(export_bundle(site, tmp_path / "stale.fs").path)
    held = {h.change.tbl: h for h in hub.rejected()}
    assert held["persons"].rule == "offered_person", held["persons"].reason
    assert "撤回" in held["persons"].reason and "王1" in held["persons"].reason
    row = hub.ledger.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (home, there)
    assert stale.id == second


def test_the_receiver_is_told_where_the_offered_person_comes_from(tmp_path, hub, make_device):
    """The site does not hold the person's own household (their village's): the offer says
    the device that made it, as the hub named it (红星村)."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    assert site.get("households", home) is None
    (row,) = households.offers(site, actor_of(site))
    assert (row.id, row.moving_to, row.name) == (second, there, "王1")
    assert row.offered_by == "红星村" and row.from_place == "", row
    assert row.head == "王0" and row.has_head, row


def test_the_offers_are_read_at_once_not_person_by_person(ledger) -> None:
    """Every offered person, their home's place and the household offered, in a fixed number
    of statements however many are offered (the box read each person and household again)."""
    from fieldapp.domain.enums import AreaKind
    from fieldapp.domain.models import Area, Household, Person
    from tests.conftest import make_id
    from tests.records import Records

    repo = Records(ledger)
    repo.ensure_area(Area(code="520502001001", name="大坝村", kind=AreaKind.VILLAGE))
    repo.ensure_area(Area(code="520502001002", name="小河村", kind=AreaKind.VILLAGE))
    here = repo.save(Household(area_code="520502001001", address="一组"))
    counted = []
    for n in range(12):
        away = repo.save(Household(area_code="520502001002", address=f"{n}号"))
        person, _ = repo.add_person(
            Person(name=f"钱{n}", id_number=make_id(seq=f"{400 + n}"), household_id=away),
            confirmed=True,
        )
        _write(ledger, person, {"moving_to": here})
        statements: list[str] = []
        ledger.db.conn.set_trace_callback(statements.append)
        try:
            found = households.offers(ledger, actor_of(ledger))
        finally:
            ledger.db.conn.set_trace_callback(None)
        assert len(found) == n + 1
        assert all("小河村" in row.from_place for row in found), found
        counted.append(len([s for s in statements if s.lstrip().upper().startswith("SELECT")]))
    assert len(set(counted)) == 1 and counted[0] <= 5, counted


def test_taken_in_as_head_of_a_household_without_one_at_the_hub_too(tmp_path, hub, make_device):
    """The site's household offered has no head (王0, its head, moved on): the one taken in as
    户主 heads it, at the hub too (the household's head set after the person moved in)."""
    from fieldapp.domain.models import Household

    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    households.withdraw_offer(village, actor_of(village), second)
    head = site.get("households", there)["head_person_id"]
    with writing(site, actor_of(site)) as writer:
        writer.update(Household, there, {"head_person_id": None})
        writer.update_row("persons", head, {"relation": "其他"})
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    _trip(hub, village, "红星村", tmp_path, 4)
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    _trip(hub, village, "红星村", tmp_path, 5)
    _trip(hub, site, "幸福安置点", tmp_path, 5)
    (row,) = households.offers(site, actor_of(site))
    assert row.id == second and not row.has_head and row.head == "", row
    households.accept_move(site, actor_of(site), second, Relation.HEAD)
    _trip(hub, site, "幸福安置点", tmp_path, 6)
    assert hub.rejected() == []
    assert hub.ledger.get("households", there)["head_person_id"] == second
    assert hub.ledger.get("persons", second)["relation"] == "户主"


def test_the_offered_person_is_not_listed_as_one_of_the_receivers_people(
    tmp_path, hub, make_device
):
    """The site holds the offered person's row, not their household: its 台账 list over
    全部区域 and its search listed them as one of its own people without a household (所在地
    blank, 未分户 on the panel). They are offered, not its people yet: listed in the offers box
    only, until taken in; the offering village still lists them as its own."""
    from fieldapp.store.queries.persons import LedgerFilter, person_rowids, rows_by_rowid
    from fieldapp.store.queries.search import PersonSearch

    village, site, home, second, there = _offered(tmp_path, hub, make_device)

    def listed(ledger) -> set[str]:  # noqa: ANN001
        rows = rows_by_rowid(ledger, list(person_rowids(ledger, LedgerFilter())))
        return {row.id for row in rows}

    def found(ledger) -> set[str]:  # noqa: ANN001
        return {row.id for row in PersonSearch(ledger).rows("王1")}

    from fieldapp.store.queries.sheets import count_persons

    assert site.get("persons", second) is not None
    assert second not in listed(site) and second not in found(site)
    # Nor in the 台账 the site exports (its own people, household by household).
    assert count_persons(site) == len(listed(site))
    sheet = tmp_path / "site.xlsx"
    from fieldapp.tabular.ledger_export import export_ledger

    export_ledger(site, sheet)
    assert "王1" not in _cells(sheet)
    assert second in listed(village) and second in found(village)
    households.accept_move(site, actor_of(site), second)
    assert second in listed(site) and second in found(site)


def _cells(path) -> str:  # noqa: ANN001
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    return " ".join(
        str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row
    )


def test_in_one_bundle_a_change_before_the_offer_lands_and_one_after_it_is_held(
    tmp_path, hub, make_device
):
    """The hub judges a bundle's changes in their order, each on the rows as the earlier ones
    leave them: the account changed and then the person offered (the program's own order
    once the offer is taken back) land — the receiver sees the offer with that account; the
    offer and then a change (a tampered program) hold the change."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    households.withdraw_offer(village, actor_of(village), second)
    _write(village, second, {"account_number": ACCOUNT})
    households.move_person(
        village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=there
    )
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    row = hub.ledger.get("persons", second)
    assert (row["moving_to"], row["account_number"]) == (there, ACCOUNT)
    # Taken back, offered and changed after, in one forged bundle.
    households.withdraw_offer(village, actor_of(village), second)
    heads = village.heads("persons", second)
    offer = forge(village, "persons", second, {"moving_to": there},
                  parents={"moving_to": heads["moving_to"]})  # fmt: skip
    changed = forge(village, "persons", second, {"account_number": "6222000099998888"},
                    parents={"account_number": heads["account_number"]})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "one-bundle.fs").path)
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert offer.id not in held and held[changed.id] == "offered_person", held
    row = hub.ledger.get("persons", second)
    assert (row["moving_to"], row["account_number"]) == (there, ACCOUNT)


@pytest.mark.parametrize("again", ["same household", "another household"])
def test_a_decline_of_an_offer_taken_back_and_made_again_is_held(
    tmp_path, hub, make_device, again: str
):
    """红星村 takes the offer back and offers the person again — to the same household, or to
    another household of the site — and syncs, while the site, not yet synced, turns down the
    offer it saw (a signed bundle: its 不接收 names the offer version it saw). It cleared the
    new offer, which the site never saw; it answers an offer taken back: held, as a stale
    take-in is; the person stays offered as now, and once synced the site may answer that."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    seen = site.heads("persons", second)["moving_to"]
    households.withdraw_offer(village, actor_of(village), second)
    if again == "same household":
        to = there
        households.move_person(
            village, actor_of(village), second, "投亲", Relation.OTHER, to_household_id=to
        )
    else:
        (to,) = (r[0] for r in site.db.execute(
            "SELECT id FROM households WHERE id != ?", [there]))  # fmt: skip
        forge(village, "persons", second, {"moving_to": to, "change_reason": "投亲"},
              parents={"moving_to": village.heads("persons", second)["moving_to"]})  # fmt: skip
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    assert hub.ledger.get("persons", second)["moving_to"] == to
    stale = forge(site, "persons", second, {"moving_to": None, "change_reason": "对方村未接收迁入"},
                  parents={"moving_to": seen, "change_reason": seen})  # fmt: skip
    hub.import_file(export_bundle(site, tmp_path / "stale.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held[stale.id].rule == "offered_person", held[stale.id].reason
    assert "王1" in held[stale.id].reason and "不接收" in held[stale.id].reason
    row = hub.ledger.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (home, to)
    # Synced and its held answer taken back here (同步页), the site sees the offer standing
    # now and answers it.
    from fieldapp.sync import rejected

    _trip(hub, site, "幸福安置点", tmp_path, 5)
    assert rejected.undo(site, [stale.id]) == 1
    assert site.get("persons", second)["moving_to"] == to
    households.decline_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 6)
    assert {h.change_id for h in hub.rejected()} == {stale.id}
    assert hub.ledger.get("persons", second)["moving_to"] is None


def _hung(person: str, there: str, kind: str):  # noqa: ANN202
    """A new row of `kind` hung on `person` (their household `there` where a row names it)."""
    import datetime as dt

    from fieldapp.domain.enums import Category, ServiceType, WorkStatus
    from fieldapp.domain.models import (
        CategoryMembership,
        EmploymentSpell,
        MonthlyStatus,
        ServiceRecord,
        UnemploymentRegistration,
        Visit,
    )

    day = dt.date(2026, 5, 1)
    return {
        "category": CategoryMembership(person_id=person, category=Category.LIFTED, start_date=day),
        "job": EmploymentSpell(
            person_id=person,
            start_date=day,
            place_code="440305",
            place_name="深圳市南山区",
            employer="另一家厂",
        ),  # fmt: skip
        "registration": UnemploymentRegistration(
            person_id=person, found_date=day, registered_date=day
        ),  # fmt: skip
        "training": ServiceRecord(
            person_id=person, service_date=day, service_type=ServiceType.TRAINING, training_days=5
        ),  # fmt: skip
        "guidance": ServiceRecord(
            person_id=person, service_date=day, service_type=ServiceType.GUIDANCE
        ),  # fmt: skip
        "month": MonthlyStatus(person_id=person, month="2026-05", status=WorkStatus.NOT_EMPLOYED),
        "visit": Visit(household_id=there, person_id=person, visit_date=day),
    }[kind]


#: What a subsidy is judged by (kept as offered) and what the monthly round writes (not).
KEPT = ("category", "job", "registration", "training")
GOES_ON = ("guidance", "month", "visit")


def test_the_rows_a_subsidy_is_judged_by_are_kept_as_offered_on_the_offering_device(
    tmp_path, hub, make_device
):
    """Only the person row was kept: the offering village could add a job, a 脱贫人口 category,
    a registration or a training to the person it offered, and the receiving village, taking
    in the person it saw, took in a subsidy it never saw (paid to the account it saw). These
    are kept as the person is (请先撤回迁入再修改), and the job recorded before the offer too;
    the month's status, a visit and other services — the monthly round — go on."""
    from fieldapp.domain.models import EmploymentSpell, MonthlyStatus
    from fieldapp.services.writer import actor_of, writing
    from tests.sync.helpers import job_of

    village, site, home, second, there = _offered(tmp_path, hub, make_device, job=True)
    for kind in KEPT:
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.insert(_hung(second, home, kind))
        assert refused.value.rule == "offered_person", kind
        assert "请先撤回迁入再修改" in str(refused.value) and "王1" in str(refused.value)
    for fields in ({"employer": "改过的厂"}, {"deleted": True}):
        with pytest.raises(TrustRefused), writing(village, actor_of(village)) as w:
            w.update(EmploymentSpell, job_of(second), fields)
    for kind in GOES_ON:
        with writing(village, actor_of(village)) as w:
            w.insert(_hung(second, home, kind))
    with writing(village, actor_of(village)) as w:  # the monthly grid's status, naming the job
        w.save(MonthlyStatus(person_id=second, month="2026-06", status="已就业",
                             spell_id=job_of(second), income=3200))  # fmt: skip
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    # Taken back, they are the village's to change again.
    households.withdraw_offer(village, actor_of(village), second)
    for kind in KEPT:
        with writing(village, actor_of(village)) as w:
            w.insert(_hung(second, home, kind))


@pytest.mark.parametrize("kind", KEPT)
def test_the_hub_holds_a_forged_row_hung_on_an_offered_person(tmp_path, hub, make_device, kind):
    """A tampered 红星村 program adds the row anyway: held at the hub (`offered_person`); the
    site takes the person in as it saw them, without it. The month's status lands."""
    from fieldapp.store.ledger import natural_id

    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    record = _hung(second, home, kind)
    row_id = natural_id(record.TABLE, "forged", kind)
    added = forge(village, record.TABLE, row_id, record.fields())
    month = _hung(second, home, "month")
    landed = forge(village, month.TABLE, natural_id(month.TABLE, "forged", "month"), month.fields())
    hub.import_file(export_bundle(village, tmp_path / "forged.fs").path)
    held = {h.change_id: h for h in hub.rejected()}
    assert held.keys() == {added.id}, held
    assert held[added.id].rule == "offered_person", held[added.id].reason
    assert hub.ledger.get(record.TABLE, row_id) is None
    assert landed.id not in held
    households.accept_move(site, actor_of(site), second)
    _trip(hub, site, "幸福安置点", tmp_path, 4)
    assert {h.change_id for h in hub.rejected()} == {added.id}
    assert site.get(record.TABLE, row_id) is None


@pytest.mark.parametrize("answer", ["take in", "decline"])
def test_an_answer_to_an_offer_simply_taken_back_is_held_as_an_honest_race(
    tmp_path, hub, make_device, answer: str
):
    """红星村 takes the offer back (and offers nothing again) and syncs, while the site, not yet
    synced, takes in — or turns down — the offer it saw (a signed bundle). Its answer reached
    a person no longer offered to it: it was held under `scope`, as if the site had changed
    another village's person — an attack, to the county, of an honest race. It is held as a
    stale take-in is (`offered_person`, the offer taken back); the person stays as they are."""
    village, site, home, second, there = _offered(tmp_path, hub, make_device)
    households.withdraw_offer(village, actor_of(village), second)
    _trip(hub, village, "红星村", tmp_path, 4)
    assert hub.rejected() == []
    if answer == "take in":
        households.accept_move(site, actor_of(site), second)
    else:
        households.decline_move(site, actor_of(site), second)
    hub.import_file(export_bundle(site, tmp_path / "late.fs").path)
    held = {h.change.tbl: h for h in hub.rejected()}
    assert held["persons"].rule == "offered_person", held["persons"].reason
    assert "撤回" in held["persons"].reason and "王1" in held["persons"].reason
    assert "红星村" not in held["persons"].reason.split("（")[0]
    row = hub.ledger.get("persons", second)
    assert (row["household_id"], row["moving_to"]) == (home, None)
