"""Shared fixtures: a fresh ledger file per test, Qt offscreen, data folder in tmp."""

from __future__ import annotations

import datetime as dt
import gc
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The offscreen screen as the village laptop's 1366×768 (Qt's own is 800×800): the window
    # fits itself to the screen it opens on.
    _screen = Path(__file__).with_name("screen-1366x768.json")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
TESTS = Path(__file__).parent
# Outside any test too (a window freed after its test, a timer firing during teardown), the data
# folder is a throw-away one: a CI run had written last_page=visits into the user's own
# fieldapp.ini after a test's own FIELDAPP_HOME was put back. Each test still gets its own.
os.environ["FIELDAPP_HOME"] = tempfile.mkdtemp(prefix="fieldapp-tests-home-")

from fieldapp.domain.dates import CHINA  # noqa: E402
from fieldapp.domain.idnumber import make_check_char  # noqa: E402
from fieldapp.store.ledger import Ledger  # noqa: E402
from tests.records import Records  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test gets its own data folder, never the user's."""
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "home"))
    # New password slots with Argon2id's cheapest costs: the suite makes many users.
    monkeypatch.setenv("FIELDAPP_TEST_FAST_KDF", "1")
    # The suite's fixtures enrol plain ledgers through the Python API (as `tests.codes.plain_hub`
    # makes plain hubs) and drive them by command line: opened without a password, as before.
    # The command line's refusal of such a ledger is tested where this is unset
    # (tests/cli/test_enrolled_plain_ledger.py).
    monkeypatch.setenv("FIELDAPP_TEST_PLAIN_LEDGERS", "1")
    for name in (
        "FIELDAPP_USER",
        "FIELDAPP_PASSWORD",
        "FIELDAPP_NEW_PASSWORD",
        "FIELDAPP_ENROL_CODE",
        "FIELDAPP_TEST_PLAIN_ENROL",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def plain_enrol(monkeypatch: pytest.MonkeyPatch) -> None:
    """`fieldapp enrol` on a ledger without a password, refused for real use (the device's keys
    would be kept in clear), allowed for a module whose throw-away ledgers test something else."""
    monkeypatch.setenv("FIELDAPP_TEST_PLAIN_ENROL", "1")


@pytest.fixture(autouse=True)
def _today(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test (or module: `pytestmark`) marked `@pytest.mark.today("2027-06-30")` runs on that
    day: the clock is moved (time-machine) to its noon in China and ticks on from there, for
    the devices and the hub alike — a claim for a month is written once that month has come,
    and the program has no setting that moves "today" (it would let next June be claimed)."""
    marker = request.node.get_closest_marker("today")
    if marker is None:
        yield
        return
    day = dt.date.fromisoformat(str(marker.args[0]))
    with time_machine.travel(dt.datetime.combine(day, dt.time(12), CHINA), tick=True):
        yield


@pytest.fixture(autouse=True)
def _collector_on(request: pytest.FixtureRequest) -> None:
    """A test outside tests/ui runs with Python's automatic collection, as the command line and
    the hub do: the desktop's (`fieldapp.ui.collector`, a UI test or a `make_app` before this
    test) turned it off. What it left is collected here first, on the main thread — never by a
    later test's worker thread, which would free a leftover widget off the GUI thread."""
    if gc.isenabled() or "ui" in request.node.path.relative_to(TESTS).parts[:1]:
        return
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def _umask_kept() -> Iterator[None]:
    """A command run in-process sets the CLI's private umask (077); later tests get theirs back."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield
    os.umask(previous)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    """A new, migrated ledger file."""
    led = Ledger.open(tmp_path / "ledger.db", author="测试员")
    yield led
    led.close()


@pytest.fixture
def repo(ledger: Ledger) -> Records:
    """Test set-up through the services over the fresh ledger."""
    return Records(ledger)


def make_id(region: str = "520502", birth: str = "19850316", seq: str = "123") -> str:
    """A valid 18-digit ID number for tests."""
    first = region + birth + seq
    return first + make_check_char(first)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """clock(zone): this computer now keeps its clock in `zone` (TZ, POSIX `time.tzset`);
    the zone it kept comes back after the test."""

    def keep(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield keep
    monkeypatch.undo()
    time.tzset()
