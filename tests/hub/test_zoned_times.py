"""The hub kept its times as its computer's local time with no zone (a county server in UTC
wrote 02:31 for 10:31 at the office) and compared them as text: after the server's zone was
changed, an exchange at 10:40 was written 02:40, before an enrolment written 10:00, and the
device was listed as never synced since. The hub now writes China time with its offset
(2026-12-04T10:31:00+08:00) and migration 35 rewrites the rows written before as the local
time they were; old and new rows then compare as time does, whatever the zone is later."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.domain.dates import CHINA, china_minute
from fieldapp.hub.folder import Hub
from fieldapp.store import trails
from fieldapp.store.hub_state import REPORTED, HubLog
from fieldapp.store.ledger import Ledger
from fieldapp.store.migrations import applied_versions
from fieldapp.store.migrations.m0035_zoned_times import TIMES, VERSION
from fieldapp.store.migrations.m0041_append_only_trails import VERSION as GUARDED
from fieldapp.sync.exchange import export_bundle
from tests.sync.hostile import forge

VILLAGE = "520502100200"
ELSEWHERE = "520502101002"

pytestmark = pytest.mark.skipif(
    not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)"
)


def _as_old_code_wrote(moment: dt.datetime) -> str:
    """What the hub wrote before: this computer's local time, no zone."""
    return moment.astimezone().replace(tzinfo=None).isoformat(timespec="seconds")


def _stored_times(hub: Hub) -> list[str]:
    texts = []
    for table, (_, columns) in TIMES.items():
        for column in columns:
            rows = hub.ledger.db.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")
            texts += [str(r[0]) for r in rows.fetchall()]
    return texts


#: The times the test sets to this morning's (the rest keep the time they were written at).
_SET_HERE = {("sync_peers", "enrolled_at"), ("hub_exchanges", "at"),
             ("sync_imports", "imported_at"), ("held_changes", "received_at")}  # fmt: skip


def _rows(hub: Hub, table: str, column: str) -> list[tuple[object, ...]]:
    keys = ", ".join(TIMES[table][0])
    cursor = hub.ledger.db.execute(f"SELECT {keys}, {column} FROM {table} ORDER BY {keys}")
    return [tuple(r) for r in cursor.fetchall()]


def _as_old_code_left_them(hub: Hub) -> dict[tuple[str, str], list[tuple[object, ...]]]:
    """Every time in the bookkeeping rewritten as the old program wrote it; returns the rows
    (keys, time) as they were, by (table, column)."""
    kept = {}
    for table, (keys, columns) in TIMES.items():
        for column in columns:
            kept[table, column] = rows = _rows(hub, table, column)
            where = " AND ".join(f"{k} = ?" for k in keys)
            for *key, text in rows:
                if text is not None:
                    old = _as_old_code_wrote(dt.datetime.fromisoformat(str(text)))
                    hub.ledger.db.execute(
                        f"UPDATE {table} SET {column} = ? WHERE {where}", [old, *key]
                    )
    assert sum(len(r) for r in kept.values()) >= 8  # identity, peer, issued, imports, held …
    return kept


@pytest.mark.parametrize(("before", "after"), [("UTC", "Asia/Shanghai"), ("Asia/Shanghai", "UTC")])
def test_old_times_keep_their_hour_and_compare_with_new_ones_across_the_migration(
    before: str,
    after: str,
    clock: Callable[[str], None],
    hub: Hub,
    make_device: Callable[..., Ledger],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    clock(before)  # the county server's zone while the old program ran
    village = make_device("鸭池村", VILLAGE)
    forge(village, "households", "h-away", {"area_code": ELSEWHERE, "address": "三组"})
    hub.import_file(export_bundle(village, tmp_path / "1.fieldsync").path, sender="鸭池村")
    (old_held,) = hub.rejected()

    # The rows as the old program wrote them, this morning in China: enrolled 3 hours ago,
    # its bundle taken 2 hours ago (the change in it held).
    now = dt.datetime.now(CHINA).replace(microsecond=0)
    enrolled, took = now - dt.timedelta(hours=3), now - dt.timedelta(hours=2)
    old_enrolment = _as_old_code_wrote(enrolled)
    db = hub.ledger.db
    with hub.ledger.transaction():
        trails.drop_guards(db)  # as the ledger stood before version 41 guarded its trails
        HubLog(db).record("鸭池村", "in", "http", changes=1)  # as the server logs an upload
        with_keys = _as_old_code_left_them(hub)  # every bookkeeping time, as written before
        db.execute("UPDATE sync_peers SET enrolled_at = ? WHERE name = '鸭池村'",
                   [_as_old_code_wrote(enrolled)])  # fmt: skip
        for table, column in (("hub_exchanges", "at"), ("sync_imports", "imported_at"),
                              ("held_changes", "received_at")):  # fmt: skip
            db.execute(f"UPDATE {table} SET {column} = ?", [_as_old_code_wrote(took)])
        said = HubLog(db).reported()["鸭池村"]
        db.execute("UPDATE meta SET value = ? WHERE key = ?",
                   [json.dumps({**said, "at": _as_old_code_wrote(took)}), REPORTED + "鸭池村"])  # fmt: skip
        db.execute("DELETE FROM _migrations WHERE version IN (?, ?)", [VERSION, GUARDED])
    root = hub.root
    hub.close()

    hub = Hub.open(root)  # the new program: the migration runs in the zone they were written
    try:
        assert {VERSION, GUARDED} <= applied_versions(hub.ledger.db)
        assert "held_changes" in trails.guarded_tables(hub.ledger.db)  # guarded again after
        (peer,) = hub.devices()
        assert peer.enrolled_at == enrolled.isoformat()  # 2026-12-04T07:31:00+08:00
        (held,) = hub.rejected()
        assert held.id == old_held.id and held.received_at == took.isoformat()
        assert HubLog(hub.ledger.db).reported()["鸭池村"]["at"] == took.isoformat()
        assert all(t.endswith("+08:00") for t in _stored_times(hub)), _stored_times(hub)
        for (table, column), rows in with_keys.items():  # the rest: back to what they were
            if (table, column) not in _SET_HERE:
                assert _rows(hub, table, column) == rows, (table, column)

        clock(after)  # the county's IT moves the server to another zone
        # The old program, in the new zone, would have written a later time as an earlier
        # text than the enrolment (UTC after China time): the trap of comparing as text.
        if after == "UTC":
            assert _as_old_code_wrote(now) < old_enrolment
        status = {d["device"]: d for d in HubLog(hub.ledger.db).device_status()}
        assert status["鸭池村"]["last_exchange"] == took.isoformat()

        forge(village, "households", "h-away-2", {"area_code": ELSEWHERE, "address": "四组"})
        hub.import_file(export_bundle(village, tmp_path / "2.fieldsync").path, sender="鸭池村")
        (newest,) = hub.ledger.db.execute("SELECT max(imported_at) FROM sync_imports").fetchone()
        assert newest.endswith("+08:00") and newest >= now.isoformat()
        status = {d["device"]: d for d in HubLog(hub.ledger.db).device_status()}
        assert status["鸭池村"]["last_exchange"] == newest  # since enrolment, newest of all
        was_held, new_held = hub.rejected()  # in the order held, across the migration
        assert (was_held.id, was_held.received_at) == (old_held.id, took.isoformat())
        assert new_held.received_at >= now.isoformat() > was_held.received_at
        texts = _stored_times(hub)
        assert sorted(texts) == sorted(texts, key=dt.datetime.fromisoformat)

        # What the clerk sees: China time, whatever the server keeps.
        assert cli(["hub", "rejected", "--dir", str(root)]) == 0
        listed = capsys.readouterr().out
        assert f"（{china_minute(took.isoformat())}）" in listed, listed
        assert took.strftime("%Y-%m-%d %H:%M") == china_minute(took.isoformat())
        assert cli(["hub", "devices", "--dir", str(root)]) == 0
        listed = capsys.readouterr().out
        assert f"最近同步 {newest[:16].replace('T', ' ')}" in listed, listed
    finally:
        hub.close()


def test_the_migration_leaves_zoned_and_other_text_and_runs_again_to_no_change(
    clock: Callable[[str], None], hub: Hub
) -> None:
    from fieldapp.store.migrations import m0035_zoned_times

    clock("UTC")
    db = hub.ledger.db
    with hub.ledger.transaction():
        trails.drop_guards(db)  # as the ledger stood before version 41 guarded its trails
        db.execute(
            "INSERT INTO sync_quarantine (at, file, code, reason) VALUES "
            "('2026-12-04T02:31:00', 'a', 'x', ''), ('2026-12-04T10:31:00+08:00', 'b', 'x', ''), "
            "('2026-12-04T02:31:00Z', 'c', 'x', ''), ('昨天', 'd', 'x', ''), "
            "('2026-12-04', 'e', 'x', '')"
        )
        m0035_zoned_times.apply(db)
        m0035_zoned_times.apply(db)
    rows = db.execute("SELECT file, at FROM sync_quarantine ORDER BY file").fetchall()
    assert [tuple(r) for r in rows] == [
        ("a", "2026-12-04T10:31:00+08:00"),
        ("b", "2026-12-04T10:31:00+08:00"),
        ("c", "2026-12-04T02:31:00Z"),  # a zone said: left as it is (china_minute reads it)
        ("d", "昨天"),
        ("e", "2026-12-04"),
    ]
    assert china_minute("2026-12-04T02:31:00Z") == "2026-12-04 10:31"
