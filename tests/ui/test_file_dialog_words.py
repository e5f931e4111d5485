"""Qt's own file dialog (the one shown where the system has none, as on the village laptops'
Linux): in Chinese its 类型 column said Folder for every folder — Qt 6 asks that word of
QAbstractFileIconProvider, which Qt's zh_CN catalogue does not translate (it has it under
QFileDialog). The app now fills those words from that catalogue: 文件夹, %1 文件, 快捷方式."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tests.english import in_english


def test_the_file_dialogs_type_column_is_chinese(qtbot, tmp_path):
    from PySide6.QtWidgets import QFileSystemModel

    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app

    make_app()
    i18n.install_language("zh_CN")
    try:
        (tmp_path / "报表").mkdir()
        (tmp_path / "台账.xlsx").write_bytes(b"")
        model = QFileSystemModel()
        with qtbot.waitSignal(model.directoryLoaded, timeout=5000):
            model.setRootPath(str(tmp_path))
        folder = model.index(str(tmp_path / "报表"))
        kind = model.index(folder.row(), 2, folder.parent()).data()
        assert kind == "文件夹", kind
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut") == "快捷方式"
        # Our own Chinese strings and Qt's other words are as before.
        assert QCoreApplication.translate("QFileDialog", "Open") == "打开"
        assert QCoreApplication.translate("LedgerPage", "导入台账表格") == "导入台账表格"
    finally:
        i18n.install_language("zh_CN")
    with in_english():
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Folder"
