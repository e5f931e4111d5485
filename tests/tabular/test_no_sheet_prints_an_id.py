"""The workbooks the app writes for people to read print no ids, as its papers print none.

一库五册, 户级责任清单, 月报, the 台账 export (keyed by 身份证号码, which its import matches on)
and the import's 导入结果 are read, printed and filed by village, township and county staff:
a UUID or a row's hex in a cell, a sheet's name, its header or footer or the file's properties
is nothing they can read out or look up (tests/paperwork/test_paper_references.py scans the
PDFs the same way).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import openpyxl
import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.domain.dates import today as china_today
from fieldapp.domain.enums import ServiceType
from fieldapp.domain.models import EmploymentSpell, ServiceRecord
from fieldapp.services.claims import ClaimService
from fieldapp.services.policy_admin import install_local, load_policy
from fieldapp.services.policy_views import duties
from fieldapp.services.report import five_rosters, monthly_report
from fieldapp.store.hlc import HybridClock
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.duties import write_duties
from fieldapp.tabular.five_rosters import write_five_rosters
from fieldapp.tabular.import_report import write_import_report
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger
from fieldapp.tabular.report_monthly import write_monthly_report
from tests.helpers.ids_on_paper import HEX_RE, UUID_RE
from tests.paperwork.builders import VILLAGE, add_claims, add_household
from tests.policy.helpers import COUNTY_PACK
from tests.records import Records

ON = dt.date(2026, 10, 31)


def _texts(path: Path) -> list[str]:
    """Every text a reader of the workbook sees: cells, sheet names, headers and footers, and
    the file's properties."""
    book = openpyxl.load_workbook(path)
    found: list[str] = [str(v) for v in vars(book.properties).values() if v]
    for sheet in book.worksheets:
        found.append(sheet.title)
        for part in ("oddHeader", "oddFooter", "evenHeader", "evenFooter"):
            for side in ("left", "center", "right"):
                text = getattr(getattr(sheet, part), side).text
                if text:
                    found.append(text)
        found += [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    return found


def _ids_in(path: Path) -> list[str]:
    text = "\n".join(_texts(path))
    return UUID_RE.findall(text) + HEX_RE.findall(text)


def _row_ids(ledger: Ledger) -> set[str]:
    tables = ("households", "persons", "claims", "batches", "employment_spells", "services")
    return {str(r[0]) for table in tables for r in ledger.db.execute(f"SELECT id FROM {table}")}


@pytest.fixture
def filled(ledger: Ledger, tmp_path: Path) -> Ledger:
    """A village with claims in a batch (one paid), a 公益性岗位, a 自主创业, a training and
    a household where no one works: a row on every roster and on the duties list."""
    repo = Records(ledger)
    batch_id, claims = add_claims(ledger, 3, state=ClaimState.VILLAGE_REVIEWED)
    with ledger.transaction():
        spells = (
            (5, dt.date(2026, 7, 1), "公益性岗位", "大坪村保洁岗", 600, 12),
            (6, dt.date(2026, 2, 1), "自主创业", "大坪村小卖部", 3000, None),
        )
        for i, start, form, employer, income, months in spells:
            _h, (own,) = add_household(repo, i)
            spell = EmploymentSpell(
                person_id=own,
                start_date=start,
                form=form,
                place_code=VILLAGE[:9],
                employer=employer,
                monthly_income=income,
                contract_months=months,
            )
            repo.save(spell)
        repo.save(
            ServiceRecord(
                person_id=own,
                service_date=dt.date(2026, 5, 10),
                service_type=ServiceType.TRAINING,
                training_kind="电工",
                training_days=10,
            )
        )
        add_household(repo, 7, members=2)  # no one works: 零就业家庭
    pack = tmp_path / "county.toml"  # the county's figure for the 交通补助 the claims ask
    pack.write_text(COUNTY_PACK, encoding="utf-8")
    service = ClaimService(ledger, install_local(ledger, pack))
    for state in (ClaimState.TOWNSHIP_REVIEWED, ClaimState.COUNTY_APPROVED, ClaimState.PAID):
        service.advance(claims[0], state)
    assert batch_id
    return ledger


def test_no_workbook_for_people_to_read_prints_an_id(filled: Ledger, tmp_path: Path) -> None:
    policy = load_policy(filled).policy
    books: dict[str, Path] = {}

    books["一库五册"] = tmp_path / "rosters.xlsx"
    rosters = five_rosters(filled, VILLAGE, ON)
    assert all(rosters.sheets.values()), {k: len(v) for k, v in rosters.sheets.items()}
    write_five_rosters(rosters, books["一库五册"])

    books["户级责任"] = tmp_path / "duties.xlsx"
    flags = duties(filled, policy, ON, VILLAGE)
    assert flags
    write_duties(flags, books["户级责任"], area_name="大坪村", on=ON, place_of=lambda _c: "大坪村")

    books["月报"] = tmp_path / "monthly.xlsx"
    # This month's: the claim paid today (its steps are counted on their own day).
    report = monthly_report(filled, policy, china_today().strftime("%Y-%m"))
    assert report.total.claims, report.total
    write_monthly_report(report, books["月报"])

    books["台账导出"] = tmp_path / "ledger.xlsx"
    assert export_ledger(filled, books["台账导出"], in_child=False) >= 5

    # The export edited and read back for an update, one phone changed in the ledger since
    # too: its 导入结果 lists a change and a conflict (who changed the ledger's, and when).
    edited = tmp_path / "edited.xlsx"
    book = openpyxl.load_workbook(books["台账导出"])
    sheet = book.worksheets[0]
    header = next(r for r in sheet.iter_rows(max_row=5) if any(c.value == "姓名" for c in r))
    phone = next(c.column for c in header if c.value and "电话" in str(c.value))
    number = next(c.column for c in header if c.value == "身份证号码")
    for row, value in ((1, "13900001111"), (2, "13900002222")):
        sheet.cell(row=header[0].row + row, column=phone, value=value)
    book.save(edited)
    second = str(sheet.cell(row=header[0].row + 2, column=number).value)
    (person,) = filled.db.execute("SELECT id FROM persons WHERE id_number = ?", [second])
    later = int(time.time() * 1000) + 120_000  # in a minute after the export's 导出时间
    filled.clock = HybridClock(filled.clock.last, now_ms=lambda: later)
    with filled.transaction():
        filled.update("persons", person[0], {"phone": "13700003333"})
    imported = import_ledger(filled, edited, update=True, dry_run=True)
    assert imported.changes and imported.conflicts, imported
    books["导入结果"] = tmp_path / "import.xlsx"
    write_import_report(imported, books["导入结果"])

    ids = _row_ids(filled)
    for name, path in books.items():
        assert not _ids_in(path), (name, _ids_in(path))
        flat = "".join("".join(_texts(path)).split())
        assert not [i for i in ids if i in flat], name
