"""Errors as Chinese messages, never tracebacks: a sys.excepthook and a message-box helper."""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TextIO

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fieldapp import saving
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.labels import field_label
from fieldapp.domain.redact import app_log, log_to, redact_traceback
from fieldapp.domain.sentences import Word
from fieldapp.paths import data_dir, make_private
from fieldapp.policy.claim_flow import TransitionRefused
from fieldapp.policy.guard import LimitExceeded
from fieldapp.services.claims import ClaimRefused
from fieldapp.services.clock import ClockWrong
from fieldapp.services.policy_admin import PolicyRefused
from fieldapp.services.trust_check import TrustRefused
from fieldapp.ui.clock_said import clock_refused, clock_told
from fieldapp.ui.held_words import part_shown, reason_shown, sentence_shown
from fieldapp.ui.widgets import as_typed

log = logging.getLogger("fieldapp.ui")


class FormRefused(FieldappError, ValueError):
    """A form's own refusal of what was typed or chosen, its sentence already in the language
    shown (a `tr()`): said as it is, in either window (a plain ValueError's text is said only
    when it is Chinese — an English one is a program's)."""


def setup_logging() -> None:
    """Log to fieldapp.log in the data folder (where a helper can find it), redacted, with
    the file readable by its owner only."""
    path = app_log()
    redact_earlier_log(path)
    log_to(path)


#: Remembered (fieldapp.ini) once the log file holds only redacted lines.
LOG_REDACTED = "log_redacted"


def redact_earlier_log(path: Path) -> None:
    """The first wave wrote fieldapp.log unredacted (a failed save's values, ID numbers and
    names in its exception texts) and readable by every user of the laptop; the first start of
    this version redacts what is there, in place — the old bytes overwritten, not left in freed
    blocks — and remembers it did (lines written since are redacted as they are written)."""
    from fieldapp.ui import prefs

    if prefs.get(LOG_REDACTED) == "1":
        return
    try:
        if path.is_file() and path.stat().st_size:
            old = path.read_bytes()
            text = redact_traceback(old.decode("utf-8", errors="replace"))
            new = (text + "\n" if text and not text.endswith("\n") else text).encode("utf-8")
            with open(path, "r+b") as log_file:
                log_file.write(bytes(len(old)))  # the clear text gone from the disk's blocks
                log_file.flush()
                os.fsync(log_file.fileno())
                log_file.seek(0)
                log_file.write(new)
                log_file.truncate()
                log_file.flush()
                os.fsync(log_file.fileno())
    except OSError:
        return  # tried again at the next start
    prefs.put(LOG_REDACTED, "1")


_crash_log: TextIO | None = None


def record_crashes() -> None:
    """Have a hard crash (Qt or another native library: no Python exception to catch) leave
    the Python stack of every thread in crash.log in the data folder — file, function and line
    only, no ledger data — so the county's IT can tell us where it happened."""
    global _crash_log
    if _crash_log is not None:
        return
    path = data_dir() / "crash.log"
    _crash_log = path.open("a", encoding="utf-8")  # open for the whole run: written at the crash
    make_private(path)
    faulthandler.enable(_crash_log, all_threads=True)


def message_for(error: BaseException, *, logged: bool = False) -> str:
    """The one sentence a coordinator is shown for `error`, in the language shown — for every
    dialog, status line and tooltip that reports a failure (never `str(error)` of a program's
    exception: an English message, a path or a repr):

    - our own errors (`FieldappError`) as they say themselves — their sentence's translation
      where they carry one (a `Sentence`, `said`), a clock refusal with how to set the clock;
    - a form's values refused by a model, field by field (`invalid_input`);
    - a file that could not be read or written, by its errno (`file_trouble`): disk full, no
      permission, not found, in use …, naming the file by its name;
    - the ledger's own file full, read-only or busy (SQLite's words, `_ledger_trouble`), a
      county hub's database gone from under it;
    - anything else a general sentence, the detail written to the log (unless `logged`: the
      caller has written it already) and never to the dialog."""
    if isinstance(error, ClockWrong):
        return clock_refused(error)
    if isinstance(error, TrustRefused):
        # The rule's own words in the language shown where they are translated (Outside this
        # computer's area), else the write door's Chinese sentence (it names the place).
        return reason_shown(error.rule, str(error), error.said)
    if (
        isinstance(error, (ClaimRefused, TransitionRefused, LimitExceeded, PolicyRefused))
        and error.said
    ):
        # A claim refused by the policy (a subsidy not in force, a month not yet come, a
        # step the flow does not take, a repeat), a pack a village device may not install:
        # its sentence in the language shown.
        return reason_shown(None, str(error), error.said)
    if isinstance(error, FieldappError):
        return sentence_shown(error.said) if error.said is not None else str(error)
    if isinstance(error, ValidationError):
        return invalid_input(error)
    if isinstance(error, OSError):
        trouble = file_trouble(error)
        if trouble:
            return trouble
    if isinstance(error, ValueError) and _is_chinese(str(error)):
        return str(error)  # a check's own reason (the print settings', a date's)
    trouble = _ledger_trouble(error)
    if trouble:
        return trouble
    if not logged:
        log.error(
            "操作没有完成: %s",
            type(error).__name__,
            exc_info=(type(error), error, error.__traceback__),
        )
    if isinstance(error, OSError):
        return QCoreApplication.translate(
            "Errors", "读写%1时出错，操作没有完成。详情已记入日志文件 fieldapp.log。"
        ).replace("%1", _file_named(error))
    return QCoreApplication.translate(
        "Errors",
        "操作没有完成：程序内部出错，详情已记入日志文件 fieldapp.log。已保存的数据不受影响。",
    )


def file_trouble(error: OSError) -> str:
    """A file that could not be read or written, said by its errno (`saving.TROUBLES`) in the
    language shown and naming the file by its name (the whole path only where a part of it is
    the trouble); '' for an errno no coordinator can act on (the caller says it generally, and
    logs it)."""
    said = saving.told(error, _file_named(error, saving.names_path(error)))
    return "" if said is None else sentence_shown(said)


def _file_named(error: OSError, whole: bool = False) -> str:
    """The file an OSError names, by its name in quotes (“花名册.xlsx”), or its whole path where
    `whole` (or the name is empty: a drive); "the file" when it names none."""
    where = error.filename if error.filename is not None else error.filename2
    if where is None or isinstance(where, int):
        return QCoreApplication.translate("Errors", "这个文件")
    path = os.fsdecode(where)
    # (either separator: a Windows path said on any system, as a bundle's log may carry one)
    shown = path if whole else re.split(r"[\\/]", path.rstrip("\\/"))[-1] or path
    return f"“{shown}”"


def _ledger_trouble(error: BaseException) -> str:
    """SQLite's own words for a write to the ledger that failed on its disk or file, or on
    another program's lock, said as the clerk can act on them; '' for any other error. (A
    full disk with an open ledger is not a program fault: "internal error" sent the clerk to
    the log instead of to freeing some room.)"""
    trouble = saving.ledger_trouble(error)
    if trouble == saving.DISK:
        return QCoreApplication.translate(
            "Errors",
            "无法写入台账：磁盘已满，或存放台账的 U 盘被拔出了。这次的修改没有保存，此前保存的"
            "数据不受影响。请腾出磁盘空间（或插好 U 盘）后再保存一次。",
        )
    if trouble == saving.READ_ONLY:
        return QCoreApplication.translate(
            "Errors",
            "无法写入台账：台账文件是只读的（U 盘打开了写保护，或文件被设为只读）。这次的修改"
            "没有保存，此前保存的数据不受影响。请去掉写保护后重新打开台账。",
        )
    if trouble == saving.LOST:  # a county hub's PostgreSQL restarted or ended the connection
        return QCoreApplication.translate(
            "Errors",
            "与数据库的连接断开了（数据库重启了，或管理员中断了连接）：这次的操作没有完成，"
            "此前保存的数据不受影响，请稍后再试。",
        )
    if trouble == saving.BUSY:
        return QCoreApplication.translate(
            "Errors",
            "台账正忙：另一个程序（另一个打开着的桌面程序、导入或命令）正在写入它，还没有"
            "结束。这次的修改没有保存，请等它完成后再保存一次。",
        )
    return ""


def invalid_input(error: ValidationError) -> str:
    """A form's values refused by a model, field by field in the user's words: a refusal that
    explains itself in Chinese (an ID number) as it is, others as "<field> 格式不对"."""
    parts: list[str] = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem.get("loc") else ""
        cause = (problem.get("ctx") or {}).get("error")
        if isinstance(cause, FieldappError):  # our own refusal (an ID number's): in its words
            parts.append(message_for(cause))
        elif cause is not None and _is_chinese(str(cause)):
            parts.append(str(cause))
        else:
            parts.append(
                QCoreApplication.translate("Errors", "%1格式不对").replace(
                    "%1",
                    part_shown(Word(field_label(field))) if field else "",  # as shown
                )
            )
    joined = QCoreApplication.translate("Errors", "；")  # the window's separator
    return QCoreApplication.translate("Errors", "输入有误：") + joined.join(dict.fromkeys(parts))


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def title_for(error: BaseException | str) -> str:
    """The box's title: "请检查" when the user can put it right (a refusal explained in
    Chinese, a missing choice), else what kind of failure it was — never "出错了"."""
    # The ledger's own disk, write protection or another program's write: named in the title,
    # as `_ledger_trouble` names it in the text (nothing the coordinator typed was wrong) —
    # also where one of our own errors says it met it (a key change with no room beside the
    # ledger for its encrypted copy).
    trouble = "" if isinstance(error, str) else _trouble_in(error)
    if not trouble and (
        isinstance(error, (str, FieldappError))
        or (isinstance(error, ValueError) and _is_chinese(str(error)))
    ):
        return QCoreApplication.translate("Errors", "请检查")
    if trouble == saving.DISK:
        return QCoreApplication.translate("Errors", "台账所在的磁盘已满或 U 盘已拔出")
    if trouble == saving.READ_ONLY:
        return QCoreApplication.translate("Errors", "台账是只读的")
    if trouble == saving.BUSY:
        return QCoreApplication.translate("Errors", "台账正忙")
    if isinstance(error, OSError):
        return QCoreApplication.translate("Errors", "无法读写文件")
    return QCoreApplication.translate("Errors", "操作没有完成")


def _trouble_in(error: BaseException) -> str:
    """What the ledger's write met (`saving.ledger_trouble`: its disk, write protection,
    another program's write), read from `error` or one it was raised from (`raise … from`);
    one of our own errors says it by its `trouble` (`vault.NoRoom`); '' for none."""
    link: BaseException | None = error
    while link is not None:
        said = getattr(link, "trouble", "") if isinstance(link, FieldappError) else ""
        trouble = said if isinstance(said, str) and said else saving.ledger_trouble(link)
        if trouble:
            return trouble
        link = link.__cause__
    return ""


def delete_refused(error: BaseException) -> str:
    """A delete the write door refused — the trust rules (another area's record, a claim past
    its draft), this laptop's date — said as the edit forms say theirs: that nothing was
    removed and what is shown is still there, then why. Any other failure as `message_for`
    says it (a full disk, an internal error: each says nothing was saved)."""
    if isinstance(error, ClockWrong):
        return (
            QCoreApplication.translate(
                "Errors", "这次没有删除任何内容，显示的记录都还在：把日期改对后再删除一次即可。"
            )
            + "\n\n"
            + clock_told(error.days)
        )
    said = message_for(error)
    if isinstance(error, FieldappError) or (
        isinstance(error, ValueError) and _is_chinese(str(error))
    ):
        kept = QCoreApplication.translate("Errors", "这次没有删除任何内容，显示的记录都还在。")
        return kept + "\n\n" + said
    return said


def show_delete_refused(parent: QWidget | None, error: BaseException) -> None:
    """A warning box titled 没有删除 with `delete_refused`'s words."""
    QMessageBox.warning(
        parent, QCoreApplication.translate("Errors", "没有删除"), as_typed(delete_refused(error))
    )


def show_error(
    parent: QWidget | None,
    error: BaseException | str,
    *,
    logged: bool = False,
    text: str | None = None,
) -> None:
    """A warning box with `message_for`'s sentence, titled by whose move it is (`title_for`).
    `text` is the box's words where the caller says more than the error (what was done before
    it stopped, then `message_for`'s sentence): the title is still the error's own — a full
    disk is not titled 请检查 for being said in a sentence of the caller's."""
    if text is None:
        text = error if isinstance(error, str) else message_for(error, logged=logged)
    QMessageBox.warning(parent, title_for(error), as_typed(text))  # a name or file drawn as typed


def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback, show the user a sentence (never the traceback)."""
    log.error("未处理的错误\n%s", "".join(traceback.format_exception(kind, error, tb)))
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    show_error(QApplication.activeWindow(), error, logged=True)


def install_excepthook() -> None:
    """Route uncaught exceptions (also in Qt slots) to `excepthook`."""
    sys.excepthook = excepthook
