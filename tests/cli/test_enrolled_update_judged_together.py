"""`import --update` on an enrolled device judges each table's changed rows a batch at a time
(`GatewayCheck.together`, where rows lie read once a batch): the same verdicts as judging them
one row at a time — a sheet that changes a person of another village is refused, that village
named, nothing written; a sheet of the device's own village lands whole."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub
from fieldapp.services import writer
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.conftest import make_id
from tests.tabular.people import HEAD, HEADERS, WIFE, sheet_row
from tests.tabular.sheets import dated, write_xlsx

DABA = "520502010001"  # 大坝村 of 碧阳街道, as the import's area resolver codes it
XIAOHE_HEAD = make_id("520502", "19660606", "171")


def _phone(number: str) -> dict[str, object]:
    return {"联系电话": number}


def _rows(suffix: str = "", xiaohe: bool = True) -> list[list]:
    rows = [
        sheet_row("张三", HEAD, HEAD, "户主", **_phone(f"1380000000{suffix}" if suffix else "")),
        sheet_row("李四", WIFE, HEAD, "配偶", **_phone(f"1380000001{suffix}" if suffix else "")),
    ]
    if xiaohe:
        phone = f"1390000000{suffix}" if suffix else ""
        rows.append(
            sheet_row(
                "王五",
                XIAOHE_HEAD,
                XIAOHE_HEAD,
                "户主",
                **{"村（社区）": "小河村"},
                **_phone(phone),
            )
        )
    return rows


def _enrolled_with_both_villages(folder: Path) -> Path:
    """A ledger filled from a sheet of 大坝村 and 小河村 before the county enrolled it as 大坝村's
    laptop (the other village's people stay in it, outside its area)."""
    folder.mkdir()
    db = folder / "village.db"
    sheet = write_xlsx(folder / "台账.xlsx", HEADERS, _rows())
    assert main(["--db", str(db), "import", str(sheet)]) == 0
    hub = Hub.init(folder / "hub", "七星关区汇总中心")
    try:
        hub.enroll("大坝村笔记本", DABA, folder / "device.json", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    ledger = Ledger.open(db)
    try:
        enrol(ledger, folder / "device.json", code=ENROL_CODE)
    finally:
        ledger.close()
    return db


def _phones(db: Path) -> dict[str, str]:
    ledger = Ledger.open(db)
    try:
        return dict(ledger.db.execute("select name, coalesce(phone, '') from persons").fetchall())
    finally:
        ledger.close()


def _update(tmp_path: Path, name: str, one_by_one: bool, monkeypatch, capsys):
    """Each sheet's update on a fresh enrolled ledger: (exit code, what it said, phones after),
    the first with 小河村's 王五 among the changes, the second of 大坝村's people alone."""
    with monkeypatch.context() as patched:
        if one_by_one:  # every row judged alone, where it lies read afresh (before batches)
            patched.setattr(writer, "_together", lambda *_: nullcontext())
        db = _enrolled_with_both_villages(tmp_path / name)
        capsys.readouterr()
        found = []
        for suffix, xiaohe in (("1", True), ("2", False)):
            sheet = write_xlsx(
                tmp_path / name / f"更新{suffix}.xlsx", HEADERS, _rows(suffix, xiaohe)
            )
            code = main(["--db", str(db), "import", "--update", str(dated(sheet))])
            _out, err = capsys.readouterr()
            found.append((code, err.replace(str(tmp_path / name), "…"), _phones(db)))
    return found


def test_an_enrolled_update_gives_the_same_verdicts_in_batches_and_one_by_one(
    tmp_path, monkeypatch, capsys
):
    together = _update(tmp_path, "together", False, monkeypatch, capsys)
    alone = _update(tmp_path, "alone", True, monkeypatch, capsys)
    assert together == alone
    (code, err, phones), (code2, err2, phones2) = together
    assert code != 0 and "小河村" in err and "不在大坝村笔记本" in err and "负责的范围" in err, err
    assert "Traceback" not in err
    assert phones == {"张三": "", "李四": "", "王五": ""}  # nothing of the refused sheet
    assert code2 == 0, err2
    assert phones2 == {"张三": "13800000002", "李四": "13800000012", "王五": ""}
