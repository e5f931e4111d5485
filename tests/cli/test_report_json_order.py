"""`report monthly --json` in the printed report's order, the same on every run.

County staff script the 月报's figures. A person of 脱贫人口 is counted under 三类人员 too, and
the categories he held were walked as a set: their order in ``by_category`` changed with the
interpreter's string hashing, from one run of the command to the next. The JSON now lists the
categories in the order the workbook prints them (`category_rows`), the forms of employment
sorted as the workbook sorts them, the 一户一人 kinds as its table lists them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from fieldapp.policy.report import WORK_STATES, AreaFigures, category_rows
from fieldapp.store.ledger import Ledger
from tests.policy.helpers import populate
from tests.records import Records

ROOT = Path(__file__).resolve().parents[2]


def test_categories_are_listed_as_the_report_prints_them() -> None:
    fig = AreaFigures(code="520502001001", name="红星村")
    # Filled in an order another run's hashing may give: the JSON does not follow it.
    for cat in ("其他农村劳动力", "三类人员", "易地搬迁人口", "脱贫人口"):
        fig.by_category[cat] = Counter({WORK_STATES[2]: 1, WORK_STATES[0]: 2})
    fig.employed_by_form.update({"灵活就业": 1, "单位就业": 2})
    fig.one_per_household["易地搬迁户"] = Counter({"户数": 1})
    fig.one_per_household["脱贫户"] = Counter({"户数": 2})
    shown = fig.as_dict()
    assert list(shown["by_category"]) == category_rows(fig.by_category)
    assert list(shown["by_category"]) == ["脱贫人口", "易地搬迁人口", "三类人员", "其他农村劳动力"]
    assert all(list(v) == [WORK_STATES[0], WORK_STATES[2]] for v in shown["by_category"].values())
    assert list(shown["employed_by_form"]) == sorted(fig.employed_by_form)
    assert list(shown["one_per_household"]) == ["脱贫户", "易地搬迁户"]


def test_the_command_gives_the_same_json_whatever_the_hashing(
    repo: Records, ledger: Ledger, tmp_path: Path
) -> None:
    populate(repo)
    db = str(ledger.path)
    ledger.close()
    outputs = []
    for seed in ("0", "1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-m", "fieldapp", "--db", db, "report", "monthly",
             "--month", "2026-11", "--out", str(tmp_path / f"月报{seed}.xlsx"), "--json"],
            cwd=ROOT, env=os.environ | {"PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"},
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
        shown = json.loads(done.stdout)
        for figures in [shown["total"], *shown["areas"]]:
            assert list(figures["by_category"]) == category_rows(figures["by_category"])
    assert len(set(outputs)) == 1
