"""Render a paper off the GUI thread, then preview it; saving writes and logs the print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldapp.domain.progress import Cancelled
from fieldapp.domain.sentences import fill
from fieldapp.paperwork import jobs
from fieldapp.paperwork.jobs import PrintJob
from fieldapp.services.exports import not_logged
from fieldapp.services.ledgers import Ledger
from fieldapp.ui.errors import show_error
from fieldapp.ui.held_words import part_shown
from fieldapp.ui.operations import OperationPanel, OperationProgress
from fieldapp.ui.pdf_preview import PdfPreview
from fieldapp.ui.session import Session

JobMaker = Callable[[Ledger], PrintJob]
#: Told the preview once it opens (tests read it there).
OnOpen = Callable[[PdfPreview], None]


def render_job(
    session: Session, make: JobMaker, progress: OperationProgress
) -> tuple[PrintJob, bytes]:
    """Build and render a job on a worker connection (runs on the thread pool)."""
    with session.worker_ledger() as ledger:
        job = make(ledger)
        pdf = job.render(progress.step, progress.is_cancelled)
    return job, pdf


def save_note(pages: int, code: str, path: Path) -> str:
    """What the preview says after saving: where, how many pages, the code on the paper."""
    return fill(
        QCoreApplication.translate("Papers", "已保存到 %1（共 %2 页，校验码 %3）"),
        (str(path), str(pages), code),
    )


def print_logger(session: Session, job: PrintJob, pdf: bytes) -> Callable[[str], str]:
    """What logs `pdf` sent to a printer (called before its first page goes: a print that
    cannot be logged is not printed) and returns the note the preview shows."""

    def logger(printer: str) -> str:
        where = f"打印机 {printer}"  # the log's record: data, in Chinese in any language
        try:
            printed = jobs.log_printed(session.ledger, job, pdf, where, session.actor)
        except Exception as error:
            refusal = not_logged(error, Path(printer), to_printer=True)
            if refusal is None:
                raise
            raise refusal from error
        session.apply(printed.changes)
        record = printed.record
        return fill(
            QCoreApplication.translate(
                "Papers", "已送打印机 %1（共 %2 页，校验码 %3），已记入打印记录"
            ),
            (printer, str(record.pages), record.code),
        )

    return logger


def preview(
    parent: QWidget,
    panel: OperationPanel,
    session: Session,
    make: JobMaker,
    on_open: OnOpen | None = None,
) -> None:
    """Render `make`'s job with progress and cancel, then show the preview dialog."""

    def opened(result: tuple[PrintJob, bytes]) -> None:
        job, pdf = result

        def saver(path: Path) -> str:
            printed = jobs.save(session.ledger, job, pdf, path, session.actor)
            session.apply(printed.changes)
            record = printed.record
            return save_note(record.pages, record.code, path)

        dialog = PdfPreview(
            pdf, job.title, job.file_name(), saver, parent, print_logger(session, job, pdf)
        )
        if job.note:
            # Beside the reminder that the paper holds personal data, never instead of it; in
            # the window's language (the paper stays Chinese).
            both = QCoreApplication.translate("Papers", "%1。%2")
            dialog.note.setText(fill(both, [part_shown(job.said), dialog.note.text()]))
        if on_open:
            on_open(dialog)
        dialog.open()

    def failed(error: BaseException) -> None:
        if not isinstance(error, Cancelled):
            show_error(parent, error)

    panel.run(
        QCoreApplication.translate("Papers", "正在生成 PDF……"),
        lambda progress: render_job(session, make, progress),
        opened,
        failed,
    )
