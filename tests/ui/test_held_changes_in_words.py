"""The sync page's list of this device's changes the county did not accept said them as a
programmer would: “县里未接受的修改：区域（区划代码=520502，层级=县，名称=七星关区）原因：…”,
“补贴申领（金额=50000，状态=已发放）”, and stayed Chinese in English. Each line now says whose
record, which field, what value and why in a coordinator's words — the area by its name and
level, places by their names, no “=”, no codes, no ids — and in English the device's own words
are English (the hub's reason and the ledger's names stay as written)."""

from __future__ import annotations

import re
from pathlib import Path

from fieldapp.domain.enums import AreaKind
from fieldapp.hub.folder import Hub
from fieldapp.services.areas import area_id
from fieldapp.store.ledger import Ledger, natural_id
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.held_on_device import ELSEWHERE, held_alone

#: Another township of the county (市东街道), outside the village device's area.
OTHER_TOWNSHIP = VILLAGE[:6] + "002"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-", re.IGNORECASE)


def _held_of_each_kind(window, qtbot, tmp_path, warnings_shown) -> list[tuple[str, str]]:
    """A person's, a household's, an area's and a claim's change held at a real hub and
    reported in its answer; the page's lines by table."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    forge(ledger, "persons", person, {"relation": "邻居"},
          parents={"relation": ledger.heads("persons", person)["relation"]})  # fmt: skip
    away = natural_id("households", "away", person)
    forge(ledger, "households", away, {"area_code": ELSEWHERE, "address": "小河村五组 3 号"})
    claim = natural_id("claims", "paid", person)
    forge(ledger, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                    "amount": 50000.0})  # fmt: skip
    # Another township of the county, as the division table writes it: a village device may
    # not write it (its own county's and township's rows above it are taken).
    forge(ledger, "areas", area_id(OTHER_TOWNSHIP), {"code": OTHER_TOWNSHIP, "name": "市东街道",
                                                     "kind": AreaKind.TOWNSHIP.value,
                                                     "parent_code": VILLAGE[:6]})  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    held = {h.change.tbl: h for h in hub.rejected()}
    assert set(held) == {"persons", "households", "areas", "claims"}, hub.rejected()
    assert held["areas"].change.row_id == area_id(OTHER_TOWNSHIP), held["areas"]
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    lines = [page.held.list.item(r).text() for r in range(page.held.list.count())]
    for line in lines:
        assert "=" not in line and not UUID.search(line), line
        assert "区划代码" not in line and "层级" not in line, line
        assert not re.search(r"\d{6,}", line), line  # no area codes
        for row_id in (person, away, claim):
            assert row_id not in line, line
    return [(str(item["table"]), line) for item, line in zip(page.held.items, lines, strict=True)]


def test_each_held_change_says_whose_which_field_what_value_and_why(
    window, qtbot, tmp_path, warnings_shown
):
    lines = _held_of_each_kind(window, qtbot, tmp_path, warnings_shown)
    said = dict(lines)
    assert said["persons"].startswith(
        "县里未接受的修改：张0的人员信息（与户主关系为“邻居”）原因：人员信息的与户主关系「邻居」"
    ), said["persons"]
    household = said["households"]
    assert household.startswith("县里未接受的修改：小河村五组 3 号的户信息（"), household
    assert "所在区域为“七星关区市西街道的一个村”" in household, household
    assert "地址为“小河村五组 3 号”" in household and "原因：户信息的所在区域" in household
    # The area by its name and level (its code and level were 区划代码=, 层级=).
    areas = sorted(t for table, t in lines if table == "areas")
    assert [t.split("原因：")[0] for t in areas] == [
        "县里未接受的修改：区域“七星关区 市东街道”（乡镇）（上级区域为“七星关区”）"
    ], areas
    assert said["claims"].startswith(
        "县里未接受的修改：张0的补贴申领（金额为“50000”，状态为“已发放”）原因："
    ), said["claims"]
    assert all(t.endswith("县里待审核") for t in said.values()), said


def test_the_device_says_its_own_words_in_english(window, qtbot, tmp_path, warnings_shown):
    _held_of_each_kind(window, qtbot, tmp_path, warnings_shown)
    with in_english():
        page = window.show_page("sync")
        page.held.refresh()
        said = {
            item["table"]: page.held.list.item(r).text() for r, item in enumerate(page.held.items)
        }
        assert said["persons"].startswith(
            "Not accepted by the county: Person of 张0 (Relation to head “邻居”) — reason: "
        ), said["persons"]
        assert said["claims"].startswith(
            "Not accepted by the county: Subsidy claim of 张0 (Amount “50000”, State “Paid”)"
        ), said["claims"]  # the program's state in English (was State “已发放”); the amount as kept
        assert "(Address “小河村五组 3 号”, Area “七星关区市西街道的一个村”)" in said["households"]
        assert said["areas"].startswith("Not accepted by the county: Area “"), said["areas"]
        assert "” (Township)" in said["areas"], said["areas"]  # its level in English (was (乡镇))
        # The hub's reason as its sentence, whole, in English (it was the rule's short name, and
        # before that the hub's Chinese sentence): the hub sends it, the device keeps it.
        reason = said["claims"].split(" — reason: ")[1].split("; received by the county ")[0]
        assert reason == "A new claim can only be “Draft” or “Submitted”", said["claims"]
        for line in said.values():
            assert "; received by the county " in line, line
            assert line.endswith("; awaiting the county's review"), line
            # The device's own words are English (a newer program's value in the reason is named
            # as the hub named it).
            own = line.split(" — reason: ")[0] + line.split("; received by the county ")[1]
            for chinese in ("县里未接受的修改", "原因", "县里待审核", "收到", "人员信息", "为“"):
                assert chinese not in own, line


def test_a_value_from_a_newer_program_is_said_for_the_village(
    window, qtbot, tmp_path, warnings_shown
):
    """The hub's reason for a value from a newer program tells the county's clerk to upgrade
    the hub, then accept; the page showed it word for word. It now says what it means here —
    kept at the county, the county decides, nothing to redo — in Chinese as `sync status`
    says it, and in English in English (the value named in English)."""
    from fieldapp.sync import rejected
    from tests.sync.test_upgrade_order import newer_job_held

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    job = newer_job_held(hub, ledger, tmp_path, VILLAGE)
    (held,) = [h for h in hub.rejected() if h.change.row_id == job]
    assert "请先升级中心的程序，再接受这一条" in held.reason  # the clerk's, at the hub
    hub.close()
    page.held.refresh()
    (row,) = [r for r, i in enumerate(page.held.items) if i["row_id"] == job]
    item, line = page.held.items[row], page.held.list.item(row).text()
    assert line == rejected.describe(item), line  # as `sync status` says it
    assert "原因：就业经历的就业形式「未登记」是县里中心的程序还没有的选项" in line, line
    assert "由县里决定" in line and "请先升级中心的程序" not in line, line

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        # The value named in English too (test_newer_value_in_english).
        said = (
            " — reason: Employment form “Not recorded” (Employment) is an option the county hub's"
        )
        assert said in english, english
        assert "the county decides" in english and "请" not in english, english


def test_a_yes_or_no_is_said_in_the_language_shown(window, qtbot, tmp_path, warnings_shown):
    """The English line read “Casual work “否””: a yes/no value stayed Chinese. It is said in
    the language shown now; what someone wrote (a note of “否”) stays as written."""

    def forged(ledger: Ledger) -> str:
        away = natural_id("households", "away", "yes-no")
        forge(ledger, "households", away, {"area_code": ELSEWHERE, "address": "小河村五组 3 号",
                                           "is_relocated": False, "is_lifted": True,
                                           "notes": "否"})  # fmt: skip
        return away

    page, row = held_alone(window, qtbot, tmp_path, warnings_shown, forged)
    chinese = page.held.list.item(row).text()
    assert "易地搬迁户为“否”" in chinese and "脱贫户为“是”" in chinese, chinese
    assert "备注为“否”" in chinese, chinese

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        assert "Relocated household “No”" in english, english
        assert "Household lifted out of poverty “Yes”" in english, english
        assert "“否”" in english and "“是”" not in english, english  # the note, as written
