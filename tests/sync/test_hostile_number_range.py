"""A number the store cannot hold, or holds as no number: a bundle's JSON may say `Infinity`
(Python's and pydantic's readers take it), and an integer of any length. A forged job with a
月收入 of Infinity passed the value check (inf equals itself), landed at the hub and went on to
every device of the village — a figure no report, sheet or PostgreSQL hub can use; a 合同月数
of 10³⁰ stopped the sender's whole bundle at the hub (数据包内容不合格：OverflowError), its
honest changes with it. Both are now held as malformed, quoting the value, and the bundle's
honest change lands; the write door refuses them too."""

from __future__ import annotations

import math

import pytest

from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.changelog import CHANGE_COLUMNS, Change
from tests.sync.helpers import job_of
from tests.sync.hostile import forge


def _logged(device, table: str, row_id: str, data: dict) -> Change:
    """A change logged as a tampered program logs it, without projecting it (the device's own
    tables cannot hold the value either)."""
    with device.transaction():
        change = Change(device.device_id, device.reserve_seqs(1), device.clock.now(),
                        device.recorded_author, table, row_id, data, None)  # fmt: skip
        device.db.execute(
            f"INSERT INTO changes ({CHANGE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", change.as_row()
        )
    return change


def test_an_endless_income_or_an_endless_count_is_held_and_the_bundle_lands(county, hub):  # noqa: F811
    village, second, mine = county["village"], county["second"], county["mine"]
    job = job_of(mine)
    forged = [
        forge(village, "employment_spells", job, {"monthly_income": math.inf}),
        forge(village, "employment_spells", job, {"monthly_income": -math.inf}),
        _logged(village, "employment_spells", job, {"contract_months": 10**30}),
    ]
    village.update("persons", mine, {"notes": "收入已核实"})
    county["exchange"](village, "红星村")
    held = {h.change_id: (h.rule, h.reason) for h in hub.rejected()}
    assert {held[c.id][0] for c in forged} == {"malformed"}, held
    assert "月收入「inf」不是能记下的数" in held[forged[0].id][1], held
    assert hub.ledger.get("persons", mine)["notes"] == "收入已核实"
    assert hub.ledger.get("employment_spells", job)["monthly_income"] != math.inf
    county["exchange"](second, "红星村二号")
    assert second.get("persons", mine)["notes"] == "收入已核实"
    assert second.get("employment_spells", job)["monthly_income"] != math.inf


def test_the_write_door_refuses_an_endless_income_or_count(county):  # noqa: F811
    village = county["village"]
    job = job_of(county["mine"])
    for data in ({"monthly_income": math.inf}, {"monthly_income": math.nan},
                 {"contract_months": 2**63}):  # fmt: skip
        with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
            w.update_row("employment_spells", job, data)
        assert refused.value.rule == "malformed", str(refused.value)
