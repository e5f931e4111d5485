"""A village a sheet gives only by its 12-digit 区划代码 was stored with its code as its name
(papers then printed 村（社区）：520502010002): named by the sheet's 村（社区）where a row gives
it beside the code; where none does, kept so and said, with where to name it."""

from __future__ import annotations

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.sync.conftest import hub, make_device  # noqa: F401 - the enrolled device's fixtures
from tests.tabular.sheets import dated, write_xlsx

HEAD = make_id("520502", "19750316", "131")
OTHER = make_id("520502", "19680808", "171")
CODE = "520502010002"
UNNAMED = (
    "区划代码 520502010002 的地点表中没有写名称，台账中暂以代码为名称：在表格的“村（社区）”一列"
    "写上名称，再导入一次（按月更新也可），即可记上名称"
)


def _name(ledger, code: str) -> str:
    return ledger.db.execute("SELECT name FROM areas WHERE code = ?", [code]).fetchone()[0]


def test_a_village_given_by_code_is_named_by_a_later_row_that_names_it(ledger, tmp_path):
    sheet = write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "区划代码", "村（社区）"],
        [["张长英", HEAD, HEAD, CODE, ""], ["王五", OTHER, OTHER, CODE, "大坝村"]],
    )
    report = import_ledger(ledger, sheet)
    assert report.rejected == [] and report.imported == 2
    assert _name(ledger, CODE) == "大坝村"
    assert not [w for w in report.warnings if "区划代码" in w.reason], report.warnings


def test_a_village_nothing_names_keeps_its_code_said_and_is_named_by_a_later_import(
    ledger, tmp_path
):
    sheet = write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "区划代码"],
        [["张长英", HEAD, HEAD, CODE], ["王五", OTHER, OTHER, CODE]],
    )
    report = import_ledger(ledger, sheet)
    assert report.rejected == [] and report.imported == 2
    assert _name(ledger, CODE) == CODE
    said = [(w.row, w.reason) for w in report.warnings if "区划代码" in w.reason]
    assert said == [(2, UNNAMED)]
    # The next sheet names it: the ledger's village takes the name (a logged edit), said.
    again = write_xlsx(
        tmp_path / "u.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "区划代码", "村（社区）"],
        [["张长英", HEAD, HEAD, CODE, "大坝村"]],
    )
    report = import_ledger(ledger, dated(again), update=True)
    assert report.rejected == []
    assert _name(ledger, CODE) == "大坝村"
    said = [(w.row, w.reason) for w in report.warnings if "区划代码" in w.reason]
    assert said == [
        (2, "区划代码 520502010002 的地点台账中原以代码为名称，表中写的是“大坝村”：已记为“大坝村”")
    ]
    logged = ledger.db.execute("SELECT data FROM changes WHERE tbl = 'areas'").fetchall()
    assert any("大坝村" in row[0] for row in logged)


def test_on_a_village_laptop_the_ledgers_village_is_not_renamed_and_the_county_is_asked(
    make_device,  # noqa: F811
    tmp_path,
):
    """The area tree is the county's to keep: a village laptop's import naming its village held
    by code wrote the name and was refused whole. Its own new village is made by the code (or
    the name a row gives); one the ledger holds keeps its name, and the rows say the county
    names it."""
    own = "520502101001"
    device = make_device("甲村", own)
    sheet = write_xlsx(
        tmp_path / "s.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "区划代码"],
        [["张长英", HEAD, HEAD, own]],
    )
    report = import_ledger(device, sheet)
    assert report.rejected == [] and report.imported == 1
    assert _name(device, own) == own
    said = [(w.row, w.reason) for w in report.warnings if "区划代码" in w.reason]
    assert said == [
        (
            2,
            f"区划代码 {own} 的地点表中没有写名称，台账中暂以代码为名称：区域由县里统一维护，"
            "请县里在导入的表格中写上它的“村（社区）”，即可记上名称",
        )
    ]
    again = write_xlsx(
        tmp_path / "u.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "区划代码", "村（社区）"],
        [["张长英", HEAD, HEAD, own, "甲村"], ["王五", OTHER, OTHER, own, "甲村"]],
    )
    report = import_ledger(device, dated(again), update=True)
    assert report.rejected == [] and report.imported == 1
    assert _name(device, own) == own
    said = [(w.row, w.reason) for w in report.warnings if "区划代码" in w.reason]
    assert said == [
        (
            2,
            f"区划代码 {own} 的地点台账中以代码为名称，表中写的是“甲村”：区域由县里统一维护，"
            "本机不能改名，请县里记上名称",
        )
    ]


def test_a_row_refused_as_in_the_ledger_names_no_village(ledger, tmp_path):
    """A row refused (its person in the ledger, the import no update) changes nothing: not the
    name of the village it gives."""
    heads = ["姓名", "身份证号码", "户主身份证号码", "区划代码"]
    import_ledger(ledger, write_xlsx(tmp_path / "a.xlsx", heads, [["张长英", HEAD, HEAD, CODE]]))
    again = write_xlsx(
        tmp_path / "b.xlsx", [*heads, "村（社区）"], [["张长英", HEAD, HEAD, CODE, "大坝村"]]
    )
    report = import_ledger(ledger, again)
    assert len(report.rejected) == 1 and _name(ledger, CODE) == CODE
    assert not [w for w in report.warnings if "区划代码" in w.reason], report.warnings
