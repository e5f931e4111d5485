"""This laptop's clock against the county hub's, as the hub's signed answers tell it.

A laptop whose date is set ahead stamps every change ahead: the hub holds each one
(`trust.stamped_ahead`) until real time catches up, and the coordinator learns of it only
once the county reviews. One whose date is far behind writes that date on what it makes (a
claim's 申请日期, a visit's day) and is refused by the hub's HTTP service (`httpauth.MAX_SKEW_S`).

So the device remembers, from each answer of its hub it imports, what the hub's clock read
(the answer's signed `created_at`) against its own clock and the time since the computer
started (`uptime_ms`, which no change of the date moves; it runs on while the laptop sleeps).
While the computer has not restarted, what the hub's clock reads now is that reading plus the
time since: a date moved after the answer is seen at once. After a restart only what is sure
is said: the hub's clock reads at least what it read then (a date far behind it is wrong).

An answer fetched over the network a moment ago (`fresh`, `client.push`) is a reading of the
hub's clock now; one carried on a stick may have waited days, so it only says the hub's clock
was at least that far on — never that this laptop is ahead.

Only a signed answer counts (a stranger on the network cannot make a laptop refuse its
writes by lying about the time), and only once imported (an old answer replayed is refused
as already imported before it is noted).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp.domain.errors import FieldappError

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger

#: The ledger's `meta` key of the last reading.
META_KEY = "hub_clock"
#: How far this clock may run from the hub's before the user is told and writes are refused:
#: a day, as far as the hub lets a stamp run ahead of its own clock (`hlc.MAX_DRIFT_MS`).
SLACK_MS = 24 * 3600 * 1000
DAY_MS = 24 * 3600 * 1000

#: How to set the date, in the words of Windows's own menu (right-click the clock at the
#: screen's bottom right).
SET_IT = "请右键点屏幕右下角的时间，选“调整日期/时间”，把日期改对"
#: What to tell of a date %1 days ahead of the hub's (`said`), and behind. The one source of
#: these sentences: the command line says them in Chinese, the desktop in the language shown
#: (`fieldapp.ui.clock_said` translates these very texts, context ``Clock``).
AHEAD = (
    "本机日期比县里快了约%1天。" + SET_IT + "；改对之前本机不能保存修改（否则记下的事项"
    "会被县里暂扣）。"
)
BEHIND = (
    "本机日期比县里慢了约%1天。" + SET_IT + "；改对之前本机不能保存修改（否则申请日期、"
    "走访日期等都会记错），也无法与县里中心联网同步。"
)


class ClockWrong(FieldappError):
    """A write refused because this laptop's date is far from the hub's (`AHEAD`, `BEHIND`);
    `days`: by how many days it runs ahead (negative: behind), for a screen to say it in its
    language."""

    def __init__(self, message: str, days: int) -> None:
        super().__init__(message)
        self.days = days


@dataclass(frozen=True)
class Reading:
    """What the hub's clock read (`hub_ms`) when this laptop's read `own_ms`, `up_ms` after
    the computer `boot` started; `fresh`: fetched over the network a moment before."""

    hub_ms: int
    own_ms: int
    up_ms: int
    boot: str
    fresh: bool


def uptime_ms() -> int:
    """Milliseconds since the computer started, sleep included; no date change moves it."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:  # Linux: CLOCK_MONOTONIC stops while the laptop sleeps
        return int(time.clock_gettime(boottime) * 1000)
    if os.name == "nt":
        # GetTickCount64 counts sleep and hibernation; Python's monotonic clock there is
        # QueryPerformanceCounter on newer versions, which is not promised to.
        import ctypes

        ticks = getattr(ctypes, "windll").kernel32.GetTickCount64  # noqa: B009 - Windows only
        ticks.restype = ctypes.c_uint64
        return int(ticks())
    return int(time.monotonic() * 1000)


_BOOT: list[str] = []


def boot_id() -> str:
    """What tells this start of the computer from another ('' where nothing does): Linux's
    boot id, Windows's boot counter."""
    if not _BOOT:
        _BOOT.append(_read_boot_id())
    return _BOOT[0]


def _read_boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        pass
    try:
        import winreg  # type: ignore[import-not-found,unused-ignore]

        with winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
            winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
            r"SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management"
            r"\PrefetchParameters",
        ) as key:
            value, _kind = winreg.QueryValueEx(key, "BootId")  # type: ignore[attr-defined,unused-ignore]
        return f"win-{value}"
    except (ImportError, OSError):
        return ""


def note(ledger: Ledger, hub_time: str, *, fresh: bool) -> None:
    """Remember the hub's clock as its answer `hub_time` (ISO with offset) gives it, against
    this laptop's clock now; a text that does not read is ignored. A stick's answer older
    than the reading kept says less than it, and is not kept over it."""
    try:
        when = dt.datetime.fromisoformat(hub_time)
    except (TypeError, ValueError):
        return
    if when.tzinfo is None:
        return
    reading = Reading(
        int(when.timestamp() * 1000), int(time.time() * 1000), uptime_ms(), boot_id(), fresh
    )
    kept = read(ledger)
    if not fresh and kept is not None and _hub_floor(kept) >= _hub_floor(reading):
        return
    ledger.set_meta(META_KEY, json.dumps(reading.__dict__))


#: How much earlier than the hub's signed health answer its exchange answer may say it was
#: written and still be taken as written a moment ago (the hub's clock stepped back by its
#: time service; the exchange is made seconds after the health answer).
FRESH_SLACK_MS = 5 * 60 * 1000


def written_since(hub_time: str, health: dict[str, object]) -> bool:
    """Whether an answer the hub wrote at `hub_time` was written after its `health` answer to
    this exchange said its clock read (`hub_time`, kept only when signed for the request,
    `client.health`): then it is a reading of the hub's clock now (`fresh`)."""
    before = health.get("hub_time")
    if not isinstance(before, str):
        return False
    try:
        written, asked = dt.datetime.fromisoformat(hub_time), dt.datetime.fromisoformat(before)
    except (TypeError, ValueError):
        return False
    if written.tzinfo is None or asked.tzinfo is None:
        return False
    return (written - asked).total_seconds() * 1000 >= -FRESH_SLACK_MS


def read(ledger: Ledger) -> Reading | None:
    """The reading kept (None: none yet, or not readable)."""
    text = ledger.get_meta(META_KEY)
    if not text:
        return None
    try:
        data = json.loads(text)
        return Reading(
            int(data["hub_ms"]),
            int(data["own_ms"]),
            int(data["up_ms"]),
            str(data["boot"]),
            bool(data["fresh"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def _since(reading: Reading) -> int | None:
    """Milliseconds since the reading when the computer has not restarted since (None)."""
    up = uptime_ms()
    if not reading.boot or reading.boot != boot_id() or up < reading.up_ms:
        return None
    return up - reading.up_ms


def _hub_floor(reading: Reading) -> int:
    """What the hub's clock reads now at least."""
    return reading.hub_ms + (_since(reading) or 0)


def drift_ms(reading: Reading | None, now_ms: int | None = None) -> int:
    """How far this clock runs ahead of the hub's (negative: behind), as far as is sure; 0
    when nothing sure is known or it is within `SLACK_MS`."""
    if reading is None:
        return 0
    now_ms = int(time.time() * 1000) if now_ms is None else now_ms
    since = _since(reading)
    floor = reading.hub_ms + (since or 0)
    if floor - now_ms > SLACK_MS:
        return now_ms - floor
    if since is not None and reading.fresh and now_ms - floor > SLACK_MS:
        return now_ms - floor  # the hub's clock now, to the second: it reads `floor`
    return 0


def days_off(ledger: Ledger) -> int:
    """By about how many days this laptop's date runs ahead of the hub's (negative: behind;
    at least one either way when it is off); 0 when nothing is wrong."""
    drift = drift_ms(read(ledger))
    if not drift:
        return 0
    days = max(1, round(abs(drift) / DAY_MS))
    return days if drift > 0 else -days


def warning(ledger: Ledger) -> str:
    """What to tell the user of this laptop's date ('' when nothing is wrong)."""
    return said(days_off(ledger))


def said(days: int) -> str:
    """`days_off`'s answer in Chinese ('' for 0)."""
    if not days:
        return ""
    return (AHEAD if days > 0 else BEHIND).replace("%1", str(abs(days)))


def refuse_if_wrong(ledger: Ledger) -> None:
    """ClockWrong with `warning`'s words when this laptop's date is far from the hub's."""
    days = days_off(ledger)
    if days:
        raise ClockWrong(said(days), days)
