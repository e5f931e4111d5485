"""与户主关系 written after the household register's 之 (之孙女, 之父, 之母) or after 户主
(户主之子, 户主的女儿, 户主本人): each person was refused whole (与户主关系“之父”无法识别)
while 之子, 之女 and 之孙 were read."""

from __future__ import annotations

import pytest

from fieldapp.tabular.ledger_import import import_ledger
from tests.conftest import make_id
from tests.tabular.sheets import write_xlsx

PLACE = {"县（市、区）": "七星关区", "乡镇（街道）": "碧阳街道", "村（社区）": "大坝村"}
HEAD = make_id("520502", "19750316", "131")
OTHER = make_id("520502", "19780520", "142")


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("之孙女", "孙子女"),
        ("之父", "父母"),
        ("之母", "父母"),
        ("之兄", "兄弟姐妹"),
        ("之女婿", "媳婿"),
        ("户主之子", "子女"),
        ("户主的女儿", "子女"),
        ("户主之妻", "配偶"),
    ],
)
def test_a_relation_after_zhi_or_the_head_is_read(ledger, tmp_path, word, relation):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE],
        [
            ["张长英", HEAD, HEAD, "户主", *PLACE.values()],
            ["李秀", OTHER, HEAD, word, *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert report.rejected == []
    stored = ledger.db.execute("SELECT relation FROM persons WHERE id_number = ?", (OTHER,))
    assert stored.fetchone()[0] == relation
    assert ("与户主关系", word, relation) in {(m.column, m.before, m.after) for m in report.mapped}


def test_the_head_written_as_hu_zhu_ben_ren_is_the_head_and_only_on_his_own_row(ledger, tmp_path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        ["姓名", "身份证号码", "户主身份证号码", "与户主关系", *PLACE],
        [
            ["张长英", HEAD, HEAD, "户主本人", *PLACE.values()],
            ["李秀", OTHER, HEAD, "户主本人", *PLACE.values()],
        ],
    )
    report = import_ledger(ledger, path)
    assert [(p.row, p.reason) for p in report.rejected] == [
        (3, "与户主关系为“户主”，但户主身份证号码不是本人的号码")
    ]
    stored = ledger.db.execute("SELECT relation FROM persons WHERE id_number = ?", (HEAD,))
    assert stored.fetchone()[0] == "户主"
