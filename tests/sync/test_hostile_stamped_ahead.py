"""A change of any table stamped far ahead of every clock. Changes of one field made without
seeing each other are settled by their stamps (the later wins), a row's 创建时间 / 修改时间 are
its changes' stamps, and the 月报 counts a claim's steps by their stamps' days. A clock follows
a stamp only up to a day ahead of its own (`hlc.followed`), so a tampered 红星村 program that
stamped its changes a month ahead won every edit the village's second laptop made of the same
fields until then, showed next month as their 修改时间, and counted a claim's 已提交 step in next
month's 月报. Now the hub holds any such change (`stamped_ahead`; a new claim or batch keeps
its own wording, `numbered_ahead`); within the day it lands. A laptop whose date was set a
month ahead by mistake sends such changes honestly: they are held, the village is told why, and
the county may accept each, which makes it the county's change of now."""

from __future__ import annotations

import datetime as dt
import json
import time

from fieldapp.cli.main import main as cli
from fieldapp.domain.dates import CHINA, today
from fieldapp.store.hlc import MAX_DRIFT_MS, HybridClock, format_stamp
from tests.helpers.hostile_county import claim
from tests.helpers.stamps import DAY_MS, _month_ahead
from tests.sync.hostile import forge


def _within(shown: str, ahead: dt.timedelta) -> bool:
    """True when a row's 创建时间 / 修改时间 (China time with its zone, as `hlc.stamp_to_iso`
    writes it; one with none is this computer's) is no further ahead of now than `ahead`."""
    return dt.datetime.fromisoformat(shown).astimezone() <= dt.datetime.now().astimezone() + ahead


def test_changes_of_any_table_stamped_a_month_ahead_are_held(county, hub):  # noqa: F811
    village, second, mine = county["village"], county["second"], county["mine"]
    with village.transaction():
        made = village.insert("claims", claim(mine))
    village.update("claims", made, {"state": "已提交"})
    heads = village.heads("persons", mine)
    phone = forge(village, "persons", mine, {"phone": "13500000000"},
                  parents={"phone": heads["phone"]}, hlc=_month_ahead())  # fmt: skip
    visit = forge(village, "visits", "ahead-visit",
                  {"household_id": village.get("persons", mine)["household_id"],
                   "person_id": mine, "visit_date": str(today()), "notes": "走访"},
                  hlc=_month_ahead())  # fmt: skip
    step = forge(village, "claim_events", "ahead-step",
                 {"claim_id": made, "from_state": "草稿", "to_state": "已提交"},
                 hlc=_month_ahead())  # fmt: skip
    near = format_stamp(int(time.time() * 1000) + MAX_DRIFT_MS // 2, 0)
    fine = forge(village, "persons", mine, {"notes": "快半天"},
                 parents={"notes": heads["notes"]}, hlc=near)  # fmt: skip
    county["exchange"](village, "红星村")
    held = {h.change_id: h for h in hub.rejected()}
    assert {i: held[i].rule for i in held} == dict.fromkeys(
        (phone.id, visit.id, step.id), "stamped_ahead"
    ), [(h.rule, h.reason) for h in held.values()]
    coming = dt.datetime.now(CHINA) + dt.timedelta(days=30)
    said = held[phone.id].reason
    assert f"{coming:%Y-%m-%d}" in said and "快了一天以上" in said and "月报" not in said, said
    said = held[step.id].reason
    assert f"{coming.year}年{coming.month}月的月报" in said, said
    assert hub.ledger.get("visits", "ahead-visit") is None
    assert hub.ledger.get("claims", made)["state"] == "已提交"
    row = hub.ledger.get("persons", mine)
    assert row["phone"] != "13500000000" and row["notes"] == "快半天"
    assert fine.id not in held
    # The second laptop's edit of the phone, made before it could see the forged one (which,
    # taken, would have won it by its stamp), is the phone.
    second.update("persons", mine, {"phone": "13400000000"})
    county["exchange"](second, "红星村二号")
    assert not [h for h in hub.rejected() if h.device == "红星村二号"]
    row = hub.ledger.get("persons", mine)
    assert row["phone"] == "13400000000" and _within(row["updated_at"], dt.timedelta(days=1)), row


def test_a_laptop_a_month_ahead_is_held_and_the_county_accepts_it_as_of_now(
    county,  # noqa: F811
    hub,
    capsys,
):
    village, second, mine = county["village"], county["second"], county["mine"]
    village.clock = HybridClock(
        village.clock.last, now_ms=lambda: int(time.time() * 1000) + 30 * DAY_MS
    )
    change = village.update("persons", mine, {"notes": "外出务工"})
    assert change is not None
    county["exchange"](village, "红星村")
    (held,) = hub.rejected()
    assert held.change_id == change.id and held.rule == "stamped_ahead", held.reason
    assert hub.ledger.get("persons", mine)["notes"] != "外出务工"
    # The village is told why, and keeps its own value meanwhile.
    assert cli(["--db", village.path, "sync", "status", "--json"]) == 0
    (told,) = json.loads(capsys.readouterr().out)["rejected"]
    assert told["rule"] == "stamped_ahead" and "日期和时间" in told["reason"]
    assert village.get("persons", mine)["notes"] == "外出务工"
    # The county accepts it: the county's change of now, not of next month.
    hub.accept(held.id, "县人社局")
    row = hub.ledger.get("persons", mine)
    assert row["notes"] == "外出务工" and _within(row["updated_at"], dt.timedelta(minutes=5)), row
    assert row["updated_by"].startswith("县人社局（接受"), row
    assert row["updated_device"] == hub.ledger.device_id
    # It reaches the other laptop, whose later edit wins as any later edit does.
    county["exchange"](second, "红星村二号")
    assert second.get("persons", mine)["notes"] == "外出务工"
    second.update("persons", mine, {"notes": "已返乡"})
    county["exchange"](second, "红星村二号")
    assert hub.ledger.get("persons", mine)["notes"] == "已返乡"
    assert not [h for h in hub.rejected() if h.device == "红星村二号"]
    # Its date corrected, the laptop's ledger clock does not go back (it only moves on): until
    # it comes within a day of the day it had reached, each change it sends is held the same.
    village.clock = HybridClock(village.clock.last)
    county["exchange"](village, "红星村")
    again = village.update("persons", mine, {"phone": "13600000000"})
    assert again is not None
    county["exchange"](village, "红星村")
    assert {h.change_id: h.rule for h in hub.rejected() if h.status == "held"} == {
        again.id: "stamped_ahead"
    }
