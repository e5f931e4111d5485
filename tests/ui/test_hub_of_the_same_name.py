"""A device enrolled with the county's hub is given an enrolment file of a hub set up anew
under the same name (the county's hub computer replaced): the 同步 page asked “本机已登记到
“县级汇总中心”。这个登记文件来自“县级汇总中心”。改为登记到“县级汇总中心”吗？” — one name three
times, as if nothing were to change. It says another hub of the same name sent the file, and
the new hub's fingerprint to check with the county before saying yes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from fieldapp.hub.folder import Hub
from tests.codes import ENROL_CODE
from tests.ui.conftest import VILLAGE, answered


def test_a_new_hub_of_the_same_name_is_told_apart(window, qtbot, tmp_path, monkeypatch):
    page = window.show_page("sync")
    first = Hub.init(tmp_path / "old", "县级汇总中心")
    first.enroll("大坝村", VILLAGE, tmp_path / "old.json", code=ENROL_CODE, by="县里的科员")
    first.close()
    assert page.enrol(tmp_path / "old.json", code=ENROL_CODE)
    second = Hub.init(tmp_path / "new", "县级汇总中心")
    second.enroll("大坝村", VILLAGE, tmp_path / "new.json", code=ENROL_CODE, by="县里的科员")
    fingerprint = second.fingerprint
    second.close()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
    )
    assert not page.enrol(tmp_path / "new.json", code=ENROL_CODE)
    (question,) = asked
    assert "另一个" in question and "同名" in question, question
    assert fingerprint in question, question
