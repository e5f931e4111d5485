"""The ledger export's writer whose exporting program was killed (the window closed by the
task manager, the laptop's memory killer) printed a Python traceback to the terminal or the
session's journal — BrokenPipeError, EOFError, the multiprocessing frames — as it found its
parent gone. It now ends quietly: a non-zero exit code, at most one line, no row's data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fieldapp.tabular.columns import COLUMNS_OF, LEDGER

NAME = "王秀英"
ID_NUMBER = "520103199001011234"

#: The exporting program: sends a row, says its writer's pid, then hangs until it is killed.
EXPORTING = textwrap.dedent(
    """
    import datetime as dt, json, multiprocessing, sys, time
    from pathlib import Path
    from fieldapp.tabular import writer_process
    from fieldapp.tabular.columns import COLUMNS_OF, LEDGER

    def ledger_rows():
        yield sys.argv[2].encode()
        (child,) = multiprocessing.active_children()
        print(child.pid, flush=True)
        time.sleep(600)

    rows = {name: [] for name in COLUMNS_OF}
    rows[LEDGER] = ledger_rows()
    writer_process.write_in_child(
        Path(sys.argv[1]), rows, exported_at=dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
    )
    """
)

#: Adopts the orphaned writer (a child subreaper) to learn how it ended: kills the exporting
#: program once it said its writer's pid, waits for the writer, prints its exit status.
ADOPTING = textwrap.dedent(
    """
    import ctypes, os, subprocess, sys
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    with open(sys.argv[1], "wb") as err:
        exporting = subprocess.Popen(
            [sys.executable, "-c", sys.argv[2], sys.argv[3], sys.argv[4]],
            stdout=subprocess.PIPE, stderr=err,
        )
        pid = int(exporting.stdout.readline())
        exporting.kill()
        exporting.wait()
        _, status = os.waitpid(pid, 0)
    print(os.waitstatus_to_exitcode(status))
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="a child subreaper is Linux's")
def test_an_orphaned_writer_ends_quietly(tmp_path: Path) -> None:
    width = len(COLUMNS_OF[LEDGER])
    row = json.dumps([[1, NAME, ID_NUMBER] + [None] * (width - 3)], ensure_ascii=False)
    err = tmp_path / "stderr.txt"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            ADOPTING,
            str(err),
            EXPORTING,
            str(tmp_path / "台账.xlsx.part"),
            row,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) != 0, done.stdout  # the writer did not end as if it had succeeded
    said = err.read_text("utf-8", errors="replace")
    assert "Traceback" not in said and said.count("\n") <= 1, said
    assert not (tmp_path / "台账.xlsx.part").exists()  # nobody would name or remove it
    assert NAME not in said and ID_NUMBER not in said and "520103" not in said, said


#: An export whose writer is killed while the rows are still being sent (Ctrl+C at the
#: terminal reaches the writer too; the system kills it when memory runs out).
WRITER_KILLED = textwrap.dedent(
    """
    import datetime as dt, multiprocessing, sys, time
    from pathlib import Path
    from fieldapp.domain.errors import FieldappError
    from fieldapp.tabular import writer_process
    from fieldapp.tabular.columns import COLUMNS_OF, LEDGER

    def ledger_rows():
        batch = sys.argv[2].encode()
        yield batch
        (child,) = multiprocessing.active_children()
        child.kill()
        child.join()
        for _ in range(200):
            yield b"[" + b",".join([batch[1:-1]] * 500) + b"]"

    rows = {name: [] for name in COLUMNS_OF}
    rows[LEDGER] = ledger_rows()
    try:
        writer_process.write_in_child(
            Path(sys.argv[1]), rows, exported_at=dt.datetime(2026, 6, 15, tzinfo=dt.UTC)
        )
    except FieldappError as error:
        print(error, file=sys.stderr)
    """
)


def test_a_writer_killed_midway_leaves_no_traceback_on_the_terminal(tmp_path: Path) -> None:
    """The exporting program met the writer's closed pipe and logged it with its traceback —
    on the command line, with no log set up, Python printed that to the terminal beside the
    Chinese line saying the export failed. The closed pipe is the writer's death, which the
    export says itself: it goes to the log as information, not to the terminal."""
    width = len(COLUMNS_OF[LEDGER])
    row = json.dumps([[1, NAME, ID_NUMBER] + [None] * (width - 3)], ensure_ascii=False)
    done = subprocess.run(
        [sys.executable, "-c", WRITER_KILLED, str(tmp_path / "台账.xlsx.part"), row],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "导出失败" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
