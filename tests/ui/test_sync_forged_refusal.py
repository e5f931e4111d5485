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

from fieldapp.hub.server import ServerThread
from tests.hub.test_forged_refusal import FORGED, _Middle
from tests.ui.conftest import wait_idle
from tests.ui.copied_back import NOT_FOR_A_COORDINATOR, answering_yes, sent_once


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """A sound, enrolled village ledger that has sent its work once."""
    return sent_once(tmp_path)


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
