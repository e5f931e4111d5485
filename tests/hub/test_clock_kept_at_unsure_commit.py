"""A hub's PostgreSQL COMMIT whose connection went as its answer came back: recorded, and the
hub cannot tell (`saving.unsure_commit`). The ledger's clock was put back to where it stood
before the transaction, as after a rollback — but the database may hold that transaction's
stamps and its `hlc` (a device's stamp the import followed, up to a day ahead of the hub's
own time): the hub's next changes were then stamped before changes it holds, and a later
decision of the county could lose to the change it decided on. A clock never goes back past
a stamp that may be recorded: after an unsure COMMIT it stays where the transaction left it."""

from __future__ import annotations

import time

import psycopg
import pytest

from fieldapp.hub.folder import Hub
from fieldapp.saving import unsure_commit
from fieldapp.store.hlc import format_stamp, parse_stamp
from fieldapp.store.ledger import Ledger
from tests.hub.cut_at_commit import CutAtCommit

pytestmark = pytest.mark.parametrize("backend", ["postgresql"], indirect=True)

HOUR_MS = 3_600_000


def test_the_clock_is_not_put_back_past_a_commit_that_may_be_recorded(
    hub: Hub, store_url: str, postgres_admin: str
) -> None:
    cutter = CutAtCommit(postgres_admin)
    database = str(psycopg.conninfo.conninfo_to_dict(store_url)["dbname"])
    ledger = Ledger.open(cutter.url(database))
    try:
        # A device's stamp an hour ahead of the hub, followed as an import follows it.
        ahead = format_stamp(int(time.time() * 1000) + HOUR_MS, 0)
        cutter.arm(b"meta")  # the COMMIT after the clock's `hlc` is written
        with pytest.raises(psycopg.OperationalError) as lost:
            with ledger.transaction():
                ledger.clock.observe(ahead)
        assert cutter.cut.wait(5)  # (set by the relay just after it cut)
        assert unsure_commit(lost.value)
        with psycopg.connect(store_url) as admin:
            row = admin.execute("SELECT value FROM meta WHERE key = 'hlc'").fetchone()
        assert row is not None and row[0] == ahead  # recorded after all
        assert parse_stamp(ledger.clock.now()) > parse_stamp(ahead)
    finally:
        ledger.close()
        cutter.close()
