"""The county desktop's review of held changes, over a plain http:// address with someone on
the network answering in the hub's place: a false list, unsigned, is not shown (the county
would accept or dismiss by its numbers); the desktop says in Chinese that the answer could
not be checked. The devices' view likewise. (The forged answers themselves:
tests/hub/test_forged_answer.py.)"""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from tests.hub.httpkit import relay
from tests.hub.test_forged_answer import _Middle
from tests.ui.conftest import enrol_county, wait_idle

UNCHECKED = "中心的这份回复没有县里中心的有效签名，无法核实是中心发出的"


def test_a_forged_held_list_is_not_shown_on_the_county_desktop(
    window, qtbot, tmp_path, warnings_shown
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    hub.close()
    with ServerThread(tmp_path / "hub") as server:
        handler = type("Middle", (_Middle,), {"hub_url": server.url, "mode": "unsigned"})
        handler.kept = {}
        with relay(handler) as url:
            page.url.setText(url)
            page.held_review.refresh()
            wait_idle(qtbot, page)
            page.county_status.refresh()
            wait_idle(qtbot, page)
    assert page.held_review.table.rowCount() == 0
    assert UNCHECKED in page.held_review.summary.text(), page.held_review.summary.text()
    assert len([s for s in warnings_shown if UNCHECKED in s]) == 2, warnings_shown
    assert not [s for s in warnings_shown if "张三" in s]
