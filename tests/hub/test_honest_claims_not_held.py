"""Honest claims are not held. The hub's claim checks (claim_category, claim_event, claim_facts …)
hold a claim when the laptop's copy disagrees with the hub's ledger; held by mistake, an honest
claim stops a payment and lands in the county's review. Here a demo village of a few hundred
persons, its coordinator claiming every subsidy the policy engine lists as eligible (the county
has set its figures; the jobs' employers have their kinds; a dozen long unemployed hired; a few
graduates, registered youths and workers home from away hired in the years their rules ran), goes
through a real hub on SQLite and on PostgreSQL: the village submits and reviews them, the
township reviews them, the county approves, batches and pays them, and at no step is anything
held; nor when the village then records that the jobs claimed for have ended."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

from fieldapp.cli.main import main as cli
from fieldapp.demo.generator import build_demo
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import today
from fieldapp.domain.enums import Category, EmployerKind, EmploymentForm
from fieldapp.domain.models import (
    CategoryMembership,
    EmploymentSpell,
    Person,
    UnemploymentRegistration,
)
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.policy.eligibility import Status
from fieldapp.policy.guard import LimitExceeded
from fieldapp.services.claims import ClaimService
from fieldapp.services.ledgers import make_demo
from fieldapp.services.policy_admin import load_policy
from fieldapp.services.work import save_record
from fieldapp.services.writer import actor_of
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries import records
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE

VILLAGE = "520502010001"
DEVICES = [  # (stem, device name, role, area, the step it takes)
    ("v", "大坝村专员", Role.COORDINATOR, VILLAGE, (ClaimState.SUBMITTED, ClaimState.VILLAGE_REVIEWED)),
    ("t", "碧阳街道审核", Role.TOWNSHIP, VILLAGE[:9], (ClaimState.TOWNSHIP_REVIEWED,)),
    ("c", "县人社局审批", Role.COUNTY, VILLAGE[:6], (ClaimState.COUNTY_APPROVED,)),
]  # fmt: skip
#: The figures the province leaves to the county, set with the county's document.
FIGURES = ["transport_cross_county=400", "transport_cross_province_lifted=500", "startup_once=5000",
           "flexible_social_insurance=2400"]  # fmt: skip
#: The rules the demo's employer kinds, schooling, returns and registrations give claims to,
#: which a village of a few hundred holds too few of by chance (their windows are short).
RARE = ("absorb_returned", "absorb_graduate", "absorb_unemployed_youth",
        "flexible_social_insurance")  # fmt: skip


def _held(hub: Hub) -> list[tuple[str, str, str]]:
    return [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()]


def _claim_all(ledger: Ledger) -> tuple[list[str], collections.Counter[str]]:
    """A claim, with all its evidence, for every person and rule listed as eligible today."""
    policy = load_policy(ledger).policy
    service = ClaimService(ledger, policy)
    made: list[str] = []
    rules: collections.Counter[str] = collections.Counter()
    for result in service.eligibility.for_all(dt.date.today()):
        if result.status is not Status.ELIGIBLE:
            continue
        try:
            claim = service.create(
                result.id_number,
                result.rule_id,
                evidence_collected=policy.rule(result.rule_id).evidence,
            )
        except LimitExceeded:
            # Two one-time transport subsidies listed for one person (two jobs): the
            # first claimed is that person's one; the listing, read again, says so.
            continue
        made.append(claim.id)
        rules[result.rule_id] += 1
    return made, rules


def _end_claimed_jobs(ledger: Ledger, claims: list[str]) -> int:
    """The open jobs the claims rest on end today, each at a higher income; how many."""
    queries, actor, ended = ClaimQueries(ledger), actor_of(ledger), 0
    for claim in map(queries.get, claims):
        old = records.find(ledger, EmploymentSpell, claim.spell_id or "")
        if old is None or old.end_date is not None:
            continue
        income = (old.monthly_income or 3000) + 500
        save_record(ledger, actor, old.model_copy(update={"end_date": today(),
                    "monthly_income": income}), old)  # fmt: skip
        ended += 1
    return ended


def _complete_jobs(ledger: Ledger) -> int:
    """What a coordinator asks at the door and the demo now and then leaves blank: of each open
    job with an employer, the kind of employer (小微企业 when not recorded), its contract and
    insurance months; how many."""
    actor, done = actor_of(ledger), 0
    open_jobs = ledger.db.execute(
        "SELECT id FROM employment_spells WHERE end_date IS NULL AND form = ? AND NOT deleted",
        [EmploymentForm.EMPLOYEE.value],
    ).fetchall()
    for old in (records.get(ledger, EmploymentSpell, row[0]) for row in open_jobs):
        if old.employer_kind and old.contract_months and (old.insurance_months or 0) >= 6:
            continue
        fields = {
            "employer_kind": old.employer_kind or EmployerKind.SMALL_ENTERPRISE.value,
            "contract_months": old.contract_months or 12,
            "insurance_months": max(old.insurance_months or 0, 6),
        }
        save_record(ledger, actor, old.model_copy(update=fields), old)
        done += 1
    return done


def _hire_long_unemployed(ledger: Ledger, count: int) -> int:
    """`count` persons of working age with no job on the ledger: registered unemployed from
    2025-01-10, hired by a small enterprise in the township on 2025-09-01 (the registration
    ended the day before); how many."""
    actor = actor_of(ledger)
    idle = ledger.db.execute(
        "SELECT p.id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM employment_spells s "
        "WHERE s.person_id = p.id AND NOT s.deleted) "
        "AND substr(p.id_number, 7, 4) BETWEEN '1975' AND '2000' ORDER BY p.id_number LIMIT ?",
        [count],
    ).fetchall()
    for (person,) in idle:
        registered = UnemploymentRegistration(person_id=person, found_date=dt.date(2025, 1, 5),
            registered_date=dt.date(2025, 1, 10), ended_date=dt.date(2025, 8, 31))  # fmt: skip
        save_record(ledger, actor, registered)
        job = EmploymentSpell(person_id=person, start_date=dt.date(2025, 9, 1),
            place_code=VILLAGE[:9], place_name="碧阳街道", employer="碧阳某电子厂",
            employer_kind=EmployerKind.SMALL_ENTERPRISE.value, monthly_income=3200,
            contract_months=24, insurance_months=6)  # fmt: skip
        save_record(ledger, actor, job)
    return len(idle)


def _idle(ledger: Ledger, born: tuple[str, str], count: int, *, no_category: bool) -> list[str]:
    """`count` persons born in those years with no job (and no category) on the ledger."""
    without = (
        "AND NOT EXISTS (SELECT 1 FROM person_categories c WHERE c.person_id = p.id "
        "AND NOT c.deleted) "
        if no_category
        else ""
    )
    rows = ledger.db.execute(
        "SELECT p.id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM employment_spells s "
        f"WHERE s.person_id = p.id AND NOT s.deleted) {without}"
        "AND substr(p.id_number, 7, 4) BETWEEN ? AND ? ORDER BY p.id_number LIMIT ?",
        [*born, count],
    ).fetchall()
    return [row[0] for row in rows]


def _job(person: str, start: dt.date, **fields: object) -> EmploymentSpell:
    """A job at a small enterprise in the township, on a two-year contract."""
    values: dict[str, object] = dict(person_id=person, start_date=start, place_code=VILLAGE[:9],
        place_name="碧阳街道", employer="碧阳某食品厂", form=EmploymentForm.EMPLOYEE.value,
        employer_kind=EmployerKind.SMALL_ENTERPRISE.value, monthly_income=3000,
        contract_months=24, insurance_months=6)  # fmt: skip
    return EmploymentSpell.model_validate(values | fields)


def _graduate(ledger: Ledger, person: str, left: str) -> None:
    """The person left college in the month `left` (大专), a 高校毕业生 from then."""
    actor, old = actor_of(ledger), records.get(ledger, Person, person)
    new = old.model_copy(update={"education": "大专", "graduation_year": int(left[:4]),
                                 "left_school_month": left})  # fmt: skip
    save_record(ledger, actor, new, old)
    save_record(ledger, actor, CategoryMembership(person_id=person, category=Category.GRADUATE,
                start_date=dt.date.fromisoformat(f"{left}-01")))  # fmt: skip


def _rare_cases(ledger: Ledger) -> int:
    """A few of each case the demo has too few of in one village, entered at the door as a
    coordinator would: graduates of July 2023 hired that September (absorb_graduate), youths
    registered unemployed from March 2023 and hired that September (absorb_unemployed_youth),
    workers home from Guangdong in March 2025 and hired at home in April
    (absorb_returned), graduates of 2024 in flexible work paying their insurance
    (flexible_social_insurance); how many persons. The hires of 2023 pay no insurance yet
    (those two rules ask none), so no other 吸纳就业补贴 is listed for them first."""
    actor = actor_of(ledger)
    youths = _idle(ledger, ("2000", "2006"), 3, no_category=False)
    people = _idle(ledger, ("1993", "2003"), 9, no_category=False)[-6:]
    for person in people[:3]:
        _graduate(ledger, person, "2023-07")
        save_record(ledger, actor, _job(person, dt.date(2023, 9, 1), insurance_months=0))
    for person in people[3:]:
        _graduate(ledger, person, "2024-07")
        save_record(ledger, actor, _job(person, dt.date(2024, 10, 8), employer="",
                    employer_kind="", form=EmploymentForm.FLEXIBLE.value,
                    contract_months=None, monthly_income=2600))  # fmt: skip
    for person in youths:
        save_record(ledger, actor, UnemploymentRegistration(person_id=person,
            found_date=dt.date(2023, 3, 1), registered_date=dt.date(2023, 3, 3),
            ended_date=dt.date(2023, 8, 31)))  # fmt: skip
        save_record(ledger, actor, _job(person, dt.date(2023, 9, 1), insurance_months=0))
    returned = _idle(ledger, ("1970", "2000"), 3, no_category=True)
    for person in returned:
        save_record(ledger, actor, _job(person, dt.date(2023, 3, 1), end_date=dt.date(2025, 2, 28),
            place_code="441900", place_name="广东省东莞市", employer="东莞某电子厂",
            employer_kind=EmployerKind.LARGE_ENTERPRISE.value, contract_months=36))  # fmt: skip
        save_record(ledger, actor, CategoryMembership(person_id=person,
            category=Category.RETURNED, start_date=dt.date(2025, 3, 1)))  # fmt: skip
        save_record(ledger, actor, _job(person, dt.date(2025, 4, 1)))
    return len(people) + len(youths) + len(returned)


def test_a_village_claiming_all_it_may_has_nothing_held(tmp_path: Path, store_url: str | None):
    # Demo ledgers enrol with a hub made for training (a real hub refuses demo data).
    Hub.init(tmp_path / "hub", "培训中心", training=True, store=store_url).close()
    assert cli(["hub", "policy", "edit", "--dir", str(tmp_path / "hub"),
                *[a for f in FIGURES for a in ("--figure", f)],
                "--document", "毕七人社通〔2026〕9号", "--document-date", "2026-11-20",
                "--authority", "七星关区人力资源和社会保障局"]) == 0  # fmt: skip
    hub = Hub.open(tmp_path / "hub")
    devices: dict[str, Ledger] = {}
    try:
        for stem, name, role, area, _steps in DEVICES:
            device = devices[stem] = Ledger.open(tmp_path / f"{stem}.db", author=name)
            if stem == "v":
                build_demo(device, 300, seed=5, area=VILLAGE)
            else:
                make_demo(device)
            hub.enroll(
                name, area, tmp_path / f"{stem}.enrol", role, code=ENROL_CODE, by="县里的科员"
            )
            enrol(device, tmp_path / f"{stem}.enrol", code=ENROL_CODE)
        village = devices["v"]
        # With its employers' kinds the employer-paid 吸纳就业补贴 are listed too.
        assert _complete_jobs(village) >= 50
        assert _hire_long_unemployed(village, 12) == 12
        assert _rare_cases(village) == 12
        # The village's people reach the hub, and the county's figures the village.
        hub.import_file(export_bundle(village, tmp_path / "v0.fs").path)
        import_bundle(village, hub.export_for("大坝村专员", tmp_path / "v0a.fs").path)
        assert _held(hub) == []
        made, rules = _claim_all(village)
        assert len(made) >= 100 and len(rules) >= 7, rules
        assert rules["absorb_three_kinds"] + rules["absorb_lifted"] >= 10, rules
        assert rules["absorb_long_unemployed"] >= 6, rules
        assert all(rules[rule] >= 3 for rule in RARE), rules
        for stem, name, _role, _area, steps in DEVICES:
            device = devices[stem]
            import_bundle(device, hub.export_for(name, tmp_path / f"{stem}a.fs").path)
            service = ClaimService(device, load_policy(device).policy)
            for claim in made:
                for step in steps:
                    service.advance(claim, step)
            if stem == "c":  # the county batches what it approved, rule by rule, and pays it
                for rule in rules:
                    _batch, paid = service.create_batch(rule, state=ClaimState.COUNTY_APPROVED)
                    for claim in paid:
                        service.advance(claim.id, ClaimState.PAID)
            hub.import_file(export_bundle(device, tmp_path / f"{stem}.fs").path)
            assert _held(hub) == [], (stem, _held(hub)[:5])
        states = {c.id: c.state for c in ClaimQueries(hub.ledger).all() if c.id in made}
        assert states == dict.fromkeys(made, ClaimState.PAID)
        # News of the people since: the jobs claimed for end today, their incomes changed.
        import_bundle(village, hub.export_for("大坝村专员", tmp_path / "va.fs").path)
        ended = _end_claimed_jobs(village, made)
        assert ended >= 40, ended
        hub.import_file(export_bundle(village, tmp_path / "v2.fs").path)
        assert _held(hub) == [], _held(hub)[:5]
    finally:
        for device in devices.values():
            device.close()
        hub.close()
