"""Workbooks with people's names and ID numbers are written where the user asked and nowhere
else: no part of them in the system's temporary folder, where a crash or a power cut would leave
it in clear for anyone with the laptop (issue 16)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: The command run in a child with an audit hook noting every file opened for writing, and the
#: system's temporary folder set to a folder of the test's own.
WATCHED = textwrap.dedent(
    """
    import json, os, sys, tempfile
    tempfile.tempdir = sys.argv[1]
    written = []
    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes)):
            path, mode, flags = args
            changes = os.O_WRONLY | os.O_RDWR | os.O_CREAT
            if (mode and any(c in str(mode) for c in "wax+")) or (flags or 0) & changes:
                written.append(os.path.abspath(os.fsdecode(path)))
    sys.addaudithook(hook)
    from fieldapp.cli.main import main
    code = main(sys.argv[2:])
    print(json.dumps({"code": code, "written": written}, ensure_ascii=False))
    """
)


def _run(temp: Path, *args: str) -> dict[str, object]:
    env = {
        **os.environ,
        "FIELDAPP_TEST_FAST_KDF": "1",
        "FIELDAPP_USER": "李芳",
        "FIELDAPP_PASSWORD": "村里的口令1",
    }
    done = subprocess.run(
        [sys.executable, "-c", WATCHED, str(temp), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stderr
    return result


def test_a_roster_workbook_leaves_nothing_in_the_temporary_folder(tmp_path: Path) -> None:
    temp = tmp_path / "系统临时文件夹"
    temp.mkdir()
    db = tmp_path / "ledger.db"
    _run(temp, "--db", str(db), "demo", "--persons", "30", "--seed", "5")
    out = tmp_path / "导出"
    out.mkdir()

    rosters = _run(
        temp, "--db", str(db), "rosters", "--area", "52", "--out", str(out / "五册.xlsx")
    )
    report = _run(
        temp, "--db", str(db), "report", "monthly", "--month", "2026-11",
        "--out", str(out / "月报.xlsx"),
    )  # fmt: skip

    for result in (rosters, report):
        written = [Path(p) for p in result["written"]]  # type: ignore[attr-defined]
        assert [p for p in written if temp in p.parents] == []
    assert list(temp.iterdir()) == []
    assert (out / "五册.xlsx").is_file() and (out / "月报.xlsx").is_file()
