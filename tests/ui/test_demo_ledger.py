"""A demo ledger in the window: marked in the title, refused by a real hub, taken by a training
hub (a coordinator enrols and exports from the 同步 page)."""

from __future__ import annotations

from fieldapp.hub.folder import Hub
from fieldapp.ui.pages import sync as sync_page
from tests.codes import ENROL_CODE
from tests.ui.conftest import wait_idle


def test_demo_ledger_enrols_only_with_a_training_hub(
    demo_window, qtbot, tmp_path, warnings_shown, monkeypatch
):
    window = demo_window
    assert window.windowTitle().startswith("演示台账")
    assert not window.demo_banner.isHidden()
    area = window.session.ledger.db.execute(
        "SELECT code FROM areas WHERE length(code) = 12"
    ).fetchone()[0]
    county = Hub.init(tmp_path / "county", "七星关区汇总中心")
    county.enroll("演示笔记本", area, tmp_path / "county.json", code=ENROL_CODE, by="县里的科员")
    training = Hub.init(tmp_path / "training", "培训中心", training=True)
    training.enroll(
        "演示笔记本", area, tmp_path / "training.json", code=ENROL_CODE, by="县里的科员"
    )
    page = window.show_page("sync")
    assert not page.enrol(tmp_path / "county.json", code=ENROL_CODE)
    assert warnings_shown and "演示台账" in warnings_shown[-1]
    assert "正式" in warnings_shown[-1]
    assert page.enrol(tmp_path / "training.json", code=ENROL_CODE)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sync_page, "removable_drives", lambda: [("U盘", str(stick))])
    page.refresh()
    page.export_to(page._folder())
    wait_idle(qtbot, page)
    (bundle,) = stick.glob("*.fieldsync")
    outcome = training.import_file(bundle)
    assert outcome.changes == page.last_export.changes > 0
    county.close()
    training.close()
