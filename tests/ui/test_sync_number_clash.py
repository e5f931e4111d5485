"""A village laptop whose change-log id would print another laptop's 申请编号 and 批次编号 (the
five letters are a hash of the id: by chance about once in millions, or a tampered program's
doing) uploads to the county's hub: the hub refuses the bundle (`number_clash`) and its words
were for the command line ('fieldapp sync restored', and a button the page does not have). The
sync page now says what happened in a coordinator's words and offers a new numbering; 是
starts it there and then, and the next upload lands with the ledger's work kept."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from fieldapp.domain.numbers import device_part
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import add_family
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger, wait_idle
from tests.ui.copied_back import answering_yes, refused_upload

#: Another village's change-log id, and one giving the same five letters (found by trying ids
#: in turn, as tests/sync/test_hostile_number_origin.py tells).
HONEST, CLASHING = "a1a1a1a1a1a1a1a1", "00000000013aa62c"


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """An enrolled village ledger whose change-log id gives the letters of another laptop the
    hub already knows."""
    assert device_part(HONEST) == device_part(CLASHING)
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村笔记本", VILLAGE)
    with mock.patch("secrets.token_hex", return_value=CLASHING):
        start_new_incarnation(ledger)
    ledger.close()
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    with mock.patch("secrets.token_hex", return_value=HONEST):
        other = Ledger.open(other_folder / "l.db", author="白云村专员")
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.enroll(
            "白云村笔记本", VILLAGE, other_folder / "e.json", code=ENROL_CODE, by="县里的科员"
        )
        enrol(other, other_folder / "e.json", code=ENROL_CODE)
        add_family(other, VILLAGE, ["201"], surname="李")
        hub.import_file(export_bundle(other, other_folder / "1.fieldsync").path)
    finally:
        other.close()
        hub.close()
    return path


def test_a_clashing_numbering_is_told_in_words_and_changed(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    ledger = window.session.ledger
    assert device_part(ledger.device_id) == device_part(HONEST)
    add_family(ledger, VILLAGE, ["109"], surname="赵")
    asked = answering_yes(monkeypatch)
    page = window.show_page("sync")
    with ServerThread(tmp_path / "hub") as server:
        shown = refused_upload(page, qtbot, server.url, warnings_shown, asked)
        assert len(asked) == 1, shown
        assert "编号" in asked[0] and "另一台电脑" in asked[0], asked
        assert device_part(window.session.ledger.device_id) != device_part(HONEST)
        page.push()
        wait_idle(qtbot, page)
        assert "已发送" in page.result_label.text(), (warnings_shown, page.result_label.text())
    hub = Hub.open(tmp_path / "hub")
    try:
        names = {r["name"] for r in hub.ledger.db.query("SELECT name FROM persons")}
    finally:
        hub.close()
    assert "赵0" in names and "李0" in names, names
