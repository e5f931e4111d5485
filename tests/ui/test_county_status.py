"""A county office's desktop sees every device's exchanges, read from the hub over HTTP."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.dates import china_minute
from fieldapp.hub.folder import Hub
from fieldapp.hub.server import NOT_STORED, ServerThread
from fieldapp.store.ledger import Ledger
from fieldapp.sync.client import push
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, as_drawn, enrol_county, wait_idle


def _laptop(hub: Hub, folder: Path, name: str) -> Ledger:
    """A village's laptop in `folder` (not tmp_path/village.db: that is the window's own
    ledger), enrolled at `hub` as the device `name` of VILLAGE."""
    folder.mkdir()
    ledger = Ledger.open(folder / "ledger.db", author="村员")
    hub.enroll(name, VILLAGE, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
    enrol(ledger, folder / "enrol.json", code=ENROL_CODE)
    return ledger


def _refresh(qtbot: Any, page: Any, url: str) -> None:
    """各设备同步情况 asked of the hub at `url`, its answer shown."""
    page.url.setText(url)
    page.county_status.refresh()
    wait_idle(qtbot, page)


def _rows(table: Any) -> dict[str, int]:
    """Each device's row in the table, by the name in its first column."""
    return {table.item(r, 0).text(): r for r in range(table.rowCount())}


def _titles(table: Any) -> list[str]:
    """The table's column titles, left to right."""
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_county_desktop_lists_the_devices_and_a_village_does_not_see_the_table(
    window, qtbot, tmp_path, warnings_shown
):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path / "laptop", "大坝村笔记本")
    _, (person,) = add_family(village, VILLAGE, ["101"])
    # One change the trust rules refuse (a value no model accepts): held, counted as refused.
    forge(village, "persons", person, {"relation": "邻居"},
          parents={"relation": village.heads("persons", person)["relation"]})  # fmt: skip
    page = window.show_page("sync")
    assert page.county_box.isHidden()  # not enrolled yet: no county table
    assert enrol_county(hub, page, tmp_path), warnings_shown
    assert not page.county_box.isHidden()
    with ServerThread(hub.root) as server:
        push(village, server.url)
        _refresh(qtbot, page, server.url)
    table = page.county_status.table
    rows = _rows(table)
    assert set(rows) == {"大坝村笔记本", "县人社局"}, warnings_shown
    village_row = rows["大坝村笔记本"]
    assert table.item(village_row, 1).text() == "村/安置点专员"
    assert table.item(village_row, 2).toolTip() == VILLAGE  # its name shown (村001)
    assert table.item(village_row, 3).text() != "从未同步"
    assert table.item(rows["县人社局"], 3).text() == "从未同步"
    titles = _titles(table)
    refused = titles.index("未接受的修改")
    assert table.item(village_row, refused).text() == "1"  # the change the hub holds
    assert "共 2 台设备" in page.county_status.summary.text()
    assert "未接受待审核的修改 1 条" in page.county_status.summary.text()
    village.close()
    hub.close()


def test_the_county_desktop_says_which_devices_lack_the_pack_in_force(
    window, qtbot, tmp_path, warnings_shown
):
    """A county clerk publishes next year's pack in December and must know on New Year's Day
    which villages have it. `hub devices` says so (758fd93); the county desktop's 各设备同步情况
    said only when each device last synced. It now has a 政策包 column and the summary counts
    the devices that have not received the pack in force."""
    from fieldapp.services.policy_admin import publish
    from tests.policy.helpers import COUNTY_PACK

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path / "laptop", "大坝村笔记本")
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    with ServerThread(hub.root) as server:
        push(village, server.url)  # receives the pack
        push(village, server.url)  # and says so
        _refresh(qtbot, page, server.url)
    status = page.county_status
    table = status.table
    titles = _titles(table)
    column = titles.index("政策包")
    rows = _rows(table)
    assert table.item(rows["大坝村笔记本"], column).text() == "2026.1"
    assert table.item(rows["县人社局"], column).text() == "未收到"
    assert "现行政策包 2026.1：1 台设备还没有收到" in status.summary.text(), status.summary.text()
    publish(hub.ledger, COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"'), "2.toml")
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    rows = _rows(table)
    assert table.item(rows["大坝村笔记本"], column).text() == "2026.1（现行 2026.2，未收到）"
    assert "现行政策包 2026.2：2 台设备还没有收到" in status.summary.text()
    assert warnings_shown == []
    village.close()
    hub.close()


def test_the_county_desktop_names_each_devices_village(window, qtbot, tmp_path, warnings_shown):
    """A first-wave laptop kept the computer's name as its device name (DESKTOP-7F3K): in
    各设备同步情况 the clerk read DESKTOP-7F3K and 520502001001 and could not tell which village
    had not synced or lacked the new year's pack. The area is now named as the hub knows it."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path / "laptop", "DESKTOP-7F3K")
    add_family(village, VILLAGE, ["101"])  # the village's areas reach the hub with its work
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    with ServerThread(hub.root) as server:
        push(village, server.url)
        _refresh(qtbot, page, server.url)
    table = page.county_status.table
    rows = _rows(table)
    place = table.item(rows["DESKTOP-7F3K"], 2)
    assert "村001" in place.text() and VILLAGE not in place.text(), place.text()
    assert place.toolTip() == VILLAGE  # the code is still there for who needs it
    assert table.horizontalHeaderItem(2).text() == "区域"
    assert warnings_shown == []
    village.close()
    hub.close()


def test_the_county_desktop_says_a_revoked_device_is_revoked_and_nothing_of_its_pack(
    window, qtbot, tmp_path, warnings_shown
):
    """A laptop the county revoked (lost, or replaced) still read 未收到 under 政策包 — as if
    someone had to take the pack to it — beside 已注销; its row now says 已注销 and no pack."""
    from fieldapp.services.policy_admin import publish
    from tests.policy.helpers import COUNTY_PACK

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "village.json", code=ENROL_CODE, by="县里的科员")
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    hub.revoke("大坝村笔记本", by="王主任")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    table = page.county_status.table
    titles = _titles(table)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "大坝村笔记本")
    cells = [table.item(row, c).text() for c in range(table.columnCount())]
    assert cells[titles.index("注销")] == "已注销", cells
    # Who at the county enrolled it and who revoked it, and when (hub_device_events).
    enrolled = as_drawn(table.item(row, titles.index("设备")).toolTip())
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d 登记，经办：县里的科员", enrolled), enrolled
    revoked = as_drawn(table.item(row, titles.index("注销")).toolTip())
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d 注销，经办：王主任", revoked), revoked
    assert cells[titles.index("政策包")] == "", cells
    assert not any("停用" in c for c in cells), cells
    assert warnings_shown == []
    hub.close()


def test_the_county_desktop_says_which_devices_run_an_older_program(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The county clerk's question after upgrading the hub — which villages must I visit, who
    still runs last year's pack — had no answer on the desktop: nothing said which program a
    device runs. Each device now says it (and the pack in force there) in its bundles; the
    table shows both, sorted as versions, and the summary counts the devices to upgrade."""
    import fieldapp
    from fieldapp.services.policy_admin import publish
    from fieldapp.sync import exchange
    from tests.policy.helpers import COUNTY_PACK

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    publish(hub.ledger, COUNTY_PACK, "county.toml")
    villages = {
        name: _laptop(hub, tmp_path / name, name) for name in ("大坝村笔记本", "红星村笔记本")
    }
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    from fieldapp.services.policy_admin import adopt_hub_packs

    with ServerThread(hub.root) as server:
        for _ in range(2):
            push(villages["大坝村笔记本"], server.url)
            adopt_hub_packs(villages["大坝村笔记本"])
        with monkeypatch.context() as older:  # a program from before devices said it
            older.setattr(exchange, "About", lambda *_: None)
            push(villages["红星村笔记本"], server.url)
    running = fieldapp.__version__
    # The hub upgraded since (its program, `build_label()`, is its version from a source tree).
    monkeypatch.setattr(fieldapp, "__version__", "9.0.0")
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    status = page.county_status
    table = status.table
    titles = _titles(table)
    program, pack = titles.index("程序版本"), titles.index("在用的政策包")
    rows = _rows(table)
    assert table.item(rows["大坝村笔记本"], program).text() == f"{running}（比中心旧）"
    assert table.item(rows["大坝村笔记本"], pack).text() == "2026.1"
    assert table.item(rows["红星村笔记本"], program).text() == "未报告版本"
    assert table.item(rows["红星村笔记本"], pack).text() == ""
    assert table.item(rows["县人社局"], program).text() == ""  # never synced
    assert "中心的程序是 9.0.0：2 台设备的程序比中心旧或没有报告版本，要去升级" in (
        status.summary.text()
    ), status.summary.text()
    # On a 1024×768 screen the clerk sees, without scrolling sideways, what she came for.
    window.resize(1024, 768 - 72)
    qtbot.wait(50)
    room = table.viewport().width()
    for title in ("最近同步", "程序版本", "政策包", "在用的政策包", "注销"):
        column = titles.index(title)
        assert table.columnViewportPosition(column) + table.columnWidth(column) <= room, title
    table.sortItems(program)  # the oldest first: the one that did not say, then 0.2.0
    order = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert order.index("红星村笔记本") < order.index("大坝村笔记本"), order
    # The order broken — a village upgraded before the hub: the hub is to upgrade first.
    monkeypatch.setattr(fieldapp, "__version__", "0.1.0")
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    rows = _rows(table)
    assert table.item(rows["大坝村笔记本"], program).text() == f"{running}（比中心新）"
    assert "1 台设备的程序比中心新：请先升级中心的程序" in status.summary.text()
    assert warnings_shown == []
    for ledger in villages.values():
        ledger.close()
    hub.close()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the clock's zone is set by TZ (POSIX)")
def test_the_county_desktop_shows_the_last_exchange_in_china_time(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """A county server kept in UTC wrote 02:31 for an exchange at 10:31 in the office; the page
    showed it as written. It now shows the hub's China time (`last_exchange_china`)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
        village = _laptop(hub, tmp_path / "laptop", "大坝村笔记本")
        add_family(village, VILLAGE, ["101"])
        page = window.show_page("sync")
        assert enrol_county(hub, page, tmp_path), warnings_shown
        with ServerThread(hub.root) as server:
            push(village, server.url)
            _refresh(qtbot, page, server.url)
        (row,) = [d for d in hub.status() if d["device"] == "大坝村笔记本"]
        # Kept as China time with its offset (ledger version 35), not the UTC clock's hour.
        china = dt.datetime.fromisoformat(str(row["last_exchange"]))
        assert china.utcoffset() == dt.timedelta(hours=8)
        assert abs(dt.datetime.now(dt.UTC) - china) < dt.timedelta(minutes=5)
        table = page.county_status.table
        (cell,) = [
            table.item(r, 3).text()
            for r in range(table.rowCount())
            if table.item(r, 0).text() == "大坝村笔记本"
        ]
        assert cell == china.strftime("%Y-%m-%d %H:%M"), (cell, row["last_exchange"])
        village.close()
        hub.close()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_county_desktop_tells_two_builds_of_one_version_apart(
    window, qtbot, tmp_path, warnings_shown
):
    """Two laptops on builds 12 and 15 of one version both read 0.2.0 in 程序版本, and the
    hub's build was not said: the clerk could not see which to visit. The table now shows each
    build and compares it with the hub's, build by build."""
    from tests.hub.test_device_builds import EARLIER, LATER, packaged

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    villages = {
        name: _laptop(hub, tmp_path / name, name) for name in ("大坝村笔记本", "红星村笔记本")
    }
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    with ServerThread(hub.root) as server:
        with packaged(tmp_path, EARLIER):
            push(villages["大坝村笔记本"], server.url)
        with packaged(tmp_path, LATER):
            push(villages["红星村笔记本"], server.url)
            _refresh(qtbot, page, server.url)
    status = page.county_status
    table = status.table
    titles = _titles(table)
    program = titles.index("程序版本")
    rows = _rows(table)
    assert table.item(rows["大坝村笔记本"], program).text() == f"{EARLIER}（比中心旧）"
    assert table.item(rows["红星村笔记本"], program).text() == LATER
    assert f"中心的程序是 {LATER}：1 台设备的程序比中心旧" in status.summary.text()
    assert warnings_shown == []
    for ledger in villages.values():
        ledger.close()
    hub.close()


def test_an_older_hubs_answer_names_each_devices_area_from_the_county_ledger(
    window, tmp_path, warnings_shown
):
    """A hub from before it named the areas (no `area_name` in `GET /v1/status`) left the
    county clerk reading 520502001001 under 区域. The desktop now names the area itself, as the
    hub would (say_place, PlaceWording.SHORT, from the county device's ledger and the division table);
    the code stays under the pointer."""
    import re

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "daba.json", code=ENROL_CODE, by="县里的科员")
    hub.enroll(
        "鸭池镇笔记本", "520502100003", tmp_path / "yachi.json", code=ENROL_CODE, by="县里的科员"
    )
    answer = {"devices": [{k: v for k, v in d.items() if k != "area_name"} for d in hub.status()]}
    hub.close()
    status = window.show_page("sync").county_status
    status.show_status(answer)
    table = status.table
    cells = {table.item(r, 0).text(): table.item(r, 2) for r in range(table.rowCount())}
    assert "市西街道 大坝村" in cells["大坝村笔记本"].text(), cells["大坝村笔记本"].text()
    assert cells["鸭池镇笔记本"].text() == "七星关区鸭池镇", cells["鸭池镇笔记本"].text()
    assert not any(re.search(r"\d{6}", cell.text()) for cell in cells.values())
    assert cells["大坝村笔记本"].toolTip() == VILLAGE
    assert warnings_shown == []


def test_the_county_desktop_says_in_red_when_the_hub_doubts_its_own_clock(
    window, qtbot, tmp_path, warnings_shown
):
    """A hub whose clock went back (it read a year later before: its mainboard battery died)
    tells no device its time (`hub.own_clock`); the county desktop says so above the table, in
    red, for the county clerk to put the hub's date right."""
    import time as clock_time

    from fieldapp.hub import own_clock

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    later = int(clock_time.time() * 1000) + 365 * own_clock.DAY_MS
    with hub.ledger.transaction():
        hub.ledger.set_meta(own_clock.SEEN, str(later))  # what its clock read a year on
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    said = page.county_status.clock_doubt
    assert not said.isHidden()
    assert said.text().startswith("中心电脑的日期可能不对：中心的时钟慢了约 365 天。"), said.text()
    # Put right: the warning goes at the next refresh.
    with hub.ledger.transaction():
        hub.ledger.set_meta(own_clock.SEEN, "0")
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
    assert said.isHidden()
    hub.close()


def test_the_county_desktop_counts_uploads_that_met_the_hubs_own_trouble(
    window, tmp_path, warnings_shown
):
    """A hub's `hub_trouble` (uploads refused for its own full disk, read-only or busy store,
    none kept against the device) is counted in the summary: a device whose bundles meet a
    full disk again and again is seen. A value that is not a count is not counted."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    for name in ("甲村笔记本", "乙村笔记本", "丙村笔记本", "丁村笔记本"):
        hub.enroll(name, VILLAGE, tmp_path / f"{name}.json", code=ENROL_CODE, by="县里的科员")
    devices = {d["device"]: d for d in hub.status()}
    hub.close()
    devices["甲村笔记本"]["hub_trouble"] = {"count": 3, "code": "disk_full", "at": "x"}
    devices["乙村笔记本"]["hub_trouble"] = {"count": 2, "code": "busy", "at": "x"}
    devices["丙村笔记本"]["hub_trouble"] = {"count": "9", "code": "busy"}
    devices["丁村笔记本"]["hub_trouble"] = {"count": 4, "code": NOT_STORED, "at": "x"}
    status = window.show_page("sync").county_status
    status.show_status({"devices": list(devices.values())})
    text = status.summary.text()
    assert (
        "3 台设备的数据包因中心自己的问题（磁盘已满、只读、正忙或存不下上传的文件）没有导入，共 9 次"
        in text
    ), text
    status.show_status({"devices": [devices["丙村笔记本"]]})
    assert "中心自己的问题" not in status.summary.text()
    assert warnings_shown == []


def test_the_county_desktop_shows_each_devices_disabled_users(
    window, qtbot, tmp_path, warnings_shown
):
    """A village laptop's administrator disables a user there; the hub then holds whatever is
    authored as that user on that laptop, and a request to enable them again waits for the
    county. Only `hub users` at the hub's command line said so: the clerk at the county desk
    did not know a village's user was shut out, nor that one asked back in. The table says who
    is disabled on each device, a selected device says who disabled each and when, and where
    the county decides."""
    from PySide6.QtCore import Qt

    from fieldapp.services import users
    from fieldapp.store.vault import Credentials

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    folder = tmp_path / "laptop"
    folder.mkdir()
    village = Ledger.open(folder / "ledger.db", credentials=Credentials("李芳", "村里的口令1"))
    hub.enroll("大坝村笔记本", VILLAGE, folder / "enrol.json", code=ENROL_CODE, by="县里的科员")
    enrol(village, folder / "enrol.json", code=ENROL_CODE)
    quiet = _laptop(hub, tmp_path / "other", "小河村笔记本")  # no user disabled there
    for name in ("王强", "孙七"):
        users.add_user(village, name, f"{name}的口令8")
        users.disable_user(village, name)
    # The county disables one itself (the laptop never named him); and a forged bundle's user
    # name reaches the hub as markup, which the desktop shows as it is.
    assert hub.set_device_user("大坝村笔记本", "赵六", True, by="张科员")
    with hub.ledger.transaction():
        hub.log.learn_device_users(
            "大坝村笔记本", [("<b>粗</b>", True, "2026-12-01T10:00:00+08:00", "李芳")], "forged"
        )
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    status = page.county_status
    with ServerThread(hub.root) as server:
        push(village, server.url)
        users.enable_user(village, "孙七", "孙七的新口令5")  # a request to the county
        push(village, server.url)
        _refresh(qtbot, page, server.url)
    table = status.table
    column = _titles(table).index("停用的用户")
    rows = _rows(table)
    cell = table.item(rows["大坝村笔记本"], column)
    assert cell.text() == "<b>粗</b>、孙七（申请重新启用）、王强、赵六", cell.text()
    drawn = as_drawn(cell.toolTip())  # the same detail under the pointer, drawn as it is
    assert "<b>粗</b>：在设备上停用" in drawn and "赵六：县里在中心停用（经办：张科员，" in drawn
    assert table.item(rows["小河村笔记本"], column).text() == ""
    assert table.item(rows["县人社局"], column).text() == ""
    assert "；1 台设备有停用的用户，其中 1 人申请重新启用" in status.summary.text()
    detail = status.users_detail
    assert detail.isHidden()  # nothing selected: nothing said
    table.selectRow(rows["大坝村笔记本"])
    assert not detail.isHidden()
    assert detail.textFormat() == Qt.TextFormat.PlainText  # a device's names never as markup
    said = detail.text().splitlines()
    assert said[0] == (
        "设备 大坝村笔记本 上停用的用户（以停用的用户名义从这台设备发来的修改都扣在中心）："
    )
    assert said[1].startswith("<b>粗</b>：在设备上停用（李芳@大坝村笔记本 停用，中心 ")
    assert re.fullmatch(
        r"孙七：在设备上停用（李芳@大坝村笔记本 停用，中心 \d{4}-\d\d-\d\d \d\d:\d\d 得知）"
        r"；设备说已于 \d{4}-\d\d-\d\d \d\d:\d\d 由 李芳@大坝村笔记本 重新启用，"
        r"申请县里核实后重新启用",
        said[2],
    ), said[2]
    assert said[3].startswith("王强：在设备上停用（李芳@大坝村笔记本 停用")
    assert re.fullmatch(r"赵六：县里在中心停用（经办：张科员，\d{4}-\d\d-\d\d \d\d:\d\d）", said[4])
    assert said[5] == "启用或停用设备上的用户，请在县里的汇总中心电脑上办理"
    assert "hub" not in detail.text() and "--" not in detail.text()
    table.selectRow(rows["小河村笔记本"])
    assert detail.isHidden()
    # The county enables 赵六 again at the hub: he is no longer listed.
    assert hub.set_device_user("大坝村笔记本", "赵六", False, by="张科员")
    with ServerThread(hub.root) as server:
        _refresh(qtbot, page, server.url)
        cell = table.item(_rows(table)["大坝村笔记本"], column)
        assert cell.text() == "<b>粗</b>、孙七（申请重新启用）、王强", cell.text()
        # In the English window, in English.
        window.set_language("en")
        page = window.show_page("sync")
        _refresh(qtbot, page, server.url)
        status = page.county_status
        table = status.table
        english = table.item(_rows(table)["大坝村笔记本"], _titles(table).index("Disabled users"))
        assert english.text() == "<b>粗</b>, 孙七 (asked to be enabled again), 王强"
        assert "; 1 devices have disabled users, 1 of them asked" in status.summary.text()
    window.set_language("zh_CN")
    assert warnings_shown == []
    village.close()
    quiet.close()
    hub.close()


def test_the_county_desktop_marks_a_device_whose_ledger_was_restored_from_a_backup(
    window, qtbot, tmp_path, warnings_shown
):
    """A laptop's ledger restored from a backup takes the device's place at the hub under a
    new change-log id — and so would a stolen copy restored elsewhere. The county desktop's
    table says how often and when last (⚠ and red within 30 days), who on the device, and what
    to do; the summary counts the recent ones."""
    import shutil

    from fieldapp.services.incarnation import start_new_incarnation

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path / "laptop", "大坝村笔记本")
    add_family(village, VILLAGE, ["101"])
    page = window.show_page("sync")
    assert enrol_county(hub, page, tmp_path), warnings_shown
    with ServerThread(hub.root) as server:
        push(village, server.url)
        _refresh(qtbot, page, server.url)
        column = _titles(page.county_status.table).index("从备份恢复过")
        table = page.county_status.table
        assert table.item(_rows(table)["大坝村笔记本"], column).text() == ""
        village.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(village.path, tmp_path / "backup.db")
        add_family(village, VILLAGE, ["103"], surname="李")
        push(village, server.url)
        path = village.path
        village.close()
        shutil.copy(tmp_path / "backup.db", path)  # the disk died: the backup comes back
        village = Ledger.open(path, author="村员")
        start_new_incarnation(village)
        add_family(village, VILLAGE, ["105"], surname="张")
        push(village, server.url)
        _refresh(qtbot, page, server.url)
    (event,) = [e for e in hub.device_events("大坝村笔记本") if e["event"] == "restored"]
    rows = _rows(table)
    cell = table.item(rows["大坝村笔记本"], column)
    assert cell.text() == f"⚠ 1 次，最近 {china_minute(event['at'])}", cell.text()
    said = as_drawn(cell.toolTip())
    assert "设备上：村员@大坝村笔记本" in said and "请马上核查" in said, said
    assert table.item(rows["县人社局"], column).text() == ""
    summary = page.county_status.summary.text()
    assert "1 台设备近 30 天内从备份恢复过台账" in summary, summary
    assert warnings_shown == []
    village.close()
    hub.close()


def test_a_restore_long_past_is_listed_without_the_mark(window, qtbot, tmp_path):
    """Past 30 days the count and time stay, unmarked, and the summary no longer counts it
    (the hub's answer as an older restore gives it)."""
    page = window.show_page("sync")
    status = page.county_status
    long_ago = (dt.date.today() - dt.timedelta(days=45)).isoformat() + "T09:05:00+08:00"
    device = {"device": "大坝村笔记本", "role": "coordinator", "area": VILLAGE,
              "restored": 2, "last_restored": long_ago, "last_restored_china": long_ago,
              "last_restored_by": "村员@大坝村笔记本"}  # fmt: skip
    status.show_status({"devices": [device]})
    column = _titles(status.table).index("从备份恢复过")
    assert status.table.item(0, column).text() == f"2 次，最近 {long_ago[:10]} 09:05"
    assert "从备份恢复" not in status.summary.text()
    # An older hub does not say: nothing shown.
    status.show_status({"devices": [{"device": "大坝村笔记本", "area": VILLAGE}]})
    assert status.table.item(0, column).text() == ""
