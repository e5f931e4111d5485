"""A synced row's created_at and updated_at are China time with +08:00, on either backend.

The ledger projected a change's time as its computer's local time with no zone: on a county
hub kept in UTC, a claim made at 07:30 on 5 December in Guizhou was created '2026-12-04T23:30',
and whatever cut the day from the text said the 4th — the claim's 申请日期 (an older laptop kept
none of its own), a person's first monthly update, the times the lists and the CLI show. The
projection now writes China time with its offset (`hlc.stamp_to_iso`), and migration 37
rewrites the rows written before from their change keys, exactly, whatever the zone was.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.dates import CHINA
from fieldapp.hub.folder import Hub
from fieldapp.policy.due import first_update_month
from fieldapp.store.dump import canonical_dump, synced_tables
from fieldapp.store.facts import FactsLoader
from fieldapp.store.hlc import format_stamp, stamp_to_iso
from fieldapp.store.ids import natural_id
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import applied_versions
from fieldapp.store.migrations import m0037_projected_china_times as m0037
from fieldapp.store.queries.claims import ClaimQueries
from fieldapp.store.queries.persons import deleted_persons
from fieldapp.sync.exchange import export_bundle
from tests.conftest import make_id
from tests.sync.helpers import VILLAGE, add_family
from tests.sync.hostile import forge

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)


def _stamp(moment: dt.datetime, counter: int = 0) -> str:
    return format_stamp(int(moment.timestamp() * 1000), counter)


def _as_old_code_projected(key: str) -> str:
    """What the projection wrote before: this computer's local time of the key's stamp, no zone."""
    wall = int(key.split("-", 1)[0])
    return dt.datetime.fromtimestamp(wall / 1000).isoformat(timespec="seconds")


def _family(ledger: Ledger, at: dt.datetime, seq: str = "201") -> tuple[str, str]:
    """A household and its one person, both made by changes stamped `at`."""
    household = natural_id("households", "projected", seq)
    person = natural_id("persons", "projected", seq)
    forge(ledger, "households", household, {"area_code": VILLAGE, "address": "一组"},
          hlc=_stamp(at))  # fmt: skip
    forge(ledger, "persons", person,
          {"household_id": household, "name": f"王{seq}", "id_number": make_id(seq=seq),
           "relation": "户主", "labour_ability": "有劳动能力"},
          hlc=_stamp(at, 1))  # fmt: skip
    return household, person


def _times(ledger: Ledger) -> list[tuple[str, str, Any, Any, Any, Any]]:
    found = []
    for table in synced_tables(ledger.db):
        rows = ledger.db.execute(
            f"SELECT id, created_at, _ckey, updated_at, _ukey FROM [{table}] ORDER BY id"
        ).fetchall()
        found += [(table, *r) for r in rows]
    return found


def test_a_claim_made_at_half_past_seven_in_china_is_made_that_day_on_a_utc_hub(
    hub: Hub, clock: Callable[[str], None]
) -> None:
    clock("UTC")
    made = dt.datetime(2026, 12, 5, 7, 30, tzinfo=CHINA)  # 23:30 on the 4th in UTC
    _household, person = _family(hub.ledger, made)
    # Made by an older program: no 申请日期 of its own, so the day its row was created.
    claim = natural_id("claims", "projected", "made_on")
    forge(hub.ledger, "claims", claim,
          {"person_id": person, "area_code": VILLAGE, "rule_id": "transport_cross_county",
           "claim_date": "2026-12-31", "state": "草稿", "amount": 500.0},
          hlc=_stamp(made))  # fmt: skip
    row = hub.ledger.get("claims", claim)
    assert row is not None and row["created_at"] == "2026-12-05T07:30:00+08:00"
    found = ClaimQueries(hub.ledger).get(claim)
    assert found.applied_on is None
    assert found.made_on() == dt.date(2026, 12, 5)


def test_a_person_entered_on_the_first_in_china_is_first_updated_next_month_on_a_utc_clock(
    hub: Hub, clock: Callable[[str], None]
) -> None:
    clock("UTC")
    # 03:00 on 1 December in Guizhou: still 30 November on this computer's clock.
    _family(hub.ledger, dt.datetime(2026, 12, 1, 3, 0, tzinfo=CHINA))
    (facts,) = FactsLoader(hub.ledger).persons()
    assert facts.created_at == "2026-12-01T03:00:00+08:00"
    # Entered in December: December needs no update, January's is the first.
    assert first_update_month(facts) == "2027-01"


def test_the_migration_gives_rows_written_on_a_utc_clock_their_stamps_china_times(
    hub: Hub,
    clock: Callable[[str], None],
    make_device: Callable[..., Ledger],
    tmp_path: Path,
) -> None:
    clock("UTC")  # the county server's zone while the old program ran
    village = make_device("鸭池村", VILLAGE)
    _, (pid,) = add_family(village, VILLAGE, ["101"])
    village.update("persons", pid, {"phone": "13900000001"})
    hub.import_file(export_bundle(village, tmp_path / "1.fieldsync").path, sender="鸭池村")
    made = dt.datetime(2026, 12, 5, 7, 30, tzinfo=CHINA)
    _, person = _family(hub.ledger, made)
    forge(hub.ledger, "persons", person, {"phone": "13900000002"},
          parents={"phone": hub.ledger.heads("persons", person)["phone"]},
          hlc=_stamp(made + dt.timedelta(hours=1)))  # fmt: skip
    projected = _times(hub.ledger)
    assert len(projected) >= 5
    for _table, _id, created, ckey, updated, ukey in projected:
        assert created == stamp_to_iso(ckey) and updated == stamp_to_iso(ukey)
        assert created.endswith("+08:00") and updated.endswith("+08:00")
    assert any(c != u for _t, _i, c, _ck, u, _uk in projected)  # the phone's update
    dump = canonical_dump(hub.ledger.db)

    db = hub.ledger.db
    with hub.ledger.transaction():  # every projected time as the old program left it
        for table, row_id, _c, ckey, _u, ukey in projected:
            db.execute(
                f"UPDATE [{table}] SET created_at = ?, updated_at = ? WHERE id = ?",
                [_as_old_code_projected(ckey), _as_old_code_projected(ukey), row_id],
            )
        db.execute("DELETE FROM _migrations WHERE version = ?", [m0037.VERSION])
    assert not any(str(c).endswith("+08:00") for _t, _i, c, *_ in _times(hub.ledger))
    root = hub.root
    hub.close()

    clock("Asia/Shanghai")  # moved to China's zone since: the keys say the time, not the zone
    hub = Hub.open(root)
    try:
        assert m0037.VERSION in applied_versions(hub.ledger.db)
        assert _times(hub.ledger) == projected
        assert canonical_dump(hub.ledger.db) == dump
        with hub.ledger.transaction():  # run again: nothing changes
            m0037.apply(hub.ledger.db)
        assert _times(hub.ledger) == projected
    finally:
        hub.close()


def test_a_row_without_a_key_keeps_its_times(hub: Hub, clock: Callable[[str], None]) -> None:
    clock("UTC")
    _household, person = _family(hub.ledger, dt.datetime(2026, 12, 5, 7, 30, tzinfo=CHINA))
    db = hub.ledger.db
    with hub.ledger.transaction():
        db.execute(
            "UPDATE persons SET created_at = '2026-12-04T23:30:00', _ckey = NULL, "
            "updated_at = '昨天', _ukey = 'not a key' WHERE id = ?",
            [person],
        )
        m0037.apply(db)
    row = hub.ledger.get("persons", person)
    assert row is not None
    assert (row["created_at"], row["updated_at"]) == ("2026-12-04T23:30:00", "昨天")


def test_old_and_new_rows_order_as_their_stamps_after_the_migration(
    ledger: Ledger, clock: Callable[[str], None]
) -> None:
    """On a laptop's ledger (the 已删除人员 list is a device's, newest deletion first)."""
    clock("UTC")
    office = dt.datetime(2026, 12, 4, tzinfo=CHINA)
    _, old = _family(ledger, office.replace(hour=8), "301")
    _, new = _family(ledger, office.replace(hour=8), "302")
    # Deleted by the old program at 17:00 in China (09:00 on this clock, no zone), and by the
    # new one at 10:31, earlier: newest first is the old row.
    forge(ledger, "persons", old, {"deleted": True}, hlc=_stamp(office.replace(hour=17)))
    forge(ledger, "persons", new, {"deleted": True},
          hlc=_stamp(office.replace(hour=10, minute=31)))  # fmt: skip
    db = ledger.db
    with ledger.transaction():
        (ukey,) = db.execute("SELECT _ukey FROM persons WHERE id = ?", [old]).fetchone()
        db.execute(
            "UPDATE persons SET updated_at = ? WHERE id = ?", [_as_old_code_projected(ukey), old]
        )
    # Mixed, the texts order the wrong way round ('…T10:31:00+08:00' after '…T09:00:00');
    # the list itself goes by the deleting change (`_ukey`) and is right either way.
    by_text = "SELECT id FROM persons WHERE deleted = 1 ORDER BY updated_at DESC"
    assert [r[0] for r in db.execute(by_text).fetchall()] == [new, old]
    assert [r.id for r in deleted_persons(ledger)] == [old, new]
    with ledger.transaction():
        m0037.apply(db)
    assert [r[0] for r in db.execute(by_text).fetchall()] == [old, new]
    listed = deleted_persons(ledger)
    assert [r.id for r in listed] == [old, new]
    assert [r.deleted_at for r in listed] == [
        "2026-12-04T17:00:00+08:00",
        "2026-12-04T10:31:00+08:00",
    ]
