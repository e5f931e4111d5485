"""Nothing printed runs off the paper: long county names, long rule titles, long area names."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber

from fieldapp.paperwork.certificate import render_certificate
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.jobs import notice_job, roster_job
from fieldapp.paperwork.masking import mask_account
from fieldapp.paperwork.roster import render_notice, render_roster
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.tables import Section, TablesView, render_tables
from fieldapp.paperwork.views import (
    CertificateView,
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
from tests.paperwork.builders import add_claims, id_for
from tests.paperwork.pdftext import page_texts

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
    return RosterView("b1", LONG_RULE, (row,), LONG_AREA, rule_clause="001 附件1（一）")


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
