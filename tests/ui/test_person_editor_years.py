"""The person editor says in Chinese what is wrong and where: a graduation year typed short
("24") showed "输入有误：String should match pattern '^\\d{4}-(0[1-9]|1[0-2])$'", and a year
far ahead (2090) was saved."""

from __future__ import annotations

from pydantic import ValidationError

from fieldapp.domain.models import Person
from tests.records import Records
from tests.ui.plain import assert_plain


def open_editor(window, qtbot):
    page = window.show_page("ledger")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    who = Records(window.session.ledger).select(Person, "name = ?", ["王小明"])[0]
    return page, page.edit_person(who.id), who


def test_a_graduation_year_that_is_not_a_year_is_refused_on_its_field(window, qtbot):
    _page, editor, who = open_editor(window, qtbot)
    for year, month in ((24, 6), (2090, 0), (1900, 7)):
        editor.graduation.setValue(year)
        editor.left_month.setValue(month)
        editor.save()
        text = editor.error.text()
        assert editor.isVisible(), year
        assert "毕业年份" in text and str(year) in text and "pattern" not in text
        assert editor.focusWidget() is editor.graduation
        assert window.session.ledger.get("persons", who.id)["graduation_year"] is None
    editor.graduation.setValue(2024)
    editor.left_month.setValue(7)
    editor.save()
    assert not editor.isVisible()
    row = window.session.ledger.get("persons", who.id)
    assert row["graduation_year"] == 2024 and row["left_school_month"] == "2024-07"


def test_model_refusals_are_told_by_field_in_chinese():
    from fieldapp.ui.errors import invalid_input

    try:
        Person.model_validate({"name": "王小明", "id_number": "1", "left_school_month": "24-06"})
    except ValidationError as error:
        text = invalid_input(error)
    assert "离校年月" in text and "身份证" in text
    assert "pattern" not in text and "Value error" not in text
    assert_plain(text)
