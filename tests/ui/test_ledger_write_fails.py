"""The desktop app when a write to the ledger itself fails: the disk is full, the ledger's file
is read-only (a write-protected stick, a file set read-only), or another program holds it. The
clerk is told which of these it is and that nothing of this save was kept, the dialog keeps what
was typed, and the same save goes through once the cause is gone (the full disk is
`tests.store.test_full_disk`'s file-size limit, here small enough for the ledger's log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.models import Person
from fieldapp.store.ledger import Ledger
from fieldapp.ui import errors
from tests.english import in_english
from tests.helpers.full_disk import disk_full
from tests.records import Records
from tests.ui.conftest import UI_USER, fill_ledger


def _editor(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    return page.edit_person(who.id), who


def _stored(window, person_id: str) -> str:
    return window.session.ledger.get("persons", person_id)["hukou_code"] or ""


def _shown_for(error: BaseException, warnings_shown: list[str]) -> str:
    """What the app shows for an error a button's slot let through (its excepthook)."""
    errors.excepthook(type(error), error, error.__traceback__)
    return warnings_shown[-1]


def test_saving_a_person_on_a_full_disk_says_so_and_the_save_can_be_done_again(
    window, qtbot, warnings_shown
):
    editor, who = _editor(window, qtbot)
    editor.hukou.setText("520502")
    failed: BaseException | None = None
    with disk_full(1024):  # not even the ledger's log grows
        try:
            editor.save()
        except Exception as error:  # noqa: BLE001 - what the slot lets through
            failed = error
    assert failed is not None
    said = _shown_for(failed, warnings_shown)
    assert "磁盘已满" in said and "没有保存" in said, said
    assert "程序内部出错" not in said
    assert editor.isVisible() and editor.hukou.text() == "520502"
    assert _stored(window, who.id) == ""

    editor.save()  # room again: the same save goes through

    assert _stored(window, who.id) == "520502"


def test_the_ledgers_own_words_are_said_in_the_clerks(qtbot, warnings_shown):
    from fieldapp.store.connection import OperationalError
    from fieldapp.ui.app import make_app

    make_app()
    cases = {
        "database or disk is full": "磁盘已满",
        "disk I/O error": "U 盘",
        "attempt to write a readonly database": "只读",
        "database is locked": "另一个程序",
    }
    for text, word in cases.items():
        said = errors.message_for(OperationalError(text))
        assert word in said and "没有保存" in said, said
        assert "程序内部出错" not in said


def test_the_window_says_the_database_gone_in_the_language_shown(qapp) -> None:
    """A county hub's PostgreSQL gone from under a write (57P01): said as such, not as the
    program's internal error."""
    import psycopg

    gone = psycopg.errors.AdminShutdown("terminating connection due to administrator command")
    said = errors.message_for(gone, logged=True)
    assert said.startswith("与数据库的连接断开了") and "这次的操作没有完成" in said, said
    assert "此前保存的数据不受影响" in said and "稍后再试" in said, said
    with in_english():
        said = errors.message_for(gone, logged=True)
    assert said.startswith("The connection to the database was lost"), said
    assert "not completed" in said and "try again later" in said, said


@pytest.fixture
def stick_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The main window on a ledger on a USB stick (a folder of its own)."""
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app, open_window

    path = tmp_path / "U盘" / "village.db"
    path.parent.mkdir()
    fill_ledger(path)
    make_app()
    i18n.install_language("zh_CN")
    win = open_window(path, UI_USER)
    win.show()
    yield win
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    win.close()
    win.shutdown_pages()
    win.session.close()


def test_a_save_after_the_ledgers_stick_was_pulled_out_is_refused_and_can_be_done_again(
    stick_window, qtbot, tmp_path: Path
):
    # The stick's folder gone (pulled out, or its files moved away) while the app is open: a
    # save went on "succeeding" into files no longer on the stick, lost when the app closed.
    window = stick_window
    editor, who = _editor(window, qtbot)
    editor.hukou.setText("520502")
    stick, pulled = tmp_path / "U盘", tmp_path / "拔出的U盘"
    stick.rename(pulled)

    editor.save()

    said = editor.error.text()
    assert f"找不到台账文件“{stick / 'village.db'}”" in said and "没有保存" in said, said
    assert editor.isVisible() and editor.hukou.text() == "520502"
    pulled.rename(stick)  # plugged in again
    assert _stored(window, who.id) == ""
    editor.save()
    assert _stored(window, who.id) == "520502"
    window.session.ledger.close()
    again = Ledger.open(stick / "village.db", credentials=UI_USER)
    assert again.get("persons", who.id)["hukou_code"] == "520502"
    again.close()


def test_a_save_after_the_ledger_file_was_replaced_under_the_app_is_refused(
    stick_window, qtbot, tmp_path: Path
):
    # An older copy of the ledger put in its place while the app is open (copied back from a
    # stick in the file manager): the app went on writing into the file it had open, gone from
    # the folder, and every save from then on vanished when it closed.
    window = stick_window
    editor, _who = _editor(window, qtbot)
    path = Path(window.session.path)
    older = tmp_path / "旧的" / path.name
    older.parent.mkdir()
    fill_ledger(older)
    for suffix in ("", ".keys"):
        Path(f"{older}{suffix}").replace(f"{path}{suffix}")
    editor.hukou.setText("520502")

    editor.save()

    said = editor.error.text()
    assert f"台账文件“{path}”已被另一个文件替换" in said and "没有保存" in said, said
    assert editor.isVisible()


def test_a_file_error_is_said_without_the_systems_english(qtbot):
    # A file read or written outside the savers (a workbook chosen on a stick pulled out while
    # it is read): 读写文件出错（磁盘已满或已拔出？）：Input/output error.
    import errno

    from fieldapp.ui.app import make_app

    make_app()
    for number, text, word in (
        (errno.EIO, "Input/output error", "拔出"),
        (errno.ENOSPC, "No space left on device", "磁盘已满"),
        (errno.EROFS, "Read-only file system", "只读"),
    ):
        said = errors.message_for(OSError(number, text, "/media/李芳/U盘/村台账.xlsx"))
        # The file by its name; its folders (the user's name among them) are not needed.
        assert word in said and "“村台账.xlsx”" in said and text not in said, said
        assert "/media" not in said, said
