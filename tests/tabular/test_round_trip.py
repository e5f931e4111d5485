"""Export → import into a fresh ledger gives the same persons, households, categories, work."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.demo.generator import build_demo
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.ledger_export import export_ledger
from fieldapp.tabular.ledger_import import import_ledger

TODAY = dt.date(2026, 6, 15)


def snapshot(ledger: Ledger) -> dict[str, set[tuple]]:
    """The ledger's content keyed by ID numbers (row ids differ between ledgers)."""
    q = ledger.db.execute
    persons = set(
        q(
            "SELECT p.id_number, p.name, p.relation, p.phone, p.labour_ability, p.health, "
            "p.education, p.graduation_year, p.account_bank, p.account_number, p.hukou_code, "
            "hp.id_number, h.area_code, h.address, h.household_no, h.is_relocated, h.is_lifted "
            "FROM persons p JOIN households h ON h.id = p.household_id "
            "JOIN persons hp ON hp.id = h.head_person_id"
        ).fetchall()
    )
    categories = set(
        q(
            "SELECT p.id_number, c.category, c.start_date, c.end_date FROM person_categories c "
            "JOIN persons p ON p.id = c.person_id"
        ).fetchall()
    )
    work = set(
        q(
            "SELECT p.id_number, s.start_date, s.place_code, s.place_name, s.form, s.employer, "
            "s.monthly_income, s.contract_months, s.insurance_months, s.organized_export, "
            "s.export_agency FROM employment_spells s JOIN persons p ON p.id = s.person_id "
            "WHERE s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?)",
            [TODAY.isoformat(), TODAY.isoformat()],
        ).fetchall()
    )
    areas = set(q("SELECT code, name, kind, parent_code FROM areas").fetchall())
    return {"persons": persons, "categories": categories, "work": work, "areas": areas}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_round_trips(tmp_path, suffix):
    source = Ledger.open(tmp_path / "source.db", author="甲")
    build_demo(source, 150, seed=7, today=TODAY)
    path = tmp_path / f"台账{suffix}"
    assert export_ledger(source, path, today=TODAY) == 150
    target = Ledger.open(tmp_path / "target.db", author="乙")
    report = import_ledger(target, path)
    assert report.rejected == []
    assert report.imported == 150
    before, after = snapshot(source), snapshot(target)
    assert after["persons"] == before["persons"]
    assert after["categories"] == before["categories"]
    assert after["work"] == before["work"]
    used = {p[12] for p in before["persons"]}
    # Every area a household lives in came across with its whole chain.
    assert {a[0] for a in after["areas"]} >= used
    source.close()
    target.close()


def test_export_of_one_area_only(tmp_path):
    ledger = Ledger.open(tmp_path / "l.db")
    build_demo(ledger, 80, seed=3, today=TODAY, area="520502010")
    build_demo(ledger, 40, seed=4, today=TODAY, area="520526100")
    assert export_ledger(ledger, tmp_path / "part.xlsx", area_prefix="520526") == 40
