"""`tests.english.in_english`: the window back in Chinese after the block, a failed check
inside it included — a test that stopped in English had left the tests after it English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from tests.english import in_english


def _folder() -> str:
    return QCoreApplication.translate("QAbstractFileIconProvider", "Folder")


def test_a_failed_check_in_english_leaves_the_window_chinese(qapp) -> None:
    from fieldapp.ui import i18n

    i18n.install_language("zh_CN")
    assert _folder() == "文件夹"
    with pytest.raises(AssertionError, match="checked in English"):
        with in_english():
            assert _folder() == "Folder"
            assert QLocale().language() == QLocale.Language.English
            raise AssertionError("checked in English")
    assert _folder() == "文件夹"
    assert QLocale().language() == QLocale.Language.Chinese
