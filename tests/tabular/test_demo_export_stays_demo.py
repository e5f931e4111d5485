"""A workbook exported from a demo ledger says so, and a real ledger will not import it.

The demo guard kept fictitious people out of a real ledger only on the way in through `demo`:
exported to xlsx (a training day's 台账导出.xlsx on the same stick as the village's own sheet)
and imported into the real ledger, 300 made-up people with valid ID numbers — some may be real
people's — joined the ledger as the village's own, eligible for subsidies and sent to the county
under the real device's name. The export now names 演示台账 in every sheet's title row; a ledger
holding anything (or enrolled) refuses the whole file, nothing written, and a new empty one
becomes a demo ledger, as `demo` makes it (so it never enrols with a real hub).
"""

from __future__ import annotations

import openpyxl
import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.domain.errors import ValidationFailed
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger

AREA = "520502010003"


@pytest.fixture
def demo_book(tmp_path):
    demo = Ledger.open(tmp_path / "demo.db", author="王芳")
    build_demo(demo, 12, seed=4, area=AREA)
    path = tmp_path / "演示导出.xlsx"
    export_ledger(demo, path)
    demo.close()
    return path


@pytest.mark.parametrize("in_child", [False, True])
def test_a_demo_export_names_the_demo_on_every_sheet(tmp_path, in_child):
    demo = Ledger.open(tmp_path / "demo.db", author="王芳")
    build_demo(demo, 5, seed=4, area=AREA)
    path = tmp_path / "演示导出.xlsx"
    export_ledger(demo, path, in_child=in_child)
    demo.close()
    book = openpyxl.load_workbook(path, read_only=True)
    titles = {ws.title: str(next(ws.iter_rows(max_row=1, values_only=True))[0]) for ws in book}
    book.close()
    assert all(
        t.startswith("演示台账（人员都是虚构的）") for n, t in titles.items() if n != "填写说明"
    )
    assert "导出时间" in titles["劳动力台账"]


def test_a_real_ledger_refuses_a_demo_export_and_keeps_what_it_had(demo_book, tmp_path):
    from tests.ui.conftest import UI_USER, fill_ledger

    fill_ledger(tmp_path / "real.db")
    real = Ledger.open(tmp_path / "real.db", credentials=UI_USER)
    before = real.db.execute("SELECT count(*) FROM changes").fetchone()[0]
    for update, dry_run in ((False, False), (True, False), (True, True)):
        with pytest.raises(ValidationFailed, match="演示台账.*不能导入正式台账"):
            import_ledger(real, demo_book, update=update, dry_run=dry_run)
    assert real.db.execute("SELECT count(*) FROM changes").fetchone()[0] == before
    assert real.db.execute("SELECT count(*) FROM persons").fetchone()[0] == 3
    assert real.get_meta("ledger_kind") is None and not real.device_id.startswith("demo-")
    real.close()


def test_a_demo_ledger_takes_a_demo_export(demo_book, tmp_path):
    other = Ledger.open(tmp_path / "demo2.db", author="王芳")
    build_demo(other, 3, seed=9, area=AREA)
    report = import_ledger(other, demo_book)
    assert report.persons_imported == 12
    other.close()


def test_a_real_export_imports_into_a_real_ledger_as_before(ledger, tmp_path):
    from tests.ui.conftest import UI_USER, fill_ledger

    fill_ledger(tmp_path / "real.db")
    real = Ledger.open(tmp_path / "real.db", credentials=UI_USER)
    export_ledger(real, tmp_path / "台账导出.xlsx")
    real.close()
    book = openpyxl.load_workbook(tmp_path / "台账导出.xlsx", read_only=True)
    title = str(next(book.worksheets[0].iter_rows(max_row=1, values_only=True))[0])
    book.close()
    assert title.startswith("劳动力台账") and "演示" not in title
    assert import_ledger(ledger, tmp_path / "台账导出.xlsx").persons_imported >= 1


def test_a_new_ledger_given_a_demo_export_becomes_a_demo(demo_book, ledger):
    """The wizard's new ledger, a training day's export imported into it: a demo it is, never
    enrolled with the county (a preview leaves it as it was)."""
    preview = import_ledger(ledger, demo_book, dry_run=True)
    assert preview.persons_imported == 12
    assert not ledger.device_id.startswith("demo-") and ledger.get_meta("ledger_kind") is None
    report = import_ledger(ledger, demo_book)
    assert report.persons_imported == 12
    assert ledger.get_meta("ledger_kind") == "demo" and ledger.device_id.startswith("demo-")
    assert report.became_demo and report.as_json()["became_demo"]
    assert not preview.became_demo
    origins = {r[0] for r in ledger.db.execute("SELECT DISTINCT device_id FROM changes")}
    assert origins == {ledger.device_id}


def test_a_demo_csv_is_refused_by_a_real_ledger_too(tmp_path):
    from tests.ui.conftest import UI_USER, fill_ledger

    demo = Ledger.open(tmp_path / "demo.db", author="王芳")
    build_demo(demo, 5, seed=4, area=AREA)
    export_ledger(demo, tmp_path / "演示.csv")
    demo.close()
    fill_ledger(tmp_path / "real.db")
    real = Ledger.open(tmp_path / "real.db", credentials=UI_USER)
    with pytest.raises(ValidationFailed, match="不能导入正式台账"):
        import_ledger(real, tmp_path / "演示.csv")
    real.close()


def test_a_demo_export_saved_again_in_a_spreadsheet_is_still_known(demo_book, tmp_path):
    """Opened and saved (openpyxl writes shared strings, as Excel and WPS do): the title is
    the first shared string, and a real ledger still refuses the file."""
    from tests.ui.conftest import UI_USER, fill_ledger

    book = openpyxl.load_workbook(demo_book)
    book.save(tmp_path / "另存.xlsx")
    fill_ledger(tmp_path / "real.db")
    real = Ledger.open(tmp_path / "real.db", credentials=UI_USER)
    with pytest.raises(ValidationFailed, match="不能导入正式台账"):
        import_ledger(real, tmp_path / "另存.xlsx", update=True)
    real.close()


def test_the_command_line_says_the_new_ledger_became_a_demo(demo_book, tmp_path, capsys):
    from fieldapp.cli.main import main

    assert main(["--db", str(tmp_path / "新.db"), "import", str(demo_book)]) == 0
    out = capsys.readouterr().out
    assert "本台账随之成为演示台账" in out.splitlines()[3]  # under the summary, not at the end
