"""Helpers for tabular tests: write real xlsx/csv files with given headers and rows."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl


def write_xlsx(path: Path, headers: list[str], rows: list[list[object]], title: str = "") -> Path:
    """An xlsx file (via openpyxl, as a user's Excel would save it); optional title row on top."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    if title:
        sheet.append([title])
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, headers: list[str], rows: list[list[object]], encoding: str) -> Path:
    """A csv file in the given encoding ('gbk', 'utf-8', 'utf-8-sig')."""
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        writer.writerows(rows)
    return path
