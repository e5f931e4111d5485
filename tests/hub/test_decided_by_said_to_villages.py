"""A held change decided on a hub without users is reported to its village as decided by
汇总中心的电脑账户, not by the hub computer's login name (电脑账户 root): the county's own
listing (`hub rejected`, its desktop) keeps the account, a village learns no login of the hub."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.roles import HUB_ACCOUNT_SAID
from fieldapp.hub.folder import Hub
from fieldapp.sync import rejected
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.sync.hostile import forge

VILLAGE, ELSEWHERE = "520502101001", "520502101002"


def test_the_village_reads_the_hub_account_not_its_login(
    hub: Hub, make_device, tmp_path: Path
) -> None:
    village = make_device("红星村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    forge(village, "households", "h-far", {"area_code": ELSEWHERE, "address": "四组"})
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path)
    first, second = sorted(h.id for h in hub.rejected())
    hub.dismiss(first, "电脑账户 root", "地址不对")
    hub.accept(second, "张科员", "核实无误")
    assert {h.decided_by for h in hub.rejected()} == {"电脑账户 root", "张科员"}  # the hub's own

    import_bundle(village, hub.export_for("红星村", tmp_path / "down.fieldsync").path)
    items = {item["decision"]: item for item in rejected.rejected_changes(village)}
    assert items["地址不对"]["decided_by"] == HUB_ACCOUNT_SAID
    assert items["核实无误"]["decided_by"] == "张科员"  # a person's name as it is
    told = rejected.describe(items["地址不对"])
    assert "root" not in told and told.endswith("县里不予采纳：地址不对"), told  # says no one
    stored = village.db.execute("SELECT decided_by FROM sync_rejected").fetchall()
    assert all("root" not in str(by) for (by,) in stored), stored
