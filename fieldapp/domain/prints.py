"""The print log's record: one printed paper, with the hash of what it printed.

A signed paper roster found later is matched to the ledger by the code in its footer; the log
says who printed it, when, on which device, and what it covered.
"""

from __future__ import annotations

from typing import ClassVar

from fieldapp.domain.models import Record


class PrintRecord(Record):
    """One printed paper, as logged (a synced, attributable row of `print_log`)."""

    TABLE: ClassVar[str] = "print_log"
    paper: str
    code: str
    content_hash: str
    pages: int
    rows: int = 0
    total_amount: float = 0.0
    batch_id: str = ""
    claim_id: str = ""
    person_id: str = ""
    area_code: str = ""
    month: str = ""
    file_name: str = ""
    printed_at: str = ""
