"""张长英's family: imported, exported for real, then 张长英's phone edited in the ledger, and
the village's copy of the sheet with a stale cell and a new one — the sheet-date tests' family
(`_exported`, `_csv_ahead`, `_family`) and what an undated reading leaves (`_nothing_overwritten`)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl

from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx

HEADERS = ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "联系电话", "劳动能力"]
PLACE = ["七星关区", "碧阳街道", "大坝村"]
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
LEDGER_PHONE = "13700000000"  # the coordinator's edit, made after the real export
STALE_PHONE = "13600000000"  # the sheet's cell for the same field
SHEET_PHONE = "13500000000"  # the sheet's cell for a field nobody edited since
CHINA = dt.timedelta(hours=8)


def _phone(ledger: Ledger, number: str) -> str:
    row = ledger.db.execute("SELECT phone FROM persons WHERE id_number = ?", [number]).fetchone()
    return str(row[0])


def _exported(ledger: Ledger, tmp_path: Path, name: str = "发给村里.xlsx") -> Path:
    """The family imported, exported (for real, now), then 张长英's phone edited in the ledger."""
    base = write_xlsx(
        tmp_path / "base.xlsx",
        HEADERS + ["县（市、区）", "乡镇（街道）", "村（社区）"],
        [
            ["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE],
            ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力", *PLACE],
            ["张小军", SON, HEAD, "子女", "13800000003", "普通劳动力", *PLACE],
        ],
    )
    assert import_ledger(ledger, base).persons_imported == 3
    out = tmp_path / name
    export_ledger(ledger, out)
    time.sleep(0.01)
    with ledger.transaction():
        head = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [HEAD]).fetchone()
        ledger.update("persons", head[0], {"phone": LEDGER_PHONE})
    return out


def _edit_cells(book: openpyxl.Workbook) -> None:
    """The village's stale cell for 张长英's phone, and a new phone for 李秀."""
    sheet = book["劳动力台账"]
    header = [c.value for c in sheet[2]]
    for row in sheet.iter_rows(min_row=3):
        number = row[header.index("身份证号码")].value
        if number == HEAD:
            row[header.index("联系电话")].value = STALE_PHONE
        if number == WIFE:
            row[header.index("联系电话")].value = SHEET_PHONE


def _nothing_overwritten(ledger: Ledger, report) -> None:
    """The undated fallback: each cell the sheet would change is a conflict, the ledger kept."""
    assert report.sheet_date == "" and report.sheet_date_source == ""
    shown = {(c.as_dict()["ledger"], c.as_dict()["sheet_value"]) for c in report.conflicts}
    assert shown == {(LEDGER_PHONE, STALE_PHONE), ("13800000002", SHEET_PHONE)}
    assert report.changes == [] or all(not p.as_dict()["changes"] for p in report.changes)
    assert _phone(ledger, HEAD) == LEDGER_PHONE  # the coordinator's edit kept
    assert _phone(ledger, WIFE) == "13800000002"  # a conflict to decide, not taken silently


def _csv_ahead(ledger: Ledger, tmp_path: Path) -> Path:
    db_out = tmp_path / "台账.csv"
    export_ledger(ledger, db_out)
    time.sleep(0.01)
    with ledger.transaction():
        head = ledger.db.execute("SELECT id FROM persons WHERE id_number = ?", [HEAD]).fetchone()
        ledger.update("persons", head[0], {"phone": LEDGER_PHONE})
    lines = db_out.read_text(encoding="utf-8-sig").splitlines()
    assert "导出时间：" in lines[0]
    body = [
        line.replace("13800000001", STALE_PHONE).replace("13800000002", SHEET_PHONE)
        for line in lines[1:]
    ]
    db_out.write_text("\n".join([lines[0], *body]) + "\n", encoding="utf-8-sig")
    return db_out


def _family(ledger: Ledger, tmp_path: Path) -> None:
    base = write_xlsx(
        tmp_path / "base.xlsx",
        HEADERS + ["县（市、区）", "乡镇（街道）", "村（社区）"],
        [
            ["张长英", HEAD, HEAD, "户主", "13800000001", "普通劳动力", *PLACE],
            ["李秀", WIFE, HEAD, "配偶", "13800000002", "普通劳动力", *PLACE],
        ],
    )
    assert import_ledger(ledger, base).persons_imported == 2
