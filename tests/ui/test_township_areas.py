"""A township's device holds the whole county's area tree (every device receives it whole), but
its clerk works in its own township: the pages' area pickers list that township's villages and
groups, not the hundreds of other townships' ones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldapp.domain.roles import Role
from fieldapp.store.ledger import Ledger
from fieldapp.ui.app import open_window
from tests.conftest import make_id
from tests.helpers.three_devices import HEADERS, County
from tests.helpers.two_villages import DEVICES, WANG, ZHAO
from tests.helpers.two_villages import _sheet as village_sheet
from tests.tabular.sheets import write_xlsx
from tests.ui.conftest import close_window

ELSEWHERE = "520502011001"  # a village of 德溪街道, another township of the county
SUN = make_id("520502", "19860404", "181")


def _elsewhere_sheet(path: Path) -> Path:
    began = (dt.date.today() - dt.timedelta(days=240)).isoformat()
    row = ["孙八", SUN, SUN, "户主", "13912345678", "", "七星关区", "德溪街道", "柏杨村",
           "已就业", "单位就业", "江苏省苏州市", "苏州某厂", "小微企业", began, 5000, 24, 6,
           "农业银行", "6228480012345678950"]  # fmt: skip
    return write_xlsx(path, HEADERS, [row])


def test_the_townships_area_pickers_list_its_own_villages_only(tmp_path, capsys, monkeypatch):
    devices = DEVICES | {"o": ("柏杨村专员", Role.COORDINATOR, ELSEWHERE)}
    county = County(tmp_path, capsys, devices)
    daba = [("王五", WANG, WANG, "户主", "6228480012345678927"),
            ("赵六", ZHAO, WANG, "子女", "6228480012345678935")]  # fmt: skip
    county.run("import", str(village_sheet(tmp_path / "大坝.xlsx", "大坝村", daba)), db="d")
    county.run("import", str(_elsewhere_sheet(tmp_path / "柏杨.xlsx")), db="o")
    county.sync("d", "o", "t")
    ledger = Ledger.open(county.db("t"))
    try:  # the premise: the other township's village reached the township's device
        names = {r["name"] for r in ledger.db.query("SELECT name FROM areas")}
    finally:
        ledger.close()
    assert {"德溪街道", "柏杨村", "大坝村"} <= names, names

    win = open_window(county.db("t"))
    win.show()
    try:
        for key in ("ledger", "due", "duties", "subsidies", "rosters", "visits", "monthly"):
            picker = win.show_page(key).area
            listed = [picker.itemText(n).strip("\u3000") for n in range(picker.count())]
            assert "大坝村" in listed and "碧阳街道" in listed, (key, listed)
            assert "德溪街道" not in listed and "柏杨村" not in listed, (key, listed)
    finally:
        close_window(win, monkeypatch)


@pytest.fixture(autouse=True)
def _in_chinese(qtbot):  # noqa: ANN001, ANN202, PT004
    from fieldapp.ui import i18n
    from fieldapp.ui.app import make_app

    make_app()
    i18n.install_language("zh_CN")
