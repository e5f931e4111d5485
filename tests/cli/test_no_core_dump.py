"""A crash leaves no core file. A core dump is the process's memory written to disk in clear:
the password typed, the ledger's key and every page it had read — names, ID numbers, accounts.
Wherever the computer keeps cores (the current folder, systemd-coredump's
/var/lib/systemd/coredump, kept for days), the finder of the laptop read them there, next to the
encrypted ledger. So the program gives up core dumps before it opens anything, for itself and the
processes it starts (the export's writer: they inherit the limit); a crash still leaves its stack
in crash.log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.store.ledger import Ledger
from fieldapp.store.vault import Credentials
from tests.helpers.clear_text import SECRETS, encodings, realistic_session

ROOT = Path(__file__).resolve().parents[2]
LI = Credentials("李芳", "村里的口令Qx7")

pytestmark = pytest.mark.skipif(os.name == "nt", reason="core dumps and rlimits are Unix's")


def _crash_after(argv: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh interpreter allowed to dump core (as a computer whose
    `ulimit -c` is unlimited), then crash it as a fault in a native library would; its output
    ends with the core limit it ran under."""
    import resource

    def allow_cores() -> None:
        hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
        resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))

    code = (
        "import os, resource, signal, sys\n"
        "from fieldapp.cli.main import main\n"
        f"main({argv!r})\n"
        "print('limit', *resource.getrlimit(resource.RLIMIT_CORE), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGSEGV)\n"
    )
    env = os.environ | {
        "PYTHONPATH": str(ROOT),
        "FIELDAPP_HOME": str(home),
        "FIELDAPP_USER": LI.user,
        "FIELDAPP_PASSWORD": LI.password,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
        preexec_fn=allow_cores,
    )


def test_a_crash_after_a_search_leaves_no_core_and_no_core_may_be_made(tmp_path: Path) -> None:
    import resource

    if resource.getrlimit(resource.RLIMIT_CORE)[1] == 0:
        pytest.skip("this computer lets no process dump core: there is nothing to show")
    db = tmp_path / "红星村" / "ledger.db"
    ledger = Ledger.open(db, credentials=LI)
    realistic_session(ledger)
    ledger.close()
    folder = tmp_path / "工作文件夹"
    folder.mkdir()

    done = _crash_after(["--db", str(db), "search", "欧阳娜"], folder, tmp_path / "home")
    assert done.returncode == -signal.SIGSEGV, done.stderr
    assert SECRETS["id_number"] in done.stdout  # the search did read the person
    # No core dump allowed, for this process nor any it starts (they inherit the soft limit).
    assert "limit 0 " in done.stdout, done.stdout
    # And none written where a plain `core` pattern puts it (the current folder).
    for left in folder.iterdir():
        data = left.read_bytes()
        for value in (SECRETS["id_number"], SECRETS["account"], LI.password):
            assert all(form not in data for form in encodings(value)), left.name
    assert not [p.name for p in folder.iterdir() if p.name.startswith("core")]


#: The program, then its export's writer and the hub's decoding child (spawned: exec makes a
#: process dumpable again), each say whether the kernel would dump them (PR_GET_DUMPABLE).
#: The limit alone does not stop a core piped to systemd-coredump, whose journal entry keeps
#: the command line and the environment (FIELDAPP_PASSWORD). A spawned child imports this
#: script first (as __mp_main__): there the writer's workbook says it instead of writing.
DUMPABLE = """
import ctypes, datetime as dt, multiprocessing, os, sys
from pathlib import Path
from fieldapp.cli.main import main
from fieldapp.hub.ahead import ReadAhead
from fieldapp.tabular import workbook, writer_process
from fieldapp.tabular.columns import COLUMNS_OF

def dumpable():
    return ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)

def says(path, sheets, **_):
    for rows in sheets.values():
        list(rows)
    print("writer", dumpable(), flush=True)

if __name__ == "__mp_main__":
    workbook.write_ledger_workbook = says

if __name__ == "__main__":
    try:
        main(["--version"])
    except SystemExit:
        pass
    with open("/proc/self/status") as status:  # still readable by the process itself
        print("main", dumpable(), len(status.read()) > 0, flush=True)
    ahead = ReadAhead(None, {}, 10)
    if ahead._child is not None:
        print("ahead", ahead._child.submit(dumpable).result(), flush=True)
    ahead.close()
    writer_process.write_in_child(
        Path(sys.argv[1]),
        {name: [] for name in COLUMNS_OF},
        exported_at=dt.datetime(2026, 6, 15, tzinfo=dt.UTC),
    )
"""


@pytest.mark.skipif(sys.platform != "linux", reason="prctl is Linux's")
def test_the_program_and_its_children_are_not_dumpable(tmp_path: Path) -> None:
    script = tmp_path / "dumpable.py"
    script.write_text(DUMPABLE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "台账.xlsx.part")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=os.environ | {"PYTHONPATH": str(ROOT), "FIELDAPP_HOME": str(tmp_path / "home")},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "main 0 True" in done.stdout, done.stdout
    assert "writer 0" in done.stdout, done.stdout
    if len(os.sched_getaffinity(0)) >= 2:  # (one core: no decoding child)
        assert "ahead 0" in done.stdout, done.stdout
