"""The county hub's address as typed on the sync page, for the tabs that ask the hub
(各村同步情况, 待审核的修改)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldapp.services import settings
from fieldapp.services.ledgers import Ledger
from fieldapp.ui.errors import show_error


def typed_address(parent: QWidget, hub_url: Callable[[], str], ledger: Ledger) -> str | None:
    """The hub's address as typed (`hub_url`, the sync page's box), http:// put before one
    typed without it, remembered in `ledger` for the next time as 上传并接收 remembers it (one
    setting, `settings.hub_url`); None, said over `parent`, when none is."""
    url = hub_url().strip()
    if not url:
        show_error(parent, QCoreApplication.translate("HubAddress", "请先填写中心地址"))
        return None
    if "://" not in url:
        # As the county says it (192.168.1.10:8765), as 上传并接收 takes it: served over http.
        url = "http://" + url
    if url != settings.hub_url(ledger):
        settings.save_hub_url(ledger, url)
    return url
