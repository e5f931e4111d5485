"""A sheet exported before another device's change arrived does not overwrite it silently.

Device B edits a phone; device A exports the village's sheet before B's change reaches it, then
receives it through the hub. B's stamp is older than the sheet's date, but the sheet never held
B's value: an update from that sheet on A must not put the old phone back without a conflict.
"""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl

from fieldapp.services.exports import LEDGER_EXPORT, record_export
from fieldapp.sync.exchange import export_bundle, import_bundle
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from tests.sync.helpers import VILLAGE, add_family


def _phone(ledger, person_id: str) -> str:
    return str(
        ledger.db.execute("SELECT phone FROM persons WHERE id = ?", [person_id]).fetchone()[0]
    )


def test_a_change_received_after_the_export_is_a_conflict_not_overwritten(
    tmp_path: Path, hub, make_device
) -> None:
    a = make_device("甲村", VILLAGE)
    b = make_device("甲村二号", VILLAGE)
    _hh, (head, wife) = add_family(a, VILLAGE, ["101", "103"])
    with a.transaction():
        a.update("persons", head, {"phone": "13800000001"})
    hub.import_file(export_bundle(a, tmp_path / "a1.fieldsync").path)
    import_bundle(b, hub.export_for("甲村二号", tmp_path / "b1.fieldsync").path)
    with b.transaction():  # B's edit that reaches A before the export: in the sheet
        b.update("persons", wife, {"phone": "13800000002"})
    hub.import_file(export_bundle(b, tmp_path / "b0.fieldsync").path)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a0.fieldsync").path)

    with b.transaction():  # t0: B's edit, not yet on A
        b.update("persons", head, {"phone": "13700000000"})
    hub.import_file(export_bundle(b, tmp_path / "b2.fieldsync").path)
    time.sleep(1.1)  # the sheet's date is to the second
    sheet = tmp_path / "发给村里.xlsx"
    count = export_ledger(a, sheet)  # t1: A's sheet, with the old phone
    record_export(a, LEDGER_EXPORT, sheet, count)  # as the desktop and the command log it
    time.sleep(1.1)
    import_bundle(a, hub.export_for("甲村", tmp_path / "a2.fieldsync").path)  # B's edit arrives
    assert _phone(a, head) == "13700000000"

    book = openpyxl.load_workbook(sheet)  # the village edits another cell, sends it back
    page = book["劳动力台账"]
    header = [c.value for c in page[2]]
    for row in page.iter_rows(min_row=3):
        if row[header.index("联系电话")].value == "13800000002":
            row[header.index("联系电话")].value = "13500000000"
    book.save(sheet)

    report = import_ledger(a, sheet, update=True)
    # the village's edit of a cell whose last change (B's) was in the sheet: applied
    assert _phone(a, wife) == "13500000000"
    assert _phone(a, head) == "13700000000"  # B's, received after the export: kept
    [conflict] = report.conflicts
    assert (conflict.as_dict()["ledger"], conflict.as_dict()["sheet_value"]) == (
        "13700000000",
        "13800000001",
    )
