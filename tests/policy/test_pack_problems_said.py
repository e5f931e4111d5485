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
from tests.english import in_english
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

#: What each was said as before the templates; the place (a dotted key, the pack's own) is
#: said in the clerk's words since round Y (`NOW`), the key on the command line's line.
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

#: … and now: the part of the pack in the clerk's words (a rule with no title written by its
#: place in the pack), the problem's words as before.
NOW = {
    name: before.replace("rules.amount.value：", "本包新增的第 1 条规则的补贴金额：")
    .replace("rules.kind：", "本包新增的第 1 条规则：")
    .replace("pack.source：", "政策包的基本信息：")
    .replace("pack：", "政策包的基本信息：")
    for name, before in BEFORE.items()
}
NOW["extra_forbidden"] = "本包新增的第 1 条规则的补贴标准中的“value”：不认识的字段（可能拼错了）"


#: A pack whose version is a number, with a key misspelt: two problems, the first said.
TWO_WRONG = COUNTY_PACK.replace('title = "七星关区', 'titel = "x"\ntitle = "七星关区', 1).replace(
    'version = "2026.1"', "version = 2026", 1
)
TWO_WRONG_BEFORE = "政策包 county.toml 第 4 行：pack.version：应为文字（加引号）（另有 1 处问题）"
TWO_WRONG_NOW = TWO_WRONG_BEFORE.replace("pack.version", "政策包的基本信息的版本号")


#: A pack as read, naming its first rule, document, level and bundle.
NAMED = {
    "rules": [{"title": "一次性交通补助（跨县务工）"}],
    "overrides": [{"title": "乡村公益性岗位补贴（县里改的名称）"}],
    "documents": [{"number": "七人社通〔2026〕3号"}],
    "service_levels": [{"level": "短期失业"}],
    "service_bundles": [{"name": "1311"}],
}


def _places() -> dict[tuple[Any, ...], Any]:
    """Every part of a pack and every field named (`packfile.SECTION_NAMES`, `FIELD_NAMES`, the
    conditions' names), each where a problem is (its place, the pack as read)."""
    from fieldapp.policy.combine import CONDITION_NAMES

    places: dict[tuple[Any, ...], Any] = {}
    for section in packfile.SECTION_NAMES:
        places[(section,)] = None
        places[(section, 0, "x")] = None  # (an item of no name: by its place)
        places[(section, 0, "x", "y")] = NAMED  # (… and by its name)
    for field in (*packfile.FIELD_NAMES, *(f"conditions.{c}" for c in CONDITION_NAMES)):
        places[("rules", 0, *field.split("."))] = NAMED
        places[("lines", *field.split("."))] = None
    return places


def said_here() -> set[str]:
    """The templates the problems below say."""
    found: set[str] = set()
    for case in CASES.values():
        said = packfile.problem_text(dict(case))
        if isinstance(said, Sentence):
            found |= templates(said)
    for loc, data in _places().items():
        for kind in ("missing", "extra_forbidden"):
            said = packfile.problem_text({"type": kind, "loc": loc}, data)
            assert isinstance(said, Sentence)
            found |= templates(said)
    return found | templates(_two_wrong().said)


def test_every_part_and_field_named_is_said_in_the_clerks_words() -> None:
    """No place in a pack is said by the key the pack writes (a program word): each part by
    its name, an item by its name or its place, a field by its name or its part."""
    import re

    for loc, data in _places().items():
        said = str(packfile.problem_text({"type": "missing", "loc": loc}, data))
        assert not re.search("[A-Za-z_]", said.replace("x", "")), (loc, said)
    named = NAMED | {"rules": [{"title": "  "}]}
    assert [
        str(packfile.problem_text({"type": "missing", "loc": loc}, named))
        for loc in (
            ("rules", 0, "conditions", "age_at_event_max"),
            ("rules", 0, "amount", "max"),
            ("overrides", 0, "figure"),
            ("documents", 0, "title"),
            ("lines", "welfare_post_income_line"),
            ("lines", "welfare_post_income_line_document"),
            ("deadlines", "service_1311_workdays"),
        )
    ] == [
        "本包新增的第 1 条规则的要求的最高年龄：缺少必填项",
        "本包新增的第 1 条规则的最高限额：缺少必填项",
        "“乡村公益性岗位补贴（县里改的名称）”的县定金额：缺少必填项",
        "“七人社通〔2026〕3号”的名称：缺少必填项",
        "监测收入线：缺少必填项",
        "监测收入线的文号：缺少必填项",
        "提供“1311”就业服务的办理时限：缺少必填项",
    ]
    # A key the program does not know: as the pack writes it (the clerk's own misspelling).
    misspelt = {"type": "extra_forbidden", "loc": ("rules", 0, "conditions", "age_max")}
    assert str(packfile.problem_text(misspelt, NAMED)) == (
        "“一次性交通补助（跨县务工）”的申领条件中的“age_max”：不认识的字段（可能拼错了）"
    )


def test_a_packs_condition_is_named_by_its_subsidy_and_its_name_the_key_on_its_own_line(
    qapp,  # noqa: ANN001
) -> None:
    """A real pack: a new rule's condition written wrong is said by the subsidy's title and the
    condition's name; the key the pack writes stays on the command line's extra line."""
    import re

    from fieldapp.ui.errors import message_for
    from tests.policy.test_combine_refusals_said import SEED_RULE

    rule = SEED_RULE.replace('id = "', 'id = "county_', 1).replace(
        "[rules.conditions]", '[rules.conditions]\nage_at_event_max = "二十四"', 1
    )
    with pytest.raises(PackError) as refused:
        packfile.parse_pack_text(COUNTY_PACK + "\n" + rule, "county.toml")
    said = str(refused.value)
    assert said.endswith("：“培训生活费补贴”的要求的最高年龄：应为整数"), said
    assert refused.value.cli_hint == "政策包文件中的写法：rules.conditions.age_at_event_max"
    with in_english():
        english = message_for(refusal := refused.value)
    assert "The highest age" in english or "the highest age" in english, english
    assert "age_at_event_max" not in english and refusal.said is not None
    assert not re.search(r"[\u4e00-\u9fff]", english.replace("培训生活费补贴", "")), english


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("5", "本包新增的第 1 条规则的名称：应为文字（加引号）"),
        ('["培训生活费补贴"]', "本包新增的第 1 条规则的名称：应为文字（加引号）"),
        ("{ a = 1 }", "本包新增的第 1 条规则的名称：应为文字（加引号）"),
        ('"%2%1"', "“%2%1”的要求的最高年龄：应为整数"),
    ],
)
def test_a_hostile_rule_title_is_said_by_its_place_or_as_written(title: str, place: str) -> None:
    """A pack file whose rule's title is not text (a number, a list, a table) is refused by the
    rule's place, never crashing on the title; a title that looks like a sentence's parts
    (%2%1) is said as written, not filled in."""
    from tests.policy.test_combine_refusals_said import SEED_RULE

    rule = SEED_RULE.replace('id = "', 'id = "county_', 1).replace(
        'title = "培训生活费补贴"', f"title = {title}", 1
    )
    rule = rule.replace("[rules.conditions]", '[rules.conditions]\nage_at_event_max = "二十四"', 1)
    with pytest.raises(PackError) as refused:
        packfile.parse_pack_text(COUNTY_PACK + "\n" + rule, "county.toml")
    assert str(refused.value).split("：", 1)[1].startswith(place), str(refused.value)


def _two_wrong() -> Any:
    with pytest.raises(PackError) as refused:
        packfile.parse_pack_text(TWO_WRONG, "county.toml")
    return refused.value


def test_each_problem_says_what_it_said_before() -> None:
    said = {name: packfile.problem_text(dict(case)) for name, case in CASES.items()}
    assert {name: str(s) for name, s in said.items()} == NOW
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

    from fieldapp.ui.errors import message_for

    error = _two_wrong()
    assert str(error) == TWO_WRONG_NOW
    assert error.cli_hint == "政策包文件中的写法：pack.version"  # (the key, for the command line)
    assert error.said is not None and packfile.MORE_PROBLEMS in templates(error.said)
    with in_english():
        english = message_for(error)
    assert "county.toml" in english and "version" in english, english
    assert "pack.version" not in english, english
    assert not re.search(r"[\u4e00-\u9fff]", english), english
