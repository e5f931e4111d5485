"""A failure reaching a dialog, a status line or a tooltip is said in the user's words
(`errors.message_for`), never as `str(error)` of the program's exception: a full disk, a file
another program holds, a missing file by errno, naming the file by its name; an internal fault
(a KeyError) as a general sentence, its detail in the log and not on screen; the English
window in English."""

from __future__ import annotations

import datetime as dt
import errno
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain.models import Person
from fieldapp.store.ledger import Ledger
from fieldapp.ui import errors, i18n, policy_access, search_worker
from fieldapp.ui.dialogs.records import SpellDialog
from tests.english import in_english
from tests.records import Records
from tests.ui.conftest import UI_USER, as_drawn
from tests.ui.plain import assert_plain

#: A bundle written to a stick that filled up: the system's English and the whole path.
FULL = OSError(errno.ENOSPC, "No space left on device", "/media/李芳/KINGSTON/交换/大坝村.fab")
#: A program fault: its repr names the program's insides.
FAULT = KeyError("persons.hukou_code")


def _english_free(text: str) -> None:
    """Nothing of the program's own text: not the system's English, not the path's folders,
    not the exception's kind or key."""
    for inside in ("No space left", "Errno", "/media", "KINGSTON", "KeyError", "hukou_code"):
        assert inside not in text, text
    assert_plain(text)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    with in_english():
        yield


def test_the_helper_says_each_errno_by_the_files_name(qapp):
    in_use = PermissionError(errno.EACCES, "Permission denied", "D:\\台账\\花名册.xlsx")
    gone = FileNotFoundError(errno.ENOENT, "No such file or directory", "/media/u/名单.xlsx")
    said = {
        "full": errors.message_for(FULL),
        "in use": errors.message_for(in_use),
        "gone": errors.message_for(gone),
        "busy": errors.message_for(OSError(errno.EBUSY, "Device or resource busy", "/a/b.pdf")),
    }
    assert said["full"].startswith("磁盘已满：“大坝村.fab”没有写完"), said
    assert "没有权限读写“花名册.xlsx”" in said["in use"] and "Excel" in said["in use"], said
    assert said["gone"].startswith("文件不存在：找不到“名单.xlsx”"), said
    assert said["busy"].startswith("文件被占用：“b.pdf”正被其他程序"), said
    for text in said.values():
        _english_free(text)
        assert "Permission denied" not in text and "No such file" not in text
        assert "\\台账" not in text and "/media/u" not in text
    # No file named: said without one.
    assert errors.message_for(OSError(errno.ENOSPC, "No space left on device")).startswith(
        "磁盘已满：这个文件没有写完"
    )


def test_an_unknown_errno_and_an_internal_fault_are_general_and_logged(qapp, caplog):
    with caplog.at_level(logging.ERROR, logger="fieldapp.ui"):
        odd = errors.message_for(OSError(errno.ELOOP, "Too many levels of symbolic links", "/x/y"))
        fault = errors.message_for(FAULT)
    assert odd.startswith("读写“y”时出错，操作没有完成") and "symbolic" not in odd, odd
    assert fault.startswith("操作没有完成：程序内部出错"), fault
    _english_free(fault)
    logged = "\n".join(r.getMessage() + str(r.exc_info and r.exc_info[1]) for r in caplog.records)
    assert "KeyError" in logged and "hukou_code" in logged, logged  # the detail: in the log
    assert "symbolic links" in logged, logged


def test_the_english_window_says_them_in_english(english):
    full = errors.message_for(FULL)
    assert full.startswith("The disk is full: “大坝村.fab” was not written completely"), full
    fault = errors.message_for(FAULT)
    assert fault.startswith("Not done: an internal error in the program"), fault
    for text in (full, fault):
        assert "磁盘" not in text and "程序内部" not in text
        _english_free(text)


# -- the places: the sync page's result line and box, the subsidies' rule tooltip, the settings'
# -- policy line, a record's form, the search thread's failure --------------------------------


def test_a_full_disk_and_a_fault_on_the_sync_page(window, warnings_shown):
    page = window.show_page("sync")
    page._failed(FULL)  # the exchange's operation failed writing the bundle
    assert page.result_label.text().startswith("失败：磁盘已满：“大坝村.fab”没有写完")
    assert warnings_shown[-1].startswith("磁盘已满：“大坝村.fab”没有写完")
    _english_free(page.result_label.text())

    page._failed(FAULT)
    assert page.result_label.text().startswith("失败：操作没有完成：程序内部出错")
    assert warnings_shown[-1].startswith("操作没有完成：程序内部出错")
    _english_free(page.result_label.text())


def test_the_sync_page_in_english(window, warnings_shown):
    assert window.set_language("en")
    try:
        page = window.show_page("sync")
        page._failed(FULL)
        said = page.result_label.text()
        assert "The disk is full: “大坝村.fab” was not written completely" in said, said
        assert "磁盘已满" not in said and "磁盘已满" not in warnings_shown[-1]
        _english_free(said)
    finally:
        window.set_language("zh_CN")


def test_a_broken_policy_on_the_subsidies_and_settings_pages(window, monkeypatch):
    # The policy pack fails to load with a program fault and, on a second start, with the
    # stick full while it is read: both pages stay usable and say so in the user's words.
    for failure, start in ((FAULT, "操作没有完成：程序内部出错"), (FULL, "磁盘已满")):

        def broken(*_a: object, failure: BaseException = failure, **_k: object) -> object:
            raise failure

        monkeypatch.setattr(policy_access, "policy", broken)
        monkeypatch.setattr(policy_access, "state", broken)
        subsidies = window.show_page("subsidies")
        subsidies.rule.clear()
        subsidies._fill_rules()
        said = as_drawn(subsidies.rule.toolTip())  # (drawn as typed, wrapped)
        assert said.startswith(start), said
        _english_free(said)
        settings = window.show_page("settings")
        settings._show_policy()
        assert settings.policy_label.text().startswith(start), settings.policy_label.text()
        _english_free(settings.policy_label.text())


def test_a_forms_own_refusal_is_said_in_the_english_window(window, qtbot):
    # The form's reason, tr()'d into English, is not taken for a program's English text.
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    for lang, said in (("zh_CN", "结束日期早于开始日期"), ("en", "The end date")):
        i18n.install_language(lang)
        try:
            dialog = SpellDialog(window.session, who.id)
            qtbot.addWidget(dialog)
            dialog.start.set_value(dt.date(2026, 11, 1))
            dialog.end.set_value(dt.date(2026, 10, 1))
            dialog.save_and_accept()
            assert dialog.error.text().startswith(said), dialog.error.text()
            assert "程序内部" not in dialog.error.text() and "internal" not in dialog.error.text()
        finally:
            i18n.install_language("zh_CN")


def _failing_listing(*_a: object, **_k: object) -> object:
    raise FAULT


def test_a_fault_on_the_search_thread_is_reported_in_words(
    qtbot, ledger_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from fieldapp.ui.app import make_app

    make_app()
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    monkeypatch.setattr(search_worker, "person_rowids", _failing_listing)
    service = search_worker.SearchService(ledger.reader)
    try:
        with qtbot.waitSignal(service.failed, timeout=5000) as failed:
            service.filter(search_worker.LedgerFilter())
        said = failed.args[0]
        assert said.startswith("操作没有完成：程序内部出错"), said
        _english_free(said)
    finally:
        service.stop()
        time.sleep(0)
        ledger.close()
