"""One change of the window's ledger held at a real hub and reported back in its answer: the
sync page and the row of its held list that says it (`held_alone`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE, wait_idle

#: Another village of 市西街道, which this ledger does not list.
ELSEWHERE = VILLAGE[:9] + "002"


def held_alone(window, qtbot, tmp_path, warnings_shown, forged: Callable[[Ledger], str]):
    """The sync page and the row of its held list for the change `forged` makes on the
    window's ledger (returning the row id it changed), held at a real hub and reported in its
    answer."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    row_id = forged(ledger)
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    (row,) = [r for r, i in enumerate(page.held.items) if i["row_id"] == row_id]
    return page, row
