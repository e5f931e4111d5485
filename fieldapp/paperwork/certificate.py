"""The work certificate (务工证明): a one-page template per person for the employer to complete.

Two versions: stable work at a unit (labour contract, wage, social insurance months) and casual
work (临工: days worked and day wage, signed by whoever hired, confirmed by the village because a
casual employer often has no seal). What the ledger knows is filled in; the rest is left blank.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.pagesizes import A4

from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.pen import MARGIN, Cell, Footer, Pen, draw_row, new_canvas, printed_stamp
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import CertificateView

PAGE_W, PAGE_H = A4
LEFT, RIGHT = MARGIN + 6, PAGE_W - MARGIN - 6
WIDTH = RIGHT - LEFT
SIZE = 10.5
ROW = 28.0
LABEL_W = 104.0


def render_certificate(
    cert: CertificateView,
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
) -> bytes:
    """The certificate as a one-page PDF."""
    settings = settings or PaperSettings()
    stamp = printed_stamp(printed_at)
    title = "务工证明（临时务工）" if cert.casual else "务工证明"
    canvas, buffer = new_canvas(A4, title, title, demo=settings.demo)
    pen = Pen(canvas)
    top = PAGE_H - MARGIN - 10
    pen.heading(PAGE_W / 2, top - 18, title, 20, WIDTH)
    top -= 44
    top = _identity(pen, cert, top)
    top = (_casual if cert.casual else _stable)(pen, cert, top)
    _signatures(pen, cert, settings, top)
    ref = f"务工证明  {cert.person.name}  身份证尾号 {cert.person.id_number[-4:]}"
    pen.footer(Footer(ref, stamp, short_hash(cert)), 1, 1, MARGIN, PAGE_W - MARGIN, 22)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _identity(pen: Pen, cert: CertificateView, top: float) -> float:
    p = cert.person
    half = (WIDTH - 2 * LABEL_W) / 2
    rows = [
        [
            Cell(LABEL_W, "姓    名", True),
            Cell(half, p.name),
            Cell(LABEL_W, "性    别", True),
            Cell(half, p.sex),
        ],
        [Cell(LABEL_W, "身份证号码", True), Cell(WIDTH - LABEL_W, p.id_number)],
        [Cell(LABEL_W, "户籍地址", True), Cell(WIDTH - LABEL_W, cert.home_place or p.registered)],
        [Cell(LABEL_W, "联系电话", True), Cell(WIDTH - LABEL_W, p.phone)],
    ]
    for cells in rows:
        draw_row(pen, LEFT, top, ROW, cells, SIZE)
        top -= ROW
    return top


def _pairs(pen: Pen, top: float, pairs: list[tuple[str, str]]) -> float:
    for label, value in pairs:
        draw_row(
            pen, LEFT, top, ROW, [Cell(LABEL_W, label, True), Cell(WIDTH - LABEL_W, value)], SIZE
        )
        top -= ROW
    return top


def _stable(pen: Pen, cert: CertificateView, top: float) -> float:
    months = f"{cert.contract_months} 个月" if cert.contract_months else "          个月"
    income = f"{cert.monthly_income} 元" if cert.monthly_income else "          元"
    insured = f"{cert.insurance_months} 个月" if cert.insurance_months else "          个月"
    start = cert.start_date or "      年    月    日"
    period = f"{start}  至  {cert.end_date}" if cert.end_date else f"{start}  起至今在岗"
    top = _pairs(
        pen,
        top,
        [
            ("用工单位名称", cert.employer),
            ("统一社会信用代码", ""),
            ("工作地点", cert.place),
            ("工作岗位", cert.job),
            ("就业起止时间", period),
            ("劳动合同期限", months),
            ("月工资（税前）", income),
            ("缴纳社会保险", insured),
            (
                "连续稳定就业",
                # Counted on the day printed, stamped later: said to which day (blank for
                # the employer to write, to the day the certificate is dated).
                f"{cert.stable_months} 个月（截至{cert.counted_to}）"
                if cert.stable_months and cert.counted_to
                else f"{cert.stable_months or '        '} 个月（截至开具之日）",
            ),
        ],
    )
    text = (
        "兹证明上述人员在我单位务工，以上情况属实。本单位对所填内容的真实性负责，"
        "如有虚假，愿承担相应责任。\n附：劳动合同复印件、近3个月工资发放银行流水。"
    )
    return _statement(pen, top, text)


def _casual(pen: Pen, cert: CertificateView, top: float) -> float:
    period = f"{cert.start_date or '      年    月    日'}  至  {cert.end_date or '      年    月    日'}"
    top = _pairs(
        pen,
        top,
        [
            ("用工方（单位或个人）", cert.employer),
            ("用工方证件号码\n或信用代码", ""),
            ("务工地点", cert.place),
            ("务工内容", cert.job),
            ("务工起止时间", period),
            ("累计务工天数", "          天"),
            ("日工资", "          元/天"),
            ("工资发放方式", "□ 现金    □ 银行转账    □ 微信/支付宝"),
            ("务工收入合计", "          元"),
        ],
    )
    text = (
        "兹证明上述人员在我处临时务工（临工），以上情况属实。"
        "用工方对所填内容的真实性负责，如有虚假，愿承担相应责任。"
    )
    return _statement(pen, top, text)


def _statement(pen: Pen, top: float, text: str) -> float:
    height = 52.0
    pen.rect(LEFT, top - height, WIDTH, height)
    pen.fit(text, LEFT, top - height, WIDTH, height, SIZE, align="left", pad=8)
    return top - height


def _signatures(pen: Pen, cert: CertificateView, settings: PaperSettings, top: float) -> None:
    y = top - 34
    who = "用工方（签字或盖章）：" if cert.casual else "用工单位（盖章）："
    pen.text(LEFT + 8, y, who, SIZE + 0.5)
    pen.text(
        LEFT + WIDTH / 2 + 20,
        y,
        "负责人（签字）：" if not cert.casual else "联系电话：",
        SIZE + 0.5,
    )
    y -= 28
    if not cert.casual:
        pen.text(LEFT + 8, y, "联系人：", SIZE + 0.5)
        pen.text(LEFT + WIDTH / 2 + 20, y, "联系电话：", SIZE + 0.5)
        y -= 28
    pen.text(RIGHT - 8, y, "开具日期：      年      月      日", SIZE + 0.5, "right")
    if cert.casual:
        height = 96.0
        box_top = y - 18
        pen.rect(LEFT, box_top - height, LABEL_W, height)
        # A site's resident is known to the site, as the site's 申请表 is reviewed by it.
        office = "安置点" if cert.in_site else settings.village_office
        pen.fit(f"{office}\n核实意见", LEFT, box_top - height, LABEL_W, height, SIZE)
        pen.rect(LEFT + LABEL_W, box_top - height, WIDTH - LABEL_W, height)
        pen.text(LEFT + LABEL_W + 8, box_top - 20, "经核实，该同志上述临时务工情况属实。", SIZE)
        pen.text(LEFT + LABEL_W + 8, box_top - height + 36, "经办人（签字）：", SIZE)
        pen.text(LEFT + LABEL_W + 220, box_top - height + 36, "（盖章）", SIZE)
        pen.text(RIGHT - 8, box_top - height + 12, "年      月      日", SIZE, "right")
