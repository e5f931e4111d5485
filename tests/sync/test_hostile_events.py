"""A one-time subsidy (交通补贴, 吸纳就业补贴, 培训生活费补贴) is paid for a job or a training
that began on a day: the claim carries that day (`event_date`), the job (`spell_id`) or
training it pays for, and, for a subsidy paid once per job, the job in its limit key. The hub
checked the amount against the figure of the claim's day, but nothing checked that the person
has such a job or training beginning that day: a tampered program could claim for a job that
never was, or one job twice under a made-up second key. The hub now holds such a claim
(`claim_event`), judged against its merged ledger — the job may arrive in the same bundle."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.claims import Claim as ClaimModel
from fieldapp.domain.models import EmploymentSpell, Person, ServiceRecord
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import policy_in_force, publish
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.conftest import make_id
from tests.policy.helpers import COUNTY_PACK, HOME, populate
from tests.records import Records
from tests.sync.hostile import forge

SON = make_id("520502", "20050101", "135")


@pytest.fixture
def village(tmp_path, hub, make_device):
    """红星村's laptop, filled before its enrolment (王五 on a job in Shenzhen since 2025-03-05
    and trained from 2025-10-09; his son 王小五, no job), holding the county's figures."""
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    ledger = Ledger.open(tmp_path / "village.db", author="村专员")
    ids = populate(Records(ledger))
    repo = Records(ledger)
    worker = repo.ledger.db.execute(
        "SELECT id, household_id FROM persons WHERE id_number = ?", [ids["worker"]]
    ).fetchone()
    with ledger.transaction():
        repo.save(ServiceRecord(person_id=worker[0], service_date=dt.date(2025, 10, 9),
                                service_type="职业培训", training_days=10))  # fmt: skip
        son, _ = repo.add_person(
            Person(household_id=worker[1], name="王小五", id_number=SON, relation="子女")
        )
    device = make_device("红星村", HOME, ledger)
    counter = iter(range(1000))

    def exchange() -> None:
        hub.import_file(export_bundle(device, tmp_path / f"up{next(counter)}.fs").path)
        import_bundle(device, hub.export_for("红星村", tmp_path / f"dn{next(counter)}.fs").path)

    device.exchange = exchange  # type: ignore[attr-defined]
    device.ids = ids  # type: ignore[attr-defined]
    return device


def _copy(device, claim_id: str) -> dict:
    stored = device.get("claims", claim_id)
    kept = set(ClaimModel.model_fields) - {"id", "created_at", "created_by", "created_device",
                                            "updated_at", "updated_by", "updated_device"}  # fmt: skip
    return {k: stored[k] for k in kept if k in stored}


def test_an_honest_one_time_claim_lands_with_its_job_in_the_same_bundle(village, hub):
    village.exchange()  # the county's pack reaches the laptop
    service = ClaimService(village, policy_in_force(village))
    made = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    assert made.event_date == dt.date(2025, 3, 5) and made.spell_id
    village.exchange()
    assert held_claims(hub) == []
    assert hub.ledger.get("claims", made.id)["event_date"] == "2025-03-05"


def test_a_one_time_claim_for_a_job_that_never_was_is_held(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    row = _copy(village, honest.id)
    moved = forge(village, "claims", natural_id("claims", "forged", "day"),
                  row | {"event_date": "2024-01-01"})  # fmt: skip
    nojob = forge(village, "claims", natural_id("claims", "forged", "job"),
                  row | {"spell_id": natural_id("employment_spells", "none")})  # fmt: skip
    other = village.get("persons", _person(village, SON))
    theirs = forge(village, "claims", natural_id("claims", "forged", "who"),
                   row | {"person_id": other["id"], "person_name": other["name"],
                          "id_number": other["id_number"],
                          "limit_key": row["limit_key"].replace(honest.person_id, other["id"])})  # fmt: skip
    village.exchange()
    held = {h.change_id: h for h in held_claims(hub)}
    assert set(held) == {moved.id, nojob.id, theirs.id}
    # (a job id the hub has never heard of places the claim nowhere: held for that first)
    assert held[nojob.id].rule in {"no_place", "claim_event"}
    assert {held[moved.id].rule, held[theirs.id].rule} == {"claim_event"}
    why = held[moved.id].reason
    assert "王五" in why and "2024-01-01" in why and "2025-03-05" in why, why
    assert "王小五" in held[theirs.id].reason
    assert hub.ledger.get("claims", honest.id) is not None
    for change in (moved, nojob, theirs):
        assert hub.ledger.get("claims", change.row_id) is None


def test_one_training_claimed_twice_under_a_made_up_key_is_held(village, hub):
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    row = _copy(village, honest.id)
    again = forge(village, "claims", natural_id("claims", "forged", "again"),
                  row | {"limit_key": row["limit_key"].rsplit(":", 1)[0] + ":另一次"})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (again.id, "claim_event")
    assert "王五" in held.reason


def test_a_claim_moved_onto_another_job_alone_is_held(village, hub):
    """Only its job changed (another of 王五's jobs, begun another day): the claim would pay
    that job at the first one's day and figure."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "transport_cross_county", on=dt.date(2025, 6, 5))
    later = EmploymentSpell(person_id=honest.person_id, start_date=dt.date(2025, 5, 1),
                            place_code="440305", employer="另一家厂")  # fmt: skip
    with village.transaction():
        other_job = Records(village).save(later)
    moved = forge(village, "claims", honest.id, {"spell_id": other_job},
                  parents={"spell_id": village.heads("claims", honest.id)["spell_id"]})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (moved.id, "claim_event")
    assert "2025-05-01" in held.reason
    assert hub.ledger.get("claims", honest.id)["spell_id"] == honest.spell_id


def _person(device, number: str) -> str:
    (row,) = device.db.execute("SELECT id FROM persons WHERE id_number = ?", [number]).fetchall()
    return row[0]


def held_claims(hub) -> list:
    """What the hub holds of claims (the township's first upload also sends the county's
    own areas, which it holds: not what these tests are about)."""
    return [h for h in hub.rejected() if h.change.tbl == "claims"]


def test_a_training_subsidy_paid_by_the_day_asking_more_than_its_days_is_held(village, hub):
    """培训生活费补贴 is paid by the day (王五's 10 days of training: 400 元). A tampered program
    set the claim's amount to 99999 元: the hub judged no amount of a subsidy paid by the day,
    and it landed. Now judged against the training's days on the hub's ledger (`claim_amount`);
    the honest claim lands."""
    village.exchange()
    service = ClaimService(village, policy_in_force(village))
    honest = service.create(village.ids["worker"], "training_living", on=dt.date(2025, 10, 20))
    village.exchange()
    assert held_claims(hub) == []
    big = forge(village, "claims", honest.id, {"amount": 99999.0},
                parents={"amount": village.heads("claims", honest.id)["amount"]})  # fmt: skip
    village.exchange()
    (held,) = held_claims(hub)
    assert (held.change_id, held.rule) == (big.id, "claim_amount")
    assert "99999" in held.reason and "王五" in held.reason
    assert hub.ledger.get("claims", honest.id)["amount"] == honest.amount
