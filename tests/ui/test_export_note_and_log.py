"""Exports from the window (issue 16): the save dialog says the file holds personal data, and
every export is logged like a print (who, what, how many people, when, the file's hash), the
file readable by its owner only."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from fieldapp.services.exports import PERSONAL_DATA_NOTE, export_log
from tests.conftest import make_id
from tests.ui.conftest import UI_USER


def test_an_export_from_the_ledger_page_warns_and_is_logged(window, qtbot, tmp_path, monkeypatch):
    asked: list[str] = []
    out = tmp_path / "导出" / "红星村台账.xlsx"
    out.parent.mkdir(mode=0o700)

    def save_as(_parent, caption, *_a, **_k):
        asked.append(caption)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.export_dialog()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    assert asked and PERSONAL_DATA_NOTE in asked[0]
    assert PERSONAL_DATA_NOTE in page.count_label.text()
    [row] = export_log(window.session.ledger)
    assert row["user"] == UI_USER.user and row["kind"] == "台账" and row["persons"] == 3
    assert row["file_name"] == out.name and row["exported_at"]
    assert row["file_hash"] == hashlib.sha256(out.read_bytes()).hexdigest()
    if os.name != "nt":
        assert out.stat().st_mode & 0o077 == 0


def test_a_saved_import_result_warns_and_is_logged(window, qtbot, tmp_path, monkeypatch):
    """The import result saved as a workbook lists, per person, the name, the ID number and the
    ledger's value beside the sheet's (conflicts, changes): personal data written out, so it is
    logged like any export and readable by its owner only — it was written with no log row."""
    from fieldapp.tabular.ledger_import import import_ledger
    from fieldapp.ui.dialogs.import_report import ImportReportDialog
    from tests.tabular.sheets import write_xlsx
    from tests.ui.conftest import PEOPLE

    rows = [
        [name, make_id(birth=birth, seq=seq), f"1380000000{i}"]
        for i, (name, birth, seq, _r) in enumerate(PEOPLE)
    ]
    sheet = write_xlsx(tmp_path / "村里交来的表.xlsx", ["姓名", "身份证号码", "联系电话"], rows)
    page = window.show_page("ledger")
    report = import_ledger(window.session.ledger, sheet, update=True)
    assert len(report.changes) == 3  # one row each: name, ID number, ledger value, sheet value
    page._imported(report)
    [dialog] = page.findChildren(ImportReportDialog)
    asked: list[str] = []
    out = tmp_path / "导出" / "导入结果.xlsx"
    out.parent.mkdir(mode=0o700)

    def save_as(_parent, caption, *_a, **_k):
        asked.append(caption)
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dialog.save_dialog()
    assert out.is_file()
    assert asked and PERSONAL_DATA_NOTE in asked[0]
    [row] = export_log(window.session.ledger)
    assert row["user"] == UI_USER.user and row["kind"] == "导入结果" and row["persons"] == 3
    assert row["file_name"] == out.name
    assert row["file_hash"] == hashlib.sha256(out.read_bytes()).hexdigest()
    if os.name != "nt":
        assert out.stat().st_mode & 0o077 == 0
    # Said in the dialog once saved (it said nothing): the file by its name, the whole path in
    # the line's tooltip, and that it holds personal data.
    assert dialog.saved.text() == "已保存到 导入结果.xlsx（含个人信息，请妥善保管）"
    assert str(out) in dialog.saved.toolTip() and dialog.saved.wordWrap()
    dialog.close()


def test_an_import_result_the_ledger_cannot_log_is_not_kept(
    window, tmp_path, monkeypatch, warnings_shown
):
    """The result is written, then logged; its ledger gone meanwhile (a stick pulled out), the
    log is refused and the workbook of ID numbers is not left on disk, logged nowhere
    (`services.exports.record_export` takes it away and says so)."""
    from fieldapp.tabular.ledger_import import import_ledger
    from fieldapp.ui.dialogs.import_report import ImportReportDialog
    from tests.tabular.sheets import write_xlsx
    from tests.ui.conftest import PEOPLE

    rows = [[name, make_id(birth=birth, seq=seq)] for name, birth, seq, _r in PEOPLE]
    sheet = write_xlsx(tmp_path / "村里交来的表.xlsx", ["姓名", "身份证号码"], rows)
    report = import_ledger(window.session.ledger, sheet, update=True)
    dialog = ImportReportDialog(report, window, window.session.ledger)
    out = tmp_path / "导入结果.xlsx"
    ledger_file = Path(window.session.path)
    moved = ledger_file.with_name("拔出.db")
    ledger_file.rename(moved)
    try:
        dialog.save(str(out))
    finally:
        moved.rename(ledger_file)
    assert not out.exists()
    assert len(warnings_shown) == 1 and "没有留下" in warnings_shown[0], warnings_shown
    assert dialog.saved.text() == ""
