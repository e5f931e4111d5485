"""Two relocation sites with one name in different townships are told apart in the report."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from fieldapp.domain.models import Area, Household, Person
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.report import distinct_names, five_rosters, monthly_report
from fieldapp.store.facts import FactsLoader
from tests.conftest import make_id

SITES = {"520502101901": "520502101", "520502102901": "520502102"}


def test_sites_of_one_name_carry_their_township(repo, ledger):
    repo.ensure_area(Area(code="520502101", name="城关镇", kind="乡镇"))
    repo.ensure_area(Area(code="520502102", name="双河镇", kind="乡镇"))
    repo.ensure_area(Area(code="520502103", name="龙场镇", kind="乡镇"))
    repo.ensure_area(Area(code="520502103001", name="红星村", kind="村"))
    for site, township in SITES.items():
        repo.ensure_area(Area(code=site, name="幸福社区", kind="安置点", parent_code=township))
    for n, code in enumerate([*SITES, "520502103001"]):
        hid = repo.save(Household(area_code=code))
        number = make_id("520502", f"19800{n + 1}15", f"{300 + 2 * n:03d}")
        repo.add_person(Person(name=f"张{'一二三'[n]}", id_number=number, household_id=hid))
    policy = PolicyRegistry(local=Path(tempfile.mkdtemp())).load()
    report = monthly_report(ledger, policy, "2026-11")
    names = {a.code: a.name for a in report.areas}
    assert names == {
        "520502101901": "城关镇幸福社区",
        "520502102901": "双河镇幸福社区",
        "520502103001": "红星村",  # a name only one place has stays as it is
    }
    rosters = five_rosters(ledger, "520502", dt.date(2026, 11, 30))
    text = repr(rosters.sheets)
    assert "城关镇幸福社区" in text and "双河镇幸福社区" in text


def test_villages_of_one_name_under_a_retired_county_print_one_bracket(repo, ledger):
    """水城县 (520221) became 水城区 in 2020; a ledger may still hold villages under its code.
    Two 幸福村 whose townships the ledger lacks are told apart by their codes as stored, in
    one bracket (the report's names are the ledger's typed names: the national table's
    水城县（今水城区） never comes into them, so no second bracket as paper_data's 户籍 had)."""
    repo.ensure_area(Area(code="520221101001", name="幸福村", kind="村"))
    repo.ensure_area(Area(code="520221102001", name="幸福村", kind="村"))
    names = distinct_names(FactsLoader(ledger).area_names())
    assert names["520221101001"] == "幸福村（520221101001）"
    assert names["520221102001"] == "幸福村（520221102001）"
