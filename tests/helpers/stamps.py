"""Change stamps a tampered device writes: a month ahead of now (`_month_ahead`)."""

from __future__ import annotations

import time

from fieldapp.store.hlc import format_stamp

DAY_MS = 24 * 3600 * 1000


def _month_ahead() -> str:
    return format_stamp(int(time.time() * 1000) + 30 * DAY_MS, 0)
