"""A 20 000-row 台账 imported from the ledger page: its progress shown, 取消 during the import
stops it and the ledger is as it was."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.conftest import make_id
from tests.ui.conftest import answered
from tests.ui.ledger_page import ledger_page

PLACE = ["七星关区", "碧阳街道", "大坝村"]


def _big_sheet(path: Path, rows: int) -> Path:
    """`rows` heads of their own households, each a valid ID number."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("台账")
    sheet.append(
        [
            "姓名",
            "身份证号码",
            "户主身份证号码",
            "联系电话",
            "县（市、区）",
            "乡镇（街道）",
            "村（社区）",
        ]
    )
    n = day = 0
    while n < rows:
        date = f"{1950 + day // 336}{1 + (day // 28) % 12:02d}{1 + day % 28:02d}"
        for seq in range(100, 140):
            number = make_id("520502", date, f"{seq:03d}")
            sheet.append([f"测试{n}", number, number, f"138{n:08d}", *PLACE])
            n += 1
            if n == rows:
                break
        day += 1
    book.save(path)
    return path


def test_a_20000_row_import_shows_progress_and_a_cancel_writes_nothing(
    window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", answered("warning", QMessageBox.StandardButton.Ok, shown)
    )
    db = window.session.ledger.db
    changes = db.execute("SELECT count(*) FROM changes").fetchone()[0]
    page = ledger_page(window, qtbot)
    seen: list[int] = []
    page.ops.bar.valueChanged.connect(seen.append)
    page.import_file(_big_sheet(tmp_path / "大台账.xlsx", 20000))
    qtbot.waitUntil(lambda: not page.ops.busy and hasattr(page, "preview"), timeout=300000)
    assert page.preview.report.persons_imported == 20000
    assert len(set(seen)) > 5  # the preview's reading showed its progress
    page.preview.confirm.click()
    qtbot.waitUntil(
        lambda: page.ops.busy and page.ops.bar.value() > page.ops.bar.maximum() // 3,
        timeout=300000,
    )
    page.ops.cancel_button.click()
    qtbot.waitUntil(lambda: not page.ops.busy, timeout=300000)
    assert shown == ["已取消导入，台账未作任何修改"]
    assert not hasattr(page, "last_import")
    assert db.execute("SELECT count(*) FROM persons").fetchone()[0] == 3
    assert db.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
