"""A ledger enrolled with one hub given another county's enrolment file: the enrolment refuses
it as 本台账已登记到另一个中心（…）；确需改换请加 --force (`enrolment.OTHER_HUB`), which names
the command line's flag. That sentence is the command line's: the 同步 page asks first, in the
coordinator's words (改换汇总中心: 改为登记到“…”吗？), and enrols with the change agreed — no
command reaches a window, in Chinese or English; answered no, nothing changes."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QMessageBox

from fieldapp.hub.folder import Hub
from fieldapp.store.queries import sync as sync_state
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.ui.conftest import VILLAGE, answered


def test_another_hub_is_asked_in_the_coordinators_words(
    window, qtbot, tmp_path, monkeypatch, warnings_shown
):
    page = window.show_page("sync")
    for name in ("七星关区汇总中心", "大方县汇总中心"):
        hub = Hub.init(tmp_path / name, name)
        hub.enroll("大坝村", VILLAGE, tmp_path / f"{name}.json", code=ENROL_CODE, by="县里的科员")
        hub.close()
    assert page.enrol(tmp_path / "七星关区汇总中心.json", code=ENROL_CODE)
    asked: list[str] = []
    with in_english():
        monkeypatch.setattr(
            QMessageBox, "question", answered("question", QMessageBox.StandardButton.No, asked)
        )
        assert not page.enrol(tmp_path / "大方县汇总中心.json", code=ENROL_CODE)
        monkeypatch.setattr(
            QMessageBox, "question", answered("question", QMessageBox.StandardButton.Yes, asked)
        )
        assert page.enrol(tmp_path / "大方县汇总中心.json", code=ENROL_CODE)
    assert len(asked) == 2 and asked[0] == asked[1], asked
    assert "大方县汇总中心" in asked[0] and "--force" not in asked[0], asked[0]
    words = asked[0].replace("大方县汇总中心", "").replace("七星关区汇总中心", "")
    assert not re.search(r"[\u4e00-\u9fff]", words), asked[0]  # (the English window's)
    assert not any("--force" in shown for shown in warnings_shown), warnings_shown
    (hub,) = sync_state.peers(window.session.ledger, "hub")
    assert hub.name == "大方县汇总中心"
