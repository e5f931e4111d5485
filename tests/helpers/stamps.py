"""Change stamps a tampered device writes: a month ahead of now (`_month_ahead`)."""

from __future__ import annotations

import time

from fieldapp.hub.own_clock import DAY_MS
from fieldapp.store.hlc import format_stamp

__all__ = ["DAY_MS", "_month_ahead"]


def _month_ahead() -> str:
    return format_stamp(int(time.time() * 1000) + 30 * DAY_MS, 0)
