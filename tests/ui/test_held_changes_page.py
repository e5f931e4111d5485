"""The sync page shows this device's changes the county did not accept ("县里未接受的修改 …
原因 …"), as the hub reported them in its answer, and takes one back on the user's word."""

from __future__ import annotations

from pathlib import Path

from fieldapp.domain.dates import china_minute
from fieldapp.hub.folder import Hub
from fieldapp.sync.exchange import export_bundle
from tests.codes import ENROL_CODE
from tests.sync.helpers import add_family
from tests.sync.hostile import forge
from tests.ui.conftest import VILLAGE, wait_idle


def test_a_held_change_is_shown_with_its_reason_and_undone(window, qtbot, tmp_path, warnings_shown):
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    hub.enroll("大坝村笔记本", VILLAGE, tmp_path / "device.json", code=ENROL_CODE)
    page = window.show_page("sync")
    assert page.enrol(tmp_path / "device.json", code=ENROL_CODE), warnings_shown
    assert page.held_box.isHidden()  # nothing held: nothing shown
    ledger = window.session.ledger
    _, (person,) = add_family(ledger, VILLAGE, ["101"])
    original = ledger.get("persons", person)["relation"]
    bad = forge(ledger, "persons", person, {"relation": "邻居"},
          parents={"relation": ledger.heads("persons", person)["relation"]})  # fmt: skip
    hub.import_file(export_bundle(ledger, tmp_path / "up.fieldsync").path)
    # (the window's ledger also holds copies of its county's and township's area rows, which a
    # village device may not write: those are held too)
    assert {h.change_id: h.rule for h in hub.rejected()}[bad.id] == "malformed"
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
        text.startswith("县里未接受的修改：人员信息") and "原因：" in text and "县里待审核" in text
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
