"""The county's 从中心刷新 with the hub's address typed as the county says it (192.168.1.10:8765,
no http://): 上传并接收 on the same page, from the same box, completes it and exchanges, but
各设备同步情况 and 等待县里审核的修改 said 查询失败 / 没有完成 with the client's own words —
in Chinese in the English window too (地址应以 http:// 或 https:// 开头). The same address now
asks the hub from every button."""

from __future__ import annotations

from fieldapp.hub.server import ServerThread
from tests.ui.conftest import wait_idle
from tests.ui.county_review import county_desk


def test_a_bare_hub_address_serves_the_countys_refreshes(window, qtbot, tmp_path, warnings_shown):
    hub, village, page, _unsaid = county_desk(window, tmp_path, warnings_shown)
    try:
        with ServerThread(hub.root) as server:
            page.url.setText(server.url.split("://", 1)[1])  # 127.0.0.1:port/
            page.county_status.refresh()
            wait_idle(qtbot, page)
            page.held_review.refresh()
            wait_idle(qtbot, page)
        assert warnings_shown == []
        assert page.county_status.table.rowCount() == 2, page.county_status.summary.text()
        assert page.held_review.table.rowCount() > 0, page.held_review.summary.text()
    finally:
        village.close()
        hub.close()
