"""The sync page's line for a held change says a day as a paper writes it in Chinese
(申领日期为“2026年9月14日”, `change_said.value_said`); in English it read the same Chinese
day. It says it in the language shown now (14/9/2026, a month 11/2026); a day no calendar has
stays as it came."""

from __future__ import annotations

from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import natural_id
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, wait_idle


def test_a_held_changes_day_is_said_in_the_language_shown(window, qtbot, tmp_path, warnings_shown):
    from fieldapp.ui import i18n

    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE)
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    ledger = window.session.ledger
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    claim = natural_id("claims", "paid", person)
    forge(ledger, "claims", claim, {"person_id": person, "rule_id": "r1", "state": "已发放",
                                    "amount": 1200.0, "claim_date": "2026-09-14",
                                    "applied_on": "2026-02-30"})  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    answer = hub.export_for("大坝村笔记本", tmp_path / "answer.fieldsync")
    hub.close()
    page.import_from(Path(answer.path))
    wait_idle(qtbot, page)
    (row,) = [r for r, i in enumerate(page.held.items) if i["row_id"] == claim]
    chinese = page.held.list.item(row).text()
    assert "申领日期为“2026年9月14日”" in chinese, chinese
    assert "申请日期为“2026-02-30”" in chinese, chinese

    i18n.install_language("en")
    page.held.refresh()
    english = page.held.list.item(row).text()
    assert "“14/9/2026”" in english and "年" not in english.split(" — reason: ")[0], english
    assert "“2026-02-30”" in english, english
