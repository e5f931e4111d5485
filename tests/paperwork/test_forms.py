"""Application forms from the ledger: identity, facts, amounts, review boxes, one page per claim."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from fieldapp.domain.dates import CHINA
from fieldapp.domain.errors import NotFound
from fieldapp.domain.progress import Cancelled
from fieldapp.paperwork.form import render_forms
from fieldapp.paperwork.jobs import form_job, forms_job, print_to_file
from fieldapp.paperwork.numerals import capitals
from fieldapp.paperwork.views import FormView, PersonView
from fieldapp.store.queries.claims import ClaimQueries
from tests.paperwork.builders import add_claims
from tests.paperwork.pdftext import assert_fonts_embedded, page_texts

BOUNDARY = [0, 10, 100, 105, 1000, 1005, 10005, 100000, 1000000.50]


def test_form_from_the_ledger(ledger):
    _batch, claims = add_claims(ledger, 2)
    ledger.set_meta("paper.county_office", "播州区人力资源和社会保障局")
    job = form_job(ledger, claims[0])
    pdf = job.render()
    (text,) = page_texts(pdf)
    flat = "".join(text.split())  # labels wrap inside their cells
    claim = ledger.get("claims", claims[0])
    person = ledger.get("persons", claim["person_id"])
    for expected in (
        person["name"],
        person["id_number"],
        person["account_number"],
        "贵州农信",
        "脱贫人口",
        "播州区一次性交通补助申请表",  # the county name comes from the area tree
        "龙坑街道",
        "大坪村",
        "黔府发〔2023〕12号 附件2 第（四）条",  # an old claim's file code, printed officially
        "浙江省宁波市北仑区",
        "宁波某某电子有限公司",
        "2026年3月1日",  # 就业开始时间, as the form writes its days
        "12 个月",
        "6 个月",
        "¥500.00",
        "人民币伍佰元整",
        "身份证复印件",
        "村（居）委会",
        "乡镇（街道）",
        "播州区人力资源和社会保障局",
        "审批意见",
        "（盖章）",
        "申请人（签字或按手印）",
        # The claim by the number the claims page shows, not its id (a UUID).
        f"申请编号 {ClaimQueries(ledger).get(claims[0]).number}",
    ):
        assert "".join(expected.split()) in flat, expected
    assert "第 1 页 共 1 页" in text
    assert claims[0] not in flat
    assert_fonts_embedded(pdf)


def test_claim_id_prefix_and_unknown_claim(ledger):
    _batch, claims = add_claims(ledger, 1)
    assert form_job(ledger, claims[0][:13]).view.claim_id == claims[0]
    with pytest.raises(NotFound, match="找不到申领记录"):
        form_job(ledger, "no-such-claim")


@pytest.mark.parametrize("amount", BOUNDARY)
def test_boundary_amounts_in_figures_and_capitals(amount):
    form = FormView("c1", "培训生活费补贴", PersonView("张龑", "520102198503161234"), amount)
    text = page_texts(render_forms([form]))[0]
    assert f"¥{amount:.2f}" in text
    assert f"人民币{capitals(amount)}" in text


def test_batch_forms_one_page_each_with_progress(ledger, tmp_path):
    batch_id, claims = add_claims(ledger, 5, amounts=[500, 1000])
    seen: list[tuple[int, int]] = []
    job = forms_job(ledger, batch_id)
    record = print_to_file(
        ledger, job, tmp_path / "申请表.pdf", progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(n, 5) for n in range(1, 6)]
    texts = page_texts((tmp_path / "申请表.pdf").read_bytes())
    assert len(texts) == record.pages == 5
    queries = ClaimQueries(ledger)
    for claim_id in claims:
        name = ledger.get("persons", ledger.get("claims", claim_id)["person_id"])["name"]
        said = re.compile(rf"申请编号 {queries.get(claim_id).number}(?!\d)")
        (page,) = [t for t in texts if said.search(t)]  # one page per claim
        assert name in page
    for n, text in enumerate(texts, start=1):
        assert f"第 {n} 页 共 5 页" in text
        assert f"批次编号 {queries.batch(batch_id).number}" in text


def test_cancel_writes_nothing(ledger, tmp_path):
    batch_id, _claims = add_claims(ledger, 3)
    out = tmp_path / "申请表.pdf"
    calls = []
    with pytest.raises(Cancelled, match="打印已取消"):
        print_to_file(
            ledger,
            forms_job(ledger, batch_id),
            out,
            progress=lambda d, t: calls.append(d),
            cancelled=lambda: len(calls) >= 2,
        )
    assert not out.exists()
    assert not list(tmp_path.glob("*.part"))
    assert ledger.db.execute("SELECT count(*) FROM print_log").fetchone()[0] == 0


def test_printed_at_is_in_the_footer_but_not_in_the_code():
    form = FormView("c1", "一次性交通补助", PersonView("张龑", "520102198503161234"), 500)
    # China time, with its zone: one with none is this computer's (test_zoneless_times_agree)
    first = dt.datetime(2026, 11, 1, 9, 30, tzinfo=CHINA)
    a = page_texts(render_forms([form], printed_at=first))[0]
    b = page_texts(render_forms([form], printed_at=first + dt.timedelta(days=1)))[0]
    assert "打印时间 2026年11月1日 09:30" in a
    code = a.split("校验码 ")[1].split()[0]
    assert f"校验码 {code}" in b
    changed = FormView("c1", "一次性交通补助", PersonView("张龑", "520102198503161234"), 501)
    assert f"校验码 {code}" not in page_texts(render_forms([changed]))[0]


@pytest.mark.parametrize(
    ("payee", "name"),
    [("用人单位", "宁波某某电子有限公司"), ("经营性人力资源服务机构", "威宁县永盛劳务合作社")],
    ids=["employer", "agency"],
)
def test_a_subsidy_paid_to_a_unit_is_pledged_and_stamped_by_the_unit(ledger, payee, name):
    """A 吸纳就业补贴 (paid to the employer) or 跟踪服务补贴 (to the agency) is applied for by the
    unit, but its 申请表 had the worker pledge 本人未重复享受同类补贴 and sign 申请人（签字或按
    手印） — no place for the unit's seal, so the township sent it back; the unit now pledges
    (本单位承诺…本单位未重复享受…) and stamps: 申请单位（盖章）, 经办人（签字）. A person's own
    subsidy reads as before."""
    _batch, (claim_id, own) = add_claims(ledger, 2)
    ledger.update("claims", claim_id, {"payee": payee, "payee_name": name})
    (text,) = page_texts(form_job(ledger, claim_id).render())
    flat = "".join(text.split())
    assert "本单位承诺" in flat and "本单位未重复享受" in flat, flat
    assert "申请单位（盖章）" in flat and "经办人（签字）" in flat
    assert "本人" not in flat and "申请人（签字或按手印）" not in flat
    (text,) = page_texts(form_job(ledger, own).render())
    flat = "".join(text.split())
    assert "本人承诺" in flat and "申请人（签字或按手印）" in flat


def test_a_units_account_box_is_left_blank_for_the_unit_to_fill_in(ledger):
    """A form paid to an employer prints 收款账号 with nothing in the box: the ledger keeps no
    unit's account. Blank it stays — the unit writes its account in where it stamps the form (a
    printed 待填 would be written over on a paper the county pays from) — and the print says
    so, naming the unit; a form paid to the person says nothing of it."""
    from fieldapp.paperwork.jobs import forms_job

    batch_id, (claim_id, own) = add_claims(ledger, 2)
    ledger.update("claims", claim_id, {"payee": "用人单位", "payee_name": "宁波某某电子有限公司"})
    job = form_job(ledger, claim_id)
    (text,) = page_texts(job.render())
    lines = [line.strip() for line in text.splitlines()]
    assert "收款账号" in lines and "待填" not in text
    assert "收款账号一栏留空，由宁波某某电子有限公司在申请表上填写本单位账号并盖章" in job.note
    assert "收款账号" not in form_job(ledger, own).note
    assert "由宁波某某电子有限公司在申请表上填写" in forms_job(ledger, batch_id).note


def _box_right_of(pdf: bytes, label: str) -> tuple[float, float]:
    """The width and height of the box right of the one `label` prints in, as drawn."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        text = "".join(c["text"] for c in page.chars)
        char = page.chars[text.index(label)]
        row = [r for r in page.rects if r["top"] <= char["top"] and char["bottom"] <= r["bottom"]]
        labelled = next(r for r in row if r["x0"] <= char["x0"] <= r["x1"])
        box = next(r for r in row if abs(r["x0"] - labelled["x1"]) < 0.5)
        return box["x1"] - box["x0"], box["bottom"] - box["top"]


@pytest.mark.parametrize(
    ("payee", "name"),
    [
        ("用人单位", "宁波某某电子有限公司"),
        ("经营性人力资源服务机构", "贵州省黔东南苗族侗族自治州某某劳务派遣有限责任公司"),
    ],
    ids=["employer", "agency-long-name"],
)
def test_a_units_account_box_holds_an_account_written_by_hand(payee, name):
    """The unit writes its 收款账号 in by hand, but the box was a third of the value columns,
    about 35 mm: a 19-digit bank account takes about 4 mm a digit written by hand, 76 mm, and
    was crammed or ran over the rule. The box now has that room (and its padding), measured as
    drawn; the unit's name gives it up, wrapping whole in a taller row if it is long."""
    mm = 72 / 25.4
    form = FormView(
        "c1",
        "吸纳就业补贴",
        PersonView("张龑", "520102198503161234"),
        1000,
        payee=payee,
        payee_name=name,
    )
    pdf = render_forms([form])
    width, height = _box_right_of(pdf, "收款账号")
    assert width >= 19 * 4 * mm + 6, width / mm
    assert height >= 7 * mm  # a line of handwriting
    assert name in "".join(page_texts(pdf)[0].split())
    # A person's own account is printed, in its own (wider) box as before.
    own = FormView("c2", "一次性交通补助", PersonView("张龑", "520102198503161234"), 500)
    width, _height = _box_right_of(render_forms([own]), "社保卡账号")
    assert width >= 19 * 4 * mm + 6, width / mm


def test_a_batchs_forms_come_out_in_its_rosters_order(ledger):
    """A batch paid from two funds prints one roster per fund (the 就业补助资金 rows after the
    衔接资金 ones), but its forms came out in the batch's order, the funds interleaved: the clerk
    stapling each form behind its roster line had to sort a hundred pages by hand. The forms
    now come out in the order of the roster's rows, fund by fund."""
    from fieldapp.paperwork.jobs import roster_job
    from tests.paperwork.pdftext import ID_RE

    batch_id, _claims = add_claims(ledger, 7, two_funds=True)
    roster = [
        i for text in page_texts(roster_job(ledger, batch_id).render()) for i in ID_RE.findall(text)
    ]
    forms = [ID_RE.findall(text)[0] for text in page_texts(forms_job(ledger, batch_id).render())]
    assert len(roster) == len(forms) == 7
    assert forms == roster


def test_each_listed_attachment_says_whether_it_is_attached(ledger):
    """The form's 附送材料 listed the rule's papers — 身份证复印件、务工证明 — whether or not the
    claim recorded them as collected: a form sent up without its work certificate read as if
    the certificate were stapled to it. Each item now says 已附 or 未附 as the claim records,
    with the reason recorded for what is missing."""
    import json

    _batch, claims = add_claims(ledger, 1)
    ledger.update(
        "claims",
        claims[0],
        {
            "evidence": json.dumps({"身份证复印件": True, "务工证明": False}, ensure_ascii=False),
            "missing_evidence_reason": "务工证明待单位盖章后补交",
        },
    )
    (text,) = page_texts(form_job(ledger, claims[0]).render())
    flat = "".join(text.split())
    assert "身份证复印件：已附" in flat
    assert "务工证明：未附" in flat
    assert "务工证明待单位盖章后补交" in flat
    assert "工资流水" not in flat  # no paper the claim's rule does not ask for
