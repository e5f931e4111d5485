"""张长英's family in a village's 台账 with the 就业状态 words a coordinator writes (在家, √,
外出), for the tests of those words (`_village_book`), and the statuses a ledger holds."""

from __future__ import annotations

import openpyxl

from tests.conftest import make_id

HEAD = make_id("520502", "19750316", "131")
WIFE = make_id("520502", "19780520", "142")
SON = make_id("520502", "20010101", "153")
PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}


def _village_book(path):
    """台账 with a 就业状态 column and a column per month, and a 月度状态 sheet, in the words
    a coordinator writes: 在家 three times, √ once, 外出 once."""
    book = openpyxl.Workbook()
    people = book.active
    people.title = "台账"
    people.append(["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE, "2026年1月"])
    people.append(["张长英", HEAD, HEAD, "户主", *PLACE.values(), "未就业"])
    people.append(["李秀", WIFE, HEAD, "配偶", *PLACE.values(), "在家"])
    people.append(["张明", SON, HEAD, "子女", *PLACE.values(), "√"])
    months = book.create_sheet("月度状态")
    months.append(["姓名", "身份证号码", "月份", "就业状态"])
    months.append(["张长英", HEAD, "2026-02", "外出"])
    months.append(["李秀", WIFE, "2026-02", "在家"])
    months.append(["张明", SON, "2026-02", "在家"])
    book.save(path)
    return path


def _statuses(ledger) -> list[tuple[str, str, str]]:
    return ledger.db.execute(
        "SELECT p.name, m.month, m.status FROM monthly_status m"
        " JOIN persons p ON p.id = m.person_id ORDER BY m.month, p.name"
    ).fetchall()
