"""County policy packs on both hub backends (SQLite and PostgreSQL): published and signed on the
hub, carried to a device in its answer, and a county device's draft published on import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.services.policy_admin import (
    adopt_hub_packs,
    load_policy,
    publish,
    published,
    submit_draft,
)
from fieldapp.store import policy_packs
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.codes import ENROL_CODE
from tests.policy.helpers import COUNTY_PACK


def test_pack_published_and_carried_to_a_device(
    hub: Hub, make_device: Callable[..., Ledger], tmp_path: Path
) -> None:
    device = make_device("红星村")
    record = publish(hub.ledger, COUNTY_PACK, "county.toml")
    assert [p.version for p in published(hub.ledger)] == [record.version] == ["2026.1"]
    answer = hub.export_for("红星村", tmp_path / "answer.fieldsync")
    import_bundle(device, answer.path)
    adopted = adopt_hub_packs(device)
    assert adopted.changed and adopted.message.startswith("政策包已更新：")
    assert adopted.message == "\n".join(str(s) for s in adopted.said)  # one line a sentence
    assert load_policy(device).policy.rule("transport_cross_county").amount.value == 500


def test_county_draft_published_on_import(hub: Hub, tmp_path: Path) -> None:
    hub.enroll(
        "县人社局",
        "520502",
        tmp_path / "county.enrol",
        role=Role.COUNTY,
        code=ENROL_CODE,
        by="县里的科员",
    )
    county = Ledger.open(tmp_path / "county.db", author="县人社局员")
    enrol(county, tmp_path / "county.enrol", code=ENROL_CODE)
    submit_draft(county, COUNTY_PACK)
    hub.import_file(export_bundle(county, tmp_path / "up.fieldsync").path)
    (draft,) = policy_packs.drafts(hub.ledger.db)
    assert draft["status"] == policy_packs.PUBLISHED, draft["status_note"]
    assert [p.version for p in published(hub.ledger)] == ["2026.1"]
    county.close()
