"""赵六 on a village's 保洁岗 with the county's post subsidy installed: a ledger the UI tests of
claims and their columns open (`post_worker`, a fixture)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.models import EmploymentSpell, Household, Person
from fieldapp.services.policy_admin import install_local
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.policy.helpers import EXTENDED_PACK
from tests.records import Records
from tests.ui.conftest import UI_USER, VILLAGE


@pytest.fixture
def post_worker(ledger_path: Path, tmp_path: Path) -> Path:
    """赵六 on 大坝村's 保洁岗 since 2026-07-01; the county's post subsidy, 600 元/月 to 2027."""
    pack = tmp_path / "2026.toml"
    pack.write_text(
        EXTENDED_PACK,
        encoding="utf-8",
    )
    ledger = Ledger.open(ledger_path, credentials=UI_USER)
    try:
        install_local(ledger, pack)
        repo = Records(ledger)
        with ledger.transaction():
            home = repo.save(Household(area_code=VILLAGE, address="大坝村二组 3 号"))
            pid, _ = repo.add_person(
                Person(
                    household_id=home, name="赵六", id_number=make_id(birth="19800505", seq="311")
                )
            )
            repo.save(
                EmploymentSpell(
                    person_id=pid,
                    start_date=dt.date(2026, 7, 1),
                    form="公益性岗位",
                    place_code="520502001",
                    employer="大坝村保洁岗",
                    contract_months=12,
                )
            )
    finally:
        ledger.close()
    return ledger_path
