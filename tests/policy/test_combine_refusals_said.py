"""What a county may not change, refused as a sentence (`policy.combine`): a template and its
parts the desktop says in its language, its Chinese what it said before (recorded from the code
of 9c255ba4), byte for byte — but for the pack's keys (figure_document, [[documents]],
enabled = false …), which a county's clerk installing or editing a pack on the desktop never
reads: the sentence says it in the clerk's words, the command line adds the keys for the pack's
author on a line of its own (`PackError.cli_hint`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fieldapp.domain.sentences import Sentence
from fieldapp.policy.combine import combine
from fieldapp.policy.pack import PACK_KEYS, PackError
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry, base_dir
from tests.english import in_english
from tests.policy.test_pack import COUNTY
from tests.services.sentence_checks import filled, templates

_SEEDS = (base_dir() / "guizhou_2023.toml").read_text(encoding="utf-8")
_AT = _SEEDS.index('[[rules]]\nid = "training_living"')
#: A rule of the seeds' as a county pack would add it (its id, its citation the seeds').
SEED_RULE = _SEEDS[_AT : _SEEDS.index("# ----", _AT)]

#: Each refusal: the county pack's text changed (old → new, in order).
SCENARIOS: dict[str, list[tuple[str, str]]] = {
    "own_id": [('id = "qixingguan-2026"', 'id = "guizhou-2023"')],
    "zero": [("figure = 80", "figure = 0")],
    "line_undocumented": [('welfare_post_income_line_document = "七人社通〔2026〕3号"\n', "")],
    "figure_undocumented": [
        ('figure = 80\nfigure_document = "七人社通〔2026〕3号"', "figure = 80")
    ],
    "extends_unknown": [('extends = "guizhou-2023"', 'extends = "guizhou-2099"')],
    "rule_twice": [
        ("[lines]", SEED_RULE + "\n[lines]"),
    ],
    "document_no_figure": [("figure = 300\n", "")],
    "from_no_figure": [
        ("figure = 300\n", "figure_from = 2026-07-01\n"),
        (
            'figure_document = "七人社通〔2026〕3号"\n\n[[overrides]]\nrule = "new',
            '\n[[overrides]]\nrule = "new',
        ),
    ],
    "document_no_end": [("valid_to = 2026-12-31\n", "")],
    "fixed_figure": [
        ('rule = "new_form_accident_insurance"', 'rule = "transport_other_rural_cross_province"')
    ],
    "fixed_per_day": [('rule = "new_form_accident_insurance"', 'rule = "training_living"')],
    "kind_changed": [("figure = 300", 'amount = { kind = "fixed", value = 600 }')],
    "over_cap": [("figure = 300", "figure = 600")],
    "before_no_from": [
        (
            'figure_document = "七人社通〔2026〕3号"\n\n',
            'figure_document = "七人社通〔2026〕3号"\nfigure_before = 200\n\n',
        )
    ],
    "before_zero": [
        ("figure = 300\n", "figure = 300\nfigure_from = 2026-07-01\nfigure_before = 0\n")
    ],
    "before_undocumented": [
        (
            "figure = 300\n",
            'figure = 300\nfigure_from = 2026-07-01\nfigure_before = 200\nfigure_before_document = "无此号"\n',
        )
    ],
    "figure_document_unlisted": [
        (
            'figure = 300\nfigure_document = "七人社通〔2026〕3号"',
            'figure = 300\nfigure_document = "无此号"',
        )
    ],
    "line_document_no_line": [("welfare_post_income_line = 650\n", "")],
    "line_from_no_line": [
        (
            'welfare_post_income_line = 650\nwelfare_post_income_line_document = "七人社通〔2026〕3号"\n',
            "welfare_post_income_line_from = 2026-07-01\n",
        )
    ],
    "line_document_unlisted": [
        (
            'welfare_post_income_line_document = "七人社通〔2026〕3号"',
            'welfare_post_income_line_document = "无此号"',
        )
    ],
    "line_before_no_from": [
        (
            "welfare_post_income_line = 650\n",
            "welfare_post_income_line = 650\nwelfare_post_income_line_before = 600\n",
        )
    ],
    "line_before_unlisted": [
        (
            "welfare_post_income_line = 650\n",
            "welfare_post_income_line = 650\nwelfare_post_income_line_from = 2026-07-01\n"
            'welfare_post_income_line_before = 600\nwelfare_post_income_line_before_document = "无此号"\n',
        )
    ],
    "end_undocumented": [('document = "七人社通〔2026〕3号"\nfigure', "figure")],
    "end_unlisted": [('document = "七人社通〔2026〕3号"\nfigure', 'document = "无此号"\nfigure')],
    "level_fewer": [
        (
            "[lines]",
            '[[service_levels]]\nlevel = "短期失业"\nclause = "七人社通〔2026〕3号"\nminimums = { "岗位推荐" = 2 }\n\n[lines]',
        )
    ],
    "uncited": [
        (
            "[lines]",
            SEED_RULE.replace('id = "training_living"', 'id = "county_training"').replace(
                "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》", "本县文件"
            )
            + "\n[lines]",
        )
    ],
}


#: … and conditions made looser: every way of it, in three overrides.
SCENARIOS |= {
    "looser_sets": [
        (
            "[lines]",
            '[[overrides]]\nrule = "transport_other_rural_cross_province"\n'
            "conditions = { categories_none = [] }\n\n[lines]",
        )
    ],
    "looser_categories": [
        (
            "figure = 300\n",
            'figure = 300\nconditions = { categories_any = ["脱贫人口", "农村低保对象"], '
            'place_scopes = ["跨省"], new_to_scope = true, stable_months_min = 3 }\n',
        )
    ],
    "looser_added": [
        (
            "[lines]",
            '[[overrides]]\nrule = "startup_once"\nconditions = { forms = ["自主创业"], '
            "stable_months_min = 12, first_business = true, or_rural_transferred = true, "
            "new_lookback_months = 6 }\n\n[lines]",
        )
    ],
    "looser_bounds": [
        ("[lines]", '[[overrides]]\nrule = "absorb_unemployed_youth"\nconditions = {}\n\n[lines]')
    ],
}
#: … and a rule no pack has, given a figure and given 0 元 (`check_new_pack`).
SCENARIOS |= {
    "no_such_rule": [('rule = "new_form_accident_insurance"', 'rule = "no_such_rule"')],
    "no_such_rule_zero": [
        ('rule = "new_form_accident_insurance"', 'rule = "no_such_rule"'),
        ("figure = 80", "figure = 0"),
    ],
}
#: … and those of a pack combined alone (`combine`): a county pack with no base under it, a
#: base pack of no documents.
SCENARIOS |= {
    "no_base": [],
    "none_listed": [
        ('extends = "guizhou-2023"\n', ""),
        (COUNTY[COUNTY.index("[[documents]]") :], SEED_RULE),
    ],
}
#: … and nothing to combine.
SCENARIOS["no_packs"] = []
ALONE = ("no_base", "none_listed")
#: … and a deadline made longer.
SCENARIOS["deadline_longer"] = [("[lines]", "[deadlines]\nservice_1311_workdays = 9\n\n[lines]")]
#: … and a level's service needed once made fewer (English: at least once).
SCENARIOS["level_fewer_once"] = [
    (
        "[lines]",
        '[[service_levels]]\nlevel = "中短期失业"\nclause = "七人社通〔2026〕3号"\n'
        'minimums = { "岗位推荐" = 3 }\n\n[lines]',
    )
]
#: … and a rule, as changed, that does not validate (said after the rule, `packfile.KEYED`).
SCENARIOS["rule_invalid"] = [("valid_to = 2026-12-31\n", "valid_to = 2000-01-01\n")]
SCENARIOS["registration_longer"] = [
    ("[lines]", "[deadlines]\nregistration_workdays = 10\n\n[lines]")
]


def refused(name: str, tmp_path: Path) -> PackError:
    """The refusal of the county pack `SCENARIOS[name]` makes, checked as `policy check` does
    (combined alone for `ALONE`)."""
    text = COUNTY
    for old, new in SCENARIOS[name]:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    if name == "no_packs":
        with pytest.raises(PackError) as none:
            combine([])
        return none.value
    if name in ALONE:
        with pytest.raises(PackError) as alone:
            combine([("c.toml", parse_pack_text(text, "c.toml"))])
        return alone.value
    local = tmp_path / "local"
    local.mkdir(parents=True)
    registry = PolicyRegistry(base=base_dir(), local=local)
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as error:
        registry.check(tmp_path / "c.toml")
    return error.value


#: What each refusal said before the templates (recorded from the code of 9c255ba4).
BEFORE = {
    "own_id": "政策包 c.toml：县级政策包“七星关区就业帮扶补充政策”用了内置政策包的编号：县级政策包须用本县自己的编号",  # (the pack by its title since round V; the id on the command line's line)
    "zero": "政策包 c.toml：“新就业形态劳动者意外伤害商业保险补贴”（黔府发〔2023〕12号 第（十一）条）的县定金额须大于 0 元；本县不实行这项补贴的，请停用这项补贴",
    "line_undocumented": "政策包 c.toml：防止返贫监测收入线 650 元/月须写明县里定这条线的文件文号，并列入本包的文件：公益性岗位收入超线的提醒引用它",
    "figure_undocumented": "政策包 c.toml：“新就业形态劳动者意外伤害商业保险补贴”（黔府发〔2023〕12号 第（十一）条）的县定金额 80 元须写明县里定这个金额的文件文号，并列入本包的文件：申请表、花名册和公示表引用它作为补贴标准的依据",
    "extends_unknown": "政策包 c.toml：县级政策包“七星关区就业帮扶补充政策”所扩展的政策包不在已有的政策包中（已有：“贵州省就业帮扶政策（黔府发〔2023〕12号等）”）",  # (the packs by their titles since round Y; the id on the command line's line)
    "rule_twice": "政策包 c.toml：本包新增的“培训生活费补贴”与已有的“培训生活费补贴”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十七）条）是同一条规则：已有的规则只能修改，不能再新增一条",
    "document_no_figure": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：写了县定标准的文号却没有写县定金额",
    "from_no_figure": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：写了县定金额的执行日期却没有写县定金额",
    "document_no_end": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：写了文号却没有写新的结束日期",
    "fixed_figure": "政策包 c.toml：“一次性交通补助（其他农村劳动力新跨省务工）”的标准是省里定的（100 元，黔府发〔2023〕12号 附件2 第（四）条），县里不能修改",
    "fixed_per_day": "政策包 c.toml：“培训生活费补贴”的标准是省里定的（每天 40 元，《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十七）条），县里不能修改",  # (recorded from 40e3fc20)
    "kind_changed": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”只能填写县定金额，不能改变标准的种类或最高限额（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）",
    "over_cap": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”的金额 600 元超过政策规定的最高 500 元（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）",
    "before_no_from": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：写了此前的金额却没有写新金额的执行日期",
    "before_zero": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：2026-07-01 前的金额 0 元须大于 0 元，且不超过政策规定的最高 500 元",
    "before_undocumented": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：此前金额的文号 无此号 不在本包所列的文件中",
    "figure_document_unlisted": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：县定标准的文号 无此号 不在本包所列的文件中",
    "line_document_no_line": "政策包 c.toml：写了监测收入线的文号却没有写监测收入线",
    "line_from_no_line": "政策包 c.toml：写了监测收入线的执行日期却没有写监测收入线",
    "line_document_unlisted": "政策包 c.toml：监测收入线的文号 无此号 不在本包所列的文件中",
    "line_before_no_from": "政策包 c.toml：写了此前的监测收入线却没有写新收入线的执行日期",
    "line_before_unlisted": "政策包 c.toml：此前监测收入线的文号 无此号 不在本包所列的文件中",
    "end_undocumented": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：改变有效期必须写明县里的文号",
    "end_unlisted": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：文号 无此号 不在本包所列的文件中",
    "level_fewer": "政策包 c.toml：短期失业的最低服务只能增加，不能少于岗位推荐3次（黔府发〔2023〕12号 附件3 第（六）条第2项）",
    "uncited": "政策包 c.toml：“培训生活费补贴”的依据“本县文件第（十七）条”没有以所列文件的文号或《标题》开头（已列文件：黔府发〔2023〕12号、黔人社发〔2019〕20号、《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》、七人社通〔2026〕3号）",
    "looser_sets": "政策包 c.toml：“一次性交通补助（其他农村劳动力新跨省务工）”的条件只能从严，不能放宽（黔府发〔2023〕12号 附件2 第（四）条）：务工地点范围不能增加或取消（原为跨省）；不享受本项补贴的人员类别不能减少；要求的稳定就业时长不能低于3个月；“新外出务工”一项必须保持为“是”",
    "looser_categories": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”的条件只能从严，不能放宽（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：享受补贴的人员类别不能增加或取消（原为脱贫人口、防返贫监测对象）",  # (the code of 40e3fc20's)
    "looser_added": "政策包 c.toml：“一次性自主创业补贴”的条件只能从严，不能放宽（黔府发〔2023〕12号 附件3 第（九）条）：“农村转移劳动力也可享受”不能新增；认定“新”务工时查看此前务工的期限不能短于全部既往就业",
    "looser_bounds": "政策包 c.toml：“一次性吸纳就业补贴（招用登记失业的16—24岁青年）”的条件只能从严，不能放宽（黔府发〔2023〕12号 附件1 第（一）条）：对用人单位类型的限制不能取消；要求的劳动合同（协议）期限不能低于12个月；要求的最低年龄不能低于16岁；要求的最高年龄不能高于24岁；“登记失业”一项必须保持为“是”",
    "no_such_rule": "政策包 c.toml：政策包里没有编号为 no_such_rule 的规则，无从修改",
    "no_such_rule_zero": "政策包 c.toml：政策包里没有编号为 no_such_rule 的规则，无从修改",
    "no_packs": "政策包 （无）：没有可用的政策包",
    "no_base": "政策包 c.toml：县级政策包“七星关区就业帮扶补充政策”缺少它所扩展的基础政策包",  # (by its title since round Y)
    "none_listed": "政策包 c.toml：“培训生活费补贴”的依据“《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十七）条”没有以所列文件的文号或《标题》开头（已列文件：（无））",
    "deadline_longer": "政策包 c.toml：提供“1311”就业服务：办理时限只能缩短，不能从 5 个工作日延长到 9 个工作日",
    "level_fewer_once": "政策包 c.toml：中短期失业的最低服务只能增加，不能少于职业指导1次（黔府发〔2023〕12号 附件3 第（六）条第2项）",
    "registration_longer": "政策包 c.toml：办结失业登记：办理时限只能缩短，不能从 7 个工作日延长到 10 个工作日",
    "rule_invalid": "政策包 c.toml：“一次性交通补助（脱贫人口新跨省务工）”（《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（四）条）：有效期结束日 2000-01-01 早于开始日 2021-01-01",  # (recorded from d787138f)
}


#: Every condition a county may only make stricter, set (one yes-or-no one to 否) …
_EVERY_CONDITION = {
    "categories_any": ["脱贫人口"],
    "categories_none": ["农村低保对象"],
    "place_scopes": ["跨省"],
    "new_to_scope": True,
    "new_lookback_months": 6,
    "newly_returned": True,
    "returned_within_months": 6,
    "forms": ["单位就业"],
    "employer_kinds": ["农民专业合作社"],
    "stable_months_min": 3,
    "contract_months_min": 12,
    "contract_months_max": 24,
    "insurance_months_min": 6,
    "organized_export": True,
    "first_export": True,
    "age_at_event_min": 16,
    "age_at_event_max": 24,
    "graduate_window_months": 24,
    "graduate_unemployed": True,
    "registered_unemployed": True,
    "registered_unemployed_months_min": 3,
    "first_business": True,
    "training_days_min": 5,
    "casual_work": False,
}
#: … and each made looser at once.
_EVERY_LOOSER = {"or_rural_transferred": True, "new_lookback_months": 3}


def _every_condition_loosened() -> list[Any]:
    from fieldapp.policy.combine import looser
    from fieldapp.policy.pack import Conditions

    old = Conditions.model_validate(_EVERY_CONDITION)
    return looser(old, Conditions.model_validate(_EVERY_LOOSER))


def test_every_condition_loosened_is_named_in_the_clerks_words() -> None:
    from fieldapp.policy.pack import CONDITION_NAMES

    found = _every_condition_loosened()
    assert [x.key for x in found if x.key not in CONDITION_NAMES] == []
    assert {x.key for x in found} == set(CONDITION_NAMES)
    said_all = "；".join(str(x.said) for x in found)
    assert not re.search("[a-z]", said_all), said_all
    assert "“临时务工（临工）”一项必须保持为“否”" in said_all, said_all
    assert "要求的培训天数不能低于5天" in said_all, said_all
    assert "认定“新”务工时查看此前务工的期限不能短于6个月" in said_all, said_all


def said_here(tmp_path: Path) -> set[str]:
    """The templates the scenarios say (and every condition loosened at once)."""
    found: set[str] = set().union(*(templates(x.said) for x in _every_condition_loosened()))
    for name in SCENARIOS:
        refusal = refused(name, tmp_path / name)
        assert refusal.said is not None, name
        found |= templates(refusal.said)
    return found


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_refusal_is_a_sentence_saying_what_it_said(name: str, tmp_path: Path) -> None:
    refusal = refused(name, tmp_path)
    assert isinstance(refusal.said, Sentence)
    assert str(refusal) == BEFORE[name]
    assert filled(refusal.said) == BEFORE[name]


def test_every_refusal_of_combine_has_a_scenario(tmp_path: Path) -> None:
    """Each template `policy.combine` makes (and the units of conditions it says) is said by a scenario here (`KEYED`, a rule's
    problem after an override, is `packfile`'s: `tests.policy.test_pack_problems_said`)."""
    from fieldapp.domain.sentences import TEMPLATES
    from fieldapp.policy import combine as module

    made = {
        value
        for key, value in vars(module).items()
        if key.isupper() and key != "KEYED" and isinstance(value, str) and value in TEMPLATES
    }
    # The conditions' bounds' units (个月, 岁, 天) are the pack's, said in combine's refusals.
    made |= {unit for _name, unit in module.CONDITION_NAMES.values() if unit}
    assert len(made) == 49
    assert made - said_here(tmp_path) == set()


def _english(name: str, tmp_path: Path) -> str:
    from fieldapp.ui.errors import message_for

    refusal = refused(name, tmp_path)
    with in_english():
        return message_for(refusal)


def test_the_desktop_says_them_in_english(qapp: Any, tmp_path: Path) -> None:
    """In English each is said in English: Chinese only in the county's own words (a rule's
    title and clause, a document's number, a service level) and the quoted."""
    for name in SCENARIOS:
        english = _english(name, tmp_path / name)
        bare = re.sub(r"“[^”]*”|（[^（）]*）|《[^》]*》|\([^()]*\)|[^\s:：]*〔[^\s]*", "", english)
        file = "（无）" if name == "no_packs" else "c.toml"  # (no file: named （无） still)
        assert english.startswith(f"Policy pack {file}: "), english
        assert re.search("[a-z]{3}", bare), english
        assert english != str(refused(name, tmp_path / f"{name}-zh")), english
    assert _english("over_cap", tmp_path / "x") == (
        "Policy pack c.toml: The figure of 600 yuan for “一次性交通补助（脱贫人口新跨省务工）” is"
        " above the policy's cap of 500 yuan (《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴"
        "的实施意见》第（四）条)"
    )
    assert _english("none_listed", tmp_path / "y").endswith("(documents listed: (none))")
    assert _english("looser_added", tmp_path / "w").endswith(
        "may only be made stricter, not looser (黔府发〔2023〕12号 附件3 第（九）条):"
        " “Rural transferred labour qualifies too” cannot be added; The earlier work looked at"
        " to tell “new” work cannot be shorter than every earlier job"
    )
    assert _english("deadline_longer", tmp_path / "z") == (
        "Policy pack c.toml: The “1311” employment service: a time limit may only be shortened,"
        " not lengthened from 5 workdays to 9 workdays"
    )
    assert _english("registration_longer", tmp_path / "v") == (
        "Policy pack c.toml: Completing the unemployment registration: a time limit may only be"
        " shortened, not lengthened from 7 workdays to 10 workdays"
    )


def test_the_programs_words_in_them_are_said_in_english(qapp: Any, tmp_path: Path) -> None:
    """The figure the province fixed, the day a figure applies from, a service level and its
    kind of service, and a condition's values as the program's words: in English in the English
    window (the Chinese as it was, `test_a_refusal_is_a_sentence_saying_what_it_said`)."""
    assert _english("fixed_figure", tmp_path / "a") == (
        "Policy pack c.toml: The figure of “一次性交通补助（其他农村劳动力新跨省务工）” is the"
        " province's (100 yuan, 黔府发〔2023〕12号 附件2 第（四）条): the county cannot change it"
    )
    assert "is the province's (40 yuan a day, 《" in _english("fixed_per_day", tmp_path / "b")
    assert _english("before_zero", tmp_path / "c").endswith(
        ": the figure of 0 yuan before 1 July 2026 must be above 0 yuan and at most the"
        " policy's cap of 500 yuan"
    )
    assert _english("level_fewer", tmp_path / "d") == (
        "Policy pack c.toml: The minimum services for the short-term unemployed may only be"
        " raised: job recommendation at least 3 times (黔府发〔2023〕12号 附件3 第（六）条第2项)"
    )
    assert _english("level_fewer_once", tmp_path / "d1").endswith(
        " may only be raised: career guidance at least once (黔府发〔2023〕12号 附件3 第（六）条第2项)"
    )
    assert "Where the work may be cannot be extended or dropped (it was out of province);" in (
        _english("looser_sets", tmp_path / "e")
    )
    assert _english("looser_categories", tmp_path / "f").endswith(
        ": The groups of people the subsidy is for cannot be extended or dropped (it was lifted"
        " out of poverty, monitored against relapse into poverty)"
    )
    assert _english("looser_bounds", tmp_path / "g").endswith(
        "The lowest age cannot be below 16 years of age; The highest age cannot be above 24"
        " years of age; “Registered as unemployed” must stay “yes”"
    )


#: What a pack's keys look like in a sentence: figure_document, [[documents]], enabled = false,
#: a bare key in brackets or after a word (figure, valid_to, document).
_KEYS = re.compile(
    r"[a-z]+_[a-z_]+|\[\[|= false|[（(]\s*(figure|document|valid_to)\s*[）)]|没有写[^，；]* [a-z]"
)


def _keyed(tmp_path: Path) -> dict[str, PackError]:
    """The scenarios whose refusal has keys for the pack's author (`PACK_KEYS`)."""
    found = {name: refused(name, tmp_path / name) for name in SCENARIOS}
    return {
        name: error
        for name, error in found.items()
        if isinstance(error.problem, Sentence) and error.problem.template in PACK_KEYS
    }


def test_the_clerk_reads_no_pack_keys_the_author_reads_them(qapp: Any, tmp_path: Path) -> None:
    """On the desktop (a county's clerk installing a pack, the county editor) a refusal says
    what is wrong in the clerk's words, in Chinese and in English: no figure_document, no
    [[documents]], no enabled = false. The command line (the pack's author) says the keys too,
    on a line of their own (`fieldapp policy check`)."""
    from fieldapp.cli.common import hinted
    from fieldapp.ui.errors import message_for

    keyed = _keyed(tmp_path)
    assert len(keyed) == 17, sorted(keyed)  # (own_id's keys name its id: PackError(keys=))
    for name, error in keyed.items():
        assert not _KEYS.search(message_for(error)), (name, message_for(error))
        assert not _KEYS.search(str(error)), name
        assert hinted(error) == "\n政策包文件中的写法：" + PACK_KEYS[error.problem.template]
        assert _KEYS.search(hinted(error)) or re.search("document|id =", hinted(error)), name
    with in_english():
        for name, error in keyed.items():
            assert not _KEYS.search(message_for(error)), (name, message_for(error))


def test_the_command_line_says_the_keys_after_the_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.cli.main import main

    text = COUNTY.replace("figure = 80", "figure = 0")
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "policy", "check", str(tmp_path / "c.toml")]) == 2
    err = capsys.readouterr().err
    assert "本县不实行这项补贴的，请停用这项补贴\n政策包文件中的写法：enabled = false" in err, err


#: The scenarios of a condition made looser, and the keys the command line names for each.
_LOOSER_KEYS = {
    "looser_sets": "conditions.place_scopes、conditions.categories_none、"
    "conditions.stable_months_min、conditions.new_to_scope",
    "looser_categories": "conditions.categories_any",
    "looser_added": "conditions.or_rural_transferred、conditions.new_lookback_months",
    "looser_bounds": "conditions.employer_kinds、conditions.contract_months_min、"
    "conditions.age_at_event_min、conditions.age_at_event_max、conditions.registered_unemployed",
}


def test_a_condition_made_looser_is_said_in_the_clerks_words(qapp: Any, tmp_path: Path) -> None:
    """A condition a county pack loosened (and the built-in pack's id taken) reaches the
    settings page's dialog: said in the clerk's words, in Chinese and English — no
    place_scopes, categories_any, “true”, nor an example id (qixingguan) — and the keys on the
    command line's line of its own (as 44e858c1 did for the figures' documents)."""
    from fieldapp.cli.common import hinted
    from fieldapp.ui.errors import message_for

    keys = re.compile(r"[a-z]+_[a-z_]+|\btrue\b|\bfalse\b|qixingguan")
    found = {name: refused(name, tmp_path / name) for name in (*_LOOSER_KEYS, "own_id")}
    for name, error in found.items():
        assert not keys.search(message_for(error)), (name, message_for(error))
        assert not keys.search(str(error)), (name, str(error))
    for name, written in _LOOSER_KEYS.items():
        assert hinted(found[name]) == f"\n政策包文件中的写法：{written}", name
    assert hinted(found["own_id"]) == (
        '\n政策包文件中的写法：[pack] 的 id（现为 guizhou-2023，与内置政策包相同），如 id = "qixingguan"'
    )
    # The dialog names the pack by its title, never by an id (the one it took, guizhou-2023).
    assert "七星关区就业帮扶补充政策" in message_for(found["own_id"])
    assert "guizhou" not in message_for(found["own_id"]), message_for(found["own_id"])
    with in_english():
        for name, error in found.items():
            assert not keys.search(message_for(error)), (name, message_for(error))
        english = message_for(found["own_id"])
    assert "County pack “七星关区就业帮扶补充政策” takes the built-in pack's id" in english, english
    assert "guizhou" not in english, english


def test_the_command_line_names_the_loosened_conditions_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fieldapp.cli.main import main

    text = COUNTY
    for old, new in SCENARIOS["looser_categories"]:
        text = text.replace(old, new, 1)
    (tmp_path / "c.toml").write_text(text, encoding="utf-8")
    db = tmp_path / "l.db"
    assert main(["--db", str(db), "policy", "check", str(tmp_path / "c.toml")]) == 2
    err = capsys.readouterr().err
    assert (
        "享受补贴的人员类别不能增加或取消（原为脱贫人口、防返贫监测对象）\n"
        "政策包文件中的写法：conditions.categories_any"
    ) in err, err


@pytest.mark.parametrize(
    ("name", "extends"), [("extends_unknown", "guizhou-2099"), ("no_base", "guizhou-2023")]
)
def test_the_pack_extended_is_named_by_its_id_on_the_command_lines_line_only(
    name: str, extends: str, tmp_path: Path
) -> None:
    """The clerk knows a pack by its title: the id it extends (no title is known for it) is
    the command line's, on its own line (`cli_hint`), as `OWN_ID`'s id is."""
    refusal = refused(name, tmp_path)
    assert extends not in str(refusal)
    assert refusal.cli_hint == f"政策包文件中的写法：[pack] 的 extends（现为 {extends}）"
