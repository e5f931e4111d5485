"""Honest claims made under the pack a village still holds are not held: the county publishes
its figures again under a new year's notice (the same amounts, a new document number), or
extends a subsidy once more on a new notice, and a village that has not yet synced goes on
claiming under the pack it holds — its claims cite the document its papers print. Held at the
hub (claim_rule, `claim_named_wrong` judging against the pack in force at the hub only), they
stop real payments until the county accepts each by hand.

REVIEW (review2): both tests reproduce a fault found in review and are marked xfail (strict):
they pass, and must have the mark taken off, once the hub accepts a claim citing its rule as
a pack the county published before cited it."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.demo.generator import build_demo
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.policy.combine import combine
from fieldapp.policy.eligibility import Status, claim_named_wrong, rule_as_judged
from fieldapp.policy.guard import LimitExceeded
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.policy.helpers import EXTENDED_PACK

VILLAGE = "520502010001"
FIGURES = ["transport_cross_county=400", "transport_cross_province_lifted=500"]


def combined(county: str) -> Policy:
    """The province's packs and `county`, as a device holds them."""
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(county, "county.toml"))])


def _edit(hub_dir: Path, document: str, day: str) -> None:
    assert cli(["hub", "policy", "edit", "--dir", str(hub_dir),
                *[a for f in FIGURES for a in ("--figure", f)],
                "--document", document, "--document-date", day,
                "--authority", "七星关区人力资源和社会保障局"]) == 0  # fmt: skip


@pytest.mark.xfail(strict=True, reason="claim_named_wrong judges against the hub's pack only")
def test_claims_made_under_the_pack_the_village_holds_are_not_held(tmp_path: Path):
    hub_dir = tmp_path / "hub"
    Hub.init(hub_dir, "培训中心", training=True).close()
    _edit(hub_dir, "毕七人社通〔2026〕9号", "2026-11-20")
    hub = Hub.open(hub_dir)
    village = Ledger.open(tmp_path / "v.db", author="大坝村专员")
    try:
        build_demo(village, 120, seed=5, area=VILLAGE)
        hub.enroll("大坝村专员", VILLAGE, tmp_path / "v.enrol", Role.COORDINATOR,
                   code=ENROL_CODE, by="县里的科员")  # fmt: skip
        enrol(village, tmp_path / "v.enrol", code=ENROL_CODE)
        hub.import_file(export_bundle(village, tmp_path / "v0.fs").path)
        import_bundle(village, hub.export_for("大坝村专员", tmp_path / "v0a.fs").path)
        hub.close()
        # The county's notice for the new year: the same figures, a new document.
        _edit(hub_dir, "毕七人社通〔2026〕15号", "2026-12-01")
        hub = Hub.open(hub_dir)
        # The village, not yet synced, claims and submits under the pack it holds.
        policy = load_policy(village).policy
        service = ClaimService(village, policy)
        made = []
        for result in service.eligibility.for_all(dt.date.today()):
            if result.status is not Status.ELIGIBLE or not result.rule_id.startswith("transport"):
                continue
            try:
                claim = service.create(
                    result.id_number,
                    result.rule_id,
                    evidence_collected=policy.rule(result.rule_id).evidence,
                )
            except LimitExceeded:
                continue
            service.advance(claim.id, ClaimState.SUBMITTED)
            made.append(claim.id)
        assert made
        hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
        held = [(h.rule, h.reason) for h in hub.rejected()]
        assert held == [], held[:3]
    finally:
        village.close()
        hub.close()


@pytest.mark.xfail(strict=True, reason="claim_named_wrong judges against the hub's pack only")
def test_a_post_month_claimed_under_the_last_extension_is_not_wrong():
    """The post subsidy extended to 2027-12-31 on 七人社通〔2026〕3号; in 2027 the county extends it
    to 2028-12-31 on a new notice (the editor replaces the extension). March 2027, claimed on a
    laptop still holding the first extension, cites it: judged by the second, it is not wrong."""
    again = (
        EXTENDED_PACK.replace('version = "2026.1"', 'version = "2027.1"')
        .replace(
            'valid_to = 2027-12-31\ndocument = "七人社通〔2026〕3号"',
            'valid_to = 2028-12-31\ndocument = "七人社通〔2027〕2号"',
        )
        .replace(
            "[lines]",
            '[[documents]]\nnumber = "七人社通〔2027〕2号"\ntitle = "关于继续延续执行的通知"\n'
            'issuer = "七星关区人力资源和社会保障局"\ndate = 2027-06-05\n\n[lines]',
        )
    )
    held, now = combined(EXTENDED_PACK), combined(again)
    on = dt.date(2027, 3, 5)
    rule = held.rule("welfare_post_subsidy")
    post = {"person_id": "p1", "person_name": "王小明", "rule_id": rule.id,
            "claim_date": on.isoformat(), "rule_title": rule.title,
            "source_clause": rule_as_judged(rule, on, None).citation}  # fmt: skip
    assert claim_named_wrong(held, post) is None
    assert claim_named_wrong(now, post) is None
