"""`fieldapp template / import / export / demo`: exit codes, printed reports, --json shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from fieldapp.cli.main import main
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx

ROOT = Path(__file__).resolve().parents[2]
HEADERS = [
    "姓名",
    "身份证号码",
    "户主身份证号码",
    "与户主关系",
    "县（市、区）",
    "乡镇（街道）",
    "村（社区）",
]
HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")


def _row(name: str, number: str, head: str, relation: str) -> list[str]:
    return [name, number, head, relation, "七星关区", "碧阳街道", "大坝村"]


def test_template_command_writes_the_file(tmp_path, capsys):
    out = tmp_path / "模板.xlsx"
    assert main(["--db", str(tmp_path / "l.db"), "template", "--out", str(out)]) == 0
    assert out.exists() and "已生成导入模板" in capsys.readouterr().out


def test_import_all_good_exits_0(tmp_path, capsys):
    path = write_xlsx(
        tmp_path / "good.xlsx",
        HEADERS,
        [_row("张三", HEAD, HEAD, "户主"), _row("李四", WIFE, HEAD, "配偶")],
    )
    assert main(["--db", str(tmp_path / "l.db"), "import", str(path)]) == 0
    assert "已导入 2 人" in capsys.readouterr().out


def test_import_with_rejected_rows_exits_1_and_reports_rows(tmp_path, capsys):
    bad = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
    path = write_xlsx(
        tmp_path / "mixed.xlsx",
        HEADERS,
        [_row("张三", HEAD, HEAD, "户主"), _row("坏", bad, HEAD, "子女")],
    )
    assert main(["--db", str(tmp_path / "l.db"), "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "已导入 1 人" in out and "第 3 行：" in out and "校验位" in out


def test_import_json_shape(tmp_path, capsys):
    bad = HEAD[:-1] + ("0" if HEAD[-1] != "0" else "1")
    path = write_xlsx(
        tmp_path / "mixed.xlsx",
        HEADERS,
        [_row("张三", HEAD, HEAD, "户主"), _row("坏", bad, HEAD, "子女")],
    )
    assert main(["--db", str(tmp_path / "l.db"), "import", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["imported"] == 1
    assert data["rejected"] == [
        {"sheet": "台账", "row": 3, "reason": data["rejected"][0]["reason"]}
    ]
    for key in ("updated", "unchanged", "mapped", "conflicts"):
        assert key in data
    assert "校验位" in data["rejected"][0]["reason"]


def test_import_missing_file_is_a_chinese_error_exit_2(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "l.db"), "import", str(tmp_path / "无.xlsx")]) == 2
    assert "找不到文件" in capsys.readouterr().err


def test_demo_export_import_as_subprocesses(tmp_path):
    env = os.environ | {"PYTHONPATH": str(ROOT), "FIELDAPP_HOME": str(tmp_path / "home")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "fieldapp.cli.main", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=300,
        )

    demo = run("--db", "a.db", "demo", "--persons", "80", "--seed", "3", "--json")
    assert demo.returncode == 0, demo.stderr
    assert json.loads(demo.stdout)["persons"] == 80
    export = run("--db", "a.db", "export", "台账.xlsx")
    assert export.returncode == 0, export.stderr
    assert "已导出 80 人" in export.stdout
    again = run("--db", "b.db", "import", "台账.xlsx", "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["persons_imported"] == 80
    twice = run("--db", "b.db", "import", "台账.xlsx", "--json")
    assert twice.returncode == 1
    report = json.loads(twice.stdout)
    assert report["persons_imported"] == 0 and len(report["rejected"]) == 80


def test_import_of_several_sheets_names_the_sheet_of_every_row_it_reports(tmp_path, capsys):
    # One sheet per village: "第 5 行" alone does not say which village's row 5.
    fixture = ROOT / "tests" / "tabular" / "fixtures" / "村台账_libreoffice.xls"
    assert main(["--db", str(tmp_path / "l.db"), "import", str(fixture)]) == 0
    out = capsys.readouterr().out
    assert "大坝村 第 5 行：这一行在表格中是隐藏的" in out
    assert "新华村 第 4 行：身份证号码 520502680808011 是 15 位的旧号码" in out
    assert "大坝村 第 5 行 与户主关系：妻 → 配偶" in out
    assert "新华村 第 5 行 与户主关系：儿子 → 子女" in out


def test_export_and_template_named_other_than_xlsx_or_csv_are_written_as_xlsx(tmp_path, capsys):
    # An xlsx named 台账.xls or .ods: Excel warns the format and the name do not match (or
    # cannot open an .ods that is not one). Like the desktop app, ".xlsx" is added.
    db = str(tmp_path / "l.db")
    path = write_xlsx(tmp_path / "good.xlsx", HEADERS, [_row("张三", HEAD, HEAD, "户主")])
    assert main(["--db", db, "import", str(path)]) == 0
    capsys.readouterr()
    for name in ("台账.xls", "台账.ods"):
        assert main(["--db", db, "export", str(tmp_path / name), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["file"] == str(tmp_path / f"{name}.xlsx") and data["exported"] == 1
        assert zipfile.is_zipfile(tmp_path / f"{name}.xlsx") and not (tmp_path / name).exists()
    assert main(["--db", db, "template", "--out", str(tmp_path / "模板.xls")]) == 0
    assert "模板.xls.xlsx" in capsys.readouterr().out
    assert zipfile.is_zipfile(tmp_path / "模板.xls.xlsx") and not (tmp_path / "模板.xls").exists()
    assert main(["--db", db, "export", str(tmp_path / "台账.CSV")]) == 0
    assert (tmp_path / "台账.CSV").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_sheet_giving_only_the_village_code_imports(tmp_path, capsys):
    """A village sheet whose rows carry only 区划代码 (no 村 name) for a village the ledger
    does not know yet: the import used to end in a Traceback (areas.name cannot hold
    AreaCode); the village is created under its code and everyone is imported."""
    sheet = write_xlsx(
        tmp_path / "台账.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", "区划代码"],
        [
            ["张三", HEAD, HEAD, "户主", "520502101001"],
            ["李四", WIFE, HEAD, "配偶", "520502101001"],
        ],
    )
    db = tmp_path / "l.db"
    code = main(["--db", str(db), "import", str(sheet)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and code == 0, err
    assert "已导入 2 人" in out
    ledger = Ledger.open(db)
    try:
        areas = ledger.db.execute("select code, name from areas order by code").fetchall()
        households = ledger.db.execute("select area_code from households").fetchall()
    finally:
        ledger.close()
    assert [tuple(a) for a in areas] == [
        ("520502", "七星关区"),
        ("520502101", "梨树镇"),
        ("520502101001", "520502101001"),
    ]
    assert [h[0] for h in households] == ["520502101001"]
