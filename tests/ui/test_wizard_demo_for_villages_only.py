"""The first-run wizard asked every laptop for demo people (另建一个演示台账, 演示人数) — a
township's or county's too, which has no people of its own (it reviews what the villages send).
Given a training hub's enrolment file for the township, it refused to go on until 演示台账 was
ticked, then generated made-up people into the township's ledger, which reached the hub as
some village's. It now reads the role the enrolment file gives (once its code is typed) and
asks only a village's (or site's) device; a training hub's township device's new ledger is
enrolled itself and made a demo ledger, no demo ledger beside it, no people generated."""

from __future__ import annotations

from pathlib import Path

from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.store.ledger_kind import is_demo
from fieldapp.store.sync_state import SyncState
from fieldapp.store.vault import Credentials
from fieldapp.ui.wizard import demo_path_beside
from tests.codes import ENROL_CODE
from tests.ui.test_two_wizards import _wizard

TOWNSHIP = "520502010"
VILLAGE = "520502010003"


def _files(tmp_path: Path) -> dict[str, Path]:
    """A training hub's enrolment files for a township's and a village's device."""
    hub = Hub.init(tmp_path / "培训中心", training=True)
    files = {}
    try:
        for name, area, role in (
            ("鸭溪镇", TOWNSHIP, "township"),
            ("红星村", VILLAGE, "coordinator"),
        ):
            files[name] = tmp_path / f"{name}.json"
            hub.enroll(name, area, files[name], code=ENROL_CODE, by="县里的科员", role=role)
    finally:
        hub.close()
    return files


def test_only_a_villages_device_is_asked_for_demo_people(qtbot, tmp_path, warnings_shown) -> None:
    from fieldapp.ui.app import make_app

    make_app()
    files = _files(tmp_path)
    path = tmp_path / "鸭溪镇.db"
    wizard = _wizard(qtbot, path, "乡镇学员", "培训用的口令1")
    form = wizard.extras_form
    assert form.isRowVisible(wizard.demo) and not form.isRowVisible(wizard.demo_note)
    wizard.enrol_path.setText(str(files["红星村"]))
    wizard.enrol_code.setText(ENROL_CODE)
    assert form.isRowVisible(wizard.demo) and form.isRowVisible(wizard.demo_count)
    wizard.demo.setChecked(True)
    wizard.enrol_path.setText(str(files["鸭溪镇"]))  # the township's: not asked
    assert not form.isRowVisible(wizard.demo) and not form.isRowVisible(wizard.demo_count)
    assert not wizard.demo.isChecked()
    assert form.isRowVisible(wizard.demo_note)
    assert "不生成演示人员" in wizard.demo_note.text(), wizard.demo_note.text()
    wizard.enrol_code.setText(ENROL_CODE[:-1])  # no whole code yet: the file's role unknown
    assert form.isRowVisible(wizard.demo)
    wizard.enrol_code.setText(ENROL_CODE)

    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        wizard.accept()
    assert warnings_shown == []
    assert wizard.ledger_path == path
    assert demo_path_beside(path).name == "演示台账.db"  # none made beside it
    ledger = Ledger.open(path, credentials=Credentials("乡镇学员", "培训用的口令1"))
    try:
        assert is_demo(ledger)
        assert SyncState(ledger.db).identity() is not None  # enrolled as the township's device
        assert ledger.db.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 0
    finally:
        ledger.close()
