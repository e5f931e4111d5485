"""Hybrid logical clock: wall time plus a counter, never going backwards on this device.

A stamp is fixed-width text `MMMMMMMMMMMMM-CCCC` (milliseconds since 1970, counter) so text
order is time order. Remote stamps far in the future are recorded as they are but do not drag
this device's clock forward by more than MAX_DRIFT, so a laptop with a wrong year cannot stall
everyone's clocks; the hub holds such changes (`trust.stamped_ahead`), so none reaches a laptop.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat

from fieldapp.domain.dates import CHINA

MAX_DRIFT_MS = 24 * 3600 * 1000
#: Counter values per millisecond: the stamp's counter has four digits.
COUNTER_LIMIT = 10000


def followed(wall_ms: int, now_ms: int) -> bool:
    """True when a clock reading `now_ms` moves past a stamp of wall time `wall_ms` (`observe`):
    one at most `MAX_DRIFT_MS` ahead of it.

    The hub takes no change it would not follow (`trust.stamped_ahead`), so every stamp it
    passes on is one each clock follows once its own time has come within a day of it. No
    margin beyond the day is needed for an honest clock: its stamps run ahead of its own time
    only by the stamp it followed (at most a day ahead of the hub when the hub took it) and
    the counter's carry — one millisecond per 10 000 stamps issued within one (`now`,
    `reserve`) — and no program writes, sends and has the hub read that many changes in the
    millisecond they gain, so each arrives less far ahead than the stamp it followed did."""
    return wall_ms <= now_ms + MAX_DRIFT_MS


def format_stamp(wall_ms: int, counter: int) -> str:
    """The text form of a stamp."""
    return f"{wall_ms:013d}-{counter:04d}"


def nth_stamp_parts(wall: int, counter: int, index: int) -> tuple[int, int]:
    """(wall_ms, counter) of the stamp `index` places after (wall, counter) in a reserved run."""
    wall_steps, counter = divmod(counter + index, COUNTER_LIMIT)
    return wall + wall_steps, counter


def nth_stamp_sql(wall: str, counter: str, index: str) -> str:
    """SQL for the text of `nth_stamp_parts` (SQL expressions in, as `format_stamp` writes it)."""
    step = f"({counter} + {index})"
    return f"printf('%013d-%04d', {wall} + {step} / {COUNTER_LIMIT}, {step} % {COUNTER_LIMIT})"


def parse_stamp(stamp: str) -> tuple[int, int]:
    """(wall_ms, counter) of a stamp."""
    wall, counter = stamp.split("-")
    return int(wall), int(counter)


def stamp_to_iso(stamp: str) -> str:
    """A stamp's wall time as a row's created_at / updated_at keep it: China time to the second
    with its offset (2026-12-04T10:31:00+08:00), whatever zone this computer keeps — as
    `dates.now_stamp` writes the program's other times, so a day or minute cut from the text is
    China's and the text orders as time does."""
    return _wall_to_iso(stamp.split("-", 1)[0])


@lru_cache(maxsize=1024)
def _wall_to_iso(wall: str) -> str:
    # Cached: bulk writes stamp thousands of changes within the same millisecond. The zone is
    # fixed, so a cached text never goes stale when this computer's zone changes.
    return dt.datetime.fromtimestamp(int(wall) / 1000, CHINA).isoformat(timespec="seconds")


def key_to_iso_sql(key: str) -> str:
    """SQL for `stamp_to_iso` of the stamp a change key starts with (`_ckey`, `_ukey`: the
    13-digit wall, '-', the counter, '/', the change id), computed by the database: its first
    ten digits are the wall's whole seconds. PostgreSQL's form is made by `store.postgres`."""
    seconds = f"CAST(substr({key}, 1, 10) AS INTEGER)"
    return f"strftime('%Y-%m-%dT%H:%M:%S+08:00', {seconds}, 'unixepoch', '+8 hours')"


class HybridClock:
    """Issues monotonically increasing stamps for one device."""

    def __init__(self, last: str | None = None, now_ms: Callable[[], int] | None = None) -> None:
        self._now = now_ms or (lambda: int(time.time() * 1000))
        self.wall, self.counter = parse_stamp(last) if last else (0, 0)

    def now(self) -> str:
        """A new stamp greater than every stamp issued or observed so far."""
        physical = self._now()
        if physical > self.wall:
            self.wall, self.counter = physical, 0
        elif self.counter + 1 >= COUNTER_LIMIT:
            self.wall, self.counter = self.wall + 1, 0
        else:
            self.counter += 1
        return format_stamp(self.wall, self.counter)

    def reserve(self, count: int) -> tuple[int, int]:
        """Take `count` consecutive stamps at once (a bulk write); returns the first.

        Stamp i of the `count` (from 0) is `nth_stamp_parts(wall, counter, i)`: what `now()` called
        `count` times would give, except that a full counter moves on to the next millisecond
        instead of growing a fifth digit.
        """
        physical = self._now()
        if physical > self.wall:
            wall, counter = physical, 0
        else:
            wall, counter = self.wall, self.counter + 1
        if count:
            self.wall, self.counter = nth_stamp_parts(wall, counter, count - 1)
        return wall, counter

    def stamps(self, count: int) -> list[str]:
        """`count` new stamps at once, each greater than the one before (see `reserve`)."""
        wall, counter = self.reserve(count)
        return [format_stamp(*nth_stamp_parts(wall, counter, i)) for i in range(count)]

    def observe(self, stamp: str, vouched_ms: int = 0) -> None:
        """Move past a remote stamp, unless it is implausibly far in the future: more than
        `MAX_DRIFT_MS` ahead of this clock or, when later, of `vouched_ms` — a time its owner's
        evidence vouches real time has reached (a hub doubting its own clock as behind,
        `hub.own_clock.vouched`, which takes the stamps it vouches for: its own stamps come
        after them)."""
        wall, counter = parse_stamp(stamp)
        if not followed(wall, max(self._now(), vouched_ms)):
            return
        if (wall, counter) > (self.wall, self.counter):
            self.wall, self.counter = wall, counter

    def observe_all(self, stamps: Sequence[str], vouched_ms: int = 0) -> None:
        """`observe` each of `stamps`, in one pass when they are all of one width (a bundle's).

        Stamps of one width, with the dash in one place, order as text as they do as
        (wall, counter); so when the greatest is plausible, observing it alone ends where
        observing each would.
        """
        if not stamps:
            return
        if len(set(map(len, stamps))) == 1 and len(set(map(str.find, stamps, repeat("-")))) == 1:
            top = max(stamps)
            if followed(parse_stamp(top)[0], max(self._now(), vouched_ms)):
                self.observe(top, vouched_ms)
                return
        for stamp in stamps:
            self.observe(stamp, vouched_ms)

    @property
    def last(self) -> str:
        """The latest stamp issued or observed."""
        return format_stamp(self.wall, self.counter)
