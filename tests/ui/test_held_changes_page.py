"""The sync page shows this device's changes the county did not accept ("县里未接受的修改 …
原因 …"), as the hub reported them in its answer, and takes one back on the user's word."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.dates import china_minute
from fieldapp.hub import rejected
from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, wait_idle


def test_a_held_change_is_shown_with_its_reason_and_undone(window, qtbot, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    assert page.held_box.isHidden()  # nothing held: nothing shown
    ledger = window.session.ledger
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    original = ledger.get("persons", person)["relation"]
    bad = forge(ledger, "persons", person, {"relation": "邻居"},
          parents={"relation": ledger.heads("persons", person)["relation"]})  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    # Only it (the ledger's county and township rows above its village are taken as they are).
    assert {h.change_id: h.rule for h in hub.rejected()} == {bad.id: "malformed"}
    hub_held = hub.rejected()
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    assert not page.held_box.isHidden(), warnings_shown
    row = next(n for n, item in enumerate(page.held.items) if item["change_id"] == bad.id)
    assert page.held.list.count() == len(hub_held)
    text = page.held.list.item(row).text()
    assert (
        text.startswith("县里未接受的修改：张0的人员信息")
        and "原因：" in text
        and "县里待审核" in text
    )
    assert "邻居" in text and person not in text  # what and why, no row id
    # When the county received it, in China time (the hub's clock may keep UTC).
    received = next(h.received_at for h in hub_held if h.change_id == bad.id)
    assert f"县里 {china_minute(received)} 收到" in text, text
    assert not page.held.undo_button.isEnabled()
    page.held.list.setCurrentRow(row)
    assert page.held.undo_button.isEnabled()
    assert page.held.undo_selected() == 1
    assert ledger.get("persons", person)["relation"] == original
    row = next(n for n, item in enumerate(page.held.items) if item["change_id"] == bad.id)
    assert "本机已撤销" in page.held.list.item(row).text()
    page.held.list.setCurrentRow(row)
    assert not page.held.undo_button.isEnabled()


def test_a_held_change_says_whose_it_is_and_names_the_place(
    window, qtbot, tmp_path, warnings_shown
):
    """A household entered under a village this device does not serve is held with all its
    people and their records. The list said “县里未接受的修改：月度状态（收入=2900，月份=…）”
    and “人员信息（…）” with nothing of whom (the links to the person are ids, left out), and
    the household's reason named its place by the code the hub had for it (区域 5205020010020
    03…). Each line now says whose change it is (the person's name, the household's head: 欧阳兰家)
    and the place by its name in this ledger."""
    from fieldapp.domain.enums import WorkStatus
    from fieldapp.domain.models import Area, Household, MonthlyStatus, Person
    from fieldapp.hub.rejected import content
    from tests.conftest import make_id
    from tests.records import Records

    # Entered before the device was enrolled (an Excel list of the whole township, say): once
    # enrolled, the device's own write door refuses rows outside its village.
    ledger = window.session.ledger
    other = VILLAGE[:9] + "002"
    group = other + "003"
    repo = Records(ledger)
    with ledger.transaction():
        repo.ensure_area(Area(code=other, name="小河村", kind="村", parent_code=VILLAGE[:9]))
        repo.ensure_area(Area(code=group, name="三组", kind="组", parent_code=other))
        household = repo.save(Household(area_code=group, address="小河村三组 5 号"))
        person, _ = repo.add_person(
            Person(household_id=household, name="欧阳兰", id_number=make_id(seq="771")),
            confirmed=True,
        )
        repo.save(
            MonthlyStatus(
                person_id=person, month="2026-11", status=WorkStatus.EMPLOYED, income=2900
            )
        )
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    # The county's list names an area by its name and level.
    (held_area,) = [h for h in hub.rejected() if h.change.data.get("name") == "三组"]
    assert content(held_area).startswith("区域“三组”（组）"), content(held_area)
    # Her records are held because she is, and she because her household is: the county's
    # list said only 月度状态的所属人员指向的记录在中心不存在，无法确定所属地区 (1,500 of the
    # 1,617 lines of a demo's first upload). It says whom they wait on and what to do.
    reasons = {h.change.tbl: h.reason for h in hub.rejected()}
    assert reasons["monthly_status"].startswith(
        "月度状态跟着欧阳兰的人员信息等县里审核，中心定不了它属于哪个地区。"
        "县里先处理欧阳兰家的户信息：接受了它，这条也可以接受；不予采纳它，这条也一并不予采纳。"
        "欧阳兰家的户信息没有被接受的原因：户信息的所在区域"
    ), reasons
    assert reasons["persons"].startswith(
        "人员信息跟着欧阳兰家的户信息等县里审核，中心定不了它属于哪个地区。"
    ), reasons
    assert "它没有被接受的原因：户信息的所在区域" in reasons["persons"], reasons
    assert "指向的记录在中心不存在" not in "".join(reasons.values()), reasons
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    lines = [page.held.list.item(r).text() for r in range(page.held.list.count())]
    monthly = [t for t in lines if "月度状态" in t]
    assert monthly and all("欧阳兰的月度状态" in t for t in monthly), lines
    # The village reads the same: whom it waits on, and the place by its name.
    assert all("跟着欧阳兰的人员信息等县里审核" in t for t in monthly), lines
    assert all("县里先处理欧阳兰家的户信息" in t and group not in t for t in monthly), lines
    assert any(t.startswith("县里未接受的修改：欧阳兰的人员信息") for t in lines), lines
    (household_line,) = [t for t in lines if t.startswith("县里未接受的修改：欧阳兰家的户信息")]
    assert household_line.startswith("县里未接受的修改：欧阳兰家的户信息"), household_line
    # The place it was set to by its name, not its code; in the hub's reason too (the hub
    # names it by its code when it has not received the area's row).
    assert "所在区域为“七星关区 市西街道 小河村 三组”" in household_line, household_line
    assert group not in household_line and VILLAGE not in household_line, household_line
    # An area is said by its name and level (its code, 区划代码, means nothing to people).
    (area_line,) = [t for t in lines if "区域“" in t and "三组" in t]
    assert area_line.startswith("县里未接受的修改：区域“七星关区 市西街道 小河村 三组”（组）")
    assert "姓名" not in area_line and group not in area_line, area_line


@pytest.mark.parametrize(
    ("decision", "decision_english"),
    [
        ("日期核实无误", "日期核实无误"),  # (a reviewer's own words, as written)
        (  # the hub's own, when its clock put right cleared the change (`rejected.rejudge`)
            rejected.REJUDGED,
            "Checked again by the same rules once the county hub computer's clock was put "
            "right: it may be taken, accepted",
        ),
    ],
    ids=["reviewer", "rejudged"],
)
def test_a_change_the_county_accepted_is_said_as_the_countys_own(
    window, qtbot, tmp_path, warnings_shown, decision: str, decision_english: str
):
    """A held change the county then accepted read “县里未接受的修改：…；县里已接受（以县里的修改为准）
    …；本机已撤销（…）” — not accepted yet accepted, taken back yet standing. It says what
    happened: held for review, accepted as the county's own change, this computer's copy
    withdrawn for it; in English in English."""
    from tests.helpers.stamps import _month_ahead

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    hub.import_file(export_bundle(ledger, tmp_path / "first.fieldsync").path)
    # Stamped a month ahead (the laptop's date was wrong): held, and the county may accept it.
    late = forge(ledger, "persons", person, {"phone": "13600000001"},
                 parents={"phone": ledger.heads("persons", person)["phone"]},
                 hlc=_month_ahead())  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    (held,) = [h for h in hub.rejected() if h.change_id == late.id]
    hub.accept(held.id, "王科长", decision)
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    assert ledger.get("persons", person)["phone"] == "13600000001"  # the county's copy
    (row,) = [r for r, i in enumerate(page.held.items) if i["change_id"] == late.id]
    item = page.held.items[row]
    minute = china_minute(str(item["undone_at"]))
    text = page.held.list.item(row).text()
    assert text.startswith("县里扣下审核的修改：张0的人员信息（联系电话为“13600000001”）"), text
    assert text.endswith(
        f"；县里已接受，记作县里自己的修改：{decision}"
        f"；本机原来的这条已撤下（{minute}），以县里记下的为准"
    ), text
    assert "未接受" not in text and "本机已撤销" not in text, text
    page.held.list.setCurrentRow(row)
    assert not page.held.undo_button.isEnabled()  # nothing left to take back

    with in_english():
        page.held.refresh()
        english = page.held.list.item(row).text()
        assert english.startswith("Held by the county for review: "), english
        assert english.endswith(
            f"; accepted by the county and recorded as the county's own change: {decision_english}"
            f"; this computer's own copy was withdrawn ({minute}): the county's change stands in"
            " its place"
        ), english
