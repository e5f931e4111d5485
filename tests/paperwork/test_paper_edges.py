"""Nothing printed runs off the paper: long county names, long rule titles, long area names."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import pdfplumber
import pytest

from fieldapp.cli.main import main
from fieldapp.domain.claims import ClaimState
from fieldapp.domain.enums import AreaKind
from fieldapp.domain.errors import FieldappError
from fieldapp.domain.models import Area
from fieldapp.paperwork.certificate import render_certificate
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.jobs import (
    duties_job,
    form_job,
    forms_job,
    notice_job,
    roster_job,
    rosters_job,
    visits_job,
    write_pdf,
)
from fieldapp.paperwork.masking import mask_account
from fieldapp.paperwork.roster import render_notice, render_roster
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.tables import Section, TablesView, render_tables
from fieldapp.paperwork.views import (
    Attachment,
    CertificateView,
    Fact,
    FormView,
    HouseholdMonth,
    MemberMonth,
    NoticeView,
    PersonView,
    RosterRow,
    RosterView,
    VisitSheetView,
)
from fieldapp.paperwork.visits import render_visits
from fieldapp.store.ledger import Ledger
from fieldapp.store.queries.claims import ClaimQueries
from tests.paperwork.builders import COUNTY as COUNTY_CODE
from tests.paperwork.builders import TOWNSHIP, VILLAGE, add_claims, duty_of, id_for
from tests.paperwork.pdftext import page_texts
from tests.records import Records

#: A real Guizhou county and the longest rule title of the built-in pack.
COUNTY = "威宁彝族回族苗族自治县"
LONG_RULE = "一次性吸纳就业补贴（招用毕业年度或离校2年内未就业高校毕业生）"
LONG_AREA = "威宁彝族回族苗族自治县 五里岗街道 感恩社区易地扶贫搬迁安置点"


def _outside(pdf: bytes) -> list[str]:
    """Every character drawn (partly) beyond the page's left or right edge."""
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            out += [c["text"] for c in page.chars if c["x0"] < -0.5 or c["x1"] > page.width + 0.5]
    return out


def _person() -> PersonView:
    return PersonView("张龑", id_for(1), "男", account_number="6230520102000000001")


def _roster() -> RosterView:
    row = RosterRow(
        "张龑", "男", id_for(1), "脱贫人口", "浙江省宁波市", 1000, "6230520102000000001"
    )
    return RosterView("b1", LONG_RULE, (row,), area_name=LONG_AREA, rule_clause="001 附件1（一）")


def test_a_long_title_shrinks_to_the_page_instead_of_running_off_it():
    settings = PaperSettings(county_name=COUNTY)
    form = FormView("c1", LONG_RULE, _person(), 1000.0, source_clause="001 附件1（一）")
    sheet = VisitSheetView(
        "520526001901",
        LONG_AREA,
        "2026-11",
        (HouseholdMonth("H1", "张龑", members=(MemberMonth("张龑"),)),),
    )
    tables = TablesView(
        "一库五册",
        LONG_AREA,
        dt.date(2026, 11, 30),
        (Section("公益性岗位人员花名册", ("序号", "姓名"), (1.0, 1.0), (("1", "张龑"),)),),
    )
    papers = {
        "申请表": render_forms([form], settings),
        "花名册": render_roster(_roster(), settings),
        "公示表": render_notice(
            NoticeView(_roster(), dt.date(2026, 11, 2), dt.date(2026, 11, 6)), settings
        ),
        "走访记录": render_visits(sheet, settings),
        "一库五册": render_tables(tables, settings),
        "务工证明": render_certificate(CertificateView(_person()), settings),
    }
    for name, pdf in papers.items():
        assert _outside(pdf) == [], name
    # The long area is printed whole where each paper names its area: the test tries it.
    area = "".join(LONG_AREA.split())
    flat = {name: "".join("".join(page_texts(pdf)).split()) for name, pdf in papers.items()}
    assert "地区：" + area in flat["花名册"]
    assert "地区：" + area in flat["公示表"] and "公示单位（盖章）：" + area in flat["公示表"]
    assert area in flat["走访记录"] and area in flat["一库五册"]


AGENCY = "威宁彝族回族苗族自治县永盛劳务合作社"


def test_an_agency_paid_claim_names_the_agency_not_a_masked_tail_of_its_name(ledger):
    batch_id, claims = add_claims(ledger, 2)
    ledger.update("claims", claims[0], {"payee": "经营性人力资源服务机构", "payee_name": AGENCY})
    person = ledger.get("persons", ledger.get("claims", claims[1])["person_id"])
    notice = "".join(
        "".join(page_texts(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())).split()
    )
    roster = "".join("".join(page_texts(roster_job(ledger, batch_id).render())).split())
    # Posted on the wall: who is paid, in full; never "****劳务合作社" as if it were an account.
    assert AGENCY in notice
    assert "****" + AGENCY[-4:] not in notice
    assert mask_account(person["account_number"]) in notice
    assert person["account_number"] not in notice
    assert AGENCY in roster and person["account_number"] in roster


def test_a_claim_rejected_after_batching_is_left_off_the_roster_notice_and_forms(ledger):
    batch_id, claims = add_claims(ledger, 3)
    ledger.update("claims", claims[0], {"state": "驳回", "reason": "重复申领"})
    rejected = ledger.get("claims", claims[0])
    kept = [ledger.get("claims", c)["id_number"] for c in claims[1:]]
    roster = roster_job(ledger, batch_id)
    notice = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
    forms = forms_job(ledger, batch_id)
    roster_text = "".join(page_texts(roster.render()))
    notice_text = "".join("".join(page_texts(notice.render())).split())
    assert rejected["id_number"] not in roster_text
    assert all(i in roster_text for i in kept)
    assert "合    计" in roster_text and "1000.00" in roster_text
    assert "以下2名人员" in notice_text and "拟发放补贴合计1000.00元" in notice_text
    assert rejected["person_name"] not in notice_text
    assert len(forms.view) == 2 and roster.record.total_amount == 1000.0
    for job in (roster, notice, forms):
        assert "已驳回或撤销的 1 条申领" in job.note and rejected["person_name"] in job.note

    for claim_id in claims[1:]:
        ledger.update("claims", claim_id, {"state": "已撤销", "reason": "退回"})
    for make in (roster_job, notice_job, forms_job):
        with pytest.raises(FieldappError, match="都已驳回或撤销|没有可打印的申领"):
            make(ledger, batch_id)


def _line_chars(pdf: bytes, marker: str) -> list[dict]:
    """The chars, in drawing order, of the first page's line holding `marker`'s first char."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = doc.pages[0].chars
        text = "".join(c["text"] for c in chars)
        top = chars[text.index(marker)]["top"]
        return [c for c in chars if abs(c["top"] - top) < 1]


def test_the_line_under_the_title_never_runs_into_what_is_on_its_right():
    # A village's batch under seed 004's rule: its clause is the document's full title.
    roster = RosterView(
        "b1",
        "一次性求职创业补贴（首次有组织输出到省外）",
        _roster().rows,
        "五里岗街道 感恩社区易地扶贫搬迁安置点",
        funding_source="衔接推进乡村振兴补助资金",
        rule_clause="004（四）",
    )
    line = _line_chars(render_roster(roster, PaperSettings(county_name=COUNTY)), "资金来源")
    assert "".join(c["text"] for c in line).endswith("金额单位：元")
    left, unit = line[:-6], line[-6:]
    assert max(c["x1"] for c in left) < min(c["x0"] for c in unit)

    sheet = VisitSheetView(
        "520526001901",
        "五里岗街道 感恩社区易地扶贫搬迁安置点",
        "2026-11",
        (HouseholdMonth("H1", "张龑", members=(MemberMonth("张龑"),)),),
    )
    line = _line_chars(render_visits(sheet, PaperSettings(county_name=COUNTY)), "应办事项")
    hint = len("应办事项：本机未接入待办清单，按本月状态与服务核对")
    hint_chars, left = line[:hint], line[hint:]
    assert max(c["x1"] for c in left) < min(c["x0"] for c in hint_chars)


def test_a_batch_made_for_the_whole_county_is_posted_as_the_countys_not_a_townships(ledger):
    batch_id, claims = add_claims(ledger, 3)
    ledger.update("batches", batch_id, {"area_code": ""})  # batch create without --area
    one_village = "".join(page_texts(notice_job(ledger, batch_id).render()))
    assert "地区：龙坑街道 大坪村" in one_village
    assert "公示单位（盖章）：龙坑街道 大坪村" in one_village

    # One claim from another township of the county: the batch is the county's.
    ledger.update("claims", claims[2], {"area_code": "520321102001001"})
    texts = [
        "".join(page_texts(make(ledger, batch_id).render())) for make in (roster_job, notice_job)
    ]
    assert all("地区：播州区" in t and "龙坑街道" not in t for t in texts)
    assert "公示单位（盖章）：播州区" in texts[1]


def test_the_suggested_file_name_is_one_file_whatever_the_batch_is_called(ledger, tmp_path):
    batch_id, claims = add_claims(ledger, 1)
    ledger.update("batches", batch_id, {"title": "2026年11月/第一批:交通补助?"})
    job = forms_job(ledger, batch_id)
    number = ClaimQueries(ledger).batch(batch_id).number
    assert job.file_name() == f"2026年11月-第一批-交通补助-申请表（批次编号{number}）.pdf"
    out = tmp_path / "papers"
    out.mkdir()
    write_pdf(job.render(), out / job.file_name())
    assert [p.name for p in out.iterdir()] == [job.file_name()]
    assert form_job(ledger, claims[0]).file_name().endswith("一次性交通补助申请表.pdf")


def test_a_papers_suggested_name_writes_its_month_and_day_as_the_page_does(ledger):
    """The visit sheet was suggested as 龙坑街道 大坪村2026-10走访记录.pdf while its page says
    2026年10月; the 一库五册 and 户级责任清单, each as of a day the page prints (截至…), were
    named with no day at all, so each month's printing offered the last one's name."""
    _batch_id, claims = add_claims(ledger, 1)
    flag = duty_of(ledger, claims[0])
    on = dt.date(2026, 10, 31)
    jobs = {
        "龙坑街道 大坪村 2026年10月走访记录.pdf": visits_job(ledger, VILLAGE, "2026-10"),
        "大坪村一库五册（截至2026年10月31日）.pdf": rosters_job(ledger, VILLAGE, on),
        "大坪村劳动力名册（截至2026年10月31日）.pdf": rosters_job(
            ledger, VILLAGE, on, "劳动力名册"
        ),
        "大坪村户级责任清单（截至2026年10月31日）.pdf": duties_job(
            ledger, [flag], VILLAGE, "大坪村", on, lambda _c: "大坪村"
        ),
    }
    for name, job in jobs.items():
        assert job.file_name() == name
        first = "".join(page_texts(job.render())[0].split())
        said = re.search(r"2026年10月(31日)?", name)
        assert said and said.group() in first, name


def test_two_batches_under_one_rule_are_suggested_two_file_names(ledger):
    """The 花名册 and the 公示表 were named by the rule alone (一次性交通补助发放花名册.pdf),
    the 申请表 by the batch's name (both batches here are 一次性交通补助): two batches were
    offered the same file, the second saved over the first. Each is now named with its batch's
    批次编号, as its footer prints it."""
    from fieldapp.domain.claims import Batch

    first, claims = add_claims(ledger, 2)
    with ledger.transaction():
        second = Records(ledger).save(
            Batch(rule_id="transport_cross_county", area_code=TOWNSHIP, title="一次性交通补助")
        )
        ledger.update("claims", claims[1], {"batch_id": second})
    queries = ClaimQueries(ledger)
    names: set[str] = set()
    for batch_id in (first, second):
        number = queries.batch(batch_id).number
        assert number
        notice = notice_job(ledger, batch_id, dt.date(2026, 11, 23))
        for job, paper in ((roster_job(ledger, batch_id), "发放花名册"), (notice, "公示表")):
            assert job.file_name() == f"一次性交通补助{paper}（批次编号{number}）.pdf"
            assert number in "".join(page_texts(job.render())[-1].split())  # its footer's
            names.add(job.file_name())
        # The batch's 申请表, named by the batch's own name, was one file for both too.
        forms = forms_job(ledger, batch_id)
        assert forms.file_name() == f"一次性交通补助申请表（批次编号{number}）.pdf"
        names.add(forms.file_name())
    assert len(names) == 6


def test_a_name_character_no_bundled_font_has_is_reported_not_printed_blank_silently(
    tmp_path, capsys
):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    batch_id, claims = add_claims(ledger, 2)
    rare = "王𪨊"  # U+2AA0A, CJK Extension C: in neither bundled font
    claim = ledger.get("claims", claims[0])
    ledger.update("claims", claims[0], {"person_name": rare})
    ledger.update("persons", claim["person_id"], {"name": rare})
    ledger.close()
    out = tmp_path / "roster.pdf"
    assert main(["--db", str(db), "print", "roster", "--batch", batch_id, "--out", str(out)]) == 0
    said = capsys.readouterr().err
    assert "字库中没有“𪨊”" in said and rare in said and "请在纸上用笔补写" in said
    assert out.exists()
    # A paper with only characters the fonts have says nothing of the kind.
    ledger = Ledger.open(db)
    ledger.update("claims", claims[0], {"person_name": "王一"})
    ledger.update("persons", claim["person_id"], {"name": "王一"})
    assert roster_job(ledger, batch_id).note == ""
    ledger.close()


def test_settings_are_found_by_the_words_the_help_and_the_listing_use(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    Ledger.open(db, author="张会计").close()
    base = ["--db", str(db), "print", "settings"]
    assert (
        main([*base, "--set", "公示期按工作日计", "否", "--set", "县名", "威宁彝族回族苗族自治县"])
        == 0
    )
    listing = capsys.readouterr().out
    assert "公示期按工作日计（是/否）：否" in listing
    assert "县（市、区）名称：威宁彝族回族苗族自治县" in listing


def test_hundreds_of_zero_employment_households_stay_legible_in_the_summary():
    households = tuple(
        HouseholdMonth(
            f"H{i:04d}",
            f"张{'祥军明华'[i % 4]}{i}",
            members=(MemberMonth(f"张{i}", status="未就业", labour_ability="普通劳动力"),),
            zero_employment=True,
        )
        for i in range(300)
    )
    sheet = VisitSheetView("520526001901", "五里岗街道 感恩社区安置点", "2026-11", households)
    pdf = render_visits(sheet, PaperSettings())
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        last = doc.pages[-1]
        text = "".join(c["text"] for c in last.chars)
        start = text.index("零就业家庭 300 户")
        named = last.chars[start : start + 600]
    assert min(c["size"] for c in named) >= 9
    whole = "".join("".join(page_texts(pdf)).split())
    assert all(f"{h.head_name}、" in whole or f"{h.head_name}（" in whole for h in households)


def test_a_claim_prefix_shared_by_several_claims_says_so(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    _batch_id, claims = add_claims(ledger, 3)
    ledger.close()
    shared = os.path.commonprefix(claims)  # made in the same minute: 01a239bb-…
    assert len(shared) >= 6
    out = tmp_path / "form.pdf"
    assert main(["--db", str(db), "print", "form", "--claim", shared, "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert f"有 3 条申领的编号以 {shared} 开头" in said and "请多写几位" in said
    assert not out.exists()


def test_batch_papers_take_a_unique_prefix_of_the_batch_id_as_claims_do(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    batch_id, _claims = add_claims(ledger, 2)
    ledger.close()
    for paper in ("roster", "notice", "forms"):
        out = tmp_path / f"{paper}.pdf"
        args = ["--db", str(db), "print", paper, "--batch", batch_id[:13], "--out", str(out)]
        assert main(args) == 0, capsys.readouterr().err
        assert "第 1 页" in page_texts(out.read_bytes())[0]
    ledger = Ledger.open(db)
    logged = ledger.db.execute("SELECT DISTINCT batch_id FROM print_log").fetchall()
    ledger.close()
    assert logged == [(batch_id,)]


def test_an_empty_selection_is_refused_in_chinese_not_printed_as_a_blank_paper(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    add_claims(ledger, 1)
    Records(ledger).ensure_area(
        Area(code="520321101009", name="新建村", kind=AreaKind.VILLAGE, parent_code=TOWNSHIP)
    )
    on = dt.date(2026, 11, 30)
    # The day as the paper it refuses would print it (截至2026年11月30日), not 2026-11-30.
    with pytest.raises(FieldappError, match="新建村截至2026年11月30日的一库五册没有人员"):
        rosters_job(ledger, "520321101009", on)
    with pytest.raises(FieldappError, match="新建村截至2026年11月30日没有要列出的户级责任"):
        duties_job(ledger, [], "520321101009", "龙坑街道 新建村", on, str)
    ledger.close()
    out = tmp_path / "visits.pdf"
    args = ["--db", str(db), "print", "visits", "--area", "520321101009", "--month", "2026-11"]
    assert main([*args, "--out", str(out)]) == 1
    assert "龙坑街道 新建村在台账中还没有住户，没有可打印的走访记录" in capsys.readouterr().err
    assert not out.exists()


def test_the_notice_start_is_read_as_other_dates_are(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    batch_id, _claims = add_claims(ledger, 1)
    ledger.close()
    out = tmp_path / "notice.pdf"
    base = ["--db", str(db), "print", "notice", "--batch", batch_id, "--out", str(out)]
    assert main([*base, "--from", "2026/11/23"]) == 0, capsys.readouterr().err
    assert "2026年11月23日至2026年11月27日" in "".join(page_texts(out.read_bytes()))
    assert main([*base, "--from", "2026-13-01"]) == 1
    assert "公示开始日期：日期“2026-13-01”不是有效日期" in capsys.readouterr().err


def test_long_cells_of_a_plain_roster_grow_their_row_instead_of_shrinking_to_5_pt():
    # The labour roster's columns (一库五册): a county-prefixed agency in a 1.4-share column.
    employer = "威宁彝族回族苗族自治县人力资源开发有限公司"
    place = "贵州省毕节市威宁彝族回族苗族自治县观风海镇"
    filler = ("性别", "年龄", "户号", "与户主关系", "所在村/安置点", "人员类别", "劳动能力")
    columns = ("序号", "姓名", "身份证号", *filler, "就业地点", "输出机构", "工作单位")
    widths = (0.5, 0.9, 2.1, 0.5, 0.5, 1.3, 0.9, 1.4, 1.6, 1.3, 1.8, 1.4, 1.8)
    rows = tuple(
        (str(n), f"张{n}", id_for(n), "男", "40", "001", "户主", "新华村", "脱贫人口", "普通劳动力")
        + (place, employer, employer)
        for n in range(1, 61)
    )
    section = Section("转移就业人员名册", columns, widths, rows)
    pdf = render_tables(TablesView("一库五册", "新华村", dt.date(2026, 11, 30), (section,)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = [c["size"] for p in doc.pages for c in p.chars if c["text"] in "开发有限公司"]
        # Nothing drawn below the table's room runs into the page number.
        lowest = max(c["bottom"] for p in doc.pages for c in p.chars if c["text"] == "张")
        height = doc.pages[0].height
    assert min(sizes) >= 7
    assert height - lowest > 45
    whole = "".join("".join(page_texts(pdf)).split())
    assert all(f"张{n}" in whole for n in range(1, 61)) and "合计：60人" in whole


def test_the_print_log_finds_a_batch_by_prefix_and_says_what_an_unknown_code_means(
    tmp_path, capsys
):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    batch_id, _claims = add_claims(ledger, 1)
    ledger.close()
    out = tmp_path / "roster.pdf"
    assert main(["--db", str(db), "print", "roster", "--batch", batch_id, "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "print", "log", "--batch", batch_id[:13]]) == 0
    listed = capsys.readouterr().out
    assert "花名册" in listed and batch_id not in listed  # said by its 批次编号
    opened = Ledger.open(db)
    number = ClaimQueries(opened).batch(batch_id).number
    opened.close()
    assert f"  批次 {number}  " in listed, listed
    assert main(["--db", str(db), "print", "log", "--code", "0123456789ab"]) == 0
    said = capsys.readouterr().out
    assert "没有校验码为 0123456789ab 的打印记录" in said and "还没有同步" in said


def test_a_notice_on_the_wall_never_says_who_is_disabled_or_was_in_prison_or_in_rehab():
    cats = ("脱贫人口、残疾人", "刑满释放人员", "戒毒康复人员、农村低保对象")
    rows = tuple(
        RosterRow(f"张{n}", "男", id_for(n), c, "浙江省宁波市", 500, "6230520102000000001")
        for n, c in enumerate(cats)
    )
    view = RosterView("b1", "一次性交通补助", rows, "龙坑街道", rule_clause="001 附件2（四）")
    posted = "".join(
        page_texts(render_notice(NoticeView(view, dt.date(2026, 11, 2), dt.date(2026, 11, 6))))
    )
    assert not any(word in posted for word in ("残疾人", "刑满释放", "戒毒康复"))
    assert "脱贫人口" in posted and "农村低保对象" in posted
    # The roster the county pays from is not posted: it keeps every category.
    kept = "".join("".join(page_texts(render_roster(view))).split())
    assert all(word in kept for word in ("残疾人", "刑满释放人员", "戒毒康复人员"))


def test_a_failed_write_names_the_file_asked_for_in_chinese_not_its_part_file(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    batch_id, _claims = add_claims(ledger, 1)
    ledger.close()
    out = tmp_path / "花名册.pdf"
    # Something in the way of the part file that cannot be removed either (as on a read-only
    # USB stick, where removing it fails too).
    (tmp_path / "花名册.pdf.part" / "x").mkdir(parents=True)
    assert main(["--db", str(db), "print", "roster", "--batch", batch_id, "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert f"错误：无法写入“{out.name}”：" in said, said
    assert ".part" not in said and not re.search("[A-Za-z]{4,}", said.replace(str(out), ""))
    assert not out.exists()


def _notice_words(ledger, batch_id: str) -> str:
    return "".join(
        "".join(page_texts(notice_job(ledger, batch_id, dt.date(2026, 11, 23)).render())).split()
    )


def test_a_notice_says_only_the_review_its_claims_have_passed(ledger):
    # 公示表 on the village wall said 经审核，以下 3 名人员符合…申领条件 for claims nobody had
    # reviewed yet (a batch takes every submitted claim by default): a false statement posted
    # in the county's name, where fraud is the first risk every policy text names.
    batch_id, claims = add_claims(ledger, 3, state=ClaimState.VILLAGE_REVIEWED)
    village = _notice_words(ledger, batch_id)
    assert "经个人申请、村级初审，以下3名人员符合一次性交通补助申领条件" in village, village
    assert "乡镇审核" not in village
    for claim in claims:
        ledger.update("claims", claim, {"state": "乡镇审核"})
    ledger.update("claims", claims[0], {"state": "县审批"})
    township = _notice_words(ledger, batch_id)
    assert "经个人申请、村级初审、乡镇审核，以下3名人员符合" in township, township
    ledger.update("claims", claims[1], {"state": "已提交"})
    submitted = _notice_words(ledger, batch_id)
    assert "经审核" not in submitted and "符合一次性交通补助申领条件" not in submitted
    assert "以下3名人员申请一次性交通补助，申请补贴合计1500.00元，尚待审核，现予公示" in submitted


def test_a_printed_roster_listing_someone_twice_counts_persons_and_entries():
    """The printed 培训名册 with 张1 trained twice and 张2 once said 共 3 人 atop each page and
    合计：3 人 below — one person counted twice; it now says 共 2 人 3 条 and 合计：2 人 3 条, as
    the 花名册 says 1 人 2 笔; listing each person once it says 共 n 人 as before."""
    columns = ("序号", "姓名", "身份证号", "培训日期")
    rows = (
        ("1", "张1", id_for(1), "2026-03-10"),
        ("2", "张1", id_for(1), "2026-11-20"),
        ("3", "张2", id_for(2), "2026-11-20"),
    )
    twice = Section("培训名册", columns, (0.5, 0.9, 2.1, 1.25), rows)
    once = Section("培训名册", columns, (0.5, 0.9, 2.1, 1.25), rows[1:])
    day = dt.date(2026, 12, 31)
    whole = "".join(
        "".join(page_texts(render_tables(TablesView("一库五册", "新华村", day, (twice,))))).split()
    )
    assert "共2人3条" in whole and "合计：2人3条" in whole
    whole = "".join(
        "".join(page_texts(render_tables(TablesView("一库五册", "新华村", day, (once,))))).split()
    )
    assert "共2人" in whole and "合计：2人" in whole and "条" not in whole


@pytest.mark.parametrize(
    ("code", "named"), [(COUNTY_CODE, "播州区"), (TOWNSHIP, "播州区 龙坑街道")]
)
def test_a_county_or_townships_visit_sheet_is_refused_naming_the_area(
    tmp_path, capsys, code, named
):
    """`print visits --area 520321` printed every household of the county under the title
    5203212026年10月就业帮扶台账月报（走访记录） and 村（社区）/安置点：520321 — a code where
    a village's name belongs; the GUI refuses a county or township, so does the command."""
    db = tmp_path / "ledger.db"
    ledger = Ledger.open(db, author="张会计")
    add_claims(ledger, 1)
    ledger.close()
    out = tmp_path / "visits.pdf"
    args = ["--db", str(db), "print", "visits", "--area", code, "--month", "2026-10"]
    assert main([*args, "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert f"走访记录表按村或安置点打印：{named} 不是村或安置点" in said, said
    assert "--area" in said  # the command's hint: which code to give
    assert not out.exists()


def test_a_document_number_or_clause_is_never_broken_across_lines():
    """The 公示表 of a training subsidy posted in the village read …执行至 2027-12-31（威宁彝族
    回族苗族自治县人力资源和社会保障局 威人社通〔2026 / 〕3号，2026-01-05）… — the county's
    document number cut in two, its closing bracket starting a line — and the 申请表's 政策依据
    《…实施意见》第（ / 十三）条. A document's number (〔2026〕3号) and an item (第（十三）条)
    now stay whole on one line; no line begins with a closing bracket or ends with an opening
    one, wherever the line happens to break."""
    row = RosterRow("张龑", "男", id_for(1), "脱贫人口", "职业培训", 400, "6230520102000000001")
    number = "威人社通〔2026〕3号"
    clause = "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》第（十七）条"
    broken: list[str] = []
    for pad in range(0, 40):  # wherever the line ends, some pad puts the break inside
        basis = f"{clause}；执行至 2027-12-31（{'某' * pad}人社局 {number}，2026-01-05）"
        roster = RosterView("b1", "培训生活费补贴", (row,), "杉树村", rule_clause=basis)
        notice = NoticeView(roster, dt.date(2027, 1, 6), dt.date(2027, 1, 12))
        form = FormView(
            claim_id="c1",
            rule_title="培训生活费补贴",
            person=_person(),
            amount=400,
            source_clause=f"{'某' * pad}{clause}；{number}",
        )
        for pdf in (render_notice(notice, PaperSettings()), render_forms([form])):
            for line in "\n".join(page_texts(pdf)).splitlines():
                line = line.strip()
                if (
                    line[:1] in "〕）》"
                    or line[-1:] in "〔（《"
                    or "〔2026" in line.replace("〔2026〕", "")
                ):
                    broken.append(line)
    assert broken == [], broken[:5]


def test_a_rosters_closing_lines_never_stand_on_a_page_of_no_rows():
    """A demo village's 转移就业名册 filled its pages to the last row, and the 合计 and the
    signature lines that had no room under it went to a page of their own: the column
    header, no row, 合计：115 人 — a page a clerk signs under nothing. The last row now
    goes over with them."""
    from fieldapp.paperwork import tables

    full = int(tables.ROOM // tables.ROW_H)  # rows of one line that fill a page
    columns = ("序号", "姓名", "身份证号")
    rows = tuple((str(n), f"张{n}", id_for(n)) for n in range(1, full + 1))
    section = Section("转移就业名册", columns, (0.5, 1.0, 2.0), rows)
    pdf = render_tables(TablesView("一库五册", "新华村", dt.date(2026, 11, 30), (section,)))
    pages = ["".join(t.split()) for t in page_texts(pdf)]
    assert len(pages) == 2
    assert all(re.search(r"张\d+", page) for page in pages), pages[-1]
    assert f"张{full}" in pages[-1] and f"合计：{full}人" in pages[-1]


def test_no_page_of_a_roster_carries_a_lone_row():
    """The closing lines took the last row over with them, and a roster one row longer than a
    page ran on to a page of that one row: a page of one name under the header, then 合计 and
    the signatures, which a county clerk sends back. A section's last page after another now
    keeps three rows, taken from the page before; every row is printed once, in order."""
    from fieldapp.paperwork import tables

    full = int(tables.ROOM // tables.ROW_H)  # rows of one line that fill a page
    columns = ("序号", "姓名", "身份证号")
    for count in (full, full + 1, full + 2, 2 * full + 1):
        rows = tuple((str(n), f"张{n}龑", id_for(n)) for n in range(1, count + 1))
        section = Section("转移就业名册", columns, (0.5, 1.0, 2.0), rows)
        pdf = render_tables(TablesView("一库五册", "新华村", dt.date(2026, 11, 30), (section,)))
        pages = ["".join(t.split()) for t in page_texts(pdf)]
        names = [[int(n) for n in re.findall(r"张(\d+)龑", page)] for page in pages]
        assert [n for page in names for n in page] == list(range(1, count + 1)), count
        assert min(len(page) for page in names) >= 3, (count, [len(p) for p in names])
        assert f"合计：{count}人" in pages[-1]


def _crossing(pdf: bytes) -> list[str]:
    """Every character of a table's cells drawn across one of its column lines."""
    crossed = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            columns = [e for e in page.edges if e["orientation"] == "v" and e["height"] > 5]
            for c in page.chars:
                for e in columns:
                    inside = e["top"] < c["top"] and c["bottom"] < e["bottom"]
                    if inside and c["x0"] < e["x0"] - 0.1 and c["x1"] > e["x0"] + 0.1:
                        crossed.append(c["text"])
    return crossed


def test_a_cells_closing_bracket_stays_inside_the_cell():
    """The 花名册's 务工地点（用工单位） 浙江省宁波市北仑区（宁波某某电子有限公司） was drawn
    one line at 8 pt with its closing ） hung past the cell's edge, over the line of the 金额
    column: a closing bracket may overhang a paragraph's margin, never a cell's line. The cell
    now shrinks (or wraps) until its every line is inside; nothing else on the page moves."""
    for employer in ("宁波某某电子有限公司", "宁波某某电子有限公司，", "某某电子（宁波）有限公司"):
        fact = f"浙江省宁波市北仑区（{employer}）"
        row = RosterRow("张龑", "男", id_for(1), "脱贫人口", fact, 500, "6230520102000000001")
        roster = RosterView("b1", "一次性交通补助", (row,), "大坪村")
        notice = NoticeView(roster, dt.date(2026, 11, 23), dt.date(2026, 11, 27))
        for pdf in (render_roster(roster), render_notice(notice)):
            assert _crossing(pdf) == [], fact
            assert fact in "".join("".join(page_texts(pdf)).split())


def _overprinted(pdf: bytes) -> list[str]:
    """Pairs of characters drawn over each other on one line of a page."""
    found = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            lines: dict[int, list[dict]] = {}
            for c in page.chars:
                lines.setdefault(round(c["top"]), []).append(c)
            for chars in lines.values():
                chars.sort(key=lambda c: c["x0"])
                found += [
                    a["text"] + b["text"]
                    for a, b in zip(chars, chars[1:], strict=False)
                    if b["x0"] < a["x1"] - 0.5
                ]
    return found


def test_a_long_posting_unit_under_the_notice_never_runs_into_the_notice_period():
    """The 公示单位（盖章） under the notice is its area's name: a county's site with a long
    name (威宁彝族回族苗族自治县 五里岗街道 感恩社区（易地扶贫搬迁安置点）第二安置区) was
    printed over the 公示期 beside it, both unreadable. Each item under the table now keeps to
    its share of the line: shrunk a little, or wrapped under itself."""
    row = RosterRow("张龑", "男", id_for(1), "脱贫人口", "浙江省宁波市", 500, "6230520102000000001")
    for area in (
        "威宁彝族回族苗族自治县 五里岗街道 感恩社区（易地扶贫搬迁安置点）第二安置区",
        "威宁彝族回族苗族自治县 五里岗街道 感恩社区易地扶贫搬迁安置点",
        "大坪村",
    ):
        roster = RosterView("b1", "一次性交通补助", (row,), area_name=area)
        pdf = render_notice(NoticeView(roster, dt.date(2026, 12, 7), dt.date(2026, 12, 11)))
        assert _overprinted(pdf) == [], area
        flat = "".join("".join(page_texts(pdf)).split())
        assert "公示单位（盖章）：" + "".join(area.split()) in flat, flat
        assert "公示期：2026年12月7日至2026年12月11日（5个工作日）监督电话" in flat, flat


def test_a_townships_duty_list_names_each_village_from_below_the_township(ledger):
    """The 龙坑街道户级责任清单 said 所在地 龙坑街道 大坪村 on every row, the township its
    heading names over again, in a column too narrow for it (three lines of small type). Each
    row now names its village from below the list's own area: 大坪村."""
    import dataclasses

    from tests.paperwork.builders import TOWNSHIP

    _batch_id, claims = add_claims(ledger, 2)
    flags = [duty_of(ledger, c) for c in claims]
    flags[1] = dataclasses.replace(flags[1], area_code="520321101002")
    places = {VILLAGE: "龙坑街道 大坪村", "520321101002": "龙坑街道 新建村 三组"}
    on = dt.date(2026, 10, 31)
    pdf = duties_job(ledger, flags, TOWNSHIP, "龙坑街道", on, places.__getitem__).render()
    (page,) = ["".join(t.split()) for t in page_texts(pdf)]
    assert "龙坑街道户级责任清单" in page
    rows = page[page.index("依据") : page.index("合计")]
    assert "大坪村" in rows and "新建村三组" in rows
    assert "龙坑街道" not in rows
    # A village's own list keeps the group below it; the place itself when nothing is below.
    pdf = duties_job(ledger, flags[:1], VILLAGE, "龙坑街道 大坪村", on, places.__getitem__)
    page = "".join(page_texts(pdf.render())[0].split())
    assert "大坪村" in page[page.index("依据") : page.index("合计")]


def test_a_long_footer_reference_never_runs_into_the_print_time():
    """The footer's 打印时间 is written as the papers' days now (2026年12月4日 10:31), longer
    than it was; a batch named at length (its name is the coordinator's) ran its reference
    under the print time and 校验码 at the page's right. The reference now shrinks to the room
    left of them."""
    from fieldapp.paperwork.roster import render_roster
    from fieldapp.paperwork.views import RosterRow, RosterView

    row = RosterRow("张龑", "男", id_for(1), "脱贫人口", "浙江省宁波市北仑区", 500, "62305201")
    name = "2026年第四季度龙坑街道各村（社区）及易地扶贫搬迁安置点一次性交通补助第二批次" * 2
    roster = RosterView(
        "b1", "一次性交通补助", (row,), batch_name=name, number="KMTAX-17", area_name="龙坑街道"
    )
    pdf = render_roster(roster)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        # The footer's line, below the page number (whose baseline is 10 pt higher).
        foot = sorted(
            (c for c in page.chars if c["bottom"] > page.height - 26), key=lambda c: c["x0"]
        )
        said = "".join(c["text"] for c in foot)
        assert "打印时间" in said and "KMTAX-17" in said, said
        at = said.index("打印时间")
        stamp_left = foot[at]["x0"]
        assert max(c["x1"] for c in foot[:at]) <= stamp_left - 6, said


def _shipped_sources_and_titles() -> tuple[list[str], list[str]]:
    """Every funding source and rule title the built-in packs name."""
    from fieldapp.policy.packfile import read_pack_file
    from fieldapp.policy.registry import base_dir

    sources: set[str] = set()
    titles: set[str] = set()
    for path in sorted(base_dir().glob("*.toml")):
        for rule in read_pack_file(path).rules:
            titles.add(rule.title)
            sources.add(rule.funding_source)
            sources.update(option.source for option in rule.funding_by_category)
    return sorted(sources, key=len), sorted(titles, key=len)


def _below_smallest(pdf: bytes) -> list[str]:
    """Each page's characters in the form's boxes (above the footer: page number and
    verification line, 50 pt from the bottom) printed below the form's smallest type."""
    from fieldapp.paperwork.form import SMALLEST

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            "".join(
                c["text"]
                for c in page.chars
                if c["bottom"] < page.height - 50 and c["size"] < SMALLEST - 0.01
            )
            for page in doc.pages
        ]


def test_every_funding_source_a_pack_ships_prints_on_the_form_at_a_readable_size():
    """The 资金来源 box is a quarter of its row: 衔接推进乡村振兴补助资金 was squeezed into
    two lines of 7.5 pt, the smallest type on the form but its footer. The row now grows so a
    long source (and a long rule title beside it) wraps at the form's own size: measured from
    the PDF, nothing in the form's boxes prints below its minimum, and no character crosses a
    box's line, for every source the shipped packs name beside their longest rule title."""
    sources, titles = _shipped_sources_and_titles()
    assert "衔接推进乡村振兴补助资金" in sources, sources
    for source in sources:
        for title in (titles[0], titles[-1]):
            form = FormView(
                "c1",
                title,
                _person(),
                1000.0,
                source_clause="黔府发〔2023〕12号 附件2 第（四）条",
                pack_version="县 2026.2",
                funding_source=source,
            )
            pdf = render_forms([form], PaperSettings(county_name=COUNTY))
            assert _below_smallest(pdf) == [""], (source, title)
            flat = "".join("".join(page_texts(pdf)).split())
            assert source in flat and "".join(title.split()) in flat, (source, title)
            assert _crossing(pdf) == [], (source, title)


#: The most a form's 资格条件 holds (a monthly subsidy's job of an organised export with a
#: county figure raised at the year's turn): eleven facts, three of them whole rows.
MOST_FACTS = (
    Fact("发放月份", "2026年10月"),
    Fact("务工地点", "浙江省宁波市北仑区大碶街道"),
    Fact("用工单位", "宁波某某电子有限公司"),
    Fact("就业开始时间", "2026年3月1日"),
    Fact("就业形式", "单位就业"),
    Fact("稳定就业月数", "7 个月"),
    Fact("劳动合同期限", "12 个月"),
    Fact("社保缴纳月数", "6 个月"),
    Fact("月收入（元）", "4500"),
    Fact("组织输出机构", "播州区某某人力资源服务有限公司"),
    Fact(
        "补贴标准",
        "700 元/月（县定标准）；2027年1月1日起执行，此前 600 元/月（七人社通〔2026〕3号）",
    ),
)


def _title_sizes(pdf: bytes) -> list[float]:
    """Each page's smallest character of its title: the lines above the first box but the
    last (乡镇（街道）… 申请日期)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        sizes = []
        for page in doc.pages:
            first_box = min(r["top"] for r in page.rects)
            lines: dict[int, list[float]] = {}
            for c in page.chars:
                if c["bottom"] < first_box:
                    lines.setdefault(round(c["top"]), []).append(c["size"])
            title = [size for _top, line in sorted(lines.items())[:-1] for size in line]
            assert title, page.page_number
            sizes.append(min(title))
        return sizes


def _review_boxes(pdf: bytes) -> list[list[float]]:
    """Each page's review boxes' heights (the last three label boxes at the page's left)."""
    from fieldapp.paperwork.form import LABEL_W, LEFT

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        pages = []
        for page in doc.pages:
            labels = [
                r
                for r in page.rects
                if abs(r["x0"] - LEFT) < 0.5 and abs(r["width"] - LABEL_W) < 0.5
            ]
            pages.append([r["height"] for r in sorted(labels, key=lambda r: r["top"])[-3:]])
        return pages


#: A county's own 承诺 (a setting of its own, as long as counties write them): five lines.
LONG_PLEDGE = (
    "本人承诺：以上填报的个人信息、就业信息及所附材料均真实、准确、完整，不存在虚报、冒领、"
    "重复申领等情形；本人未在其他地区或其他部门重复享受同类就业补贴；本人同意县人力资源和"
    "社会保障部门及乡镇（街道）、村（居）委会核查本人就业、社保缴费和银行账户信息，并在乡镇"
    "（街道）、村（居）进行公示。如有虚假，本人自愿退回所领全部补贴资金，五年内不再申领就业"
    "补贴，并承担相应法律责任。"
)
#: An employer's name too long for half a row, or for one line of a whole one.
LONG_EMPLOYER = (
    "贵州省毕节市威宁彝族回族苗族自治县五里岗街道某某新型环保建材科技开发有限责任公司第二分公司"
)


def _longest_county() -> str:
    """The longest name of a county in the area table."""
    from fieldapp.reference import divisions

    return max((name for _c, _p, name, kind in divisions().rows if kind == "县"), key=len)


@pytest.mark.parametrize("long", [False, True], ids=["pack", "county-pledge-employer"])
def test_the_longest_citation_and_evidence_list_a_pack_ships_print_at_the_forms_size(long):
    """政策依据 was given two lines: the province's document cited by its title (《关于切实加强
    就业帮扶…的实施意见》第（十三）条) with the county's figure and extension after it took
    three, squeezed into 7.5 pt; 附送材料 was held to three rows, a longer list shrunk. Both
    rows now take the lines they need at the form's size, the review boxes below giving up the
    room: for every rule the shipped packs hold, with a county's figure and extension cited and
    the most facts a form holds, nothing in the form's boxes prints below its smallest type, no
    character crosses a box's line or another, and the review boxes keep their least height.

    The same with a county's own long 承诺 (it was squeezed into the pledge's three lines, to
    any size), an employer's name longer than a line of the facts (squeezed into one row) and
    the longest county name in the area table before each rule's title (the title shrunk to
    the page's width, to any size): each takes the lines it needs, the title broken after the
    county's name at its size."""
    from fieldapp.paperwork.form import REVIEW_LEAST, TITLE_LEAST, attachments
    from fieldapp.policy.pack import Extension
    from fieldapp.policy.packfile import read_pack_file
    from fieldapp.policy.registry import base_dir

    extension = Extension(
        valid_to=dt.date(2027, 12, 31),
        document="某县人社发〔2026〕20号",
        issuer="某县人力资源和社会保障局",
        date=dt.date(2026, 12, 10),
    )
    rules = [r for path in base_dir().glob("*.toml") for r in read_pack_file(path).rules]
    settings, facts = PaperSettings(county_name=COUNTY), MOST_FACTS
    if long:
        assert _longest_county() == COUNTY
        settings = PaperSettings(county_name=_longest_county(), pledge=LONG_PLEDGE)
        facts = tuple(Fact(f.label, LONG_EMPLOYER) if f.label == "用工单位" else f for f in facts)
    forms = []
    for rule in rules:
        county = rule.model_copy(
            update={"figure_document": "某县人社发〔2026〕3号", "extensions": [extension]}
        )
        person = PersonView(
            "欧阳娜仁其木格",
            id_for(1),
            "女",
            "1990年1月",
            "13800001234",
            "贵州省毕节市威宁彝族回族苗族自治县五里岗街道感恩社区易地扶贫搬迁安置点",
            ("脱贫人口", "易地扶贫搬迁人口"),
            home="贵州省毕节市威宁彝族回族苗族自治县哲觉镇某某村三组",
            account_bank="贵州农信",
            account_number="6230520102000000001",
        )
        forms.append(
            FormView(
                rule.id,
                rule.title,
                person,
                1000.0,
                facts=facts,
                source_clause=county.citation,
                pack_version="guizhou-2023@2026.1+county@2026.2",
                funding_source=rule.funding_source,
                evidence=tuple(Attachment(e, n % 2 == 0) for n, e in enumerate(rule.evidence)),
                missing_reason="本人在外务工，材料由家属补交",
            )
        )
    longest = max(forms, key=lambda f: len(f.source_clause))
    assert (
        "《关于切实加强就业帮扶巩固拓展脱贫攻坚成果助力乡村振兴的实施意见》"
        in longest.source_clause
    )
    assert max(len(f.evidence) for f in forms) >= 6
    pdf = render_forms(forms, settings)
    texts = ["".join(t.split()) for t in page_texts(pdf)]
    assert len(texts) == len(forms)
    for form, text, size in zip(forms, texts, _title_sizes(pdf), strict=True):
        assert "".join(f"{COUNTY}{form.rule_title}申请表".split()) in text, text
        assert "".join(settings.pledge.split()) in text, text
        for fact in facts:
            assert "".join(fact.value.split()) in text, (fact, text)
        assert size >= TITLE_LEAST, (form.rule_title, size)
    assert _below_smallest(pdf) == [""] * len(forms)
    assert _crossing(pdf) == [] and _overprinted(pdf) == []
    for form, text, boxes in zip(forms, texts, _review_boxes(pdf), strict=True):
        assert "".join(form.source_clause.split()) in text, (form.claim_id, text)
        assert "".join(attachments(form).split()) in text, (form.claim_id, text)
        assert len(boxes) == 3 and min(boxes) >= REVIEW_LEAST - 0.01, (form.claim_id, boxes)


#: What a county may ask to be handed in with its post subsidy: twelve papers.
COUNTY_PAPERS = (
    "身份证复印件",
    "户口簿复印件",
    "公益性岗位协议（每次不超过1年）",
    "当月出勤表",
    "岗位工作日志",
    "村（居）委会考核评分表",
    "社会保障卡账户",
    "脱贫户（监测对象）认定证明",
    "乡镇（街道）人社服务中心审核表",
    "公益性岗位人员花名册（加盖村委会公章）",
    "意外伤害保险缴费凭证",
    "岗位补贴发放签领表",
)


def test_a_countys_long_list_of_papers_prints_whole_at_the_forms_size(repo: Records):
    """A county pack asking twelve papers for its post subsidy, whose figure and extension it
    cites on its own notices: the 申请表 of a claim judged under it lists every paper 已附 or
    未附 at the form's size, below the whole citation at the form's size, on one page whose
    review boxes keep their least height."""
    import tempfile
    from pathlib import Path

    from fieldapp.paperwork.form import REVIEW_LEAST
    from fieldapp.policy.combine import combine
    from fieldapp.policy.packfile import parse_pack_text
    from fieldapp.policy.registry import PolicyRegistry
    from fieldapp.services.claims import ClaimService
    from tests.paperwork.packs import RAISED
    from tests.policy.helpers import populate, post_worker

    listed = ", ".join(f'"{paper}"' for paper in COUNTY_PAPERS)
    county = RAISED + f'\n[[overrides]]\nrule = "welfare_post_subsidy"\nevidence = [{listed}]\n'
    base = PolicyRegistry(local=Path(tempfile.mkdtemp())).base_files()
    policy = combine([*base, ("county.toml", parse_pack_text(county, "county.toml"))])
    rule = policy.rule("welfare_post_subsidy")
    assert rule.evidence == list(COUNTY_PAPERS)
    populate(repo)
    _pid, number = post_worker(repo, place_name="红星村")
    service = ClaimService(repo.ledger, policy)
    claim = service.create(
        number,
        "welfare_post_subsidy",
        on=dt.date(2026, 11, 20),
        evidence_collected=list(COUNTY_PAPERS[::2]),
    )
    claim = service.set_missing_reason(claim.id, "村委会考核评分表待月底考核后补交")
    pdf = form_job(repo.ledger, claim.id, today=dt.date(2026, 12, 5)).render()
    (text,) = ["".join(t.split()) for t in page_texts(pdf)]
    cited = "".join(claim.source_clause.split())
    assert "七人社通〔2026〕3号" in cited and "执行至2027年12月31日" in cited, cited
    assert cited in text, text
    for n, paper in enumerate(COUNTY_PAPERS):
        assert f"{paper}：{'已附' if n % 2 == 0 else '未附'}" in text, (paper, text)
    assert "（未附原因：村委会考核评分表待月底考核后补交）" in text, text
    assert _below_smallest(pdf) == [""]
    assert _crossing(pdf) == [] and _overprinted(pdf) == []
    (boxes,) = _review_boxes(pdf)
    assert min(boxes) >= REVIEW_LEAST - 0.01, boxes


def _cell_lines(pdf: bytes, x0: float, x1: float) -> list[str]:
    """The first page's text lines drawn between x0 and x1 (a column of the form's boxes)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        lines: dict[int, list[dict]] = {}
        for c in page.chars:
            if x0 <= c["x0"] and c["x1"] <= x1 and c["bottom"] < page.height - 50:
                lines.setdefault(round(c["top"]), []).append(c)
        return [
            "".join(c["text"] for c in sorted(cs, key=lambda c: c["x0"]))
            for _, cs in sorted(lines.items())
        ]


def test_a_funding_source_breaks_between_its_words():
    """衔接推进乡村振兴补助资金 wrapped in its box as 衔接推进乡村振兴补 / 助资金, the source's
    last word cut. A line now breaks between the words of the sources the packs name
    (衔接推进 / 乡村振兴 / 补助资金, 就业补助资金 whole) and never inside the last four
    characters of any source a county names (…专项资金, …保险基金); a document's number stays
    with its issuer's code (七人社通〔2026〕3号), a day whole (2026年12月10日)."""
    from reportlab.pdfgen.canvas import Canvas

    from fieldapp.paperwork.form import LABEL_W, LEFT, RIGHT, SIZE
    from fieldapp.paperwork.pen import Pen

    pen = Pen(Canvas(io.BytesIO()))
    box = (RIGHT - LEFT - 3 * LABEL_W) / 3  # the 资金来源 box, at the row's right
    for width, source, lines in (
        (box - 6, "衔接推进乡村振兴补助资金", ["衔接推进乡村振兴", "补助资金"]),
        (50, "衔接推进乡村振兴补助资金", ["衔接推进", "乡村振兴", "补助资金"]),
        (95, "中央财政衔接推进乡村振兴补助资金", ["中央财政衔接推进", "乡村振兴补助资金"]),
        (75, "中央财政就业补助资金", ["中央财政", "就业补助资金"]),
        (45, "就业补助资金", ["就业", "补助资金"]),
        (65, "县级财政专项资金", ["县级财政", "专项资金"]),
        (55, "失业保险基金", ["失业", "保险基金"]),
    ):
        assert pen.wrap(source, width, SIZE, hang=False) == lines, (width, source)
    cited = "县定标准：七人社通〔2026〕3号；执行至2027年12月31日（七星关区人力资源和社会保障局"
    for width in range(100, 260, 7):  # the number with its code fits a line of 100 pt
        said = pen.wrap(cited, width, SIZE, hang=False)
        assert "".join(said) == cited
        assert any("七人社通〔2026〕3号" in line for line in said), (width, said)
        assert any("2027年12月31日" in line for line in said), (width, said)
    # Too narrow for the whole: the number whole on a line of its own, the code broken.
    assert pen.wrap("黔人社厅发〔2026〕12号", 30, 7, hang=False) == [
        "黔人社厅",
        "发",
        "〔2026〕",
        "12号",
    ]
    # On the form: the source's box reads 衔接推进乡村振兴 over 补助资金.
    source = "衔接推进乡村振兴补助资金"
    form = FormView("c1", "乡村公益性岗位补贴", _person(), 600.0, funding_source=source)
    pdf = render_forms([form], PaperSettings(county_name=COUNTY))
    said = [line for line in _cell_lines(pdf, RIGHT - box, RIGHT) if set(line) <= set(source)]
    assert said == ["衔接推进乡村振兴", "补助资金"], said


def test_a_list_of_papers_breaks_after_its_marks_never_inside_a_paper_or_its_mark():
    """附送材料 broke wherever its line was full: 机 / 构营业执照或登记证明, 未 / 附. A line
    now breaks after the list's ；, 、 or ：, each paper's name and its 已附 / 未附 whole, and
    the two together where they fit a line (never 身份证复印件： / 已附); a name wider than
    its line starts on a fresh one when that breaks it fewer times: for every list the
    shipped packs and a county's twelve papers make, at the form's sizes and narrower boxes,
    and on the printed form."""
    from reportlab.pdfgen.canvas import Canvas

    from fieldapp.paperwork.form import LABEL_W, LEFT, RIGHT, attachments
    from fieldapp.paperwork.pen import LISTED_WORDS, Pen
    from fieldapp.policy.packfile import read_pack_file
    from fieldapp.policy.registry import base_dir

    pen = Pen(Canvas(io.BytesIO()))
    lists = [r.evidence for p in base_dir().glob("*.toml") for r in read_pack_file(p).rules]
    lists = [papers for papers in lists if papers] + [list(COUNTY_PAPERS)]
    assert any("机构营业执照或登记证明" in papers for papers in lists)
    forms = [
        FormView(
            "c1",
            "一次性求职补贴",
            _person(),
            1000.0,
            evidence=tuple(Attachment(e, n % 2 == 1) for n, e in enumerate(papers)),
            missing_reason="本人在外务工，材料由家属补交",
        )
        for papers in lists
    ]
    forms.append(FormView("c2", "一次性求职补贴", _person(), 1000.0))  # no checklist recorded
    box = RIGHT - LEFT - LABEL_W - 6
    for form in forms:
        text = attachments(form)
        listed = text.split("（")[0] if not form.evidence else text.split("（未附原因")[0]
        names = [a.item for a in form.evidence] or ["身份证复印件", "务工证明或劳动合同"]
        for width in (box, box * 0.7, box / 2, 150.0, 110.0):
            for size in (9.0, 8.0):
                lines = pen.wrap(text, width, size, hang=False, words=LISTED_WORDS)
                assert "".join(lines) == text, (width, lines)
                done = 0  # characters of the text on the lines so far
                for line, after in zip(lines, lines[1:], strict=False):
                    assert not (line.endswith(("已", "未")) and after.startswith("附")), lines
                    done += len(line)
                    inside = [  # a name wider than the line breaks by its characters
                        n
                        for n in names
                        if pen.width(n, size) > width
                        and text.find(n) < done < text.find(n) + len(n)
                    ]
                    if done < len(listed) and not inside:  # the note after it: a sentence
                        ends = line[-1] in "；、：" or after.startswith("（")
                        assert ends, (width, size, lines)
                for name in names:
                    if pen.width(name, size) <= width:
                        assert any(name in line for line in lines), (name, width, lines)
                    else:  # broken no more often than on lines of its own
                        at = text.find(name)
                        ends = [sum(map(len, lines[: i + 1])) for i in range(len(lines))]
                        spans = sum(
                            1
                            for i, end in enumerate(ends)
                            if end - len(lines[i]) < at + len(name) and end > at
                        )
                        alone = pen.wrap(name, width, size, hang=False)
                        assert spans <= len(alone), (name, width, size, lines)
                for a in form.evidence:  # a name with its mark whole where they fit a line
                    marked = f"{a.item}：{'已附' if a.attached else '未附'}"
                    if pen.width(marked, size) <= width:
                        assert any(marked in line for line in lines), (marked, width, lines)
    # 公益性岗位人员花名册（加盖村委会公章）：未附 was left 未附 alone on the next line, and
    # in a narrower box its name started at the line's end to be broken twice.
    listed = "身份证复印件：已附；公益性岗位人员花名册（加盖村委会公章）：未附；意外伤害保险缴费凭证：已附"
    assert pen.wrap(listed, 260, 8, hang=False, words=LISTED_WORDS) == [
        "身份证复印件：已附；",
        "公益性岗位人员花名册（加盖村委会公章）：未附；",
        "意外伤害保险缴费凭证：已附",
    ]
    assert pen.wrap(listed, 110, 8, hang=False, words=LISTED_WORDS) == [
        "身份证复印件：已附；",
        "公益性岗位人员花名册（加盖",
        "村委会公章）：未附；",
        "意外伤害保险缴费凭证：已附",
    ]
    # On the form: the 机构's list prints each paper's name and mark whole on a line.
    (agency,) = [f for f in forms if any("机构营业执照" in a.item for a in f.evidence)]
    pdf = render_forms([agency], PaperSettings(county_name=COUNTY))
    printed = _cell_lines(pdf, LEFT + LABEL_W, RIGHT)
    for a in agency.evidence:
        mark = "已附" if a.attached else "未附"
        assert any(a.item in line for line in printed), (a.item, printed)
        assert any(mark in line for line in printed if "附送" not in line), printed
    assert not any(line.endswith(("已", "未")) for line in printed), printed


def _shipped_payees() -> list[str]:
    """Every kind of payee a rule of the shipped packs pays (个人, 用人单位, 经营性人力资源服务机构)."""
    from fieldapp.policy.packfile import read_pack_file
    from fieldapp.policy.registry import base_dir

    rules = [r for path in base_dir().glob("*.toml") for r in read_pack_file(path).rules]
    return sorted({str(r.payee_kind) for r in rules})


def test_every_payee_a_pack_ships_is_labelled_at_the_forms_size():
    """收款经营性人力资源服务机构 (a 跟踪服务补贴 paid to the agency) was squeezed into its
    label box's one row: two lines of 7.5 pt, broken 收款经营性人力 / 资源服务机构. The row now
    grows so the label wraps at the form's size by its words (收款经营性 / 人力资源 / 服务机构),
    a long name beside it too: for every payee the shipped packs name, nothing in the form's
    boxes prints below its smallest type, no character crosses a box's line or another, and the
    review boxes keep their least height."""
    from fieldapp.paperwork.form import LABEL_W, LEFT, REVIEW_LEAST

    payees = _shipped_payees()
    assert {"个人", "用人单位", "经营性人力资源服务机构"} <= set(payees), payees
    for payee in payees:
        for name in ("威宁县永盛劳务合作社", AGENCY + "第二分社", LONG_EMPLOYER):
            form = FormView(
                "c1",
                LONG_RULE,
                _person(),
                1000.0,
                facts=MOST_FACTS,
                source_clause="黔府发〔2023〕12号 附件2 第（四）条",
                pack_version="县 2026.2",
                funding_source="衔接推进乡村振兴补助资金",
                payee=payee,
                payee_name="" if payee == "个人" else name,
            )
            pdf = render_forms([form], PaperSettings(county_name=COUNTY))
            (text,) = ["".join(t.split()) for t in page_texts(pdf)]
            if payee == "个人":
                assert "开户银行" in text and "6230520102000000001" in text, text
            else:
                assert f"收款{payee}" in text and name in text, (payee, text)
            assert _below_smallest(pdf) == [""], (payee, name)
            assert _crossing(pdf) == [] and _overprinted(pdf) == [], (payee, name)
            (boxes,) = _review_boxes(pdf)
            assert min(boxes) >= REVIEW_LEAST - 0.01, (payee, name, boxes)
            labels = _cell_lines(pdf, LEFT, LEFT + LABEL_W)
            if payee == "经营性人力资源服务机构":
                assert "收款经营性" in labels and "人力资源" in labels, labels
                assert "服务机构" in labels, labels
            elif payee == "用人单位":
                assert "收款用人单位" in labels, labels


def test_a_list_column_is_set_on_the_left_whole_not_a_short_name_centred_under_a_long_one():
    """户级责任清单's 户主/成员 centred a name alone (李玉波) and set two (袁鹏平、胡萍玲) on the
    left: one column on two lines. A column is centred only where all its texts are short (性别,
    a name alone on 一库五册), on every page alike; numbers stay on the right."""
    columns = ("序号", "事项", "户主/成员", "性别")
    rows = (
        ("1", "零就业家庭", "袁鹏平、胡萍玲", "男"),
        ("2", "零就业家庭", "李玉波", "女"),
        *((str(n), "零就业家庭", "石和", "男") for n in range(3, 80)),  # to a second page
    )
    section = Section("户级责任清单", columns, (0.5, 1.2, 2.0, 0.6), rows, unit="项")
    pdf = render_tables(TablesView("户级责任清单", "草海镇", dt.date(2026, 12, 5), (section,)))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) > 1

        def starts(page: int, first: str) -> list[float]:
            return [round(c["x0"], 1) for c in doc.pages[page].chars if c["text"] == first]

        def middles(page: int, word: str) -> list[float]:
            chars = doc.pages[page].chars
            found = []
            for i in range(len(chars) - len(word) + 1):
                if "".join(c["text"] for c in chars[i : i + len(word)]) == word:
                    found.append(round((chars[i]["x0"] + chars[i + len(word) - 1]["x1"]) / 2, 1))
            return found

        # 袁 (the list), 李 (a name alone) and 石 (on the next page) start at the same x.
        assert len({*starts(0, "袁"), *starts(0, "李"), *starts(1, "石")}) == 1
        # 性别 is short throughout: centred, 男 and 女 on one middle.
        assert len({*middles(0, "男"), *middles(0, "女")}) == 1
