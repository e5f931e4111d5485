"""The conflict review (冲突审核) said an area's parent as 上级区划 while the held changes' lines
said 上级区域: one field, two words. Its 内容 and 字段 columns also stayed Chinese in English
(人员信息, 户籍地区划代码). The field has one word now (上级区域), and both columns say the
program's words in the language shown, through the held lines' words (`held_words`); the
record's name, as typed, is never translated."""

from __future__ import annotations

from fieldapp.domain.labels import field_label
from fieldapp.services.change_said import field_said
from fieldapp.store.changelog import Change
from fieldapp.store.hlc import format_stamp
from tests.english import in_english


def test_an_areas_parent_has_one_word():
    assert field_label("parent_code") == field_said("parent_code", "areas") == "上级区域"


def _phone_conflict(window) -> None:  # noqa: ANN001
    led = window.session.ledger
    person_id = led.db.execute("SELECT id FROM persons WHERE name = '王小明'").fetchone()[0]
    seen = led.heads("persons", person_id)["phone"]
    with led.transaction():
        led.update("persons", person_id, {"phone": "13900000001"})
    remote = Change(
        "remote-device", 1, format_stamp(1_700_000_000_000, 0), "李四", "persons", person_id,
        {"phone": "13900000002"}, {"phone": seen},
    )  # fmt: skip
    led.apply_changes([remote])


def _row(review) -> list[str]:  # noqa: ANN001
    model = review.model
    return [str(model.data(model.index(0, c))) for c in range(model.columnCount())]


def test_the_conflict_reviews_words_are_english_in_english(window, qtbot):
    _phone_conflict(window)
    review = window.show_page("sync").conflicts
    review.refresh()
    assert _row(review)[1:4] == ["王小明", "人员信息", "联系电话"]
    with in_english():
        review.refresh()
        _number, subject, table, field, values, source = _row(review)
        assert source == "Another device"  # where it came from (a sheet's: Sheet “…”)
        assert subject == "王小明"  # the person's name as typed
        assert table.isascii() and table != "人员信息", table
        assert field.isascii() and field != "联系电话", field
        assert "13900000001" in values and "13900000002" in values
