"""The village posts the 公示 for its own claims after the township batches them.

The township batches the claims of two villages under its own area code. Each village device
then receives the batch (read-only) with the hub's answer, lists it by its name, and prints the
public notice of its own claims in it, while nothing of the other village reaches it. A village
that forges a change to the batch is held at the hub, and its own write door refuses it before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.domain.claims import Batch
from fieldapp.hub.folder import Hub
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import Ledger
from tests.helpers.three_devices import County
from tests.helpers.two_villages import (
    DABA,
    QIAN,
    RULE,
    TOWNSHIP,
    WANG,
    ZHAO,
    township_batch,
    two_villages,
)
from tests.paperwork.pdftext import page_texts
from tests.sync.hostile import forge


def _people_on(db: Path) -> set[str]:
    """Every ID number and name in the persons table of a device's ledger file."""
    ledger = Ledger.open(db)
    try:
        rows = ledger.db.execute("SELECT name, id_number FROM persons").fetchall()
        logged = ledger.db.execute("SELECT data FROM changes").fetchall()
    finally:
        ledger.close()
    return {v for r in rows for v in r} | {"\n".join(r[0] for r in logged)}


@pytest.fixture
def county(tmp_path, capsys) -> County:
    return two_villages(tmp_path, capsys)


def _refused_then_held(
    county: County, model: type, row: str, data: dict, forged: dict | None = None
) -> str:
    """大坝村's write door refuses `data` on `row`; a tampered program writes it (or `forged`)
    all the same and syncs: the hub holds that one change. Returns the rule it was held under."""
    village = Ledger.open(county.db("d"))
    try:
        with pytest.raises(TrustRefused), writing(village, actor_of(village)) as writer:
            writer.update(model, row, data)
        forge(village, model.TABLE, row, forged or data)
    finally:
        village.close()
    county.sync("d", held=1)
    hub = Hub.open(county.hub_dir)
    try:
        (held,) = hub.rejected()
        assert held.change.tbl == model.TABLE
        return held.rule
    finally:
        hub.close()


def test_a_village_prints_the_notice_of_its_own_claims_in_the_townships_batch(county, tmp_path):
    batch, daba, xiaohe = township_batch(county)
    listed = county.run("batch", "list", db="d")
    # Listed for the clerk by its 批次编号 (as its papers print it), not its id.
    number = json.loads(county.run("batch", "show", batch, "--json", db="d"))["number"]
    assert listed.startswith(f"{number}\t") and batch not in listed, listed
    assert "碧阳街道2026年第一批交通补助" in listed, listed
    claims = json.loads(county.run("claim", "list", "--json", db="d").split("\n提示")[0])
    assert {c["id"] for c in claims} == set(daba)
    assert {c["batch_id"] for c in claims} == {batch}
    # The claim list says which batch by its name.
    assert "碧阳街道2026年第一批交通补助" in county.run("claim", "list", db="d")

    # The county approves the batch's claims: their changes come back to each village, never
    # the other village's claim with them.
    for claim in daba + xiaohe:
        county.advance("c", claim, "县审批")
    county.sync("c", "d", "x")
    assert set(county.claims("d").values()) == {"县审批"}

    pdf = tmp_path / "大坝村公示.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="d")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "王五" in text and "赵六" in text and "钱七" not in text, text
    assert WANG not in text and "520502********1518" in text
    # Posted in the village, under the village's name: 2 people, not the township's 3.
    assert "地区：碧阳街道 大坝村" in text and "公示单位（盖章）：碧阳街道 大坝村" in text, text
    assert "以下 2 名人员" in text and "拟发放补贴合计\n200.00 元" in text, text
    # Nothing of 小河村's person reached 大坝村's device, and the other way round.
    assert not any("钱七" in v or QIAN in v for v in _people_on(county.db("d")))
    assert not any("王五" in v or WANG in v for v in _people_on(county.db("x")))

    # The township's own notice of the batch still lists all three, under the township.
    pdf = tmp_path / "碧阳街道公示.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="t")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "以下 3 名人员" in text and "公示单位（盖章）：碧阳街道\n" in text, text

    pdf = tmp_path / "小河村公示.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="x")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "钱七" in text and "王五" not in text and "赵六" not in text, text

    # A later change of the batch at the township reaches the villages in the next answer.
    township = Ledger.open(county.db("t"))
    try:
        with writing(township, actor_of(township)) as writer:
            writer.update(Batch, batch, {"title": "碧阳街道2026年第一批交通补助（更正）"})
    finally:
        township.close()
    county.sync("t", "d")
    assert "（更正）" in county.run("batch", "list", db="d")


def test_a_villages_notice_of_a_township_batch_states_no_count_of_the_township(county, tmp_path):
    """The township's batch of 3 claims, named as `batch create` names it: 小河村 prints the
    notice of its 1 person. The batch's name at the foot said （3人） above that 1 person; now
    the name says no count, and the notice says the 1 it lists."""
    batch, _daba, _xiaohe = township_batch(county, title="")
    pdf = tmp_path / "小河村公示.pdf"
    county.run("print", "notice", "--batch", batch, "--out", str(pdf), db="x")
    text = "\n".join(page_texts(pdf.read_bytes()))
    assert "钱七" in text and "以下 1 名人员" in text, text
    assert "3人" not in text and "3 人" not in text, text


def test_a_village_cannot_change_the_townships_batch_it_received(county):
    batch, _daba, _xiaohe = township_batch(county)
    # A tampered program writes it all the same (and pulls the batch into its village).
    forged = {"title": "大坝村自改", "area_code": DABA}
    assert _refused_then_held(county, Batch, batch, {"title": "大坝村自改"}, forged) == "scope"
    listed = county.run("hub", "rejected", "--dir", str(county.hub_dir))
    # The county's clerk reads which batch by its name, not its id.
    assert "申领批次“碧阳街道2026年第一批交通补助”" in listed and batch[:8] not in listed, listed
    county.sync("t", "x", "c", held=1)
    for stem in ("t", "x", "c"):
        listed = county.run("batch", "list", db=stem)
        assert "大坝村自改" not in listed and "碧阳街道2026年第一批交通补助" in listed, stem


def test_a_village_cannot_change_the_countys_batch_made_for_no_one_area(county):
    """A batch the county made without naming an area reaches the village too, read-only."""
    claim = county.create("d", WANG, RULE)
    county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    county.advance("t", claim, "乡镇审核")
    county.sync("t", "c")
    county.advance("c", claim, "县审批")
    out = county.run("batch", "create", "--rule", RULE, "--title", "全县第一批", db="c")
    batch = out.split("提示")[0].split()[-1]
    county.sync("c", "d")
    assert "全县第一批" in county.run("batch", "list", db="d")
    _refused_then_held(county, Batch, batch, {"title": "大坝村自改"})
    county.sync("c", held=1)
    assert "大坝村自改" not in county.run("batch", "list", db="c")


def test_a_village_cannot_slip_its_unreviewed_claim_into_the_townships_batch(county):
    """The batch now reaches the village, id and all. A tampered village program puts a claim
    the township never reviewed into the township's batch — onto the roster the county pays
    from (虚报冒领). Its own write door refuses it; the hub holds the forged change, and the
    township's batch keeps only the claims it batched."""
    from fieldapp.domain.claims import Claim

    wang = county.create("d", WANG, RULE)
    zhao = county.create("d", ZHAO, RULE)
    for claim in (wang, zhao):
        county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    county.advance("t", wang, "乡镇审核")  # 赵六's claim is not reviewed by the township
    out = county.run("batch", "create", "--rule", RULE, "--area", TOWNSHIP, "--state", "乡镇审核",
                     "--title", "碧阳街道第二批", db="t")  # fmt: skip
    batch = out.split("提示")[0].split()[-1]
    county.sync("t", "d")
    assert county.claims("d") and "碧阳街道第二批" in county.run("batch", "list", db="d")
    assert _refused_then_held(county, Claim, zhao, {"batch_id": batch}) == "link_scope"
    county.sync("t", "c", held=1)
    for stem in ("t", "c"):
        listed = json.loads(county.run("claim", "list", "--json", db=stem).split("\n提示")[0])
        in_batch = {c["id"] for c in listed if c["batch_id"] == batch}
        assert in_batch == {wang}, stem


def test_the_hubs_refusals_name_the_areas_it_knows(county):
    """`hub rejected` read 这条申领批次属于区域 520502010，不在大坝村（村/安置点专员，区域
    520502010001）负责的范围内 — codes where the hub's ledger has the areas' names, while the
    device's own door names them; the hub now says 碧阳街道 and 大坝村 (a code only, in
    brackets, for an area it does not know)."""
    batch, _daba, _xiaohe = township_batch(county)
    forged = {"title": "大坝村自改", "area_code": DABA}
    _refused_then_held(county, Batch, batch, {"title": "大坝村自改"}, forged)
    listed = county.run("hub", "rejected", "--dir", str(county.hub_dir))
    assert TOWNSHIP not in listed and DABA not in listed, listed
    assert "所在区域为“" in listed and "大坝村”，名称为" in listed, (
        listed
    )  # the area it sets, by name
    reason = listed.split("原因：", 1)[1]
    assert "碧阳街道" in reason and "大坝村" in reason, listed
    shown = json.loads(county.run("hub", "rejected", "--dir", str(county.hub_dir), "--json"))
    assert TOWNSHIP not in shown[0]["reason"] and DABA not in shown[0]["reason"], shown
