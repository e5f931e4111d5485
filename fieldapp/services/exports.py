"""The export log (issue 16): every file of personal data written out is recorded like a print.

Exports are clear by nature (they go to paper and to the county). The dialogs and commands say
so (`PERSONAL_DATA_NOTE`), and each export is logged — who (the logged-in user) and on which
device (the row's attribution), what, how many people, when, and the SHA-256 of the file, so a
spreadsheet found later can be matched to the export that made it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.sentences import Sentence, said, template
from fieldapp.paths import make_private
from fieldapp.saving import BUSY, DISK, READ_ONLY, discard, ledger_trouble
from fieldapp.store import users as store
from fieldapp.store.connection import LedgerGone
from fieldapp.store.ledger import Ledger

# The kind a ledger export is logged under, the one an update's export-log match looks for
# (`exported_before`): the desktop's and the command's exports log it by this one name.
from fieldapp.store.queries.tabular import LEDGER_EXPORT as LEDGER_EXPORT

#: Said by every export and print dialog, and by the export commands.
PERSONAL_DATA_NOTE = "含个人信息，请妥善保管"


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def record_export(
    ledger: Ledger,
    kind: str,
    path: str | Path,
    persons: int,
    rows: int | None = None,
    area_code: str | None = None,
) -> str:
    """Log one export that has been written to `path`; returns the log row's id.

    The file is made readable by its owner only (0600 on Linux) whatever the process's umask:
    the command line sets 077 for itself, but an export must not rely on how it was started."""
    make_private(path)
    try:
        return store.log_export(
            ledger,
            kind,
            Path(path).name,
            file_hash(path),
            persons,
            persons if rows is None else rows,
            area_code,
            check=_door(ledger),
        )
    except Exception as error:
        # An export nobody can trace must not stay on the stick: the file goes, and the clerk
        # is told it went and why (the ledger's disk, not the export's, is the trouble).
        discard(Path(path))
        refusal = not_logged(error, Path(path))
        if refusal is None:
            raise
        raise refusal from error


def _door(ledger: Ledger) -> Callable[[str, dict[str, Any]], None]:
    """The write door's check of an export's log row, as the hub will judge it (an export of
    another village's area is refused, `trust.NAMED`): raises `TrustRefused`."""
    from fieldapp.services.actor import ProposedChange, actor_of
    from fieldapp.services.trust_check import gateway_check

    door = gateway_check(ledger)

    def check(row_id: str, fields: dict[str, Any]) -> None:
        door(actor_of(ledger), ProposedChange("export_log", row_id, None, dict(fields)))

    return check


class NotLogged(FieldappError):
    """A file was not kept because its export or print could not be logged in the ledger."""


#: Why the ledger could not be written (the ledger's file gone, its disk full, read-only,
#: another program writing), and what to do about it: the parts of `not_logged`'s refusals.
LEDGER_GONE = template("找不到台账文件：存放它的 U 盘被拔出了，或文件被移走、替换了")
LEDGER_GONE_REMEDY = template("插好 U 盘（或把台账放回原处）")
DISK_FULL = template("台账所在的磁盘已满，或存放台账的 U 盘被拔出了")
DISK_FULL_REMEDY = template("腾出台账所在磁盘的空间（或插好 U 盘）")
READ_ONLY_LEDGER = template("台账文件是只读的（U 盘打开了写保护？）")
READ_ONLY_REMEDY = template("去掉写保护、重新打开台账")
LEDGER_BUSY = template("另一个程序正在写入台账，还没有结束")
LEDGER_BUSY_REMEDY = template("稍等片刻")
#: A paper for a printer (%1 the printer's name) not printed: its print not logged (%2 why,
#: %3 what to do).
NOT_PRINTED = template(
    "没有打印：台账无法写入这次的打印记录（%2），而每份打印件都必须记入打印记录。"
    "没有送任何一页到打印机“%1”，台账也没有改动。请%3后再打印一次"
)
#: A PDF (%1) not saved for the same, the file there before kept or none written.
PDF_NOT_SAVED_OLD_KEPT = template(
    "“%1”没有保存：台账无法写入这次的打印记录（%2），而每份打印件都必须记入"
    "打印记录。原来的文件没有改动，台账也没有改动。请%3后再保存一次"
)
PDF_NOT_SAVED = template(
    "“%1”没有保存：台账无法写入这次的打印记录（%2），而每份打印件都必须记入"
    "打印记录。没有写入任何文件，台账也没有改动。请%3后再保存一次"
)
#: An export (%1) written, then deleted: its export not logged.
EXPORT_NOT_KEPT = template(
    "“%1”没有留下：文件已写出，但台账无法写入这次的导出记录（%2），而每次导出"
    "都必须记入导出记录，所以已把它删除。台账没有改动。请%3后再导出一次"
)


def _ledger_cause(error: BaseException) -> tuple[Sentence, Sentence] | None:
    """Why the ledger could not be written, and what to do about it (None: not the ledger's
    file or disk — a program fault, said as such)."""
    if isinstance(error, LedgerGone):
        return said(LEDGER_GONE), said(LEDGER_GONE_REMEDY)
    trouble = ledger_trouble(error)
    if trouble == DISK:
        return said(DISK_FULL), said(DISK_FULL_REMEDY)
    if trouble == READ_ONLY:
        return said(READ_ONLY_LEDGER), said(READ_ONLY_REMEDY)
    if trouble == BUSY:
        return said(LEDGER_BUSY), said(LEDGER_BUSY_REMEDY)
    return None


def not_logged(
    error: BaseException,
    path: Path,
    *,
    printed: bool = False,
    old_kept: bool = False,
    to_printer: bool = False,
) -> NotLogged | None:
    """The Chinese refusal for a file (an export, or with `printed` a PDF) not kept because its
    log entry could not be written for `error`; None when `error` is not the ledger's trouble.
    `old_kept`: a file of that name was there before and is untouched; `to_printer`: the
    paper was for the printer named `path`, and nothing was sent to it."""
    cause = _ledger_cause(error)
    if cause is None:
        return None
    why, remedy = cause
    if to_printer:  # `path`: the printer's name
        return NotLogged(said(NOT_PRINTED, str(path), why, remedy))
    if printed:
        kept = PDF_NOT_SAVED_OLD_KEPT if old_kept else PDF_NOT_SAVED
        return NotLogged(said(kept, str(path), why, remedy))
    return NotLogged(said(EXPORT_NOT_KEPT, str(path), why, remedy))


def export_log(ledger: Ledger, limit: int = 200) -> list[dict[str, Any]]:
    """The latest exports, newest first (JSON keys: id, kind, file_name, file_hash, persons,
    rows, area_code, exported_at, user, device)."""
    return store.export_log(ledger.db, limit)
