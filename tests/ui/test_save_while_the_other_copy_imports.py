"""Two copies of the app on one ledger, one importing a big sheet (its write held for minutes):
a save in the other froze its window for 30 seconds — no repaint, no answer to a click, the
clerk thinking the laptop had hung — then said 等了 30 秒仍未结束. The window's own writes now wait
a few seconds only, then say the ledger is busy with another program, that nothing of this save
was kept (the dialog keeps what was typed); the same save goes through once the import is done
(work on the worker threads still waits as long as before: it freezes nothing)."""

from __future__ import annotations

import time

from fieldapp.domain.models import Person
from fieldapp.store.ledger import Ledger
from fieldapp.ui import errors
from tests.records import Records
from tests.ui.conftest import UI_USER


def test_a_save_while_the_other_copy_imports_is_refused_quickly(window, qtbot, warnings_shown):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    editor = page.edit_person(who.id)
    editor.hukou.setText("520502")
    other = Ledger.open(window.session.path, credentials=UI_USER)  # the other copy
    try:
        other.db.execute("BEGIN IMMEDIATE")  # its import holds the ledger's write
        started = time.monotonic()
        failed: BaseException | None = None
        try:
            editor.save()
        except Exception as error:  # noqa: BLE001 - what the slot lets through
            failed = error
        waited = time.monotonic() - started
        other.db.execute("ROLLBACK")
    finally:
        other.close()
    assert failed is not None
    assert waited < 10, waited
    errors.excepthook(type(failed), failed, failed.__traceback__)
    said = warnings_shown[-1]
    assert "台账正忙" in said and "没有保存" in said and "完成后再保存" in said, said
    assert "30 秒" not in said, said
    assert editor.isVisible() and editor.hukou.text() == "520502"

    editor.save()  # the import done: the same save goes through

    assert window.session.ledger.get("persons", who.id)["hukou_code"] == "520502"
