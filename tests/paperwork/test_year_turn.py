"""The papers over the year turn: claims and persons spanning December 2026 and January 2027.

A month's subsidy is claimed after the month (December's in early January, judged on December's
last day); the papers print the day it was made, the month it pays and the figure and document
of that month.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import openpyxl
import pytest
import time_machine

from fieldapp.cli.main import main as cli
from fieldapp.domain.claims import Claim, ClaimState
from fieldapp.domain.dates import CHINA, written
from fieldapp.domain.models import CategoryMembership, EmploymentSpell, Household, Person
from fieldapp.paperwork.jobs import (
    certificate_job,
    duties_job,
    form_job,
    forms_job,
    notice_job,
    roster_job,
)
from fieldapp.paperwork.paper_data import batch_basis
from fieldapp.paperwork.roster import capacity, render_roster, table_top
from fieldapp.paperwork.views import RosterRow, RosterView
from fieldapp.policy.combine import combine
from fieldapp.policy.households import DutyFlag
from fieldapp.policy.pack import Policy
from fieldapp.policy.packfile import parse_pack_text
from fieldapp.policy.registry import PolicyRegistry
from fieldapp.services.claims import ClaimService
from fieldapp.services.report import monthly_report
from fieldapp.store.hlc import HybridClock, format_stamp
from fieldapp.store.ledger import Ledger
from fieldapp.tabular.report_monthly import write_monthly_report
from tests.conftest import make_id
from tests.paperwork.builders import NAMES, approve, id_for
from tests.paperwork.packs import RAISED
from tests.paperwork.pdftext import page_texts, reader
from tests.policy.helpers import (
    EXTENDED_PACK,
    HOME,
    extended_policy,
    populate,
    post_worker,
)
from tests.records import Records
from tests.tabular.sheets import claims_table


def _raised() -> Policy:
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    return combine([*base, ("county.toml", parse_pack_text(RAISED, "county.toml"))])


def sizes(pdf: bytes, page: int = 0) -> list[tuple[str, float]]:
    """Each piece of text drawn on a page with the font size it is drawn at."""
    found: list[tuple[str, float]] = []

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            found.append((text, size * abs(tm[3]) * abs(cm[3] or 1)))

    reader(pdf).pages[page].extract_text(visitor_text=seen)
    return found


#: The days `at` has moved the machine to in this test, undone when it ends.
_TRAVELS: list[time_machine.travel] = []


@pytest.fixture(autouse=True)
def _back_to_today() -> Iterator[None]:
    yield
    while _TRAVELS:
        _TRAVELS.pop().stop()


def at(ledger: Ledger, when: dt.datetime) -> None:
    """The ledger's clock as on the laptop at `when` (local time): what it writes is made then —
    and the machine's day too (time-machine, `when` in China), so the write door, which refuses
    a claim for a month not yet come, judges on that day."""
    ms = int(when.timestamp() * 1000)
    ledger.clock = HybridClock(ledger.get_meta("hlc"), now_ms=lambda: ms)
    travel = time_machine.travel(when.replace(tzinfo=CHINA), tick=True)
    travel.start()
    _TRAVELS.append(travel)


def _months_in_work(ledger: Ledger, claim_id: str) -> int:
    """The 稳定就业月数 the claim's 申请表 prints."""
    flat = "".join("".join(page_texts(form_job(ledger, claim_id).render())).split())
    found = re.search(r"稳定就业月数(\d+)个月", flat)
    assert found is not None, flat
    return int(found.group(1))


def test_a_december_claim_made_in_january_prints_the_day_it_was_made(repo: Records) -> None:
    """December's post subsidy, claimed on 5 January (judged on December's last day, the month
    it pays): the 申请表 printed 申请日期 2026-12-31 — a day the villager never applied, before
    the form could have been signed. It prints the day the claim was made; 发放月份 stays
    2026年12月."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    at(repo.ledger, dt.datetime(2027, 1, 5, 9, 30))
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 12, 31),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    (text,) = page_texts(form_job(repo.ledger, claim.id).render())
    flat = "".join(text.split())
    assert "申请日期：2027年1月5日" in flat  # as its blank 年 月 日 writes it, not 2027-01-05
    assert "2026-12-31" not in flat
    assert "发放月份" in flat and "2026年12月" in flat
    assert "就业开始时间2026年7月1日" in flat  # as its other days (it read 2026-07-01)
    assert "出生年月1980年5月" in flat  # it read 1980-05


@pytest.mark.parametrize(
    ("made", "seen"),
    [
        # A sync brought a change from a laptop whose clock ran 20 hours fast: this ledger's
        # clock moved past it, to the next day.
        (dt.datetime(2027, 1, 5, 9, 30), dt.datetime(2027, 1, 6, 5, 30)),
        # A laptop keeping UTC: at 02:00 on New Year's Day in Guizhou its clock says 18:00 on
        # New Year's Eve (its day is China's for the write door, its stamp its own).
        (dt.datetime(2027, 1, 1, 2, 0), None),
    ],
    ids=["clock carried ahead", "clock behind at the year turn"],
)
def test_a_claims_day_is_the_laptops_day_not_its_ledgers_clock(
    repo: Records, capsys: pytest.CaptureFixture[str], made: dt.datetime, seen: dt.datetime | None
) -> None:
    """申请日期 was read from the claim row's stamp, the ledger's clock: a laptop that synced a
    change from a laptop whose clock ran fast printed December's claim made on 5 January as
    made on 2027-01-06 (and `claim list --json` said made_on 2027-01-06); one keeping UTC
    printed a claim made on New Year's Day as made on 2026-12-31, the year before, counting it
    in December's report. The day the claim was made is the laptop's own day, kept on it."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    at(repo.ledger, made)
    if seen is not None:
        repo.ledger.clock.observe(format_stamp(int(seen.timestamp() * 1000), 0))
    else:  # the ledger's clock runs eight hours behind China's
        ms = int((made - dt.timedelta(hours=8)).timestamp() * 1000)
        repo.ledger.clock = HybridClock(repo.ledger.get_meta("hlc"), now_ms=lambda: ms)
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 12, 31),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    day = written(made.date())
    flat = "".join("".join(page_texts(form_job(repo.ledger, claim.id).render())).split())
    assert f"申请日期：{day}" in flat, flat
    assert "2026年12月" in flat  # the month it pays
    path = str(repo.ledger.path)
    assert cli(["--db", path, "claim", "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["made_on"] == made.date().isoformat()  # --json keeps the data's ISO day


def _december_and_january(repo: Records, policy: Policy, ends: dt.date | None = None) -> str:
    """赵六's post subsidy for December (made 5 January) and January (made 3 February), passed
    by the township and batched together (his post agreement recorded as ending on `ends`):
    the batch's id."""
    populate(repo)
    pid, number = post_worker(repo, place_name="红星村")
    if ends is not None:
        (spell,) = repo.person_records(EmploymentSpell, pid)
        repo.ledger.update("employment_spells", spell.id, {"end_date": ends.isoformat()})
    service = ClaimService(repo.ledger, policy)
    papers = policy.rule("welfare_post_subsidy").evidence
    for on, made in ((dt.date(2026, 12, 31), dt.datetime(2027, 1, 5, 9)),
                     (dt.date(2027, 1, 31), dt.datetime(2027, 2, 3, 9))):  # fmt: skip
        at(repo.ledger, made)
        claim = service.create(number, "welfare_post_subsidy", on=on, evidence_collected=papers)
        service.advance(claim.id, ClaimState.SUBMITTED)
    batch, claims = service.create_batch("welfare_post_subsidy")
    approve(service, *(c.id for c in claims))  # the 发放花名册 lists what the county approved
    return batch.id


def test_the_rosters_funding_and_policy_line_is_printed_readable(repo: Records) -> None:
    """A batch of December's (600 元, 七人社通〔2026〕3号) and January's (700 元, the county's
    later notice extending the rule) post subsidy: the 花名册's line naming 资金来源, 地区 and
    政策依据 was shrunk onto one line to about 3 pt — a grey streak no clerk could read, on every
    roster of a rule the county extended. It is printed at a readable size, wrapped onto as
    many lines as it needs, the table below it."""
    batch_id = _december_and_january(repo, _raised())
    pdf = roster_job(repo.ledger, batch_id).render()
    drawn = sizes(pdf)
    info = [(text, size) for text, size in drawn if "资金来源" in text or "政策依据" in text]
    assert info, drawn
    line = [size for text, size in drawn if "政策依据" in text or "七人社通" in text]
    assert min(line) >= 8.0, info
    (text,) = page_texts(pdf)
    flat = "".join(text.split())
    for words in ("资金来源：衔接推进乡村振兴补助资金", "七人社通〔2026〕3号", "七人社通〔2026〕20号",
                  "2026年12月", "2027年1月", "1人2笔", "1300.00"):  # fmt: skip
        assert words in flat, words


def test_a_certificate_printed_in_december_says_the_day_its_months_are_counted_to(
    repo: Records,
) -> None:
    """赵六's 务工证明 printed on 28 December for the employer to fill and stamp: 连续稳定就业
    printed 5 个月（截至开具之日）, counted on the day it was printed, while 开具日期 is left for
    the employer to write — stamped on 5 January, the paper said 5 months to a day he had
    worked 6. It now says the day the months are counted to: 5 个月（截至2026年12月28日）."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    job = certificate_job(repo.ledger, number, today=dt.date(2026, 12, 28))
    flat = "".join("".join(page_texts(job.render())).split())
    assert "5个月（截至2026年12月28日）" in flat, flat
    assert "截至开具之日" not in flat


def test_a_batch_of_december_and_january_cites_each_months_figure_by_its_document(
    repo: Records,
) -> None:
    """December's post subsidy is paid 600 元 on 七人社通〔2026〕3号, January's 700 元 on the
    county's later notice 七人社通〔2026〕20号, which also extends the rule to 2027's end. The
    花名册 and the posted 公示表 of a batch of both cited the two claims' bases run together:
    …第（十三）条；县定标准：七人社通〔2026〕3号；执行至 2027-12-31（…20号…）；县定标准、执行至
    2027-12-31（…20号…） — the extension said twice, and nothing telling which document set which
    month's figure. Each figure's document is now named with the month it pays, the extension
    once."""
    policy = _raised()
    batch_id = _december_and_january(repo, policy)
    roster = "".join("".join(page_texts(roster_job(repo.ledger, batch_id).render())).split())
    notice_pdf = notice_job(repo.ledger, batch_id, dt.date(2027, 2, 8), policy).render()
    notice = "".join("".join(page_texts(notice_pdf)).split())
    cited = "县定标准：七人社通〔2026〕3号（2026年12月）、七人社通〔2026〕20号（2027年1月）"
    for kind, text in (("花名册", roster), ("公示表", notice)):
        assert cited in text, (kind, text)
        assert text.count("执行至2027年12月31日") == text.count("县定标准") == 1, (kind, text)
        assert (
            "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十三）条" in text
        )


def test_an_extension_prints_its_days_as_papers_write_them(repo: Records) -> None:
    """The county's extension was cited 执行至 2027-12-31（七星关区… 七人社通〔2026〕20号，
    2026-12-10） on every 申请表, 花名册 and 公示表 citing the rule, among days written 2027年1月5日
    — and a claim judged before keeps its citation so. Both now print 执行至2027年12月31日（…，
    2026年12月10日）, and a batch of a claim of each cites the extension once."""
    policy = _raised()
    batch_id = _december_and_january(repo, policy)
    service = ClaimService(repo.ledger, policy)
    december, january = sorted(
        service.queries.batch_claims(batch_id), key=lambda c: c.claim_date or dt.date.min
    )
    assert "执行至2027年12月31日" in january.source_clause  # as the pack cites it now
    kept = january.source_clause.replace("执行至2027年12月31日", "执行至 2027-12-31")
    assert kept != january.source_clause
    repo.ledger.update("claims", january.id, {"source_clause": kept})  # as judged before
    for job in (
        roster_job(repo.ledger, batch_id),
        notice_job(repo.ledger, batch_id, dt.date(2027, 2, 8), policy),
        form_job(repo.ledger, january.id),
    ):
        flat = "".join("".join(page_texts(job.render())).split())
        assert flat.count("执行至2027年12月31日") == 1, flat
        assert "2027-12-31" not in flat and "2026-12-10" not in flat, flat


def test_a_batch_basis_with_each_years_extension_names_each_document_once() -> None:
    """The county extended the rule for 2026 on its January notice (which set 600 元) and for
    2027 on its November one (which set 700 元): December's claim cites 县定标准、执行至
    2026-12-31（…3号…）；执行至 2027-12-31（…20号…）, January's the other way round. The batch's
    basis names each figure's document with its month, and each extension once — its days as
    papers write them, December's claim (judged before) keeping them in ISO."""
    first = "执行至2026年12月31日（七星关区人力资源和社会保障局 七人社通〔2026〕3号，2026年1月5日）"
    second = (
        "执行至2027年12月31日（七星关区人力资源和社会保障局 七人社通〔2026〕20号，2026年11月20日）"
    )
    iso = {"执行至2026年12月31日": "执行至 2026-12-31", "2026年1月5日": "2026-01-05",
           "执行至2027年12月31日": "执行至 2027-12-31", "2026年11月20日": "2026-11-20"}  # fmt: skip
    clause = "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十三）条"

    def claim(month: str, basis: str) -> Claim:
        return Claim(person_id="p", rule_id="welfare_post_subsidy", source_clause=basis,
                     limit_key=f"welfare_post_subsidy|p|month:{month}",
                     claim_date=dt.date.fromisoformat(f"{month}-28"))  # fmt: skip

    january = claim("2027-01", f"{clause}；{first}；县定标准、{second}")
    kept = f"{clause}；县定标准、{first}；{second}"
    for now, then in iso.items():
        kept = kept.replace(now, then)
    december = claim("2026-12", kept)
    assert batch_basis([january, december]) == (
        f"{clause}；县定标准：七人社通〔2026〕3号（2026年12月）、七人社通〔2026〕20号（2027年1月）；"
        f"{first}；{second}"
    )
    assert batch_basis([december, december]) == (  # one basis: as printed
        f"{clause}；县定标准、{first}；{second}"
    )


def test_the_countys_document_numbers_print_in_the_official_form(repo: Records) -> None:
    """The county's IT clerk typed the document numbers as a keyboard lets one — 七人社通[2026]3号
    for the 2026 figure, 七人社通【2026】020号 (the input method's brackets, a padded number) for
    2027's — and every 申请表, 花名册 and posted 公示表 printed them so, not as the documents are
    numbered (七人社通〔2026〕3号, 〔〕 and no padding, as 黔府发〔2023〕12号). They print in the
    official form."""
    typed = RAISED.replace("七人社通〔2026〕3号", "七人社通[2026]3号").replace(
        "七人社通〔2026〕20号", "七人社通【2026】020号"
    )
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(typed, "county.toml"))])
    batch_id = _december_and_january(repo, policy)
    claims = ClaimService(repo.ledger, policy).queries.batch_claims(batch_id)
    papers = {
        **{f"申请表{c.paid_for()}": form_job(repo.ledger, c.id).render() for c in claims},
        "花名册": roster_job(repo.ledger, batch_id).render(),
        "公示表": notice_job(repo.ledger, batch_id, dt.date(2027, 2, 8), policy).render(),
    }
    for kind, pdf in papers.items():
        text = "".join("".join(page_texts(pdf)).split())
        assert "[" not in text and "【" not in text and "020号" not in text, (kind, text)
        assert "七人社通〔2026〕20号" in text, (kind, text)  # 2027's figure, the extension
        assert ("七人社通〔2026〕3号" in text) == (kind != "申请表2027年1月"), (kind, text)


def test_the_household_duties_list_cites_the_countys_line_in_the_official_form(
    ledger: Ledger,
) -> None:
    """The printed 户级责任清单 cited the county's income line as its IT clerk typed the number
    (监测收入线：七人社通[2026]3号), where the other papers now print 七人社通〔2026〕3号."""
    flag = DutyFlag(
        kind="公益性岗位超线",
        household_id="h",
        household_no="009",
        area_code="520502001001",
        text="赵六2026年12月收入 900 元，超过监测收入线 650 元/月（七人社通【2026】03号）",
        clause="黔府发〔2023〕12号 附件2 第（十七）条；监测收入线：七人社通[2026]3号",
        names=["赵六"],
    )
    job = duties_job(
        ledger, [flag], "520502001001", "红星村", dt.date(2027, 1, 31), lambda _code: "红星村"
    )
    flat = "".join("".join(page_texts(job.render())).split())
    assert flat.count("七人社通〔2026〕3号") == 2, flat
    assert "[" not in flat and "【" not in flat, flat


def _post_rows(persons: int, lead: int) -> tuple[RosterRow, ...]:
    """`lead` persons paid for January alone, then `persons` paid for December and January,
    each person's two rows one under the other as the roster orders them."""
    rows: list[RosterRow] = []
    for i in range(lead + persons):
        months = ("2027年1月",) if i < lead else ("2026年12月", "2027年1月")
        for month in months:
            rows.append(
                RosterRow(
                    name=NAMES[i % len(NAMES)],
                    sex="男",
                    id_number=id_for(i),
                    categories="脱贫人口",
                    fact=f"{month} 红星村（红星村保洁岗）",
                    amount=600 if month == "2026年12月" else 700,
                    account=f"62305201020{i:08d}",
                )
            )
    return tuple(rows)


@pytest.mark.parametrize("lead", [0, 1])
def test_a_persons_two_months_split_by_a_page_break_still_add_up(lead: int) -> None:
    """A township's 花名册 of December's and January's post subsidy over several pages: where a
    page break fell between one person's two months, each page's 本页小计 counted them (1 人 on
    each page) while the 合计 said 1 人 2 笔 — the pages' persons summed to more than the total
    and nothing on them added up to its 笔. Once a roster pays anyone for more than one month,
    every 本页小计 says its 笔 as well, and the pages' 笔 add up to the total's."""
    rows = _post_rows(capacity(table_top()), lead)
    view = RosterView("b1", "乡村公益性岗位补贴", rows, "红星村", rule_clause="004（十三）")
    texts = page_texts(render_roster(view))
    assert len(texts) > 1
    pages = [re.search(r"本页小计\s*(\d+)\s*人\s*(\d+)\s*笔", t) for t in texts]
    assert all(pages), texts
    total = re.search(r"合\s*计\s*(\d+)\s*人\s*(\d+)\s*笔", texts[-1])
    assert total is not None
    assert total.groups() == (str(len({r.id_number for r in rows})), str(len(rows)))
    assert sum(int(p.group(2)) for p in pages if p) == len(rows)


@pytest.mark.parametrize("ends", [None, dt.date(2027, 6, 30)])
def test_the_months_in_post_on_a_monthly_subsidys_form_count_the_month_it_pays(
    repo: Records, ends: dt.date | None
) -> None:
    """赵六 has held his 公益性岗位 since 2026-07-01. December's 申请表 (judged on December's last
    day) printed 稳定就业月数 5 个月 under 就业开始时间 2026-07-01 and 发放月份 2026年12月 — July to
    December, the months he is paid for, are 6 — and January's printed 6 for 7: the months were
    counted to the morning of the judging day — and with the agreement's end (2027-06-30) on
    record, to that end: 11 months on December's form. A subsidy paid by the month counts them
    to the end of the month it pays: 6 个月 for December, 7 for January."""
    batch_id = _december_and_january(repo, _raised(), ends)
    claims = ClaimService(repo.ledger, _raised()).queries.batch_claims(batch_id)
    months = {}
    for claim in claims:
        months[claim.paid_for()] = _months_in_work(repo.ledger, claim.id)
    assert months == {"2026年12月": 6, "2027年1月": 7}


def test_the_months_in_work_on_a_yearly_subsidys_form_are_not_counted_past_its_day(
    repo: Records,
) -> None:
    """钱七, in flexible work since 2025-06-01, claims his 灵活就业社会保险补贴 on 4 January 2027:
    2026's (judged on 2026-12-31) and 2027's (judged that day). 2027's 申请表 printed 稳定就业月数
    31 个月 — counted to the end of 2027, a year still to come — on a form signed when he had
    worked 19. A subsidy paid by the year counts them to the end of the year it pays, never past
    the day it was judged on: 19 on both forms."""
    populate(repo)
    number = make_id("520502", "19880808", "411")
    with repo.ledger.transaction():
        home = repo.save(Household(area_code=HOME, household_no="010"))
        pid, _ = repo.add_person(Person(household_id=home, name="钱七", id_number=number))
        repo.save(
            CategoryMembership(
                person_id=pid, category="就业困难人员", start_date=dt.date(2025, 1, 1)
            )
        )
        repo.save(
            EmploymentSpell(
                person_id=pid,
                start_date=dt.date(2025, 6, 1),
                form="灵活就业",
                place_code="520502001",
                place_name="红星村",
                insurance_months=12,
            )
        )
    pack = EXTENDED_PACK + (
        '\n[[overrides]]\nrule = "flexible_social_insurance"\nfigure = 3000\n'
        'figure_document = "七人社通〔2026〕3号"\n'
    )
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(pack, "county.toml"))])
    service = ClaimService(repo.ledger, policy)
    papers = policy.rule("flexible_social_insurance").evidence
    at(repo.ledger, dt.datetime(2027, 1, 4, 9, 30))
    months = {}
    for on in (dt.date(2026, 12, 31), dt.date(2027, 1, 4)):
        claim = service.create(
            number, "flexible_social_insurance", on=on, evidence_collected=papers
        )
        months[claim.paid_for()] = _months_in_work(repo.ledger, claim.id)
    assert months == {"2026年度": 19, "2027年度": 19}


def test_the_months_in_post_on_a_form_claimed_early_in_its_month_are_not_counted_past_its_day(
    repo: Records,
) -> None:
    """赵六, in his 公益性岗位 since 2026-07-01, has January's post subsidy claimed on 4 January
    (the page's 日期 that day, the month it pays): the 申请表 printed 稳定就业月数 7 个月, counted
    to 31 January still to come, on a form signed when he had held the post 6. Counted to the
    end of the day it was judged on: 6."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = _raised()
    at(repo.ledger, dt.datetime(2027, 1, 4, 9, 30))
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2027, 1, 4),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    flat = "".join("".join(page_texts(form_job(repo.ledger, claim.id).render())).split())
    assert "发放月份2027年1月" in flat, flat
    assert "稳定就业月数6个月" in flat, flat


def test_the_monthly_report_counts_a_claim_in_the_month_it_was_made(
    repo: Records, tmp_path: Path
) -> None:
    """The 月报 counted claims by their judging day: November's post subsidy claimed on
    10 December was 11月's, December's claimed on 5 January was 12月's — missing from the
    January report's 本月新申领 and landing in December's report after the township had handed
    it in. A claim now counts in the month it was made (its 申请日期), whatever month it pays;
    本年累计 is the year's claims made to the report's day, and the sheet says so."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    service = ClaimService(repo.ledger, policy)
    evidence = policy.rule("welfare_post_subsidy").evidence
    for made, paying in (
        (dt.datetime(2026, 12, 10, 9, 30), dt.date(2026, 11, 30)),
        (dt.datetime(2027, 1, 5, 9, 30), dt.date(2026, 12, 31)),
    ):
        at(repo.ledger, made)  # made and submitted the same day
        claim = service.create(
            number, "welfare_post_subsidy", on=paying, evidence_collected=evidence
        )
        service.advance(claim.id, ClaimState.SUBMITTED)

    def claims(month: str, today: dt.date) -> list[dict[str, object]]:
        report = monthly_report(repo.ledger, policy, month, today=today)
        return cast(list[dict[str, object]], report.total.as_dict()["claims"])

    (december,) = claims("2026-12", dt.date(2027, 1, 31))
    assert december["new_this_month"] == 1 and december["claimed"] == 1
    assert december["claimed_amount"] == 600
    (january,) = claims("2027-01", dt.date(2027, 1, 31))
    assert january["new_this_month"] == 1 and january["claimed"] == 1
    (february,) = claims("2027-02", dt.date(2027, 2, 28))
    assert february["new_this_month"] == 0 and february["claimed"] == 1

    out = tmp_path / "月报.xlsx"
    write_monthly_report(
        monthly_report(repo.ledger, policy, "2027-01", today=dt.date(2027, 2, 3)), out
    )
    sheet = openpyxl.load_workbook(out)["汇总"]
    texts = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "按提交日期（申领提交审核之日）统计，不按发放月份" in texts
    assert "本年2027年1月1日至2027年1月31日提交的申领" in texts
    assert "本月新申领：2027年1月提交的申领" in texts


def test_the_monthly_report_counts_persons_and_claims_apart(repo: Records, tmp_path: Path) -> None:
    """赵六 paid his post subsidy for December (made 5 January) and January (made 3 February):
    February's 月报 said 申领人数 2, 已审批人数 2, 已发放人数 2 — his two claims counted as two
    persons, while the 花名册 paying them says 1 人 2 笔. The report now counts 人数 as persons
    and 笔数 as claims beside them, the 金额 as before; its --json keeps claimed, approved, paid
    and new_this_month (claims, as they always counted) and adds the persons under *_persons."""
    batch_id = _december_and_january(repo, _raised())
    service = ClaimService(repo.ledger, _raised())
    for claim in service.queries.batch_claims(batch_id):  # approved by the county: paid now
        service.advance(claim.id, ClaimState.PAID)
    report = monthly_report(repo.ledger, _raised(), "2027-02", today=dt.date(2027, 2, 28))
    (fig,) = report.total.as_dict()["claims"]
    assert (fig["claimed"], fig["approved"], fig["paid"], fig["new_this_month"]) == (2, 2, 2, 1)
    assert (fig["claimed_persons"], fig["approved_persons"], fig["paid_persons"]) == (1, 1, 1)
    assert fig["new_this_month_persons"] == 1
    assert fig["claimed_amount"] == fig["paid_amount"] == 1300

    out = tmp_path / "月报.xlsx"
    write_monthly_report(report, out)
    sheet = openpyxl.load_workbook(out)["汇总"]
    (got,) = claims_table(sheet)
    assert got["补贴"] == "乡村公益性岗位补贴"
    assert got["申领人数"] == 1 and got["申领笔数"] == 2 and got["申领金额"] == 1300
    assert got["本月新申领人数"] == 1 and got["本月新申领笔数"] == 1
    assert got["已审批人数"] == 1 and got["已审批笔数"] == 2 and got["已审批金额"] == 1300
    assert got["已发放人数"] == 1 and got["已发放笔数"] == 2 and got["已发放金额"] == 1300
    texts = " ".join(str(c.value) for r in sheet.iter_rows() for c in r if c.value)
    assert "人数按人计，同一人申领几个月的计 1 人" in texts
    assert "笔数按申领计" in texts


def test_a_months_form_is_named_with_the_month_it_pays(repo: Records) -> None:
    """赵六's 申请表 for December (made 5 January) and for January were both offered to be saved
    as “赵六 乡村公益性岗位补贴申请表.pdf”: printing January's in February, the clerk was
    offered December's file to replace, with nothing to tell the two apart. A form of a
    subsidy paid by the month (year) names the month (year) it pays; a one-time one does not."""
    batch_id = _december_and_january(repo, _raised())
    claims = ClaimService(repo.ledger, _raised()).queries.batch_claims(batch_id)
    names = sorted(form_job(repo.ledger, claim.id).file_name() for claim in claims)
    assert names == [
        "赵六 乡村公益性岗位补贴申请表（2026年12月）.pdf",
        "赵六 乡村公益性岗位补贴申请表（2027年1月）.pdf",
    ]


def test_a_batch_paying_one_person_two_months_counts_persons_as_its_roster(
    repo: Records, capsys: pytest.CaptureFixture[str]
) -> None:
    """赵六's post subsidy for December and January batched together: the batch was titled
    乡村公益性岗位补贴（2人） — the name the 批次与打印 list and `batch list` show — and `batch
    list` said 2 人, while its 花名册 and 公示表 say 1 人 2 笔. The batch now counts as its
    papers do: 1 人 2 笔, and --json gives persons beside claims; its name carries no count
    (one made then goes stale: tests/paperwork/test_batch_name_counts_nobody.py)."""
    batch_id = _december_and_january(repo, extended_policy())
    batch = ClaimService(repo.ledger, extended_policy()).queries.batch(batch_id)
    assert batch.title == "乡村公益性岗位补贴"
    path = str(repo.ledger.path)
    assert cli(["--db", path, "batch", "list"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.split("\t")[3] == "1 人 2 笔", line
    assert cli(["--db", path, "batch", "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["persons"], item["claims"]) == (1, 2)
    flat = "".join("".join(page_texts(roster_job(repo.ledger, batch_id).render())).split())
    assert "1人2笔" in flat


def at_instant(ledger: Ledger, when: dt.datetime) -> None:
    """The ledger's clock and the machine's at the instant `when` (a time with its zone)."""
    ms = int(when.timestamp() * 1000)
    ledger.clock = HybridClock(ledger.get_meta("hlc"), now_ms=lambda: ms)
    travel = time_machine.travel(when, tick=True)
    travel.start()
    _TRAVELS.append(travel)


def test_the_monthly_report_counts_each_step_on_the_day_it_happened_in_china(
    repo: Records, tmp_path: Path
) -> None:
    """赵六's October post subsidy, drafted on 30 November, submitted at 23:30 UTC that day
    (7:30 on 1 December in Guizhou), approved by the county at 17:00 UTC on 31 December (1:00
    on New Year's Day) and paid on 5 January; and a December draft never submitted. The 月报
    counted both claims as made in November (the draft's day, drafts included) and counted
    approved and paid by the claim's state on the day it was printed, so November's and
    December's reports showed a payment made in January. A claim now counts from its
    submission, approvals and payments from the day of their step, each by China's day."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    service = ClaimService(repo.ledger, policy)
    evidence = policy.rule("welfare_post_subsidy").evidence
    utc = dt.UTC
    at_instant(repo.ledger, dt.datetime(2026, 11, 30, 4, 0, tzinfo=utc))  # 12:00 in China
    claim = service.create(
        number, "welfare_post_subsidy", on=dt.date(2026, 10, 31), evidence_collected=evidence
    )
    for when, step in (
        (dt.datetime(2026, 11, 30, 23, 30, tzinfo=utc), ClaimState.SUBMITTED),
        (dt.datetime(2026, 12, 2, 2, 0, tzinfo=utc), ClaimState.VILLAGE_REVIEWED),
        (dt.datetime(2026, 12, 9, 2, 0, tzinfo=utc), ClaimState.TOWNSHIP_REVIEWED),
        (dt.datetime(2026, 12, 31, 17, 0, tzinfo=utc), ClaimState.COUNTY_APPROVED),
        (dt.datetime(2027, 1, 5, 2, 0, tzinfo=utc), ClaimState.PAID),
    ):
        at_instant(repo.ledger, when)
        service.advance(claim.id, step)
    at_instant(repo.ledger, dt.datetime(2027, 1, 10, 2, 0, tzinfo=utc))
    service.create(  # December's, drafted and left a draft
        number, "welfare_post_subsidy", on=dt.date(2026, 12, 31), evidence_collected=evidence
    )

    def figures(month: str) -> tuple[int, ...]:
        report = monthly_report(repo.ledger, policy, month, today=dt.date(2027, 2, 28))
        found = cast(list[dict[str, int]], report.total.as_dict()["claims"])
        if not found:
            return (0, 0, 0, 0)
        (fig,) = found
        return (fig["claimed"], fig["new_this_month"], fig["approved"], fig["paid"])

    # (本年累计申领, 本月新申领, 已审批, 已发放)
    assert figures("2026-11") == (0, 0, 0, 0)
    assert figures("2026-12") == (1, 1, 0, 0)
    # 2027's: the claim was submitted last year; its approval and payment are this year's.
    assert figures("2027-01") == (0, 0, 1, 1)
    assert figures("2027-02") == (0, 0, 1, 1)

    # The workbooks the township hands in, printed after the payment: December's 已发放 is
    # empty, January's has it (xlsx cells, as the county reads them).
    for month, paid in (("2026-12", 0), ("2027-01", 600)):
        out = tmp_path / f"月报-{month}.xlsx"
        write_monthly_report(
            monthly_report(repo.ledger, policy, month, today=dt.date(2027, 2, 28)), out
        )
        (got,) = claims_table(openpyxl.load_workbook(out)["汇总"])
        assert got["补贴"] == "乡村公益性岗位补贴", (month, got)
        assert (got["已发放笔数"], got["已发放金额"]) == (1 if paid else 0, paid), (month, got)


def test_a_long_fact_gets_a_row_of_its_own_on_the_form(repo: Records) -> None:
    """补贴标准 '600 元/月（县定标准）；岗位补贴标准由县里核定' was squeezed into half a row of
    资格条件: two lines of shrunken type. A value too long for half a row (here 务工地点) now
    takes a whole row, on one line in the form's own size; the short facts still pair up."""
    from tests.paperwork.pdftext import pdftotext

    populate(repo)
    place = "红星村乡村振兴公益性岗位保洁服务点"
    _pid, number = post_worker(repo, place_name=place)
    policy = extended_policy()
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 9, 30),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    pdf = form_job(repo.ledger, claim.id).render()
    (page,) = pdftotext(pdf)
    lines = [" ".join(line.split()) for line in page.splitlines()]
    assert f"务工地点 {place}" in lines, [x for x in lines if "务工地点" in x]
    assert any("发放月份 2026年9月" in x and "务工地点" not in x for x in lines), lines
    drawn = [size for text, size in sizes(pdf) if place in text]
    assert drawn and min(drawn) >= 9.5 - 0.01, drawn


def test_a_set_county_figure_is_not_followed_by_who_sets_it(repo: Records) -> None:
    """Once the county set 600 元/月, the form said '600 元/月（县定标准）；岗位补贴标准由县里核定':
    the note only repeated （县定标准）. It now reads '600 元/月（县定标准）' and pairs up."""
    from tests.paperwork.pdftext import pdftotext

    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = extended_policy()
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 9, 30),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )
    pdf = form_job(repo.ledger, claim.id).render()
    (page,) = pdftotext(pdf)
    assert "由县里核定" not in page
    lines = [" ".join(line.split()) for line in page.splitlines()]
    assert any(x.endswith("补贴标准 600 元/月（县定标准）") for x in lines), lines
    assert any("发放月份 2026年9月 务工地点 红星村" in x for x in lines), lines


def test_a_months_attendance_record_is_said_to_cover_the_month_to_the_day_the_form_is_printed(
    repo: Records,
) -> None:
    """赵六's December post subsidy, claimed on 4 December (the month it pays is its 申请日期's),
    printed its 申请表 that day with 当月考勤记录：已附 — a whole month's attendance, 27 days of
    which were still to be worked, on a form he signs. Printed before the month's last working
    day, the form now says the record covers the month to the day it is printed,
    考勤记录（截至12月4日）：已附; printed on that last working day (31 December) or later, it
    names the paper as the rule does. The other papers are named as before."""
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    policy = _raised()
    at(repo.ledger, dt.datetime(2026, 12, 4, 9, 30))
    service = ClaimService(repo.ledger, policy)
    claim = service.create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 12, 4),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )

    def printed(job) -> str:
        return "".join("".join(page_texts(job.render())).split())

    early = printed(form_job(repo.ledger, claim.id))  # today: 4 December
    assert "申请日期：2026年12月4日" in early and "发放月份2026年12月" in early, early
    assert "考勤记录（截至12月4日）：已附" in early, early
    assert "当月考勤记录" not in early, early
    assert "身份证复印件：已附；公益性岗位协议（每次不超过1年）：已附" in early, early
    later = printed(form_job(repo.ledger, claim.id, today=dt.date(2026, 12, 30)))
    assert "考勤记录（截至12月30日）：已附" in later, later
    for whole in (dt.date(2026, 12, 31), dt.date(2027, 1, 5)):
        text = printed(form_job(repo.ledger, claim.id, today=whole))
        assert "当月考勤记录：已附" in text and "截至" not in text.split("附送材料")[1], whole
    service.advance(claim.id, ClaimState.SUBMITTED)
    batch, _claims = service.create_batch("welfare_post_subsidy")
    assert "考勤记录（截至12月4日）：已附" in printed(forms_job(repo.ledger, batch.id))


def test_a_county_that_calls_its_attendance_paper_出勤表_has_it_said_to_cover_the_month_so_far(
    repo: Records,
) -> None:
    """Attendance papers were found by the word 考勤 alone: a county pack listing 当月出勤表
    for its post subsidy printed the whole month's attendance on a form made on 4 December.
    A paper of the month is now one the rule names as the month's (当月…, 本月…) or one of
    attendance by any word counties use (考勤, 出勤, 签到, 打卡): 出勤表（截至12月4日）."""
    county = RAISED + (
        '\n[[overrides]]\nrule = "welfare_post_subsidy"\n'
        'evidence = ["身份证复印件", "公益性岗位协议", "当月出勤表", "社会保障卡账户"]\n'
    )
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(county, "county.toml"))])
    assert "当月出勤表" in policy.rule("welfare_post_subsidy").evidence
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    at(repo.ledger, dt.datetime(2026, 12, 4, 9, 30))
    claim = ClaimService(repo.ledger, policy).create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 12, 4),
        evidence_collected=policy.rule("welfare_post_subsidy").evidence,
    )

    def printed(today: dt.date) -> str:
        pdf = form_job(repo.ledger, claim.id, today=today).render()
        return "".join("".join(page_texts(pdf)).split())

    early = printed(dt.date(2026, 12, 4))
    assert "出勤表（截至12月4日）：已附" in early, early
    assert "当月出勤表" not in early and "公益性岗位协议：已附" in early, early
    assert "当月出勤表：已附" in printed(dt.date(2026, 12, 31))


def test_a_months_paper_is_known_by_the_words_counties_use() -> None:
    """出勤表, 出勤记录, 签到表 and 打卡记录 are papers of attendance as 考勤表 is, and a paper the
    rule names as the month's (当月…, 本月…) covers the month so far too; the other papers of
    a post subsidy (its agreement, the ID, the card) are named as the rule names them."""
    from fieldapp.domain.month import Month
    from fieldapp.paperwork.paper_data import attendance_so_far, of_the_month
    from fieldapp.paperwork.views import Attachment, FormView, PersonView
    from fieldapp.policy.workdays import WorkCalendar

    for item in ("出勤表", "当月出勤记录", "签到表", "本月签到册", "打卡记录", "当月工资发放记录"):
        assert of_the_month(item), item
    for item in ("身份证复印件", "公益性岗位协议（每次不超过1年）", "社会保障卡账户"):
        assert not of_the_month(item), item
    papers = tuple(
        Attachment(item, True) for item in ("身份证复印件", "出勤记录", "本月签到表", "打卡记录")
    )
    form = FormView("c", "乡村公益性岗位补贴", PersonView("赵六", ""), 600.0, evidence=papers)
    month = Month("2026-10")
    said = attendance_so_far(form, month, dt.date(2026, 10, 12), WorkCalendar()).evidence
    assert [a.item for a in said] == [
        "身份证复印件",
        "出勤记录（截至10月12日）",
        "签到表（截至10月12日）",
        "打卡记录（截至10月12日）",
    ]


def test_the_months_last_working_day_is_the_calendars() -> None:
    """The whole month's record is named from the month's last working day: October 2026 ends
    on a Saturday, so from Friday the 30th; a paper of no month (a training's 培训考勤记录, a
    one-time subsidy) is named as the rule does whenever it is printed."""
    from fieldapp.domain.month import Month
    from fieldapp.paperwork.paper_data import attendance_so_far
    from fieldapp.paperwork.views import Attachment, FormView, PersonView
    from fieldapp.policy.workdays import WorkCalendar

    papers = (Attachment("身份证复印件", True), Attachment("本月考勤表", False))
    form = FormView("c", "乡村公益性岗位补贴", PersonView("赵六", ""), 600.0, evidence=papers)
    october, calendar = Month("2026-10"), WorkCalendar()

    def named(on: dt.date, month: Month | None = october) -> list[str]:
        return [a.item for a in attendance_so_far(form, month, on, calendar).evidence]

    assert named(dt.date(2026, 10, 29)) == ["身份证复印件", "考勤表（截至10月29日）"]
    assert named(dt.date(2026, 10, 30)) == ["身份证复印件", "本月考勤表"]
    assert named(dt.date(2026, 10, 31)) == ["身份证复印件", "本月考勤表"]
    assert named(dt.date(2026, 10, 12), None) == ["身份证复印件", "本月考勤表"]
