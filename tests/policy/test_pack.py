"""Policy packs: broken packs refused with file, line and problem; county packs override."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fieldapp.policy.eligibility import Status, evaluate_rule
from fieldapp.policy.pack import Amount, AmountKind, PackError
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry, base_dir
from tests.policy.helpers import COUNTY_PACK, LIFTED, D, person, spell

COUNTY = """
[pack]
id = "qixingguan-2026"
version = "2026.1"
title = "七星关区就业帮扶补充政策"
extends = "guizhou-2023"
region = "520502"
authority = "七星关区人力资源和社会保障局"
document = "七人社通〔2026〕3号"

[[documents]]
number = "七人社通〔2026〕3号"
title = "关于延续执行就业帮扶政策的通知"
issuer = "七星关区人力资源和社会保障局"
date = 2026-01-05

[lines]
welfare_post_income_line = 650
welfare_post_income_line_document = "七人社通〔2026〕3号"

[[overrides]]
rule = "transport_cross_province_lifted"
valid_to = 2026-12-31
document = "七人社通〔2026〕3号"
figure = 300
figure_document = "七人社通〔2026〕3号"

[[overrides]]
rule = "new_form_accident_insurance"
enabled = true
figure = 80
figure_document = "七人社通〔2026〕3号"
"""

#: The rule the county pack above sets a figure for, as the clerk knows it: title and document.
LIFTED_RULE = "“一次性交通补助（脱贫人口新跨省务工）”"
OPINIONS = "（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）"


def _registry(tmp_path: Path) -> PolicyRegistry:
    local = tmp_path / "local"
    local.mkdir()
    return PolicyRegistry(base=base_dir(), local=local)


def test_local_pack_overrides_amount_and_extends_period(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    before = registry.load()
    (registry.local / "county.toml").write_text(COUNTY, encoding="utf-8")
    after = registry.reload()
    facts = person(categories=LIFTED, spells=(spell(D(2026, 3, 1)),))
    old = evaluate_rule(before.rule("transport_cross_province_lifted"), facts, D(2026, 6, 1))
    new = evaluate_rule(after.rule("transport_cross_province_lifted"), facts, D(2026, 6, 1))
    assert old.status is Status.NOT_ELIGIBLE
    assert new.status is Status.ELIGIBLE and new.amount == 300
    assert new.clause == (
        "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条；"
        "县定标准、执行至2026年12月31日（七星关区人力资源和社会保障局 七人社通〔2026〕3号，2026年1月5日）"
    )
    assert before.line("welfare_post_income_line") is None
    assert after.line("welfare_post_income_line") == 650
    assert "new_form_accident_insurance" in {r.id for r in after.active_rules}
    assert after.version == "guizhou-2023@2026.1+qixingguan-2026@2026.1"
    assert after.pack.as_dict() == {"id": "qixingguan-2026", "version": "2026.1", "source": "local"}


def test_broken_pack_refused_previous_stays_in_force(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    path = registry.local / "county.toml"
    path.write_text(COUNTY, encoding="utf-8")
    good = registry.load()
    broken = COUNTY.replace("figure = 300", 'figure = "三百"')
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        registry.reload()
    line = broken.splitlines().index('figure = "三百"') + 1
    assert caught.value.file == "county.toml"
    assert caught.value.line == line
    assert f"county.toml 第 {line} 行" in str(caught.value)
    assert registry.current is good
    # A fresh start (next program run) falls back to the last good copy and warns.
    fresh = PolicyRegistry(base=registry.base, local=registry.local)
    policy = fresh.load()
    assert policy.rule("transport_cross_province_lifted").amount.figure() == 300
    assert any("仍使用上次可用的版本" in w for w in fresh.warnings)


def test_install_refuses_broken_pack_and_keeps_policy(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text(
        COUNTY.replace('rule = "new_form_accident_insurance"', 'rule = "no_such_rule"'), "utf-8"
    )
    with pytest.raises(PackError, match="政策包里没有编号为 no_such_rule 的规则，无从修改"):
        registry.install(bad)
    assert not (registry.local / "bad.toml").exists()
    assert registry.load().rule("transport_cross_province_lifted").amount.figure() is None


def test_a_new_version_of_a_pack_replaces_the_old_one(tmp_path: Path) -> None:
    """The county's next notice comes as a new file (七星关2026-2.toml): it used to be laid over
    the old version, so a figure the new version no longer sets (back to 待县里核定标准) kept
    the old figure, and an older file installed later could win by its name."""
    registry = _registry(tmp_path)
    first = tmp_path / "七星关2026-1.toml"
    first.write_text(COUNTY, encoding="utf-8")
    assert registry.install(first).rule("new_form_accident_insurance").amount.figure() == 80
    second = tmp_path / "七星关2026-2.toml"
    second.write_text(
        COUNTY.replace('version = "2026.1"', 'version = "2026.2"').replace(
            'enabled = true\nfigure = 80\nfigure_document = "七人社通〔2026〕3号"', "enabled = true"
        ),
        encoding="utf-8",
    )
    policy = registry.install(second)
    assert policy.rule("new_form_accident_insurance").amount.figure() is None
    assert policy.version == "guizhou-2023@2026.1+qixingguan-2026@2026.2"
    assert registry.local_names() == ["七星关2026-2.toml"]
    older = tmp_path / "旧版.toml"
    older.write_text(COUNTY.replace('version = "2026.1"', 'version = "2025.3"'), "utf-8")
    with pytest.raises(
        PackError, match="本机已启用政策包“七星关区就业帮扶补充政策”的 2026.2 版，比 2025.3 版新"
    ):
        registry.install(older)
    assert registry.local_names() == ["七星关2026-2.toml"]
    assert (
        PolicyRegistry(base=registry.base, local=registry.local).load().version.endswith("@2026.2")
    )


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[pack]\nid = "x"\nversion = "1"\ntitle = "t"\n[lines\n', 5, "TOML 语法错误"),
        (
            '[pack]\nid = "x"\nversion = "1"\ntitle = "t"\n[lines]\nwelfare_post_income_line = -5\n',
            6,
            "数值太小",
        ),
        ('[pack]\nid = "x"\nversion = "1"\ntitle = "t"\nnonsense = 1\n', 5, "不认识的字段"),
        ('[pack]\nid = "x"\nversion = "1"\n', 1, "缺少必填项"),
        ('[pack]\nid = "x"\nversion = "1"\ntitle = ""\n', 4, "政策包的基本信息的名称：不能为空"),
        (
            '[pack]\nid = "x"\nversion = "1"\ntitle = "  　"\n',
            4,
            "政策包的基本信息的名称：不能为空",
        ),
        (
            '[pack]\nid = "x"\nversion = "1"\ntitle = "t"\n[calendar]\n'
            "extra_holidays = [2027-02-30]\n",
            6,
            "日期不存在或写法不对（如 2027-02-05，月、日写两位）",
        ),
        (
            '[pack]\nid = "x"\nversion = "1"\ntitle = "t"\n[calendar]\n'
            "extra_holidays = [2027-2-5]\n",
            6,
            "日期 2027-2-5 写法不对（应写 2027-02-05，月、日写两位）",
        ),
        ('[pack]\nid = "x"\nversion = "1" title = "t"\n', 3, "一行只能写一项"),
        ('[pack\nid = "x"\n', 1, "表名缺少“]”"),
    ],
    ids=[
        "syntax",
        "negative_line",
        "unknown_field",
        "missing_title",
        "empty_title",
        "blank_title",
        "no_such_day",
        "unpadded_day",
        "two_on_a_line",
        "table_unclosed",
    ],
)
def test_broken_pack_names_line_and_problem(text: str, line: int, words: str) -> None:
    with pytest.raises(PackError) as caught:
        parse_pack_text(text, "bad.toml")
    assert caught.value.line == line
    assert words in str(caught.value)


@pytest.mark.parametrize("value", ["inf", "nan", "-inf"])
def test_a_figure_that_is_not_a_finite_number_is_refused(tmp_path: Path, value: str) -> None:
    """TOML writes inf and nan as numbers: a start-up subsidy of inf 元 (no cap to stop it) was
    accepted and would print; nan was called 数值太小."""
    registry = _registry(tmp_path)
    text = COUNTY + f'\n[[overrides]]\nrule = "startup_once"\nfigure = {value}\n'
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        registry.check(tmp_path / "c.toml")
    assert caught.value.line == len(text.splitlines())
    assert "应为有限的数字" in str(caught.value) and "数值太小" not in str(caught.value)
    line = COUNTY.replace("welfare_post_income_line = 650", f"welfare_post_income_line = {value}")
    with pytest.raises(PackError, match="应为有限的数字"):
        parse_pack_text(line, "c.toml")


def test_error_inside_second_rule_points_at_its_line() -> None:
    seeds = (base_dir() / "guizhou_2023.toml").read_text(encoding="utf-8")
    broken = seeds.replace(
        'categories_any = ["脱贫人口", "防返贫监测对象"]\nplace_scopes = ["跨省"]',
        'categories_any = ["贫困户"]\nplace_scopes = ["跨省"]',
        1,
    )
    assert broken != seeds
    with pytest.raises(PackError) as caught:
        parse_pack_text(broken, "guizhou_2023.toml")
    assert broken.splitlines()[caught.value.line - 1].startswith('categories_any = ["贫困户"]')
    assert "贫困户" in str(caught.value.problem)


def test_amount_rules_checked() -> None:
    text = (
        (base_dir() / "guizhou_2023.toml")
        .read_text(encoding="utf-8")
        .replace(
            'amount = { kind = "fixed", value = 100 }',
            'amount = { kind = "capped", max = 100, value = 200 }',
        )
    )
    with pytest.raises(PackError, match="金额 200 元超过最高限额 100 元"):
        parse_pack_text(text, "p.toml")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            ("figure = 300", "figure = 600"),
            f"{LIFTED_RULE}的金额 600 元超过政策规定的最高 500 元{OPINIONS}",
        ),
        (
            ("figure = 300", 'amount = { kind = "fixed", value = 600 }'),
            f"{LIFTED_RULE}只能填写县定金额，不能改变标准的种类或最高限额{OPINIONS}",
        ),
        (
            (
                'rule = "new_form_accident_insurance"',
                'rule = "transport_other_rural_cross_province"',
            ),
            "“一次性交通补助（其他农村劳动力新跨省务工）”的标准是省里定的"
            "（100 元，黔府发〔2023〕12号 附件2 第（四）条），县里不能修改",
        ),
        (
            ('document = "七人社通〔2026〕3号"\nfigure', "figure"),
            f"{LIFTED_RULE}{OPINIONS}：改变有效期必须写明县里的文号",
        ),
        (
            ('document = "七人社通〔2026〕3号"\nfigure', 'document = "无此号"\nfigure'),
            f"{LIFTED_RULE}{OPINIONS}：文号 无此号 不在本包所列的文件中",
        ),
        (
            ("enabled = true", 'conditions = { forms = ["灵活就业", "单位就业"] }'),
            "“新就业形态劳动者意外伤害商业保险补贴”的条件只能从严，不能放宽"
            "（黔府发〔2023〕12号 第（十一）条）：",
        ),
        (
            ("figure = 300\n", ""),
            f"{LIFTED_RULE}{OPINIONS}：写了县定标准的文号却没有写县定金额",
        ),
        (
            ('figure_document = "七人社通〔2026〕3号"\n\n', "figure_before = 200\n\n"),
            f"{LIFTED_RULE}{OPINIONS}：写了此前的金额却没有写新金额的执行日期",
        ),
    ],
    ids=[
        "over_cap",
        "cap_replaced",
        "fixed_figure",
        "extension_without_document",
        "unknown_document",
        "looser_conditions",
        "figure_document_without_figure",
        "figure_before_without_from",
    ],
)
def test_county_may_not_change_what_the_seeds_fix(tmp_path: Path, change, words) -> None:
    registry = _registry(tmp_path)
    old, new = change
    text = COUNTY.replace(old, new)
    assert text != COUNTY
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as refused:
        registry.check(tmp_path / "c.toml")
    said = str(refused.value)
    # The rule by its title and document, as the clerk knows it (it opened 规则 <id>（…）).
    assert words in said, said
    assert "规则 " not in said, said
    assert not any(i in said for i in ("transport_cross_province_lifted", "new_form_accident")), (
        said
    )


def test_a_fixed_figure_refused_names_the_rule_by_its_title(tmp_path: Path) -> None:
    """The refusal of a county figure for a rule whose amount the province fixed named the rule
    by its id (规则 transport_other_rural_cross_province（…）); the clerk knows it by its title
    and the document that sets the figure."""
    registry = _registry(tmp_path)
    text = COUNTY.replace(
        'rule = "new_form_accident_insurance"', 'rule = "transport_other_rural_cross_province"'
    )
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as refused:
        registry.check(tmp_path / "c.toml")
    said = str(refused.value)
    assert said.endswith(
        "“一次性交通补助（其他农村劳动力新跨省务工）”的标准是省里定的"
        "（100 元，黔府发〔2023〕12号 附件2 第（四）条），县里不能修改"
    ), said
    assert "transport_other_rural_cross_province" not in said and "规则 " not in said, said


def test_a_county_pack_may_not_take_the_built_in_packs_id(tmp_path: Path) -> None:
    """A county pack named guizhou-2023 was accepted: every claim and paper then said it was
    judged under guizhou-2023@2026.1+guizhou-2023@2026.1, and `policy list` showed the
    built-in pack's id as the county's."""
    registry = _registry(tmp_path)
    (tmp_path / "c.toml").write_text(
        COUNTY.replace('id = "qixingguan-2026"', 'id = "guizhou-2023"'), encoding="utf-8"
    )
    with pytest.raises(PackError, match="“七星关区就业帮扶补充政策”用了内置政策包的编号"):
        registry.check(tmp_path / "c.toml")
    # A pack the county published before this was refused keeps working where it is stored:
    # devices do not fall back to older rules because of its name, nor of a 0 元 figure.
    from fieldapp.policy.combine import combine

    stored = COUNTY.replace('id = "qixingguan-2026"', 'id = "guizhou-2023"').replace(
        "figure = 80", "figure = 0"
    )
    policy = combine([*registry.base_files(), ("c.toml", parse_pack_text(stored, "c.toml"))])
    assert policy.rule("transport_cross_province_lifted").amount.value == 300


def test_a_zero_figure_names_the_rule_as_the_clerk_knows_it(tmp_path: Path) -> None:
    """A 0 元 figure was refused as 规则 new_form_accident_insurance 的县定金额…: the clerk knows
    the rule by its title and document, not its id; an id no pack has is refused as combining
    refuses it."""
    registry = _registry(tmp_path)
    (tmp_path / "c.toml").write_text(COUNTY.replace("figure = 80", "figure = 0"), "utf-8")
    with pytest.raises(PackError) as refused:
        registry.check(tmp_path / "c.toml")
    assert str(refused.value.problem) == (
        "“新就业形态劳动者意外伤害商业保险补贴”（黔府发〔2023〕12号 第（十一）条）"
        "的县定金额须大于 0 元；本县不实行这项补贴的，请停用这项补贴"
    )
    assert "new_form_accident_insurance" not in str(refused.value)
    unknown = COUNTY.replace("figure = 80", "figure = 0").replace(
        'rule = "new_form_accident_insurance"', 'rule = "no_such_rule"'
    )
    (tmp_path / "c.toml").write_text(unknown, "utf-8")
    with pytest.raises(PackError, match="政策包里没有编号为 no_such_rule 的规则，无从修改"):
        registry.check(tmp_path / "c.toml")


def test_every_rule_cites_a_listed_document(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    seeds = (base_dir() / "guizhou_2023.toml").read_text(encoding="utf-8")
    start = seeds.index('[[rules]]\nid = "training_living"')
    end = seeds.index("# ----", start)
    rule = seeds[start:end].replace('id = "training_living"', 'id = "county_training"')
    rule = rule.replace(
        "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》", "本县文件"
    )
    (tmp_path / "c.toml").write_text(COUNTY.split("[[overrides]]")[0] + rule, encoding="utf-8")
    with pytest.raises(
        PackError,
        match="“培训生活费补贴”的依据“本县文件第（十七）条”没有以所列文件的文号或《标题》开头",
    ):
        registry.check(tmp_path / "c.toml")


def test_new_rule_may_not_reuse_an_id(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    seeds = (base_dir() / "guizhou_2023.toml").read_text(encoding="utf-8")
    start = seeds.index('[[rules]]\nid = "training_living"')
    end = seeds.index("# ----", start)
    local = COUNTY.split("[[overrides]]")[0] + seeds[start:end]
    (tmp_path / "dup.toml").write_text(local, encoding="utf-8")
    with pytest.raises(
        PackError,
        match=re.escape(
            "本包新增的“培训生活费补贴”与已有的“培训生活费补贴”"
            "（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十七）条）"
            "是同一条规则："
            "已有的规则只能修改，不能再新增一条"
        ),
    ):
        registry.check(tmp_path / "dup.toml")


def test_a_rule_may_not_pay_a_job_whose_form_is_not_known() -> None:
    # 未登记 is the form of a job imported without one: a rule naming it would pay on a guess.
    text = (
        (base_dir() / "guizhou_2023.toml")
        .read_text(encoding="utf-8")
        .replace('forms = ["灵活就业"]', 'forms = ["灵活就业", "未登记"]', 1)
    )
    with pytest.raises(PackError, match="就业形式“未登记”是没有填写就业形式，不能作为补贴条件"):
        parse_pack_text(text, "p.toml")


def test_a_limit_counted_from_a_day_says_it_as_the_documents_write_it():
    """policy list said 限享受一次（自 2024-01-01 起计）; now 自2024年1月1日起计."""
    from fieldapp.policy.pack import Limit, LimitKind

    limit = Limit(kind=LimitKind.ONCE_EVER, count_from=D(2024, 1, 1))
    assert limit.describe() == "限享受一次（自2024年1月1日起计）"


def test_who_sets_a_county_figure_is_said_only_while_none_is_set() -> None:
    """'600 元/月（县定标准）；岗位补贴标准由县里核定' said twice that the county sets it: once the
    county has set a figure the note is dropped; while none is set it still explains why."""
    note = "岗位补贴标准由县里核定"
    unset = Amount(kind=AmountKind.COUNTY, unit="元/月", note=note)
    assert unset.describe() == f"待县里核定标准；{note}"
    assert unset.model_copy(update={"value": 600}).describe() == "600 元/月（县定标准）"
    capped = Amount(kind=AmountKind.CAPPED, max=500, note="标准由县里核定")
    assert capped.describe() == "待县里核定标准（最高 500 元）；标准由县里核定"
    assert capped.model_copy(update={"value": 400}).describe() == "400 元（县定标准，最高 500 元）"
    fixed = Amount(kind=AmountKind.FIXED, value=300, note="省定标准")
    assert fixed.describe() == "300 元；省定标准"


#: The seeds' pack, and a county pack over it: the texts a required field is blanked in.
_SEEDS = (base_dir() / "guizhou_2023.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "old", "field", "said"),
    [
        (_SEEDS, 'version = "', "pack.version", "政策包的基本信息的版本号"),
        (
            _SEEDS,
            'clause = "黔府发〔2023〕12号 附件2 第（四）条"',
            "rules.clause",
            "“一次性交通补助（跨县务工）”的依据（文号和条款）",
        ),
        (
            _SEEDS,
            'funding_source = "',
            "rules.funding_source",
            "“一次性交通补助（跨县务工）”的资金来源",
        ),
        (_SEEDS, 'name = "1311"', "service_bundles.name", "第 1 个服务套餐"),
        (COUNTY_PACK, 'title = "关于2026年', "documents.title", "“七人社通〔2026〕3号”的名称"),
    ],
    ids=["version", "clause", "funding_source", "bundle_name", "document_title"],
)
@pytest.mark.parametrize("blank", ["", "  　"])
def test_every_text_a_pack_must_give_is_refused_empty_or_only_spaces(
    text: str, old: str, field: str, said: str, blank: str
) -> None:
    # One check for them all: min_length=1 let '   ' through — a rule cited by a blank clause
    # on every 申请表, a funding source printed as nothing.
    key = old.split(" = ")[0]
    line = text.index(old)
    end = text.index("\n", line)
    blanked = text[:line] + f'{key} = "{blank}"' + text[end:]
    with pytest.raises(PackError) as refused:
        parse_pack_text(blanked, "p.toml")
    # (the part of the pack in the clerk's words; the key on the command line's line)
    assert f"{said}：不能为空" in str(refused.value), str(refused.value)
    assert refused.value.cli_hint == f"政策包文件中的写法：{field}"
    assert refused.value.line == text[:line].count("\n") + 1


def test_an_override_blanking_a_rules_title_is_refused() -> None:
    text = COUNTY_PACK + '\n[[overrides]]\nrule = "welfare_post_subsidy"\ntitle = "   "\n'
    with pytest.raises(PackError) as refused:
        parse_pack_text(text, "county.toml")
    assert "本包的第 4 项修改的名称：不能为空" in str(refused.value), str(refused.value)
    assert refused.value.cli_hint == "政策包文件中的写法：overrides.title"
    parse_pack_text(COUNTY_PACK + '\n[[overrides]]\nrule = "welfare_post_subsidy"\n', "c.toml")
