"""The batch roster (花名册/发放表) and the public notice (公示表), landscape A4.

A batch prints as one roster per funding source, each numbered 第 n 页 共 m 页 on its own. Every
page repeats the title and column header, ends with its subtotal (figures and capitals) and the
preparer / reviewer / approver lines; the source's last page adds its total, and the document's
last page a grand total when there are several sources. Rows have a fixed height and are never
split: long text shrinks, then wraps inside its cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from fieldapp.domain.dates import written
from fieldapp.domain.progress import PRINT_CANCELLED, CancelCheck, Progress, Ticker
from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.masking import mask_roster
from fieldapp.paperwork.numerals import capitals, figures, from_fen, to_fen
from fieldapp.paperwork.pen import MARGIN, Footer, Pen, new_canvas, printed_stamp
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import NoticeView, RosterRow, RosterView
from fieldapp.policy.citations import official, rules_version

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
WIDTH = RIGHT - LEFT
TOP = PAGE_H - MARGIN + 8
HEADER_H = 24.0
ROW_H = 21.0
SIZE = 9.0
#: Lowest point of the table: room below for the signature line and the footer.
TABLE_BOTTOM = 70.0
FOOTER_Y = 20.0
#: Between the lines of one item under the table (the notice's period, then its phone).
BOTTOM_LEADING = 14.0
#: Room kept clear between two items under the table.
BOTTOM_GAP = 12.0


@dataclass(frozen=True)
class Column:
    """A roster column: header, width (scaled to the page), alignment and the text of a row."""

    title: str
    width: float
    value: Callable[[int, RosterRow], str]
    align: str = "center"


def _columns(roster: RosterView, notice: bool) -> list[Column]:
    """The columns of `roster`'s table, the roster's or (`notice`) the posted notice's. Where
    some rows pay an agency or employer (`payees`) the account column also names who is
    paid, in full: an organisation's name is not masked; in a township's or county's batch
    of several villages (`villages`: the column's header, `_villages`) each row names its
    village; for a subsidy paid by the month or year (`paid`: the column's header, `_paid`)
    each row says the month or year it pays."""
    fact_label, payees = roster.fact_label, _pays_others(roster)
    villages, paid = _villages(roster), _paid(roster)
    account = "账号尾号" if notice else "社保卡（银行）账号"
    cols = [
        Column("序号", 30, lambda i, r: str(i)),
        # A site's name (幸福社区安置点) is longer than a village's: its column is wider.
        *(
            [Column(villages, 62 if villages == "村（社区）" else 74, lambda i, r: r.village)]
            if villages
            else []
        ),
        Column("姓名", 58, lambda i, r: r.name),
        Column("性别", 28, lambda i, r: r.sex),
        Column("身份证号码", 122, lambda i, r: r.id_number),
        Column("人员类别", 104, lambda i, r: r.categories),
        *([Column(paid, 64, lambda i, r: r.paid_for)] if paid else []),
        Column(fact_label, 170 - 44 * bool(paid), lambda i, r: r.fact, "left"),
        Column("金额（元）", 62, lambda i, r: figures(r.amount), "right"),
        Column(
            f"{account}或收款单位" if payees else account,
            128 if not notice else 76 + 52 * payees,
            lambda i, r: r.account or r.payee,
        ),
    ]
    if not notice:
        cols.append(Column("领取人签字", 70, lambda i, r: ""))
    scale = WIDTH / sum(c.width for c in cols)
    return [Column(c.title, c.width * scale, c.value, c.align) for c in cols]


def _villages(roster: RosterView) -> str:
    """The village column's header, saying what its rows are (村（社区）, 安置点 or both, as
    the visit sheet says 村（社区）/安置点, broken after its / rather than inside 安置点);
    '' when the rows come from one place."""
    if roster.villages() <= 1:
        return ""
    labels = {row.village_label for row in roster.rows}
    return labels.pop() if len(labels) == 1 else "村（社区）/\n安置点"


def _paid(roster: RosterView) -> str:
    """The paid period's column header: 发放月份 (发放年度 for a yearly subsidy); '' when no
    row pays a period."""
    said = {row.paid_for for row in roster.rows if row.paid_for}
    if not said:
        return ""
    return "发放年度" if all(p.endswith("年度") for p in said) else "发放月份"


@dataclass(frozen=True)
class Page:
    """One printed page of one section: which rows, and which totals close it."""

    section: int
    number: int
    pages: int
    start: int
    rows: tuple[RosterRow, ...]
    total: bool
    grand: bool


#: The info line (资金来源, 地区, 政策依据) is shrunk to fit one line down to this size, then
#: wrapped at INFO_SIZE onto as many lines as it needs: a clause the county extended is long.
INFO_SIZE, INFO_MIN, INFO_LEADING = 9.5, 8.0, 12.0


def table_top(intro_lines: int = 0, info_lines: int = 1) -> float:
    """Where the table starts: below the title, the info line(s) and any intro paragraph."""
    extra = max(0, info_lines - 1) * INFO_LEADING
    return TOP - 40 - extra - intro_lines * 13 - (6 if intro_lines else 0)


def capacity(table_top: float) -> int:
    """Rows that fit on a page between the column header and the subtotal row."""
    return int((table_top - HEADER_H - ROW_H - TABLE_BOTTOM) // ROW_H)


#: Rows a section's last page keeps at least, when a page comes before it.
TAIL = 3


def paginate(count: int, per_page: int, last_extra: int) -> list[tuple[int, int]]:
    """(start, end) row ranges: full pages, and a last page with room for `last_extra` rows.

    The last page always keeps at least one row, so a total never stands alone on a page;
    after a page before it, at least `TAIL` rows (taken from that page), so no row stands
    alone under the header above 合计 and the signatures.
    """
    if count <= 0:
        return [(0, 0)]
    ranges: list[tuple[int, int]] = []
    start = 0
    while count - start > per_page - last_extra:
        take = min(per_page, count - start - 1)
        ranges.append((start, start + take))
        start += take
    if ranges:
        first, end = ranges[-1]
        give = min(TAIL - (count - start), end - first - 1, per_page - last_extra - (count - start))
        if give > 0:
            ranges[-1] = (first, end - give)
            start -= give
    ranges.append((start, count))
    return ranges


def plan(roster: RosterView, table_top: float) -> list[Page]:
    """Every page of the document, section by section."""
    sections = roster.sections()
    per_page = capacity(table_top)
    pages: list[Page] = []
    for index, (_source, rows) in enumerate(sections):
        last_section = index == len(sections) - 1
        grand = last_section and len(sections) > 1
        ranges = paginate(len(rows), per_page, 1 + int(grand))
        for number, (start, end) in enumerate(ranges, start=1):
            last = number == len(ranges)
            pages.append(
                Page(index, number, len(ranges), start, rows[start:end], last, last and grand)
            )
    return pages


def render_roster(
    roster: RosterView,
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The batch roster as PDF bytes."""
    settings = settings or PaperSettings()
    title = f"{settings.county_name}{roster.title}发放花名册"
    return _render(
        roster,
        settings,
        title=title,
        columns=_columns(roster, notice=False),
        # What the clerk must check before paying, above the table on every page.
        intro=[f"请注意：{note}" for note in roster.notes],
        cites=False,
        code=short_hash(roster),
        bottom=_signatures(settings),
        printed_at=printed_at,
        progress=progress,
        cancelled=cancelled,
    )


def render_notice(
    notice: NoticeView,
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The public notice as PDF bytes: masked rows, notice period, where objections go."""
    settings = settings or PaperSettings()
    # Masked here as well as by the loader: no full ID number may ever reach a posted paper.
    roster = mask_roster(notice.roster)
    notice = NoticeView(roster, notice.start, notice.end)
    title = f"{settings.county_name}{roster.title}拟享受人员公示表"
    return _render(
        roster,
        settings,
        title=title,
        columns=_columns(roster, notice=True),
        intro=[notice_text(notice, settings)],
        code=short_hash(notice),
        bottom=[
            f"公示单位（盖章）：{roster.area_name}",
            # The complaint phone under the period, on a line of its own: never left out.
            f"公示期：{period_text(notice, settings)}\n{complaint_line(settings)}",
        ],
        printed_at=printed_at,
        progress=progress,
        cancelled=cancelled,
    )


def _pays_others(roster: RosterView) -> bool:
    return any(r.payee for r in roster.rows)


def period_text(notice: NoticeView, settings: PaperSettings) -> str:
    """'2026年11月24日至2026年11月30日（5个工作日）'."""
    unit = "个工作日" if settings.notice_working_days else "天"
    return f"{written(notice.start)}至{written(notice.end)}（{settings.notice_days}{unit}）"


#: Where no complaint phone is set, the township writes its number in by hand.
BLANK_PHONE = "________________"


def complaint_line(settings: PaperSettings) -> str:
    """'监督电话：0851-27221234', or a blank to fill in: a notice never goes up without one."""
    return f"监督电话：{settings.objection_phone.strip() or BLANK_PHONE}"


def _persons(rows: Sequence[RosterRow]) -> int:
    """How many people the rows pay (one paid for two months is one person, two payments)."""
    return len({(r.name, r.id_number) for r in rows})


def notice_text(notice: NoticeView, settings: PaperSettings) -> str:
    """The notice's paragraph: who qualified, the period, and where objections go."""
    roster = notice.roster
    persons, payments = _persons(roster.rows), len(roster.rows)
    # One person paid for two months is one person: said with the payments.
    people = f"{persons} 名人员" + (f"（{payments} 笔）" if payments != persons else "")
    total = from_fen(sum(to_fen(r.amount) for r in roster.rows))
    basis = f"根据{official(roster.rule_clause)}，" if roster.rule_clause else ""
    # With no phone set, the same blank the 监督电话 line leaves, for the same number by hand
    # (the paragraph read 向…反映； with no number and nowhere to write one).
    phone = f"（联系电话：{settings.objection_phone.strip() or BLANK_PHONE}）"
    split = "（按资金来源分表列出）" if len(roster.sections()) > 1 else ""
    # With no office set (a blank typed over it), the default's office: 向反映 names no one.
    contact = settings.objection_contact.strip() or PaperSettings.objection_contact
    if roster.reviewed:  # says the reviews all its rows have passed, and no more
        steps = "、".join(("个人申请", *roster.reviewed))
        who = f"经{steps}，以下 {people}符合{roster.title}申领条件，拟发放补贴合计 "
        amount = f"{figures(total)} 元{split}，现予公示"
    else:  # one of them is only submitted: the notice makes the applications known
        who = f"以下 {people}申请{roster.title}，申请补贴合计 "
        amount = f"{figures(total)} 元{split}，尚待审核，现予公示"
    return (
        f"{basis}{who}{amount}。公示期：{period_text(notice, settings)}。"
        f"公示期间如有异议，请以书面、电话或当面方式向{contact}反映{phone}；"
        "反映情况须实事求是，署真实姓名，以便核查。"
    )


def _signatures(settings: PaperSettings) -> list[str]:
    return [
        f"制表人：{settings.preparer}",
        f"审核人：{settings.reviewer}",
        f"审批人：{settings.approver}",
        "制表日期：      年    月    日",
    ]


def _render(
    roster: RosterView,
    settings: PaperSettings,
    *,
    title: str,
    columns: list[Column],
    intro: list[str],
    cites: bool | None = None,
    code: str,
    bottom: list[str],
    printed_at: dt.datetime | None,
    progress: Progress | None,
    cancelled: CancelCheck | None,
) -> bytes:
    stamp = printed_stamp(printed_at)
    canvas, buffer = new_canvas((PAGE_W, PAGE_H), title, roster.title, demo=settings.demo)
    pen = Pen(canvas)
    intro_lines = [line for text in intro for line in pen.wrap(text, WIDTH, 9.5)]
    sections = roster.sections()
    unit = "金额单位：元"
    room = WIDTH - pen.width(unit, INFO_SIZE) - 12
    # The info line cites the policy unless the intro does (a notice's: `cites` by default).
    cited = bool(intro) if cites is None else cites
    infos = [_info_lines(pen, roster, source, cited, room) for source, _r in sections]
    most = max((len(lines) for lines, _size in infos), default=1)
    top = table_top(len(intro_lines), most)
    pages = plan(roster, top)
    ticker = Ticker(progress, cancelled, len(pages), message=PRINT_CANCELLED)
    ticker.check()
    judged = f"  {rules_version(roster.pack_version)}" if roster.pack_version else ""
    said = (("批次", roster.batch_name), ("批次编号", roster.number))
    ref = "  ".join(f"{label} {text}" for label, text in said if text)
    footer = Footer(f"{ref}{judged}", stamp, code)
    for page in pages:
        source, rows = sections[page.section] if sections else ("", ())
        pen.heading(PAGE_W / 2, TOP - 14, title, 16, WIDTH)
        info, size = infos[page.section] if infos else ([], INFO_SIZE)
        for n, line in enumerate(info):
            pen.text(LEFT, TOP - 32 - n * INFO_LEADING, line, size)
        pen.text(RIGHT, TOP - 32, unit, INFO_SIZE, "right")
        below = (most - 1) * INFO_LEADING
        for n, line in enumerate(intro_lines):
            pen.text(LEFT, TOP - 46 - below - n * 13, line, 9.5)
        y = _table(pen, columns, page, rows, sections, top)
        spacing = WIDTH / len(bottom)
        for n, text in enumerate(bottom):
            lines, size = _bottom_item(pen, text, spacing - BOTTOM_GAP)
            for k, line in enumerate(lines):  # an item's lines stack below it
                pen.text(LEFT + n * spacing, y - 16 - k * BOTTOM_LEADING, line, size)
        pen.footer(footer, page.number, page.pages, LEFT, RIGHT, FOOTER_Y)
        canvas.showPage()
        ticker.step()
    canvas.save()
    return buffer.getvalue()


def _bottom_item(pen: Pen, text: str, room: float) -> tuple[list[str], float]:
    """An item under the table (公示单位, 公示期, a signature) kept to its share of the line:
    its lines at 9.5 pt, shrunk a little (to INFO_MIN) if one is too long, else each long line
    wrapped under itself (a long area name ran into the 公示期 beside it); and the size."""
    parts = text.split("\n")
    size = min(pen.fitting(part, 9.5, room) for part in parts)
    if size >= INFO_MIN:
        return parts, size
    return [line for part in parts for line in pen.wrap(part, room, 9.5, hang=False)], 9.5


def _info_lines(
    pen: Pen, roster: RosterView, source: str, intro: bool, room: float
) -> tuple[list[str], float]:
    """The section's 资金来源, 地区 and (without an intro paragraph citing it) 政策依据: one
    line, shrunk a little if need be, else wrapped at a readable size; and that size."""
    info = [f"资金来源：{source}"]
    if roster.area_name:
        info.append(f"地区：{roster.area_name}")
    if roster.rule_clause and not intro:
        info.append(f"政策依据：{official(roster.rule_clause)}")
    line = "    ".join(info)
    size = pen.fitting(line, INFO_SIZE, room)
    if size >= INFO_MIN:
        return [line], size
    return pen.wrap(line, room, INFO_SIZE - 0.5), INFO_SIZE - 0.5


def _table(
    pen: Pen,
    columns: list[Column],
    page: Page,
    section_rows: Sequence[RosterRow],
    sections: list[tuple[str, tuple[RosterRow, ...]]],
    top: float,
) -> float:
    """Header, rows and summary rows of one page; returns the table's bottom."""
    edges = [LEFT]
    for col in columns:
        edges.append(edges[-1] + col.width)
    body_bottom = top - HEADER_H - ROW_H * len(page.rows)
    # Header.
    for col, x in zip(columns, edges, strict=False):
        pen.fit(col.title, x, top - HEADER_H, col.width, HEADER_H, SIZE + 0.5, pad=2)
    # Rows.
    for offset, row in enumerate(page.rows):
        y = top - HEADER_H - ROW_H * (offset + 1)
        number = page.start + offset + 1
        for col, x in zip(columns, edges, strict=False):
            pen.fit(col.value(number, row), x, y, col.width, ROW_H, SIZE, align=col.align, pad=3)
    # Summary rows: label | count and capitals | amount | blank.
    summaries = [("本页小计", page.rows)]
    if page.total:
        summaries.append(("合    计", tuple(section_rows)))
    if page.grand:
        everything = tuple(r for _s, rows in sections for r in rows)
        summaries.append((f"{len(sections)}项资金总计", everything))
    # Once anyone is paid for more than one month, every line says its 笔 (a page break between
    # one person's months counts them on both pages: the pages' 人 cannot add up, their 笔 do).
    everyone = tuple(r for _s, rows in sections for r in rows) or tuple(section_rows)
    by_payment = _persons(everyone) != len(everyone)
    amount_col = next(i for i, c in enumerate(columns) if c.title.startswith("金额"))
    label_end = edges[[c.title for c in columns].index("身份证号码")]
    bottom = body_bottom - ROW_H * len(summaries)
    for n, (label, rows) in enumerate(summaries):
        y = body_bottom - ROW_H * (n + 1)
        fen = sum(to_fen(r.amount) for r in rows)
        pen.fit(label, LEFT, y, label_end - LEFT, ROW_H, SIZE + 0.5)
        persons = _persons(rows)
        payments = by_payment or persons != len(rows)
        counted = f"{persons} 人 {len(rows)} 笔" if payments else f"{persons} 人"
        text = f"{counted}    大写：人民币{capitals(from_fen(fen))}"
        pen.fit(
            text,
            label_end,
            y,
            edges[amount_col] - label_end,
            ROW_H,
            SIZE + 0.5,
            align="left",
            pad=4,
        )
        pen.fit(
            figures(from_fen(fen)),
            edges[amount_col],
            y,
            columns[amount_col].width,
            ROW_H,
            SIZE + 0.5,
            align="right",
            pad=3,
        )
    # Grid: outer box, row lines, full column lines above the summaries, merged ones below.
    c = pen.c
    c.setLineWidth(0.5)
    ys = [top, top - HEADER_H] + [
        top - HEADER_H - ROW_H * (i + 1) for i in range(len(page.rows) + len(summaries))
    ]
    for y in ys:
        c.line(LEFT, y, RIGHT, y)
    for x in edges:
        c.line(x, top, x, body_bottom)
    for x in (LEFT, label_end, edges[amount_col], edges[amount_col + 1], RIGHT):
        c.line(x, body_bottom, x, bottom)
    c.setLineWidth(1.0)
    c.rect(LEFT, bottom, WIDTH, top - bottom)
    return bottom
