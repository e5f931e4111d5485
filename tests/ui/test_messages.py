"""Messages in a coordinator's words: what happened and what to do; mistakes titled 请检查."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.models import Person
from fieldapp.ui import errors
from tests.records import Records
from tests.ui.conftest import wait_idle
from tests.ui.plain import assert_plain, insides


def test_the_checker_sees_what_a_coordinator_should_not():
    # The test of the tests: each kind of inside is caught.
    assert insides("申领 01a232a4-2bca-766e-b8eb-2c64690a98dc 已提交")
    assert insides("规则 transport_cross_county 未启用")
    assert insides("请先执行 fieldapp enrol")
    assert insides("设备 3fa9c0d1e2b34a56")
    assert insides("创建于 2026-12-01T10:11:12")
    assert insides('File "fieldapp/ui/pages/visits.py", line 3')
    assert not insides("已保存到 /home/村委/走访记录.pdf（共 2 页，校验码 7KQ3-X2）")


def test_user_mistakes_are_titled_check_internal_faults_are_not(monkeypatch):
    titles: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, _t: titles.append(title))
    errors.show_error(None, "请先在列表中选择一个人员")
    errors.show_error(None, errors.FieldappError("身份证号码已登记"))
    errors.show_error(None, PermissionError(13, "denied", "/media/u/x.xlsx"))
    errors.show_error(None, KeyError("boom"))
    assert titles == ["请检查", "请检查", "无法读写文件", "操作没有完成"]
    assert "出错了" not in titles


def test_exporting_before_enrolment_says_what_to_do(window, warnings_shown, tmp_path):
    page = window.show_page("sync")
    assert not page.export_button.isEnabled()
    assert "登记文件" in page.export_button.toolTip()
    page.export_to(tmp_path)
    assert warnings_shown and "用登记文件登记本机" in warnings_shown[-1]
    assert "enrol" not in warnings_shown[-1]


def test_a_ten_digit_phone_is_refused_in_the_editor(window):
    page = window.show_page("ledger")
    person = Records(window.session.ledger).select(Person, "name = '李建国'")[0]
    editor = page.edit_person(person.id)
    editor.phone.setText("1380000111")
    editor.save()
    assert "11 位" in editor.error.text() and editor.isVisible()
    assert window.session.ledger.get("persons", person.id)["phone"] == ""
    editor.phone.setText("13800001111")
    editor.save()
    assert window.session.ledger.get("persons", person.id)["phone"] == "13800001111"


def test_submitting_without_evidence_asks_naming_what_is_missing(
    demo_window, qtbot, monkeypatch, warnings_shown
):
    from tests.ui.subsidies_claim import find_and_claim

    page = demo_window.show_page("subsidies")
    _result, claim = find_and_claim(page, qtbot)
    page.show_claim(claim.id)
    page.target.setCurrentIndex(page.target.findData(ClaimState.SUBMITTED.value))
    asked: list[str] = []

    def get_text(_parent, title, label, *a, **k):  # noqa: ANN001, ANN202
        assert_plain(f"{title} {label}")
        asked.append(label)
        return "务工证明下周补交", True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    moved = page.advance_selected()
    assert moved is not None and moved.state == ClaimState.SUBMITTED
    assert asked and "还缺" in asked[0]
    for item in claim.missing_evidence():
        assert item in asked[0]
    wait_idle(qtbot, page)
