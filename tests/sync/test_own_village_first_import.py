"""A village laptop enrolled by the county imports its coordinator's own sheet before anything
else: the sheet names the village (小河村), the ledger knows no village yet, and the enrolment
says which code is the device's (520502010002). The village must come in under that code — not
under the next free one (520502010001, another village's), which the device may not write.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.helpers.three_devices import HEADERS, County
from tests.tabular.sheets import write_xlsx

# Enrols throw-away ledgers made without a password (refused for real use).
pytestmark = pytest.mark.usefixtures("plain_enrol")

XIAOHE, DABA = "520502010002", "520502010001"
DEVICES = {
    "x": ("小河村专员", Role.COORDINATOR, XIAOHE),
    "d": ("大坝村专员", Role.COORDINATOR, DABA),
}
QIAN = make_id("520502", "19850303", "171")
SUN = make_id("520502", "19870404", "182")


def _sheet(path: Path, village: str, people: list[tuple[str, str, str, str]]) -> Path:
    rows = [
        [name, number, head, relation, "13912345678", "", "七星关区", "碧阳街道", village,
         "已就业", "单位就业", "江苏省苏州市", "苏州某厂", "小微企业", "2026-03-01", 5000, 24, 6,
         "农业银行", ""]
        for name, number, head, relation in people
    ]  # fmt: skip
    return write_xlsx(path, HEADERS, rows)


def _areas(db: Path) -> dict[str, str]:
    ledger = Ledger.open(db)
    try:
        return dict(ledger.db.execute("SELECT code, name FROM areas").fetchall())
    finally:
        ledger.close()


def _people(db: Path) -> dict[str, str]:
    ledger = Ledger.open(db)
    try:
        return dict(
            ledger.db.execute(
                "SELECT p.name, h.area_code FROM persons p JOIN households h "
                "ON h.id = p.household_id"
            ).fetchall()
        )
    finally:
        ledger.close()


def test_a_new_village_laptops_first_import_comes_in_under_its_enrolled_code(tmp_path, capsys):
    county = County(tmp_path, capsys, DEVICES)
    people = [("钱七", QIAN, QIAN, "户主"), ("孙八", SUN, QIAN, "配偶")]
    out = county.run("import", str(_sheet(tmp_path / "小河.xlsx", "小河村", people)), db="x")
    assert _people(county.db("x")) == {"钱七": XIAOHE, "孙八": XIAOHE}, out
    assert _areas(county.db("x"))[XIAOHE] == "小河村"
    county.sync("x", "d")  # nothing held at the hub; 大坝村's laptop learns 小河村 by its code
    assert _areas(county.db("d"))[XIAOHE] == "小河村"


def _enrol_later(county: County, tmp_path: Path, monkeypatch, area: str = XIAOHE) -> Path:  # noqa: ANN001
    """The county enrols 小河村's laptop now; its enrolment file, to import when it arrives."""
    from fieldapp.hub.folder import Hub
    from tests.codes import ENROL_CODE

    hub = Hub.open(county.hub_dir)
    try:
        hub.enroll(
            "小河村专员",
            area,
            tmp_path / "x.enrol",
            Role.COORDINATOR,
            code=ENROL_CODE,
            by="县里的科员",
        )
    finally:
        hub.close()
    county.devices["x"] = ("小河村专员", Role.COORDINATOR, area)
    monkeypatch.setenv("FIELDAPP_ENROL_CODE", ENROL_CODE)
    return tmp_path / "x.enrol"


def test_a_ledger_filled_before_enrolment_gives_its_village_the_countys_code(
    tmp_path, capsys, monkeypatch
):
    """Set up and filled before the county's file came, the ledger named 小河村 520502010001
    (the next free code) and put its people there; enrolled as 520502010002 it used to send
    them all outside its scope (every change held at the hub). Nothing was sent yet, so the
    village, its people and the changes to send now carry the county's code."""
    county = County(tmp_path, capsys, {"d": DEVICES["d"]})
    people = [("钱七", QIAN, QIAN, "户主"), ("孙八", SUN, QIAN, "配偶")]
    county.run("import", str(_sheet(tmp_path / "小河.xlsx", "小河村", people)), db="x")
    assert set(_people(county.db("x")).values()) == {DABA}  # the next free code, before
    out = county.run("enrol", str(_enrol_later(county, tmp_path, monkeypatch)), db="x")
    assert f"已改为县里登记的 {XIAOHE}" in out and DABA in out
    assert _people(county.db("x")) == {"钱七": XIAOHE, "孙八": XIAOHE}
    assert _areas(county.db("x")) == {
        "520502": "七星关区",
        "520502010": "碧阳街道",
        XIAOHE: "小河村",
    }
    county.sync("x")  # held=0: every change of the village is inside the laptop's scope
    county.run("import", str(_sheet(tmp_path / "大坝.xlsx", "大坝村", [])), db="d")
    county.sync("d")
    assert _areas(county.db("d"))[XIAOHE] == "小河村"
    assert _areas(county.db("d")).get(DABA) != "小河村"
    hub = county.hub_dir / "hub.db"
    assert _people(hub) == {"钱七": XIAOHE, "孙八": XIAOHE}


def test_a_ledger_with_two_villages_below_the_township_keeps_its_codes(
    tmp_path, capsys, monkeypatch
):
    county = County(tmp_path, capsys, {"d": DEVICES["d"]})
    two = _sheet(tmp_path / "两村.xlsx", "小河村", [("钱七", QIAN, QIAN, "户主")])
    county.run("import", str(two), db="x")
    other = _sheet(tmp_path / "另一村.xlsx", "河边村", [("孙八", SUN, SUN, "户主")])
    county.run("import", str(other), db="x")
    before = _people(county.db("x"))
    out = county.run("enrol", str(_enrol_later(county, tmp_path, monkeypatch)), db="x")
    assert "已改为" not in out  # no telling which village is the laptop's own
    assert _people(county.db("x")) == before
