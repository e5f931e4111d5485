"""An upload the hub refused for a reason the desktop has no words of its own for (here: the
ledger is the one another enrolled laptop sends, a ledger file copied to this computer) was
said on the English window's sync page as “The county hub refused the upload:” and then the
hub's Chinese (这份台账属于设备「白云村笔记本」…): the hub sent its text only. The hub now sends
the refusal's sentence signed beside it (`reason_said`), and the page says it in English;
the Chinese reads as before. A real hub on loopback."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import pytest

from fieldapp.hub.folder import Hub
from fieldapp.hub.server import ServerThread
from fieldapp.services.incarnation import start_new_incarnation
from fieldapp.store.ledger import Ledger
from fieldapp.sync import intake
from fieldapp.sync.enrolment import enrol
from fieldapp.sync.errors import REASONS_SAID
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.english import in_english
from tests.sync.helpers import add_family
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger, wait_idle

#: The change-log id both laptops' ledgers carry (one copied from the other).
COPIED = "b2b2b2b2b2b2b2b2"

#: The templates said here (for `test_every_template_is_met_by_a_scenario`).
SAID_HERE = {intake.LEDGER_OF_ANOTHER}

CJK = re.compile(r"[\u4e00-\u9fff（）：，。]")


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """An enrolled village ledger whose change log the hub knows as another laptop's."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    enrol_as(ledger, tmp_path, "大坝村笔记本", VILLAGE)
    with mock.patch("secrets.token_hex", return_value=COPIED):
        start_new_incarnation(ledger)
    ledger.close()
    other_folder = tmp_path / "other"
    other_folder.mkdir()
    with mock.patch("secrets.token_hex", return_value=COPIED):
        other = Ledger.open(other_folder / "l.db", author="白云村专员")
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.enroll(
            "白云村笔记本", VILLAGE, other_folder / "e.json", code=ENROL_CODE, by="县里的科员"
        )
        enrol(other, other_folder / "e.json", code=ENROL_CODE)
        add_family(other, VILLAGE, ["201"], surname="李")
        hub.import_file(export_bundle(other, other_folder / "1.fieldsync").path)
    finally:
        other.close()
        hub.close()
    return path


def test_a_refused_upload_is_said_in_english(window, qtbot, tmp_path, warnings_shown):
    add_family(window.session.ledger, VILLAGE, ["109"], surname="赵")
    page = window.show_page("sync")
    with ServerThread(tmp_path / "hub") as server:
        page.url.setText(server.url)
        page.push()
        wait_idle(qtbot, page)
        with in_english():
            page.push()
            wait_idle(qtbot, page)
    chinese, english = warnings_shown
    # The Chinese as the hub said it before its sentence, word for word.
    assert chinese == (
        f"中心拒绝了上传：{REASONS_SAID['foreign_change']}：这份台账属于设备「白云村笔记本」，"
        "不能由设备「大坝村笔记本」提交：一份台账只能登记为一台设备（是不是把台账文件复制到了"
        "另一台电脑？）"
    ), chinese
    assert english == (
        "The county hub refused the upload: The bundle holds another device's new changes,"
        " which cannot be submitted for it: This ledger belongs to the device “白云村笔记本”"
        " and cannot be sent by the device “大坝村笔记本”: a ledger can be enrolled as one"
        " device only (was the ledger file copied to another computer?)"
    ), english
    assert not CJK.search(english.replace("白云村笔记本", "").replace("大坝村笔记本", "")), english
