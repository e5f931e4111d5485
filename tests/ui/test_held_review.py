"""A county office's desktop reviews the changes the hub held under the trust rules: lists
them from a real hub on loopback, accepts one with the reviewer's note, dismisses another with
a reason; the hub records ``用户名@本机名``."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.store.held import HeldChanges
from fieldapp.sync.client import push
from fieldapp.ui.dialogs.held_review import DecisionDialog
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import UI_USER, VILLAGE, enrol_county, wait_idle
from tests.ui.laptops import OTHER, _laptop


def test_county_desktop_accepts_and_dismisses_held_changes_from_the_hub(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    other = _laptop(hub, tmp_path, "远村笔记本", OTHER)
    add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    page = window.show_page("sync")
    assert page.held_review_box.isHidden()  # not a county device: no review
    assert enrol_county(hub, page, tmp_path), warnings_shown
    assert not page.held_review_box.isHidden()
    review = page.held_review
    assert not review.accept_button.isEnabled()  # nothing chosen yet
    typed: list[str] = []

    def answer(dialog: DecisionDialog) -> int:
        assert dialog.ok_button.isEnabled() == dialog.accepting  # a dismissal needs a reason
        dialog.note.setText(typed.pop(0))
        assert dialog.ok_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DecisionDialog, "exec", answer)
    with ServerThread(hub.root) as server:
        push(other, server.url)
        push(village, server.url)
        heads = hub.ledger.heads("persons", theirs)
        forge(village, "persons", theirs, {"phone": "13600000000"},
              parents={"phone": heads["phone"]})  # fmt: skip
        forge(village, "persons", theirs, {"notes": "乱写"},
              parents={"notes": heads["notes"]})  # fmt: skip
        push(village, server.url)
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        table = review.table
        assert table.rowCount() == 2, (warnings_shown, review.summary.text())
        assert "等待县里审核的修改 2 条" in review.summary.text()
        rows = {table.item(r, 2).text(): r for r in range(2)}
        phone = next(text for text in rows if "13600000000" in text)
        assert re.match(r"王\d的人员信息（", phone) and theirs not in phone  # the name, no row id
        assert table.item(rows[phone], 0).text() == "大坝村笔记本"
        assert table.item(rows[phone], 1).text() == "大坝村笔记本员@大坝村笔记本"
        assert table.item(rows[phone], 3).text()  # why the hub did not take it
        table.selectRow(rows[phone])
        assert review.accept_button.isEnabled() and review.dismiss_button.isEnabled()
        typed.append("电话核实无误")
        assert review.decide_selected(True)
        wait_idle(qtbot, page)
        assert table.rowCount() == 1, (warnings_shown, review.summary.text())
        assert re.match(r"已接受：王\d的人员信息（", review.summary.text())
        assert "13600000000" not in table.item(0, 2).text()
        table.selectRow(0)
        typed.append("不是本村的人")
        assert review.decide_selected(False)
        wait_idle(qtbot, page)
        assert table.rowCount() == 0 and "没有等待县里审核的修改" in review.summary.text()
    assert warnings_shown == []
    assert hub.ledger.get("persons", theirs)["phone"] == "13600000000"
    assert hub.ledger.get("persons", theirs)["notes"] != "乱写"
    decided = {h.status: h for h in HeldChanges(hub.ledger.db).list()}
    reviewer = f"{UI_USER.user}@县人社局"
    assert decided["accepted"].decided_by == reviewer
    assert decided["accepted"].decision == "电话核实无误"
    assert (decided["dismissed"].decided_by, decided["dismissed"].decision) == (
        reviewer,
        "不是本村的人",
    )
    village.close()
    other.close()
    hub.close()


def test_a_change_nobody_may_accept_is_said_so_in_the_clerks_words(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    _, (person,) = add_family(village, VILLAGE, ["101"])
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    review = page.held_review
    monkeypatch.setattr(DecisionDialog, "exec", lambda _d: QDialog.DialogCode.Accepted)
    with ServerThread(hub.root) as server:
        push(village, server.url)
        # A value no data model takes: held, and the county cannot take it either.
        forge(village, "persons", person, {"relation": "邻居"},
              parents={"relation": hub.ledger.heads("persons", person)["relation"]})  # fmt: skip
        push(village, server.url)
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        assert review.table.rowCount() == 1, warnings_shown
        review.table.selectRow(0)
        assert review.decide_selected(True)
        wait_idle(qtbot, page)
    (shown,) = warnings_shown
    # Whose record, as the list says it (人员信息「王0」 before).
    assert (
        re.search(r"这条修改（\S+的人员信息）不能接受", shown) and "「" not in shown.split("：")[0]
    )
    assert "点「不予采纳…」并写明原因" in shown and "--" not in shown and "fieldapp" not in shown
    assert review.table.rowCount() == 1  # still waiting: only a dismissal can settle it
    assert HeldChanges(hub.ledger.db).list()[0].status == "held"
    village.close()
    hub.close()


def test_the_county_review_keeps_room_for_several_rows_on_a_laptop_screen(
    window, qtbot, tmp_path, warnings_shown
):
    """On 1280×800 the county's sync page squeezed four boxes into one screen: the review
    table showed one and a half rows. The page scrolls now; the review, the county's daily
    work, comes right under the exchange with room for several rows."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    window.resize(1280, 800)
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    qtbot.wait(50)
    rows = page.held_review.table.fontMetrics().lineSpacing()
    assert page.held_review.table.height() >= 10 * rows
    assert page.county_status.table.height() >= 10 * rows
    assert page.held_review_box.y() < page.county_box.y()
    hub.close()


def test_a_bundle_held_whole_is_decided_in_one_step(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """A late first-wave bundle is held whole: hundreds of changes, and the county clerk
    accepted or dismissed them one click at a time. Rows are now selected several at once
    (Ctrl/Shift-click, or all of a bundle or a device), confirmed saying how many and from
    which village, decided one by one off the GUI thread as the command line does (the hub
    checks each again), stopping at the first it cannot take and saying what was not."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    other = _laptop(hub, tmp_path, "远村笔记本", OTHER)
    add_family(village, VILLAGE, ["101"])
    _, (theirs,) = add_family(other, OTHER, ["103"], surname="王")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    review = page.held_review
    asked: list[DecisionDialog] = []

    def answer(dialog: DecisionDialog) -> int:
        asked.append(dialog)
        dialog.note.setText("" if dialog.accepting else "不是本村的人")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(DecisionDialog, "exec", answer)

    def held(values: list[dict[str, str]]) -> None:
        for data in values:
            (field,) = data
            forge(village, "persons", theirs, data,
                  parents={field: hub.ledger.heads("persons", theirs)[field]})  # fmt: skip
        push(village, server.url)

    with ServerThread(hub.root) as server:
        push(other, server.url)
        push(village, server.url)
        held([{"phone": "13600000000"}, {"notes": "核过"}])  # the first bundle
        # The second: one value nobody may accept, in the middle.
        held([{"phone": "13700000000"}, {"relation": "邻居"}, {"notes": "又核过"},
              {"phone": "13800000000"}])  # fmt: skip
        page.url.setText(server.url)
        review.refresh()
        wait_idle(qtbot, page)
        table = review.table
        assert table.rowCount() == 6, (warnings_shown, review.summary.text())
        table.selectRow(0)
        assert review.select_alike("bundle_id") == 2
        assert review.accept_button.text() == "接受所选的 2 条…"
        assert review.decide_selected(True)
        wait_idle(qtbot, page)
        (dialog,) = asked
        assert dialog.windowTitle() == "接受所选的 2 条修改"
        place = next(i["village"] for i in review.items)
        assert "村" in place, place  # the village as the hub names it (this test: 村001)
        assert dialog.origin.text() == f"{place}（大坝村笔记本）：2 条"
        assert "远村" not in dialog.origin.text()
        assert review.summary.text().startswith(f"已接受 2 条（{place}）"), review.summary.text()
        assert table.rowCount() == 4 and warnings_shown == []
        assert hub.ledger.get("persons", theirs)["notes"] == "核过"

        table.selectRow(2)
        assert review.select_alike("device") == 4
        assert review.decide_selected(True)
        wait_idle(qtbot, page)
        assert asked[-1].count == 4
        (shown,) = warnings_shown
        assert shown.startswith("已接受 1 条"), shown
        assert re.search(r"第 2 条（王\d的人员信息（", shown) and "不能接受" in shown
        assert "其后的 2 条也没有处理，都还在表中" in shown
        assert "--" not in shown and "fieldapp" not in shown
        assert table.rowCount() == 3, review.summary.text()
        assert hub.ledger.get("persons", theirs)["phone"] == "13700000000"

        table.selectAll()
        assert review.decide_selected(False)
        review.panel.cancel()  # a long run can be stopped between two decisions
        wait_idle(qtbot, page)
        assert review.summary.text().startswith("已取消：已不予采纳"), review.summary.text()
        assert "条没有处理，还在表中" in review.summary.text()
        assert 1 <= table.rowCount() <= 3
    statuses = [h.status for h in HeldChanges(hub.ledger.db).list()]
    assert statuses.count("accepted") == 3
    assert statuses.count("held") == table.rowCount()
    assert hub.ledger.get("persons", theirs)["relation"] != "邻居"
    village.close()
    other.close()
    hub.close()
