"""The first-run wizard's 登记文件或台账 field takes a county 台账 spreadsheet to import, or
an enrolment file. It knew a spreadsheet by .xlsx, .xls or .csv only: a 台账 kept in
LibreOffice or WPS (.ods), a macro workbook (.xlsm) or a tab-separated export (.tsv),
all of which the import reads, was taken for an enrolment file and refused as not one. Every
kind the import reads is imported."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from fieldapp.store.ledger import Ledger
from fieldapp.ui.wizard import _set_up
from tests.conftest import make_id
from tests.tabular.sheets import write_ods as _ods
from tests.tabular.test_ods_whole_numbers_hostile import HEADERS, PLACE, _row

HEAD = make_id("520502", "19750316", "131")


class _Progress:
    """What the set-up's import is handed: a step, a cancel asked of it (never)."""

    def step(self, done: int, total: int, text: str = "") -> None:
        pass

    def is_cancelled(self) -> bool:
        return False


def _choices(enrol: Path) -> dict[str, object]:
    return {
        "device": "",
        "author": "王专员",
        "county": "",
        "township": "",
        "place": "",
        "site": False,
        "enrol": str(enrol),
        "enrol_code": "",
    }


def test_a_ledger_kept_in_any_kind_the_import_reads_is_imported(tmp_path):
    ods = _ods(
        tmp_path / "台账.ods",
        [("台账", _row(*HEADERS) + _row("张长英", HEAD, HEAD, *PLACE.values()))],
    )
    book = openpyxl.Workbook()
    book.active.append(HEADERS)
    book.active.append(["张长英", HEAD, HEAD, *PLACE.values()])
    book.save(tmp_path / "台账.xlsx")
    xlsm = tmp_path / "台账.xlsm"
    xlsm.write_bytes((tmp_path / "台账.xlsx").read_bytes())
    tsv = tmp_path / "台账.tsv"
    tsv.write_text(
        "\t".join(HEADERS) + "\n" + "\t".join(["张长英", HEAD, HEAD, *PLACE.values()]) + "\n",
        encoding="utf-8",
    )
    for sheet in (ods, xlsm, tsv):
        ledger = Ledger.open(tmp_path / f"{sheet.suffix[1:]}.db", author="王专员")
        try:
            _set_up(ledger, _choices(sheet), _Progress(), sheet)  # type: ignore[arg-type]
            names = ledger.db.execute("SELECT name FROM persons").fetchall()
            assert names == [("张长英",)], sheet.suffix
        finally:
            ledger.close()
