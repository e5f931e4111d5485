"""The county editor on the hub's command line: figures under the seeds' caps, extensions on the
county's document, the monitoring line and the year's holiday schedule — checked, signed and
published as the county's next pack, each edition built on the one in force."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.policy.editor import (
    CountyEdit,
    FigureField,
    county_figures,
    edit_county_pack,
    parse_days,
)
from fieldapp.policy.eligibility import unused_figures
from fieldapp.policy.pack import Document, PackError, Policy
from fieldapp.policy.packfile import dump_pack, parse_pack_text, read_pack_file
from fieldapp.policy.registry import PolicyRegistry, base_dir
from fieldapp.services.policy_admin import load_policy
from fieldapp.store.ledger import Ledger
from tests.codes import plain_hub
from tests.english import in_english

DOC = ["--document", "七人社通〔2026〕3号", "--document-title", "关于延续执行就业帮扶政策的通知",
       "--document-date", "2026-01-05", "--authority", "七星关区人力资源和社会保障局"]  # fmt: skip


@pytest.fixture
def hub(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "县汇总"
    plain_hub(folder)
    capsys.readouterr()
    return folder


def edit(capsys: pytest.CaptureFixture[str], hub: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["hub", "policy", "edit", "--dir", str(hub), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def in_force(hub: Path):  # noqa: ANN201 - Policy
    ledger = Ledger.open(hub / "hub.db")
    try:
        return load_policy(ledger).policy
    finally:
        ledger.close()


def test_transport_amount_over_the_cap_refused(hub: Path, capsys) -> None:
    code, _, err = edit(capsys, hub, "--figure", "transport_cross_county=600")
    assert code == 2
    assert "金额 600 元超过政策规定的最高 500 元（黔府发〔2023〕12号 附件2 第（四）条）" in err
    assert "未签发" in err
    assert in_force(hub).pack.source == "builtin"


def test_a_negative_income_line_is_refused_in_the_clerks_words(hub: Path, capsys) -> None:
    code, _, err = edit(capsys, hub, "--income-line", "-5")
    assert code == 2
    assert "监测收入线是每月的金额（元），不能为负数：收到 -5" in err and "未签发" in err
    assert "welfare_post_income_line" not in err  # not the pack's own key
    assert in_force(hub).pack.source == "builtin"


def test_a_pack_file_that_cannot_be_written_is_told(hub: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "说明.txt").write_text("不是文件夹", encoding="utf-8")
    out = tmp_path / "说明.txt" / "county.toml"
    code, _, err = edit(capsys, hub, "--income-line", "650", *DOC, "--out", str(out))
    assert code == 1
    assert f"无法写入“county.toml”：“{tmp_path / '说明.txt'}”是文件，不是文件夹" in err


def test_county_decisions_published_and_the_next_edition_builds_on_them(hub: Path, capsys) -> None:
    code, out, err = edit(
        capsys, hub,
        "--figure", "transport_cross_county=400", "--figure", "startup_once=5000",
        "--figure", "welfare_post_subsidy=600", "--income-line", "650",
        "--extend", "absorb_returned=2026-12-31", *DOC,
        "--title", "七星关区就业帮扶政策（2026年）",
        "--schedule-year", "2027", "--schedule-document", "国办发明电〔2099〕99号（测试用）",
        "--days-off", "2027-02-05..2027-02-12", "--make-up-workdays", "2027-02-20",
    )  # fmt: skip
    assert code == 0, err
    year = dt.date.today().year
    assert out.splitlines()[-1] == f"{year}.1"
    policy = in_force(hub)
    assert policy.pack.as_dict() == {"id": "county", "version": f"{year}.1", "source": "hub"}
    assert policy.rule("transport_cross_county").amount.value == 400
    assert policy.rule("startup_once").amount.value == 5000
    assert policy.line("welfare_post_income_line") == 650
    returned = policy.rule("absorb_returned")
    assert returned.valid_to == dt.date(2026, 12, 31)
    assert (
        "执行至2026年12月31日（七星关区人力资源和社会保障局 七人社通〔2026〕3号，2026年1月5日）"
        in (returned.citation)
    )
    assert [y.year for y in policy.calendar.years] == [2027]
    # The next edition changes one figure and keeps every other decision.
    code, out, _ = edit(
        capsys, hub, "--figure", "transport_cross_county=450", "--document", "七人社通〔2026〕8号"
    )
    assert code == 0 and out.splitlines()[-1] == f"{year}.2"
    policy = in_force(hub)
    assert policy.rule("transport_cross_county").amount.value == 450
    assert policy.rule("startup_once").amount.value == 5000
    # Each figure keeps citing the document that set it.
    assert policy.rule("transport_cross_county").figure_document == "七人社通〔2026〕8号"
    assert policy.rule("startup_once").figure_document == "七人社通〔2026〕3号"
    assert policy.rule("absorb_returned").valid_to == dt.date(2026, 12, 31)
    assert [y.year for y in policy.calendar.years] == [2027]
    code, out, _ = edit(capsys, hub, "--figure", "startup_once=-")
    assert in_force(hub).rule("startup_once").amount.value is None
    listed = main(["hub", "policy", "list", "--dir", str(hub), "--json"])
    assert listed == 0
    assert [r["version"] for r in json.loads(capsys.readouterr().out)] == [
        f"{year}.3",
        f"{year}.2",
        f"{year}.1",
    ]


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--extend", "absorb_returned=2026-12-31"], "必须写明县里的文件文号"),
        (["--figure", "transport_other_rural_cross_province=80"], "“一次性交通补助（其他农村劳动力新跨省务工）”的标准是省里定的"
         "（100 元，黔府发〔2023〕12号 附件2 第（四）条），县里不能修改"),
        (["--figure", "no_such_rule=80"], "政策包里没有编号为 no_such_rule 的规则，无从修改：县里可以设定金额"),
        (["--figure", "transport_cross_county=四百"], "金额“四百”不是数字"),
        (["--days-off", "2027-02-05", "--schedule-year", "2027"], "通知文号"),
        (["--holiday", "2027-02-30"], "不是有效日期"),
        (["--figure", "transport_cross_county=nan"], "金额“nan”不是数字"),
        (["--figure", "transport_cross_county=inf"], "金额“inf”不是数字"),
        (["--income-line", "nan"], "监测收入线“nan”不是数字"),
        (["--figure", "transport_cross_county"], "应写成 规则编号=值"),
        (["--extend", "absorb_returned=2026-13-01", *DOC], "不是日期"),
        (["--schedule-year", "2027", "--schedule-document", "X"], "须填写该年全部放假日"),
        (["--schedule-year", "2027", "--schedule-document", "X", "--days-off", "2027-02-05",
          "--make-up-workdays", "2027-02-05"], "2027年放假安排：2027-02-05 既是休息日又是上班日"),
        (["--schedule-year", "1999", "--schedule-document", "X", "--days-off", "1999-02-05"],
         "年份 1999 超出范围"),
        (["--extend", "absorb_returned=2024-12-31", *DOC],
         "“一次性吸纳就业补贴（吸纳新返乡农村劳动力）”（黔府发〔2023〕12号 附件2 第（八）条）"
         "延续执行到 2024-12-31 不晚于文件原定的结束日期 2025-12-31：延续执行请填写更晚的日期"),
        (["--extend", "transport_cross_county=2026-12-31", *DOC],
         "“一次性交通补助（跨县务工）”（黔府发〔2023〕12号 附件2 第（四）条）长期有效，不需要延续执行"),
        (["--figure", "startup_once=0"],
         "“一次性自主创业补贴”（黔府发〔2023〕12号 附件3 第（九）条）的县定金额须大于 0 元"),
    ],
    ids=["extension_without_document", "fixed_figure", "unknown_rule", "not_a_number",
         "schedule_without_document", "bad_date", "nan_figure", "infinite_figure",
         "nan_income_line", "figure_without_value", "bad_extension_date",
         "schedule_without_days", "day_off_and_workday", "schedule_year_out_of_range",
         "extension_earlier_than_the_seeds_end", "extension_of_a_rule_without_end",
         "zero_figure"],
)  # fmt: skip
def test_refusals_say_why(hub: Path, capsys, argv: list[str], words: str) -> None:
    """Every refusal is a mistake on the command line or in the values: exit 2, as a refused
    figure over the cap and `policy check`'s refusals, never the 1 of a failed run."""
    code, _, err = edit(capsys, hub, *argv)
    assert code == 2 and words in err, err
    assert "validation" not in err and "YearSchedule" not in err
    assert in_force(hub).pack.source == "builtin"


@pytest.mark.parametrize("typed", ["inf", "nan", "1e309", "Infinity", "六百", "650元"])
def test_an_income_line_not_a_number_is_said_as_typed(hub: Path, capsys, typed: str) -> None:
    """The line was read as a Python float: 1e309 came back as “inf”, Infinity likewise, and
    a line in words (六百) stopped at argparse's English “invalid float value”."""
    code, _, err = edit(capsys, hub, "--income-line", typed, *DOC)
    assert code == 2 and f"监测收入线“{typed}”不是数字（元/月，如 650）" in err, err
    assert "invalid" not in err and (typed in ("inf", "nan") or "“inf”" not in err), err
    assert in_force(hub).pack.source == "builtin"


def test_a_county_day_changed_from_off_to_worked_is_changed(hub: Path, capsys) -> None:
    """A day declared off, later declared a working day, stayed in both lists (the working day
    won without a word); the same day given as both in one edit was accepted."""
    code, _, err = edit(capsys, hub, "--holiday", "2027-03-01", "--workday", "2027-03-01")
    assert code == 2 and "2027-03-01 既是县定放假日又是县定上班日" in err, err
    assert edit(capsys, hub, "--holiday", "2027-03-01..2027-03-02")[0] == 0
    assert edit(capsys, hub, "--workday", "2027-03-01")[0] == 0
    calendar = in_force(hub).calendar
    assert calendar.extra_holidays == [dt.date(2027, 3, 2)]
    assert calendar.extra_workdays == [dt.date(2027, 3, 1)]
    assert edit(capsys, hub, "--holiday", "2027-03-01")[0] == 0
    calendar = in_force(hub).calendar
    assert calendar.extra_holidays == [dt.date(2027, 3, 1), dt.date(2027, 3, 2)]
    assert calendar.extra_workdays == []


def test_an_edit_that_changes_nothing_is_not_signed(hub: Path, capsys) -> None:
    """`hub policy edit --dir 县汇总` alone signed a new, unchanged pack for every device (each
    then said 政策包已更新)."""
    code, out, err = edit(capsys, hub)
    assert code == 2 and "没有要修改的内容" in err and "未签发" in err, (out, err)
    assert main(["hub", "policy", "list", "--dir", str(hub), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_out_writes_a_pack_that_policy_check_accepts(hub: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "county.toml"
    code, _, _ = edit(
        capsys, hub, "--figure", "transport_cross_county=300", *DOC, "--out", str(out)
    )
    assert code == 0 and out.exists()
    assert in_force(hub).pack.source == "builtin"  # written, not published
    assert main(["--db", str(tmp_path / "l.db"), "policy", "check", str(out)]) == 0
    assert read_pack_file(out).overrides[0].figure == 300
    assert read_pack_file(out).overrides[0].figure_document == "七人社通〔2026〕3号"


def test_editor_lists_the_county_figures_and_keeps_hand_written_parts() -> None:
    base = PolicyRegistry(local=Path("/nonexistent")).base_files()
    builtin = [(n, p) for n, p in base]
    from fieldapp.policy.combine import combine

    figures = {f.rule_id: f for f in county_figures(combine(builtin))}
    assert figures["transport_cross_county"].cap == 500 and figures["startup_once"].cap is None
    assert figures["welfare_post_subsidy"].unit == "元/月"
    hand = parse_pack_text(
        '[pack]\nid = "c"\nversion = "1"\ntitle = "t"\nextends = "guizhou-2023"\n'
        '[[overrides]]\nrule = "absorb_lifted"\nconditions = { categories_any = ["脱贫人口"], '
        'forms = ["单位就业"], employer_kinds = ["小微企业"], stable_months_min = 6, '
        "contract_months_min = 12, insurance_months_min = 1 }\n",
        "c.toml",
    )
    document = Document(number="某人社通〔2026〕1号", title="通知", issuer="某县人社局")
    text, policy = edit_county_pack(
        base, hand, CountyEdit(figures={"transport_cross_county": 450}, document=document),
        version="2", today=dt.date(2026, 12, 1),
    )  # fmt: skip
    assert policy.rule("absorb_lifted").conditions.stable_months_min == 6
    assert policy.rule("transport_cross_county").amount.value == 450
    assert parse_pack_text(text, "c.toml").pack.document == "某人社通〔2026〕1号"


def test_pack_text_round_trips() -> None:
    seeds = read_pack_file(base_dir() / "guizhou_2023.toml")
    assert parse_pack_text(dump_pack(seeds), "x.toml") == seeds


def test_days_and_ranges() -> None:
    assert parse_days("2027-02-05..2027-02-07, 2027-2-20") == [
        dt.date(2027, 2, 5),
        dt.date(2027, 2, 6),
        dt.date(2027, 2, 7),
        dt.date(2027, 2, 20),
    ]
    assert parse_days("2027-02-05 至 2027-02-06") == [dt.date(2027, 2, 5), dt.date(2027, 2, 6)]
    with pytest.raises(ValueError, match="结束日期早于开始日期"):
        parse_days("2027-02-07..2027-02-05")
    with pytest.raises(PackError):
        edit_county_pack(
            PolicyRegistry(local=Path("/nonexistent")).base_files(),
            None,
            CountyEdit(extensions={"absorb_returned": dt.date(2026, 12, 31)}),
            version="1",
        )


def test_the_same_document_given_again_by_number_keeps_its_title(hub: Path, capsys) -> None:
    """Each figure needs its document, so a clerk gives the same number again in the next
    edition, without retyping the title: the title was replaced by the number."""
    code, _, err = edit(capsys, hub, "--figure", "transport_cross_county=400", *DOC)
    assert code == 0, err
    code, _, err = edit(
        capsys, hub, "--figure", "startup_once=3000", "--document", "七人社通〔2026〕3号"
    )
    assert code == 0, err
    (document,) = [d for d in in_force(hub).documents if d.number == "七人社通〔2026〕3号"]
    assert document.title == "关于延续执行就业帮扶政策的通知"
    assert document.issuer == "七星关区人力资源和社会保障局"
    assert document.date == dt.date(2026, 1, 5)


def test_after_next_years_edition_the_next_edit_is_numbered_in_that_year(hub: Path, capsys) -> None:
    """In December the county publishes its standards for the new year as 2027.1; a week later
    it adds the State Council's 2027 holiday schedule, as the editor offers, without typing a
    version. The default was numbered in the calendar year of the day (2026.1) — older than the
    edition in force, so the hub refused it (the desktop's editor numbers its drafts the same
    way, refused only at the next exchange). It is now numbered after the newest edition."""
    coming = dt.date.today().year + 1
    code, out, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=700", *DOC, "--version", f"{coming}.1"
    )
    assert code == 0, err
    code, out, err = edit(
        capsys, hub,
        "--schedule-year", str(coming), "--schedule-document", "国办发明电〔2099〕99号（测试用）",
        "--days-off", f"{coming}-02-05..{coming}-02-12",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[-1] == f"{coming}.2"
    policy = in_force(hub)
    assert policy.pack.version == f"{coming}.2"
    assert policy.rule("welfare_post_subsidy").amount.value == 700
    assert [y.year for y in policy.calendar.years] == [coming]


def test_a_new_years_figure_is_paid_from_its_day_and_december_keeps_the_old_one(
    hub: Path, capsys
) -> None:
    """The county raises the post subsidy from 600 to 700 元 a month from 2027-01-01 and
    publishes it in December, so every village has it by New Year's Day. A pack had one figure
    a rule: December 2026, claimed in January as it always is, was paid 700 元 and its papers
    cited the 2027 notice. The new figure now applies from its day, the months before keep the
    figure in force then, each citing its own document."""
    from fieldapp.policy.eligibility import Status, evaluate_rule
    from tests.policy.helpers import person, spell

    code, _, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=600",
        "--extend", "welfare_post_subsidy=2027-12-31", *DOC,
    )  # fmt: skip
    assert code == 0, err
    code, _, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=700", "--figure-from", "2027-01-01",
        "--document", "七人社通〔2026〕20号", "--document-title", "关于调整2027年公益性岗位补贴标准的通知",
    )  # fmt: skip
    assert code == 0, err
    rule = in_force(hub).rule("welfare_post_subsidy")
    post = {"form": "公益性岗位", "place_code": "520502001", "employer": "红星村保洁岗"}
    holder = person(spells=(spell(dt.date(2026, 7, 1), contract_months=12, **post),))
    december = evaluate_rule(rule, holder, dt.date(2026, 12, 31))
    january = evaluate_rule(rule, holder, dt.date(2027, 1, 31))
    assert december.status is Status.ELIGIBLE and january.status is Status.ELIGIBLE
    assert (december.amount, january.amount) == (600, 700)
    assert (
        "县定标准、执行至2027年12月31日（" in december.clause
        and "七人社通〔2026〕3号" in december.clause
    )
    assert "20号" not in december.clause
    assert "县定标准：七人社通〔2026〕20号" in january.clause
    # The day as the county's notice writes it (it read 2027-01-01 起执行).
    assert rule.amount_text().endswith(
        "；2027年1月1日起执行，此前 600 元/月（七人社通〔2026〕3号）"
    )
    # The next edition of something else keeps both figures and their days.
    code, _, err = edit(capsys, hub, "--income-line", "650", *DOC)
    assert code == 0, err
    rule = in_force(hub).rule("welfare_post_subsidy")
    assert evaluate_rule(rule, holder, dt.date(2026, 12, 31)).amount == 600
    assert evaluate_rule(rule, holder, dt.date(2027, 1, 31)).amount == 700
    # A figure changed again without a day applies to every month, the earlier figure gone.
    code, _, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=650", "--document", "七人社通〔2026〕21号"
    )
    assert code == 0, err
    rule = in_force(hub).rule("welfare_post_subsidy")
    assert evaluate_rule(rule, holder, dt.date(2026, 12, 31)).amount == 650


def test_a_new_monitoring_line_from_a_day_keeps_the_old_line_before_it(hub: Path, capsys) -> None:
    """`--figure-from` dates a new monitoring line as it dates a figure."""
    code, _, err = edit(capsys, hub, "--income-line", "650", *DOC)
    assert code == 0, err
    code, _, err = edit(
        capsys, hub, "--income-line", "700", "--figure-from", "2027-01-01",
        "--document", "七人社通〔2026〕20号",
    )  # fmt: skip
    assert code == 0, err
    lines = in_force(hub).lines
    assert lines.income_line_on(dt.date(2026, 12, 1)) == (650, "七人社通〔2026〕3号")
    assert lines.income_line_on(dt.date(2027, 1, 1)) == (700, "七人社通〔2026〕20号")
    # A line set again without a day applies to every month.
    code, _, err = edit(capsys, hub, "--income-line", "720", "--document", "七人社通〔2026〕21号")
    assert code == 0, err
    assert in_force(hub).lines.income_line_on(dt.date(2026, 12, 1)) == (720, "七人社通〔2026〕21号")


def test_a_new_years_figure_past_its_rules_end_is_said_when_published(hub: Path, capsys) -> None:
    """The county's post subsidy was extended to 2026-12-31 by this year's notice; in December
    the clerk publishes next year's 700 元 from 2027-01-01 (as docs/policy.md shows) without
    extending the rule into 2027. Nothing was said: every device took the pack, and from New
    Year's Day the subsidy was no longer claimable at all, the new figure never paid. The clerk
    is now told at once, with what to add; the pack is still published."""
    code, _, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=600",
        "--extend", "welfare_post_subsidy=2026-12-31", *DOC,
    )  # fmt: skip
    assert code == 0 and "用不上" not in err, err
    code, out, err = edit(
        capsys, hub, "--figure", "welfare_post_subsidy=700", "--figure-from", "2027-01-01",
        "--document", "七人社通〔2026〕20号",
    )  # fmt: skip
    assert code == 0 and "已签发" in out
    assert (
        "乡村公益性岗位补贴的新金额2027年1月1日起执行，但这项补贴只执行到2026年12月31日，新金额用不上"
        in err
    ), err
    assert "--extend welfare_post_subsidy=" in err, err
    code, _, err = edit(
        capsys, hub, "--extend", "welfare_post_subsidy=2027-12-31",
        "--document", "七人社通〔2026〕20号",
    )  # fmt: skip
    assert code == 0 and "用不上" not in err, err


def test_the_edit_names_the_pack_in_words_not_by_its_id(hub: Path, tmp_path: Path, capsys) -> None:
    """`hub policy edit` said 已签发县级政策包 county（第 1 号）: the pack's id, a word no paper or
    page uses. It now says the pack's title, as 设置 and `policy show` do; the --out draft too."""
    code, out, err = edit(capsys, hub, "--income-line", "650", *DOC)
    assert code == 0, err
    assert "已签发县级政策包“县级就业帮扶政策”（第 1 号）" in out, out
    assert "county" not in out
    draft = tmp_path / "草稿.toml"
    title = ["--title", "七星关区就业帮扶政策（2027年）"]
    code, out, err = edit(capsys, hub, "--income-line", "660", *DOC, *title, "--out", str(draft))
    assert code == 0, err
    assert out.startswith("已写出县级政策包“七星关区就业帮扶政策（2027年）”"), out
    assert "county" not in out


#: The county editor's and the registry's refusals, as the code of 14f95f14 said them (recorded
#: from it), by scenario.
REFUSED_BEFORE = {
    "extension_undocumented": "延续执行政策必须写明县里的文件文号",
    "line_negative": "监测收入线是每月的金额（元），不能为负数：收到 -5",
    "day_both": "2027-03-01 既是县定放假日又是县定上班日",
    "figure_undocumented": (
        "设定县定金额须写明县里定这个金额的文件文号：申请表、花名册和公示表引用它作为补贴标准的依据"
    ),
    "line_undocumented": (
        "设定防止返贫监测收入线须写明县里定这条线的文件文号：公益性岗位收入超线的提醒引用它"
    ),
    "extension_needless": (
        "“一次性交通补助（跨县务工）”（黔府发〔2023〕12号 附件2 第（四）条）长期有效，不需要延续执行"
    ),
    "extension_earlier": (
        "“一次性吸纳就业补贴（吸纳新返乡农村劳动力）”（黔府发〔2023〕12号 附件2 第（八）条）"
        "延续执行到 2024-12-31 不晚于文件原定的结束日期 2025-12-31：延续执行请填写更晚的日期"
    ),
    "one_base": "应有且只有一个基础政策包，找到 0 个",
    "older_installed": (
        "本机已启用政策包“七星关区就业帮扶政策（2026年）”的 2026.2 版，比 2026.1 版新；"
        "要换回旧版，请县里按新版本号重新发布"
    ),
}


def editor_refusals(folder: Path) -> dict[str, PackError]:
    """Each refusal of the county editor (an extension without its document, a negative
    monitoring line, a day off and worked, a figure and a line without their document, an
    extension of a rule without end, one not past its end) and of the registry (no base pack,
    an older edition installed by hand after a newer one), made for real."""
    from tests.policy.helpers import COUNTY_PACK

    base = PolicyRegistry(local=folder / "local").base_files()
    document = Document(number="某人社通〔2026〕1号", title="通知", issuer="某县人社局")
    day = dt.date(2027, 3, 1)
    edits = {
        "extension_undocumented": CountyEdit(extensions={"absorb_returned": dt.date(2026, 12, 31)}),
        "line_negative": CountyEdit(income_line=-5),
        "day_both": CountyEdit(extra_holidays=[day], extra_workdays=[day]),
        "figure_undocumented": CountyEdit(figures={"transport_cross_county": 400}),
        "line_undocumented": CountyEdit(income_line=650),
        "extension_needless": CountyEdit(
            extensions={"transport_cross_county": dt.date(2026, 12, 31)}, document=document
        ),
        "extension_earlier": CountyEdit(
            extensions={"absorb_returned": dt.date(2024, 12, 31)}, document=document
        ),
    }
    found: dict[str, PackError] = {}
    folder.mkdir(exist_ok=True)
    for name, made in edits.items():
        with pytest.raises(PackError) as refused:
            edit_county_pack(base, None, made, version="1", today=dt.date(2026, 12, 1))
        found[name] = refused.value
    (folder / "empty").mkdir()
    with pytest.raises(PackError) as refused:
        PolicyRegistry(base=folder / "empty", local=folder / "local").base_files()
    found["one_base"] = refused.value
    (folder / "local").mkdir()
    registry = PolicyRegistry(local=folder / "local")
    newer = folder / "newer" / "county.toml"
    newer.parent.mkdir()
    newer.write_text(COUNTY_PACK.replace('version = "2026.1"', 'version = "2026.2"'), "utf-8")
    registry.install(newer)
    older = folder / "county-2026.1.toml"
    older.write_text(COUNTY_PACK, encoding="utf-8")
    with pytest.raises(PackError) as refused:
        registry.install(older)
    found["older_installed"] = refused.value
    return found


def said_here(folder: Path) -> set[str]:
    """The templates `editor_refusals` says (each checked by the test below), and the county
    figures' labels (`test_the_figures_labels_are_said_in_the_windows_language`)."""
    from tests.services.sentence_checks import templates

    labels = [f.label_said for f in _builtin_figures().values()]
    return set().union(
        *(templates(e.said) for e in editor_refusals(folder).values() if e.said),
        *(templates(label) for label in labels),
        *(templates(text) for _rule, text in unused_figures(_unused_figure_policy())),
    )


def _unused_figure_policy() -> Policy:
    """Next year's post subsidy from 2027-01-01, its rule ending 2025-12-31 (not extended)."""
    base = PolicyRegistry(local=Path("/nonexistent")).base_files()
    document = Document(number="七人社通〔2026〕20号", title="通知", issuer="某县人社局")
    edit = CountyEdit(
        figures={"welfare_post_subsidy": 700},
        figure_from=dt.date(2027, 1, 1),
        document=document,
    )
    return edit_county_pack(base, None, edit, version="2026.1")[1]


def test_a_figure_past_its_rules_end_is_said_in_the_windows_language(qapp) -> None:  # noqa: ANN001
    """The county editor's 请检查 of a figure never used: the Chinese as the command line always
    said it; in the English window, English but for the subsidy as the pack names it."""
    from fieldapp.policy.eligibility import UNUSED_FIGURE
    from fieldapp.ui.held_words import part_shown

    [(rule, text)] = unused_figures(_unused_figure_policy())
    assert rule.id == "welfare_post_subsidy" and text.template == UNUSED_FIGURE
    assert str(text) == (
        "乡村公益性岗位补贴的新金额2027年1月1日起执行，但这项补贴只执行到2025年12月31日，"
        "新金额用不上（2025年12月31日以后的月份和就业都不能申领）：请同时写明延续执行到哪一天和"
        "依据的文件"
    )
    with in_english():
        english = part_shown(text)
    assert english.startswith(
        "The new figure of 乡村公益性岗位补贴 applies from 1 January 2027, but the subsidy itself"
        " runs only to 31 December 2025"
    ), english


def _builtin_figures() -> dict[str, FigureField]:
    from fieldapp.policy.combine import combine

    base = PolicyRegistry(local=Path("/nonexistent")).base_files()
    return {f.rule_id: f for f in county_figures(combine(list(base)))}


def test_the_figures_labels_are_said_in_the_windows_language(qapp) -> None:  # noqa: ANN001
    """The county editor labels each figure with its cap or unit: in Chinese as it always was,
    in the English window the cap and unit in English (the subsidy as the pack names it)."""
    from fieldapp.policy import editor
    from fieldapp.ui.held_words import part_shown

    figures = _builtin_figures()
    capped, unit = figures["transport_cross_county"], figures["welfare_post_subsidy"]
    assert capped.label == "一次性交通补助（跨县务工）（最高 500 元）"
    assert unit.cap is None and unit.label == f"{unit.title}（元/月）"
    assert capped.label_said.template == editor.FIGURE_CAPPED
    assert unit.label_said.template == editor.FIGURE_UNIT
    with in_english():
        english = (part_shown(capped.label_said), part_shown(unit.label_said))
    assert english == (
        "一次性交通补助（跨县务工） (at most 500 yuan)",
        f"{unit.title} (yuan a month)",
    )


def test_the_editors_refusals_are_sentences_saying_what_they_said(tmp_path: Path) -> None:
    from fieldapp.policy import editor, registry

    found = editor_refusals(tmp_path)
    assert {name: str(error.problem) for name, error in found.items()} == REFUSED_BEFORE
    assert all(error.said is not None for error in found.values())
    assert {
        editor.EXTENSION_UNDOCUMENTED,
        editor.LINE_NEGATIVE,
        editor.DAY_OFF_AND_WORKED,
        editor.FIGURE_NEEDS_DOCUMENT,
        editor.LINE_NEEDS_DOCUMENT,
        editor.EXTENSION_NEEDLESS,
        editor.EXTENSION_EARLIER,
        registry.ONE_BASE,
        registry.NEWER_IN_USE,
    } <= said_here(tmp_path / "again")


def test_the_editors_refusals_are_said_in_english(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    """In the English window, but for the rule as the pack names it (its title and clause), and
    the pack by its title."""
    import re

    from fieldapp.ui.held_words import part_shown

    found = editor_refusals(tmp_path)
    with in_english():
        shown = {name: part_shown(error.problem) for name, error in found.items()}
    for name, text in shown.items():
        # (a rule by its title and clause, a pack by its title: as the county named them)
        left = re.sub(r"“[^”]*”(（黔府发.*?条）)?", "", text)
        assert not re.search(r"[\u4e00-\u9fff]", left), (name, text)
    # A pack by its title, never by its program id.
    assert shown["older_installed"].startswith(
        "This computer already uses version 2026.2 of policy pack “七星关区就业帮扶政策（2026年）”"
    )
    assert "qixingguan" not in shown["older_installed"]
