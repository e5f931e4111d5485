"""县里审核 (a county office's desktop) never shows a held change's number or a row's id: the
修改内容 cell's tooltip began '1. [县里待审核] …' (the hub's number for the held change, which
the command line names it by), and a change on a row the hub had no name for (a 月度状态 for a
person it never received) read '月度状态 01a2…（…）', the row's id. The tooltip now reads as
the cells do, and such a row is said by what the change sets."""

from __future__ import annotations

import re
import uuid

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.sync.client import push
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, enrol_county, wait_idle
from tests.ui.laptops import OTHER, _laptop

#: A row id, a device id, or a number-dot the command line names a held change by.
ID_LIKE = re.compile(r"(?=[0-9a-f]*[a-f])[0-9a-f]{8,}|^\d+\. ")


def test_the_county_review_shows_no_numbers_or_ids(window, qtbot, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    other = _laptop(hub, tmp_path, "远村笔记本", OTHER)
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    review = page.held_review
    stranger, row = str(uuid.uuid4()), str(uuid.uuid4())
    with ServerThread(hub.root) as server:
        push(other, server.url)
        heads = hub.ledger.heads("persons", theirs)
        forge(village, "persons", theirs, {"phone": "13600000000"},
              parents={"phone": heads["phone"]})  # fmt: skip
        forge(village, "monthly_status", row,
              {"person_id": stranger, "month": "2026-11", "status": "已就业"})  # fmt: skip
        push(village, server.url)
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        table = review.table
        assert table.rowCount() >= 2, (warnings_shown, review.summary.text())
        shown = [
            text
            for r in range(table.rowCount())
            for c in range(table.columnCount())
            for text in (table.item(r, c).text(), table.item(r, c).toolTip())
            if text
        ]
    leaked = [s for s in shown if ID_LIKE.search(s) or stranger in s or row[:8] in s]
    assert not leaked, leaked
    assert any(re.search(r"王\d的人员信息（联系电话为“13600000000”）", s) for s in shown), shown
    village.close()
    other.close()
    hub.close()
