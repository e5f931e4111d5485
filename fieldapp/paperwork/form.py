"""The subsidy application form (申请表): one A4 page per claim.

Top to bottom: the person's identity and categories, the subsidy and its policy clause, the
qualifying facts the rule used, the amount in figures and capitals, the account, the evidence
handed in, the applicant's pledge and signature, then the village → township → county review
boxes with opinion, signature, seal and date.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from reportlab.lib.pagesizes import A4

from fieldapp.domain.claims import Payee
from fieldapp.domain.progress import PRINT_CANCELLED, CancelCheck, Progress, Ticker
from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.numerals import capitals, figures
from fieldapp.paperwork.pen import (
    LISTED_WORDS,
    MARGIN,
    Cell,
    Footer,
    Pen,
    draw_row,
    new_canvas,
    printed_stamp,
)
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import Fact, FormView
from fieldapp.policy.citations import official, version_words

PAGE_W, PAGE_H = A4
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
WIDTH = RIGHT - LEFT
SIZE = 10.0
ROW = 22.0
LABEL_W = 74.0
#: The unit's 收款账号 box, left blank for the unit to write its account in by hand: a 19-digit
#: bank account written by hand takes about 4 mm a digit, 76 mm, and the box pads 3 pt a side.
#: It was a third of the value columns (35 mm), room for half the digits.
ACCOUNT_DIGITS = 19
HAND_DIGIT = 4 * 72 / 25.4
ACCOUNT_W = math.ceil(ACCOUNT_DIGITS * HAND_DIGIT + 6 + 8)
#: The smallest type in the form's boxes (the roster's info line keeps to it too): a value too
#: long for its box on one line wraps at the form's size in a taller row rather than shrink
#: below it. The footer's verification line (7 pt) is the page's, not the form's.
SMALLEST = 8.0
#: The applicant's pledge box: its least height (a county's longer 承诺 makes it taller), and
#: the room under its text for the signature line.
PLEDGE_H = 62.0
PLEDGE_SIGN = 22.0
#: The title's size, and the least it shrinks to on one line: a county's long name with a long
#: rule title (威宁彝族回族苗族自治县一次性吸纳就业补贴（…）申请表) breaks after the county's
#: name instead, each line at the title's size (it was shrunk to fit the page, to any size).
TITLE, TITLE_LEAST = 16.0, 14.0
#: Where the review boxes end (the footer below).
BOTTOM = MARGIN + 22
#: The least height of each review box (village, township, county): the township's check line
#: clear above its signer's line, a short opinion (同意) written above the village's. A long
#: 附送材料 list takes its room from the review boxes, down to this and no further.
REVIEW_LEAST = 56.0


def render_forms(
    forms: Sequence[FormView],
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """All forms in one PDF, one page each; reports (done, total) and honours cancellation."""
    settings = settings or PaperSettings()
    stamp = printed_stamp(printed_at)
    title = forms[0].rule_title + "申请表" if len(forms) == 1 else "补贴申请表"
    canvas, buffer = new_canvas(A4, title, "补贴申请表", demo=settings.demo)
    pen = Pen(canvas)
    ticker = Ticker(progress, cancelled, len(forms), message=PRINT_CANCELLED)
    ticker.check()
    for number, form in enumerate(forms, start=1):
        draw_form(pen, form, settings)
        said = (("申请编号", form.number), ("批次编号", form.batch_number))
        ref = "  ".join(f"{label} {number}" for label, number in said if number)
        pen.footer(Footer(ref, stamp, short_hash(form)), number, len(forms), LEFT, RIGHT, 22)
        canvas.showPage()
        ticker.step()
    canvas.save()
    return buffer.getvalue()


def draw_form(pen: Pen, form: FormView, settings: PaperSettings) -> None:
    """Draw one application form on the current page."""
    top = _heading(pen, settings.county_name, form.rule_title, PAGE_H - MARGIN)
    place = "  ".join(
        p for p in (f"乡镇（街道）：{form.township}", f"{form.village_label}：{form.village}") if p
    )
    pen.text(LEFT, top - 10, place, 9)
    pen.text(RIGHT, top - 10, f"申请日期：{form.claim_date or '      年    月    日'}", 9, "right")
    top -= 16
    top = _identity(pen, form, top)
    # The pledge's least room (its text at the form's smallest type) is kept for it; the facts
    # and papers above take theirs first, the pledge what is left above the review boxes.
    pledge = _pledge_text(form, settings)
    top = _subsidy(pen, form, top, _pledge_height(pen, pledge, SMALLEST))
    size = _shrunk(lambda s: _pledge_height(pen, pledge, s), SIZE - 0.5, top - _REVIEWS)
    top = _pledge(pen, form, pledge, size, top)
    # A site's claim is reviewed first by the site, as its notice (安置点初审) and its visit
    # sheet (安置点负责人) say: not by a village committee its people do not belong to.
    first = "安置点" if form.village_label == "安置点" else settings.village_office
    _reviews(pen, settings, top, BOTTOM, first)


#: The room the review boxes keep at least (and the gap above the footer).
_REVIEWS = 3 * REVIEW_LEAST + 6 + BOTTOM


def _heading(pen: Pen, county: str, title: str, top: float) -> float:
    """The form's title under `top` (the county's name, the rule's title, 申请表): on one line
    at its size or a little shrunk, else broken after the county's name (and the rule's title
    wrapped if it is longer than the page) at its size; returns the top of what follows."""
    text, rest = f"{county}{title}申请表", f"{title}申请表"
    if pen.fitting(text, TITLE, WIDTH) >= TITLE_LEAST:
        lines = [text]
    elif pen.fitting(rest, TITLE, WIDTH) >= TITLE_LEAST:
        lines = [county, rest]
    else:  # a rule's title longer than the page: wrapped, 申请表 whole
        lines = [county, *pen.wrap(rest, WIDTH, TITLE, words=_FORM_WORD)]
    lines = [line for line in lines if line]
    lead = TITLE * 1.2
    for n, line in enumerate(lines):
        pen.heading(PAGE_W / 2, top - 16 - n * lead, line, TITLE, WIDTH)
    return top - 30 - (len(lines) - 1) * lead


#: The title's last word, never broken (申 / 请表).
_FORM_WORD = re.compile("申请表")


def _shrunk(height: Callable[[float], float], size: float, room: float) -> float:
    """The largest size from `size` down to `SMALLEST` (by half points) whose `height` fits
    `room`; `SMALLEST` if none does."""
    while size > SMALLEST and height(size) > room:
        size -= 0.5
    return max(size, SMALLEST)


def _identity(pen: Pen, form: FormView, top: float) -> float:
    p = form.person
    value_w = (WIDTH - 3 * LABEL_W) / 3
    rows = [
        [
            Cell(LABEL_W, "姓  名", True),
            Cell(value_w, p.name),
            Cell(LABEL_W, "性  别", True),
            Cell(value_w, p.sex),
            Cell(LABEL_W, "出生年月", True),
            Cell(value_w, p.birth),
        ],
        [
            Cell(LABEL_W, "身份证号码", True),
            Cell(value_w * 2 + LABEL_W, p.id_number),
            Cell(LABEL_W, "联系电话", True),
            Cell(value_w, p.phone),
        ],
        [Cell(LABEL_W, "户籍地址", True), Cell(WIDTH - LABEL_W, p.registered)],
        # Where the family lives, when it is not where it is registered (a relocated family).
        *([[Cell(LABEL_W, "现住址", True), Cell(WIDTH - LABEL_W, p.address)]] if p.home else []),
        [Cell(LABEL_W, "人员类别", True), Cell(WIDTH - LABEL_W, "、".join(p.categories))],
    ]
    for cells in rows:
        draw_row(pen, LEFT, top, ROW, cells, SIZE)
        top -= ROW
    return top


def _subsidy(pen: Pen, form: FormView, top: float, pledge: float) -> float:
    """The subsidy, its basis, the facts, the amount, the account and the papers; `pledge`:
    the least height the pledge below needs."""
    value_w = (WIDTH - 3 * LABEL_W) / 3
    clause = official(form.source_clause)
    # 衔接推进乡村振兴补助资金 is too long for its box on one line: the row grows so it wraps
    # onto two at the form's size (it was squeezed into 7.5 pt); a long rule title likewise.
    # The grid's columns stay those of the identity rows above.
    subsidy = [
        Cell(LABEL_W, "补贴项目", True),
        Cell(value_w * 2 + LABEL_W, form.rule_title),
        Cell(LABEL_W, "资金来源", True),
        Cell(value_w, form.funding_source),
    ]
    height = _room(pen, subsidy, SIZE)
    draw_row(pen, LEFT, top, height, subsidy, SIZE, least=SMALLEST)
    top -= height
    # The documents by their numbers (the province's, the county's for its figure or extension),
    # then the rules' version the claim was judged under, in people's words (规则版本 县 2026.2).
    # A long citation (the province's document by its title, the county's figure and its
    # extension) takes as many lines as it needs at the form's size: it was held to two and
    # squeezed into three lines of 7.5 pt.
    basis = [Cell(LABEL_W, "政策依据", True), Cell(WIDTH - LABEL_W, clause)]
    version = version_words(form.pack_version)
    if version:
        basis[1] = Cell(value_w * 2 + LABEL_W, clause)
        basis += [Cell(LABEL_W, "规则版本", True), Cell(value_w, version)]
    height = _room(pen, basis, SIZE)
    draw_row(pen, LEFT, top, height, basis, SIZE, least=SMALLEST)
    top -= height
    papers = Cell(WIDTH - LABEL_W, attachments(form), words=LISTED_WORDS)
    evidence = [Cell(LABEL_W, "附送材料", True), papers]
    payee = _payee(form, value_w)
    payee_h = _room(pen, payee, SIZE)
    # The facts take the room the amount, the account and the papers (at the smallest type)
    # leave above the pledge and the review boxes.
    below = (ROW + 4) + payee_h + _room(pen, evidence, SMALLEST) + pledge + _REVIEWS
    top = _facts(pen, form, top, top - below)
    draw_row(
        pen,
        LEFT,
        top,
        ROW + 4,
        [
            Cell(LABEL_W, "申请金额", True),
            Cell(value_w + 20, f"小写：¥{figures(form.amount)} 元"),
            Cell(WIDTH - LABEL_W - value_w - 20, f"大写：人民币{capitals(form.amount)}"),
        ],
        SIZE + 1,
    )
    top -= ROW + 4
    draw_row(pen, LEFT, top, payee_h, payee, SIZE, least=SMALLEST)
    top -= payee_h
    size, height = _evidence_room(pen, evidence, top - pledge - _REVIEWS)
    draw_row(pen, LEFT, top, height, evidence, size, least=SMALLEST)
    return top - height


#: The words of each kind of payee the form labels 收款…, each printed whole when its label
#: wraps: 收款 / 经营性 / 人力资源 / 服务机构 (never 收款经营性人 / 力资源服务机 / 构). Every
#: `Payee` but 个人 (whose row is his bank and 社保卡 account) is here, its words spelling it:
#: checked at import (`payee_words`), so a fourth kind cannot wrap by characters unnoticed.
PAYEE_KIND_WORDS: dict[str, tuple[str, ...]] = {
    Payee.EMPLOYER: ("用人单位",),
    Payee.AGENCY: ("经营性", "人力资源", "服务机构"),
}


def payee_words(kinds: Iterable[str], words: Mapping[str, tuple[str, ...]]) -> re.Pattern[str]:
    """收款 and the words of every kind in `kinds` but 个人, longest first, as one pattern;
    ValueError naming a kind `words` lacks, or whose words do not spell it."""
    units = [kind for kind in kinds if kind != Payee.PERSON]
    missing = [str(kind) for kind in units if kind not in words]
    wrong = [str(kind) for kind in units if kind in words and "".join(words[kind]) != kind]
    if missing or wrong:
        raise ValueError(
            f"payee kinds without their words in PAYEE_KIND_WORDS: {missing}; "
            f"whose words do not spell them: {wrong}"
        )
    every = {"收款", *(word for kind in units for word in words[kind])}
    return re.compile("|".join(re.escape(w) for w in sorted(every, key=lambda w: (-len(w), w))))


PAYEE_WORDS = payee_words(Payee, PAYEE_KIND_WORDS)


def _payee(form: FormView, value_w: float) -> list[Cell]:
    """The account row: a person's bank and 社保卡 account, or the unit paid by its kind
    (收款用人单位, 收款经营性人力资源服务机构: the label wraps at the form's size in a taller
    row, by its words; it was squeezed into two lines of 7.5 pt) and its name."""
    p = form.person
    if form.payee == Payee.PERSON:
        return [
            Cell(LABEL_W, "开户银行", True),
            Cell(value_w, p.account_bank),
            Cell(LABEL_W, "社保卡账号", True),
            Cell(WIDTH - 2 * LABEL_W - value_w, p.account_number),
        ]
    # The account box takes what a hand-written account needs from the unit's name, which
    # wraps in a taller row if it is long.
    return [
        Cell(LABEL_W, f"收款{form.payee}", True, words=PAYEE_WORDS),
        Cell(WIDTH - 2 * LABEL_W - ACCOUNT_W, form.payee_name),
        Cell(LABEL_W, "收款账号", True),
        Cell(ACCOUNT_W, ""),
    ]


def _evidence_room(pen: Pen, cells: list[Cell], room: float) -> tuple[float, float]:
    """The size and height of the 附送材料 row: each paper with 已附/未附 on as many lines as
    the list needs (it was held to three rows, a long list shrunk below the form's smallest
    type), the review boxes below giving up the room. Its size is a point under the form's,
    down to `SMALLEST` if that is what keeps the review boxes their least (`room` is what
    they leave); only a list longer than any a county asks for would print smaller, in the
    room left."""
    size = SIZE - 1
    while size >= SMALLEST:
        height = _room(pen, cells, size)
        if height <= room:
            return size, height
        size -= 0.5
    return SMALLEST, max(ROW, room)


def _room(pen: Pen, cells: list[Cell], size: float) -> float:
    """A row's height: ROW, or taller so every cell's text prints at `size` (at most a little
    shrunk onto one line, as `Pen.layout` does, never below `SMALLEST`), each long one
    wrapped onto lines of its own."""
    lines = 1
    for cell in cells:
        # The cell's inner width as `draw_row` pads it (3 pt a side); no limit on height.
        wrapped, _size = pen.layout(
            cell.text, cell.width - 6, 1e6, size, least=SMALLEST, words=cell.words
        )
        lines = max(lines, len(wrapped))
    # Lines at 1.18 leading, with 4 pt above and below: two lines take 32 pt, as 政策依据 does.
    return max(ROW, math.ceil(lines * size * 1.18 + 8))


#: A claim that recorded no checklist (an older program's): the usual papers, to mark by hand.
USUAL_PAPERS = "身份证复印件、务工证明或劳动合同、工资流水、社保卡复印件"


def attachments(form: FormView) -> str:
    """附送材料: each paper 已附 or 未附 as the claim records it, and why any is missing."""
    if not form.evidence:
        return f"{USUAL_PAPERS}（本申领未记录材料是否已附，请逐项注明已附或未附）"
    listed = "；".join(f"{a.item}：{'已附' if a.attached else '未附'}" for a in form.evidence)
    reason = form.missing_reason.strip()
    return f"{listed}（未附原因：{reason}）" if reason else listed


def _facts(pen: Pen, form: FormView, top: float, room: float) -> float:
    """The qualifying facts as label/value pairs, two pairs a row, under one side label. A row
    whose value (or label) is too long for one line grows to wrap it at the facts' size, half
    a point under the form's; the rows shrink, down to `SMALLEST`, only if they would take more
    than `room` (they were held to one line each, a long 用工单位 squeezed below it)."""
    pair_label = 78.0
    pair_value = (WIDTH - LABEL_W) / 2 - pair_label
    size = SIZE - 0.5
    # A value too long for half a row (e.g. a long 务工地点) was squeezed into two lines of
    # small type: it takes a whole row of its own, below the pairs, and prints on one line in
    # the form's size.
    fits: list[Fact] = []
    wide: list[Fact] = []
    for fact in form.facts:
        (fits if pen.width(fact.value, size) <= pair_value - 6 else wide).append(fact)
    rows: list[list[Cell]] = []
    for first in range(0, len(fits), 2):
        cells: list[Cell] = []
        for fact in fits[first : first + 2]:
            cells += [Cell(pair_label, fact.label, True), Cell(pair_value, fact.value)]
        if len(cells) == 2:
            cells += [Cell(pair_label, "", True), Cell(pair_value, "")]
        rows.append(cells)
    for fact in wide:
        whole = WIDTH - LABEL_W - pair_label
        rows.append([Cell(pair_label, fact.label, True), Cell(whole, fact.value)])
    size = _shrunk(lambda s: sum(_room(pen, cells, s) for cells in rows), size, room)
    heights = [_room(pen, cells, size) for cells in rows] or [ROW]
    height = sum(heights)
    pen.rect(LEFT, top - height, LABEL_W, height)
    pen.fit("资格条件", LEFT, top - height, LABEL_W, height, SIZE)
    if not rows:
        pen.rect(LEFT + LABEL_W, top - height, WIDTH - LABEL_W, height)
        pen.fit("（无）", LEFT + LABEL_W, top - height, WIDTH - LABEL_W, height, SIZE, align="left")
        return top - height
    at = top
    for cells, row in zip(rows, heights, strict=True):
        draw_row(pen, LEFT + LABEL_W, at, row, cells, size, least=SMALLEST)
        at -= row
    return top - height


def _pledge_text(form: FormView, settings: PaperSettings) -> str:
    """The county's 承诺 as the applicant makes it: a subsidy paid to an employer or an agency
    is applied for by the unit, which pledges (the worker cannot pledge what the unit has
    received)."""
    return settings.pledge.replace("本人", "本单位") if form.payee != "个人" else settings.pledge


#: The pledge's text box: its padding at each side (as `Pen.fit` pads it, above and below).
_PLEDGE_PAD = 5.0


def _pledge_height(pen: Pen, text: str, size: float) -> float:
    """The pledge box's height with `text` at `size`: PLEDGE_H, or taller for as many lines
    as a county's longer 承诺 takes (it was shrunk into three lines, to any size)."""
    inner = WIDTH - LABEL_W - 2 * _PLEDGE_PAD
    lines, _size = pen.layout(text, inner, 1e6, size, least=SMALLEST)
    text_h = len(lines) * size * 1.18 + 2 * max(_PLEDGE_PAD / 2, 2.0)
    return max(PLEDGE_H, math.ceil(text_h + PLEDGE_SIGN))


def _pledge(pen: Pen, form: FormView, text: str, size: float, top: float) -> float:
    height = _pledge_height(pen, text, size)
    y = top - height
    unit = form.payee != "个人"
    pen.rect(LEFT, y, LABEL_W, height)
    pen.fit("申请单位\n承诺" if unit else "申请人\n承诺", LEFT, y, LABEL_W, height, SIZE)
    pen.rect(LEFT + LABEL_W, y, WIDTH - LABEL_W, height)
    pen.fit(
        text,
        LEFT + LABEL_W,
        y + PLEDGE_SIGN,
        WIDTH - LABEL_W,
        height - PLEDGE_SIGN,
        size,
        align="left",
        pad=_PLEDGE_PAD,
        valign="top",
        least=SMALLEST,
    )
    if unit:
        pen.text(LEFT + LABEL_W + 6, y + 9, "申请单位（盖章）：", SIZE)
        pen.text(LEFT + LABEL_W + 230, y + 9, "经办人（签字）：", SIZE)
    else:
        pen.text(LEFT + LABEL_W + 150, y + 9, "申请人（签字或按手印）：", SIZE)
    pen.text(RIGHT - 8, y + 9, "年      月      日", SIZE, "right")
    return y


def _reviews(pen: Pen, settings: PaperSettings, top: float, bottom: float, first: str) -> None:
    """Village (or site: `first`), township and county boxes sharing the space left."""
    boxes = [
        (f"{first}\n审核意见", "审核人（签字）：", ""),
        (
            f"{settings.township_office}\n审核意见",
            "审核人（签字）：",
            "□ 已与全国防止返贫监测信息系统比对    □ 已在乡镇（街道）公示",
        ),
        (f"{settings.county_office_name()}\n审批意见", "审批人（签字）：", ""),
    ]
    height = (top - bottom - 6) / len(boxes)
    for label, signer, check in boxes:
        y = top - height
        pen.rect(LEFT, y, LABEL_W, height)
        pen.fit(label, LEFT, y, LABEL_W, height, SIZE - 0.5)
        pen.rect(LEFT + LABEL_W, y, WIDTH - LABEL_W, height)
        if check:
            pen.text(LEFT + LABEL_W + 6, y + height - 16, check, SIZE - 1)
        pen.text(LEFT + LABEL_W + 6, y + 26, signer, SIZE)
        pen.text(LEFT + LABEL_W + 230, y + 26, "（盖章）", SIZE)
        pen.text(RIGHT - 8, y + 10, "年      月      日", SIZE, "right")
        top = y
