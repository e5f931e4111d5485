"""Plain rosters on landscape A4: 一库五册 (one roster per section) and the household duties.

Every page repeats its section's title, area and date, and the column header; rows never split
(long text shrinks a little, then wraps, the row growing to keep it legible, always clear of the
cell's border); the
last page of a section says how many rows it has and leaves room for signatures. Pages are
numbered 第 n 页 共 m 页 within the document, with the content code in the footer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from fieldapp.domain.dates import written
from fieldapp.domain.money import yuan
from fieldapp.domain.progress import PRINT_CANCELLED, CancelCheck, Progress, Ticker
from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.pen import MARGIN, Footer, Pen, new_canvas, printed_stamp
from fieldapp.paperwork.settings import PaperSettings

PAGE_W, PAGE_H = landscape(A4)
LEFT, RIGHT = MARGIN, PAGE_W - MARGIN
WIDTH = RIGHT - LEFT
TOP = PAGE_H - MARGIN + 8
HEADER_H = 26.0
ROW_H = 22.0
SIZE = 8.5
TABLE_TOP = TOP - 44
FOOTER_Y = 20.0
#: Room under the last row of a section for its count and signature line.
CLOSING = 40.0
#: Long cells wrap at this size at least; their row grows (up to MAX_ROW) rather than shrink
#: further (a county-prefixed employer's name used to print at 5 pt).
FIT_SIZE = 7.0
MAX_ROW = 48.0
#: Rows a section's last page keeps at least, when a page comes before it.
TAIL = 3
#: Height a page has for rows under the column header.
ROOM = TABLE_TOP - HEADER_H - FOOTER_Y - 34


@dataclass(frozen=True)
class Section:
    """One roster: its title, the columns (with relative widths) and the rows, as text."""

    title: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    unit: str = "人"

    def count(self) -> str:
        """How many it lists: '3 人', or where someone is listed more than once (trained
        twice, two jobs) the persons and the entries, '2 人 3 条' (as the 花名册's 1 人 2 笔)."""
        if self.unit == "人" and "身份证号" in self.columns:
            column = self.columns.index("身份证号")
            persons = len({row[column] for row in self.rows})
            if persons != len(self.rows):
                return f"{persons} 人 {len(self.rows)} 条"
        return f"{len(self.rows)} {self.unit}"


@dataclass(frozen=True)
class TablesView:
    """What a table paper prints: sections of one area as of a date."""

    title: str
    area_name: str
    as_of: dt.date
    sections: tuple[Section, ...]


def text(value: object) -> str:
    """A cell's text: money without '.0', blanks for None, dates as papers write them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return yuan(value)  # half up to the fen, as the window says it; no thousands commas
    if isinstance(value, dt.datetime):
        return f"{written(value.date())} {value:%H:%M}"
    if isinstance(value, dt.date):
        return written(value)
    return str(value)


@dataclass(frozen=True)
class _Page:
    section: int
    start: int
    rows: tuple[tuple[str, ...], ...]
    last: bool
    heights: tuple[float, ...] = ()


def _widths(section: Section) -> list[float]:
    total = sum(section.widths)
    return [WIDTH * w / total for w in section.widths]


def row_height(pen: Pen, widths: Sequence[float], row: Sequence[str]) -> float:
    """A row's height: ROW_H, or taller so that every cell stays legible at FIT_SIZE."""
    need = ROW_H
    for value, width in zip(row, widths, strict=False):
        inner = width - 6
        if not value or pen.width(value, SIZE) <= inner:
            continue
        lines = len(pen.wrap(value, inner, FIT_SIZE, hang=False))
        need = max(need, lines * FIT_SIZE * 1.18 + 5)
    return min(need, MAX_ROW)


def _pages(view: TablesView, pen: Pen) -> list[_Page]:
    """Each section's rows in pages; its last page keeps room for the closing lines."""
    pages: list[_Page] = []
    for number, section in enumerate(view.sections):
        widths = _widths(section)
        heights = [row_height(pen, widths, row) for row in section.rows]
        chunks: list[list[int]] = [[]]
        used = 0.0
        for index, height in enumerate(heights):
            if chunks[-1] and used + height > ROOM:
                chunks.append([])
                used = 0.0
            chunks[-1].append(index)
            used += height
        if used + CLOSING > ROOM and chunks[-1]:
            # The closing lines go over with the last row: a page of the header and 合计
            # alone is one a clerk signs under nothing.
            carried = [chunks[-1].pop()] if len(chunks[-1]) > 1 else []
            chunks.append(carried)
        if len(chunks) > 1:
            # Nor one row alone under the header above them: the last page takes rows from
            # the page before (which keeps more) till it holds TAIL, room allowing.
            last, before = chunks[-1], chunks[-2]
            used = sum(heights[i] for i in last)
            while (
                len(last) < TAIL
                and len(before) > TAIL
                and used + heights[before[-1]] + CLOSING <= ROOM
            ):
                last.insert(0, before.pop())
                used += heights[last[0]]
        for n, chunk in enumerate(chunks):
            pages.append(
                _Page(
                    number,
                    chunk[0] if chunk else len(section.rows),
                    tuple(section.rows[i] for i in chunk),
                    n == len(chunks) - 1,
                    tuple(heights[i] for i in chunk),
                )
            )
    return pages


def render_tables(
    view: TablesView,
    settings: PaperSettings | None = None,
    *,
    printed_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The PDF of every section of `view`."""
    settings = settings or PaperSettings()
    stamp = printed_stamp(printed_at)
    canvas, buffer = new_canvas((PAGE_W, PAGE_H), view.title, view.title, demo=settings.demo)
    pen = Pen(canvas)
    pages = _pages(view, pen)
    centred = [_centred(section) for section in view.sections]
    ticker = Ticker(progress, cancelled, len(pages), message=PRINT_CANCELLED)
    ticker.check()
    footer = Footer(f"{view.area_name} {view.title}", stamp, short_hash(view))
    for number, page in enumerate(pages, start=1):
        section = view.sections[page.section]
        title = f"{view.area_name}{section.title}"
        pen.heading(PAGE_W / 2, TOP - 14, title, 16, WIDTH)
        county = f"{settings.county_name}  " if settings.county_name else ""
        pen.text(LEFT, TOP - 32, f"{county}截至{written(view.as_of)}", 9.5)
        pen.text(RIGHT, TOP - 32, f"共 {section.count()}", 9.5, "right")
        bottom = _table(pen, section, page, centred[page.section])
        if page.last:
            pen.text(LEFT, bottom - 16, f"合计：{section.count()}", 9.5)
            signatures = (
                f"填报人：{settings.preparer}",
                f"审核人：{settings.reviewer}",
                "填报日期：      年    月    日",
            )
            for n, line in enumerate(signatures):
                pen.text(LEFT + n * WIDTH / 3, bottom - 32, line, 9.5)
        pen.footer(footer, number, len(pages), LEFT, RIGHT, FOOTER_Y)
        canvas.showPage()
        ticker.step()
    canvas.save()
    return buffer.getvalue()


def _centred(section: Section) -> list[bool]:
    """Per column, whether its texts are centred: where every one (but a number, said on the
    right) is short — a 性别, a 村, a name alone; a column with any longer text is set on the
    left whole, on every page (a name alone was centred under 袁鹏平、胡萍玲 on the left, and
    脱贫人口 under 农村低保对象、脱贫人口: one column on two lines)."""
    size = max(len(section.columns), max(map(len, section.rows), default=0))
    centred = [True] * size
    for row in section.rows:
        for i, value in enumerate(row):
            if centred[i] and len(value) > 4 and not _is_number(value):
                centred[i] = False
    return centred


def _table(pen: Pen, section: Section, page: _Page, centred: Sequence[bool]) -> float:
    """Header and rows of one page; returns the table's bottom."""
    widths = _widths(section)
    edges = [LEFT]
    for width in widths:
        edges.append(edges[-1] + width)
    top = TABLE_TOP
    for title, x, width in zip(section.columns, edges, widths, strict=False):
        pen.fit(title, x, top - HEADER_H, width, HEADER_H, SIZE + 0.5, pad=3)
    lines = [top, top - HEADER_H]
    for row, height in zip(page.rows, page.heights, strict=True):
        y = lines[-1] - height
        for value, x, width, middle in zip(row, edges, widths, centred, strict=False):
            align = "right" if _is_number(value) else "center" if middle else "left"
            pen.fit(value, x, y, width, height, SIZE, align=align, pad=3)
        lines.append(y)
    bottom = lines[-1]
    c = pen.c
    c.setLineWidth(0.5)
    for y in lines:
        c.line(LEFT, y, RIGHT, y)
    for x in edges:
        c.line(x, top, x, bottom)
    c.setLineWidth(1.0)
    c.rect(LEFT, bottom, WIDTH, top - bottom)
    return bottom


def _is_number(value: str) -> bool:
    return bool(value) and value.replace(".", "", 1).isdigit() and len(value) < 9


def row_texts(rows: Sequence[Sequence[object]]) -> tuple[tuple[str, ...], ...]:
    """Rows of values as rows of cell texts."""
    return tuple(tuple(text(v) for v in row) for row in rows)
