"""保存导入模板 wrote the template under the name typed, ending and all: typed without
.xlsx (村台账模板), it became a file Excel would not open by a double click. It is now saved
with .xlsx added, as every other workbook the program writes."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog


def _saved_as(window, monkeypatch, typed: Path) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(typed), ""))
    window.show_page("ledger").template_dialog()


def test_a_template_named_without_its_ending_is_saved_as_a_workbook(window, monkeypatch, tmp_path):
    _saved_as(window, monkeypatch, tmp_path / "村台账模板")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("村")) == [
        "村台账模板.xlsx"
    ]
    headers = [c.value for c in next(load_workbook(tmp_path / "村台账模板.xlsx").active.rows)]
    assert "身份证号码" in headers, headers


def test_a_template_named_with_its_ending_in_capitals_keeps_the_name(window, monkeypatch, tmp_path):
    _saved_as(window, monkeypatch, tmp_path / "模板.XLSX")
    assert (tmp_path / "模板.XLSX").is_file()
    assert not (tmp_path / "模板.XLSX.xlsx").exists()
