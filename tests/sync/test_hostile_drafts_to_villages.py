"""The county's policy drafts (`policy_drafts`: an edition the county office wrote in its
policy editor, the note it gave, and the hub's answer — signed as which edition, or refused and
why) were a county-wide table, sent whole to every device: each village and township laptop
held the county's unpublished figures (a raise the county is still weighing, an edition the hub
refused) and its clerks' notes, and a village coordinator was told of the county's refused
editions (“请在设置 → 政策包 → 县级政策编辑中改正后重新提交”, a page that device has not).
Only what the hub published (`policy_packs`, signed) is every device's; the drafts and their
answers now go to county devices only."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.roles import Role
from fieldapp.services.policy_admin import adopt_hub_packs, publish, submit_draft
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.policy.helpers import COUNTY_PACK

VILLAGE = "520502101001"
#: An edition the county weighs: the post subsidy at 900 元/月, with a note for the hub.
WEIGHED = COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"').replace(
    "figure = 600", "figure = 900"
)


def test_a_village_device_is_sent_no_county_draft(hub, make_device, tmp_path: Path) -> None:
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    village = make_device("红星村", VILLAGE)
    hub.enroll(
        "县人社局", "520502", tmp_path / "county.enrol", role=Role.COUNTY, code=ENROL_CODE,
        by="县里的科员",
    )  # fmt: skip
    county = Ledger.open(tmp_path / "county.db", author="县人社局员")
    try:
        enrol(county, tmp_path / "county.enrol", code=ENROL_CODE)
        # One the hub signs (a later edition) and one it refuses (2026.1 is published already).
        submit_draft(county, WEIGHED, note="待局长会议定：岗位补贴提到 900 元")
        submit_draft(county, COUNTY_PACK.replace("figure = 600", "figure = 650"))
        hub.import_file(export_bundle(county, tmp_path / "c1.fs").path)
        states = sorted(d["status"] for d in policy_packs.drafts(hub.ledger.db))
        assert states == sorted([policy_packs.PUBLISHED, policy_packs.REFUSED]), states
        # The county's laptop hears what became of its drafts, as before.
        import_bundle(county, hub.export_for("县人社局", tmp_path / "c2.fs").path)
        told = {d["version"]: d["status"] for d in policy_packs.drafts(county.db)}
        assert told == {"2026.2": policy_packs.PUBLISHED, "2026.1": policy_packs.REFUSED}
        # The village's laptop: the published edition, no draft, no note, no refusal told.
        import_bundle(village, hub.export_for("红星村", tmp_path / "v1.fs").path)
        assert policy_packs.drafts(village.db) == []
        held = village.db.execute("SELECT count(*) FROM policy_drafts").fetchone()[0]
        assert held == 0
        adopted = adopt_hub_packs(village)
        assert not any("未签发" in str(s) for s in adopted.warnings), adopted.warnings
        assert adopted.policy.rule("welfare_post_subsidy").amount.value == 900
        # A later change of a draft (the county deletes its refused one) reaches no village.
        (refused,) = policy_packs.drafts(county.db, policy_packs.REFUSED)
        with county.transaction():
            county.delete(policy_packs.DRAFTS, str(refused["id"]))
        hub.import_file(export_bundle(county, tmp_path / "c3.fs").path)
        import_bundle(village, hub.export_for("红星村", tmp_path / "v2.fs").path)
        held = village.db.execute("SELECT count(*) FROM policy_drafts").fetchone()[0]
        assert held == 0
        sent = village.db.execute(
            "SELECT count(*) FROM changes WHERE tbl = 'policy_drafts'"
        ).fetchone()[0]
        assert sent == 0
    finally:
        county.close()


def test_a_village_holding_a_draft_from_an_older_hub_is_not_told_of_it(
    hub, make_device, tmp_path: Path
) -> None:
    """A draft an older hub sent every device, refused: a village device does not tell its
    coordinator to put the county's edition right in an editor it has not."""
    village = make_device("红星村", VILLAGE)
    fields = {
        "text": WEIGHED,
        "note": "",
        "status": policy_packs.REFUSED,
        "status_note": "版本号已发布",
        "pack_id": "qixingguan",
        "version": "2026.2",
    }
    with village.transaction():
        village.insert(policy_packs.DRAFTS, fields)
    adopted = adopt_hub_packs(village)
    assert not any("未签发" in str(s) for s in adopted.warnings), adopted.warnings
