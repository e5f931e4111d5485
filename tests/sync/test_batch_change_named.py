"""A refusal of a change to a batch — its rule, source or area changed once the township (the
county) passed a claim in it, a claim put into the township's batch — names the batch. It
quoted the stored title, which for a batch made before b68d5944 still carries the head count
it was made with (大坝村第一批（2人）), a count gone stale as the papers' now is not said: it
names the batch as the papers and lists do (`Batch.name`), at the village's write door, in
the reason the hub holds the change with, and where the hub's list of held changes names what
a change is about or the batch a claim is put into."""

from __future__ import annotations

import json

import pytest

from fieldapp.domain.claims import Batch, Claim
from fieldapp.hub.folder import Hub
from fieldapp.hub.rejected import describe, row_names, subject
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.ledger import Ledger
from tests.helpers.two_villages import DABA, RULE, WANG, ZHAO, two_villages
from tests.sync.hostile import forge

OLD_TITLE = "大坝村第一批（2人）"


@pytest.fixture
def county(tmp_path, capsys):
    return two_villages(tmp_path, capsys)


def _township_batch_titled_as_before(county) -> tuple[str, str]:
    """The township's batch for 大坝村 of 王五's claim (passed by the township), titled as a
    batch was titled when made before (its head count at the end); 赵六's claim left out."""
    wang = county.create("d", WANG, RULE)
    zhao = county.create("d", ZHAO, RULE)
    for claim in (wang, zhao):
        county.advance("d", claim, "已提交", "村审核")
    county.sync("d", "t")
    county.advance("t", wang, "乡镇审核")
    out = county.run("batch", "create", "--rule", RULE, "--area", DABA, "--state", "乡镇审核",
                     "--title", OLD_TITLE, db="t")  # fmt: skip
    batch = out.split("提示")[0].split()[-1]
    county.sync("t", "d")
    shown = json.loads(county.run("batch", "show", batch, "--json", db="d"))
    assert shown["title"] == OLD_TITLE  # stored as it was made
    return batch, zhao


def _refused_at_the_door_and_the_hub(county, model: type, row: str, data: dict) -> list[str]:
    """The village's write door's refusal of `data` on `row`, then the reason the hub holds
    it with when a tampered program writes it all the same, and the hub's list's words for
    what the held change is about and what it does."""
    village = Ledger.open(county.db("d"))
    try:
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update(model, row, data)
        forge(village, model.TABLE, row, data)
    finally:
        village.close()
    county.sync("d", held=1)
    hub = Hub.open(county.hub_dir)
    try:
        (held,) = hub.rejected()
        return [
            str(refused.value),
            held.reason,
            subject(hub, held),
            describe(held, rows=row_names(hub, [held])),
        ]
    finally:
        hub.close()


def test_a_change_to_an_old_batch_is_refused_naming_it_without_its_stale_count(county):
    batch, _zhao = _township_batch_titled_as_before(county)
    funded = {"funding_source": "衔接推进乡村振兴补助资金"}
    door, reason, about, _does = _refused_at_the_door_and_the_hub(county, Batch, batch, funded)
    for said in (door, reason):
        assert "批次“大坝村第一批”里" in said, said
        assert "人）" not in said.split("里", 1)[0], said
    assert about == "「大坝村第一批」"


def test_a_claim_put_into_an_old_batch_is_refused_naming_it_without_its_stale_count(county):
    batch, zhao = _township_batch_titled_as_before(county)
    *said, does = _refused_at_the_door_and_the_hub(county, Claim, zhao, {"batch_id": batch})
    for each in said[:2]:
        assert "批次“大坝村第一批”里" in each, each
    for each in (*said, does):
        assert "（2人）" not in each, each
    assert "批次为“大坝村第一批”" in does, does


def test_a_conflict_on_an_old_batch_names_it_without_its_stale_count(county):
    """The village's and the township's notes on the township's batch written at once: the
    conflict listed on the village's device is about the batch, named as its papers name it."""
    from fieldapp.sync.conflicts import list_conflicts

    batch, _zhao = _township_batch_titled_as_before(county)
    for stem, notes in (("d", "村里的备注"), ("t", "乡镇的备注")):
        ledger = Ledger.open(county.db(stem))
        try:
            ledger.update("batches", batch, {"notes": notes})
        finally:
            ledger.close()
    county.sync("t", "d")
    village = Ledger.open(county.db("d"))
    try:
        (conflict,) = list_conflicts(village)
        assert conflict.subject == "大坝村第一批", conflict
    finally:
        village.close()
