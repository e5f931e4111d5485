"""Sending a paper to the printer: the print was logged after the pages had gone, so with the
ledger's stick pulled out (or its disk full) the paper came out unlogged and the clerk read
这次的修改没有保存. The print is now logged before any page goes; when it cannot be, nothing is
printed and the clerk is told why; once the ledger is back the same print goes and is logged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from fieldapp.paperwork import jobs
from fieldapp.ui import papers
from fieldapp.ui.pdf_preview import PdfPreview
from tests.ui.conftest import VILLAGE


def _printed(window) -> int:
    return int(window.session.ledger.db.execute("SELECT count(*) FROM print_log").fetchone()[0])


def test_a_print_that_cannot_be_logged_is_not_printed(
    window, qtbot, tmp_path: Path, warnings_shown
) -> None:
    session = window.session
    job = jobs.rosters_job(session.ledger, VILLAGE, dt.date.today())
    pdf = job.render()
    preview = PdfPreview(
        pdf, job.title, "x.pdf", lambda _p: "", window, papers.print_logger(session, job, pdf)
    )
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    paper = tmp_path / "打印机" / "纸.pdf"
    paper.parent.mkdir()
    printer.setOutputFileName(str(paper))
    ledger = Path(session.path)
    away = ledger.with_name("拔出的U盘.db")
    ledger.rename(away)  # the ledger's stick pulled out
    try:
        assert not preview.print_to(printer)
    finally:
        away.rename(ledger)
    said = warnings_shown[-1]
    assert "没有打印" in said and "打印记录" in said and "U 盘" in said, said
    # No page drawn (the job cancelled: a file printer still leaves an empty document).
    assert not paper.exists() or b"/Subtype /Image" not in paper.read_bytes()
    assert _printed(window) == 0

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(paper))
    assert preview.print_to(printer)
    assert b"/Subtype /Image" in paper.read_bytes()
    assert _printed(window) == 1
    assert "已记入打印记录" in preview.note.text()
