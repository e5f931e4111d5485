"""Accepting a held claim judges it by the county's policy, as its arrival would have. A claim
is judged by the policy (its amount against the standard, a one-time subsidy claimed twice)
only once every other rule lets it in: a tampered 红星村 program sent a claim asking 99 999
元 with a 申请日期 before its 申领日期, held as `claim_made`. The clerk, reading only that
reason (a laptop's wrong date is common), accepted it: it landed at 99 999 元 as the county's
own, and the county's review steps that follow judge no amount. Now accepting says why it
cannot (its 申领 of 99999 元 above the 500 元 standard), and the clerk can only dismiss it; a claim within the standard is
accepted as before."""

from __future__ import annotations

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.hub import rejected
from fieldapp.sync.errors import SyncError
from tests.english import in_english
from tests.helpers.hostile_county import claim
from tests.sync.hostile import forge


def test_a_held_claim_asking_beyond_the_policy_cannot_be_accepted(county, hub, qapp):  # noqa: F811
    village, mine = county["village"], county["mine"]
    early = {"applied_on": "2026-06-01"}  # before its 申领日期 2026-06-05: claim_made
    greedy = forge(village, "claims", "greedy", claim(mine, amount=99999.0) | early)
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[greedy.id].rule == "claim_made", held[greedy.id].reason
    with pytest.raises(SyncError) as refused:
        hub.accept(held[greedy.id].id, "县人社局")
    said = str(refused.value)
    assert "99999" in said and "只能不予采纳" in said and "张0" in said, said
    # The policy's reason stays its sentence inside the refusal (said in English there).
    sentence = refused.value.said
    assert sentence is not None and sentence.template == rejected.CANNOT_ACCEPT, said
    why = sentence.parts[2]
    assert isinstance(why, Sentence), why
    from fieldapp.ui.held_words import sentence_shown

    with in_english():
        english = sentence_shown(why)
    # (the subsidy's name and the document's number are the county pack's, as written)
    assert "asks for 99999 yuan, above the policy's standard" in english, english
    assert "申领" not in english and "标准" not in english, english
    assert hub.ledger.get("claims", "greedy") is None
    assert {h.change_id: h.status for h in hub.rejected()}[greedy.id] == "held"


def test_a_held_claim_within_the_policy_is_accepted(county, hub):  # noqa: F811
    village, mine = county["village"], county["mine"]
    fair = forge(village, "claims", "fair", claim(mine) | {"applied_on": "2026-06-01"})
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert held[fair.id].rule == "claim_made", held[fair.id].reason
    hub.accept(held[fair.id].id, "县人社局")
    assert hub.ledger.get("claims", "fair")["amount"] == 500.0


def test_a_held_village_step_repeating_a_live_claim_cannot_be_accepted(county, hub):  # noqa: F811
    """A village's step passing a claim on is judged for repeats when it arrives; held for
    another reason (here its author), accepting it judged none: the policy asks the county's
    own steps no repeats, and accepting judged the step as the county's. A tampered 红星村
    program sent 张0's second transport claim's 村审核 under another name; the clerk accepted
    it and the repeat went on to the township. Now accepting judges it as its arrival would."""
    village, mine = county["village"], county["mine"]
    made = []
    for _ in range(2):
        with village.transaction():
            made.append(village.insert("claims", claim(mine)))
        village.update("claims", made[-1], {"state": "已提交"})
    county["exchange"](village, "红星村")
    first, again = made
    assert hub.rejected() == [] and hub.ledger.get("claims", again)["state"] == "已提交"

    def reviewed_as_another(claim_id: str) -> int:
        """The held id of the village's 村审核 of the claim, sent under another name."""
        step = forge(village, "claims", claim_id, {"state": "村审核"},
                     parents={"state": village.heads("claims", claim_id)["state"]},
                     author="县人社局局长")  # fmt: skip
        county["exchange"](village, "红星村")
        (held,) = [h for h in hub.rejected() if h.change_id == step.id]
        assert held.rule == "author", held.reason
        return held.id

    with pytest.raises(SyncError) as refused:
        hub.accept(reviewed_as_another(again), "县人社局")
    said = str(refused.value)
    assert "只能不予采纳" in said and "不能再往下审核" in said, said
    assert hub.ledger.get("claims", again)["state"] == "已提交"
    # The same step of a claim that repeats none is accepted.
    hub.accept(reviewed_as_another(first), "县人社局")
    assert hub.ledger.get("claims", first)["state"] == "村审核"
