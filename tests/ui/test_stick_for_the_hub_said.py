"""A township's clerk imports a village's stick on the township's computer (the villages bring
their sticks to the township service centre). The bundle is sealed to the county's hub, and
the 同步 page said 这是本机导出给「…汇总中心」的数据包（sync export 导出的）— this computer
wrote it, which it had not, and a command's name — and in Chinese in the English window. It
now says the bundle is for the hub (exported by this or another device), to take to the
county, in the window's language, no command named; the ledger unchanged."""

from __future__ import annotations

import re

import pytest

from fieldapp.domain.roles import Role
from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import add_family
from tests.ui.conftest import VILLAGE, wait_idle
from tests.ui.laptops import _laptop

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_villages_stick_on_the_townships_computer(window, qtbot, tmp_path, warnings_shown, lang):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    village = _laptop(hub, tmp_path, "大坝村笔记本", VILLAGE)
    add_family(village, VILLAGE, ["101"])
    hub.enroll(
        "市西街道", VILLAGE[:9], tmp_path / "t.json", role=Role.TOWNSHIP, code=ENROL_CODE, by="科员"
    )
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "t.json", code=ENROL_CODE), warnings_shown
    stick = export_bundle(village, tmp_path / "大坝村.fieldsync").path
    persons = window.session.ledger.db["persons"].count
    window.set_language(lang)
    try:
        page = window.show_page("sync")
        page.import_from(stick)
        wait_idle(qtbot, page)
        said = page.result_label.text()
    finally:
        window.set_language("zh_CN")
    assert window.session.ledger.db["persons"].count == persons
    assert "本机导出" not in said and "sync export" not in said and "fieldapp" not in said, said
    assert "七星关区汇总中心" in said, said
    if lang == "en":
        assert not CHINESE.search(said.replace("七星关区汇总中心", "")), said
    else:
        assert "要交给县里导入" in said, said
    village.close()
    hub.close()
