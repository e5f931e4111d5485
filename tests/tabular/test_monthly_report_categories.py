"""The 月报's 人员类别 × 就业状态 names a person of no group as every other paper does."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import openpyxl

from fieldapp.domain.enums import Category
from fieldapp.domain.models import CategoryMembership, Household, Person
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.report import monthly_report
from fieldapp.tabular.report_monthly import write_monthly_report
from tests.conftest import make_id
from tests.paperwork.builders import COUNTY, GROUP, add_areas


def _category_table(path: Path) -> list[list[object]]:
    """The first sheet's 人员类别 × 就业状态 rows, under their header: the columns it labels
    (a label merged across two columns heads the first)."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == "人员类别") + 1
    end = next(i for i in range(start, len(rows)) if rows[i][0] is None)
    labelled = [c for c, label in enumerate(rows[start - 1]) if label is not None]
    return [[row[c] for c in labelled] for row in rows[start:end]]


def test_a_person_of_no_group_is_other_rural_labour_in_the_monthly_report(repo, ledger, tmp_path):
    """The 月报's 人员类别 × 就业状态 counted a person of no group under 无类别, a word no other
    paper uses: his 申请表, the 花名册 and 公示表, the 一库五册 and the visit sheet (the
    就业帮扶台账月报 on paper) all say 其他农村劳动力, the seeds' own word (001（四）). The
    workbook and the --json figures now say 其他农村劳动力 too, on the table's last row, after
    the groups; the groups keep the order of the 人员类别 list, 三类人员 after the three it
    joins, instead of the order of their character codes."""
    add_areas(repo)
    home = repo.save(Household(area_code=GROUP, household_no="H00077", address="7号"))
    held = {
        "陈七": (),
        "陈小七": (),
        "吴八": (Category.LIFTED, Category.HARD_TO_EMPLOY),
        "吴九": (Category.RETURNED, Category.LOW_INCOME),
    }
    for n, (name, born) in enumerate(
        (("陈七", "19880808"), ("陈小七", "20180808"), ("吴八", "19890909"), ("吴九", "19900101"))
    ):
        pid, _warnings = repo.add_person(
            Person(household_id=home, name=name, id_number=make_id(COUNTY, born, f"{331 + n}"))
        )
        for category in held[name]:
            ledger.insert(
                "person_categories",
                CategoryMembership(
                    person_id=pid, category=category, start_date=dt.date(2020, 1, 1)
                ).fields(),
            )
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    report = monthly_report(ledger, policy, "2026-10")
    out = tmp_path / "月报.xlsx"
    write_monthly_report(report, out)
    table = _category_table(out)
    assert [r[0] for r in table] == [
        "脱贫人口",
        "农村低收入人口",
        "三类人员",
        "就业困难人员",
        "返乡农村劳动力",
        "其他农村劳动力",
    ]
    # 陈七 of working age (未就业), his son of eight (无劳动能力或非劳动年龄): two in all.
    assert table[-1][1:5] == [0, 1, 1, 2]
    words = repr([[c.value for c in r] for s in openpyxl.load_workbook(out) for r in s.iter_rows()])
    assert "无类别" not in words
    assert "无类别" not in repr(report.as_dict())
    assert report.total.by_category["其他农村劳动力"]["未就业"] == 1


def test_a_county_total_is_named_when_the_ledger_lists_no_county(repo, ledger, tmp_path):
    """A ledger of a township's villages that does not list its county (a village laptop's)
    titled the county's total sheet 合计 就业帮扶月报 — the total of nowhere. The county is
    named from the division table then: 七星关区合计."""
    from tests.policy.helpers import populate

    populate(repo)
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    report = monthly_report(ledger, policy, "2026-10", area_prefix="520502")
    assert report.total.name == "七星关区合计"
    out = tmp_path / "月报.xlsx"
    write_monthly_report(report, out)
    title = openpyxl.load_workbook(out).worksheets[0]["A1"].value
    assert title.startswith("七星关区合计 就业帮扶月报"), title
