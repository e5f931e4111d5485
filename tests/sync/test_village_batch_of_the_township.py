"""A batch the township (or the county) makes for one village (`batch create --area <村>`) is
the township's all the same: its 公示表 and the roster it sends on. The trust rules judged a
batch by its area, and the village's device holds its own area: a village could slip a claim
the township never reviewed into it (onto the roster the county pays from), or change or
delete it, as if it were its own. A batch made above the village stays the maker's."""

from __future__ import annotations

import json

import pytest

from fieldapp.domain.claims import Batch, Claim
from fieldapp.hub.folder import Hub
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import Ledger
from tests.helpers.two_villages import DABA, RULE, WANG, ZHAO, two_villages
from tests.sync.hostile import forge
from tests.sync.test_batch_reaches_village import _refused_then_held


@pytest.fixture
def county(tmp_path, capsys):
    return two_villages(tmp_path, capsys)


def _townships_batch_for_daba(county) -> tuple[str, str, str]:
    wang = county.create("d", WANG, RULE)
    zhao = county.create("d", ZHAO, RULE)
    for claim in (wang, zhao):
        county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    county.advance("t", wang, "乡镇审核")  # 赵六's claim is not reviewed by the township
    out = county.run("batch", "create", "--rule", RULE, "--area", DABA, "--state", "乡镇审核",
                     "--title", "大坝村第一批", db="t")  # fmt: skip
    batch = out.split("提示")[0].split()[-1]
    county.sync("t", "d")
    assert "大坝村第一批" in county.run("batch", "list", db="d")
    return batch, wang, zhao


def test_a_village_cannot_slip_its_unreviewed_claim_into_the_townships_batch_for_it(county):
    batch, wang, zhao = _townships_batch_for_daba(county)
    assert _refused_then_held(county, Claim, zhao, {"batch_id": batch}) == "claim_locked"
    county.sync("t", "c", held=1)
    for stem in ("t", "c"):
        listed = json.loads(county.run("claim", "list", "--json", db=stem).split("\n提示")[0])
        assert {c["id"] for c in listed if c["batch_id"] == batch} == {wang}, stem


def test_the_batch_is_read_once_not_its_claims_again_one_by_one(county, tmp_path):
    """The write door and the hub read the batch's claims whole to judge a village's link to
    it (`claims_batched`), then read each of them again by its id: none is read again. The
    refusal is as before, at both."""
    batch, wang, zhao = _townships_batch_for_daba(county)
    village = Ledger.open(county.db("d"))
    statements: list[str] = []
    try:
        village.db.conn.set_trace_callback(statements.append)
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update(Claim, zhao, {"batch_id": batch})
        village.db.conn.set_trace_callback(None)
        assert refused.value.rule == "claim_locked"
        assert any(batch in s and "claims" in s for s in statements)  # the batch's, whole
        assert [s for s in statements if wang in s] == []  # and the claim in it not again
        forge(village, Claim.TABLE, zhao, {"batch_id": batch})
    finally:
        village.close()
    bundle = tmp_path / "forged.fieldsync"
    county.run("sync", "export", "--out", str(bundle), db="d")
    hub = Hub.open(county.hub_dir)
    try:
        statements.clear()
        hub.ledger.db.conn.set_trace_callback(statements.append)
        hub.import_file(bundle)
        hub.ledger.db.conn.set_trace_callback(None)
        assert [held.rule for held in hub.rejected()] == ["claim_locked"]
        assert any(batch in s and "claims" in s for s in statements)
        assert [s for s in statements if wang in s] == []
    finally:
        hub.close()


def test_a_village_cannot_change_the_townships_batch_for_it(county):
    batch, _wang, _zhao = _townships_batch_for_daba(county)
    funded = {"funding_source": "衔接推进乡村振兴补助资金"}
    assert _refused_then_held(county, Batch, batch, funded) == "claim_locked"
    assert "大坝村第一批" in county.run("batch", "list", db="t")


def test_a_villages_own_batch_still_takes_what_the_township_passed_with_the_rest(county):
    """A village's own batch takes its claims from 已提交 on, a claim the township has passed
    unbatched among them: made by the honest program, it is not refused as the township's."""
    wang = county.create("d", WANG, RULE)
    zhao = county.create("d", ZHAO, RULE)
    for claim in (wang, zhao):
        county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    county.advance("t", wang, "乡镇审核")
    county.sync("t", "d")
    out = county.run("batch", "create", "--rule", RULE, "--title", "大坝村自编", db="d")
    batch = out.split("提示")[0].split()[-1]
    county.sync("d", "t")
    for stem in ("d", "t"):
        listed = json.loads(county.run("claim", "list", "--json", db=stem).split("\n提示")[0])
        assert {c["id"] for c in listed if c["batch_id"] == batch} == {wang, zhao}, stem
