"""A print or export logged for another village (骗取套取 hidden behind a forged trail). The
print log (打印记录) and the export log (导出记录) are appended by every device for what it
printed and exported, and nothing ruled what a log may name: a tampered 红星村 laptop logged a
公示表 of 远村, an 申请表 of 远村's claim, a 务工证明 of 远村's person and an export of 远村's
ledger, and the hub took them. The hub sends a log to every device its place, person or claim
lies under: each landed in 远村's own 打印记录, where its footer code (`print log --code`) is
how a signed or posted paper is checked to be the ledger's — a forged 公示表 or roster with
that code then read as 远村's own printed, posted paper, and 200 of them (the listing's
length) would push every real print of 远村 off its page. Now a log naming a place, person or
claim outside the writing device's area is held (logged_scope) and refused at the write door;
its own prints, the township's batch it holds its part of, still land."""

from __future__ import annotations

import datetime as dt
import time

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.domain.prints import PrintRecord
from fieldapp.domain.roles import Role
from fieldapp.services import trust
from fieldapp.services.actor import actor_of
from fieldapp.services.exports import record_export
from fieldapp.services.printing import log_print
from fieldapp.services.trust import NAMED, Actor, Context, Proposal
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.queries.paper import print_log
from tests.helpers.hostile_county import OTHER
from tests.sync.helpers import VILLAGE
from tests.sync.hostile import forge


def _print(code: str, **names: str) -> dict:
    return {"paper": "公示表", "code": code, "content_hash": code.lower() * 8, "pages": 1,
            "rows": 1, "printed_at": "2026-11-30T09:15:00+08:00", **names}  # fmt: skip


def _export(area: str) -> dict:
    return {"kind": "台账", "file_name": "远村.xlsx", "file_hash": "0" * 64, "persons": 1,
            "rows": 1, "area_code": area, "exported_at": "2026-11-30T09:15:00+08:00"}  # fmt: skip


def test_a_log_naming_another_village_is_held_and_never_reaches_it(county, hub):
    village, other = county["village"], county["other"]
    theirs, their_claim, mine = county["theirs"], county["their_claim"], county["mine"]
    forged = [
        forge(village, "print_log", "f-area", _print("FA01", area_code=OTHER)),
        forge(village, "print_log", "f-claim", _print("FC01", claim_id=their_claim)),
        forge(village, "print_log", "f-person", _print("FP01", person_id=theirs)),
        forge(village, "export_log", "f-export", _export(OTHER)),
    ]
    honest = log_print(
        village,
        actor_of(village),
        PrintRecord(**_print("HONEST", area_code=VILLAGE, person_id=mine)),
    )
    county["exchange"](village, "红星村")
    county["exchange"](other, "远村")
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {c.id: held.get(c.id, ("", ""))[0] for c in forged} == {
        c.id: "logged_scope" for c in forged
    }, held
    assert held[forged[0].id][1].startswith("这条打印记录的所在区域在"), held
    assert "不在红星村（" in held[forged[2].id][1] and "所属人员" in held[forged[2].id][1], held
    for change in forged:
        assert hub.ledger.get(change.tbl, change.row_id) is None
        assert other.get(change.tbl, change.row_id) is None
    assert not {r["code"] for r in print_log(other)} & {"FA01", "FC01", "FP01"}
    assert hub.ledger.get("print_log", honest.id) is not None


def test_the_write_door_refuses_a_log_naming_another_village(county):
    """The door judges what the device holds: another village's place (its claims and
    persons the device does not hold, which only the hub can place)."""
    village = county["village"]
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
        w.insert(PrintRecord(**_print("D1", area_code=OTHER)))
    assert refused.value.rule == "logged_scope", str(refused.value)
    sheet = county["tmp"] / "远村.xlsx"
    sheet.write_bytes(b"PK")
    with pytest.raises(TrustRefused) as refused:
        record_export(village, "台账", sheet, 1, area_code=OTHER)
    assert refused.value.rule == "logged_scope", str(refused.value)
    assert not sheet.exists()  # an export that cannot be logged does not stay
    with writing(village, actor_of(village)) as w:  # its own: the place, person and claim
        w.insert(PrintRecord(**_print("OK1", area_code=VILLAGE, person_id=county["mine"])))
    sheet.write_bytes(b"PK")
    assert record_export(village, "台账", sheet, 1, area_code=VILLAGE)


TOWN = "520502101"


@pytest.mark.parametrize(
    ("role", "scope", "names", "allowed"),
    [
        # A village: its own place, claim and person; its part of its township's batch.
        (Role.COORDINATOR, VILLAGE, {"area_code": VILLAGE}, True),
        (Role.COORDINATOR, VILLAGE, {"area_code": VILLAGE + "001"}, True),  # its group
        (Role.COORDINATOR, VILLAGE, {"batch_id": TOWN, "area_code": VILLAGE}, True),
        (Role.COORDINATOR, VILLAGE, {"claim_id": VILLAGE, "person_id": VILLAGE}, True),
        (Role.COORDINATOR, VILLAGE, {"claim_id": ""}, True),  # not known: names nothing
        (Role.COORDINATOR, VILLAGE, {"batch_id": OTHER}, False),
        (Role.COORDINATOR, VILLAGE, {"batch_id": "520502202"}, False),  # another township's
        (Role.COORDINATOR, VILLAGE, {"claim_id": OTHER}, False),
        (Role.COORDINATOR, VILLAGE, {"person_id": OTHER}, False),
        (Role.COORDINATOR, VILLAGE, {"area_code": OTHER}, False),
        # A township: anything in its township; the county's own, for its part.
        (Role.TOWNSHIP, TOWN, {"area_code": VILLAGE, "claim_id": VILLAGE}, True),
        (Role.TOWNSHIP, TOWN, {"area_code": "520502", "batch_id": "520502"}, True),
        (Role.TOWNSHIP, TOWN, {"person_id": OTHER}, False),
        # The county: anything in the county.
        (Role.COUNTY, "520502", {"area_code": OTHER, "claim_id": VILLAGE}, True),
    ],
)
def test_what_a_log_may_name(role, scope, names, allowed):
    """`places_after` as the receiver finds them: each named row's place."""
    actor = Actor(role, scope, "本机")
    for table in ("print_log", "export_log"):
        columns = {c for c, _ in NAMED[table]}
        if not set(names) <= columns:
            continue
        context = Context(places_after=names, fields=frozenset({"paper", *names}))
        data = {c: "x" for c in names}
        verdict = trust._check_logged(actor, Proposal(table, "r1", data), context)
        assert verdict.allowed is allowed, (table, verdict.reason)
        assert verdict.allowed or verdict.rule == "logged_scope"


@pytest.mark.parametrize(
    ("claim_area", "person_place", "allowed"),
    [
        (VILLAGE, VILLAGE, True),
        (VILLAGE, OTHER, True),  # paid here, the person moved to 远村 since: its form reprinted
        (OTHER, OTHER, False),
        (OTHER, VILLAGE, False),  # 远村's claim (its person since moved here) is 远村's paper
    ],
)
def test_a_claims_form_is_judged_by_the_claims_own_area(claim_area, person_place, allowed):
    """A claim lies where it is noticed and paid (its area code); the person of a claim of
    the device's own passes with it, wherever the person lives now."""
    actor = Actor(Role.COORDINATOR, VILLAGE, "本机")
    data = {"claim_id": "c1", "person_id": "p1", "area_code": VILLAGE}
    context = Context(
        places_after={"claim_id": person_place, "person_id": person_place, "area_code": VILLAGE},
        targets={"claim_id": {"area_code": claim_area, "person_id": "p1"}},
    )
    verdict = trust._check_logged(actor, Proposal("print_log", "r1", data), context)
    assert verdict.allowed is allowed, verdict.reason
    other_person = Context(
        places_after={"claim_id": person_place, "person_id": OTHER},
        targets={"claim_id": {"area_code": VILLAGE, "person_id": "p2"}},
    )
    assert not trust._check_logged(actor, Proposal("print_log", "r1", data), other_person).allowed


@pytest.mark.parametrize("fast_by", [0, 5])
def test_a_paper_printed_before_its_person_was_moved_away_is_taken(county, hub, fast_by):
    """Honest work held: 红星村 prints a 务工证明 of its own person offline; meanwhile its
    other laptop moves the person to a relocation site (a transfer the services make), and
    syncs first. The hub judged the log by where the person lives when it arrived (the site)
    and held the village's paper as one logged for another place. And with the village's
    clock `fast_by` minutes fast, its paper is stamped after the move the other laptop
    stamped: taken still (`PRINT_SKEW_MS`, two laptops' clocks minutes apart)."""
    from fieldapp.domain.enums import Relation
    from fieldapp.domain.models import Household
    from fieldapp.services import households
    from tests.sync.helpers import SITE

    village, second, mine = county["village"], county["second"], county["mine"]
    time.sleep(1.1)  # printed_at is to the second: printed after the person was entered
    paper = _print("WORK1", area_code=VILLAGE, person_id=mine) | {"paper": "务工证明"}
    paper["printed_at"] = ""  # now (log_print stamps it)
    fast = dt.datetime.now(CHINA) + dt.timedelta(minutes=fast_by)
    with time_machine.travel(fast, tick=True):
        printed = log_print(village, actor_of(village), PrintRecord(**paper))
    households.move_person(
        second, actor_of(second), mine, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    county["exchange"](second, "红星村二号")
    county["exchange"](village, "红星村")
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert "logged_scope" not in held.values(), held
    assert hub.ledger.get("print_log", printed.id) is not None


def test_a_paper_dated_when_its_person_was_not_the_villages_is_held(county, hub):
    """What the hub reads back opens nothing else: a log naming the person who was moved
    away, dated after the move or long before they were entered (when they were nobody's),
    and one naming a person who never lived in the village, dated now, are held."""
    from fieldapp.domain.dates import now_stamp
    from fieldapp.domain.enums import Relation
    from fieldapp.domain.models import Household
    from fieldapp.services import households
    from tests.sync.helpers import SITE

    village, second, mine = county["village"], county["second"], county["mine"]
    households.move_person(
        second, actor_of(second), mine, "易地扶贫搬迁", Relation.HEAD,
        new_household=Household(area_code=SITE, address="5栋1单元"),
    )  # fmt: skip
    county["exchange"](second, "红星村二号")
    # Printed after the move by more than two laptops' clocks may be apart (PRINT_SKEW_MS).
    later = dt.datetime.now(CHINA) + dt.timedelta(minutes=11)
    with time_machine.travel(later, tick=True):
        now = now_stamp()
        after = forge(
            village, "print_log", "after", _print("AF01", person_id=mine) | {"printed_at": now}
        )
    forged = [
        after,
        forge(
            village,
            "print_log",
            "long-ago",
            _print("LA01", person_id=mine) | {"printed_at": "2020-01-01T09:00:00+08:00"},
        ),  # fmt: skip
        forge(
            village,
            "print_log",
            "never",
            _print("NV01", person_id=county["theirs"]) | {"printed_at": now},
        ),  # fmt: skip
    ]
    county["exchange"](village, "红星村")
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert {c.id: held.get(c.id) for c in forged} == {c.id: "logged_scope" for c in forged}


def test_a_paper_printed_before_the_township_moved_the_household_is_taken(county, hub):
    """The township moves the whole household to another of its villages (its area changed,
    not the person's household) while 红星村 prints offline: the hub reads the household's
    area when printed, and takes the village's paper."""
    from fieldapp.domain.models import Household, Person
    from fieldapp.services import households
    from fieldapp.store.ledger import Ledger
    from fieldapp.store.queries import records
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.exchange import export_bundle, import_bundle
    from tests.codes import ENROL_CODE

    village, mine, tmp = county["village"], county["mine"], county["tmp"]
    town = Ledger.open(tmp / "town" / "ledger.db", author="镇专员")
    hub.enroll("城关镇", TOWN, tmp / "town.json", Role.TOWNSHIP, code=ENROL_CODE, by="县里的科员")
    enrol(town, tmp / "town.json", code=ENROL_CODE)
    import_bundle(town, hub.export_for("城关镇", tmp / "t1.fs").path)
    time.sleep(1.1)  # printed_at is to the second: printed after the person was entered
    paper = _print("WORK2", area_code=VILLAGE, person_id=mine) | {"paper": "务工证明"}
    printed = log_print(village, actor_of(village), PrintRecord(**paper | {"printed_at": ""}))
    home = records.get(town, Household, records.get(town, Person, mine).household_id)
    households.save(town, actor_of(town), home.model_copy(update={"area_code": TOWN + "002"}), home)
    hub.import_file(export_bundle(town, tmp / "t2.fs").path)
    town.close()
    assert hub.ledger.get("households", home.id)["area_code"] == TOWN + "002"  # moved
    county["exchange"](village, "红星村")
    held = {h.change_id: h.rule for h in hub.rejected()}
    assert "logged_scope" not in held.values(), held
    assert hub.ledger.get("print_log", printed.id) is not None


@pytest.mark.parametrize(
    ("printed_where", "allowed"),
    [(VILLAGE, True), (VILLAGE + "001", True), (OTHER, False), ("", False)],
)
def test_a_person_is_judged_by_where_they_lay_when_printed(printed_where, allowed):
    """`Context.printed_where`, as the hub reads it: the person now in 远村 passes only when
    they lay in the writer's scope when printed; unknown then ("") opens nothing."""
    actor = Actor(Role.COORDINATOR, VILLAGE, "本机")
    context = Context(places_after={"person_id": OTHER}, printed_where=printed_where)
    proposal = Proposal("print_log", "r1", {"person_id": "p1"})
    assert trust._check_logged(actor, proposal, context).allowed is allowed
