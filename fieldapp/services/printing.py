"""Printing: every paper printed is logged (who, when, on which device, what it covered)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.domain.dates import now_stamp
from fieldapp.domain.prints import PrintRecord
from fieldapp.services.changes import ChangeSet
from fieldapp.services.writer import Actor, writing

if TYPE_CHECKING:
    from fieldapp.store.ledger import Ledger


def log_print(ledger: Ledger, actor: Actor, record: PrintRecord) -> ChangeSet:
    """Log one printed paper (synced like any record); the change set's id is the log row's."""
    if not record.printed_at:
        # China time with its offset, as the program writes a time (rows logged before it
        # keep this computer's local time, no zone; `dates.china_minute` reads both).
        record = record.model_copy(update={"printed_at": now_stamp()})
    with writing(ledger, actor) as writer:
        row_id = writer.insert(record)
    return writer.changes.with_id(row_id)
