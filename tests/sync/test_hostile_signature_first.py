"""A change held for an innocent reason hid what it does.

The hub holds a change for the first rule that refuses it, and the county, accepting it, writes
it as its own, judged by the county's rules. The hub judged a change's signature first — its
change-log id (`hub_id`, `foreign_id`), its author (`author`: not 姓名@the sender's name), the
versions it says it saw (`parents`) — and the county read only "修改人署名不符" (docs/security.md
even tells it to accept a first-wave laptop's such changes by the range): a tampered village
laptop signing its changes "王芳" (no @红星村) had the county write, under its own name, another
village's person's bank account, a claim's township review, an account changed while the claim
waited for payment. And a family held, all hung on it waits for its place (`no_place`: "接受了它，
这条也可以接受"), the claim's later steps held as a row the hub lacks: accepted in order, a claim
the laptop stepped past the township's and the county's review was the county's approved claim.

Now the sender's rules come first and a change breaking one is held for it; the signature is
judged when they allow it. And accepting any held change judges it again as its sender's (its
place known by then): refused by a rule the county was not told of, it cannot be accepted.
"""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.models import CategoryMembership, Person
from fieldapp.store.held import HeldChanges
from fieldapp.store.ledger import natural_id
from fieldapp.sync.errors import SyncError
from tests.conftest import make_id
from tests.helpers.hostile_county import claim
from tests.records import Records
from tests.sync.helpers import VILLAGE, add_job
from tests.sync.hostile import forge

#: The first program's way of signing (a name, no device): the county is told to accept these.
FIRST_WAVE = "王芳"
THEIRS = "6222000011112222"


def _person_in(village, home: str) -> str:
    """A person of the village's program in `home`, with the job and the category the
    transport subsidy of `claim` pays for."""
    repo = Records(village)
    with village.transaction():
        person, _ = repo.add_person(
            Person(household_id=home, name="李四", id_number=make_id(seq="107")), confirmed=True
        )
    add_job(village, person)
    with village.transaction():
        repo.save(CategoryMembership(person_id=person, category="农村低保对象",
                                     start_date=dt.date(2016, 1, 1)))  # fmt: skip
    return person


def _held(hub, change):
    return next(h for h in hub.rejected() if h.change_id == change.id)


def test_another_villages_account_signed_without_the_device_is_held_for_its_scope(county, hub):
    village, theirs = county["village"], county["theirs"]
    heads = hub.ledger.heads("persons", theirs)
    bank = forge(village, "persons", theirs, {"account_number": THEIRS},
                 parents={"account_number": heads["account_number"]},
                 author=FIRST_WAVE)  # fmt: skip
    county["exchange"](village, "红星村")
    held = _held(hub, bank)
    assert held.rule == "scope", held.reason
    # The county, accepting it, knows it accepts a change of another village's person.
    assert "不在" in held.reason and "范围" in held.reason, held.reason
    assert hub.ledger.get("persons", theirs)["account_number"] != THEIRS


def test_a_step_above_the_village_signed_without_the_device_is_held_for_its_role(county, hub):
    village, mine = county["village"], county["mine"]
    with village.transaction():
        claim_id = village.insert("claims", claim(mine, "已提交"))
    village.update("claims", claim_id, {"state": "村审核"})
    county["exchange"](village, "红星村")
    assert hub.ledger.get("claims", claim_id)["state"] == "村审核"
    step = forge(village, "claims", claim_id, {"state": "乡镇审核"},
                 parents={"state": hub.ledger.heads("claims", claim_id)["state"]},
                 author=FIRST_WAVE)  # fmt: skip
    county["exchange"](village, "红星村")
    held = _held(hub, step)
    assert held.rule == "claim_step", held.reason
    assert hub.ledger.get("claims", claim_id)["state"] == "村审核"


def test_an_account_changed_while_a_claim_waits_signed_without_the_device_is_held(county, hub):
    """The hub's own checks past the row rules (`paid_account`) come before the signature too."""
    village, mine = county["village"], county["mine"]
    with village.transaction():
        claim_id = village.insert("claims", claim(mine, "已提交"))
    county["exchange"](village, "红星村")
    hub.ledger.update("claims", claim_id, {"state": "乡镇审核"})  # reviewed and posted
    county["exchange"](village, "红星村")
    heads = hub.ledger.heads("persons", mine)
    bank = forge(village, "persons", mine, {"account_number": THEIRS},
                 parents={"account_number": heads["account_number"]},
                 author=FIRST_WAVE)  # fmt: skip
    county["exchange"](village, "红星村")
    held = _held(hub, bank)
    assert held.rule == "paid_account", held.reason
    assert hub.ledger.get("persons", mine)["account_number"] != THEIRS


def test_a_change_held_only_for_its_signature_is_still_the_countys_to_accept(county, hub):
    village, mine = county["village"], county["mine"]
    heads = hub.ledger.heads("persons", mine)
    phone = forge(village, "persons", mine, {"phone": "13912345678"},
                  parents={"phone": heads["phone"]}, author=FIRST_WAVE)  # fmt: skip
    county["exchange"](village, "红星村")
    held = _held(hub, phone)
    assert held.rule == "author", held.reason
    hub.accept(held.id, "王科长", "第一版的署名，核实无误")
    assert hub.ledger.get("persons", mine)["phone"] == "13912345678"


def test_a_change_an_older_hub_held_for_its_signature_is_judged_as_its_senders_on_accepting(
    county, hub
):
    """Held before this fix: kept for its author alone, the county accepting it is told what it
    does and cannot write it as its own."""
    village, theirs = county["village"], county["theirs"]
    heads = hub.ledger.heads("persons", theirs)
    bank = forge(village, "persons", theirs, {"account_number": THEIRS},
                 parents={"account_number": heads["account_number"]},
                 author=FIRST_WAVE)  # fmt: skip
    with hub.ledger.transaction():  # as an older hub held it: for its author alone
        HeldChanges(hub.ledger.db).add("红星村", bank, "author", "修改人署名不符", "old-bundle")
    (held,) = [h for h in hub.rejected() if h.change_id == bank.id]
    with pytest.raises(SyncError) as refused:
        hub.accept(held.id, "王科长", "第一版的署名")
    assert "不在" in str(refused.value) and "范围" in str(refused.value), str(refused.value)
    assert hub.ledger.get("persons", theirs)["account_number"] != THEIRS
    assert _held(hub, bank).status == "held"


def test_a_claim_passed_on_behind_a_held_family_is_judged_as_its_senders_on_accepting(county, hub):
    """A family held (here for its signature alone), its people and all hung on them wait for
    its place (`no_place`: "接受了它，这条也可以接受"), judged by no rule of the sender's. The
    tampered laptop's claim for one of them, stepped past the township's and the county's
    review, was the county's own approved claim once the county accepted the waiting changes
    in order, as the reason told it it could."""
    village = county["village"]
    home = natural_id("households", "held home")
    forge(village, "households", home, {"area_code": VILLAGE, "address": "三组"},
          author=FIRST_WAVE)  # fmt: skip
    person = _person_in(village, home)
    with village.transaction():
        claim_id = village.insert("claims", claim(person, "已提交"))
    village.update("claims", claim_id, {"state": "村审核"})
    for state in ("乡镇审核", "县审批"):
        forge(village, "claims", claim_id, {"state": state})
    county["exchange"](village, "红星村")
    assert hub.ledger.get("claims", claim_id) is None
    refused = []
    for held in sorted(hub.rejected(status="held"), key=lambda h: h.id):
        try:
            hub.accept(held.id, "王科长", "核实无误")
        except SyncError as error:
            refused.append((held.change.data, str(error)))
    assert hub.ledger.get("claims", claim_id)["state"] == "村审核"
    assert any(data == {"state": "乡镇审核"} and "乡镇" in why for data, why in refused), refused
