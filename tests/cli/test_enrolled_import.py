"""A device enrolled with the county still imports its own village's 台账 spreadsheet: the
write door judges each imported row as the hub will (its own area: allowed), and refuses in
Chinese, with nothing written, a sheet that puts people in another village."""

from __future__ import annotations

from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.hub.folder import Hub
from fieldapp.store.ledger import Ledger
from fieldapp.sync.enrolment import enrol
from tests.codes import ENROL_CODE
from tests.tabular.people import HEAD, HEADERS, WIFE, sheet_row
from tests.tabular.sheets import dated, write_xlsx

DABA = "520502010001"  # 大坝村 of 碧阳街道, as the import's area resolver codes it


def _enrolled(tmp_path: Path, area: str) -> Path:
    db = tmp_path / "village.db"
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    try:
        hub.enroll("大坝村笔记本", area, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    ledger = Ledger.open(db)
    try:
        enrol(ledger, tmp_path / "device.json", code=ENROL_CODE)
    finally:
        ledger.close()
    return db


def _sheet(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "台账.xlsx",
        HEADERS,
        [sheet_row("张三", HEAD, HEAD, "户主"), sheet_row("李四", WIFE, HEAD, "配偶")],
    )


def test_an_enrolled_village_device_imports_its_own_village(tmp_path, capsys):
    db = _enrolled(tmp_path, DABA)
    code = main(["--db", str(db), "import", str(_sheet(tmp_path))])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已导入 2 人" in out and "没有这些字段" not in err
    ledger = Ledger.open(db)
    try:
        assert ledger.db.execute("select count(*) from persons").fetchone()[0] == 2
    finally:
        ledger.close()


def test_an_enrolled_device_is_refused_a_sheet_of_another_village(tmp_path, capsys):
    from fieldapp.services import areas
    from fieldapp.services.actor import actor_of
    from fieldapp.store.queries.areas import all_areas
    from fieldapp.tabular.areas import AreaResolver, PlaceRef

    db = _enrolled(tmp_path, "520502010002")
    # The laptop knows its own village by name (typed in the first-run wizard, or from the
    # county): the sheet's 大坝村 is another village. (A laptop whose village has no name yet
    # takes the first new village its sheet names as its own: test_own_village_first_import.)
    ledger = Ledger.open(db)
    try:
        resolver = AreaResolver(all_areas(ledger), own="520502010002")
        resolver.resolve(PlaceRef(county="七星关区", township="碧阳街道", village="小河村"))
        areas.add_created(ledger, actor_of(ledger), resolver.created)
    finally:
        ledger.close()
    code = main(["--db", str(db), "import", str(_sheet(tmp_path))])
    out, err = capsys.readouterr()
    assert code != 0
    assert "不在" in err and "负责的范围" in err, err
    assert "Traceback" not in out + err
    ledger = Ledger.open(db)
    try:
        assert ledger.db.execute("select count(*) from persons").fetchone()[0] == 0
    finally:
        ledger.close()


def test_a_sheet_imported_on_an_enrolled_device_lands_at_the_hub_whole(tmp_path, capsys):
    """The import writes a sheet's people before the households it found for them: the hub,
    judging the bundle as a batch, must take every row (nothing held), and the people must
    reach the hub's ledger."""
    from fieldapp.sync.exchange import export_bundle, import_bundle

    db = _enrolled(tmp_path, DABA)
    assert main(["--db", str(db), "import", str(_sheet(tmp_path))]) == 0, capsys.readouterr()
    ledger = Ledger.open(db)
    hub = Hub.open(tmp_path / "hub")
    try:
        hub.import_file(export_bundle(ledger, tmp_path / "up.fs").path)
        import_bundle(ledger, hub.export_for("大坝村笔记本", tmp_path / "down.fs").path)
        assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
        names = {r[0] for r in hub.ledger.db.execute("select name from persons")}
        assert names == {"张三", "李四"}
        assert ledger.db.execute("select count(*) from persons").fetchone()[0] == 2
    finally:
        hub.close()
        ledger.close()


def test_an_enrolled_import_reads_and_writes_the_ledger_on_one_thread(tmp_path, monkeypatch):
    """A threaded import's writer thread owns the ledger's connection while it is open, but
    an enrolled device's check reads the ledger for every row it judges: there the rows are
    written on the import's own thread. A ledger never enrolled keeps the writer thread."""
    import threading

    started: list[str] = []
    real_start = threading.Thread.start

    def start(self: threading.Thread) -> None:
        started.append(self.name)
        real_start(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    db = _enrolled(tmp_path, DABA)
    assert main(["--db", str(db), "import", str(_sheet(tmp_path))]) == 0
    assert "ledger-writer" not in started
    plain = tmp_path / "plain.db"
    assert main(["--db", str(plain), "import", str(_sheet(tmp_path))]) == 0
    assert "ledger-writer" in started


def test_an_update_import_on_an_enrolled_device_is_signed_as_the_device_and_lands(tmp_path, capsys):
    """An update import changes existing rows in bulk: those changes must be signed
    ``姓名@设备名称`` like every other write of the device, or the hub holds each one
    (修改人署名为「root」，应为「姓名@…」)."""
    from fieldapp.sync.exchange import export_bundle, import_bundle

    db = _enrolled(tmp_path, DABA)
    assert main(["--db", str(db), "import", str(_sheet(tmp_path))]) == 0, capsys.readouterr()
    changed = write_xlsx(
        tmp_path / "更新.xlsx",
        HEADERS,
        [sheet_row("张叁", HEAD, HEAD, "户主"), sheet_row("李四", WIFE, HEAD, "配偶")],
    )
    code = main(["--db", str(db), "import", "--update", str(dated(changed))])
    assert code == 0, capsys.readouterr()
    ledger = Ledger.open(db)
    hub = Hub.open(tmp_path / "hub")
    try:
        authors = {r[0] for r in ledger.db.execute("select distinct author from changes")}
        assert all(a.endswith("@大坝村笔记本") for a in authors), authors
        hub.import_file(export_bundle(ledger, tmp_path / "up.fs").path)
        import_bundle(ledger, hub.export_for("大坝村笔记本", tmp_path / "down.fs").path)
        assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
        names = {r[0] for r in hub.ledger.db.execute("select name from persons")}
        assert names == {"张叁", "李四"}
    finally:
        hub.close()
        ledger.close()


def test_a_sheet_imported_before_enrolment_lands_at_the_hub_whole(tmp_path, capsys):
    """A village often fills its ledger from its spreadsheet before the county enrols the
    laptop. That import (on a ledger never enrolled) logs the sheet's people before the
    households it found for them; at the first exchange after enrolment the hub must still
    take every row (nothing held as 所属户指向的记录在中心不存在), and have the people."""
    from fieldapp.sync.exchange import export_bundle, import_bundle

    db = tmp_path / "village.db"
    assert main(["--db", str(db), "import", str(_sheet(tmp_path))]) == 0, capsys.readouterr()
    hub = Hub.init(tmp_path / "hub", "七星关区汇总中心")
    try:
        hub.enroll("大坝村笔记本", DABA, tmp_path / "device.json", code=ENROL_CODE, by="县里的科员")
    finally:
        hub.close()
    ledger = Ledger.open(db)
    hub = Hub.open(tmp_path / "hub")
    try:
        enrol(ledger, tmp_path / "device.json", code=ENROL_CODE)
        hub.import_file(export_bundle(ledger, tmp_path / "up.fs").path)
        import_bundle(ledger, hub.export_for("大坝村笔记本", tmp_path / "down.fs").path)
        assert [(h.change.tbl, h.rule, h.reason) for h in hub.rejected()] == []
        names = {r[0] for r in hub.ledger.db.execute("select name from persons")}
        assert names == {"张三", "李四"}
        heads = hub.ledger.db.execute("select count(*) from households").fetchone()[0]
        assert heads == 1
    finally:
        hub.close()
        ledger.close()
