"""The sync page with a real hub folder: enrol, export to a "USB stick", import the answer;
a conflict reviewed side by side and resolved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from fieldapp.domain.places_said import PlaceWording, say_place
from fieldapp.hub.folder import Hub
from fieldapp.reference import divisions
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from fieldapp.store.queries import sync as sync_state
from fieldapp.store.queries.areas import listed_places
from fieldapp.sync.conflicts import list_conflicts
from fieldapp.ui.pages import sync as sync_page
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE, as_drawn, wait_idle, when_modal


def test_enrol_export_and_import_a_bundle(window, qtbot, tmp_path, warnings_shown, monkeypatch):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert "尚未登记" in page.state_label.text()
    assert page.enrol(enrolment, code=ENROL_CODE), warnings_shown
    assert "大坝村笔记本" in page.state_label.text()

    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    monkeypatch.setattr(sync_page, "removable_drives", lambda: [("U盘", str(stick))])
    page.refresh()
    assert page.folder.currentData() == str(stick)
    page.export_to(page._folder())
    wait_idle(qtbot, page)
    bundles = list(stick.glob("*.fieldsync"))
    assert len(bundles) == 1, warnings_shown
    assert "已导出" in page.result_label.text()
    assert str(page.last_export.changes) in page.result_label.text()
    # the bundle by its name, its whole path (the stick's folders) in the line's tooltip
    assert page.result_label.text().endswith(" → " + bundles[0].name)
    assert str(stick) not in page.result_label.text()
    assert as_drawn(page.result_label.toolTip()) == str(bundles[0])

    outcomes = hub.import_files(bundles)
    assert outcomes[0].result is not None and outcomes[0].result.changes == page.last_export.changes
    answer = hub.export_for("大坝村笔记本", stick / "answer.fieldsync")
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    assert "已接收" in page.result_label.text(), warnings_shown
    assert "冲突 0 处" in page.result_label.text()
    assert page.result_label.toolTip() == ""  # the line no longer names the bundle
    hub.close()


def test_import_of_a_damaged_bundle_is_refused_and_nothing_changes(window, qtbot, tmp_path):
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("设备", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    page.enrol(enrolment, code=ENROL_CODE)
    before = window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    bad = tmp_path / "bad.fieldsync"
    bad.write_bytes(b"not a bundle")
    shown = []
    page._failed = lambda error: shown.append(str(error))
    page.import_from(bad)
    wait_idle(qtbot, page)
    assert shown
    assert window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    hub.close()


def make_conflict(session) -> str:
    """Another device changed the same phone number concurrently; returns the person id."""
    led = session.ledger
    person_id = session.ledger.db.execute(
        "SELECT id FROM persons WHERE name = '张长英'"
    ).fetchone()[0]
    seen = led.heads("persons", person_id)["phone"]
    with led.transaction():
        led.update("persons", person_id, {"phone": "13811112222"})
    remote = Change(
        "remote-device",
        1,
        format_stamp(1_700_000_000_000, 0),
        "李四",
        "persons",
        person_id,
        {"phone": "13933334444"},
        {"phone": seen},
    )
    led.apply_changes([remote])
    return person_id


def test_conflict_review_shows_both_values_and_resolves(window, qtbot):
    person_id = make_conflict(window.session)
    page = window.show_page("sync")
    review = page.conflicts
    review.refresh()
    assert review.model.rowCount() == 1
    labels = [
        review.grid.itemAt(i).widget().text()
        for i in range(review.grid.count())
        if review.grid.itemAt(i).widget() is not None
    ]
    buttons = [b.text() for b in review.choices.buttons()]
    assert sorted(buttons) == ["13811112222", "13933334444"]
    assert "李四" in labels and window.session.ledger.author in labels
    # Devices by name (this one as 本机 until named), one the hub never named says so; no ids.
    assert "本机" in labels and "另一台设备（名称未知）" in labels  # this ledger has no name yet
    assert "remote-device" not in labels
    assert window.session.ledger.get_meta("device_id") not in labels
    index = buttons.index("13933334444")
    review.choose(index)
    assert review.resolve_selected()
    assert review.model.rowCount() == 0
    assert list_conflicts(window.session.ledger) == []
    phone = window.session.ledger.db.execute("SELECT phone FROM persons WHERE id = ?", [person_id])
    assert phone.fetchone()[0] == "13933334444"


def test_conflict_resolved_with_a_new_value(window, qtbot):
    person_id = make_conflict(window.session)
    review = window.show_page("sync").conflicts
    review.refresh()
    review.new_value.setText("13700000000")
    assert review.resolve_selected()
    phone = window.session.ledger.db.execute("SELECT phone FROM persons WHERE id = ?", [person_id])
    assert phone.fetchone()[0] == "13700000000"


def test_the_export_button_writes_to_the_usb_stick_chosen_in_the_list(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The list shows a stick as "U盘（/media/…，可用 3.2 GB）"; 导出数据包 took that label for a
    folder and said 请选择一个存在的文件夹（如U盘）. It writes to the stick now, also after the
    page was shown again and the stick's free space (in its label) changed."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    free = ["3.2"]
    monkeypatch.setattr(
        sync_page, "removable_drives", lambda: [(f"U盘（{stick}，可用 {free[0]} GB）", str(stick))]
    )
    page.refresh()
    page.export_button.click()
    wait_idle(qtbot, page)
    assert warnings_shown == [] and len(list(stick.glob("*.fieldsync"))) == 1
    free[0] = "3.1"
    window.show_page("ledger")
    window.show_page("sync")  # shown again: the drives are listed afresh
    page.export_button.click()
    wait_idle(qtbot, page)
    assert warnings_shown == [] and len(list(stick.glob("*.fieldsync"))) == 2
    hub.close()


def test_exchange_buttons_are_off_while_an_exchange_runs(window, qtbot, tmp_path, warnings_shown):
    """导出数据包, 导入数据包…, 上传并接收 stayed on during an export: a second click started a
    second export beside the first (two bundles on the stick, only the last one reported)."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    buttons = (page.enrol_button, page.export_button, page.import_button, page.push_button)
    page.export_to(stick)
    assert page.panel.busy and not any(b.isEnabled() for b in buttons)
    page.refresh()  # the page shown again meanwhile
    assert not page.export_button.isEnabled()
    wait_idle(qtbot, page)
    assert all(b.isEnabled() for b in buttons)
    assert len(list(stick.glob("*.fieldsync"))) == 1 and "已导出" in page.result_label.text()
    hub.close()


def test_enrolling_with_another_countys_file_asks_instead_of_naming_a_flag(
    window, qtbot, tmp_path, monkeypatch
):
    """Enrolled at one hub, a file from another made the page say "…确需改换请加 --force", a
    command-line flag the window has no place for. It now asks, naming both hubs: 否 keeps
    the enrolment, 是 moves the device to the new hub."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import answered

    first = Hub.init(tmp_path / "hub1", "七星关区汇总中心")
    second = Hub.init(tmp_path / "hub2", "纳雍县汇总中心")
    first.enroll("大坝村笔记本", VILLAGE, tmp_path / "one.json", code=ENROL_CODE, by="县里的科员")
    second.enroll("大坝村笔记本", VILLAGE, tmp_path / "two.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "one.json", code=ENROL_CODE)
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", answered("warning", QMessageBox.StandardButton.Ok, shown)
    )
    assert not page.enrol(tmp_path / "two.json", code=ENROL_CODE)
    assert asked and "七星关区汇总中心" in asked[0] and "纳雍县汇总中心" in asked[0]
    assert not any("--" in text for text in asked + shown)
    assert "七星关区汇总中心" in page.state_label.text()
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Yes, asked)
    )
    assert page.enrol(tmp_path / "two.json", code=ENROL_CODE)
    assert "纳雍县汇总中心" in page.state_label.text()
    first.close()
    second.close()


def test_enrolling_with_another_devices_file_asks_before_renaming_the_device(
    window, qtbot, tmp_path, monkeypatch
):
    """Enrolled as 大坝村笔记本, a file the county made for 红星村笔记本 (the wrong file off the
    county's stick) made this ledger 红星村笔记本 without a word. It now asks, naming both
    devices: 否 keeps the enrolment, 是 makes the ledger the other device."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import answered

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "daba.json", code=ENROL_CODE, by="县里的科员")
    other = VILLAGE[:-3] + "009"
    hub.enroll("红星村笔记本", other, tmp_path / "hongxing.json", code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "daba.json", code=ENROL_CODE)
    asked: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", answered("warning", QMessageBox.StandardButton.Ok, shown)
    )
    assert not page.enrol(tmp_path / "hongxing.json", code=ENROL_CODE)
    assert asked and "大坝村笔记本" in asked[0] and "红星村笔记本" in asked[0], asked
    assert not any("--" in text for text in asked + shown)
    assert sync_state.identity(window.session.ledger).name == "大坝村笔记本"
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.Yes, asked)
    )
    assert page.enrol(tmp_path / "hongxing.json", code=ENROL_CODE)
    assert sync_state.identity(window.session.ledger).name == "红星村笔记本"
    hub.close()


def _asked_to_become(window, tmp_path, monkeypatch, name: str, area: str) -> list[str]:
    """The window's ledger enrolled as 大坝村笔记本 (VILLAGE), then handed the enrolment file of
    the device `name` for `area`: the question asked (answered 否, so nothing changes)."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import answered

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "daba.json", code=ENROL_CODE, by="县里的科员")
    hub.enroll(name, area, tmp_path / "other.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "daba.json", code=ENROL_CODE)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
    )
    assert not page.enrol(tmp_path / "other.json", code=ENROL_CODE)
    return asked


def test_another_devices_file_is_told_by_its_villages_names(window, tmp_path, monkeypatch):
    """The question named each device's area by its code — 本机已登记为设备“大坝村笔记本”（区域
    520502001001）。这个登记文件是给设备“红星村笔记本”（区域 520502001009）的 — where the
    coordinator knows the villages by name; it now names them (市西街道 大坝村, 市西街道 红星村)."""
    import re

    from fieldapp.domain.enums import AreaKind
    from fieldapp.domain.models import Area
    from tests.records import Records

    other = VILLAGE[:-3] + "009"
    led = window.session.ledger
    with led.transaction():
        Records(led).ensure_area(
            Area(code=other, name="红星村", kind=AreaKind.VILLAGE, parent_code=VILLAGE[:-3])
        )
    asked = _asked_to_become(window, tmp_path, monkeypatch, "红星村笔记本", other)
    assert "市西街道 大坝村" in asked[0] and "市西街道 红星村" in asked[0], asked
    assert not re.search(r"\d{9}", asked[0]), asked


def test_another_devices_village_the_ledger_does_not_list_is_said_as_a_village(
    window, tmp_path, monkeypatch
):
    """The other device's village, not listed by this ledger, was said as its township
    (贵州省毕节市七星关区鸭池镇: the table's deepest level), as if the file were a township's;
    the question now says it as `fieldapp enrol` does (七星关区鸭池镇的一个村)."""
    import re

    asked = _asked_to_become(window, tmp_path, monkeypatch, "鸭池镇笔记本", "520502100003")
    assert "（区域 七星关区鸭池镇的一个村）" in asked[0], asked
    assert "市西街道 大坝村" in asked[0] and not re.search(r"\d{6}", asked[0]), asked


def type_enrol_codes(codes: list[str | None], seen: list[dict[str, object]]) -> None:
    """Answer the next enrolment-code forms as a coordinator does: each code typed key by key
    and Enter pressed (None: 取消). What each form showed first is kept in `seen`."""
    from PySide6.QtTest import QTest

    from fieldapp.ui.pages.sync import EnrolCodeDialog

    def act(form: EnrolCodeDialog) -> None:
        seen.append(
            {
                "prefilled": form.code.text(),
                "label": form.findChildren(QLabel)[0].text(),
                "hidden": form.code.echoMode() == QLineEdit.EchoMode.Password,
                "shown": form.code.displayText(),
            }
        )
        code = codes.pop(0)
        if codes:
            when_modal(EnrolCodeDialog, act, first=50)
        if code is None:
            form.reject()
            return
        form.code.clear()
        QTest.keyClicks(form.code, code)
        QTest.keyClick(form.code, Qt.Key.Key_Return)

    when_modal(EnrolCodeDialog, act)


def test_the_enrolment_code_is_typed_unseen(window, tmp_path, warnings_shown, caplog):
    """The 16 digits that with the enrolment file make the device's key showed on the screen as
    typed, for anyone behind the coordinator to read (the command line hides them). The form now
    shows dots; 显示, ticked, shows the digits to check a slip against the county's note. The
    code is in no message and no log line, the wrong one neither."""
    import logging

    from fieldapp.ui.pages.sync import EnrolCodeDialog

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    enrolment = tmp_path / "大坝村.enrol"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    form = EnrolCodeDialog(window)
    form.code.setText(ENROL_CODE)
    assert form.code.echoMode() == QLineEdit.EchoMode.Password
    assert not set(ENROL_CODE.replace(" ", "")) & set(form.code.displayText())
    form.show_code.setChecked(True)
    assert form.code.displayText() == ENROL_CODE
    form.show_code.setChecked(False)
    assert form.code.echoMode() == QLineEdit.EchoMode.Password
    form.deleteLater()

    wrong = ENROL_CODE[:-1] + ("1" if ENROL_CODE[-1] != "1" else "2")
    seen: list[dict[str, object]] = []
    type_enrol_codes([wrong, ENROL_CODE], seen)
    page = window.show_page("sync")
    with caplog.at_level(logging.DEBUG):
        assert page.enrol(enrolment)
    assert [s["hidden"] for s in seen] == [True, True]
    assert seen[1]["prefilled"] == wrong  # kept to correct, and shown as dots
    assert not any(ch.isdigit() for s in seen for ch in str(s["shown"])), seen
    said = " ".join(warnings_shown) + " " + caplog.text + " " + page.result_label.text()
    for code in (ENROL_CODE, wrong):
        assert code not in said and code.replace(" ", "") not in said.replace(" ", ""), said


def test_a_mistyped_enrolment_code_is_asked_again(window, tmp_path, warnings_shown):
    """One digit of the 16 mistyped: 登记码不对, and the coordinator was back on the page — to
    find the enrolment file again in the file dialog and type all sixteen digits anew. The code
    is now asked again at once, what was typed kept for correcting; 取消 stops."""
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    enrolment = tmp_path / "大坝村.enrol"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    wrong = ENROL_CODE[:-1] + ("1" if ENROL_CODE[-1] != "1" else "2")
    seen: list[dict[str, object]] = []
    type_enrol_codes([wrong, ENROL_CODE], seen)
    page = window.show_page("sync")
    assert page.enrol(enrolment)
    assert [s["prefilled"] for s in seen] == ["", wrong]
    assert any("登记码不对" in text for text in warnings_shown), warnings_shown
    assert sync_state.identity(window.session.ledger).name == "大坝村笔记本"

    # Cancelled at the second asking: nothing enrolled, nothing more asked.
    seen.clear()
    type_enrol_codes([wrong, None], seen)
    assert not page.enrol(enrolment)
    assert len(seen) == 2
    hub.close()


def test_resend_everything_when_the_county_asks(window, qtbot, tmp_path, warnings_shown):
    """A hub restored from a backup refuses the next bundle: "从第 n 号修改起缺失，请在设备上
    执行 fieldapp sync export --full". The window had no way to do that; the page now has
    全部重发 beside 导出数据包 — the bundle then carries every change of this device."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert not page.full_export.isEnabled()  # not enrolled: nothing to send
    assert page.enrol(enrolment, code=ENROL_CODE)
    assert page.full_export.isEnabled()
    stick = tmp_path / "stick"
    stick.mkdir()
    page.export_to(stick)
    wait_idle(qtbot, page)
    everything = page.last_export.changes
    assert everything > 0
    hub.import_files(list(stick.glob("*.fieldsync")))
    hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    page.import_from(tmp_path / "answer.fieldsync")
    wait_idle(qtbot, page)
    page.export_to(stick)
    wait_idle(qtbot, page)
    assert page.last_export.changes == 0  # the hub has them all
    assert "--full" not in page.full_export.text() and not page.full_export.isChecked()
    page.full_export.setChecked(True)
    page.export_to(stick)
    wait_idle(qtbot, page)
    assert page.last_export.changes == everything
    assert not page.full_export.isChecked()  # once, as asked
    hub.close()


def test_enrolling_asks_for_the_code_the_county_told(window, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    enrolment = tmp_path / "大坝村.enrol"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    seen: list[dict[str, object]] = []
    type_enrol_codes([None], seen)
    assert not page.enrol(enrolment)  # cancelled at the question: nothing said, nothing done
    assert not warnings_shown and "尚未登记" in page.state_label.text()
    type_enrol_codes(["1111 2222 3333 4444", ENROL_CODE], seen)
    assert page.enrol(enrolment)  # a mistyped code is said, and asked again at once
    assert warnings_shown[-1].startswith("登记码不对")
    assert "大坝村笔记本" in page.state_label.text()
    assert [s["label"] for s in seen] == ["请输入县里登记本机时告诉你的 16 位登记码："] * 3


def test_enrolling_a_ledger_under_another_code_of_its_village_says_it_took_the_countys(
    window, tmp_path, warnings_shown
):
    # The small ledger made its village 520502001001 itself; the county enrolled the laptop
    # as the village's 520502001002 before anything was sent.
    county_code = VILLAGE[:-3] + "002"
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", county_code, enrolment, code=ENROL_CODE, by="县里的科员")
    hub.close()
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE), warnings_shown
    text = page.result_label.text()
    # Said by the village's name, as the coordinator knows it: neither code's digits.
    listed = listed_places(window.session.ledger)
    village = say_place(county_code, divisions(), listed, PlaceWording.SENTENCE)
    assert village and county_code not in village
    assert f"本台账的村（{village}）已改用县里登记的区划代码" in text
    assert county_code not in text and VILLAGE not in text
    db = window.session.ledger.db
    assert {r[0] for r in db.execute("SELECT area_code FROM households")} == {county_code}
    assert db.execute("SELECT count(*) FROM areas WHERE code = ?", [VILLAGE]).fetchone()[0] == 0


def test_a_backup_chosen_as_a_bundle_is_explained_in_the_menus_words(
    window, qtbot, tmp_path, warnings_shown
):
    """The coordinator picks the village's .fieldbackup on the stick instead of the hub's
    bundle. The refusal says it is a backup and where backups are restored — in the desktop's
    own words, not a command line; nothing is imported."""
    from fieldapp.services.backup import back_up

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    hub.close()
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE)
    backup = back_up(window.session.ledger, tmp_path / "大坝村.fieldbackup")
    before = window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    page.import_from(backup)
    wait_idle(qtbot, page)
    assert warnings_shown and "备份文件" in warnings_shown[-1], warnings_shown
    assert "设置" in warnings_shown[-1] and "从备份恢复" in warnings_shown[-1]
    after = window.session.ledger.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    assert after == before


def test_a_person_entered_on_two_laptops_is_named_after_the_import(
    window, qtbot, tmp_path, warnings_shown
):
    """The village's second laptop typed 王小明 in again; after the sync the window's ledger
    held him twice and the sync page said only 已接收 … 冲突 0 处."""
    from fieldapp.domain.models import Household, Person
    from fieldapp.store.ledger import Ledger
    from fieldapp.sync.enrolment import enrol
    from fieldapp.sync.exchange import export_bundle
    from tests.records import Records

    hub = Hub.init(tmp_path / "hub")
    try:
        hub.enroll(
            "大坝村笔记本", VILLAGE, tmp_path / "one.enrol", code=ENROL_CODE, by="县里的科员"
        )
        hub.enroll("大坝村二号", VILLAGE, tmp_path / "two.enrol", code=ENROL_CODE, by="县里的科员")
        page = window.show_page("sync")
        assert page.enrol(tmp_path / "one.enrol", code=ENROL_CODE), warnings_shown
        ledger = window.session.ledger
        again = Records(ledger).select(Person, "name = ?", ["王小明"])[0]
        other = Ledger.open(tmp_path / "two.db", author="二号")
        try:
            enrol(other, tmp_path / "two.enrol", code=ENROL_CODE)
            repo = Records(other)
            home = repo.save(Household(area_code=VILLAGE, address="大坝村二组"))
            repo.add_person(Person(name="王小明", id_number=again.id_number, household_id=home))
            hub.import_file(export_bundle(other, tmp_path / "two.fs").path)
        finally:
            other.close()
        answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
        page.import_from(Path(answer.path))
        wait_idle(qtbot, page)
        text = page.result_label.text()
        assert "已接收" in text and "在本台账中登记了 2 次" in text and "王小明" in text, text
        assert "重复录入" in text
    finally:
        hub.close()


def test_a_stick_plugged_in_after_the_page_was_shown_is_used(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The coordinator opened 同步, saw no stick in 导出到, plugged it in and clicked 导出数据包:
    the list was only read when the page was shown, so she was told 请选择一个存在的文件夹（如U盘）
    beside an empty box, the stick in her laptop. The drives are looked for again on the click:
    the one stick is written to; with none, she is told to plug one in or choose a folder."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    drives: list[tuple[str, str]] = []
    monkeypatch.setattr(sync_page, "removable_drives", lambda: list(drives))
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    page.refresh()
    assert page.folder.currentText() == ""

    page.export_button.click()
    wait_idle(qtbot, page)
    assert len(warnings_shown) == 1
    assert "没有找到U盘" in warnings_shown[0] and "选择文件夹" in warnings_shown[0]

    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    drives.append((f"U盘（{stick}，可用 3.2 GB）", str(stick)))
    page.export_button.click()
    wait_idle(qtbot, page)
    assert len(warnings_shown) == 1, warnings_shown
    assert len(list(stick.glob("*.fieldsync"))) == 1
    assert page.folder.currentData() == str(stick)
    hub.close()


def test_a_hub_address_typed_without_http_is_reached(window, qtbot, tmp_path, warnings_shown):
    """The county tells the village its hub's address as 192.168.1.10:8765; typed so into
    中心地址, 上传并接收 refused it: 地址应以 http:// 或 https:// 开头. The address is now taken
    as http:// (written back into the box) and the exchange is done."""
    from fieldapp.hub.server import ServerThread

    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    with ServerThread(hub.root) as server:
        url = server.url
        page.url.setText(url.removeprefix("http://"))
        page.push()
        wait_idle(qtbot, page)
    assert warnings_shown == []
    assert page.url.text() == url
    assert "已发送" in page.result_label.text()
    hub.close()


def test_a_stick_pulled_out_after_it_was_listed_is_said_so(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """The stick listed in 导出到 was pulled out (to be carried to the township) before
    导出数据包 was clicked: 请选择一个存在的文件夹（如U盘）, as if she had chosen wrongly. The
    drives are looked for again and she is told the stick is no longer there."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    drives = [(f"U盘（{stick}，可用 3.2 GB）", str(stick))]
    monkeypatch.setattr(sync_page, "removable_drives", lambda: list(drives))
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    page.refresh()
    assert page.folder.currentData() == str(stick)
    stick.rmdir()
    drives.clear()
    page.export_button.click()
    wait_idle(qtbot, page)
    assert len(warnings_shown) == 1
    assert "没有找到U盘" in warnings_shown[0], warnings_shown
    hub.close()


def test_import_opens_on_a_stick_plugged_in_after_the_page_was_shown(window, tmp_path, monkeypatch):
    """导入数据包… opened its file dialog on the stick listed in 导出到 — and, the stick plugged
    in after the page was shown, on the documents folder, the county's answer to be looked
    for by hand. The drives are looked for again: it opens on the stick."""
    from PySide6.QtWidgets import QFileDialog

    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    drives: list[tuple[str, str]] = []
    monkeypatch.setattr(sync_page, "removable_drives", lambda: list(drives))
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    page.refresh()
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    drives.append((f"U盘（{stick}，可用 3.2 GB）", str(stick)))
    opened_at: list[str] = []

    def chosen(_parent, _caption, start, *_a, **_k):
        opened_at.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    page.import_dialog()
    assert opened_at == [str(stick)]
    hub.close()


def test_an_exchange_refused_before_it_starts_replaces_the_last_result(
    window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    """结果 said 已导出：发送 5 条修改 → the stick, and the next 导出数据包 — the stick already
    pulled out, a folder gone, no hub address — was refused in a box, the 结果 line still saying
    the last exchange went: the coordinator glancing at it took the new one for done. The line
    now says the refusal; nothing is exported."""
    hub = Hub.init(tmp_path / "hub", "中心")
    enrolment = tmp_path / "device.json"
    hub.enroll("大坝村笔记本", VILLAGE, enrolment, code=ENROL_CODE, by="县里的科员")
    stick = tmp_path / "media" / "U盘"
    stick.mkdir(parents=True)
    drives = [(f"U盘（{stick}，可用 3.2 GB）", str(stick))]
    monkeypatch.setattr(sync_page, "removable_drives", lambda: list(drives))
    page = window.show_page("sync")
    assert page.enrol(enrolment, code=ENROL_CODE)
    page.refresh()
    page.export_button.click()
    wait_idle(qtbot, page)
    assert "已导出" in page.result_label.text(), warnings_shown
    for bundle in stick.glob("*.fieldsync"):
        bundle.unlink()
    stick.rmdir()
    drives.clear()
    page.export_button.click()
    wait_idle(qtbot, page)
    assert "已导出" not in page.result_label.text()
    assert "没有找到U盘" in page.result_label.text()

    page.export_to(tmp_path / "不存在")
    assert "请选择一个存在的文件夹" in page.result_label.text()
    page.url.setText("")
    page.push()
    assert "请填写中心地址" in page.result_label.text()
    assert len(warnings_shown) == 3
    hub.close()


def test_a_conflict_on_an_areas_name_says_名称(window, qtbot):
    """Two devices renamed the same 组 at once: the review's 字段 column said 姓名 (a person's
    name), as the held-change lists did before they took the table; an area's name is 名称."""
    led = window.session.ledger
    area_id = led.db.execute("SELECT id FROM areas WHERE code = ?", [VILLAGE]).fetchone()[0]
    seen = led.heads("areas", area_id)["name"]
    with led.transaction():
        led.update("areas", area_id, {"name": "大坝村（新）"})
    remote = Change(
        "remote-device", 1, format_stamp(1_700_000_000_000, 0), "李四", "areas", area_id,
        {"name": "大坝社区"}, {"name": seen},
    )  # fmt: skip
    led.apply_changes([remote])
    review = window.show_page("sync").conflicts
    review.refresh()
    assert review.model.rowCount() == 1
    field = review.model.data(review.model.index(0, 3))
    assert field == "名称", field
