"""打印 → 打印记录's 时间 column cut the stored text at 16 characters: a print logged before
ledger version 35 — this computer's own clock, no zone; on a laptop kept in UTC 02:45 for 10:45
at the office — said 02:45, while the CLI's print log (`china_minute`) and the paper's own
footer said 10:45. The column now says China time to the minute, as the rest of the program."""

from __future__ import annotations

import datetime as dt
import re

import time_machine
from PySide6.QtCore import Qt

from fieldapp.domain.dates import CHINA
from fieldapp.domain.prints import PrintRecord
from fieldapp.paperwork import jobs
from fieldapp.services.printing import log_print
from fieldapp.ui import papers
from tests.paperwork.pdftext import page_texts
from tests.ui.conftest import VILLAGE

#: 10:31 on 4 December at the office: 02:31 UTC.
OFFICE = dt.datetime(2026, 12, 4, 10, 31, 5, tzinfo=CHINA)


def test_the_print_log_says_china_time_on_a_utc_clock(window, clock) -> None:
    clock("UTC")
    session = window.session
    with time_machine.travel(OFFICE, tick=True):
        job = jobs.rosters_job(session.ledger, VILLAGE, dt.date(2026, 12, 4))
        pdf = job.render()
        papers.print_logger(session, job, pdf)("村委会的打印机")
    footer = re.search(
        r"打印时间\s*(\d{4}年\d{1,2}月\d{1,2}日)\s+(\d{2}:\d{2})", page_texts(pdf)[0]
    )
    assert footer and footer.groups() == ("2026年12月4日", "10:31")
    # logged before version 35 by this computer's own clock (UTC), no zone: 10:45 in China
    earlier = PrintRecord(
        paper="花名册",
        code="ABCD1234",
        content_hash="0" * 64,
        pages=1,
        printed_at="2026-12-04T02:45:00",
    )
    session.apply(log_print(session.ledger, session.actor, earlier))
    page = window.show_page("print")
    page.refresh()
    model = page.log
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    when = headers.index("时间")
    said = sorted(model.index(r, when).data() for r in range(model.rowCount()))
    assert said == ["2026-12-04 10:31", "2026-12-04 10:45"]
