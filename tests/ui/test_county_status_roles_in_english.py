"""各设备同步情况 in the English window: every other cell said the program's words in English
(Never, Built-in pack), but the role column read 村/安置点专员 and 县级 — the role label
as the domain keeps it, put in the cell untranslated. It says Village/site coordinator and
County now (the words the window's title uses), and the Chinese window as before."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.sync.client import push
from tests.ui.conftest import enrol_county, wait_idle
from tests.ui.laptops import _laptop
from tests.ui.test_county_status import _rows


def test_the_role_column_is_said_in_the_windows_language(window, qtbot, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", "520502001001")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    said: dict[str, dict[str, str]] = {}
    with ServerThread(hub.root) as server:
        push(village, server.url)
        for lang in ("en", "zh_CN"):
            window.set_language(lang)
            page = window.show_page("sync")
            page.url.setText(server.url)
            page.county_status.refresh()
            wait_idle(qtbot, page)
            table = page.county_status.table
            said[lang] = {name: table.item(row, 1).text() for name, row in _rows(table).items()}
    window.set_language("zh_CN")
    assert said["en"] == {"大坝村笔记本": "Village/site coordinator", "县人社局": "County"}
    assert said["zh_CN"] == {"大坝村笔记本": "村/安置点专员", "县人社局": "县级"}
    assert warnings_shown == []
    village.close()
    hub.close()
