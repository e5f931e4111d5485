"""A subsidy claim's whole path through enrolled devices and the county hub, on the command line
as the clerks type it: the village coordinator imports the village's sheet, creates claims with
their evidence, submits and reviews them; the township reviews (and rejects one with a reason);
the county approves, batches, prints the roster, the public notice and the forms, and marks the
claims paid; every change travels in bundles through the hub. At each step nothing legitimate is
held at the hub, every device shows the same states, each step is credited to its real user at
its device, and a second laptop of the same village claiming the same one-time subsidy offline
is caught at the hub, by name."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.helpers.three_devices import DEVICES, HEADERS, County
from tests.paperwork.pdftext import page_texts
from tests.tabular.sheets import write_xlsx

ZHANG = make_id("520502", "19750316", "131")
LI = make_id("520502", "19780520", "142")
WANG = make_id("520502", "19880101", "151")
ZHAO = make_id("520502", "19900202", "163")


def _sheet(path: Path) -> Path:
    began = (dt.date.today() - dt.timedelta(days=240)).isoformat()
    place = ["七星关区", "碧阳街道", "大坝村", "已就业", "单位就业"]

    def row(name, number, head, relation, category, where, account):  # noqa: ANN001, ANN202
        return [name, number, head, relation, "13912345678", category, *place, where,
                f"{where[:2]}某厂", "小微企业", began, 5000, 24, 6, "农业银行", account]  # fmt: skip

    return write_xlsx(
        path,
        HEADERS,
        [
            row("张三", ZHANG, ZHANG, "户主", "脱贫人口", "浙江省宁波市", "6228480012345678901"),
            row("李四", LI, ZHANG, "配偶", "脱贫人口", "广东省东莞市", "6228480012345678919"),
            row("王五", WANG, WANG, "户主", "", "江苏省苏州市", "6228480012345678927"),
            row("赵六", ZHAO, WANG, "子女", "", "上海市", "6228480012345678935"),
        ],
    )


def test_a_claim_goes_from_the_village_through_township_and_county_and_back(tmp_path, capsys):
    county = County(tmp_path, capsys)
    county.run("import", str(_sheet(tmp_path / "台账.xlsx")), db="v1")
    county.sync("v1", "v2", "t", "c")
    # The county sets the transport figure the province left to it, with its own document.
    county.run("hub", "policy", "edit", "--dir", str(county.hub_dir), "--figure",
               "transport_cross_county=400", "--document", "毕七人社通〔2026〕9号",
               "--document-date", "2026-11-20", "--authority", "七星关区人力资源和社会保障局")  # fmt: skip
    county.sync("v1", "v2", "t", "c")

    # The village: claims with evidence, submitted and reviewed at village level.
    zhang = county.create("v1", ZHANG, "absorb_lifted")
    li = county.create("v1", LI, "absorb_lifted")
    wang = county.create("v1", WANG, "transport_other_rural_cross_province")
    zhao = county.create("v1", ZHAO, "transport_other_rural_cross_province")
    mine = [zhang, li, wang, zhao]
    for claim in mine:
        county.advance("v1", claim, "已提交", "村审核")
    refused = county.run("claim", "advance", zhao, "--to", "乡镇审核", db="v1", code=1)
    assert "只有乡镇或县级设备" in refused
    county.sync("v1", "t")

    # The township reviews and rejects one with its reason.
    assert county.claims("t") == dict.fromkeys(mine, "村审核")
    for claim in (zhang, wang, zhao):
        county.advance("t", claim, "乡镇审核")
    county.advance("t", li, "驳回", reason="劳动合同不足1年，请补充")
    county.run("claim", "advance", zhao, "--to", "县审批", db="t", code=1)
    county.sync("t", "c")

    # The county approves, batches, prints the papers and pays.
    for claim in (zhang, wang, zhao):
        county.advance("c", claim, "县审批")
    out = county.run("batch", "create", "--rule", "transport_other_rural_cross_province", db="c")
    batch = out.split("提示")[0].split()[-1]
    papers = {}
    for paper in ("roster", "notice", "forms"):
        pdf = tmp_path / f"{paper}.pdf"
        county.run("print", paper, "--batch", batch, "--out", str(pdf), db="c")
        papers[paper] = "\n".join(page_texts(pdf.read_bytes()))
    for text in papers.values():
        assert "黔府发〔2023〕12号 附件2 第（四）条" in text
        assert "王五" in text and "赵六" in text and "李四" not in text
    assert "520502********1518" in papers["notice"] and WANG not in papers["notice"]
    assert "人民币贰佰元整" in papers["roster"] and "200.00" in papers["roster"]
    logged = county.run("print", "log", "--batch", batch, db="c")
    assert logged.count(f"{getpass.getuser()}@县人社局审批  ") == 3, logged
    for claim in (zhang, wang, zhao):
        county.advance("c", claim, "已发放")
    county.sync("c", "v1", "v2", "t")

    # Every device shows the same states; the village sees the township's reason.
    expected = {zhang: "已发放", li: "驳回", wang: "已发放", zhao: "已发放"}
    for stem in DEVICES:
        assert county.claims(stem) == expected, stem
    user = getpass.getuser()
    steps = {e["to_state"]: e for e in county.trail("v1", li) if e["from_state"] != e["to_state"]}
    assert steps["驳回"]["reason"] == "劳动合同不足1年，请补充"
    assert steps["驳回"]["created_by"] == f"{user}@碧阳街道审核"
    assert steps["村审核"]["created_by"] == f"{user}@大坝村专员"
    shown = county.run("claim", "show", li, db="v1") + logged
    assert f"{user}@碧阳街道审核  村审核 → 驳回（劳动合同不足1年，请补充）" in shown, shown
    for stem in DEVICES:  # the trail names who and where, never a device's internal id
        ledger = Ledger.open(county.db(stem))
        try:
            assert ledger.device_id not in shown, stem
        finally:
            ledger.close()
    paid = {e["to_state"]: e["created_by"] for e in county.trail("v2", wang)}
    assert paid["乡镇审核"] == f"{user}@碧阳街道审核"
    assert paid["县审批"] == paid["已发放"] == f"{user}@县人社局审批"

    # Two laptops of the village, offline, claim the same one-time subsidy for 张三.
    first = county.create("v1", ZHANG, "transport_cross_county")
    repeat = county.create("v2", ZHANG, "transport_cross_county")
    county.advance("v1", first, "已提交")
    county.advance("v2", repeat, "已提交")
    county.sync("v1", "v2")
    hub = Hub.open(county.hub_dir)
    try:
        (problem,) = hub.violations()
    finally:
        hub.close()
    assert problem["kind"] == "limit" and problem["rows"] == [first, repeat]
    message = str(problem["message"])
    assert "张三" in message and "一次性交通补助（跨县务工）" in message, message
    assert "大坝村专员" in message and "大坝村二号" in message, message
    assert "transport_cross_county" not in message and ZHANG not in message, message
    # Both claims said by the 申请编号 their 申请表 print (and every command takes), not the id.
    numbered = [county.shown("v2", claim)["number"] for claim in (first, repeat)]
    assert f"申领 {numbered[1]}（" in message and f"已有的申领 {numbered[0]}（" in message, message
    assert first not in message and repeat not in message, message
    # The county rejects the repeat; the hub's check is clear again and every device agrees.
    county.sync("c")
    county.advance("c", repeat, "驳回", reason="重复申领")
    county.sync("c", "v1", "v2", "t")
    assert "没有发现" in county.run("hub", "violations", "--dir", str(county.hub_dir))
    states = county.claims("c")
    assert (states[first], states[repeat]) == ("已提交", "驳回")
    for stem in DEVICES:
        assert county.claims(stem) == states, stem


def test_a_village_step_crossing_the_countys_rejection_is_held_explained_and_undone(
    tmp_path, capsys
):
    """The county rejects a submitted claim while the village, offline, reviews it: the hub
    keeps the county's 驳回 and holds the village's step; the village is told in plain Chinese
    (no field names of the program, no row ids), undoes it, and every device shows 驳回."""
    county = County(tmp_path, capsys)
    county.run("import", str(_sheet(tmp_path / "台账.xlsx")), db="v1")
    claim = county.create("v1", WANG, "transport_other_rural_cross_province")
    county.advance("v1", claim, "已提交")
    county.sync("v1", "c")
    county.advance("c", claim, "驳回", reason="县里抽查：单位未参保")
    county.advance("v1", claim, "村审核")  # offline, before the county's answer arrives
    county.sync("c")
    county.sync("v1", held=2)
    hub = Hub.open(county.hub_dir)
    try:
        held = {h.change.tbl: h.rule for h in hub.rejected()}
    finally:
        hub.close()
    assert held == {"claims": "claim_locked", "claim_events": held["claim_events"]}
    assert county.claims("c")[claim] == "驳回"
    status = county.run("sync", "status", db="v1")
    told = [line for line in status.splitlines() if "县里未接受的修改" in line]
    assert len(told) == 2, status
    for line in told:
        for word in ("claim_id", "from_state", "to_state", "detail", claim):
            assert word not in line, line
    assert any("村审核" in line and "驳回" in line for line in told), told
    # The two values of the claim's state meet on the village device: said in Chinese, once.
    conflicts = county.run("conflicts", db="v1")
    assert "补贴申领 王五  字段 状态" in conflicts, conflicts
    assert "claims" not in conflicts and "state" not in conflicts, conflicts
    assert "@大坝村专员@" not in conflicts and "@县人社局审批@" not in conflicts, conflicts
    listed = json.loads(county.run("sync", "status", "--json", db="v1").split("\n提示")[0])
    county.run("sync", "undo", *[str(r["id"]) for r in listed["rejected"]], db="v1")
    county.sync("v1", "c", held=2)  # still listed at the hub for the county's review
    assert county.claims("v1")[claim] == county.claims("c")[claim] == "驳回"
