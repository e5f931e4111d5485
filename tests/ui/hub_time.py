"""The laptop's note of the hub's time, as if fetched a moment ago (`_hub_reads`)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.dates import CHINA
from fieldapp.services import clock


def _hub_reads(window, days: float) -> None:
    """The hub's answer, fetched a moment ago, read `days` from this laptop's clock."""
    hub_time = dt.datetime.now(CHINA) + dt.timedelta(days=days)
    clock.note(window.session.ledger, hub_time.isoformat(), fresh=True)
