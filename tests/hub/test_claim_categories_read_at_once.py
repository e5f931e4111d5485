"""The hub reads what a bundle's claims are checked against for all of them at once: a village
sending a few hundred claims costs a few statements on person_categories, and once they are
submitted and reviewed a few on the ledger's claims, registrations, jobs and trainings, not one
or more per claim. Each claim's check asked the ledger alone for its person's categories
(`claim_category`), for the claims under its limit key (the one-time guard, reviewed claims),
for its person's claims (a subsidy paid once per job), and for its person's registrations and
jobs (a rule that looks at them), then read each of those rows by itself."""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.cli.main import main as cli
from fieldapp.demo.generator import build_demo
from fieldapp.domain.claims import ClaimState
from fieldapp.hub.folder import Hub
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.hub.test_honest_claims_not_held import (
    DEVICES,
    FIGURES,
    VILLAGE,
    _claim_all,
    _complete_jobs,
    _hire_long_unemployed,
    _rare_cases,
)

#: The tables read claim by claim before (the rows a claim is checked against, the trainings
#: it pays for).
TABLES = ("claims", "unemployment_registrations", "employment_spells", "services")


def _hub_and_village(tmp_path: Path, *, rare: bool = False) -> tuple[Hub, Ledger]:
    """A training hub with the county's figures, and an enrolled demo village of 400 whose
    people the hub has (with `rare`, the long unemployed and rarer cases too)."""
    Hub.init(tmp_path / "hub", "培训中心", training=True).close()
    assert cli(["hub", "policy", "edit", "--dir", str(tmp_path / "hub"),
                *[a for f in FIGURES for a in ("--figure", f)],
                "--document", "毕七人社通〔2026〕9号", "--document-date", "2026-11-20",
                "--authority", "七星关区人力资源和社会保障局"]) == 0  # fmt: skip
    hub = Hub.open(tmp_path / "hub")
    village = Ledger.open(tmp_path / "v.db", author="大坝村专员")
    build_demo(village, 400, seed=5, area=VILLAGE)
    hub.enroll("大坝村专员", VILLAGE, tmp_path / "v.enrol", code=ENROL_CODE, by="县里的科员")
    enrol(village, tmp_path / "v.enrol", code=ENROL_CODE)
    _complete_jobs(village)
    if rare:
        _hire_long_unemployed(village, 12)
        _rare_cases(village)
    hub.import_file(export_bundle(village, tmp_path / "v0.fs").path)
    import_bundle(village, hub.export_for("大坝村专员", tmp_path / "v0a.fs").path)
    return hub, village


def _statements_of_import(hub: Hub, bundle: Path) -> list[str]:
    """The statements the hub's ledger ran importing `bundle`."""
    statements: list[str] = []
    hub.ledger.db.conn.set_trace_callback(statements.append)
    try:
        hub.import_file(bundle)
    finally:
        hub.ledger.db.conn.set_trace_callback(None)
    return statements


def test_a_bundle_of_hundreds_of_claims_reads_their_categories_in_a_few_statements(
    tmp_path: Path,
):
    hub, village = _hub_and_village(tmp_path)
    try:
        made, _rules = _claim_all(village)
        assert len(made) >= 150
        statements = _statements_of_import(hub, export_bundle(village, tmp_path / "v1.fs").path)
        assert hub.rejected() == []
        assert hub.ledger.db.execute("SELECT count(*) FROM claims").fetchone()[0] == len(made)
        read = [
            s for s in statements if "person_categories" in s and s.lstrip().startswith("SELECT")
        ]
        assert len(read) <= 5, (len(read), read[:3])
    finally:
        village.close()
        hub.close()


def test_a_bundle_of_hundreds_of_reviewed_claims_reads_what_they_rest_on_in_a_few_statements(
    tmp_path: Path,
):
    hub, village = _hub_and_village(tmp_path, rare=True)
    try:
        made, rules = _claim_all(village)
        assert len(made) >= 150 and rules["absorb_long_unemployed"] >= 6, rules
        service = ClaimService(village, load_policy(village).policy)
        for claim in made:
            for step in DEVICES[0][4]:  # submitted, then reviewed by the village
                service.advance(claim, step)
        statements = _statements_of_import(hub, export_bundle(village, tmp_path / "v1.fs").path)
        assert hub.rejected() == []
        reviewed = hub.ledger.db.execute(
            "SELECT count(*) FROM claims WHERE state = ?", [ClaimState.VILLAGE_REVIEWED.value]
        ).fetchone()[0]
        assert reviewed == len(made)
        # The checks come before the ledger logs the first change it applies (each change
        # applied then reads its own row: that is the writing, not the checks).
        applying = next(
            n for n, s in enumerate(statements) if s.startswith("INSERT INTO [changes]")
        )
        read = {
            table: [
                s
                for s in statements[:applying]
                if s.lstrip().startswith("SELECT") and re.search(rf"\bFROM \[?{table}\b", s)
            ]
            for table in TABLES
        }
        assert all(len(found) <= 5 for found in read.values()), {
            table: (len(found), found[:2]) for table, found in read.items()
        }
    finally:
        village.close()
        hub.close()
