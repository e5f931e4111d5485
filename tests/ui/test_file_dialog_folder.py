"""File dialogs opened in the app's working folder (the program's own folder when started from
its shortcut): 导出台账 suggested 劳动力台账.xlsx there, 导入台账表格 opened there. They now
open in the folder the user last chose a file in (remembered in the settings), and before
any in the user's documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def test_dialogs_open_in_documents_then_in_the_last_folder_used(
    window, qtbot, tmp_path, monkeypatch
):
    from fieldapp.ui.files import documents

    asked: list[str] = []
    out = tmp_path / "导出的表"
    out.mkdir()

    def save(_parent, _title, start="", _filter="", *a, **k):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(out / "台账.xlsx"), ""

    def open_(_parent, _title, start="", _filter="", *a, **k):  # noqa: ANN001, ANN202
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    page = window.show_page("ledger")
    page.export_dialog()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=60000)
    assert Path(asked[0]).is_absolute(), asked
    assert Path(asked[0]).parent == documents() and Path(asked[0]).name == "劳动力台账.xlsx"
    page.import_dialog()  # after the export: where the exported table was put
    assert Path(asked[1]) == out, asked
    window.show_page("settings").install_dialog()
    assert Path(asked[2]) == out, asked


def test_the_import_result_is_saved_beside_the_table_imported(qtbot, tmp_path, monkeypatch):
    """保存导入结果 (to send back with the sheet) suggested 导入结果.xlsx in the working folder;
    it now suggests it in the folder of the table just imported."""
    from fieldapp.tabular.outcome import ImportReport
    from fieldapp.ui.app import make_app
    from fieldapp.ui.dialogs.import_report import ImportReportDialog
    from fieldapp.ui.files import used

    make_app()
    table = tmp_path / "村里交来的表" / "台账.xlsx"
    table.parent.mkdir()
    table.write_bytes(b"")
    used(str(table))  # the import dialog's choice
    asked: list[str] = []

    def save(_parent, _title, start="", *a, **k):  # noqa: ANN001, ANN202
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    dialog = ImportReportDialog(ImportReport())
    qtbot.addWidget(dialog)
    dialog.save_dialog()
    assert Path(asked[0]) == table.parent / "导入结果.xlsx", asked
