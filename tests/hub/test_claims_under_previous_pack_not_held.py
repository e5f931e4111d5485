"""Honest claims made under the pack a village still holds are not held: the county publishes
its figures again under a new year's notice (the same amounts, a new document number), or
extends a subsidy once more on a new notice (the new extension replaces the last), and a village
that has not yet synced goes on claiming under the pack it holds — its claims cite the document
its papers print. They were held at the hub (claim_rule: `claim_named_wrong` judged by the pack
in force at the hub only), every one, stopping real payments until the county accepted each by
hand. A claim named, or paid from a fund, otherwise than the pack in force says is now judged
again by the pack it was made under (`pack_version`) when the county published that one. Shown
here with the figures restated (a village's transport claims, every one held before)."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

from fieldapp.cli.main import main as cli
from fieldapp.demo.generator import build_demo
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.policy.eligibility import Status
from fieldapp.policy.guard import LimitExceeded
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE

VILLAGE = "520502010001"
FIGURES = [
    "--figure",
    "transport_cross_county=400",
    "--figure",
    "transport_cross_province_lifted=500",
]
EXTENDED = ["--extend", "transport_cross_province_lifted=2026-12-31"]


def _edit(hub_dir: Path, document: str, day: str, changed: list[str]) -> None:
    assert cli(["hub", "policy", "edit", "--dir", str(hub_dir), *changed, "--document", document,
                "--document-date", day, "--authority", "七星关区人力资源和社会保障局"]) == 0  # fmt: skip


def test_claims_made_under_the_pack_the_village_holds_are_not_held(tmp_path: Path):
    hub_dir = tmp_path / "hub"
    Hub.init(hub_dir, "培训中心", training=True).close()
    _edit(hub_dir, "毕七人社通〔2026〕9号", "2026-01-05", FIGURES + EXTENDED)
    hub = Hub.open(hub_dir)
    village = Ledger.open(tmp_path / "v.db", author="大坝村专员")
    try:
        build_demo(village, 200, seed=5, area=VILLAGE)
        hub.enroll("大坝村专员", VILLAGE, tmp_path / "v.enrol", Role.COORDINATOR,
                   code=ENROL_CODE, by="县里的科员")  # fmt: skip
        enrol(village, tmp_path / "v.enrol", code=ENROL_CODE)
        hub.import_file(export_bundle(village, tmp_path / "v0.fs").path)
        import_bundle(village, hub.export_for("大坝村专员", tmp_path / "v0a.fs").path)
        hub.close()
        _edit(hub_dir, "毕七人社通〔2026〕15号", "2026-12-01", FIGURES)  # the county's new notice
        hub = Hub.open(hub_dir)
        # The village, not yet synced, claims and submits under the pack it holds.
        policy = load_policy(village).policy
        service = ClaimService(village, policy)
        made: collections.Counter[str] = collections.Counter()
        for result in service.eligibility.for_all(dt.date.today()):
            if result.status is not Status.ELIGIBLE or not result.rule_id.startswith("transport"):
                continue
            try:
                claim = service.create(result.id_number, result.rule_id,
                                       evidence_collected=policy.rule(result.rule_id).evidence)  # fmt: skip
            except LimitExceeded:
                continue
            service.advance(claim.id, ClaimState.SUBMITTED)
            made[claim.rule_id] += 1
        assert sum(n for r, n in made.items() if r == "transport_cross_county") >= 3, made
        hub.import_file(export_bundle(village, tmp_path / "v1.fs").path)
        held = [(h.rule, h.reason) for h in hub.rejected()]
        assert held == [], held[:3]
    finally:
        village.close()
        hub.close()
