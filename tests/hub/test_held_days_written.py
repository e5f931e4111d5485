"""A held change's day or month read as the database keeps it: the county desktop's review
said “王1的补贴申领（金额为“50000”，申领日期为“2026-10-03”…）” and “月度状态（月份为
“2026-11”…）” (seen on a county device's 同步 page). Both lists — the county's (`hub
rejected`, the desktop's review) and the village's (`sync status`, the sync page) — now say a
day as a paper writes it, 2026年10月3日, a month 2026年11月; a note someone wrote stays as
written."""

from __future__ import annotations

import pytest

from fieldapp.hub import server as service
from fieldapp.store.ledger import natural_id
from fieldapp.sync import rejected
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.helpers import add_family
from tests.sync.hostile import forge


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_held_changes_days_are_said_as_written(hub, make_device, tmp_path):
    village = make_device("红星村", "520502101001")
    _, (person,) = add_family(village, "520502101001", ["101"])
    claim = natural_id("claims", "paid", person)
    forge(village, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                     "amount": 50000.0, "claim_date": "2026-10-03",
                                     "missing_evidence_reason": "2026-10-03",
                                     "applied_on": "2026-02-30"})  # fmt: skip
    # (a month of a person the hub never received: held)
    stranger = natural_id("persons", "never sent", "1")
    status = natural_id("monthly_status", stranger, "2026-11")
    forge(village, "monthly_status", status, {"person_id": stranger, "month": "2026-11",
                                              "status": "已就业"})  # fmt: skip
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    items = {str(i["table"]): str(i["content"]) for i in service.held_items(hub, hub.rejected())}
    assert "申领日期为“2026年10月3日”" in items["claims"], items
    assert "缺件原因为“2026-10-03”" in items["claims"], items  # what someone wrote, as written
    assert "申请日期为“2026-02-30”" in items["claims"], items  # no such day: as it came
    assert "月份为“2026年11月”" in items["monthly_status"], items

    answer = hub.export_for("红星村", tmp_path / "answer.fieldsync")
    import_bundle(village, answer.path)
    lines = {str(i["table"]): rejected.describe(i) for i in rejected.rejected_changes(village)}
    assert "申领日期为“2026年10月3日”" in lines["claims"], lines
    assert "月份为“2026年11月”" in lines["monthly_status"], lines
