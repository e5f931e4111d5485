"""A refused file's counts and limits are said with their thousands marked (10,000,000 个单元格,
as Excel and a statistics table write them): 10000000 left a clerk to count its zeros."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.errors import ValidationFailed
from fieldapp.domain.sentences import grouped
from fieldapp.tabular import guard


def test_a_count_is_written_with_its_thousands_marked() -> None:
    assert grouped(10_000_000) == "10,000,000"
    assert grouped(16384) == "16,384"
    assert grouped(999) == "999"
    assert grouped(0) == "0"


def test_a_sheet_too_large_is_refused_with_its_counts_grouped(tmp_path: Path) -> None:
    path = tmp_path / "远.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "台账"
    sheet.cell(1, 1, "姓名")
    sheet.cell(5000, 16384, 1)
    book.save(path)
    with pytest.raises(ValidationFailed) as refused:
        guard.check_file(path)
    said = str(refused.value)
    assert "工作表“台账”的范围达 5,000 行 × 16,384 列（81,920,000 个单元格）" in said
    assert "超过了可读取的 10,000,000 个单元格" in said
