"""A village laptop whose ledger file was copied back from a backup by hand uploads to the
county's hub: the hub refuses the bundle (its change numbers were used before, with other
content). The sync page showed the hub's words for the command line: a change's id ('修改
3f2a…:4') and 'fieldapp sync restored（或在「同步」页点「从备份恢复后继续同步」）', a button the
page does not have. It now says what happened in a coordinator's words and asks whether the
ledger came back from a backup; 是 starts the new numbering there and then (what the command
does), and the next upload lands, the work made since the backup on the laptop kept."""

from __future__ import annotations

from fieldapp.hub.server import ServerThread
from tests.sync.helpers import add_family
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.copied_back import (  # noqa: F401 - the copied-back ledger's fixture
    NOT_FOR_A_COORDINATOR,
    answering_yes,
    ledger_path,
    refused_upload,
    sent_once,
)


def test_a_copied_back_ledger_is_told_in_words_and_carries_on(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    ledger = window.session.ledger
    add_family(ledger, VILLAGE, ["109"], surname="赵")  # work after the copy: same numbers
    asked = answering_yes(monkeypatch)
    page = window.show_page("sync")
    with ServerThread(tmp_path / "hub") as server:
        shown = refused_upload(page, qtbot, server.url, warnings_shown, asked)
        assert asked, shown
        assert "备份" in asked[0]
        page.push()
        wait_idle(qtbot, page)
        assert "已发送" in page.result_label.text(), (warnings_shown, page.result_label.text())
    names = {r["name"] for r in window.session.ledger.db.query("SELECT name FROM persons")}
    assert {"王0", "赵0"} <= names, names  # made after the backup, and after the copy
