"""Rosters: rows across page breaks, subtotals per page, totals, page numbers, funding sources."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from fieldapp.domain.claims import ClaimState
from fieldapp.paperwork import roster as roster_mod
from fieldapp.paperwork.jobs import roster_job
from fieldapp.paperwork.numerals import capitals
from fieldapp.paperwork.paper_data import PaperData
from fieldapp.paperwork.roster import paginate, render_notice, render_roster
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import RosterRow, RosterView
from tests.paperwork.builders import EMPLOYMENT_FUND, LIFTED_FUND, add_claims, approve, id_for
from tests.paperwork.pdftext import ID_RE, assert_fonts_embedded, page_texts
from tests.paperwork.roster_views import PER_PAGE, _roster

#: One section on one page: the rows plus its total row.
ONE_PAGE = PER_PAGE - 1


SUBTOTAL = re.compile(r"本页小计\s*(\d+)\s*人\s*大写：人民币(\S+?)\s+([\d.]+)")
TOTAL = re.compile(r"合\s*计\s*(\d+)\s*人\s*大写：人民币(\S+?)\s+([\d.]+)")
PAGE_NO = re.compile(r"第 (\d+) 页 共 (\d+) 页")


def _check(pdf: bytes, view: RosterView) -> list[str]:
    """Every row printed once, subtotals add up to the total, pages numbered 1..m."""
    texts = page_texts(pdf)
    seen: list[str] = []
    subtotal = Decimal(0)
    for n, text in enumerate(texts, start=1):
        ids = ID_RE.findall(text)
        seen += ids
        count, words, amount = SUBTOTAL.search(text).groups()
        assert int(count) == len(ids)
        expected = sum(Decimal(str(r.amount)) for r in view.rows if r.id_number in ids)
        assert Decimal(amount) == expected
        assert words == capitals(expected)
        subtotal += Decimal(amount)
        assert PAGE_NO.search(text).groups() == (str(n), str(len(texts)))
    assert sorted(seen) == sorted(r.id_number for r in view.rows)
    total = TOTAL.search(texts[-1]).groups()
    assert int(total[0]) == len(view.rows)
    assert Decimal(total[2]) == subtotal == sum(Decimal(str(r.amount)) for r in view.rows)
    assert total[1] == capitals(subtotal)
    return texts


@pytest.mark.parametrize(
    ("rows", "pages"), [(1, 1), (ONE_PAGE, 1), (ONE_PAGE + 1, 2), (PER_PAGE * 2, 3)]
)
def test_rows_across_page_breaks(rows, pages):
    view = _roster(rows)
    pdf = render_roster(view, PaperSettings(county_name="播州区"))
    texts = _check(pdf, view)
    assert len(texts) == pages
    assert "播州区一次性交通补助发放花名册" in texts[0]
    for text in texts:
        # The header repeats on every page.
        assert "序号" in text and "身份证号码" in text and "领取人签字" in text
        assert "制表人" in text and "审核人" in text and "审批人" in text


def test_a_thousand_rows():
    view = _roster(1000)
    pdf = render_roster(view)
    texts = _check(pdf, view)
    assert len(texts) == len(paginate(1000, PER_PAGE, 1))
    assert_fonts_embedded(pdf)


def test_names_ids_and_accounts_are_printed_in_full():
    view = _roster(3)
    text = page_texts(render_roster(view))[0]
    for row in view.rows:
        assert row.name in text and row.id_number in text and row.account in text


def test_split_by_funding_source_with_own_numbering_and_grand_total():
    view = _roster(ONE_PAGE + 5, funds=(LIFTED_FUND, EMPLOYMENT_FUND))
    pdf = render_roster(view)
    texts = page_texts(pdf)
    by_fund: dict[str, list[str]] = {}
    for text in texts:
        fund = LIFTED_FUND if f"资金来源：{LIFTED_FUND}" in text else EMPLOYMENT_FUND
        by_fund.setdefault(fund, []).append(text)
        assert (f"资金来源：{LIFTED_FUND}" in text) != (f"资金来源：{EMPLOYMENT_FUND}" in text)
    for fund, pages in by_fund.items():
        rows = [r for r in view.rows if r.funding_source == fund]
        ids = [i for t in pages for i in ID_RE.findall(t)]
        assert sorted(ids) == sorted(r.id_number for r in rows)
        numbers = [PAGE_NO.search(t).groups() for t in pages]
        assert numbers == [(str(n), str(len(pages))) for n in range(1, len(pages) + 1)]
        total = TOTAL.search(pages[-1]).groups()
        assert Decimal(total[2]) == sum(Decimal(str(r.amount)) for r in rows)
    grand = re.search(r"2项资金总计\s*(\d+)\s*人.*?([\d.]+)\n", texts[-1], re.S)
    assert int(grand.group(1)) == len(view.rows)
    assert Decimal(grand.group(2)) == sum(Decimal(str(r.amount)) for r in view.rows)


def test_long_text_shrinks_or_wraps_but_is_never_cut():
    long_fact = "广东省东莞市长安镇某某精密五金塑胶制品有限公司第三分厂（组织输出：播州区劳务公司）"
    view = RosterView(
        "b",
        "一次性交通补助",
        (
            RosterRow(
                "欧阳明月",
                "女",
                id_for(1),
                "脱贫人口、易地搬迁人口、农村低保对象",
                long_fact,
                500,
                "6230520102000000001",
            ),
        ),
    )
    text = page_texts(render_roster(view))[0].replace("\n", "")
    assert long_fact in text


def test_paginate_never_leaves_a_total_alone():
    for count in range(1, 3 * PER_PAGE):
        ranges = paginate(count, PER_PAGE, 1)
        assert ranges[0][0] == 0 and ranges[-1][1] == count
        assert all(end - start <= PER_PAGE for start, end in ranges)
        assert ranges[-1][1] - ranges[-1][0] >= (1 if len(ranges) == 1 else 3)
        assert ranges[-1][1] - ranges[-1][0] <= PER_PAGE - 1


def test_progress_and_cancel():
    from fieldapp.domain.progress import Cancelled

    seen: list[tuple[int, int]] = []
    render_roster(_roster(PER_PAGE * 2), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(Cancelled, match="打印已取消"):
        render_roster(
            _roster(PER_PAGE * 2), progress=lambda d, t: None, cancelled=lambda: len(seen) > 0
        )
    assert roster_mod.PAGE_W > roster_mod.PAGE_H  # landscape


def test_no_page_of_a_roster_or_notice_carries_a_lone_row():
    """A batch of one page's rows and one more printed its last row alone on a second page
    under the header, then 本页小计, 合计 and the signatures (a page a clerk sends back, and a
    notice of one name to post). The last page now takes rows from the one before, so it
    keeps three; every row is printed once and the sums still add up."""
    from fieldapp.paperwork.views import NoticeView

    for count in (ONE_PAGE + 1, PER_PAGE, PER_PAGE + 1, 2 * PER_PAGE - 1):
        view = _roster(count)
        for pdf in (
            render_roster(view),
            render_notice(NoticeView(view, dt.date(2026, 12, 7), dt.date(2026, 12, 11))),
        ):
            texts = page_texts(pdf)
            assert len(texts) > 1, count
            rows = [len(re.findall(r"\b\d{6}\*{8}\w{4}|" + ID_RE.pattern, t)) for t in texts]
            assert min(rows) >= 3, (count, rows)
            assert sum(rows) == count, (count, rows)
        _check(render_roster(view), view)


def test_roster_from_the_ledger_shows_each_claims_frozen_spell(ledger):
    # The builders store claim facts in the shape claims had before they were typed.
    batch_id, claims = add_claims(ledger, 3)
    view = roster_job(ledger, batch_id).view
    assert isinstance(view, RosterView)
    assert view.fact_label == "务工地点（用工单位）"
    assert {row.claim_id for row in view.rows} == set(claims)
    assert {row.fact for row in view.rows} == {"浙江省宁波市北仑区（宁波某某电子有限公司）"}


@pytest.mark.parametrize("written", ["", "330206"])
def test_a_job_recorded_by_its_code_alone_is_named_on_the_roster_and_form(ledger, written):
    # A spell whose place came as a code alone (a sheet's 务工地点代码, another device's record)
    # printed 330206 under 务工地点 — a code no township clerk or villager reads; so did one
    # whose code was written as its place (as the demo and old sheets have it).
    batch_id, claims = add_claims(ledger, 2, place_name=written)
    view = roster_job(ledger, batch_id).view
    assert isinstance(view, RosterView)
    assert {row.fact for row in view.rows} == {"浙江省宁波市北仑区（宁波某某电子有限公司）"}
    form = PaperData(ledger).form(claims[0])
    assert ("务工地点", "浙江省宁波市北仑区") in [(f.label, f.value) for f in form.facts]


def test_a_day_on_the_five_rosters_is_never_broken_across_lines(repo):
    """Written as the papers' days, 开始日期 2026年10月27日 no longer fit its column and was
    wrapped 2026年10 / 月27日: a day split in two. The day columns are wider and a day shrinks
    to its cell rather than break."""
    from fieldapp.paperwork.jobs import rosters_job
    from tests.paperwork.pdftext import pdftotext
    from tests.policy.helpers import D, populate, post_worker

    populate(repo)
    post_worker(repo, D(2026, 10, 27))
    pages = pdftotext(rosters_job(repo.ledger, "520502", D(2026, 11, 30)).render(), layout=False)
    post = next(p for p in pages if "公益性岗位名册" in p)
    assert "2026年10月27日" in post.split(), post
    for page in pages:
        # No line ends in a day begun and not finished (2026年10, 2026年10月27).
        cut = re.findall(r"\d{4}年(?:\d{1,2}(?:月\d{0,2})?)?$", page, re.M)
        assert not cut, cut


def test_a_job_in_the_papers_own_county_is_named_from_below_the_county(ledger):
    """An employer's claim for a worker at a 帮扶车间 of the county printed 务工地点
    贵州省遵义市播州区鸭溪镇 in a box of the 播州区…申请表 — shrunk to two lines of 6-point type
    — and the same over four lines of the roster's narrow column, while the 一库五册 says
    鸭溪镇. The form, the 花名册 and the 公示表 say a job in their own county from below it too;
    a job anywhere else is named whole."""
    from fieldapp.paperwork.jobs import notice_job

    batch_id, claims = add_claims(ledger, 2, place_name="贵州省遵义市播州区鸭溪镇")
    view = roster_job(ledger, batch_id).view
    assert isinstance(view, RosterView)
    assert {row.fact for row in view.rows} == {"鸭溪镇（宁波某某电子有限公司）"}
    form = PaperData(ledger).form(claims[0])
    assert ("务工地点", "鸭溪镇") in [(f.label, f.value) for f in form.facts]
    notice = notice_job(ledger, batch_id, dt.date(2026, 11, 2)).render()
    posted = "".join("".join(page_texts(notice)).split())
    assert "鸭溪镇（宁波某某电子有限公司）" in posted and "播州区鸭溪镇" not in posted


def test_a_training_subsidys_roster_says_the_days_it_pays(repo):
    """培训生活费补贴 is paid by the day (李四's 10 days of training: 400 元); its 花名册 and
    公示表 said 服务项目职业培训；服务日期2025-10-09 and no days, so the clerk checking 280, 400,
    520 元 against 40 元 a day — and the villager reading the notice — could not tell whether
    an amount was right. They now say the days paid, as the 申请表 does."""
    from fieldapp.paperwork.jobs import notice_job
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from tests.policy.helpers import populate

    ids = populate(repo)
    policy = load_policy(repo.ledger).policy
    service = ClaimService(repo.ledger, policy)
    claim = service.create(ids["jobless"], "training_living", on=dt.date(2025, 10, 20))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    batch, _ = service.create_batch("training_living")
    approve(service, claim.id)  # the 发放花名册 lists what the county approved
    roster = "".join("".join(page_texts(roster_job(repo.ledger, batch.id).render())).split())
    notice = notice_job(repo.ledger, batch.id, dt.date(2025, 11, 3), policy).render()
    posted = "".join("".join(page_texts(notice)).split())
    for paper in (roster, posted):
        assert "培训天数：10天" in paper and "400.00" in paper, paper
        # Each fact 标签：值 (it read 服务项目职业培训；服务日期2025-10-09；培训天数10 天).
        assert "服务项目：职业培训；服务日期：2025年10月9日；培训天数：10天" in paper


def test_a_claimant_of_no_group_is_named_other_rural_labour_on_every_paper(repo):
    """陈七 belongs to none of the groups (脱贫人口, 易地搬迁人口 …): the 一次性交通补助（其他农村
    劳动力新跨省务工） is for just such a worker, and his 申请表, 花名册 and 公示表 left 人员类别
    blank — a box the township clerk sends back unfilled. It now says 其他农村劳动力, the
    ledger's people all being its rural labour."""
    from fieldapp.domain.models import EmploymentSpell, Household, Person
    from fieldapp.paperwork.jobs import form_job, notice_job
    from fieldapp.services.claims import ClaimService
    from fieldapp.services.policy_admin import load_policy
    from tests.conftest import make_id
    from tests.policy.helpers import HOME, OUT_OF_PROVINCE, populate

    populate(repo)
    number = make_id("520502", "19880808", "335")
    with repo.ledger.transaction():
        home = repo.save(Household(area_code=HOME, household_no="012"))
        pid, _ = repo.add_person(Person(household_id=home, name="陈七", id_number=number))
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=dt.date(2025, 6, 1),
                place_code=OUT_OF_PROVINCE,
                employer="某鞋厂",
                contract_months=12,
                insurance_months=3,
            )
        )
    policy = load_policy(repo.ledger).policy
    service = ClaimService(repo.ledger, policy)
    rule = "transport_other_rural_cross_province"
    claim = service.create(number, rule, on=dt.date(2025, 10, 20))
    service.advance(claim.id, ClaimState.SUBMITTED, "材料后补")
    batch, _ = service.create_batch(rule)
    approve(service, claim.id)  # the 发放花名册 lists what the county approved
    papers = (
        form_job(repo.ledger, claim.id).render(),
        roster_job(repo.ledger, batch.id).render(),
        notice_job(repo.ledger, batch.id, dt.date(2025, 11, 3), policy).render(),
    )
    for pdf in papers:
        assert "其他农村劳动力" in "".join("".join(page_texts(pdf)).split()).replace(
            "（其他农村劳动力新跨省务工）", ""
        )


def test_a_person_of_no_group_is_other_rural_labour_in_the_five_rosters_too(repo, tmp_path):
    """The 一库五册 — printed and in Excel — left 陈七's 人员类别 blank on the 劳动力名册 and the
    转移就业名册, where his 申请表, 花名册 and 公示表 say 其他农村劳动力: the same person in two
    words, and a blank box the township sends back. Every roster now says 其他农村劳动力 too."""
    from openpyxl import load_workbook

    from fieldapp.domain.models import EmploymentSpell, Household, Person
    from fieldapp.paperwork.jobs import rosters_job
    from fieldapp.policy.rosters import COLUMNS, LABOUR, MIGRANT
    from fieldapp.services.report import five_rosters
    from fieldapp.tabular.five_rosters import write_five_rosters
    from tests.conftest import make_id
    from tests.policy.helpers import HOME, OUT_OF_PROVINCE, populate

    populate(repo)
    number = make_id("520502", "19880808", "335")
    with repo.ledger.transaction():
        home = repo.save(Household(area_code=HOME, household_no="012"))
        pid, _ = repo.add_person(Person(household_id=home, name="陈七", id_number=number))
        repo.save(
            EmploymentSpell(
                person_id=pid, start_date=dt.date(2025, 6, 1), place_code=OUT_OF_PROVINCE
            )
        )
    on = dt.date(2025, 10, 31)
    rosters = five_rosters(repo.ledger, HOME, on)
    out = tmp_path / "一库五册.xlsx"
    write_five_rosters(rosters, out)
    book = load_workbook(out)
    for name in (LABOUR, MIGRANT):
        columns = COLUMNS[name]
        (row,) = [r for r in rosters.sheets[name] if r[columns.index("身份证号")] == number]
        assert row[columns.index("人员类别")] == "其他农村劳动力", name
        sheet = book[name]
        header = next(
            i for i, cells in enumerate(sheet.iter_rows(values_only=True)) if "人员类别" in cells
        )
        rows = list(sheet.iter_rows(values_only=True))
        at = rows[header].index("人员类别")
        (cells,) = [r for r in rows[header + 1 :] if number in r]
        assert cells[at] == "其他农村劳动力", name
        flat = "".join(
            "".join(page_texts(rosters_job(repo.ledger, HOME, on, name).render())).split()
        )
        line = flat[flat.index("陈七") :][:80]
        assert "其他农村劳动力" in line, (name, line)


def test_the_five_rosters_write_their_days_as_papers_do(repo):
    """The printed 一库五册 said 开始日期 2025-05-05 and 培训日期 2025-10-09 under a heading
    截至2026年8月1日 (a county clerk sends ISO days back). Every day on it is written as the
    papers' other days now (2025年10月9日); the Excel workbook keeps its dates."""
    import re

    from fieldapp.paperwork.jobs import rosters_job
    from tests.paperwork.pdftext import pdftotext
    from tests.policy.helpers import D, populate, post_worker

    populate(repo)
    post_worker(repo, D(2026, 7, 1))
    pages = pdftotext(rosters_job(repo.ledger, "520502", D(2026, 8, 1)).render(), layout=False)
    said = "".join("".join(pages).split())
    assert not re.findall(r"\d{4}-\d\d(?:-\d\d)?", said)
    trained = next(p for p in pages if "培训名册" in p)
    assert "2025年10月9日" in "".join(trained.split())
    posts = next(p for p in pages if "公益性岗位名册" in p)
    assert "2026年7月1日" in "".join(posts.split())


def test_a_long_name_breaks_where_its_parts_meet():
    """A name of parts (欧阳娜仁其木格·阿依古丽, as an ID card writes a name of the minorities)
    was wrapped by the width of the 姓名 column: 欧阳娜仁其木 / 格·阿依古丽 on the 花名册 and the
    公示表, a name cut where no one would cut it. It now breaks after the ·, each part whole."""
    from fieldapp.paperwork.views import NoticeView
    from tests.paperwork.pdftext import pdftotext

    name = "欧阳娜仁其木格·阿依古丽"
    row = RosterRow(name, "女", id_for(1), "脱贫人口", "浙江省宁波市北仑区", 500, "62305201")
    roster = RosterView("b1", "一次性交通补助", (row,), area_name="龙坑街道")
    notice = NoticeView(roster, dt.date(2026, 12, 7), dt.date(2026, 12, 11))
    for pdf in (render_roster(roster), render_notice(notice)):
        (page,) = pdftotext(pdf, layout=False)
        lines = [line.strip() for line in page.splitlines()]
        assert "欧阳娜仁其木格·" in lines and "阿依古丽" in lines, page


def test_the_five_rosters_name_a_unit_of_their_own_county_from_below_it(repo):
    """The 公益性岗位名册 of 七星关区 printed 岗位 七星关区公益性岗位（保洁员）, and the
    劳动力名册 its 工作单位 so, over three lines of small type in a narrow column: the paper's own
    county said again on every row. A unit of the county is named from below it now
    (公益性岗位（保洁员）), as its places are, and the 公益性岗位名册 — every row a 公益性岗位 —
    names the post alone (保洁员)."""
    from fieldapp.paperwork.jobs import rosters_job
    from tests.paperwork.pdftext import pdftotext
    from tests.policy.helpers import D, populate, post_worker

    populate(repo)
    post_worker(repo, D(2026, 7, 1), employer="七星关区公益性岗位（保洁员）")
    pages = pdftotext(rosters_job(repo.ledger, "520502", D(2026, 8, 1)).render(), layout=False)
    labour = "".join(next(p for p in pages if "劳动力名册" in p).split())
    assert "公益性岗位（保洁员）" in labour, labour
    posts = "".join(next(p for p in pages if "公益性岗位名册" in p).split())
    assert "保洁员" in posts and "公益性岗位（" not in posts, posts
    for page in (labour, posts):
        assert "七星关区公益性岗位" not in page, page


@pytest.mark.parametrize("written", ["", "520502199"])
def test_a_job_recorded_by_a_code_the_ledger_names_is_named_on_the_five_rosters(repo, written):
    """A job recorded by its township's code alone, a township the division table does not
    name (a new one, or one of a county's retired code: 522427100) and the ledger does
    (新发镇): the 一库五册 printed 就业地点 522427100, or only the county — digits a clerk
    cannot read (the code written as its place, as the demo and old sheets have it), or a
    place less than the ledger knows. It names the ledger's township."""
    from fieldapp.domain.models import Area
    from fieldapp.paperwork.jobs import rosters_job
    from tests.paperwork.pdftext import pdftotext
    from tests.policy.helpers import D, populate, post_worker

    populate(repo)
    with repo.ledger.transaction():
        repo.ensure_area(Area(code="520502199", name="新发镇", kind="乡镇", parent_code="520502"))
    post_worker(repo, D(2026, 7, 1), place_code="520502199", place_name=written)
    pages = pdftotext(rosters_job(repo.ledger, "520502", D(2026, 8, 1)).render(), layout=False)
    labour = "".join(next(p for p in pages if "劳动力名册" in p).split())
    assert "新发镇" in labour, labour
    assert not re.search(r"(?<!\d)520502199(?!\d)", labour), labour


def test_a_post_still_held_reads_at_post_on_the_printed_welfare_roster(repo):
    """The printed 公益性岗位名册 left 结束日期 blank for a post still held — a box that reads as
    one forgotten, on a roster that lists only the posts held on its day. It says 在岗 now (as
    the 务工证明 says 至今在岗); a post with its end set prints that day; the Excel sheet keeps
    the cell empty, as its import reads a post still held."""
    from fieldapp.domain.models import EmploymentSpell
    from fieldapp.paperwork.jobs import rosters_job
    from fieldapp.policy.rosters import COLUMNS
    from fieldapp.services.report import five_rosters
    from tests.paperwork.pdftext import pdftotext
    from tests.policy.helpers import D, populate, post_worker

    populate(repo)
    pid, _number = post_worker(repo, D(2026, 7, 1))
    with repo.ledger.transaction():
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=D(2026, 7, 15),
                end_date=D(2026, 12, 31),
                form="公益性岗位",
                place_code="520502001",
                employer="红星村护林岗",
                contract_months=6,
            )
        )
    on = D(2026, 8, 1)
    (page,) = [
        p
        for p in pdftotext(rosters_job(repo.ledger, "520502", on, "公益性岗位名册").render())
        if "赵六" in p
    ]
    held = next(line for line in page.splitlines() if "保洁岗" in line)
    ending = next(line for line in page.splitlines() if "护林岗" in line)
    assert "在岗" in held.split(), held
    assert "2026年12月31日" in ending and "在岗" not in ending.split(), ending
    sheet = five_rosters(repo.ledger, "520502", on).sheets["公益性岗位名册"]
    column = COLUMNS["公益性岗位名册"].index("结束日期")
    ends = sorted(str(row[column]) for row in sheet if row[1] == "赵六")
    assert ends == ["", "2026-12-31"], ends
