"""A pack's text that does not validate is refused naming what is wrong, pydantic's error said
in the county's words (`packfile.problem_text`): each kind of error now a sentence (a template
and its parts) the desktop says in its language, its Chinese what it said before (recorded from
the code of 14f95f14), byte for byte."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.policy import packfile
from fieldapp.policy.pack import PackError
from tests.policy.helpers import COUNTY_PACK
from tests.services.sentence_checks import templates

#: An error of each type pydantic gives, as `ValidationError.errors()` lists it.
CASES: dict[str, dict[str, Any]] = {
    "missing": {"type": "missing", "loc": ("rules", 0, "amount", "value")},
    "extra_forbidden": {"type": "extra_forbidden", "loc": ("rules", 0, "amount", "value")},
    "int_parsing": {"type": "int_parsing", "loc": ("rules", 0, "amount", "value")},
    "int_type": {"type": "int_type", "loc": ("rules", 0, "amount", "value")},
    "int_from_float": {"type": "int_from_float", "loc": ("rules", 0, "amount", "value")},
    "float_parsing": {"type": "float_parsing", "loc": ("rules", 0, "amount", "value")},
    "float_type": {"type": "float_type", "loc": ("rules", 0, "amount", "value")},
    "finite_number": {"type": "finite_number", "loc": ("rules", 0, "amount", "value")},
    "bool_type": {"type": "bool_type", "loc": ("rules", 0, "amount", "value")},
    "bool_parsing": {"type": "bool_parsing", "loc": ("rules", 0, "amount", "value")},
    "string_type": {"type": "string_type", "loc": ("rules", 0, "amount", "value")},
    "date_type": {"type": "date_type", "loc": ("rules", 0, "amount", "value")},
    "date_parsing": {"type": "date_parsing", "loc": ("rules", 0, "amount", "value")},
    "date_from_datetime_parsing": {
        "type": "date_from_datetime_parsing",
        "loc": ("rules", 0, "amount", "value"),
    },
    "list_type": {"type": "list_type", "loc": ("rules", 0, "amount", "value")},
    "dict_type": {"type": "dict_type", "loc": ("rules", 0, "amount", "value")},
    "model_type": {"type": "model_type", "loc": ("rules", 0, "amount", "value")},
    "greater_than_equal": {"type": "greater_than_equal", "loc": ("rules", 0, "amount", "value")},
    "less_than_equal": {"type": "less_than_equal", "loc": ("rules", 0, "amount", "value")},
    "string_too_short": {"type": "string_too_short", "loc": ("rules", 0, "amount", "value")},
    "string_pattern_mismatch": {
        "type": "string_pattern_mismatch",
        "loc": ("rules", 0, "amount", "value"),
    },
    "enum": {
        "type": "enum",
        "loc": ("rules", 0, "kind"),
        "input": "每周",
        "ctx": {"expected": "'monthly', 'yearly' or 'once'"},
    },
    "odd": {"type": "url_parsing", "loc": ("pack", "source"), "msg": "Input should be a valid URL"},
    "bare": {"type": "missing", "loc": ()},
    "value_error": {"type": "value_error", "loc": ("pack",), "msg": "Value error, 版本号不能为空"},
}

#: What each was said as before the templates.
BEFORE = {
    "missing": "rules.amount.value：缺少必填项",
    "extra_forbidden": "rules.amount.value：不认识的字段（可能拼错了）",
    "int_parsing": "rules.amount.value：应为整数",
    "int_type": "rules.amount.value：应为整数",
    "int_from_float": "rules.amount.value：应为整数",
    "float_parsing": "rules.amount.value：应为数字",
    "float_type": "rules.amount.value：应为数字",
    "finite_number": "rules.amount.value：应为有限的数字（不能写 inf 或 nan）",
    "bool_type": "rules.amount.value：应为 true 或 false",
    "bool_parsing": "rules.amount.value：应为 true 或 false",
    "string_type": "rules.amount.value：应为文字（加引号）",
    "date_type": "rules.amount.value：应为日期（如 2025-12-31，不加引号）",
    "date_parsing": "rules.amount.value：应为日期（如 2025-12-31，不加引号）",
    "date_from_datetime_parsing": "rules.amount.value：应为日期（如 2025-12-31，不加引号）",
    "list_type": "rules.amount.value：应为列表 [ … ]",
    "dict_type": "rules.amount.value：应为表（{ … } 或 [表名]）",
    "model_type": "rules.amount.value：应为表（{ … } 或 [表名]）",
    "greater_than_equal": "rules.amount.value：数值太小",
    "less_than_equal": "rules.amount.value：数值太大",
    "string_too_short": "rules.amount.value：不能为空",
    "string_pattern_mismatch": "rules.amount.value：格式不对（规则编号只用小写字母、数字和下划线）",
    "enum": "rules.kind：取值“每周”不在允许范围内（允许：'monthly', 'yearly' or 'once'）",
    "odd": "pack.source：取值不合法（Input should be a valid URL）",
    "bare": "缺少必填项",
    "value_error": "pack：版本号不能为空",
}

#: A pack whose version is a number, with a key misspelt: two problems, the first said.
TWO_WRONG = COUNTY_PACK.replace('title = "七星关区', 'titel = "x"\ntitle = "七星关区', 1).replace(
    'version = "2026.1"', "version = 2026", 1
)
TWO_WRONG_BEFORE = "政策包 county.toml 第 4 行：pack.version：应为文字（加引号）（另有 1 处问题）"


def said_here() -> set[str]:
    """The templates the problems below say."""
    found: set[str] = set()
    for case in CASES.values():
        said = packfile.problem_text(dict(case))
        if isinstance(said, Sentence):
            found |= templates(said)
    return found | templates(_two_wrong().said)


def _two_wrong() -> Any:
    with pytest.raises(PackError) as refused:
        packfile.parse_pack_text(TWO_WRONG, "county.toml")
    return refused.value


def test_each_problem_says_what_it_said_before() -> None:
    said = {name: packfile.problem_text(dict(case)) for name, case in CASES.items()}
    assert {name: str(s) for name, s in said.items()} == BEFORE
    # A validator's own words are kept as text; every other is a sentence.
    assert [n for n, s in said.items() if not isinstance(s, Sentence)] == []
    assert (
        set(packfile._ERROR_TEXT.values())
        | {
            packfile.KEYED,
            packfile.NOT_ALLOWED,
            packfile.INVALID,
        }
        <= said_here()
    )


def test_a_pack_of_two_problems_says_the_first_and_how_many_more(qapp) -> None:  # noqa: ANN001
    import re

    from fieldapp.ui import i18n
    from fieldapp.ui.errors import message_for

    error = _two_wrong()
    assert str(error) == TWO_WRONG_BEFORE
    assert error.said is not None and packfile.MORE_PROBLEMS in templates(error.said)
    assert i18n.install_language("en")
    try:
        english = message_for(error)
    finally:
        i18n.install_language("zh_CN")
    assert "county.toml" in english and "pack.version" in english, english
    assert not re.search(r"[\u4e00-\u9fff]", english), english
