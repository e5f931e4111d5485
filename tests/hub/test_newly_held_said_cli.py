"""`sync push` and `sync import` said what the hub's answer brought, and nothing of this
device's own changes the county had just held: the coordinator learnt of them only from
`sync status`. They now say how many the answer holds for the first time, and where to read
why; an answer repeating them (or the county's decision on one) says nothing more."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.cli.main import main as cli
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import export_bundle
from tests.sync.hostile import forge

VILLAGE = "520502100200"
ELSEWHERE = "520502101002"


def _away(ledger: Ledger, n: int) -> None:
    row = natural_id("households", "away", str(n))
    forge(ledger, "households", row, {"area_code": ELSEWHERE, "address": f"三组 {n} 号"})


def _said(n: int) -> str:
    return (
        f"注意：中心暂扣了本机的 {n} 条修改，请到“同步”页查看原因（命令行：fieldapp sync status）"
    )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_push_and_import_say_the_changes_newly_held(
    server, hub, make_device, tmp_path: Path, capsys
) -> None:
    village = make_device("鸭池村", VILLAGE)
    _away(village, 1)
    _away(village, 2)
    db = str(village.db.conn.execute("PRAGMA database_list").fetchone()[2])
    village.close()
    assert cli(["--db", db, "sync", "push", server.url]) == 0
    out = capsys.readouterr().out
    assert len(hub.rejected()) == 2 and _said(2) in out, out

    # Pushed again with nothing new: the answer names the same two, said no more.
    assert cli(["--db", db, "sync", "push", server.url]) == 0
    out = capsys.readouterr().out
    assert "已导入中心回复" in out and "暂扣" not in out, out

    # On a stick: one more held (and one of the two dismissed meanwhile), only it said.
    hub.dismiss(hub.rejected()[0].id, "王科长", "不在本村")
    village = Ledger.open(db)
    _away(village, 3)
    hub.import_file(export_bundle(village, tmp_path / "up.fieldsync").path, sender="鸭池村")
    village.close()
    answer = hub.export_for("鸭池村", tmp_path / "answer.fieldsync").path
    assert cli(["--db", db, "sync", "import", str(answer)]) == 0
    out = capsys.readouterr().out
    assert _said(1) in out and _said(2) not in out, out
