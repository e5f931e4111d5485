"""A laptop the county prepared on the command line (sheet imported, `fieldapp enrol`) never
went through the wizard's 工作区域: the desktop's pages opened on 全部区域, so a village's
ledger page, 户级责任 and 报表 counted the family it had moved to a relocation site (kept,
read-only, with their history) as its own. They now open on the device's enrolled area."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.enums import AreaKind, Relation
from fieldapp.domain.models import Area, Household, Person
from fieldapp.store.ledger import Ledger
from tests.records import Records
from tests.ui.conftest import UI_USER, VILLAGE, enrol_as, fill_ledger

SITE = "520502001901"


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    """The small village ledger, a family already living at a site, enrolled as the village."""
    path = tmp_path / "village.db"
    fill_ledger(path)
    ledger = Ledger.open(path, credentials=UI_USER)
    repo = Records(ledger)
    repo.ensure_area(
        Area(code=SITE, name="幸福社区安置点", kind=AreaKind.SITE, parent_code="520502001")
    )
    from tests.conftest import make_id

    home = repo.save(Household(area_code=SITE, address="5栋"))
    repo.add_person(
        Person(
            name="搬迁户主",
            id_number=make_id(birth="19700101", seq="511"),
            household_id=home,
            relation=Relation.HEAD,
        )
    )
    enrol_as(ledger, tmp_path, "大坝村", VILLAGE)
    ledger.close()
    return path


def test_an_enrolled_laptops_pages_open_on_its_own_area(window, qtbot):
    assert window.session.home_area == VILLAGE
    for name in ("ledger", "duties", "reports", "due"):
        page = window.show_page(name)
        assert page.area.code() == VILLAGE, name
