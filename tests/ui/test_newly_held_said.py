"""After an exchange the sync page said what was received, and nothing of this computer's own
changes the county had just held: the coordinator learnt of them only by scrolling to the
held list. The result line now says how many the answer holds for the first time, and where
to read why — in the window's language; an answer repeating them says nothing more."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.enums import AreaKind
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.services.areas import area_id
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, wait_idle

ELSEWHERE = VILLAGE[:9] + "002"
#: Another township of the county (市东街道), outside the village device's area.
OTHER_TOWNSHIP = VILLAGE[:6] + "002"
DEVICE = "大坝村笔记本"


def _away(ledger: Ledger, n: int) -> None:
    """A household set in another village's area: held by the hub's trust rules."""
    row = natural_id("households", "away", str(n))
    forge(ledger, "households", row, {"area_code": ELSEWHERE, "address": f"小河村五组 {n} 号"})


def _imported(page, qtbot, path: Path) -> str:  # noqa: ANN001
    page.import_from(path)
    wait_idle(qtbot, page)
    return str(page.result_label.text())


def test_the_result_line_says_the_changes_newly_held(window, qtbot, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll(DEVICE, VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    _away(ledger, 1)
    _away(ledger, 2)
    # … and another township of the county (its own county's and township's rows are taken).
    forge(ledger, "areas", area_id(OTHER_TOWNSHIP), {"code": OTHER_TOWNSHIP, "name": "市东街道",
                                                     "kind": AreaKind.TOWNSHIP.value,
                                                     "parent_code": VILLAGE[:6]})  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up1.fieldsync").path)
    held = len(hub.rejected())
    assert held == 3, hub.rejected()
    assert sum(h.change.tbl == "areas" for h in hub.rejected()) == 1, hub.rejected()

    said = _imported(page, qtbot, hub.export_for(DEVICE, tmp_path / "a1.fieldsync").path)
    assert "中心暂扣了本机的 3 条修改，请在本页“县里未接受的修改”中查看原因" in said, said
    assert len(page.held.items) == held and page.held_box.isVisibleTo(page)

    # The next answer names the same three (and one the county has since dismissed): not news.
    first = hub.rejected()[0]
    hub.dismiss(first.id, "王科长", "不在本村")
    said = _imported(page, qtbot, hub.export_for(DEVICE, tmp_path / "a2.fieldsync").path)
    assert "已接收" in said and "暂扣" not in said, said
    hub.close()

    # In English, over the network: one more held, and only it said.
    with in_english():
        _away(ledger, 3)
        with ServerThread(tmp_path / "hub") as server:
            page.url.setText(server.url)
            page.push()
            wait_idle(qtbot, page)
        said = page.result_label.text()
        english = (
            "The county held back 1 of this computer's changes; see why under “Changes the county "
            "did not accept” on this page"
        )
        assert english in said and "暂扣" not in said, (said, warnings_shown)
        assert len(page.held.items) == held + 1
