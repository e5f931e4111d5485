"""The monthly visit sheet (走访记录 / 就业帮扶台账月报) of one village or site, landscape A4.

One block per household: its number, head and flags, then a row per member with this month's
work status, where they work, the services given and what is due; the household's visits and
a signature cell span the block. A household is never split across pages unless it alone is
longer than a page. The last page sums the month up for the village.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from fieldapp.domain.enums import WorkStatus
from fieldapp.domain.progress import PRINT_CANCELLED, CancelCheck, Progress, Ticker
from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.masking import mask_sheet
from fieldapp.paperwork.pen import MARGIN, Footer, Pen, new_canvas, printed_stamp
from fieldapp.paperwork.settings import PaperSettings
from fieldapp.paperwork.views import HouseholdMonth, MemberMonth, VisitSheetView

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
WIDTH = RIGHT - LEFT
TOP = PAGE_H - MARGIN + 8
TABLE_TOP = TOP - 44
HEADER_H = 26.0
ROW_H = 24.0
SIZE = 8.5
TABLE_BOTTOM = 72.0
SUMMARY_H = 64.0
MIN_BLOCK = 40.0
#: Height a page has for households (and the summary) under the column header.
ROOM = TABLE_TOP - HEADER_H - TABLE_BOTTOM
#: The summary's text size: the zero-employment households it names must stay legible.
SUMMARY_SIZE = 9.5
#: Size long cells are wrapped at; rows grow to fit it (up to MAX_ROW) rather than shrink.
FIT_SIZE = 7.5
MAX_ROW = 80.0

#: (header, width share) — the household and visit columns span a household's member rows.
HOUSEHOLD_COL = ("户号 / 户主", 88)
MEMBER_COLS = (
    ("姓名", 50),
    ("性别\n年龄", 32),
    ("与户主\n关系", 40),
    ("人员类别", 84),
    ("劳动能力", 54),
    ("本月状态", 44),
    ("就业去向（地点、单位、形式）", 128),
    ("本月服务", 118),
    ("应办事项", 118),
)
VISIT_COL = ("本月走访", 70)
SIGN_COL = ("户主签字", 46)


@dataclass(frozen=True)
class Block:
    """A household's rows on one page (a long household may continue on the next)."""

    household: HouseholdMonth
    members: tuple[MemberMonth, ...]
    continued: bool
    heights: tuple[float, ...] = ()

    @property
    def height(self) -> float:
        """The block's height: its rows, but never less than the household cell needs."""
        return max(sum(self.heights), MIN_BLOCK)


def _widths() -> list[float]:
    shares = [HOUSEHOLD_COL[1], *(w for _t, w in MEMBER_COLS), VISIT_COL[1], SIGN_COL[1]]
    scale = WIDTH / sum(shares)
    return [s * scale for s in shares]


def member_height(pen: Pen, widths: list[float], member: MemberMonth) -> float:
    """A member's row height: tall enough for the longest text at a readable size."""
    need = ROW_H
    for text, column in (
        (member.categories, 4),
        (member.work, 7),
        ("；".join(member.services), 8),
        ("；".join(member.due), 9),
    ):
        if text:
            lines = len(pen.wrap(text, widths[column] - 4, FIT_SIZE, hang=False))
            need = max(need, lines * FIT_SIZE * 1.18 + 4)
    return min(need, MAX_ROW)


def paginate(
    households: tuple[HouseholdMonth, ...],
    pen: Pen,
    widths: list[float],
    summary_h: float = SUMMARY_H,
) -> list[list[Block]]:
    """Households in page-sized groups; the last page keeps room for the month's summary."""
    room = ROOM
    pages: list[list[Block]] = [[]]
    used = 0.0
    for household in households:
        members = household.members or (MemberMonth(name="（无成员）"),)
        heights = [member_height(pen, widths, m) for m in members]
        if used and used + max(sum(heights), MIN_BLOCK) > room:
            pages.append([])
            used = 0.0
        first = True
        while members:
            # A household longer than a page continues on the next one, by whole members.
            take, total = 0, 0.0
            while take < len(members) and used + max(total + heights[take], MIN_BLOCK) <= room:
                total += heights[take]
                take += 1
            take = max(take, 1)
            block = Block(household, members[:take], not first, tuple(heights[:take]))
            pages[-1].append(block)
            used += block.height
            members, heights, first = members[take:], heights[take:], False
            if members:
                pages.append([])
                used = 0.0
    if used and used + summary_h > room:
        # The summary and signatures go over with the last household (or its last part), not
        # onto a page of no household that the village head would sign under nothing.
        last = pages[-1]
        fits = len(last) > 1 and last[-1].height + summary_h <= room
        pages.append([last.pop()] if fits else [])
    return pages


def render_visits(
    sheet: VisitSheetView,
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The month's visit sheet as PDF bytes: carried door to door, with every number typed into
    its free text masked (`mask_sheet`)."""
    sheet = mask_sheet(sheet)
    settings = settings or PaperSettings()
    stamp = printed_stamp(printed_at)
    year, month = sheet.month.split("-")
    said = f"{year}年{int(month)}月"  # the month as the title says it, on every line
    # The place and the month a space apart, as the place's own levels are (草海镇 新华村 三组
    # 2026年11月…): run together, a group's or building's name ran into the year (三组2026年).
    title = f"{sheet.area_name} {said}就业帮扶台账月报（走访记录）"
    canvas, buffer = new_canvas((PAGE_W, PAGE_H), title, "走访记录", demo=settings.demo)
    pen = Pen(canvas)
    widths = _widths()
    summary = _summary_lines(sheet)
    summary_h = summary_height(pen, summary)
    pages = paginate(sheet.households, pen, widths, summary_h)
    ticker = Ticker(progress, cancelled, len(pages), message=PRINT_CANCELLED)
    ticker.check()
    footer = Footer(f"地区 {sheet.area_code}  月份 {said}", stamp, short_hash(sheet))
    for number, blocks in enumerate(pages, start=1):
        pen.heading(PAGE_W / 2, TOP - 14, title, 15, WIDTH)
        county = f"{settings.county_name}  " if settings.county_name else ""
        line = (
            f"{county}村（社区）/安置点：{sheet.area_name}    代码：{sheet.area_code}    "
            f"统计月份：{said}    共 {len(sheet.households)} 户"
        )
        room = WIDTH
        if not sheet.due_source:
            hint = "应办事项：本机未接入待办清单，按本月状态与服务核对"
            pen.text(RIGHT, TOP - 32, hint, 8, "right")
            room -= pen.width(hint, 8) + 12
        pen.text(LEFT, TOP - 32, line, pen.fitting(line, 9, room))
        y = _header(pen, widths, TABLE_TOP)
        for block in blocks:
            y = _block(pen, widths, block, y)
        if number == len(pages):
            y = _summary(pen, summary, summary_h, y)
        pen.text(LEFT, y - 16, "走访人（签字）：", 9.5)
        pen.text(LEFT + WIDTH / 3, y - 16, f"{sheet.leader}（签字）：", 9.5)
        pen.text(LEFT + 2 * WIDTH / 3, y - 16, "填报日期：      年    月    日", 9.5)
        pen.footer(footer, number, len(pages), LEFT, RIGHT, 20)
        canvas.showPage()
        ticker.step()
    canvas.save()
    return buffer.getvalue()


def _header(pen: Pen, widths: list[float], top: float) -> float:
    titles = [HOUSEHOLD_COL[0], *(t for t, _w in MEMBER_COLS), VISIT_COL[0], SIGN_COL[0]]
    x = LEFT
    for title, w in zip(titles, widths, strict=True):
        pen.rect(x, top - HEADER_H, w, HEADER_H, 0.6)
        pen.fit(title, x, top - HEADER_H, w, HEADER_H, SIZE + 0.5, pad=2)
        x += w
    return top - HEADER_H


def _block(pen: Pen, widths: list[float], block: Block, top: float) -> float:
    """One household's rows; returns the block's bottom."""
    h = block.household
    height = block.height
    # Rows share any extra height the household cell asked for.
    scale = height / sum(block.heights)
    bottom = top - height
    flags = [h.flags] if h.flags else []
    if h.zero_employment:
        flags.append("零就业家庭")
    head = f"{h.household_no}\n户主：{h.head_name}" + (f"\n{'、'.join(flags)}" if flags else "")
    if block.continued:
        head = f"（续）{h.head_name}"
    x = LEFT
    pen.rect(x, bottom, widths[0], height)
    pen.fit(head, x, bottom, widths[0], height, SIZE, pad=2)
    x += widths[0]
    y = top
    for member, own in zip(block.members, block.heights, strict=True):
        row_h = own * scale
        y -= row_h
        values = [
            member.name,
            f"{member.sex}\n{member.age}" if member.age else member.sex,
            member.relation,
            member.categories,
            member.labour_ability,
            member.status,
            member.work,
            "；".join(member.services),
            "；".join(member.due),
        ]
        cx = x
        for i, value in enumerate(values):
            w = widths[1 + i]
            pen.rect(cx, y, w, row_h, 0.5)
            align = "left" if i >= 6 or i == 3 else "center"
            pen.fit(value, cx, y, w, row_h, SIZE, align=align, pad=2)
            cx += w
    cx = x + sum(widths[1 : 1 + len(MEMBER_COLS)])
    visits = "；".join(h.visits) if not block.continued else ""
    pen.rect(cx, bottom, widths[-2], height)
    pen.fit(
        visits or ("" if block.continued else "本月未走访"),
        cx,
        bottom,
        widths[-2],
        height,
        SIZE - 0.5,
        pad=2,
    )
    pen.rect(cx + widths[-2], bottom, widths[-1], height)
    return bottom


#: A member of the labour whose month's status is not entered.
_UNKNOWN = "本月状态未更新"


def _rank(order: list[str], status: str) -> int:
    """Where a status stands among the statuses (one the list lacks, last)."""
    return order.index(status) if status in order else len(order)


def _summary_lines(sheet: VisitSheetView) -> list[str]:
    """The month in numbers for the whole village, and its zero-employment households."""
    members = [m for h in sheet.households for m in h.members]
    labour = [m for m in members if m.in_labour()]  # of working age, as the 月报 counts
    # The labour by its month's status, adding up to it (已就业 and 未就业 counted everyone,
    # 在校 and 无需就业 no one: 127 + 69 + 10 under 劳动力 212); anyone else at work apart.
    held = Counter(m.status or _UNKNOWN for m in labour)
    order = [s.value for s in WorkStatus]
    said = [WorkStatus.EMPLOYED.value, WorkStatus.NOT_EMPLOYED.value]
    said += [
        s for s in sorted(held, key=lambda s: (s == _UNKNOWN, _rank(order, s))) if s not in said
    ]
    breakdown = "，".join(f"{s} {held[s]} 人" for s in said)
    beyond = sum(1 for m in members if m.status == WorkStatus.EMPLOYED and not m.in_labour())
    zero = [h.head_name for h in sheet.households if h.zero_employment]
    visited = sum(1 for h in sheet.households if h.visits)
    services = sum(len(m.services) for m in members)
    due = sum(1 for m in members if m.due)
    lines = [
        f"本月小结：共 {len(sheet.households)} 户 {len(members)} 人，其中劳动力 {len(labour)} 人："
        f"{breakdown}；"
        + (f"劳动力以外已就业 {beyond} 人；" if beyond else "")
        + f"走访 {visited} 户，提供服务 {services} 人次，有应办事项 {due} 人。",
        f"零就业家庭 {len(zero)} 户" + (f"：{'、'.join(zero)}（须动态清零）" if zero else "。"),
    ]
    return lines


def summary_height(pen: Pen, lines: list[str]) -> float:
    """The summary box's height: every line legible at SUMMARY_SIZE (a site with hundreds of
    zero-employment households gets a taller box, on a page of its own if need be)."""
    wrapped = pen.wrap("\n".join(lines), WIDTH - 12, SUMMARY_SIZE, hang=False)
    return min(max(SUMMARY_H, len(wrapped) * SUMMARY_SIZE * 1.18 + 12), ROOM)


def _summary(pen: Pen, lines: list[str], height: float, top: float) -> float:
    """The summary under the last household."""
    pen.rect(LEFT, top - height, WIDTH, height)
    pen.fit("\n".join(lines), LEFT, top - height, WIDTH, height, SUMMARY_SIZE, align="left", pad=6)
    return top - height
