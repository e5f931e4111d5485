"""`--month` of the monthly report and the visit sheet: written as a clerk writes a month
(2026-1, 2026年11月, 202611) it is understood; an impossible month is refused in Chinese — not a
Python traceback — and no file is written."""

from __future__ import annotations

import pytest

from fieldapp.cli.main import main
from tests.cli.demo import demo_ledger


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    made = demo_ledger(tmp_path_factory.mktemp("month"), seed=6)
    return made.db, made.village.code


def _commands(village: str, month: str, out) -> list[list[str]]:
    return [
        ["report", "monthly", "--month", month, "--out", str(out / "月报.xlsx")],
        ["print", "visits", "--area", village, "--month", month, "--out", str(out / "走访.pdf")],
    ]


@pytest.mark.parametrize("month", ["2026-13", "2026-00", "11月", "2026-1-5"])
def test_an_impossible_month_is_refused_in_chinese(demo, tmp_path, capsys, month):
    db, village = demo
    for command in _commands(village, month, tmp_path):
        assert main(["--db", str(db), *command]) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("错误：月份应写成“年-月”") and "Traceback" not in err, err
    assert not (tmp_path / "月报.xlsx").exists() and not (tmp_path / "走访.pdf").exists()


@pytest.mark.parametrize("month", ["2026-1", "2026年1月", "202601"])
def test_a_month_written_as_clerks_write_it_is_understood(demo, tmp_path, capsys, month):
    db, village = demo
    for command in _commands(village, month, tmp_path):
        assert main(["--db", str(db), *command]) == 0, command
    out = capsys.readouterr().out
    assert (tmp_path / "月报.xlsx").exists() and (tmp_path / "走访.pdf").exists()
    assert "已生成月报" in out
