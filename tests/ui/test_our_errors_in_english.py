"""Our own errors without a template — an ID number refused (`InvalidIdNumber`), one already in
the ledger (`DuplicateIdNumber`), a print setting's value refused (`parse_value`) — were said
in Chinese in the English window too. Each is now a template with parts: the English window
says it in English, the Chinese (the command line's, the Chinese window's) byte for byte what
it always was."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from fieldapp.domain import idnumber
from fieldapp.domain.errors import DuplicateIdNumber, InvalidIdNumber
from fieldapp.paperwork.settings import parse_value, setting_name
from fieldapp.ui.errors import message_for
from tests.english import in_english

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

#: An ID number refused, and what it always said (each part of `validate`'s checks).
REFUSED_IDS = {
    "5.20502E+17": "身份证号码“5.20502E+17”已被 Excel 存成数字（科学计数法），后几位已丢失，"
    "无法恢复；请把该列设为文本后重新录入",
    "  ": "身份证号码为空",
    "52050219800316": "身份证号码“52050219800316”长度为 14 位，应为 18 位",
    "5205021980031610AX": "身份证号码“5205021980031610AX”含有非法字符：前 17 位须为数字，"
    "末位为数字或 X",
    "520502198003161000": "身份证号码“520502198003161000”后三位是 000，与校验位不符：多半是 "
    "Excel 把它存成数字时丢掉了后三位（Excel 只保留 15 位数字），无法恢复；请对照身份证重新录入，"
    "并把该列设为文本",
    "520502198003161031": "身份证号码“520502198003161031”校验位不符：多半是前面有一位输错或两位"
    "颠倒，请对照身份证逐位核对（不要只改最后一位）",
    "520502198013321031": "身份证号码“520502198013321031”出生日期部分“19801332”不是有效日期",
    "520502189001011031": "身份证号码“520502189001011031”出生日期 1890-01-01 不合理",
}


def _refusal(raw: str) -> InvalidIdNumber:
    with pytest.raises(InvalidIdNumber) as refused:
        idnumber.validate(raw)
    return refused.value


def _setting_refusal(name: str, text: str) -> ValueError:
    with pytest.raises(ValueError) as refused:
        parse_value(name, text)
    return refused.value


def test_the_chinese_is_what_it_always_was(qapp) -> None:
    for raw, chinese in REFUSED_IDS.items():
        error = _refusal(raw)
        assert str(error) == chinese, raw
        assert message_for(error) == chinese, raw
    duplicate = DuplicateIdNumber("520502198003161031", "p1", "张长英", "七星关区市西街道大坝村")
    assert str(duplicate) == (
        "身份证号码 520502198003161031 已登记：张长英（七星关区市西街道大坝村），不能重复录入"
    )
    assert message_for(duplicate) == str(duplicate)
    said = {
        (
            "notice_working_days",
            "也许",
        ): "打印设置“公示期按工作日计（是/否）”应为“是”或“否”，收到“也许”",
        ("notice_days", "九十"): "打印设置“公示天数”应为 1 到 60 的整数，收到“九十”",
        ("notice_days", "61"): "打印设置“公示天数”应为 1 到 60 的整数，收到“61”",
    }
    for (name, text), chinese in said.items():
        error = _setting_refusal(name, text)
        assert str(error) == chinese
        assert message_for(error) == chinese
    with pytest.raises(ValueError) as unknown:
        setting_name("县长")
    assert str(unknown.value).startswith(
        "没有名为“县长”的打印设置；可用：县（市、区）名称（county_name）、县级审批单位（county_office）"
    )


@pytest.fixture
def english(qapp) -> Iterator[None]:
    with in_english():
        yield


def test_the_english_window_says_them_in_english(english) -> None:
    english_of = {
        "  ": "The ID number is empty",
        "52050219800316": "ID number “52050219800316” has 14 characters; it should have 18",
        "520502198003161031": "ID number “520502198003161031” does not match its check "
        "character: most likely a digit before it was mistyped or two were swapped. Check it "
        "digit by digit against the ID card (do not just change the last one)",
        "520502189001011031": "In ID number “520502189001011031”, the birth date 1890-01-01 "
        "cannot be right",
    }
    for raw, shown in english_of.items():
        assert message_for(_refusal(raw)) == shown
    for raw in REFUSED_IDS:
        assert not CHINESE.search(message_for(_refusal(raw))), raw
    duplicate = DuplicateIdNumber("520502198003161031", "p1", "张长英", "七星关区市西街道大坝村")
    assert message_for(duplicate) == (
        "ID number 520502198003161031 is already entered: 张长英 (七星关区市西街道大坝村). "
        "It cannot be entered twice"
    )
    assert message_for(_setting_refusal("notice_days", "九十")) == (
        "The print setting “Notice period (days)” must be a whole number from 1 to 60, not “九十”"
    )
    assert message_for(_setting_refusal("notice_working_days", "maybe")) == (
        "The print setting “Notice period in working days (是/否)” must be yes or no "
        "(是 or 否), not “maybe”"
    )


def test_a_form_refused_for_its_id_number_says_it_in_english(english) -> None:
    from pydantic import ValidationError

    from fieldapp.domain.models import Person
    from fieldapp.ui.errors import invalid_input

    with pytest.raises(ValidationError) as refused:
        Person(name="张长英", id_number="52050219800316")
    assert invalid_input(refused.value) == (
        "Invalid input: ID number “52050219800316” has 14 characters; it should have 18"
    )


def test_the_settings_page_refuses_a_value_in_english(window, qtbot) -> None:
    with in_english():
        page = window.show_page("settings")
        page.paper_fields["notice_days"].setText("90")
        assert not page.save_paper()
        assert page.paper_note.text() == (
            "The print setting “Notice period (days)” must be a whole number from 1 to 60, not “90”"
        )
