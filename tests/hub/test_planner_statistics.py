"""After a merge that changed a tenth of the log, a PostgreSQL hub takes its planner's
statistics again at once (`store.statistics`), so the answers asked for next are planned for
the tables as they now are; a device's daily bundle does not. SQLite never analyses."""

from __future__ import annotations

from fieldapp.store import statistics
from fieldapp.sync.exchange import export_bundle
from tests.sync.helpers import VILLAGE, add_family

_ANALYSED = "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'changes'"


def _families(device, count: int, first: int = 0) -> None:
    for f in range(first, first + count):
        add_family(
            device, VILLAGE, [f"{f * 10 + k:03d}" for k in range(10)], surname="张李王赵"[f % 4]
        )


def _analysed(hub):  # noqa: ANN001, ANN202
    return hub.ledger.db.execute(_ANALYSED).fetchone()[0]


def test_a_large_merge_is_followed_by_fresh_statistics(tmp_path, hub, make_device, backend):
    device = make_device("甲村", VILLAGE)
    _families(device, 96)  # 960 people, 96 households: over a thousand changes
    first = export_bundle(device, tmp_path / "first.fieldsync")
    assert first.changes >= statistics.AT_LEAST
    if backend == "sqlite":
        [outcome] = hub.import_files([first.path])
        assert outcome.result is not None
        assert not statistics.refresh_if_stale(hub.ledger)
        assert "sqlite_stat1" not in hub.ledger.db.table_names()  # never analysed
        return
    assert _analysed(hub) is None
    [outcome] = hub.import_files([first.path])
    assert outcome.result is not None and outcome.result.new_changes == first.changes
    after_merge = _analysed(hub)
    assert after_merge is not None  # taken by the hub, not by autovacuum (a separate column)
    # A day's work of the device: a family more, far under a tenth of the log.
    _families(device, 1, first=96)
    daily = export_bundle(device, tmp_path / "daily.fieldsync")
    hub.import_file(daily.path)
    assert _analysed(hub) == after_merge
    assert not statistics.refresh_if_stale(hub.ledger)
