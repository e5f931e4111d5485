"""`sync status` printed a refused bundle's file name and reason raw, and `sync import` the
path of the copy it kept: a bundle on a stick named 包ESC[2J.fs cleared the clerk's terminal
on each reading of the status. Both now write such characters as \\uXXXX
(`cli.common.escaped`); --json keeps them as recorded."""

from __future__ import annotations

import json

from fieldapp.cli.main import main as cli
from fieldapp.store.sync_state import SyncState

HOSTILE = "包\x1b[2J\x07\u202e"


def test_a_refused_bundles_hostile_name_and_reason_are_listed_escaped(
    make_device, tmp_path, capsys
):
    village = make_device("鸭池村", "520502100200")
    db = str(village.path)
    # A refusal an older version recorded quoting what the bundle carried, as it was.
    with village.transaction():
        SyncState(village.db).record_quarantine("旧包.fs", "invalid", "收件人为“\x1b[2J中心”")
    village.close()
    bad = tmp_path / f"{HOSTILE}.fs"
    bad.write_bytes(b"not a bundle")

    assert cli(["--db", db, "sync", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "隔离区" in err and "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    assert "包\\u001b[2J\\u0007\\u202e.fs" in err, err
    assert bad.is_file()  # where it was, whole

    assert cli(["--db", db, "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, out
    held = [line for line in out.splitlines() if line.startswith("隔离 ")]
    assert len(held) == 2, out
    assert "包\\u001b[2J\\u0007\\u202e.fs：这不是劳动力台账的数据包" in held[0], held
    assert held[1].endswith("旧包.fs：收件人为“\\u001b[2J中心”"), held

    assert cli(["--db", db, "sync", "status", "--json"]) == 0
    files = [q["file"] for q in json.loads(capsys.readouterr().out)["quarantined"]]
    assert files == [str(bad), "旧包.fs"]
