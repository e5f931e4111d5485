"""A hostile spreadsheet's terminal escapes and control characters are printed as letters.

A cell holding ESC[2J (clear the screen), BEL or NUL is refused at import (`person_row`'s
control-character check: the row is listed, its value not echoed). What the import does not
refuse — a sheet's name, a column's heading, the file's own name — is printed by `import` and,
kept with a conflict, by `conflicts` and `conflicts resolve`: each through `cli.common.escaped`,
so the terminal shows "\\u001b[2J" instead of being cleared. The workbook is a real xlsx with
the characters as Excel writes them (`_x001B_` in a cell, a character reference in a name).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl

from fieldapp.cli.main import main
from fieldapp.services.sheet_conflicts import list_open
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.tabular.dated_family import HEAD, WIFE, _edit_cells, _exported
from tests.tabular.people import HEADERS, SON, sheet_row
from tests.tabular.sheets import write_xlsx

#: Characters a terminal acts on; none may reach it raw.
RAW = ("\x1b", "\x07", "\x00")
CLEAR = "\\u001b[2J"  # ESC[2J as printed


def _hostile(ledger: Ledger, tmp_path: Path, sheet_mark: bytes = b"&#x1B;[2J") -> Path:
    """The exported family's workbook, 张长英's phone a conflict (edited in the ledger since),
    its sheet named 劳动力台账ESC[2J, an extra column headed 备忘ESC[2JBEL, 李秀's 就业状态
    cell 在家NUL BEL; saved as 村里ESC[2J.xlsx. `sheet_mark`: what the sheet's name ends with,
    as the workbook's XML writes it."""
    out = _exported(ledger, tmp_path)
    book = openpyxl.load_workbook(out)
    _edit_cells(book)
    sheet = book["劳动力台账"]
    header = [c.value for c in sheet[2]]
    sheet.cell(2, len(header) + 1).value = "备忘ZZESCZZBEL"
    for row in sheet.iter_rows(min_row=3):
        if row[header.index("身份证号码")].value == WIFE:
            row[header.index("就业状态")].value = "在家ZZNULZZBEL"
    sheet.title = "劳动力台账ZZREF"
    book.save(out)
    hostile = tmp_path / "村里\x1b[2J.xlsx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            for mark, chars in (
                (b"ZZESC", b"_x001B_[2J"),  # in a cell: Excel's escape, read as ESC
                (b"ZZBEL", b"_x0007_"),
                (b"ZZNUL", b"_x0000_"),
                (b"ZZREF", sheet_mark),  # in the sheet's name: a character reference
            ):
                data = data.replace(mark, chars)
            target.writestr(item, data)
    return hostile


def test_a_hostile_sheets_escapes_are_printed_as_letters(ledger, tmp_path, capsys):
    hostile = _hostile(ledger, tmp_path)
    db = str(ledger.path)
    ledger.close()
    assert main(["--db", db, "import", str(hostile), "--update", "--dry-run"]) == 1
    preview = capsys.readouterr().out
    assert main(["--db", db, "import", str(hostile), "--update"]) == 1
    imported = capsys.readouterr().out
    for out in (preview, imported):
        assert not any(c in out for c in RAW), repr(out)
        assert f"工作表：劳动力台账{CLEAR}" in out
        assert f"劳动力台账{CLEAR}：备忘{CLEAR}\\u0007" in out  # the heading not read
        assert "就业状态含有控制字符" in out  # 李秀's row refused, the cell not echoed
        assert f"冲突 劳动力台账{CLEAR} 第 3 行 张长英 联系电话" in out
    # Kept with the conflict as read (the ledger holds the file's words), printed escaped.
    again = Ledger.open(Path(db), author="测试员")
    [kept] = list_open(again)
    again.close()
    assert (kept.file, kept.sheet, kept.id_number) == (hostile.name, "劳动力台账\x1b[2J", HEAD)
    assert main(["--db", db, "conflicts"]) == 0
    listed = capsys.readouterr().out
    assert not any(c in listed for c in RAW), repr(listed)
    assert f"来自表格“村里{CLEAR}.xlsx”（劳动力台账{CLEAR} 第 3 行" in listed
    number = listed.split()[1]
    assert main(["--db", db, "conflicts", "resolve", number, "--keep", "台账"]) == 0
    resolved = capsys.readouterr().out
    assert not any(c in resolved for c in RAW), repr(resolved)
    assert f"不用表格“村里{CLEAR}.xlsx”中的" in resolved


def test_the_json_of_a_conflict_from_a_hostile_sheet_escapes_what_json_leaves(
    ledger, tmp_path, capsys
):
    """JSON escapes the characters below U+0020 only: a sheet named with the 8-bit CSI
    (U+009B, allowed in XML) or a right-to-left override is written \\u009b, \\u202e by
    `--json` too — the same string to a script reading it."""
    hostile = _hostile(ledger, tmp_path, sheet_mark=b"&#x9B;2J&#x202E;")
    db = str(ledger.path)
    ledger.close()
    assert main(["--db", db, "import", str(hostile), "--update", "--json"]) == 1
    report = capsys.readouterr().out
    assert main(["--db", db, "conflicts", "--json"]) == 0
    listed = capsys.readouterr().out
    for out in (report, listed):
        assert not any(c in out for c in ("\x9b", "\u202e", *RAW)), repr(out)
        assert "劳动力台账\\u009b2J\\u202e" in out
    [kept] = json.loads(listed)
    assert kept["sheet"] == "劳动力台账\x9b2J\u202e" and kept["id_number"] == HEAD


def test_an_8_bit_csi_in_a_cell_is_refused_as_esc_is(ledger, tmp_path):
    """U+009B, the one-character CSI (ESC [) some terminals act on, and the other C1 controls:
    a row holding one is refused with the control characters' sentence, as one holding ESC
    is — not imported into the ledger, to be printed, exported and sent on."""
    rows = [
        sheet_row("张长英", HEAD, HEAD, "户主", 务工单位="某厂"),
        sheet_row("李秀", WIFE, HEAD, "配偶", 务工单位="某厂\x9b2J"),
        sheet_row("张小军", SON, HEAD, "子女", 务工单位="某\x85厂"),
    ]
    report = import_ledger(ledger, write_xlsx(tmp_path / "c1.xlsx", HEADERS, rows))
    refused = "务工单位含有控制字符（不可见的特殊字符），请删除后重新填写"
    assert [(p.row, str(p.reason)) for p in report.rejected] == [(3, refused), (4, refused)]
    assert report.persons_imported == 1
