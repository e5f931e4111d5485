"""Plain rosters on landscape A4: 一库五册 (one roster per section) and the household duties.

Every page repeats its section's title, area and date, and the column header; rows have a fixed
height and never split (long text shrinks, then wraps, always clear of the cell's border); the
last page of a section says how many rows it has and leaves room for signatures. Pages are
numbered 第 n 页 共 m 页 within the document, with the content code in the footer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape

from fieldapp.domain.progress import PRINT_CANCELLED, CancelCheck, Progress, Ticker
from fieldapp.paperwork.digest import short_hash
from fieldapp.paperwork.pen import MARGIN, Footer, Pen, new_canvas
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


@dataclass(frozen=True)
class Section:
    """One roster: its title, the columns (with relative widths) and the rows, as text."""

    title: str
    columns: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    unit: str = "人"


@dataclass(frozen=True)
class TablesView:
    """What a table paper prints: sections of one area as of a date."""

    title: str
    area_name: str
    as_of: dt.date
    sections: tuple[Section, ...]


def text(value: object) -> str:
    """A cell's text: money without '.0', blanks for None, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".").replace(",", "")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class _Page:
    section: int
    start: int
    rows: tuple[tuple[str, ...], ...]
    last: bool


def _pages(view: TablesView) -> list[_Page]:
    """Each section's rows in pages; its last page keeps room for the closing lines."""
    room = int((TABLE_TOP - HEADER_H - FOOTER_Y - 20) // ROW_H)
    closing = int(CLOSING // ROW_H) + 1
    pages: list[_Page] = []
    for number, section in enumerate(view.sections):
        rows = section.rows
        chunks = [rows[i : i + room] for i in range(0, len(rows), room)] or [()]
        if len(chunks[-1]) > room - closing:
            chunks.append(())
        for index, chunk in enumerate(chunks):
            pages.append(_Page(number, index * room, tuple(chunk), index == len(chunks) - 1))
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
    stamp = (printed_at or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    canvas, buffer = new_canvas((PAGE_W, PAGE_H), view.title, view.title, demo=settings.demo)
    pen = Pen(canvas)
    pages = _pages(view)
    ticker = Ticker(progress, cancelled, len(pages), message=PRINT_CANCELLED)
    ticker.check()
    footer = Footer(f"{view.area_name} {view.title}", stamp, short_hash(view))
    for number, page in enumerate(pages, start=1):
        section = view.sections[page.section]
        title = f"{view.area_name}{section.title}"
        pen.heading(PAGE_W / 2, TOP - 14, title, 16, WIDTH)
        county = f"{settings.county_name}  " if settings.county_name else ""
        pen.text(LEFT, TOP - 32, f"{county}截至 {view.as_of.isoformat()}", 9.5)
        pen.text(RIGHT, TOP - 32, f"共 {len(section.rows)} {section.unit}", 9.5, "right")
        bottom = _table(pen, section, page)
        if page.last:
            pen.text(LEFT, bottom - 16, f"合计：{len(section.rows)} {section.unit}", 9.5)
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


def _table(pen: Pen, section: Section, page: _Page) -> float:
    """Header and rows of one page; returns the table's bottom."""
    total = sum(section.widths)
    widths = [WIDTH * w / total for w in section.widths]
    edges = [LEFT]
    for width in widths:
        edges.append(edges[-1] + width)
    top = TABLE_TOP
    for title, x, width in zip(section.columns, edges, widths, strict=False):
        pen.fit(title, x, top - HEADER_H, width, HEADER_H, SIZE + 0.5, pad=3)
    for offset, row in enumerate(page.rows):
        y = top - HEADER_H - ROW_H * (offset + 1)
        for value, x, width in zip(row, edges, widths, strict=False):
            align = "right" if _is_number(value) else "center" if len(value) <= 4 else "left"
            pen.fit(value, x, y, width, ROW_H, SIZE, align=align, pad=3)
    bottom = top - HEADER_H - ROW_H * len(page.rows)
    c = pen.c
    c.setLineWidth(0.5)
    for y in [top, top - HEADER_H] + [
        top - HEADER_H - ROW_H * (n + 1) for n in range(len(page.rows))
    ]:
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
