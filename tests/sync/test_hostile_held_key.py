"""The county's acceptance of a held claim (batch) keeps the number its device printed: the
accepting change carries the key of the change the device made the row with (`held_key`), and
the row's 申请编号 (批次编号) is read from it (`test_accepted_keeps_number.py`). A tampered
program must not use that to take another claim's number: a change of its own carrying a key
is held (`held_key`), and cannot be accepted; a held change sent under another device's
change-log id is accepted with the county's own number, never that device's."""

from __future__ import annotations

import time

import pytest

from fieldapp.domain.numbers import device_part, row_number
from fieldapp.services.actor import actor_of
from fieldapp.services.trust_check import TrustRefused
from fieldapp.services.writer import writing
from fieldapp.store.hlc import parse_stamp
from fieldapp.store.ledger import natural_id
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.sync.errors import SyncError
from fieldapp.sync.exchange import export_bundle, import_bundle
from tests.helpers.stamps import _month_ahead
from tests.policy.helpers import HOME
from tests.sync.hostile import both_ways_judged, foreign, forge, send
from tests.sync.raised_figure import NEIGHBOUR, _copy, _december, village  # noqa: F401

pytestmark = pytest.mark.today("2027-03-01")


def _november(device, december_id: str) -> dict:
    row = _copy(device, december_id)
    return row | {"claim_date": "2026-11-30",
                  "limit_key": row["limit_key"].replace("2026-12", "2026-11")}  # fmt: skip


def test_a_claim_carrying_another_claims_key_is_held_and_cannot_be_accepted(village, hub):  # noqa: F811
    """赵六's December claim reaches the hub. The tampered program makes a November claim
    carrying December's creating key, and writes a key onto December itself: with either, the
    claim would print the number named by the key (December's, or any it likes). Both are
    held (`held_key`); the county cannot accept them, only dismiss; December keeps its number."""
    december = _december(village)
    village.exchange()
    made = hub.ledger.get("claims", december.id)["_ckey"]
    number = row_number(made)
    taking = forge(village, "claims", natural_id("claims", "forged", "nov"),
                   _november(village, december.id) | {"held_key": made})  # fmt: skip
    heads = village.heads("claims", december.id)
    moved = forge(village, "claims", december.id, {"held_key": "1/ABCDEF:1"},
                  parents={"held_key": heads["held_key"]} if heads["held_key"] else None)  # fmt: skip
    with both_ways_judged():
        village.exchange()
    held = {h.change_id: h for h in hub.rejected()}
    for change in (taking, moved):
        assert held[change.id].rule == "held_key", held[change.id].reason
        assert "申请编号" in held[change.id].reason
    assert hub.ledger.get("claims", taking.row_id) is None
    assert ClaimQueries(hub.ledger).by_number(number) == [december.id]
    for change in (taking, moved):
        with pytest.raises(SyncError) as refused:
            hub.accept(held[change.id].id, "县人社局")
        assert "不能接受" in str(refused.value) and "不予采纳" in str(refused.value)
    assert hub.ledger.get("claims", taking.row_id) is None
    assert hub.ledger.get("claims", december.id)["_ckey"] == made


def test_the_village_device_refuses_to_write_a_claims_kept_key(village):  # noqa: F811
    """The write door refuses the key on a claim, whoever writes it."""
    december = _december(village)
    with pytest.raises(TrustRefused) as refused, writing(village, actor_of(village)) as w:
        w.update_row("claims", december.id, {"held_key": "1/ABCDEF:1"})
    assert refused.value.rule == "held_key", str(refused.value)
    assert village.get("claims", december.id)["held_key"] is None


def test_a_held_claim_under_another_devices_id_is_accepted_with_the_countys_number(
    village,  # noqa: F811
    hub,
    make_device,
    tmp_path,
):
    """The tampered program sends a new claim under the change-log id of 红星村's second
    laptop, at the next number that laptop will use: held (another device's id). Were the
    county's acceptance to keep its key, the claim would print the number the second laptop's
    next claim (batch) prints. It is accepted under the county's own number; the second
    laptop's next row keeps its own, and each number finds one row."""
    second = make_device("红星村二号", HOME)
    import_bundle(second, hub.export_for("红星村二号", tmp_path / "first.fs").path)
    hub.import_file(export_bundle(second, tmp_path / "second.fs").path)
    december = _december(village)
    village.exchange()
    nxt = int(second.db.execute("SELECT max(seq) FROM changes WHERE device_id = ?",
                                [second.device_id]).fetchone()[0] or 0) + 1  # fmt: skip
    borrowed = foreign(second.device_id, nxt, "claims", natural_id("claims", "forged", "b"),
                       _november(village, december.id), author=village.recorded_author,
                       hlc=village.clock.now())  # fmt: skip
    hub.import_file(send(village, tmp_path / "forged.fs", [borrowed]).path)
    (held,) = [h for h in hub.rejected() if h.change_id == borrowed.id]
    hub.accept(held.id, "县人社局")
    landed = hub.ledger.get("claims", borrowed.row_id)
    assert landed is not None
    taken = row_number(landed["_ckey"])
    assert taken.startswith(device_part(hub.ledger.device_id))
    assert taken != f"{device_part(second.device_id)}-{nxt}"
    with second.transaction():
        batch = second.insert(
            "batches", {"rule_id": "welfare_post_subsidy", "area_code": HOME, "title": "二号"}
        )
    hub.import_file(export_bundle(second, tmp_path / "batch.fs").path)
    printed = row_number(second.get("batches", batch)["_ckey"])
    assert ClaimQueries(hub.ledger).by_number(printed) == [batch]


def test_a_claim_made_a_month_ahead_accepted_by_the_county_keeps_its_number(
    village,  # noqa: F811
    hub,
):
    """A tampered 红星村 program makes a November claim stamped a month ahead, keeping an honest
    申请日期 (applied_on): held (`numbered_ahead`), and the county accepts it. Were its
    acceptance to keep the month-ahead key as the row's creating key, every later step of the
    claim — the village's, the township's — would be stamped before it and held as
    `numbered_first` until that day (a 2100 stamp: for ever); taken as the county's change of
    now, the claim printed the county's number, and the form the village printed found
    nothing. It keeps the village's 申请编号 (its change id) at the county's stamp of now, and
    the village's next step lands."""
    december = _december(village)
    made = natural_id("claims", "forged", "ahead")
    forge(village, "claims", made, _november(village, december.id), hlc=_month_ahead())
    printed = row_number(village.get("claims", made)["_ckey"])
    village.exchange()
    (held,) = [h for h in hub.rejected() if h.change.row_id == made]
    assert held.rule == "numbered_ahead", held.reason
    # What the village is told is what happens: held for the county, and kept if accepted.
    assert "先扣下等县里核对" in held.reason and "保留原来的申请编号" in held.reason, held.reason
    assert "变成另一个" not in held.reason, held.reason
    hub.accept(held.id, "县人社局")
    key = hub.ledger.get("claims", made)["_ckey"]
    assert key.startswith(f"{int(key.split('-')[0]):013d}")
    assert int(key.split("-")[0]) < int(time.time() * 1000) + 3600 * 1000, key
    assert row_number(key) == printed, (key, printed)
    assert ClaimQueries(hub.ledger).by_number(printed) == [made]
    village.exchange()
    assert village.get("claims", made)["_ckey"] == key
    with writing(village, actor_of(village)) as w:
        w.update_row("claims", made, {"state": "已提交"})
    village.exchange()
    assert [h.rule for h in hub.rejected() if h.change.row_id == made and h.id != held.id] == []
    assert hub.ledger.get("claims", made)["state"] == "已提交"


def test_a_batch_made_a_month_ahead_accepted_by_the_county_keeps_its_number(
    village,  # noqa: F811
    hub,
):
    """The same for a 批次 (numbered as claims are): made a month ahead by a tampered program,
    held (`numbered_ahead`), accepted by the county: its 批次编号 is the one the village printed
    on every ledger, its creating stamp the county's of now, and the village's next change of
    it lands."""
    made = natural_id("batches", "forged", "ahead")
    forge(village, "batches", made,
          {"rule_id": "welfare_post_subsidy", "area_code": HOME, "title": "十二月"},
          hlc=_month_ahead())  # fmt: skip
    printed = row_number(village.get("batches", made)["_ckey"])
    assert printed.startswith(device_part(village.device_id))
    village.exchange()
    (held,) = [h for h in hub.rejected() if h.change.row_id == made]
    assert held.rule == "numbered_ahead", held.reason
    assert "保留原来的批次编号" in held.reason, held.reason
    hub.accept(held.id, "县人社局")
    key = hub.ledger.get("batches", made)["_ckey"]
    assert row_number(key) == printed, (key, printed)
    assert int(key.split("-")[0]) < int(time.time() * 1000) + 3600 * 1000, key
    assert ClaimQueries(hub.ledger).batch(printed).id == made
    village.exchange()
    assert village.get("batches", made)["_ckey"] == key
    with writing(village, actor_of(village)) as w:
        w.update_row("batches", made, {"title": "十二月（补）"})
    village.exchange()
    assert [h.rule for h in hub.rejected() if h.change.row_id == made and h.id != held.id] == []
    assert hub.ledger.get("batches", made)["title"] == "十二月（补）"


def test_the_countys_acceptance_follows_a_held_stamp_with_a_long_counter(
    village,  # noqa: F811
    hub,
):
    """A stamp's counter may have more than four digits (a bundle's stamps are read so,
    `hlc.parse_stamp`): a batch outside the village's area, stamped an hour ahead of the hub
    with a five-digit counter, is held. Accepting it, the hub's clock did not follow that stamp
    (its own reading of a stamp wanted four digits): the county's change was stamped before
    the village's. Its clock follows it now: the county's change comes after, and the batch
    keeps the village's 批次编号."""
    ahead = f"{int(time.time() * 1000) + 3600 * 1000:013d}-12345"
    made = natural_id("batches", "forged", "counter")
    forge(village, "batches", made,
          {"rule_id": "welfare_post_subsidy", "area_code": NEIGHBOUR, "title": "十二月"},
          hlc=ahead)  # fmt: skip
    printed = row_number(village.get("batches", made)["_ckey"])
    village.exchange()
    (held,) = [h for h in hub.rejected() if h.change.row_id == made]
    assert held.rule == "pull_in", held.reason
    hub.accept(held.id, "县人社局")
    row = hub.ledger.get("batches", made)
    assert parse_stamp(row["_ukey"].split("/")[0]) > parse_stamp(ahead), row["_ukey"]
    assert row["_ckey"] == f"{ahead}/{held.change.id}"  # the village's own, kept as it is
    assert row_number(row["_ckey"]) == printed
