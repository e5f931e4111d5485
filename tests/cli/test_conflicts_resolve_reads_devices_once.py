"""`conflicts resolve 编号 --keep 甲村`: the devices' names (whose each value is) are read once
— for the device --keep names and for the sentence after it saying whose value was kept —
not once for each, on the ledger the command opened."""

from __future__ import annotations

from fieldapp.cli.main import build_parser
from fieldapp.sync.conflicts import list_conflicts
from tests.sync.conftest import hub, make_device  # noqa: F401 - the enrolled devices' fixtures
from tests.sync.test_conflicts_resolved_together import _three_conflicts


def test_resolve_reads_the_device_names_once(tmp_path, hub, make_device, capsys):  # noqa: F811
    _a, b, _pids = _three_conflicts(tmp_path, hub, make_device)
    conflict = list_conflicts(b)[0]
    args = build_parser().parse_args(
        ["--db", str(b.path), "conflicts", "resolve", conflict.conflict_id, "--keep", "甲村"]
    )
    args._ledger = b  # the command works on this ledger, as it opens it once (`open_ledger`)
    statements: list[str] = []
    b.db.conn.set_trace_callback(statements.append)
    assert args.func(args) == 0
    b.db.conn.set_trace_callback(None)
    said = capsys.readouterr().out
    assert f"{conflict.whose}保存为 " in said and "（保留甲村的值，同步后各设备一致）" in said
    assert sum("'device_name'" in s for s in statements) == 1  # `device_names`' read
    [value] = [v for v in conflict.values if v.value.startswith("138")]
    assert b.get("persons", conflict.row_id)["phone"] == value.value  # 甲村's value kept
