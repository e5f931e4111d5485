"""The county's 就业状态 words in its policy pack: 红星村's 台账 in its coordinator's words
(`_village_book`), the statuses its device holds (`_statuses`), and the county that published
the words (`county`, a fixture)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from fieldapp.store.ledger import Ledger
from tests.conftest import make_id
from tests.helpers.cli_county import County
from tests.policy.helpers import COUNTY_PACK

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "某乡镇", "村（社区）": "红星村"}
WORDS = """
[status_words]
"在家" = "未就业"
"√" = "已就业"
"外出" = "已就业"
"""
LIST = "县里的用词表（七星关区就业帮扶政策（2026年） 2026.1 版，七人社通〔2026〕3号）"


def _village_book(path: Path) -> str:
    """The 红星村 台账 in the words its coordinator writes: 在家 twice, √ once."""
    book = openpyxl.Workbook()
    people = book.active
    assert people is not None
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "2026年1月"])
    people.append(["张长英", HEAD, HEAD, "户主", *PLACE.values(), "在家"])
    people.append(["李秀", WIFE, HEAD, "配偶", *PLACE.values(), "在家"])
    people.append(["张明", SON, HEAD, "子女", *PLACE.values(), "√"])
    book.save(path)
    return str(path)


def _statuses(county: County) -> dict[str, str]:
    ledger = Ledger.open(county.device)
    try:
        rows = ledger.db.execute(
            "SELECT p.name, m.status FROM monthly_status m JOIN persons p ON p.id = m.person_id"
            " WHERE m.month = '2026-01'"
        ).fetchall()
    finally:
        ledger.close()
    return dict(rows)


@pytest.fixture
def county(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> County:
    county = County(tmp_path, capsys)
    code, out, _ = county.publish(COUNTY_PACK + WORDS)
    assert code == 0, out
    # Devices older than the program that knows the list refuse it saying to upgrade: said in
    # the clerk's words — which program the computers need, and why (it said “用到了县里的就业
    # 状态用词表（[status_words]），fieldapp 0.2.0 起才认识，已在政策包中写明 requires = …”).
    (said,) = [line for line in out.splitlines() if "才能启用这个政策包：" in line]
    assert said == (
        "注意：村里和县里的设备要用 0.2.0 版或更新版本的程序才能启用这个政策包："
        "它用到了县里的就业状态用词表，更早的版本不认识。签发时已在政策包里写明这一要求"
        '（requires = "0.2.0" 一行）。程序比 0.2.0 旧的设备收到后不启用它，'
        "照旧用原来的政策包，并提示升级程序；各设备的程序版本见 hub devices"
    ), said
    assert "[status_words]" not in out, out
    assert county.deliver()[0] == 0
    return county
