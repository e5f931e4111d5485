"""The county's hub address typed for 从中心刷新 (各设备同步情况, 等待县里审核的修改) was not
remembered: the sync page opened empty the next time, though the same address typed for
上传并接收 was kept. Both keep it in the one setting (`settings.hub_url`), completed with
http:// as the county said it (192.168.1.10:8765), and the page opens with it."""

from __future__ import annotations

import pytest

from fieldapp.hub.server import ServerThread
from fieldapp.services import settings
from tests.ui.conftest import wait_idle
from tests.ui.county_review import county_desk


@pytest.mark.parametrize("tab", ["county_status", "held_review"])
def test_the_address_asked_for_a_refresh_is_remembered(
    window, qtbot, tmp_path, warnings_shown, tab
):
    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    try:
        with ServerThread(hub.root) as server:
            bare = server.url.split("://", 1)[1]  # 127.0.0.1:port/
            page.url.setText(bare)
            getattr(page, tab).refresh()
            wait_idle(qtbot, page)
        assert warnings_shown == []
        ledger = window.session.ledger
        assert settings.hub_url(ledger) == "http://" + bare
    finally:
        village.close()
        hub.close()
