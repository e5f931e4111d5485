"""The sync page over a plain http:// address with someone on the network answering in the
hub's place: a forged refusal naming a copied-back ledger (replay with a large `received`), a
reused change number or a numbering clash asks nothing and starts no new numbering; the page
says the refusal could not be verified. (The hub's own signed refusal still asks:
tests/ui/test_sync_copied_back.py.)"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.ledger import Ledger
from fieldapp.sync.exchange import export_bundle
from tests.hub.test_forged_refusal import FORGED, _Middle
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger, wait_idle
from tests.ui.test_sync_copied_back import NOT_FOR_A_COORDINATOR, answering_yes


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A sound, enrolled village ledger that has sent its work once."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村笔记本", VILLAGE)
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.import_file(export_bundle(ledger, tmp_path / "1.fieldsync").path)
    finally:
        hub.close()
        ledger.close()
    return path


@pytest.mark.parametrize("code", sorted(FORGED))
def test_a_forged_refusal_asks_nothing_and_renumbers_nothing(
    window, qtbot, tmp_path, warnings_shown, monkeypatch, code
):
    before = window.session.ledger.device_id
    page = window.show_page("sync")
    asked = answering_yes(monkeypatch)
    with ServerThread(tmp_path / "hub") as server:
        handler = type("Middle", (_Middle,), {"hub_url": server.url, "mode": "unsigned"})
        handler.forged = FORGED[code]
        middle = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=middle.serve_forever, daemon=True).start()
        try:
            page.url.setText(f"http://127.0.0.1:{middle.server_address[1]}")
            page.push()
            wait_idle(qtbot, page)
        finally:
            middle.shutdown()
            middle.server_close()
    shown = [*warnings_shown, *asked, page.result_label.text()]
    assert not asked, asked
    assert window.session.ledger.device_id == before
    assert any("无法核实是中心发出的" in s for s in shown), shown
    assert not [s for s in shown if NOT_FOR_A_COORDINATOR.search(s)], shown
