"""Every paper's footer said 打印时间 in this computer's own clock, and backup files were named
by it: on a laptop or county server kept in UTC a roster printed at 10:31 at the office said
02:31, a backup made then was named …-023100, while the print log and every other time the
program shows are China time. Footers and backup names now take China time
(`domain.dates.china_time`) whatever zone the computer keeps."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from fieldapp.domain.dates import CHINA
from fieldapp.paperwork.certificate import render_certificate
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.roster import render_notice, render_roster
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
from fieldapp.store.backup import backup_name
from tests.paperwork.builders import id_for
from tests.paperwork.pdftext import page_texts, pdftotext

#: 10:31 on 4 December at the office: 02:31 UTC.
OFFICE = dt.datetime(2026, 12, 4, 10, 31, 5, tzinfo=CHINA)


def _papers() -> dict[str, bytes]:
    person = PersonView("张龑", id_for(1), "男", account_number="6230520102000000001")
    row = RosterRow(
        "张龑", "男", id_for(1), "脱贫人口", "浙江省宁波市", 1000, "6230520102000000001"
    )
    roster = RosterView("b1", "一次性求职创业补贴", (row,), "大坝村")
    sheet = VisitSheetView(
        "520526001901",
        "大坝村",
        "2026-11",
        (HouseholdMonth("H1", "张龑", members=(MemberMonth("张龑"),)),),
    )
    section = Section("公益性岗位人员花名册", ("序号", "姓名"), (1.0, 1.0), (("1", "张龑"),))
    return {
        "申请表": render_forms([FormView("c1", "一次性求职创业补贴", person, 1000.0)]),
        "花名册": render_roster(roster),
        "公示表": render_notice(NoticeView(roster, dt.date(2026, 12, 4), dt.date(2026, 12, 8))),
        "走访记录": render_visits(sheet),
        "一库五册": render_tables(
            TablesView("一库五册", "大坝村", dt.date(2026, 11, 30), (section,))
        ),
        "务工证明": render_certificate(CertificateView(person)),
    }


def _printed_at(pdf: bytes) -> list[str]:
    """What each page's footer says after 打印时间."""
    found = []
    for text in page_texts(pdf):
        said = re.search(r"打印时间\s*(\d{4}年\d{1,2}月\d{1,2}日\s+\d{2}:\d{2})", text)
        assert said, text
        found.append(" ".join(said.group(1).split()))
    return found


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/New_York"])
def test_every_footer_says_china_time_whatever_zone_the_computer_keeps(clock, zone):
    clock(zone)
    with time_machine.travel(OFFICE, tick=False):
        papers = _papers()
    for name, pdf in papers.items():
        assert _printed_at(pdf) == ["2026年12月4日 10:31"], name


def test_a_given_print_time_is_said_in_china_time(clock):
    clock("UTC")
    # a time with its zone, said as China's; one with none is this computer's (02:31 on this
    # UTC clock), as a stored time with none is read (`dates.china_iso`)
    person = PersonView("张龑", id_for(1), "男")
    utc = OFFICE.astimezone(dt.UTC)
    zoned = render_certificate(CertificateView(person), printed_at=utc)
    naive = render_certificate(CertificateView(person), printed_at=dt.datetime(2026, 12, 4, 2, 31))
    assert _printed_at(zoned) == _printed_at(naive) == ["2026年12月4日 10:31"]


def test_a_backup_is_named_by_china_time_on_a_utc_clock(clock):
    clock("UTC")
    with time_machine.travel(OFFICE, tick=False):
        assert dt.datetime.now().hour == 2  # the computer's own clock says 02:31
        assert backup_name("/村里/ledger.db") == "ledger-备份-20261204-103105.fieldbackup"
    assert backup_name("ledger.db", OFFICE) == "ledger-备份-20261204-103105.fieldbackup"


def test_every_footer_writes_its_print_day_as_the_papers_other_days(clock):
    """打印时间 said 2027-02-03 09:00 under a form whose 申请日期 said 2027年2月3日: written as
    the papers' other days now, 2027年2月3日 09:00, with no ISO day left in any footer."""
    clock("UTC")
    with time_machine.travel(dt.datetime(2027, 2, 3, 9, 0, 41, tzinfo=CHINA), tick=False):
        papers = _papers()
    for name, pdf in papers.items():
        for page in pdftotext(pdf):
            footer = page[page.index("打印时间") :].splitlines()[0]
            assert re.match(r"打印时间\s+2027年2月3日\s+09:00\s+校验码 \S+$", footer), (
                name,
                footer,
            )
            assert not re.search(r"\d{4}-\d\d-\d\d", footer), (name, footer)
